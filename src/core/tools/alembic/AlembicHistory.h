#pragma once

#include "tools/ToolHistory.h"
#include "tools/ToolStep.h"

namespace strata {

/// Alembic: alembic_version(version_num), the current revision of each head.
class AlembicHistory : public ToolHistory
{
public:
    QString tool() const override;
    QString follows() const override;
    QString table() const override;
    bool recognises(const QSet<QString>& columns) const override;
    Result<QList<ForeignRow>> read(Database& db, const QString& table) const override;
    QString keepRunning() const override;
    QString note() const override;
    bool keepsOnlyCurrent() const override { return true; }
    /// Strata keeps alembic_version current by running the project's own Alembic for each revision
    /// (AlembicStepRunner): Alembic writes its row in the revision's own transaction.
    bool writable() const override { return true; }
    /// Nothing to write for an Alembic revision: Alembic has written alembic_version already. Any other
    /// step would be missing from Alembic's history, so it is refused.
    Status recordApplied(Database& db, const QString& table, const ToolStep& applied) const override;
    Status recordRolledBack(Database& db, const QString& table, const ToolStep& rolledBack) const override;
};

} // namespace strata
