#pragma once

#include "tools/ToolHistory.h"

namespace strata {

/// Flyway: flyway_schema_history, one row per versioned, repeatable or baseline run, failed ones included.
class FlywayHistory : public ToolHistory
{
public:
    QString tool() const override;
    QString follows() const override;
    QString table() const override;
    bool recognises(const QSet<QString>& columns) const override;
    Result<QList<ForeignRow>> read(Database& db, const QString& table) const override;
    QString keepRunning() const override;
};

} // namespace strata
