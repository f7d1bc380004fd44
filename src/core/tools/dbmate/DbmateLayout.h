#pragma once

#include "tools/ToolLayout.h"

namespace strata {

/// dbmate 2.36.0: a file named `^(\d+).*\.sql$` whose lines hold dbmate's markers (`-- migrate:up`,
/// `-- migrate:down` in the first column). Read by DbmateSqlFile; an up block without a statement is a
/// no-op step; the down block is the rollback even when it holds no statement (dbmate then only deletes
/// the version's row).
class DbmateLayout : public ToolLayout
{
public:
    QString name() const override { return QStringLiteral("dbmate"); }
    bool takesName(const LayoutFile& file) const override;
    bool needsContent() const override { return true; }
    bool takesContent(const QByteArray& bytes) const override;
    Result<QList<LayoutPart>> read(const LayoutFile& file, const LayoutContext& context) const override;
    bool marksFolder(const LayoutFile& file) const override;
    Result<QString> otherLayoutsFile(const LayoutFile& file) const override;
};

} // namespace strata
