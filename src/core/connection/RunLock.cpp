#include "connection/RunLock.h"

namespace strata {

RunLock::~RunLock() = default;

} // namespace strata
