#include "tools/alembic/AlembicPython.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>

#include "common/ChildProcessGuard.h"

namespace strata {

namespace {

struct Candidate
{
    QString interpreter;
    QString foundBy;
};

/// The Python a program runs with: the interpreter its `#!` line names (directly or through
/// `/usr/bin/env python3`), or the program itself when it is no script. Empty when it is a script of
/// another language (a shell wrapper, a pyenv shim).
QString pythonOf(const QString& program)
{
    QFile file(program);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray head = file.read(2);
    if (head != "#!")
        return program; // a binary: the interpreter itself
    const QStringList words =
        QString::fromUtf8(file.readLine()).simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return {};
    QString interpreter = words.first();
    if (QFileInfo(interpreter).fileName() == QLatin1String("env") && words.size() > 1)
        interpreter = QStandardPaths::findExecutable(words.at(1));
    return QFileInfo(interpreter).fileName().startsWith(QLatin1String("python")) ? interpreter : QString();
}

Result<Candidate> candidate(const QString& projectFolder)
{
    const QString named = qEnvironmentVariable(AlembicPython::kVariable);
    if (!named.isEmpty()) {
        const QFileInfo info(named);
        if (!info.exists() || !info.isExecutable())
            return Error::badInput(
                QStringLiteral("%1 names %2, which %3.")
                    .arg(QLatin1String(AlembicPython::kVariable), named,
                         info.exists() ? QStringLiteral("is not executable")
                                       : QStringLiteral("does not exist")),
                QStringLiteral("Set %1 to the project's alembic program or its Python interpreter (e.g. "
                               "/srv/app/.venv/bin/alembic), or unset it to use the alembic on PATH.")
                    .arg(QLatin1String(AlembicPython::kVariable)));
        const QString python = pythonOf(info.absoluteFilePath());
        if (python.isEmpty())
            return Error::badInput(
                QStringLiteral("%1 names %2, which is a script but no Python program.")
                    .arg(QLatin1String(AlembicPython::kVariable), named),
                QStringLiteral("Set %1 to the project's alembic program or its Python interpreter.")
                    .arg(QLatin1String(AlembicPython::kVariable)));
        return Candidate{python, QLatin1String(AlembicPython::kVariable)};
    }
    for (const QString& venv : {QStringLiteral(".venv"), QStringLiteral("venv")}) {
        const QString python = QDir(projectFolder).filePath(venv + QStringLiteral("/bin/python"));
        if (QFileInfo(python).isExecutable())
            return Candidate{python, QStringLiteral("the project's virtualenv")};
    }
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("alembic"));
    if (!onPath.isEmpty()) {
        if (const QString python = pythonOf(onPath); !python.isEmpty())
            return Candidate{python, QStringLiteral("alembic on PATH (%1)").arg(onPath)};
    }
    return Candidate{QStringLiteral("/usr/bin/python3"), QStringLiteral("the system's Python")};
}

} // namespace

QByteArray AlembicPython::runnerScript()
{
    QFile file(QStringLiteral(":/resources/alembic/strata_alembic.py"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString AlembicPython::howToInstall(Dialect dialect)
{
    return QStringLiteral(
               "Install Alembic where the project runs it: `apt install alembic%1` (Debian, Ubuntu), "
               "or `pip install alembic%2` in the project's virtualenv (.venv/ beside alembic.ini "
               "is found by itself). Or set %3 to the project's alembic program or its Python "
               "interpreter (e.g. %3=/srv/app/.venv/bin/alembic).")
        .arg(dialect == Dialect::Postgres ? QStringLiteral(" python3-psycopg2") : QString(),
             dialect == Dialect::Postgres ? QStringLiteral(" psycopg2") : QString(),
             QLatin1String(kVariable));
}

Result<AlembicPython> AlembicPython::find(const QString& projectFolder, Dialect dialect)
{
    auto found = candidate(projectFolder);
    if (!found)
        return found.error();
    const QString engine =
        dialect == Dialect::Postgres ? QStringLiteral("postgresql") : QStringLiteral("sqlite");
    const QString notRun = QStringLiteral("No revision was run; the database was not changed.");
    if (!QFileInfo(found->interpreter).isExecutable())
        return Error::failed(QStringLiteral("Alembic is not installed: no alembic program on PATH, and %1 "
                                            "does not exist.")
                                 .arg(found->interpreter),
                             notRun, howToInstall(dialect));
    QProcess process;
    process.setStandardInputFile(QProcess::nullDevice());
    ChildProcessGuard::attach(process);
    process.start(found->interpreter,
                  {QStringLiteral("-c"), QString::fromUtf8(runnerScript()), QStringLiteral("probe"), engine});
    if (!process.waitForStarted(10000) || !process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return Error::failed(QStringLiteral("%1 (found by %2) did not answer: %3")
                                 .arg(found->interpreter, found->foundBy, process.errorString()),
                             notRun, howToInstall(dialect));
    }
    QJsonObject answer;
    for (const QByteArray& line : process.readAllStandardOutput().split('\n'))
        if (line.startsWith("STRATA-ALEMBIC "))
            answer = QJsonDocument::fromJson(line.mid(15)).object();
    if (answer.value(QStringLiteral("outcome")).toString() != QLatin1String("probe")) {
        const QString cause = answer.value(QStringLiteral("message")).toString();
        return Error::failed(
            QStringLiteral("Alembic cannot run with %1 (found by %2): %3")
                .arg(found->interpreter, found->foundBy,
                     cause.isEmpty() ? QString::fromUtf8(process.readAllStandardError()).trimmed() : cause),
            notRun, howToInstall(dialect));
    }
    AlembicPython python;
    python.m_interpreter = found->interpreter;
    python.m_foundBy = found->foundBy;
    python.m_alembicVersion = answer.value(QStringLiteral("alembic")).toString();
    const QString driver = answer.value(QStringLiteral("driver")).toString();
    python.m_description =
        QStringLiteral("Alembic %1, SQLAlchemy %2%3 (%4, found by %5)")
            .arg(python.m_alembicVersion, answer.value(QStringLiteral("sqlalchemy")).toString(),
                 driver.isEmpty() ? QString() : QStringLiteral(", ") + driver, found->interpreter,
                 found->foundBy);
    return python;
}

} // namespace strata
