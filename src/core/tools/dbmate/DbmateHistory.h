#pragma once

#include "tools/ToolHistory.h"

namespace strata {

/// dbmate: schema_migrations(version varchar(128) primary key), one row per applied file.
class DbmateHistory : public ToolHistory
{
public:
    QString tool() const override;
    QString follows() const override;
    QString table() const override;
    bool recognises(const QSet<QString>& columns) const override;
    Result<QList<ForeignRow>> read(Database& db, const QString& table) const override;
    QString keepRunning() const override;
    QString versionOf(const MigrationStep& step) const override;
    bool writable() const override { return true; }
    Status recordApplied(Database& db, const QString& table, const ToolStep& applied) const override;
    Status recordRolledBack(Database& db, const QString& table, const ToolStep& rolledBack) const override;
};

} // namespace strata
