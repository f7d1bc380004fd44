#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include "verify/CheckResult.h"

namespace strata {

/// One backup in the catalog: what it is of, when, how big, its checksum and the checks it passed.
struct BackupRecord
{
    QString id;        ///< e.g. "20261121-140212-state"
    QString file;      ///< file (or folder) name, relative to the catalog's folder
    QString path;      ///< absolute path, filled in by the catalog
    QString createdAt; ///< ISO 8601, UTC
    QString database;  ///< the database's identity (sqlite:/abs/path.db, postgresql://host:port/db)
    QString dialect;
    QString format;           ///< sqlite, pg_dump-custom, pg_dump-directory
    qint64 schemaVersion = 0; ///< the database's version when the backup was taken
    qint64 size = 0;
    QString sha256;
    QList<CheckResult> checks;
    bool verified = false; ///< every check passed
    QString runId;         ///< the migration run it preceded, if any
    QString note;

    QJsonObject toJson() const;
    static BackupRecord fromJson(const QJsonObject& object);
};

} // namespace strata
