#include "connection/ConnectionProfiles.h"

#include <QSettings>

namespace strata {

namespace {

const QString kGroup = QStringLiteral("profiles");

/// A settings group per profile. '/' and '\' separate groups in QSettings: they are percent-encoded (and
/// '%' with them, so that no two names share a group).
QString groupOf(const QString& name)
{
    QString key = name;
    key.replace(QLatin1Char('%'), QLatin1String("%25"))
        .replace(QLatin1Char('/'), QLatin1String("%2F"))
        .replace(QLatin1Char('\\'), QLatin1String("%5C"));
    return kGroup + QLatin1Char('/') + key;
}

QString kindName(ConnectionProfile::Kind kind)
{
    return kind == ConnectionProfile::Kind::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
}

} // namespace

QStringList ConnectionProfiles::names()
{
    QSettings settings;
    settings.beginGroup(kGroup);
    QStringList names;
    for (const QString& group : settings.childGroups())
        names << settings.value(group + QStringLiteral("/name")).toString();
    names.removeAll(QString());
    names.sort(Qt::CaseInsensitive);
    return names;
}

std::optional<ConnectionProfile> ConnectionProfiles::find(const QString& name)
{
    QSettings settings;
    settings.beginGroup(groupOf(name));
    if (settings.value(QStringLiteral("name")).toString() != name || name.isEmpty())
        return std::nullopt;
    ConnectionProfile profile;
    profile.name = name;
    profile.kind =
        settings.value(QStringLiteral("kind")).toString() == kindName(ConnectionProfile::Kind::Sqlite)
            ? ConnectionProfile::Kind::Sqlite
            : ConnectionProfile::Kind::Postgres;
    profile.path = settings.value(QStringLiteral("path")).toString();
    profile.readOnly = settings.value(QStringLiteral("readOnly")).toBool();
    profile.host = settings.value(QStringLiteral("host")).toString();
    profile.port = settings.value(QStringLiteral("port"), 5432).toInt();
    profile.database = settings.value(QStringLiteral("database")).toString();
    profile.user = settings.value(QStringLiteral("user")).toString();
    profile.sslMode = settings.value(QStringLiteral("sslmode"), QStringLiteral("prefer")).toString();
    profile.rootCert = settings.value(QStringLiteral("sslrootcert")).toString();
    profile.clientCert = settings.value(QStringLiteral("sslcert")).toString();
    profile.clientKey = settings.value(QStringLiteral("sslkey")).toString();
    profile.migrations = settings.value(QStringLiteral("migrations")).toString();
    return profile;
}

void ConnectionProfiles::save(const ConnectionProfile& profile)
{
    QSettings settings;
    settings.remove(groupOf(profile.name)); // no key of an earlier kind of profile stays behind
    settings.beginGroup(groupOf(profile.name));
    settings.setValue(QStringLiteral("name"), profile.name);
    settings.setValue(QStringLiteral("kind"), kindName(profile.kind));
    settings.setValue(QStringLiteral("readOnly"), profile.readOnly);
    settings.setValue(QStringLiteral("migrations"), profile.migrations);
    if (!profile.isPostgres()) {
        settings.setValue(QStringLiteral("path"), profile.path);
        return;
    }
    settings.setValue(QStringLiteral("host"), profile.host);
    settings.setValue(QStringLiteral("port"), profile.port);
    settings.setValue(QStringLiteral("database"), profile.database);
    settings.setValue(QStringLiteral("user"), profile.user);
    settings.setValue(QStringLiteral("sslmode"), profile.sslMode);
    settings.setValue(QStringLiteral("sslrootcert"), profile.rootCert);
    settings.setValue(QStringLiteral("sslcert"), profile.clientCert);
    settings.setValue(QStringLiteral("sslkey"), profile.clientKey);
}

void ConnectionProfiles::remove(const QString& name)
{
    QSettings settings;
    settings.remove(groupOf(name));
}

} // namespace strata
