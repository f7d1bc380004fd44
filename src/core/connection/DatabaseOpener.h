#pragma once

#include <memory>

#include "common/Result.h"
#include "connection/ConnectionUrl.h"
#include "connection/Database.h"

namespace strata {

/// Opens the right dialect for a URL and checks that what it opened is a database it can use.
class DatabaseOpener
{
public:
    enum class Mode { ReadWrite, ReadOnly };

    static Result<std::unique_ptr<Database>> open(const ConnectionUrl& url, Mode mode = Mode::ReadWrite);
};

} // namespace strata
