#include "tools/dbmate/DbmateLayout.h"

#include <limits>

#include <QRegularExpression>

#include "tools/LayoutText.h"
#include "tools/dbmate/DbmateSqlFile.h"

namespace strata {

namespace {

/// dbmate's migrationFileRegexp `^(\d+).*\.sql$`; the rest of the name is read for Strata's name and dialect.
const QRegularExpression& dbmateName()
{
    static const QRegularExpression re(QStringLiteral("^(\\d+)_?(.*?)") + LayoutText::dialectSuffixPattern() +
                                       QStringLiteral("\\.sql$"));
    return re;
}

} // namespace

bool DbmateLayout::takesName(const LayoutFile& file) const
{
    // dbmateName() without a regular expression: a leading digit and ".sql" (asked of every file).
    const QString name = file.fileName();
    return !file.isDir() && !name.isEmpty() && name.at(0).isDigit() && name.at(0).unicode() < 128 &&
           name.endsWith(QLatin1String(".sql"));
}

bool DbmateLayout::takesContent(const QByteArray& bytes) const
{
    return DbmateSqlFile::recognises(bytes);
}

Result<QList<LayoutPart>> DbmateLayout::read(const LayoutFile& file, const LayoutContext&) const
{
    const auto m = dbmateName().match(file.fileName());
    bool fits = true;
    LayoutPart part;
    MigrationStep& step = part.step;
    step.layout = name();
    step.version = LayoutText::number(m.captured(1), std::numeric_limits<qint64>::max(), fits);
    if (!fits)
        return LayoutText::numberTooLarge(file.relativePath());
    step.name = m.captured(2);
    step.versionName = file.fileName().chopped(4);
    const auto bytes = file.bytes();
    if (!bytes)
        return bytes.error();
    auto dbmate = DbmateSqlFile::parse(*bytes, file.relativePath());
    if (!dbmate)
        return dbmate.error();
    step.forwardPath = file.relativePath();
    step.forwardSql = dbmate->up;
    step.forwardFirstLine = dbmate->upFirstLine;
    step.noOp = !LayoutText::hasStatements(dbmate->up);
    step.rollbackPath = file.relativePath(); // dbmate rolls back even an empty down block
    step.rollbackSql = dbmate->down;
    step.rollbackFirstLine = dbmate->downFirstLine;
    const auto dialect = LayoutText::dialectFromSuffix(m.captured(3));
    if (auto header = LayoutText::readHeader(step, *bytes, dialect); !header)
        return header.error();
    // The up marker's option decides how the step runs, its rollback included: Strata has one transaction
    // mode per step (docs/migration-sets.md says where that differs from dbmate).
    if (!dbmate->upTransaction)
        step.header.noTransaction = true;
    part.pairKey = LayoutText::pairKey(step, dialect);
    return QList<LayoutPart>{part};
}

bool DbmateLayout::marksFolder(const LayoutFile&) const
{
    return true;
}

Result<QString> DbmateLayout::otherLayoutsFile(const LayoutFile& file) const
{
    // dbmate reads every file its name rule takes, and refuses one without its markers.
    if (!file.isDir() && dbmateName().match(file.fileName()).hasMatch())
        return Error::badInput(
            QStringLiteral(
                "%1 is in a dbmate folder, where dbmate reads it too: dbmate requires each migration "
                "to define an up block with '-- migrate:up'.")
                .arg(file.relativePath()),
            QStringLiteral("Add \"-- migrate:up\" and \"-- migrate:down\" lines to it, or move it out of the "
                           "folder if it is no migration."),
            QStringLiteral("Nothing was run; the database is unchanged."));
    return QStringLiteral("dbmate reads only files named <version>_<name>.sql");
}

} // namespace strata
