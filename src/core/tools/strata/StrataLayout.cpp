#include "tools/strata/StrataLayout.h"

#include <limits>

#include <QDir>
#include <QRegularExpression>

#include "tools/LayoutText.h"
#include "tools/goose/GooseSqlFile.h"

namespace strata {

namespace {

const QRegularExpression& versionFolder()
{
    static const QRegularExpression re(QStringLiteral("^(\\d+)_(.+)$"));
    return re;
}

const QRegularExpression& stepFile()
{
    static const QRegularExpression re(QStringLiteral("^(\\d+)_(.+?)") + LayoutText::dialectSuffixPattern() +
                                       QStringLiteral("(\\.down)?\\.sql$"));
    return re;
}

Error notAStepName(const QString& path)
{
    return Error::badInput(
        QStringLiteral("%1 is a .sql file in a version folder whose name is no step name.").arg(path),
        QStringLiteral("Name a step like 01_tables.sql (or 01_tables.down.sql for its rollback), or move the "
                       "file out of the version folder; see docs/migration-sets.md."));
}

} // namespace

bool StrataLayout::takesName(const LayoutFile& file) const
{
    return file.isDir() && versionFolder().match(file.fileName()).hasMatch();
}

Result<QList<LayoutPart>> StrataLayout::read(const LayoutFile& folder, const LayoutContext&) const
{
    const auto v = versionFolder().match(folder.fileName());
    bool fits = true;
    const qint64 version = LayoutText::number(v.captured(1), std::numeric_limits<qint64>::max(), fits);
    if (!fits)
        return LayoutText::numberTooLarge(folder.relativePath());
    QList<LayoutPart> parts;
    const QDir dir(folder.absolutePath());
    const auto entries =
        dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
    for (const QFileInfo& entry : entries) {
        const QString path = folder.relativePath() + QLatin1Char('/') + entry.fileName();
        const auto m = stepFile().match(entry.fileName());
        if (entry.isDir() || !entry.fileName().endsWith(QLatin1String(".sql"))) {
            LayoutPart ignored;
            ignored.kind = LayoutPart::Kind::Ignored;
            ignored.path = path;
            ignored.reason = entry.isDir() ? QStringLiteral("a folder inside a version folder")
                                           : QStringLiteral("not a step file (a step file ends in .sql)");
            parts << ignored;
            continue;
        }
        if (!m.hasMatch())
            return notAStepName(path);
        LayoutPart part;
        MigrationStep& step = part.step;
        step.layout = name();
        step.version = version;
        step.versionName = v.captured(2);
        step.step =
            static_cast<int>(LayoutText::number(m.captured(1), std::numeric_limits<int>::max(), fits));
        if (!fits)
            return LayoutText::numberTooLarge(path);
        step.name = m.captured(2);
        const auto dialect = LayoutText::dialectFromSuffix(m.captured(3));
        part.pairKey = LayoutText::pairKey(step, dialect);
        const LayoutFile file(folder.root(), path, false);
        const auto bytes = file.bytes();
        if (!bytes)
            return bytes.error();
        if (!m.captured(4).isEmpty()) {
            if (!LayoutText::hasStatements(*bytes))
                return Error::badInput(
                    QStringLiteral("The rollback script %1 is empty.").arg(path),
                    QStringLiteral("Write the statements that undo the step, or delete the file."));
            part.kind = LayoutPart::Kind::Rollback;
            part.path = path;
            step.rollbackPath = path;
            step.rollbackSql = *bytes;
            parts << part;
            continue;
        }
        if (!LayoutText::hasStatements(*bytes))
            return Error::badInput(
                QStringLiteral("The migration %1 is empty: it has no SQL statement to run.").arg(path),
                QStringLiteral("Write the step's SQL in it, or delete the file if the step is not needed."));
        step.forwardPath = path;
        step.forwardSql = *bytes;
        if (auto header = LayoutText::readHeader(step, *bytes, dialect); !header)
            return header.error();
        // A step file with goose annotations is never plain SQL, in a version folder too: only its Up
        // section runs forward, its Down section is the rollback.
        if (GooseSqlFile::recognises(*bytes)) {
            auto goose = GooseSqlFile::parse(*bytes, path);
            if (!goose)
                return goose.error();
            step.forwardSql = goose->up;
            step.forwardFirstLine = goose->upFirstLine;
            if (LayoutText::hasStatements(goose->down)) {
                step.rollbackPath = path;
                step.rollbackSql = goose->down;
                step.rollbackFirstLine = goose->downFirstLine;
            }
            if (goose->noTransaction)
                step.header.noTransaction = true;
        }
        parts << part;
    }
    return parts;
}

} // namespace strata
