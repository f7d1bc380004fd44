#include "ToolReplay.h"

#include <algorithm>

#include <QCollator>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>

namespace strata::test::compat {

namespace {

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList filesIn(const QString& folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

/// golang-migrate: {version}_{title}.up|down.{ext}, versions as unsigned numbers.
QList<ToolMigration> golangMigrate(const QString& folder, bool postgres)
{
    static const QRegularExpression name(QStringLiteral("^([0-9]+)_(.*)\\.(down|up)\\.(.*)$"));
    QMap<qint64, ToolMigration> byVersion;
    for (const QString& file : filesIn(folder)) {
        const auto m = name.match(file);
        if (!m.hasMatch())
            continue; // golang-migrate skips a file it cannot parse
        ToolMigration& migration = byVersion[m.captured(1).toLongLong()];
        migration.version = m.captured(1).toLongLong();
        const QByteArray body = readAll(QDir(folder).filePath(file));
        const RunMode mode = postgres ? RunMode::OneQuery : RunMode::Transaction;
        if (m.captured(3) == QLatin1String("up")) {
            migration.file = file;
            migration.up = body;
            migration.upMode = mode;
        } else {
            migration.downFile = file;
            migration.hasDown = ToolReplay::hasStatements(body);
            migration.down = body;
            migration.downMode = mode;
        }
    }
    return byVersion.values();
}

/// goose v3: annotations are lines starting with "--" whose rest, trimmed, is "+goose ...".
QList<ToolMigration> goose(const QString& folder)
{
    static const QRegularExpression name(QStringLiteral("^([0-9]+)_.*\\.sql$"));
    QMap<qint64, ToolMigration> byVersion;
    for (const QString& file : filesIn(folder)) {
        const auto m = name.match(file);
        if (!m.hasMatch())
            continue;
        ToolMigration migration;
        migration.file = file;
        migration.version = m.captured(1).toLongLong();
        enum { Before, Up, Down } section = Before;
        bool noTransaction = false;
        for (QByteArray line : readAll(QDir(folder).filePath(file)).split('\n')) {
            if (line.endsWith('\r'))
                line.chop(1); // goose reads lines with bufio.ScanLines, which drops a CRLF's \r
            if (line.startsWith("--")) {
                const QByteArray annotation = line.mid(2).trimmed();
                if (annotation == "+goose Up") {
                    section = Up;
                    continue;
                }
                if (annotation == "+goose Down") {
                    section = Down;
                    continue;
                }
                if (annotation == "+goose NO TRANSACTION") {
                    noTransaction = true;
                    continue;
                }
                if (annotation.startsWith("+goose "))
                    continue; // StatementBegin/End: psql and sqlite3 keep a block whole by themselves
            }
            if (section == Up)
                migration.up += line + '\n';
            else if (section == Down)
                migration.down += line + '\n';
        }
        migration.upMode = migration.downMode = noTransaction ? RunMode::Autocommit : RunMode::Transaction;
        migration.hasDown = ToolReplay::hasStatements(migration.down);
        byVersion.insert(migration.version, migration);
    }
    return byVersion.values();
}

/// Flyway 10: V<version>__<description>.sql, in the location or a folder below it, with versions split on '.'
/// and '_' and compared part by part as numbers, then the R__ scripts by description. No undo (U) scripts
/// here: undo is not in Flyway's free edition.
QList<ToolMigration> flyway(const QString& folder, bool postgres)
{
    static const QRegularExpression versioned(QStringLiteral("^V([0-9._]+)__(.+)\\.sql$"));
    static const QRegularExpression repeatable(QStringLiteral("^R__(.+)\\.sql$"));
    // Flyway's PostgreSQLParser.detectCanExecuteInTransaction: statements PostgreSQL refuses in a transaction
    // block make Flyway run the script outside one (ALTER TYPE ... ADD VALUE only before PostgreSQL 12).
    static const QRegularExpression nonTransactional(
        QStringLiteral(
            "^\\s*((CREATE|DROP)( UNIQUE)? INDEX CONCURRENTLY|(CREATE|DROP) (DATABASE|TABLESPACE|"
            "SUBSCRIPTION)|ALTER SYSTEM|REINDEX( VERBOSE)? (SCHEMA|DATABASE|SYSTEM)|VACUUM|DISCARD ALL)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption);
    QList<QPair<QList<qint64>, ToolMigration>> versions;
    QMap<QString, ToolMigration> repeatables;
    // Flyway scans its location and every folder below it; a script's folder does not change its order.
    QStringList files;
    for (QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories); it.hasNext();)
        files << QDir(folder).relativeFilePath(it.next());
    files.sort();
    for (const QString& file : files) {
        const QString name = QFileInfo(file).fileName();
        ToolMigration migration;
        migration.file = file;
        migration.up = readAll(QDir(folder).filePath(file));
        if (migration.up.startsWith("\xEF\xBB\xBF"))
            migration.up.remove(0, 3); // Flyway reads scripts through a BOM-stripping reader
        migration.upMode = postgres && nonTransactional.match(QString::fromUtf8(migration.up)).hasMatch()
                               ? RunMode::Autocommit
                               : RunMode::Transaction;
        if (const auto v = versioned.match(name); v.hasMatch()) {
            QList<qint64> parts;
            for (const QString& part : v.captured(1).split(QRegularExpression(QStringLiteral("[._]"))))
                parts << part.toLongLong();
            while (parts.size() > 1 && parts.last() == 0)
                parts.removeLast(); // 1.0 is 1
            versions.append({parts, migration});
        } else if (const auto r = repeatable.match(name); r.hasMatch()) {
            repeatables.insert(r.captured(1), migration);
        }
    }
    std::sort(versions.begin(), versions.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    QList<ToolMigration> ordered;
    for (const auto& [parts, migration] : versions)
        ordered << migration;
    ordered << repeatables.values();
    for (qsizetype i = 0; i < ordered.size(); ++i)
        ordered[i].version = i + 1;
    return ordered;
}

/// Prisma Migrate: <name>/migration.sql in the order of the folder names, each script sent as one batch
/// (PostgreSQL: one query; SQLite: statement by statement, no transaction, so that PRAGMA foreign_keys
/// takes effect).
QList<ToolMigration> prisma(const QString& folder, bool postgres)
{
    QList<ToolMigration> ordered;
    for (const QString& dir : QDir(folder).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        ToolMigration migration;
        migration.file = dir + QStringLiteral("/migration.sql");
        migration.up = readAll(QDir(folder).filePath(migration.file));
        migration.upMode = postgres ? RunMode::OneQuery : RunMode::Autocommit;
        migration.version = ordered.size() + 1;
        ordered << migration;
    }
    return ordered;
}

/// sqlx 0.8: <version>_<description>.sql, or the reversible .up.sql/.down.sql pair; a migration runs in a
/// transaction unless its text starts with "-- no-transaction" (then as one query).
QList<ToolMigration> sqlx(const QString& folder)
{
    static const QRegularExpression name(QStringLiteral("^([0-9]+)_(.+?)(\\.up|\\.down)?\\.sql$"));
    QMap<qint64, ToolMigration> byVersion;
    for (const QString& file : filesIn(folder)) {
        const auto m = name.match(file);
        if (!m.hasMatch())
            continue;
        ToolMigration& migration = byVersion[m.captured(1).toLongLong()];
        migration.version = m.captured(1).toLongLong();
        const QByteArray body = readAll(QDir(folder).filePath(file));
        const RunMode mode = body.startsWith("-- no-transaction") ? RunMode::OneQuery : RunMode::Transaction;
        if (m.captured(3) == QLatin1String(".down")) {
            migration.downFile = file;
            migration.down = body;
            migration.downMode = mode;
            migration.hasDown = ToolReplay::hasStatements(body);
        } else {
            migration.file = file;
            migration.up = body;
            migration.upMode = mode;
        }
    }
    return byVersion.values();
}

/// Seed 001's runner: NNN_name.sql in file-name order, each file in one transaction.
QList<ToolMigration> numbered(const QString& folder)
{
    static const QRegularExpression name(QStringLiteral("^([0-9]+)_.*\\.sql$"));
    QList<ToolMigration> ordered;
    for (const QString& file : filesIn(folder)) {
        const auto m = name.match(file);
        if (!m.hasMatch())
            continue;
        ToolMigration migration;
        migration.file = file;
        migration.version = m.captured(1).toLongLong();
        migration.up = readAll(QDir(folder).filePath(file));
        ordered << migration;
    }
    return ordered;
}

} // namespace

bool ToolReplay::hasStatements(const QByteArray& sql)
{
    for (const QByteArray& line : sql.split('\n')) {
        QByteArray code = line;
        if (const qsizetype comment = code.indexOf("--"); comment >= 0)
            code.truncate(comment);
        code.replace(';', ' ');
        if (!code.trimmed().isEmpty())
            return true;
    }
    return false;
}

QList<ToolMigration> ToolReplay::read(const QString& layout, const QString& folder, bool postgres,
                                      QString* error)
{
    if (layout == QLatin1String("golang-migrate"))
        return golangMigrate(folder, postgres);
    if (layout == QLatin1String("goose"))
        return goose(folder);
    if (layout == QLatin1String("flyway"))
        return flyway(folder, postgres);
    if (layout == QLatin1String("prisma"))
        return prisma(folder, postgres);
    if (layout == QLatin1String("sqlx"))
        return sqlx(folder);
    if (layout == QLatin1String("numbered"))
        return numbered(folder);
    if (error)
        *error = QStringLiteral("no replay for the layout \"%1\"").arg(layout);
    return {};
}

QString ToolReplay::runWithClient(const QByteArray& sql, RunMode mode, bool postgres, const QString& target)
{
    QProcess client;
    QByteArray input;
    if (postgres) {
        QStringList args{QStringLiteral("-X"), QStringLiteral("-q"),
                         QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                         QStringLiteral("-d"), target};
        if (mode == RunMode::OneQuery) {
            args << QStringLiteral("-c") << QString::fromUtf8(sql);
        } else {
            if (mode == RunMode::Transaction)
                args << QStringLiteral("--single-transaction");
            args << QStringLiteral("-f") << QStringLiteral("-");
            input = sql;
        }
        client.start(QStringLiteral("psql"), args);
    } else {
        input = mode == RunMode::Transaction ? "BEGIN;\n" + sql + "\n;\nCOMMIT;\n" : sql;
        client.start(QStringLiteral("sqlite3"), {QStringLiteral("-bail"), target});
    }
    if (!client.waitForStarted(10000))
        return QStringLiteral("could not start %1: %2")
            .arg(postgres ? QStringLiteral("psql") : QStringLiteral("sqlite3"), client.errorString());
    client.write(input);
    client.closeWriteChannel();
    if (!client.waitForFinished(60000) || client.exitStatus() != QProcess::NormalExit ||
        client.exitCode() != 0)
        return QStringLiteral("exit %1: %2")
            .arg(client.exitCode())
            .arg(QString::fromUtf8(client.readAllStandardError()));
    return {};
}

} // namespace strata::test::compat
