#include <csignal>
#include <cstdio>

#include <QCoreApplication>

#include "AdoptCommand.h"
#include "BackupCommand.h"
#include "BackupsCommand.h"
#include "BaselineCommand.h"
#include "BlockersCommand.h"
#include "CliContext.h"
#include "CommandHelp.h"
#include "CompleteCommand.h"
#include "DemoCommand.h"
#include "DriftCommand.h"
#include "ExitWithoutFreeing.h"
#include "ExplainCommand.h"
#include "HistoryCommand.h"
#include "IndexesCommand.h"
#include "MigrateCommand.h"
#include "PlanCommand.h"
#include "QueryCommand.h"
#include "RehearseCommand.h"
#include "ResolveCommand.h"
#include "RestoreCommand.h"
#include "ReviewCommand.h"
#include "RollbackCommand.h"
#include "StatusCommand.h"
#include "StrategiesCommand.h"
#include "VerifyCommand.h"

using namespace strata;
using namespace strata::cli;

int main(int argc, char* argv[])
{
    // A file-size limit (ulimit -f) must fail the write that hits it, not kill the run half-way.
    std::signal(SIGXFSZ, SIG_IGN);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("strata-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STRATA_VERSION));

    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    // The manual page strata-cli(1), made by the build from the same help the commands print.
    if (arguments == QStringList{QStringLiteral("help"), QStringLiteral("--man")}) {
        std::fputs(CommandHelp::manPage(QStringLiteral(STRATA_VERSION)).toUtf8().constData(), stdout);
        return 0;
    }
    // The user guide's CLI reference, the same way.
    if (arguments == QStringList{QStringLiteral("help"), QStringLiteral("--markdown")}) {
        std::fputs(CommandHelp::markdown().toUtf8().constData(), stdout);
        return 0;
    }
    auto options = CliOptions::parse(arguments);
    if (!options) {
        // The command's synopsis when one was named before the bad option.
        const CliOutput out(arguments.contains(QStringLiteral("--json")));
        for (const QString& argument : arguments)
            if (!argument.startsWith(QLatin1Char('-')) && !CommandHelp::find(argument).isEmpty())
                return out.failUsage(options.error(), argument);
        return out.fail(options.error(), QStringLiteral("usage"));
    }
    if (options->version && options->command.isEmpty()) {
        std::fputs(QStringLiteral("strata-cli %1\n").arg(QStringLiteral(STRATA_VERSION)).toUtf8().constData(),
                   stdout);
        return 0;
    }
    // `help`, `help COMMAND`, `COMMAND --help`.
    const bool helpCommand = options->command == QLatin1String("help");
    if (options->help || helpCommand) {
        const QString topic = helpCommand ? options->arguments.join(QLatin1Char(' ')) : options->command;
        if (topic.isEmpty()) {
            std::fputs(CliOptions::usage().toUtf8().constData(), stdout);
            return 0;
        }
        const QString text = CommandHelp::textOf(topic);
        if (text.isEmpty())
            return CliOutput(options->json)
                .fail(Error::badInput(QStringLiteral("No command \"%1\".").arg(topic),
                                      QStringLiteral("Run `strata-cli --help` for the commands.")),
                      QStringLiteral("help"));
        std::fputs(text.toUtf8().constData(), stdout);
        return 0;
    }
    CliContext context(*options);
    if (auto loaded = context.loadConfig(); !loaded)
        return context.out().fail(loaded.error(), options->command);

    using Command = int (*)(const CliContext&);
    const QList<QPair<QString, Command>> commands = {
        {QStringLiteral("status"), &StatusCommand::run},
        {QStringLiteral("history"), &HistoryCommand::run},
        {QStringLiteral("plan"), &PlanCommand::run},
        {QStringLiteral("migrate"), &MigrateCommand::run},
        {QStringLiteral("rehearse"), &RehearseCommand::run},
        {QStringLiteral("review"), &ReviewCommand::run},
        {QStringLiteral("rollback"), &RollbackCommand::run},
        {QStringLiteral("baseline"), &BaselineCommand::run},
        {QStringLiteral("adopt"), &AdoptCommand::run},
        {QStringLiteral("resolve"), &ResolveCommand::run},
        {QStringLiteral("demo"), &DemoCommand::run},
        {QStringLiteral("backup"), &BackupCommand::run},
        {QStringLiteral("backups"), &BackupsCommand::run},
        {QStringLiteral("verify"), &VerifyCommand::run},
        {QStringLiteral("restore"), &RestoreCommand::run},
        {QStringLiteral("strategies"), &StrategiesCommand::run},
        {QStringLiteral("drift"), &DriftCommand::run},
        {QStringLiteral("blockers"), &BlockersCommand::run},
        {QStringLiteral("indexes"), &IndexesCommand::run},
        {QStringLiteral("explain"), &ExplainCommand::run},
        {QStringLiteral("query"), &QueryCommand::run},
        {QStringLiteral("complete"), &CompleteCommand::run},
    };
    for (const auto& [name, run] : commands)
        if (name == options->command)
            return ExitWithoutFreeing::finish(run(context));
    return context.out().fail(
        Error::badInput(options->command.isEmpty()
                            ? QStringLiteral("No command given.")
                            : QStringLiteral("Unknown command \"%1\".").arg(options->command),
                        QStringLiteral("Run `strata-cli --help` for the commands.")),
        options->command);
}
