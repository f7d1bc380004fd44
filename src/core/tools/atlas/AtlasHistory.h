#pragma once

#include "tools/ToolHistory.h"

namespace strata {

/// Atlas: atlas_schema_revisions, one row per migration file (shown read-only).
class AtlasHistory : public ToolHistory
{
public:
    QString tool() const override;
    QString follows() const override;
    QString table() const override;
    bool recognises(const QSet<QString>& columns) const override;
    Result<QList<ForeignRow>> read(Database& db, const QString& table) const override;
    QString keepRunning() const override;
    bool readOnly() const override { return true; }
    QStringList tablesIn(Dialect dialect) const override;
};

} // namespace strata
