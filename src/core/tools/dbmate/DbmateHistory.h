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
};

} // namespace strata
