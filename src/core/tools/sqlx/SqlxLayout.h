#pragma once

#include "tools/ToolLayout.h"

namespace strata {

/// sqlx 0.8's `-- no-transaction` files. sqlx's names are "<version>_<name>.sql" (simple) and
/// "<version>_<name>.up.sql" / ".down.sql" (reversible): the names of seed 001's numbered files and of
/// golang-migrate's pairs, read the same way. What only sqlx reads is a file whose text starts with
/// `-- no-transaction`: it runs outside a transaction. Such a file is taken here; any other sqlx file is
/// read by NumberedLayout or GolangMigrateLayout (see docs/migration-sets.md, "sqlx").
class SqlxLayout : public ToolLayout
{
public:
    QString name() const override { return QStringLiteral("sqlx"); }
    bool takesName(const LayoutFile& file) const override;
    bool needsContent() const override { return true; }
    bool takesContent(const QByteArray& bytes) const override;
    Result<QList<LayoutPart>> read(const LayoutFile& file, const LayoutContext& context) const override;
    bool marksFolder(const LayoutFile& file) const override;
    Result<QString> otherLayoutsFile(const LayoutFile& file) const override;
    bool readsFilesOf(const QString& layout) const override;
};

} // namespace strata
