#include "tools/goose/GooseLayout.h"

#include <limits>

#include <QRegularExpression>

#include "tools/LayoutText.h"
#include "tools/goose/GooseSqlFile.h"

namespace strata {

bool GooseLayout::takesName(const LayoutFile& file) const
{
    return !file.isDir() && file.fileName().endsWith(QLatin1String(".sql"));
}

bool GooseLayout::takesContent(const QByteArray& bytes) const
{
    return GooseSqlFile::recognises(bytes);
}

Result<QList<LayoutPart>> GooseLayout::read(const LayoutFile& file, const LayoutContext&) const
{
    // goose's NumericComponent: the digits before the first "_" are the version, at least 1.
    static const QRegularExpression gooseName(QStringLiteral("^(\\d+)_(.+?)") +
                                              LayoutText::dialectSuffixPattern() + QStringLiteral("\\.sql$"));
    const auto m = gooseName.match(file.fileName());
    bool fits = true;
    const qint64 version =
        m.hasMatch() ? LayoutText::number(m.captured(1), std::numeric_limits<qint64>::max(), fits) : 0;
    if (!fits)
        return LayoutText::numberTooLarge(file.relativePath());
    if (version < 1)
        return Error::badInput(
            QStringLiteral("%1 has goose annotations, but goose takes only a file named "
                           "<version>_<name>.sql with a version of 1 or more.")
                .arg(file.relativePath()),
            QStringLiteral("Rename it, e.g. 00004_%1, or take the \"-- +goose\" lines out if it is no "
                           "migration.")
                .arg(file.fileName()),
            QStringLiteral("Nothing was run; the database is unchanged."));
    const auto bytes = file.bytes();
    if (!bytes)
        return bytes.error();
    auto goose = GooseSqlFile::parse(*bytes, file.relativePath());
    if (!goose)
        return goose.error();
    LayoutPart part;
    MigrationStep& step = part.step;
    step.layout = name();
    step.version = version;
    step.name = m.captured(2);
    step.versionName = file.fileName().chopped(4);
    step.forwardPath = file.relativePath();
    step.forwardSql = goose->up;
    step.forwardFirstLine = goose->upFirstLine;
    step.noOp = !LayoutText::hasStatements(goose->up);
    if (LayoutText::hasStatements(goose->down)) {
        step.rollbackPath = file.relativePath();
        step.rollbackSql = goose->down;
        step.rollbackFirstLine = goose->downFirstLine;
    }
    const auto dialect = LayoutText::dialectFromSuffix(m.captured(3));
    if (auto header = LayoutText::readHeader(step, *bytes, dialect); !header)
        return header.error();
    if (goose->noTransaction)
        step.header.noTransaction = true;
    part.pairKey = LayoutText::pairKey(step, dialect);
    return QList<LayoutPart>{part};
}

bool GooseLayout::marksFolder(const LayoutFile&) const
{
    return true;
}

Result<QString> GooseLayout::otherLayoutsFile(const LayoutFile& file) const
{
    // goose reads every <version>_<name>.sql of its folder, and refuses one without "-- +goose Up".
    static const QRegularExpression gooseFile(QStringLiteral("^\\d+_.*\\.sql$"));
    if (!file.isDir() && gooseFile.match(file.fileName()).hasMatch())
        return Error::badInput(
            QStringLiteral("%1 is in a goose folder, where goose reads it too: it must start with "
                           "'-- +goose Up'.")
                .arg(file.relativePath()),
            QStringLiteral(
                "Add the \"-- +goose Up\" (and \"-- +goose Down\") annotations to it, or move it out of "
                "the folder if it is no migration."),
            QStringLiteral("Nothing was run; the database is unchanged."));
    return QStringLiteral("goose reads only files named <version>_<name>.sql");
}

} // namespace strata
