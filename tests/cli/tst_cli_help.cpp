// strata-cli as scripts and shells expect it: --version, help COMMAND and COMMAND --help, usage errors that
// show the command's synopsis, the manual page made from the same help, and the bash completion of commands,
// backup ids and versions, asked of the real binary.

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "CliProcess.h"

using strata::test::CliProcess;

namespace {

QString sourceDir()
{
    return QStringLiteral(STRATA_SOURCE_DIR);
}
QString riskStateSet()
{
    return sourceDir() + QStringLiteral("/migrations/risk_state");
}

/// The candidates bash's completion offers for `words` (the last one is the word being completed).
QStringList bashCompletion(const QStringList& words)
{
    QStringList quoted;
    for (const QString& word : words)
        quoted << QLatin1Char('\'') + QString(word).replace(QLatin1Char('\''), QStringLiteral("'\\''")) +
                      QLatin1Char('\'');
    const QString script = QStringLiteral("source '%1/packaging/completion/strata-cli.bash'\n"
                                          "COMP_WORDS=(%2)\nCOMP_CWORD=%3\n_strata_cli\n"
                                          "printf '%s\\n' \"${COMPREPLY[@]}\"\n")
                               .arg(sourceDir(), quoted.join(QLatin1Char(' ')))
                               .arg(words.size() - 1);
    QProcess bash;
    bash.start(QStringLiteral("bash"), {QStringLiteral("-c"), script});
    if (!bash.waitForFinished(60000) || bash.exitCode() != 0)
        return {QStringLiteral("bash failed: ") + QString::fromUtf8(bash.readAllStandardError())};
    QStringList candidates =
        QString::fromUtf8(bash.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    candidates.sort();
    return candidates;
}

/// The candidates zsh's completion offers for `words` (the last one is the word being completed): the
/// completion function run with compadd standing in for zsh's, printing what it is given.
QStringList zshCompletion(const QStringList& words)
{
    QStringList quoted;
    for (const QString& word : words)
        quoted << QLatin1Char('\'') + QString(word).replace(QLatin1Char('\''), QStringLiteral("'\\''")) +
                      QLatin1Char('\'');
    const QString script =
        QStringLiteral(
            "compadd() { if [[ $1 == -a ]]; then print -rl -- ${(P)2}; else print -rl -- \"$@\"; fi }\n"
            "_files() { }\n"
            "source '%1/packaging/completion/_strata-cli' >/dev/null\n"
            "words=(%2)\nCURRENT=%3\n_strata-cli\n")
            .arg(sourceDir(), quoted.join(QLatin1Char(' ')))
            .arg(words.size());
    QProcess zsh;
    zsh.start(QStringLiteral("zsh"), {QStringLiteral("-f"), QStringLiteral("-c"), script});
    if (!zsh.waitForFinished(60000) || zsh.exitCode() != 0)
        return {QStringLiteral("zsh failed: ") + QString::fromUtf8(zsh.readAllStandardError())};
    // zsh's compadd matches the typed prefix itself; the stand-in does the same here.
    QStringList candidates;
    for (const QString& candidate :
         QString::fromUtf8(zsh.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        if (candidate.startsWith(words.last()))
            candidates << candidate;
    candidates.sort();
    return candidates;
}

} // namespace

class TstCliHelp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionPrintsTheVersion()
    {
        const auto run = CliProcess::run({QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("strata-cli %1\n").arg(QStringLiteral(STRATA_VERSION)));
    }

    void baselinesVersionWithANumberIsStillAValue()
    {
        // `--version 2` is baseline's; it does not print the version, and the unknown command is reported.
        const auto run =
            CliProcess::run({QStringLiteral("--version"), QStringLiteral("2"), QStringLiteral("nosuch")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("Unknown command \"nosuch\"")), qPrintable(run.err));
        QVERIFY(!run.out.contains(QStringLiteral(STRATA_VERSION)));
    }

    void helpCommandAndCommandHelpAgree()
    {
        const auto help = CliProcess::run({QStringLiteral("help"), QStringLiteral("restore")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.startsWith(QStringLiteral(
                     "usage: strata-cli [GLOBAL OPTIONS] restore BACKUP_ID_OR_PATH [--unverified]")),
                 qPrintable(help.out));
        QVERIFY(help.out.contains(QStringLiteral("--different-database")));
        QVERIFY(help.out.contains(QStringLiteral("global options:")));
        const auto dashed = CliProcess::run({QStringLiteral("restore"), QStringLiteral("--help")});
        QCOMPARE(dashed.exitCode, 0);
        QCOMPARE(dashed.out, help.out);
        // A command with subcommands lists each.
        const auto demo = CliProcess::run({QStringLiteral("help"), QStringLiteral("demo")});
        QVERIFY(demo.out.contains(QStringLiteral("demo risk-state --out FILE")));
        QVERIFY(demo.out.contains(QStringLiteral("demo strategies [--count N]")));
    }

    void helpOfAnUnknownCommandIsBadUsage()
    {
        const auto run = CliProcess::run({QStringLiteral("help"), QStringLiteral("nosuch")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("No command \"nosuch\"")), qPrintable(run.err));
    }

    void everyCommandHasHelpAndEveryHelpIsACommand()
    {
        const auto commands = CliProcess::run({QStringLiteral("complete"), QStringLiteral("commands")});
        QCOMPARE(commands.exitCode, 0);
        const QStringList names = commands.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(names.size() >= 20, qPrintable(commands.out));
        const auto overview = CliProcess::run({QStringLiteral("--help")});
        for (const QString& name : names) {
            if (name == QLatin1String("help"))
                continue;
            const auto help = CliProcess::run({QStringLiteral("help"), name});
            QVERIFY2(help.exitCode == 0 && help.out.contains(QStringLiteral("] ") + name), qPrintable(name));
            QVERIFY2(overview.out.contains(QStringLiteral("\n  ") + name), qPrintable(name));
            // The command exists: whatever else goes wrong without a database, it is not unknown.
            const auto run = CliProcess::run({name});
            QVERIFY2(!run.err.contains(QStringLiteral("Unknown command")), qPrintable(name + run.err));
        }
    }

    void usageErrorsShowTheSynopsis()
    {
        const auto rollback = CliProcess::run(
            {QStringLiteral("--db"), QStringLiteral("sqlite:none.db"), QStringLiteral("rollback")});
        QCOMPARE(rollback.exitCode, 2);
        QVERIFY2(rollback.err.contains(QStringLiteral("usage: strata-cli [GLOBAL OPTIONS] rollback --to V")),
                 qPrintable(rollback.err));
        const auto badOption = CliProcess::run({QStringLiteral("restore"), QStringLiteral("--bogus")});
        QCOMPARE(badOption.exitCode, 2);
        QVERIFY2(badOption.err.contains(QStringLiteral("Unknown option --bogus")), qPrintable(badOption.err));
        QVERIFY2(badOption.err.contains(
                     QStringLiteral("usage: strata-cli [GLOBAL OPTIONS] restore BACKUP_ID_OR_PATH")),
                 qPrintable(badOption.err));
    }

    void theManualPageShowsEveryCommand()
    {
        const auto man = CliProcess::run({QStringLiteral("help"), QStringLiteral("--man")});
        QCOMPARE(man.exitCode, 0);
        QTemporaryDir dir;
        const QString page = dir.filePath(QStringLiteral("strata-cli.1"));
        QFile file(page);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(man.out.toUtf8());
        file.close();
        // Rendered by man itself, as `man strata-cli` shows it.
        QProcess render;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("MANWIDTH"), QStringLiteral("120"));
        environment.insert(QStringLiteral("MAN_KEEP_FORMATTING"), QStringLiteral("0"));
        render.setProcessEnvironment(environment);
        render.start(QStringLiteral("man"), {QStringLiteral("-l"), QStringLiteral("-Tutf8"), page});
        QVERIFY(render.waitForFinished(60000));
        QCOMPARE(render.exitCode(), 0);
        // Overstrike (bold) taken out, as a pager shows it.
        QString text = QString::fromUtf8(render.readAllStandardOutput());
        text.remove(QRegularExpression(QStringLiteral(".\\x08")));
        text.remove(QRegularExpression(QStringLiteral("\\x1b\\[[0-9;]*m")));
        QVERIFY2(text.contains(QStringLiteral("COMMANDS")), qPrintable(text.left(400)));
        const auto commands = CliProcess::run({QStringLiteral("complete"), QStringLiteral("commands")});
        for (const QString& name : commands.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            if (name != QLatin1String("help"))
                QVERIFY2(text.contains(QStringLiteral("\n       ") + name), qPrintable(name));
        QVERIFY(text.contains(QStringLiteral("EXIT STATUS")));
    }

    void theGuidesCliReferenceIsWhatTheBinaryPrints()
    {
        // docs/guide/cli-reference.md is the user guide's page of every command; it is written by
        // scripts/cli-reference.sh and must not fall behind the binary's own help.
        const auto markdown = CliProcess::run({QStringLiteral("help"), QStringLiteral("--markdown")});
        QCOMPARE(markdown.exitCode, 0);
        QFile page(sourceDir() + QStringLiteral("/docs/guide/cli-reference.md"));
        QVERIFY2(page.open(QIODevice::ReadOnly), qPrintable(page.fileName()));
        const QStringList committed = QString::fromUtf8(page.readAll()).split(QLatin1Char('\n'));
        const QStringList printed = markdown.out.split(QLatin1Char('\n'));
        for (qsizetype line = 0; line < std::max(committed.size(), printed.size()); ++line) {
            const QString was =
                line < committed.size() ? committed.at(line) : QStringLiteral("(end of file)");
            const QString is = line < printed.size() ? printed.at(line) : QStringLiteral("(end of output)");
            QVERIFY2(was == is,
                     qPrintable(QStringLiteral("docs/guide/cli-reference.md differs from strata-cli "
                                               "help --markdown at line %1:\n  file:   %2\n  binary: "
                                               "%3\nRun ./scripts/cli-reference.sh and commit the page.")
                                    .arg(line + 1)
                                    .arg(was, is)));
        }
    }

    void bashCompletesCommandsOptionsVersionsAndBackupIds()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("risk.db"));
        const QString db = QStringLiteral("sqlite:") + file;
        const QString cli = QStringLiteral(STRATA_CLI_PATH);
        QCOMPARE(CliProcess::run(
                     {QStringLiteral("demo"), QStringLiteral("risk-state"), QStringLiteral("--out"), file})
                     .exitCode,
                 0);
        const auto backup = CliProcess::run({QStringLiteral("--db"), db, QStringLiteral("--migrations"),
                                             riskStateSet(), QStringLiteral("backup")});
        QVERIFY2(backup.exitCode == 0, qPrintable(backup.err));
        const auto listed =
            CliProcess::run({QStringLiteral("--db"), db, QStringLiteral("--migrations"), riskStateSet(),
                             QStringLiteral("--json"), QStringLiteral("backups")});
        const QJsonArray backups = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        QCOMPARE(backups.size(), 1);
        const QString id = backups.first().toObject().value(QStringLiteral("id")).toString();
        QVERIFY(!id.isEmpty());

        QCOMPARE(bashCompletion({cli, QStringLiteral("--db"), db, QStringLiteral("restore"), id.left(4)}),
                 QStringList{id});
        QCOMPARE(bashCompletion({cli, QStringLiteral("--db"), db, QStringLiteral("verify"), QString()}),
                 QStringList{id});
        QCOMPARE(bashCompletion({cli, QStringLiteral("res")}),
                 (QStringList{QStringLiteral("resolve"), QStringLiteral("restore")}));
        QVERIFY(bashCompletion({cli, QStringLiteral("restore"), QStringLiteral("--")})
                    .contains(QStringLiteral("--different-database")));
        const QStringList versions =
            bashCompletion({cli, QStringLiteral("--db"), db, QStringLiteral("--migrations"), riskStateSet(),
                            QStringLiteral("migrate"), QStringLiteral("--to"), QString()});
        QCOMPARE(versions, (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
        // zsh's completion offers the same.
        QCOMPARE(zshCompletion({cli, QStringLiteral("--db"), db, QStringLiteral("restore"), id.left(4)}),
                 QStringList{id});
        QCOMPARE(zshCompletion({cli, QStringLiteral("res")}),
                 (QStringList{QStringLiteral("resolve"), QStringLiteral("restore")}));
        QCOMPARE(
            zshCompletion({cli, QStringLiteral("--db"), db, QStringLiteral("--migrations"), riskStateSet(),
                           QStringLiteral("migrate"), QStringLiteral("--to"), QString()}),
            (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
        // Without a readable database the completion offers nothing and prints no error into the line.
        QCOMPARE(bashCompletion({cli, QStringLiteral("--db"), QStringLiteral("sqlite:/nonexistent/x.db"),
                                 QStringLiteral("restore"), QString()}),
                 QStringList{});
    }
};

QTEST_GUILESS_MAIN(TstCliHelp)
#include "tst_cli_help.moc"
