#pragma once

#include "tools/ToolHistory.h"

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
};

} // namespace strata
