#pragma once

// What the tests that run the real Alembic (Debian's alembic and python3-alembic) share: where it is,
// whether a test may go on without it, a copy of a project whose alembic.ini points at a test database, and
// running alembic in that copy.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace strata::test::alembic {

/// Debian's alembic program (its #! line names /usr/bin/python3, which has python3-alembic).
inline QString program()
{
    return QStringLiteral("/usr/bin/alembic");
}

/// Whether Alembic is here (see STRATA_REQUIRE_ALEMBIC).
inline bool installed()
{
    return QFileInfo(program()).isExecutable();
}

/// Whether a test without Alembic must fail rather than skip: under CI=true, where scripts/install-deps.sh
/// installs it, its absence is a broken machine, never a reason to skip.
inline bool required()
{
    return qEnvironmentVariable("CI") == QLatin1String("true");
}

/// Copies a project folder (without Python's caches).
inline bool copyProject(const QString& from, const QString& to)
{
    QDir().mkpath(to);
    for (const auto& info : QDir(from).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (info.fileName() == QLatin1String("__pycache__"))
            continue;
        const QString target = QDir(to).filePath(info.fileName());
        if (info.isDir() ? !copyProject(info.filePath(), target) : !QFile::copy(info.filePath(), target))
            return false;
    }
    return true;
}

/// The URL SQLAlchemy takes for a Strata URL: sqlite:///PATH, or postgresql://... without a password
/// (libpq reads PGPASSWORD, which the test server's env sets).
inline QString sqlalchemyUrl(const QString& strataUrl)
{
    QString url = strataUrl;
    if (url.startsWith(QLatin1String("sqlite:")))
        url = QStringLiteral("sqlite:///") + url.mid(7);
    return url.replace(QRegularExpression(QStringLiteral("^postgres(ql)?://")),
                       QStringLiteral("postgresql://"));
}

/// Points the project's alembic.ini at `sqlalchemy` (the `sqlalchemy.url = ...` line), for the real alembic;
/// Strata's runs hand Alembic the URL themselves.
inline void pointAt(const QString& project, const QString& sqlalchemy)
{
    QFile ini(QDir(project).filePath(QStringLiteral("alembic.ini")));
    ini.open(QIODevice::ReadOnly);
    QString text = QString::fromUtf8(ini.readAll());
    ini.close();
    text.replace(QRegularExpression(QStringLiteral("(?m)^sqlalchemy\\.url = .*$")),
                 QStringLiteral("sqlalchemy.url = ") + sqlalchemy);
    ini.open(QIODevice::WriteOnly | QIODevice::Truncate);
    ini.write(text.toUtf8());
}

/// Runs the real alembic in `project`: its stdout; `ok` says whether it succeeded, and when it did not, the
/// text says so with its stdout and stderr.
inline QString run(const QString& project, const QStringList& arguments, bool* ok = nullptr)
{
    QProcess process;
    process.setWorkingDirectory(project);
    process.start(program(), arguments);
    const bool finished = process.waitForFinished(120000);
    const QString out = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    const QString err = QString::fromUtf8(process.readAllStandardError()).trimmed();
    const bool good = finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (ok)
        *ok = good;
    return good ? out
                : QStringLiteral("alembic %1 failed: %2 %3").arg(arguments.join(QLatin1Char(' ')), out, err);
}

} // namespace strata::test::alembic

/// Goes on only with Alembic: without it the test fails under CI=true and skips on a workstation.
#define STRATA_REQUIRE_ALEMBIC()                                                                             \
    do {                                                                                                     \
        if (!strata::test::alembic::installed()) {                                                           \
            if (strata::test::alembic::required())                                                           \
                QFAIL("Alembic is not installed (apt install alembic python3-psycopg2)");                    \
            QSKIP("Alembic is not installed (apt install alembic python3-psycopg2)");                        \
        }                                                                                                    \
    } while (false)
