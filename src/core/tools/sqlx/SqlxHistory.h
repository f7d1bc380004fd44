#pragma once

#include "tools/ToolHistory.h"

namespace strata {

/// sqlx: _sqlx_migrations(version, description, installed_on, success, checksum, execution_time).
class SqlxHistory : public ToolHistory
{
public:
    QString tool() const override;
    QString follows() const override;
    QString table() const override;
    bool recognises(const QSet<QString>& columns) const override;
    Result<QList<ForeignRow>> read(Database& db, const QString& table) const override;
    QString keepRunning() const override;
    QString checksumOf(const MigrationStep& step, const QByteArray& bytes) const override;
    bool writable() const override { return true; }
    Status recordApplied(Database& db, const QString& table, const ToolStep& applied) const override;
    Status recordRolledBack(Database& db, const QString& table, const ToolStep& rolledBack) const override;
};

} // namespace strata
