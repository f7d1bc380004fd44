#include "tools/golangmigrate/GolangMigrateLayout.h"

#include <limits>

#include <QRegularExpression>

#include "tools/LayoutText.h"

namespace strata {

namespace {

/// golang-migrate's source.Regex: `^([0-9]+)_(.*)\.(down|up)\.(.*)$`, the title greedy.
const QRegularExpression& golangName()
{
    static const QRegularExpression re(QStringLiteral("^([0-9]+)_(.*)\\.(down|up)\\.(.*)$"));
    return re;
}

/// Strata's dialect suffix at the end of a title: "orders.postgresql".
const QRegularExpression& titleDialect()
{
    static const QRegularExpression re(QStringLiteral("^(.*?)") + LayoutText::dialectSuffixPattern() +
                                       QStringLiteral("$"));
    return re;
}

} // namespace

bool GolangMigrateLayout::takesName(const LayoutFile& file) const
{
    return !file.isDir() && golangName().match(file.fileName()).hasMatch();
}

Result<QList<LayoutPart>> GolangMigrateLayout::read(const LayoutFile& file, const LayoutContext&) const
{
    const auto m = golangName().match(file.fileName());
    const auto t = titleDialect().match(m.captured(2));
    const auto dialect = LayoutText::dialectFromSuffix(t.captured(2));
    bool fits = true;
    LayoutPart part;
    MigrationStep& step = part.step;
    step.layout = name();
    step.version = LayoutText::number(m.captured(1), std::numeric_limits<qint64>::max(), fits);
    if (!fits)
        return LayoutText::numberTooLarge(file.relativePath());
    step.name = t.captured(1);
    const auto bytes = file.bytes();
    if (!bytes)
        return bytes.error();
    const bool empty = !LayoutText::hasStatements(*bytes);
    part.pairKey = LayoutText::pairKey(step, dialect);
    if (m.captured(3) == QLatin1String("down")) {
        part.kind = LayoutPart::Kind::Rollback;
        part.path = file.relativePath();
        if (!empty) { // an empty or comment-only down file: no rollback
            step.rollbackPath = file.relativePath();
            step.rollbackSql = *bytes;
        }
        return QList<LayoutPart>{part};
    }
    const QString base = file.fileName();
    step.versionName = base.left(base.size() - m.captured(4).size() - 4); // without ".up.<ext>"
    step.forwardPath = file.relativePath();
    step.forwardSql = *bytes;
    step.noOp = empty;
    if (auto header = LayoutText::readHeader(step, *bytes, dialect); !header)
        return header.error();
    return QList<LayoutPart>{part};
}

bool GolangMigrateLayout::marksFolder(const LayoutFile& file) const
{
    return golangName().match(file.fileName()).captured(3) == QLatin1String("up");
}

Result<QString> GolangMigrateLayout::otherLayoutsFile(const LayoutFile&) const
{
    return QStringLiteral("golang-migrate reads only {version}_{title}.up|down.{ext} files");
}

} // namespace strata
