#include "tools/sqlx/SqlxLayout.h"

#include <limits>

#include <QRegularExpression>

#include "tools/LayoutText.h"

namespace strata {

namespace {

/// sqlx splits the name at its first "_": digits before it (an i64), ".sql" at its end.
const QRegularExpression& sqlxName()
{
    static const QRegularExpression re(QStringLiteral("^(\\d+)_(.*?)") + LayoutText::dialectSuffixPattern() +
                                       QStringLiteral("(\\.up|\\.down)?\\.sql$"));
    return re;
}

} // namespace

bool SqlxLayout::takesName(const LayoutFile& file) const
{
    return !file.isDir() && sqlxName().match(file.fileName()).hasMatch();
}

bool SqlxLayout::takesContent(const QByteArray& bytes) const
{
    return bytes.startsWith("-- no-transaction");
}

Result<QList<LayoutPart>> SqlxLayout::read(const LayoutFile& file, const LayoutContext&) const
{
    const auto m = sqlxName().match(file.fileName());
    bool fits = true;
    LayoutPart part;
    MigrationStep& step = part.step;
    step.layout = name();
    step.version = LayoutText::number(m.captured(1), std::numeric_limits<qint64>::max(), fits);
    if (!fits)
        return LayoutText::numberTooLarge(file.relativePath());
    step.name = m.captured(2);
    const auto dialect = LayoutText::dialectFromSuffix(m.captured(3));
    const auto bytes = file.bytes();
    if (!bytes)
        return bytes.error();
    const bool empty = !LayoutText::hasStatements(*bytes);
    part.pairKey = LayoutText::pairKey(step, dialect);
    if (m.captured(4) == QLatin1String(".down")) {
        part.kind = LayoutPart::Kind::Rollback;
        part.path = file.relativePath();
        if (!empty) {
            step.rollbackPath = file.relativePath();
            step.rollbackSql = *bytes;
        }
        return QList<LayoutPart>{part};
    }
    step.versionName = file.fileName().chopped(m.captured(4).size() + 4);
    step.forwardPath = file.relativePath();
    step.forwardSql = *bytes;
    step.noOp = empty; // sqlx runs an empty script and records it
    if (auto header = LayoutText::readHeader(step, *bytes, dialect); !header)
        return header.error();
    step.header.noTransaction = true;
    return QList<LayoutPart>{part};
}

bool SqlxLayout::marksFolder(const LayoutFile&) const
{
    return true;
}

bool SqlxLayout::readsFilesOf(const QString& layout) const
{
    return layout == QLatin1String("numbered") || layout == QLatin1String("golang-migrate");
}

Result<QString> SqlxLayout::otherLayoutsFile(const LayoutFile&) const
{
    return QStringLiteral("sqlx reads only <version>_<description>.sql files (and .up.sql / .down.sql)");
}

} // namespace strata
