#include "connection/ConnectionProfile.h"

#include <QFileInfo>
#include <QUrl>
#include <QUrlQuery>

namespace strata {

namespace {

const QString kDefaultSslMode = QStringLiteral("prefer");

/// The libpq parameters a profile keeps besides host, port, database and user.
struct SslParameter
{
    const char* key;
    QString ConnectionProfile::*field;
};
constexpr SslParameter kCertificateParameters[] = {{"sslrootcert", &ConnectionProfile::rootCert},
                                                   {"sslcert", &ConnectionProfile::clientCert},
                                                   {"sslkey", &ConnectionProfile::clientKey}};

} // namespace

ConnectionTarget ConnectionProfile::target() const
{
    ConnectionTarget target;
    target.migrations = migrations;
    if (kind == Kind::Sqlite) {
        target.url =
            path.isEmpty() ? QString() : QStringLiteral("sqlite:") + QFileInfo(path).absoluteFilePath();
        target.readOnly = readOnly;
        target.label = QFileInfo(path).fileName();
        return target;
    }
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(host);
    url.setPort(port);
    url.setUserName(user);
    url.setPath(QLatin1Char('/') + database);
    QUrlQuery query;
    if (!sslMode.isEmpty() && sslMode != kDefaultSslMode)
        query.addQueryItem(QStringLiteral("sslmode"), sslMode);
    for (const auto& parameter : kCertificateParameters)
        if (!(this->*parameter.field).isEmpty())
            query.addQueryItem(QLatin1String(parameter.key), this->*parameter.field);
    url.setQuery(query);
    target.url = url.toString();
    target.readOnly = readOnly;
    target.label = QStringLiteral("%1 on %2").arg(database, host);
    return target;
}

ConnectionProfile ConnectionProfile::fromTarget(const ConnectionTarget& target)
{
    ConnectionProfile profile;
    profile.kind = Kind::Sqlite;
    profile.migrations = target.migrations;
    profile.readOnly = target.readOnly;
    auto url = target.connectionUrl();
    if (!url)
        return profile;
    if (url->dialect() == Dialect::Sqlite) {
        profile.path = url->sqlitePath();
        return profile;
    }
    profile.kind = Kind::Postgres;
    profile.host = url->postgresParameter(QStringLiteral("host"));
    const int port = url->postgresParameter(QStringLiteral("port")).toInt();
    profile.port = port > 0 ? port : 5432;
    profile.database = url->postgresParameter(QStringLiteral("dbname"));
    profile.user = url->postgresParameter(QStringLiteral("user"));
    const QString sslMode = url->postgresParameter(QStringLiteral("sslmode"));
    profile.sslMode = sslMode.isEmpty() ? kDefaultSslMode : sslMode;
    for (const auto& parameter : kCertificateParameters)
        profile.*parameter.field = url->postgresParameter(QLatin1String(parameter.key));
    return profile;
}

} // namespace strata
