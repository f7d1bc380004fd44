#pragma once

#include "tools/ToolLayout.h"

namespace strata {

/// golang-migrate v4 (v4.19.1): "{version}_{title}.up.{ext}" runs forward, "{version}_{title}.down.{ext}" is
/// its rollback; versions are numbers. An empty or comment-only up file is a no-op step; an empty or
/// missing down file means the step has no rollback. The same `.down` rule gives seed 001's numbered files
/// and sqlx's reversible files their rollbacks. See docs/migration-sets.md.
class GolangMigrateLayout : public ToolLayout
{
public:
    QString name() const override { return QStringLiteral("golang-migrate"); }
    bool takesName(const LayoutFile& file) const override;
    Result<QList<LayoutPart>> read(const LayoutFile& file, const LayoutContext& context) const override;
    bool marksFolder(const LayoutFile& file) const override;
    Result<QString> otherLayoutsFile(const LayoutFile& file) const override;
};

} // namespace strata
