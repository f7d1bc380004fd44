#pragma once

#include "tools/ToolLayout.h"

namespace strata {

/// Flyway 10+ SQL migrations: "V<version>__<description>.sql" (versioned), "U<version>__<description>.sql"
/// (its undo, Strata's rollback) and "R__<description>.sql" (repeatable). Versions are FlywayVersion's;
/// `${name}` placeholders are replaced with the manifest's `placeholders:` and refused when it has none of
/// that name. Callbacks ("afterMigrate.sql") are listed as ignored. See docs/migration-sets.md, "Flyway".
class FlywayLayout : public ToolLayout
{
public:
    QString name() const override { return QStringLiteral("flyway"); }
    bool takesName(const LayoutFile& file) const override;
    Result<QList<LayoutPart>> read(const LayoutFile& file, const LayoutContext& context) const override;
    QString ignoredReason(const LayoutFile& file) const override;
};

} // namespace strata
