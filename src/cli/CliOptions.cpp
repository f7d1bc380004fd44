#include "CliOptions.h"

#include "CommandHelp.h"

namespace strata::cli {

namespace {

Error usageError(const QString& what)
{
    return Error::badInput(what, QStringLiteral("Run `strata-cli --help` for the commands and options, or "
                                                "`strata-cli help COMMAND` for one command's."));
}

} // namespace

QString CliOptions::usage()
{
    return CommandHelp::overview();
}

Result<CliOptions> CliOptions::parse(const QStringList& arguments)
{
    CliOptions options;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        QString arg = arguments.at(i);
        if (!arg.startsWith(QLatin1String("--")) || arg == QLatin1String("--")) {
            if (arg == QLatin1String("--"))
                continue;
            if (options.command.isEmpty())
                options.command = arg;
            else
                options.arguments << arg;
            continue;
        }
        QString name = arg.mid(2);
        std::optional<QString> inlineValue;
        if (const auto eq = name.indexOf(QLatin1Char('=')); eq >= 0) {
            inlineValue = name.mid(eq + 1);
            name = name.left(eq);
        }
        auto value = [&]() -> Result<QString> {
            if (inlineValue)
                return *inlineValue;
            if (i + 1 >= arguments.size())
                return usageError(QStringLiteral("--%1 needs a value.").arg(name));
            return arguments.at(++i);
        };
        auto number = [&](qint64 min) -> Result<qint64> {
            auto text = value();
            if (!text)
                return text.error();
            bool ok = false;
            const qint64 n = text->toLongLong(&ok);
            if (!ok || n < min)
                return usageError(QStringLiteral("--%1 takes a whole number of at least %2, not \"%3\".")
                                      .arg(name)
                                      .arg(min)
                                      .arg(*text));
            return n;
        };
        auto flag = [&](bool& target) -> Status {
            if (inlineValue)
                return usageError(QStringLiteral("--%1 takes no value.").arg(name));
            target = true;
            return {};
        };
        Status status;
        if (name == QLatin1String("db")) {
            auto v = value();
            if (!v)
                return v.error();
            options.db = *v;
        } else if (name == QLatin1String("migrations")) {
            auto v = value();
            if (!v)
                return v.error();
            options.migrations = *v;
        } else if (name == QLatin1String("config")) {
            auto v = value();
            if (!v)
                return v.error();
            options.config = *v;
        } else if (name == QLatin1String("out")) {
            auto v = value();
            if (!v)
                return v.error();
            options.out = *v;
        } else if (name == QLatin1String("acknowledge-run")) {
            auto v = value();
            if (!v)
                return v.error();
            options.acknowledgeRun = *v;
        } else if (name == QLatin1String("tool")) {
            const auto v = value();
            if (!v)
                return v.error();
            options.tool = *v;
        } else if (name == QLatin1String("table")) {
            auto v = value();
            if (!v)
                return v.error();
            options.table = *v;
        } else if (name == QLatin1String("enable")) {
            auto v = value();
            if (!v)
                return v.error();
            options.enable << v->split(QLatin1Char(','), Qt::SkipEmptyParts);
        } else if (name == QLatin1String("lock-timeout")) {
            auto n = number(0);
            if (!n)
                return n.error();
            options.lockTimeoutSeconds = static_cast<int>(*n);
        } else if (name == QLatin1String("count") || name == QLatin1String("days") ||
                   name == QLatin1String("seed")) {
            auto n = number(name == QLatin1String("seed") ? 0 : 1);
            if (!n)
                return n.error();
            (name == QLatin1String("count")  ? options.count
             : name == QLatin1String("days") ? options.days
                                             : options.seed) = *n;
        } else if (name == QLatin1String("cancel") || name == QLatin1String("terminate") ||
                   name == QLatin1String("wait")) {
            auto n = number(name == QLatin1String("wait") ? 0 : 1);
            if (!n)
                return n.error();
            (name == QLatin1String("cancel")      ? options.cancelPid
             : name == QLatin1String("terminate") ? options.terminatePid
                                                  : options.waitSeconds) = *n;
        } else if (name == QLatin1String("to")) {
            auto n = number(0);
            if (!n)
                return n.error();
            options.to = *n;
        } else if (name == QLatin1String("version") && !inlineValue &&
                   (i + 1 >= arguments.size() || arguments.at(i + 1).startsWith(QLatin1String("--")))) {
            options.version = true; // baseline's --version always has a number after it
        } else if (name == QLatin1String("version")) {
            auto n = number(0);
            if (!n)
                return n.error();
            options.baselineVersion = *n;
        } else if (name == QLatin1String("json")) {
            status = flag(options.json);
        } else if (name == QLatin1String("yes")) {
            status = flag(options.yes);
        } else if (name == QLatin1String("no-backup")) {
            status = flag(options.noBackup);
        } else if (name == QLatin1String("accept-checksum")) {
            status = flag(options.acceptChecksum);
        } else if (name == QLatin1String("mark-applied")) {
            status = flag(options.markApplied);
        } else if (name == QLatin1String("mark-rolled-back")) {
            status = flag(options.markRolledBack);
        } else if (name == QLatin1String("analyze")) {
            status = flag(options.analyze);
        } else if (name == QLatin1String("quick")) {
            status = flag(options.quick);
        } else if (name == QLatin1String("test-restore")) {
            status = flag(options.testRestore);
        } else if (name == QLatin1String("restore-on-failure")) {
            status = flag(options.restoreOnFailure);
        } else if (name == QLatin1String("unverified")) {
            status = flag(options.unverified);
        } else if (name == QLatin1String("different-database")) {
            status = flag(options.differentDatabase);
        } else if (name == QLatin1String("rehearse")) {
            status = flag(options.rehearse);
        } else if (name == QLatin1String("rehearse-on")) {
            auto v = value();
            if (!v)
                return v.error();
            options.rehearseOn = *v;
        } else if (name == QLatin1String("benchmark")) {
            auto v = value();
            if (!v)
                return v.error();
            options.benchmark = *v;
        } else if (name == QLatin1String("patch")) {
            status = flag(options.patch);
        } else if (name == QLatin1String("csv")) {
            status = flag(options.csv);
        } else if (name == QLatin1String("inserts")) {
            status = flag(options.inserts);
        } else if (name == QLatin1String("write")) {
            status = flag(options.write);
        } else if (name == QLatin1String("help")) {
            status = flag(options.help);
        } else {
            return usageError(QStringLiteral("Unknown option --%1.").arg(name));
        }
        if (!status)
            return status.error();
    }
    return options;
}

} // namespace strata::cli
