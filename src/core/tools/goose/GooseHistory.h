#pragma once

#include "tools/ToolHistory.h"

namespace strata {

/// goose: goose_db_version(id, version_id, is_applied, tstamp), a row per up (older goose versions also add
/// one per down).
class GooseHistory : public ToolHistory
{
public:
    QString tool() const override;
    QString follows() const override;
    QString table() const override;
    bool recognises(const QSet<QString>& columns) const override;
    Result<QList<ForeignRow>> read(Database& db, const QString& table) const override;
    QString keepRunning() const override;
    bool writable() const override { return true; }
    Status recordApplied(Database& db, const QString& table, const ToolStep& applied) const override;
    Status recordRolledBack(Database& db, const QString& table, const ToolStep& rolledBack) const override;
};

} // namespace strata
