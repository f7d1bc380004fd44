#pragma once

#include <QString>
#include <QVariantMap>

#include "common/Result.h"
#include "connection/ConnectionUrl.h"

namespace strata {

/// What the window is open on: a database (its URL, never a password), the migration set that goes with
/// it, where its backups go, and how it appears in the Recent menu.
struct ConnectionTarget
{
    QString url;
    QString migrations;
    QString backupFolder; ///< empty: the default for the database
    QString config;       ///< the operator's config/database.yaml for this database, if any
    bool readOnly = false;
    QString label;

    bool isValid() const { return !url.isEmpty(); }
    Result<ConnectionUrl> connectionUrl() const { return ConnectionUrl::parse(url); }
    /// The label, or the URL when it has none.
    QString displayName() const;
    QVariantMap toVariant() const;
    static ConnectionTarget fromVariant(const QVariantMap& map);
    bool operator==(const ConnectionTarget& other) const
    {
        return url == other.url && migrations == other.migrations;
    }
};

} // namespace strata
