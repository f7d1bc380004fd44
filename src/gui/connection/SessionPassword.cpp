#include "connection/SessionPassword.h"

#include "connection/ServerPasswords.h"

namespace strata {

SessionPassword::Change SessionPassword::use(const ConnectionUrl& url, const QString& password)
{
    Change change{url, ServerPasswords::forUrl(url)};
    ServerPasswords::set(url, password);
    return change;
}

QString SessionPassword::forUrl(const ConnectionUrl& url)
{
    return ServerPasswords::forUrl(url);
}

void SessionPassword::undo(const Change& change)
{
    ServerPasswords::set(change.url, change.before);
}

} // namespace strata
