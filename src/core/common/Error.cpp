#include "common/Error.h"

namespace strata {

Error Error::badInput(QString what, QString next, QString unchanged)
{
    return Error{ExitCode::BadInput, std::move(what),
                 unchanged.isEmpty() ? QStringLiteral("Nothing was changed.") : std::move(unchanged),
                 std::move(next)};
}

Error Error::failed(QString what, QString unchanged, QString next)
{
    return Error{ExitCode::Failed, std::move(what), std::move(unchanged), std::move(next)};
}

Error Error::refused(QString what, QString next)
{
    return Error{ExitCode::Refused, std::move(what), QStringLiteral("Nothing was changed."), std::move(next)};
}

Error Error::locked(QString what, QString next)
{
    return Error{ExitCode::Locked, std::move(what), QStringLiteral("Nothing was changed."), std::move(next)};
}

QString Error::toText() const
{
    QString text = what;
    if (!unchanged.isEmpty())
        text += QStringLiteral("\n  Unchanged: ") + unchanged;
    if (!next.isEmpty())
        text += QStringLiteral("\n  Next: ") + next;
    return text;
}

Error Error::withUnchanged(QString text) const
{
    Error copy = *this;
    copy.unchanged = std::move(text);
    return copy;
}

Error Error::prefixed(const QString& context) const
{
    Error copy = *this;
    copy.what = context + QStringLiteral(": ") + what;
    return copy;
}

} // namespace strata
