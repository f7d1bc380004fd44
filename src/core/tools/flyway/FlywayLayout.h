#pragma once

#include "tools/ToolLayout.h"

namespace strata {

/// Flyway 10+ SQL migrations: "V<version>__<description>.sql" (versioned), "U<version>__<description>.sql"
/// (its undo, Strata's rollback) and "R__<description>.sql" (repeatable). Versions are FlywayVersion's;
/// `${name}` placeholders are replaced with the manifest's `placeholders:` and refused when it has none of
/// that name. Callbacks ("afterMigrate.sql") are listed as ignored. Flyway scans its location's subfolders
/// too: a folder holding Flyway scripts at any depth is read whole (unless its name is a version folder's or
/// a Prisma migration's). See docs/migration-sets.md, "Flyway".
class FlywayLayout : public ToolLayout
{
public:
    QString name() const override { return QStringLiteral("flyway"); }
    bool takesName(const LayoutFile& file) const override;
    Result<QList<LayoutPart>> read(const LayoutFile& file, const LayoutContext& context) const override;
    bool marksFolder(const LayoutFile& file) const override;
    Result<QString> otherLayoutsFile(const LayoutFile& file) const override;
    QString ignoredReason(const LayoutFile& file) const override;

private:
    Result<QList<LayoutPart>> readScript(const LayoutFile& file, const LayoutContext& context) const;
};

} // namespace strata
