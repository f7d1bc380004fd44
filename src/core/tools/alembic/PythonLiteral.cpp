#include "tools/alembic/PythonLiteral.h"

namespace strata {

QStringList PythonLiteral::items() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::String:
        return text.isEmpty() ? QStringList{} : QStringList{text};
    case Kind::Strings:
        return strings;
    case Kind::Other:
        break;
    }
    return {};
}

} // namespace strata
