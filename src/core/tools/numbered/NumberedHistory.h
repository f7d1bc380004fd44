#pragma once

#include "tools/ToolHistory.h"

namespace strata {

/// seed 001's numbered-SQL runner: schema_migrations with migration_id, version (the file name), name,
/// applied_at, checksum, execution_time_ms.
class NumberedHistory : public ToolHistory
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
