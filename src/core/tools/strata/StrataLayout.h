#pragma once

#include "tools/ToolLayout.h"

namespace strata {

/// Strata's own layout: a version folder "<version>_<name>/" of step files "<step>_<name>[.<dialect>].sql"
/// and their rollbacks "<step>_<name>[.<dialect>].down.sql". In a version folder a `.sql` file with another
/// name, or an empty step file, is an error; other files are listed as ignored.
class StrataLayout : public ToolLayout
{
public:
    QString name() const override { return QStringLiteral("strata"); }
    bool takesName(const LayoutFile& file) const override;
    Result<QList<LayoutPart>> read(const LayoutFile& file, const LayoutContext& context) const override;
};

} // namespace strata
