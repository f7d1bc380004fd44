#pragma once

#include "tools/ToolHistory.h"

namespace strata {

/// golang-migrate: schema_migrations(version bigint, dirty bool), one row, its current version.
class GolangMigrateHistory : public ToolHistory
{
public:
    QString tool() const override;
    QString follows() const override;
    QString table() const override;
    bool recognises(const QSet<QString>& columns) const override;
    Result<QList<ForeignRow>> read(Database& db, const QString& table) const override;
    QString keepRunning() const override;
    bool keepsOnlyCurrent() const override { return true; }
    bool writable() const override { return true; }
    Status recordApplied(Database& db, const QString& table, const ToolStep& applied) const override;
    Status recordRolledBack(Database& db, const QString& table, const ToolStep& rolledBack) const override;
    QString note() const override;
};

} // namespace strata
