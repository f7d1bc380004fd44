#include "migrations/MigrationSetLoader.h"

#include <algorithm>
#include <limits>

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include "common/TextFile.h"
#include "tools/goose/GooseSqlFile.h"

namespace strata {

namespace {

/// A file found in the folder, before forward and rollback files are paired.
struct Candidate
{
    qint64 version = 0;
    int step = 1;
    QString versionName;
    QString name;
    QString layout;
    std::optional<Dialect> dialect;
    bool rollback = false;
    QString relativePath;
    bool numbersFit = true; ///< false: a version or step number too large to hold
};

std::optional<Dialect> dialectFromSuffix(const QString& suffix)
{
    if (suffix.isEmpty())
        return std::nullopt;
    return suffix == QLatin1String("sqlite") ? Dialect::Sqlite : Dialect::Postgres;
}

const QString kDialectSuffix = QStringLiteral("(?:\\.(sqlite|postgresql|postgres))?");

/// A version or step number of a file name. toLongLong() reads a number too large for it as 0, so such a
/// number is flagged instead: a few digits too many must never make a step version 0.
qint64 fileNumber(const QString& digits, qint64 max, bool& fits)
{
    bool ok = false;
    const qint64 number = digits.toLongLong(&ok);
    if (!ok || number > max) {
        fits = false;
        return 0;
    }
    return number;
}

constexpr qint64 kMaxVersion = std::numeric_limits<qint64>::max();
constexpr qint64 kMaxStep = std::numeric_limits<int>::max();

Error numberTooLarge(const QString& path)
{
    return Error::badInput(
        QStringLiteral("%1: the number in its name is too large for a version or step number.").arg(path),
        QStringLiteral("Rename it with a smaller number, e.g. 003_add_users.sql or a timestamp such as "
                       "20261121140212_add_users.sql; see docs/migration-sets.md."));
}

/// Whether a script holds anything but comments, whitespace and semicolons.
bool hasStatements(const QByteArray& sql)
{
    qsizetype i = 0;
    const qsizetype n = sql.size();
    while (i < n) {
        i += Database::skipSpaceAndComments(QByteArrayView(sql).sliced(i));
        if (i >= n)
            return false;
        if (sql[i] != ';')
            return true;
        ++i;
    }
    return false;
}

/// The leading lines of a step file that are blank or comments: where its header and directives are.
QByteArrayView headerBlock(const QByteArray& bytes)
{
    qsizetype start = 0;
    while (start < bytes.size()) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        const QByteArrayView line = QByteArrayView(bytes).sliced(start, end - start).trimmed();
        if (!line.isEmpty() && !line.startsWith("--"))
            break;
        start = end + 1;
    }
    return QByteArrayView(bytes).first(std::min(start, bytes.size()));
}

Error notAMigrationName(const QString& path)
{
    return Error::badInput(
        QStringLiteral("%1 is a .sql file whose name is no migration name Strata knows.").arg(path),
        QStringLiteral(
            "Name it like 003_add_users.sql (or .down.sql), V3__add_users.sql / U3__add_users.sql, "
            "3_add_users.up.sql / .down.sql, or put steps in a version folder 003_name/01_step.sql; "
            "see docs/migration-sets.md."));
}

/// Top-level files: numbered SQL, Flyway, golang-migrate and dbmate names.
std::optional<Candidate> classifyFile(const QString& fileName)
{
    static const QRegularExpression flyway(QStringLiteral("^([VU])(\\d+)__(.+?)") + kDialectSuffix +
                                           QStringLiteral("\\.sql$"));
    static const QRegularExpression golang(QStringLiteral("^(\\d+)_(.+?)") + kDialectSuffix +
                                           QStringLiteral("\\.(up|down)\\.sql$"));
    static const QRegularExpression numbered(QStringLiteral("^(\\d+)_(.+?)") + kDialectSuffix +
                                             QStringLiteral("(\\.down)?\\.sql$"));
    Candidate c;
    c.relativePath = fileName;
    if (auto m = flyway.match(fileName); m.hasMatch()) {
        c.layout = QStringLiteral("flyway");
        c.rollback = m.captured(1) == QLatin1String("U");
        c.version = fileNumber(m.captured(2), kMaxVersion, c.numbersFit);
        c.name = m.captured(3);
        c.dialect = dialectFromSuffix(m.captured(4));
    } else if (auto g = golang.match(fileName); g.hasMatch()) {
        c.layout = QStringLiteral("golang-migrate");
        c.version = fileNumber(g.captured(1), kMaxVersion, c.numbersFit);
        c.name = g.captured(2);
        c.dialect = dialectFromSuffix(g.captured(3));
        c.rollback = g.captured(4) == QLatin1String("down");
    } else if (auto n = numbered.match(fileName); n.hasMatch()) {
        c.layout = QStringLiteral("numbered");
        c.version = fileNumber(n.captured(1), kMaxVersion, c.numbersFit);
        c.name = n.captured(2);
        c.dialect = dialectFromSuffix(n.captured(3));
        c.rollback = !n.captured(4).isEmpty();
    } else {
        return std::nullopt;
    }
    c.versionName = QFileInfo(fileName).completeBaseName();
    return c;
}

/// Steps inside a version folder of Strata's layout: "<step>_<name>[.<dialect>][.down].sql".
std::optional<Candidate> classifyStepFile(const QString& fileName)
{
    static const QRegularExpression stepFile(QStringLiteral("^(\\d+)_(.+?)") + kDialectSuffix +
                                             QStringLiteral("(\\.down)?\\.sql$"));
    const auto m = stepFile.match(fileName);
    if (!m.hasMatch())
        return std::nullopt;
    Candidate c;
    c.layout = QStringLiteral("strata");
    c.step = static_cast<int>(fileNumber(m.captured(1), kMaxStep, c.numbersFit));
    c.name = m.captured(2);
    c.dialect = dialectFromSuffix(m.captured(3));
    c.rollback = !m.captured(4).isEmpty();
    return c;
}

/// dbmate's "-- migrate:up" / "-- migrate:down" sections, if the file has them.
struct Sections
{
    bool found = false;
    QByteArray up;
    int upFirstLine = 1;
    QByteArray down;
    int downFirstLine = 1;
    bool noTransaction = false;
};

Sections splitSections(const QByteArray& bytes)
{
    static const QRegularExpression marker(QStringLiteral("^--\\s*migrate:(up|down)\\b(.*)$"));
    Sections sections;
    enum { None, Up, Down } current = None;
    int lineNumber = 0;
    // One pass over the bytes, line by line without copying them: a step file of 50 MB costs what it
    // weighs, and only a line that starts (after blanks) with "--" is matched against the marker.
    for (qsizetype start = 0; start <= bytes.size();) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        const QByteArrayView line(bytes.constData() + start, end - start);
        start = end + 1;
        ++lineNumber;
        const QByteArrayView trimmed = line.trimmed();
        if (!trimmed.startsWith("--")) {
            if (current == Up)
                sections.up.append(line).append('\n');
            else if (current == Down)
                sections.down.append(line).append('\n');
            continue;
        }
        const auto m = marker.match(QString::fromUtf8(trimmed));
        if (m.hasMatch()) {
            sections.found = true;
            current = m.captured(1) == QLatin1String("up") ? Up : Down;
            if (current == Up) {
                sections.upFirstLine = lineNumber + 1;
                if (m.captured(2).contains(QLatin1String("transaction:false")))
                    sections.noTransaction = true;
            } else {
                sections.downFirstLine = lineNumber + 1;
            }
            continue;
        }
        if (current == Up)
            sections.up.append(line).append('\n');
        else if (current == Down)
            sections.down.append(line).append('\n');
    }
    return sections;
}

QString stepKey(const Candidate& c)
{
    return QStringLiteral("%1|%2|%3|%4|%5")
        .arg(c.version)
        .arg(c.step)
        .arg(c.dialect ? dialectName(*c.dialect) : QString())
        .arg(c.name, c.layout == QLatin1String("strata") ? c.versionName : QString());
}

Status fillForward(MigrationStep& step, const QString& root, const Candidate& c)
{
    auto file = TextFile::read(QDir(root).filePath(c.relativePath));
    if (!file)
        return file.error();
    step.forwardPath = c.relativePath;
    step.checksum = TextFile::sha256(file->bytes);
    Sections sections;
    const bool isGoose = GooseSqlFile::recognises(file->bytes);
    if (isGoose) { // never plain SQL: only Up runs forward
        auto goose = GooseSqlFile::parse(file->bytes, c.relativePath);
        if (!goose)
            return goose.error();
        sections = {
            true, goose->up, goose->upFirstLine, goose->down, goose->downFirstLine, goose->noTransaction};
    } else {
        sections = splitSections(file->bytes);
    }
    if (sections.found) {
        step.layout = isGoose ? QStringLiteral("goose") : QStringLiteral("dbmate");
        step.forwardSql = sections.up;
        step.forwardFirstLine = sections.upFirstLine;
        if (hasStatements(sections.down)) {
            step.rollbackPath = c.relativePath;
            step.rollbackSql = sections.down;
            step.rollbackFirstLine = sections.downFirstLine;
        }
    } else {
        step.forwardSql = file->bytes;
    }
    if (!hasStatements(step.forwardSql))
        return Error::badInput(
            QStringLiteral("The migration %1 is empty: it has no SQL statement to run.").arg(c.relativePath),
            QStringLiteral("Write the step's SQL in it, or delete the file if the step is "
                           "not needed."));
    // Only the leading comment block is a header: decode that much, not the whole file.
    auto header = StepHeader::parse(QString::fromUtf8(headerBlock(file->bytes)), c.relativePath);
    if (!header)
        return header.error();
    step.header = *header;
    if (sections.noTransaction)
        step.header.noTransaction = true;
    if (c.dialect && step.header.dialect && *c.dialect != *step.header.dialect)
        return Error::badInput(
            QStringLiteral("%1 is named for %2 but its directive says %3.")
                .arg(c.relativePath, dialectName(*c.dialect), dialectName(*step.header.dialect)),
            QStringLiteral("Make the file name and the strata:dialect directive agree."));
    if (c.dialect)
        step.header.dialect = c.dialect;
    return {};
}

Status fillRollback(MigrationStep& step, const QString& root, const Candidate& c)
{
    auto file = TextFile::read(QDir(root).filePath(c.relativePath));
    if (!file)
        return file.error();
    if (!hasStatements(file->bytes))
        return Error::badInput(
            QStringLiteral("The rollback script %1 is empty.").arg(c.relativePath),
            QStringLiteral("Write the statements that undo the step, or delete the file."));
    step.rollbackPath = c.relativePath;
    step.rollbackSql = file->bytes;
    step.rollbackFirstLine = 1;
    return {};
}

} // namespace

Result<MigrationSet> MigrationSetLoader::load(const QString& folder)
{
    const QFileInfo info(folder);
    if (!info.exists() || !info.isDir())
        return Error::badInput(QStringLiteral("The migrations folder %1 does not exist.").arg(folder),
                               QStringLiteral("Pass --migrations with the folder that holds the set "
                                              "(e.g. migrations/risk_state)."));
    MigrationSet set;
    set.root = info.absoluteFilePath();
    const QDir dir(set.root);
    if (dir.exists(QStringLiteral("strata.yaml"))) {
        auto manifest = SetManifest::load(dir.filePath(QStringLiteral("strata.yaml")));
        if (!manifest)
            return manifest.error();
        set.manifest = *manifest;
    }

    static const QRegularExpression versionDir(QStringLiteral("^(\\d+)_(.+)$"));
    QList<Candidate> candidates;
    const auto entries = dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo& entry : entries) {
        const QString fileName = entry.fileName();
        if (entry.isDir()) {
            const auto m = versionDir.match(fileName);
            if (!m.hasMatch())
                continue;
            bool versionFits = true;
            const qint64 version = fileNumber(m.captured(1), kMaxVersion, versionFits);
            if (!versionFits)
                return numberTooLarge(fileName);
            const QDir sub(entry.absoluteFilePath());
            if (sub.exists(QStringLiteral("migration.sql"))) { // Prisma: <ts>_name/migration.sql
                Candidate c;
                c.layout = QStringLiteral("prisma");
                c.version = version;
                c.versionName = fileName;
                c.name = m.captured(2);
                c.relativePath = fileName + QStringLiteral("/migration.sql");
                candidates << c;
                continue;
            }
            for (const QFileInfo& stepFile :
                 sub.entryInfoList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
                auto c = classifyStepFile(stepFile.fileName());
                if (!c)
                    return notAMigrationName(fileName + QLatin1Char('/') + stepFile.fileName());
                if (!c->numbersFit)
                    return numberTooLarge(fileName + QLatin1Char('/') + stepFile.fileName());
                c->version = version;
                c->versionName = m.captured(2);
                c->relativePath = fileName + QLatin1Char('/') + stepFile.fileName();
                candidates << *c;
            }
            continue;
        }
        if (!fileName.endsWith(QLatin1String(".sql")))
            continue; // README, manifest, notes
        auto c = classifyFile(fileName);
        if (!c)
            return notAMigrationName(fileName);
        if (!c->numbersFit)
            return numberTooLarge(fileName);
        candidates << *c;
    }

    // Pair rollback files with their forward files.
    QMap<QString, MigrationStep> forwards;
    QStringList order;
    for (const Candidate& c : candidates) {
        if (c.rollback)
            continue;
        MigrationStep step;
        step.version = c.version;
        step.step = c.step;
        step.versionName = c.versionName;
        step.name = c.name;
        step.layout = c.layout;
        if (auto filled = fillForward(step, set.root, c); !filled)
            return filled.error();
        const QString key = stepKey(c) + QLatin1Char('|') + c.relativePath;
        forwards.insert(key, step);
        order << key;
    }
    for (const Candidate& c : candidates) {
        if (!c.rollback)
            continue;
        const QString prefix = stepKey(c) + QLatin1Char('|');
        QString match;
        for (const QString& key : order)
            if (key.startsWith(prefix) && forwards.value(key).rollbackPath.isEmpty())
                match = key;
        if (match.isEmpty())
            return Error::badInput(
                QStringLiteral("The rollback script %1 has no forward migration to go with.")
                    .arg(c.relativePath),
                QStringLiteral(
                    "Give it the same version, step and name as its forward file (e.g. 003_x.sql and "
                    "003_x.down.sql), or delete it."));
        if (auto filled = fillRollback(forwards[match], set.root, c); !filled)
            return filled.error();
    }
    for (const QString& key : order)
        set.steps << forwards.value(key);
    std::stable_sort(set.steps.begin(), set.steps.end(), [](const MigrationStep& a, const MigrationStep& b) {
        return a.version != b.version ? a.version < b.version : a.step < b.step;
    });
    return set;
}

} // namespace strata
