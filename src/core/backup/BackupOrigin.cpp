#include "backup/BackupOrigin.h"

#include <QFileInfo>
#include <QMap>

#include "backup/BackupEngine.h"
#include "dialects/sqlite/SqliteDatabase.h"
#include "migrations/HistoryStore.h"

namespace strata {

namespace {

QMap<QString, QString> bySlot(const QStringList& steps)
{
    QMap<QString, QString> slots;
    for (const QString& step : steps)
        slots.insert(step.section(QLatin1Char(' '), 0, 0), step.section(QLatin1Char(' '), 1));
    return slots;
}

QString listed(const QStringList& steps)
{
    if (steps.isEmpty())
        return QStringLiteral("none");
    QStringList shown = steps.mid(0, 3);
    if (steps.size() > 3)
        shown << QStringLiteral("...");
    return shown.join(QStringLiteral(", "));
}

} // namespace

Result<QStringList> BackupOrigin::appliedStepsOf(Database& db)
{
    auto history = HistoryStore(db).read();
    if (!history)
        return history.error();
    QStringList steps;
    for (const StepRecord& step : history->steps)
        if (step.isIn())
            steps << QStringLiteral("%1 %2").arg(step.slot(), step.name);
    return steps;
}

BackupOrigin BackupOrigin::ofDatabase(Database& db, const QString& setName)
{
    BackupOrigin origin;
    origin.database = BackupEngine::forDatabase(db)->databaseIdentity();
    origin.setName = setName;
    if (auto steps = appliedStepsOf(db))
        origin.appliedSteps = *steps;
    origin.source = QStringLiteral("this database");
    return origin;
}

BackupOrigin BackupOrigin::ofBackup(Database& db, const BackupRecord& record, bool listedInCatalog,
                                    const std::optional<BackupManifest>& manifest)
{
    BackupOrigin origin;
    if (manifest) {
        origin.database = manifest->database;
        origin.setName = manifest->setName;
        origin.appliedSteps = manifest->appliedSteps;
        origin.source = QStringLiteral("its manifest");
        return origin;
    }
    if (listedInCatalog) {
        origin.database = record.database;
        origin.source = QStringLiteral("the catalog");
    }
    // A SQLite backup is a database file: its own history says which set's steps it has.
    if (db.dialect() == Dialect::Sqlite && !QFileInfo(record.path).isDir()) {
        if (auto file = SqliteDatabase::open(record.path, true)) {
            if (auto steps = appliedStepsOf(**file)) {
                origin.appliedSteps = *steps;
                if (origin.source.isEmpty())
                    origin.source = QStringLiteral("the history the file holds");
            }
        }
    }
    return origin;
}

bool BackupOrigin::sameDatabase(const QString& a, const QString& b)
{
    if (a == b)
        return true;
    auto left = ConnectionUrl::parse(a);
    auto right = ConnectionUrl::parse(b);
    if (!left || !right || left->dialect() != right->dialect())
        return false;
    if (left->dialect() == Dialect::Sqlite) {
        const QFileInfo l(left->sqlitePath());
        const QFileInfo r(right->sqlitePath());
        if (l.exists() && r.exists())
            return l.canonicalFilePath() == r.canonicalFilePath();
        return l.absoluteFilePath() == r.absoluteFilePath();
    }
    auto port = [](const ConnectionUrl& url) {
        const QString p = url.postgresParameter(QStringLiteral("port"));
        return p.isEmpty() ? QStringLiteral("5432") : p;
    };
    return left->postgresParameter(QStringLiteral("host"))
                   .compare(right->postgresParameter(QStringLiteral("host")), Qt::CaseInsensitive) == 0 &&
           port(*left) == port(*right) &&
           left->postgresParameter(QStringLiteral("dbname")) ==
               right->postgresParameter(QStringLiteral("dbname"));
}

QStringList BackupOrigin::differencesFrom(const BackupOrigin& target, bool strict) const
{
    QStringList differences;
    if (!database.isEmpty() && !target.database.isEmpty() && !sameDatabase(database, target.database))
        differences << QStringLiteral("it was taken of %1, and this is %2").arg(database, target.database);
    if (!setName.isEmpty() && !target.setName.isEmpty() && setName != target.setName)
        differences << QStringLiteral("its migration set is %1, and this database's is %2")
                           .arg(setName, target.setName);
    if (appliedSteps && target.appliedSteps && !target.appliedSteps->isEmpty()) {
        const auto mine = bySlot(*appliedSteps);
        const auto theirs = bySlot(*target.appliedSteps);
        bool shared = false;
        for (auto it = mine.cbegin(); it != mine.cend(); ++it) {
            if (!theirs.contains(it.key()))
                continue;
            shared = true;
            if (theirs.value(it.key()) != it.value()) {
                differences << QStringLiteral("its step %1 is \"%2\", and this database's is \"%3\"")
                                   .arg(it.key(), it.value(), theirs.value(it.key()));
                break;
            }
        }
        if (!shared && (!mine.isEmpty() || strict))
            differences << QStringLiteral("its Strata history (%1) has none of this database's steps (%2)")
                               .arg(listed(*appliedSteps), listed(*target.appliedSteps));
    }
    return differences;
}

QString BackupOrigin::describe() const
{
    QStringList parts;
    parts << (database.isEmpty() ? QStringLiteral("an unknown database") : database);
    if (!setName.isEmpty())
        parts << QStringLiteral("migration set %1").arg(setName);
    return parts.join(QStringLiteral(", "));
}

} // namespace strata
