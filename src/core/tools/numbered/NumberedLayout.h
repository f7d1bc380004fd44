#pragma once

#include "tools/ToolLayout.h"

namespace strata {

/// Seed 001's numbered SQL: "003_add_users.sql" with header comments (`-- Migration:`, `-- Description:`,
/// `-- Created:`), version 3, step 1. Its rollback "003_add_users.down.sql" is taken by the `.down` rule
/// (GolangMigrateLayout) and paired by version and name. The same names are sqlx's simple migrations: an
/// empty or comment-only file is a no-op step, as sqlx records it, unless it carries seed 001's
/// `-- Migration:` header (seed 001's runner has no empty migrations: such a file is an error).
class NumberedLayout : public ToolLayout
{
public:
    QString name() const override { return QStringLiteral("numbered"); }
    bool takesName(const LayoutFile& file) const override;
    Result<QList<LayoutPart>> read(const LayoutFile& file, const LayoutContext& context) const override;
};

} // namespace strata
