#include "CliOptions.h"

namespace strata::cli {

namespace {

Error usageError(const QString& what)
{
    return Error::badInput(what, QStringLiteral("Run `strata-cli --help` for the commands and options."));
}

} // namespace

QString CliOptions::usage()
{
    return QStringLiteral(
        "strata-cli [--db URL] [--migrations DIR] [--config FILE] [--json] [--yes] [--lock-timeout SECONDS] "
        "COMMAND "
        "[options]\n"
        "  URL: sqlite:relative/or/absolute/path.db | sqlite:///abs/path.db | "
        "postgresql://user@host:port/db?sslmode=...\n"
        "       (password from PGPASSWORD, ~/.pgpass or the keychain; never from the command line)\n"
        "  status                      current version; applied; pending steps by phase; problems\n"
        "  history                     applied versions and steps, times, durations, checksums\n"
        "  plan [--to V] [--enable OPT]   dry run: the SQL migrate would run, in order; changes nothing\n"
        "  migrate [--to V] [--enable OPT]... [--no-backup] [--rehearse [--rehearse-on URL]]\n"
        "                              apply the pending steps; --rehearse: first on a copy of the backup,\n"
        "                              and here only if that rehearsal succeeded\n"
        "  review [--to V] [--enable OPT]... [--patch]\n"
        "                              what each pending step would lock, rewrite or break on the live\n"
        "                              database (table rows, bytes, who uses it now), with the safe "
        "rewrite;\n"
        "                              --patch: the rewrites as a diff of the step files; exit 5 when a\n"
        "                              \"block\" finding stands that no -- strata:allow RULE reason accepts\n"
        "  rehearse [--to V] [--enable OPT]... [--rehearse-on URL]\n"
        "                              apply the pending steps to a copy with the production data, timing\n"
        "                              each (locks, rewrites, rows), then its rollback and the step again;\n"
        "                              the database itself is only read\n"
        "  rollback --to V             rollback scripts in reverse order; refuses, naming the step, when one "
        "has "
        "none\n"
        "  baseline [--version V]      mark an untracked database as being at V\n"
        "  adopt [--tool NAME]         record what another tool (dbmate, Flyway, ...) applied in Strata's\n"
        "                              history, and keep that tool's table current from then on\n"
        "  verify [BACKUP_ID_OR_PATH] [--quick] [--test-restore]\n"
        "                              integrity check of the database, or of a backup\n"
        "  backup [--out PATH] [--quick]   take a backup, check it (integrity, size, SHA-256) and list it\n"
        "  backups                     the backups of this database, newest first\n"
        "  restore BACKUP_ID_OR_PATH [--unverified] [--different-database]\n"
        "                              check the backup (size, SHA-256, whose it is), keep the current\n"
        "                              database aside, restore, check\n"
        "  resolve V.S --accept-checksum | --mark-applied | --mark-rolled-back\n"
        "                              settle a problem after checking it by hand\n"
        "  resolve --acknowledge-run RUN_ID\n"
        "                              record that you checked the database after an interrupted run\n"
        "  indexes [--table T]         each table's indexes (key parts, unique, partial, method, size, "
        "scans,\n"
        "                              validity) and advice: duplicate, prefix, unused, invalid, unindexed "
        "FKs\n"
        "  blockers [--wait SECONDS] [--cancel PID | --terminate PID]\n"
        "                              the sessions that would block the pending steps or be blocked by\n"
        "                              them, as a blocking tree (SQLite: the processes that have the file\n"
        "                              open); wait until they finish; cancel or end one (asks first)\n"
        "  drift                       replay the applied migrations into a scratch database and compare "
        "its\n"
        "                              catalog with the database's; exit 5 when they differ\n"
        "  demo risk-state --out FILE [--count N]\n"
        "                              create the demo v1 risk-state database (N more enforcement_log rows)\n"
        "  demo strategies [--count N] [--days D] [--seed S]\n"
        "                              fill a database that has the strategy set with a demo history\n"
        "  strategies lineage          the strategies, their lineage edges and the problems found\n"
        "  strategies performance ID   one strategy's tearsheet: summary, monthly returns, regimes, "
        "series\n"
        "exit codes: 0 done; 1 failed (the database is as it was); 2 bad usage or bad input; 3 verification "
        "failed;\n"
        "            4 another run holds the lock; 5 refused: problems found (checksum mismatch, conflict, "
        "dirty "
        "state)\n");
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
        } else if (name == QLatin1String("patch")) {
            status = flag(options.patch);
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
