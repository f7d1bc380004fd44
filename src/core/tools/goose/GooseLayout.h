#pragma once

#include "tools/ToolLayout.h"

namespace strata {

/// goose v3 SQL files: any `.sql` file with a goose annotation is goose's and never plain SQL. Its name must
/// be goose's "<version>_<name>.sql" (version >= 1); its text is read by GooseSqlFile. An Up section without
/// a statement is a no-op step.
class GooseLayout : public ToolLayout
{
public:
    QString name() const override { return QStringLiteral("goose"); }
    bool takesName(const LayoutFile& file) const override;
    bool needsContent() const override { return true; }
    bool takesContent(const QByteArray& bytes) const override;
    Result<QList<LayoutPart>> read(const LayoutFile& file, const LayoutContext& context) const override;
    bool marksFolder(const LayoutFile& file) const override;
    Result<QString> otherLayoutsFile(const LayoutFile& file) const override;
};

} // namespace strata
