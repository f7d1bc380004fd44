#include "tools/flyway/FlywayLayout.h"

#include <QDir>
#include <QDirIterator>
#include <QRegularExpression>

#include "common/TextFile.h"
#include "tools/LayoutText.h"
#include "tools/flyway/FlywayVersion.h"

namespace strata {

namespace {

/// Prefix, the text before the first "__" (the version), the description, Strata's dialect suffix, ".sql".
const QRegularExpression& flywayName()
{
    static const QRegularExpression re(QStringLiteral("^([VUR])(.*?)__(.*?)") +
                                       LayoutText::dialectSuffixPattern() + QStringLiteral("\\.sql$"));
    return re;
}

/// Replaces each `${name}` as Flyway's PlaceholderReplacingReader does (names compared without letter case),
/// or names the first placeholder the manifest does not define.
Result<QByteArray> replacePlaceholders(const QByteArray& sql, const QString& path, int firstLine,
                                       const QMap<QString, QString>& placeholders)
{
    if (!sql.contains("${"))
        return sql;
    QByteArray out;
    out.reserve(sql.size());
    qsizetype i = 0;
    while (true) {
        const qsizetype open = sql.indexOf("${", i);
        if (open < 0) {
            out.append(QByteArrayView(sql).sliced(i));
            break;
        }
        out.append(QByteArrayView(sql).sliced(i, open - i));
        qsizetype close = sql.indexOf('}', open + 2);
        if (close < 0)
            close = sql.size();
        const QString key = QString::fromUtf8(sql.sliced(open + 2, close - open - 2));
        const QString lower = key.toLower();
        bool found = false;
        for (auto it = placeholders.cbegin(); it != placeholders.cend(); ++it) {
            if (it.key().toLower() == lower) {
                out.append(it.value().toUtf8());
                found = true;
                break;
            }
        }
        if (!found) {
            const int line = firstLine + static_cast<int>(QByteArrayView(sql).first(open).count('\n'));
            return Error::badInput(
                QStringLiteral("%1:%2: the Flyway placeholder ${%3} has no value. Flyway would refuse it too "
                               "(\"No value provided for placeholder\").")
                    .arg(path)
                    .arg(line)
                    .arg(key),
                QStringLiteral("Give it a value in the set's strata.yaml (placeholders:\\n  %1: value), as "
                               "flyway.placeholders.%1 does for Flyway.")
                    .arg(key),
                QStringLiteral("Nothing was run; the database is unchanged."));
        }
        i = std::min(close + 1, sql.size());
    }
    return out;
}

} // namespace

bool FlywayLayout::takesName(const LayoutFile& file) const
{
    if (!file.isDir())
        return flywayName().match(file.fileName()).hasMatch();
    // A subfolder Flyway would scan: one holding a Flyway script at any depth. "<number>_<name>/" stays
    // Strata's version folder or Prisma's migration.
    static const QRegularExpression numbered(QStringLiteral("^\\d+_.+$"));
    if (numbered.match(file.fileName()).hasMatch() || file.fileName().startsWith(QLatin1Char('.')))
        return false;
    QDirIterator it(file.absolutePath(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        if (flywayName().match(it.nextFileInfo().fileName()).hasMatch())
            return true;
    return false;
}

QString FlywayLayout::ignoredReason(const LayoutFile& file) const
{
    static const QRegularExpression callback(QStringLiteral("^(before|after)[A-Z][A-Za-z]*(__.*)?\\.sql$"));
    if (!file.isDir() && callback.match(file.fileName()).hasMatch())
        return QStringLiteral("a Flyway callback script; Strata does not run callbacks");
    return {};
}

Result<QList<LayoutPart>> FlywayLayout::read(const LayoutFile& file, const LayoutContext& context) const
{
    if (!file.isDir())
        return readScript(file, context);
    // Every file below the folder, in path order: Flyway's scripts read, the rest listed as ignored.
    QStringList paths;
    QDirIterator it(file.absolutePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        paths << file.relativePath() + QLatin1Char('/') +
                     QDir(file.absolutePath()).relativeFilePath(it.nextFileInfo().absoluteFilePath());
    paths.sort();
    QList<LayoutPart> parts;
    for (const QString& path : std::as_const(paths)) {
        const LayoutFile script(file.root(), path, false);
        if (!flywayName().match(script.fileName()).hasMatch()) {
            LayoutPart ignored;
            ignored.kind = LayoutPart::Kind::Ignored;
            ignored.path = path;
            ignored.reason = ignoredReason(script);
            if (ignored.reason.isEmpty())
                ignored.reason = QStringLiteral("not a Flyway script, in a folder Flyway scans");
            parts << ignored;
            continue;
        }
        auto read = readScript(script, context);
        if (!read)
            return read.error();
        parts << *read;
    }
    return parts;
}

Result<QList<LayoutPart>> FlywayLayout::readScript(const LayoutFile& file, const LayoutContext& context) const
{
    const auto m = flywayName().match(file.fileName());
    const QString prefix = m.captured(1);
    const QString written = m.captured(2);
    const auto dialect = LayoutText::dialectFromSuffix(m.captured(4));
    LayoutPart part;
    MigrationStep& step = part.step;
    step.layout = name();
    step.name = m.captured(3);
    step.versionName = file.fileName().chopped(4);
    if (prefix == QLatin1String("R")) {
        if (!written.isEmpty())
            return Error::badInput(
                QStringLiteral(
                    "%1: a repeatable Flyway migration has no version: it is named R__<description>.sql.")
                    .arg(file.relativePath()),
                QStringLiteral("Rename it R__%1.sql, or V%2__%1.sql if it is a versioned migration.")
                    .arg(m.captured(3), written));
        // No slot of its own: the loader numbers the repeatables in description order, as Flyway runs them.
        step.repeatable = true;
        step.version = 0;
        step.name = m.captured(3).replace(QLatin1Char('_'), QLatin1Char(' '));
    } else {
        if (written.isEmpty())
            return Error::badInput(
                QStringLiteral("%1: a versioned Flyway migration must have a version before \"__\".")
                    .arg(file.relativePath()),
                QStringLiteral("Rename it like %11.2__%2.sql.").arg(prefix, m.captured(3)));
        auto version = FlywayVersion::parse(written, file.relativePath());
        if (!version)
            return version.error();
        step.version = version->version;
        step.step = version->step;
        step.toolVersion = version->text;
    }
    part.pairKey = QStringLiteral("flyway|%1|%2|%3")
                       .arg(step.version)
                       .arg(step.step)
                       .arg(dialect ? dialectName(*dialect) : QString());
    const auto bytes = file.bytes();
    if (!bytes)
        return bytes.error();
    // Flyway reads a script through its BomStrippingReader: a leading UTF-8 byte order mark is no SQL.
    const QByteArray text = bytes->startsWith("\xEF\xBB\xBF") ? bytes->mid(3) : *bytes;
    auto sql = replacePlaceholders(text, file.relativePath(), 1, context.manifest.placeholders);
    if (!sql)
        return sql.error();
    const bool empty = !LayoutText::hasStatements(*sql);
    if (prefix == QLatin1String("U")) {
        part.kind = LayoutPart::Kind::Rollback;
        part.path = file.relativePath();
        if (!empty) {
            step.rollbackPath = file.relativePath();
            step.rollbackSql = *sql;
        }
        return QList<LayoutPart>{part};
    }
    step.forwardPath = file.relativePath();
    step.forwardSql = *sql;
    step.noOp = empty;
    if (auto header = LayoutText::readHeader(step, text, dialect); !header)
        return header.error();
    step.checksum = TextFile::sha256(*bytes); // of the file's exact bytes, its mark included
    return QList<LayoutPart>{part};
}

bool FlywayLayout::marksFolder(const LayoutFile&) const
{
    return true;
}

Result<QString> FlywayLayout::otherLayoutsFile(const LayoutFile&) const
{
    return QStringLiteral("Flyway reads only V<version>__, U<version>__ and R__ scripts");
}

} // namespace strata
