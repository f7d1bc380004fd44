#include "CompleteCommand.h"

#include <cstdio>

#include <QSet>

#include "CommandHelp.h"
#include "backup/BackupCatalog.h"
#include "backup/BackupEngine.h"

namespace strata::cli {

namespace {

void print(const QStringList& lines)
{
    for (const QString& line : lines)
        std::fputs((line + QLatin1Char('\n')).toUtf8().constData(), stdout);
}

/// "--to V" → "--to".
QString flagOf(const CommandHelp::Option& option)
{
    return option.flag.section(QLatin1Char(' '), 0, 0);
}

QStringList commands()
{
    QStringList names;
    for (const auto& entry : CommandHelp::all()) {
        const QString first = entry.name.section(QLatin1Char(' '), 0, 0);
        if (!names.contains(first))
            names << first;
    }
    return names << QStringLiteral("help");
}

QStringList options(const QString& command)
{
    QStringList flags;
    for (const CommandHelp* entry : CommandHelp::find(command))
        for (const auto& option : entry->options)
            if (!flags.contains(flagOf(option)))
                flags << flagOf(option);
    for (const auto& option : CommandHelp::globalOptions())
        flags << flagOf(option);
    return flags;
}

QStringList backups(const CliContext& context)
{
    auto db = context.openDatabase(DatabaseOpener::Mode::Inspect);
    if (!db)
        return {};
    BackupCatalog catalog(context.backupFolder(**db));
    auto records = catalog.list(BackupEngine::forDatabase(**db)->databaseIdentity());
    QStringList ids;
    if (records)
        for (const auto& record : *records)
            ids << record.id;
    return ids;
}

QStringList versions(const CliContext& context)
{
    auto set = context.loadSet();
    if (!set)
        return {};
    QList<qint64> numbers;
    if (auto url = ConnectionUrl::parse(context.options().db); url && !context.options().db.isEmpty()) {
        numbers = set->versionsFor(url->dialect());
    } else {
        QSet<qint64> seen;
        for (const auto& step : set->steps)
            if (step.version > 0 && !seen.contains(step.version)) {
                seen.insert(step.version);
                numbers << step.version;
            }
        std::sort(numbers.begin(), numbers.end());
    }
    QStringList out;
    for (qint64 number : numbers)
        out << QString::number(number);
    return out;
}

} // namespace

int CompleteCommand::run(const CliContext& context)
{
    const QStringList& arguments = context.options().arguments;
    const QString what = arguments.value(0);
    if (what == QLatin1String("commands"))
        print(commands());
    else if (what == QLatin1String("options"))
        print(options(arguments.value(1)));
    else if (what == QLatin1String("backups"))
        print(backups(context));
    else if (what == QLatin1String("versions"))
        print(versions(context));
    else
        return context.out().failUsage(
            Error::badInput(
                QStringLiteral("complete takes commands, options [COMMAND], backups or versions."),
                QStringLiteral("The shell completions call it; see strata-cli(1).")),
            QStringLiteral("complete"));
    return 0;
}

} // namespace strata::cli
