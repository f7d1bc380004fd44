#pragma once

#include "tools/ToolHistory.h"

namespace strata {

/// Liquibase: databasechangelog, one row per changeset run (shown read-only).
class LiquibaseHistory : public ToolHistory
{
public:
    QString tool() const override;
    QString follows() const override;
    QString table() const override;
    bool recognises(const QSet<QString>& columns) const override;
    Result<QList<ForeignRow>> read(Database& db, const QString& table) const override;
    QString keepRunning() const override;
    bool readOnly() const override { return true; }
};

} // namespace strata
