#include "tools/alembic/AlembicRunner.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include "common/ChildProcessGuard.h"
#include "connection/ServerPasswords.h"
#include "dialects/postgres/PostgresDatabase.h"
#include "dialects/sqlite/SqliteDatabase.h"

namespace strata {

namespace {

constexpr QLatin1StringView kMarker("STRATA-ALEMBIC ");

QStringList strings(const QJsonValue& value)
{
    QStringList list;
    for (const auto& item : value.toArray())
        list << item.toString();
    return list;
}

} // namespace

AlembicRunner::AlembicRunner(AlembicPython python, QString iniPath, Database& db)
    : m_python(std::move(python)), m_iniPath(std::move(iniPath)), m_db(db)
{}

Result<QByteArray> AlembicRunner::databaseJson() const
{
    QJsonObject where;
    if (auto* sqlite = dynamic_cast<SqliteDatabase*>(&m_db)) {
        where.insert(QStringLiteral("sqlite"), sqlite->path());
    } else if (auto* postgres = dynamic_cast<PostgresDatabase*>(&m_db)) {
        QJsonObject parameters;
        for (const auto& [key, value] : postgres->url().postgresParameters())
            parameters.insert(key, value);
        where.insert(QStringLiteral("postgresql"), parameters);
    } else {
        return Error::failed(QStringLiteral("Alembic cannot be pointed at %1.").arg(m_db.display()),
                             QStringLiteral("Nothing was changed."),
                             QStringLiteral("Run the revisions with the project's alembic."));
    }
    return QJsonDocument(where).toJson(QJsonDocument::Compact);
}

Result<AlembicRunner::Outcome> AlembicRunner::run(Direction direction, const QString& revision,
                                                  const LineHandler& onLine) const
{
    const QString command =
        direction == Direction::Upgrade ? QStringLiteral("upgrade") : QStringLiteral("downgrade");
    auto where = databaseJson();
    if (!where)
        return where.error();
    // The database, without a password, in the child's environment only; libpq finds the password where it
    // finds Strata's: the one kept for this session in the child's own PGPASSWORD, else PGPASSWORD
    // inherited or ~/.pgpass.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (auto* postgres = dynamic_cast<PostgresDatabase*>(&m_db))
        environment = ServerPasswords::childEnvironment(postgres->url(), environment);
    environment.insert(QStringLiteral("STRATA_ALEMBIC_DATABASE"), QString::fromUtf8(*where));
    environment.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(QFileInfo(m_iniPath).absolutePath()); // as the team runs it: from its folder
    process.setStandardInputFile(QProcess::nullDevice());
    process.setProcessChannelMode(QProcess::MergedChannels);
    ChildProcessGuard::attach(process); // Alembic dies with Strata; its transaction then rolls back
    process.start(m_python.interpreter(),
                  {QStringLiteral("-c"), QString::fromUtf8(AlembicPython::runnerScript()), command,
                   QFileInfo(m_iniPath).absoluteFilePath(), revision});
    if (!process.waitForStarted(10000))
        return Error::failed(
            QStringLiteral("%1 could not start: %2").arg(m_python.interpreter(), process.errorString()),
            QStringLiteral("Revision %1 was not run; the database was not changed.").arg(revision),
            AlembicPython::howToInstall(m_db.dialect()));

    QJsonObject last;
    QByteArray pending;
    auto drain = [&](bool all) {
        pending += process.readAllStandardOutput();
        qsizetype newline;
        while ((newline = pending.indexOf('\n')) >= 0 || (all && !pending.isEmpty())) {
            const qsizetype end = newline >= 0 ? newline : pending.size();
            const QString line = QString::fromUtf8(pending.left(end));
            pending.remove(0, end + 1);
            if (line.startsWith(kMarker))
                last = QJsonDocument::fromJson(line.mid(kMarker.size()).toUtf8()).object();
            else if (onLine)
                onLine(line);
        }
    };
    while (!process.waitForFinished(100)) {
        drain(false);
        if (process.state() == QProcess::NotRunning)
            break;
    }
    drain(true);

    const QString outcome = last.value(QStringLiteral("outcome")).toString();
    const QString message = last.value(QStringLiteral("message")).toString();
    const int exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    const QString unchanged =
        QStringLiteral("Revision %1 was not run; the database was not changed.").arg(revision);
    if (outcome == QLatin1String("missing"))
        return Error::failed(
            QStringLiteral("Alembic cannot run with %1: %2").arg(m_python.interpreter(), message), unchanged,
            AlembicPython::howToInstall(m_db.dialect()));
    if (outcome == QLatin1String("refused")) {
        Error error = Error::refused(
            QStringLiteral("Alembic refuses to %1 %2: %3").arg(command, revision, message),
            QStringLiteral(
                "Compare `alembic current` with `strata-cli status`: Strata applies one revision at "
                "a time, in the order of the revision graph."));
        error.unchanged = unchanged;
        return error;
    }
    Outcome result;
    result.before = strings(last.value(QStringLiteral("before")));
    result.after = strings(last.value(QStringLiteral("after")));
    result.succeeded = exitCode == 0 && outcome == QLatin1String("done");
    if (result.succeeded)
        return result;
    const QJsonValue after = last.value(QStringLiteral("after"));
    result.unchanged = outcome == QLatin1String("failed") && after.isArray() && result.after == result.before;
    if (!message.isEmpty())
        result.message = message;
    else if (exitCode == -1)
        result.message = QStringLiteral("Alembic was stopped (%1)").arg(process.errorString());
    else
        result.message = QStringLiteral("Alembic ended with exit code %1 without saying why").arg(exitCode);
    return result;
}

} // namespace strata
