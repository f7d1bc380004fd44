#include "connection/ServerPasswords.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>

namespace strata {

namespace {

struct Kept
{
    QMutex mutex;
    QHash<QString, QString> passwords; ///< by login()
};

Kept& kept()
{
    static Kept k;
    return k;
}

/// The user on the server, as libpq tells logins apart (the database name aside).
QString login(const ConnectionUrl& url)
{
    if (url.dialect() != Dialect::Postgres)
        return {};
    return url.postgresParameter(QStringLiteral("user")) + QLatin1Char('@') +
           url.postgresParameter(QStringLiteral("host")) + QLatin1Char(':') +
           url.postgresParameter(QStringLiteral("port"));
}

} // namespace

const QString ServerPasswords::kRefusedLogin = QStringLiteral("PostgreSQL refused the login to");

bool ServerPasswords::wantsPassword(const Error& error)
{
    return error.what.startsWith(kRefusedLogin) && error.what.contains(QLatin1String("password"));
}

void ServerPasswords::set(const ConnectionUrl& url, const QString& password)
{
    if (url.dialect() != Dialect::Postgres)
        return;
    QMutexLocker lock(&kept().mutex);
    if (password.isEmpty())
        kept().passwords.remove(login(url));
    else
        kept().passwords.insert(login(url), password);
}

QString ServerPasswords::forUrl(const ConnectionUrl& url)
{
    if (url.dialect() != Dialect::Postgres)
        return {};
    QMutexLocker lock(&kept().mutex);
    return kept().passwords.value(login(url));
}

void ServerPasswords::forget(const ConnectionUrl& url)
{
    set(url, QString());
}

QProcessEnvironment ServerPasswords::childEnvironment(const ConnectionUrl& url,
                                                      QProcessEnvironment environment)
{
    if (const QString password = forUrl(url); !password.isEmpty())
        environment.insert(QStringLiteral("PGPASSWORD"), password);
    return environment;
}

} // namespace strata
