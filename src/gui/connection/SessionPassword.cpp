#include "connection/SessionPassword.h"

#include <optional>

#include <QByteArray>

namespace strata {

namespace {

struct Session
{
    SessionPassword::State state;
    /// PGPASSWORD before Strata first set it; nullopt: it was not set.
    std::optional<QByteArray> original;
    bool changed = false;
};

Session& session()
{
    static Session s;
    return s;
}

constexpr const char* kVariable = "PGPASSWORD";

} // namespace

void SessionPassword::use(const ConnectionUrl& url, const QString& password)
{
    restore({password.isEmpty() ? QString() : url.display(), password});
}

QString SessionPassword::forUrl(const ConnectionUrl& url)
{
    const State& state = session().state;
    return state.server == url.display() ? state.password : QString();
}

SessionPassword::State SessionPassword::current()
{
    return session().state;
}

void SessionPassword::restore(const State& state)
{
    Session& s = session();
    if (state.password.isEmpty()) {
        // Give PGPASSWORD back only while it still holds what Strata put there: when someone else set it
        // since, theirs stands.
        if (s.changed && qgetenv(kVariable) == s.state.password.toUtf8()) {
            if (s.original)
                qputenv(kVariable, *s.original);
            else
                qunsetenv(kVariable);
        }
        s.changed = false;
        s.state = {};
        return;
    }
    if (!s.changed) {
        s.original = qEnvironmentVariableIsSet(kVariable) ? std::optional(qgetenv(kVariable)) : std::nullopt;
        s.changed = true;
    }
    qputenv(kVariable, state.password.toUtf8());
    s.state = state;
}

} // namespace strata
