#pragma once

#include "tools/ToolLayout.h"

namespace strata {

/// Prisma Migrate: a folder "<timestamp>_<name>/" holding "migration.sql", and the folder's
/// "migration_lock.toml", whose provider the set records (MigrationSet::providerLock) for the planner to
/// compare with the database's engine, as `prisma migrate deploy` does. An empty migration.sql is a no-op
/// step. See docs/migration-sets.md, "Prisma".
class PrismaLayout : public ToolLayout
{
public:
    QString name() const override { return QStringLiteral("prisma"); }
    bool takesName(const LayoutFile& file) const override;
    Result<QList<LayoutPart>> read(const LayoutFile& file, const LayoutContext& context) const override;
    bool marksFolder(const LayoutFile& file) const override;
    Result<QString> otherLayoutsFile(const LayoutFile& file) const override;
};

} // namespace strata
