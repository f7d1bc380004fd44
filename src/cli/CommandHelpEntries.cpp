#include "CommandHelp.h"

namespace strata::cli {

namespace {

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

} // namespace

const QList<CommandHelp::Option>& CommandHelp::globalOptions()
{
    static const QList<Option> options{
        {s("--db URL"),
         s("The database: sqlite:relative/or/absolute/path.db, sqlite:///abs/path.db or "
           "postgresql://user@host:port/db?sslmode=... The password comes from PGPASSWORD, ~/.pgpass or the "
           "keychain, never from the command line.")},
        {s("--migrations DIR"), s("The migration set folder (Strata's layout or another tool's).")},
        {s("--config FILE"),
         s("The set's configuration (hooks, timeouts); default: strata.yaml in the set.")},
        {s("--json"), s("Print one JSON document on standard output instead of text.")},
        {s("--yes"), s("Answer yes to the confirmations (for scripts).")},
        {s("--lock-timeout SECONDS"), s("How long to wait for another run's lock (default 60).")},
        {s("--help"), s("This help; after a command, that command's help.")},
        {s("--version"), s("Print strata-cli's version.")},
    };
    return options;
}

const QList<CommandHelp::Option>& CommandHelp::exitCodes()
{
    static const QList<Option> codes{
        {s("0"), s("done")},
        {s("1"), s("failed (the database is as it was)")},
        {s("2"), s("bad usage or bad input")},
        {s("3"), s("verification failed")},
        {s("4"), s("another run holds the lock")},
        {s("5"), s("refused: problems found (checksum mismatch, conflict, dirty state, a blocking finding)")},
    };
    return codes;
}

const QList<CommandHelp>& CommandHelp::all()
{
    static const QList<CommandHelp> commands{
        {s("status"),
         {},
         s("current version; applied; pending steps by phase; problems"),
         s("Where the database stands against its migration set: the version, the applied and the pending "
           "steps phase by phase, and the problems found (changed files, dirty steps, slot conflicts, "
           "missing files, an interrupted run)."),
         {}},
        {s("history"),
         {},
         s("applied versions and steps, times, durations, checksums"),
         s("The history table: every applied step with when, by whom, how long it took and its checksum."),
         {}},
        {s("plan"),
         s("[--to V] [--enable OPT]..."),
         s("dry run: the SQL migrate would run, in order; changes nothing"),
         s("The steps migrate would apply, in order, with their SQL. Nothing is changed."),
         {{s("--to V"), s("Stop at version V.")}, {s("--enable OPT"), s("Include the optional phase OPT.")}}},
        {s("migrate"),
         s("[--to V] [--enable OPT]... [--no-backup] [--rehearse [--rehearse-on URL]]"),
         s("apply the pending steps after a verified backup"),
         s("Applies the pending steps phase by phase, each in its own transaction, after a backup that is "
           "verified before anything changes; runs the set's hooks; verifies the result."),
         {{s("--to V"), s("Stop at version V.")},
          {s("--enable OPT"), s("Include the optional phase OPT.")},
          {s("--no-backup"), s("Skip the backup (the run says so in its log).")},
          {s("--restore-on-failure"), s("Restore the backup when a step fails.")},
          {s("--rehearse"),
           s("First apply the steps to a copy of the backup; go on only if that succeeded.")},
          {s("--rehearse-on URL"), s("Where the rehearsal's copy goes (default: beside the database).")}}},
        {s("review"),
         s("[--to V] [--enable OPT]... [--patch]"),
         s("what each pending step would lock, rewrite or break on the live database"),
         s("Reviews each pending step against the live database (table rows, bytes, who uses it now) and "
           "proposes the safe rewrite. Exit 5 when a \"block\" finding stands that no "
           "-- strata:allow RULE reason accepts."),
         {{s("--to V"), s("Stop at version V.")},
          {s("--enable OPT"), s("Include the optional phase OPT.")},
          {s("--patch"), s("Print the rewrites as a unified diff of the step files.")}}},
        {s("rehearse"),
         s("[--to V] [--enable OPT]... [--rehearse-on URL]"),
         s("apply the pending steps to a copy with the production data, timing each"),
         s("Applies the pending steps to a copy with the production data, timing each (locks, rewrites, "
           "rows), then its rollback and the step again. The database itself is only read."),
         {{s("--to V"), s("Stop at version V.")},
          {s("--enable OPT"), s("Include the optional phase OPT.")},
          {s("--rehearse-on URL"), s("Where the copy goes (default: beside the database).")}}},
        {s("rollback"),
         s("--to V"),
         s("run rollback scripts in reverse order down to V"),
         s("Runs the rollback scripts in reverse order down to version V; refuses, naming the step, when one "
           "has none."),
         {{s("--to V"), s("The version to end at.")}}},
        {s("baseline"),
         s("[--version V]"),
         s("mark an untracked database as being at V"),
         s("Records that a database Strata never migrated is at version V (default: the set's last)."),
         {{s("--version V"), s("The version the database is at.")}}},
        {s("adopt"),
         s("[--tool NAME]"),
         s("record what another tool applied in Strata's history"),
         s("Records what another tool (dbmate, Flyway, Alembic, ...) applied in Strata's history, and keeps "
           "that tool's table current from then on."),
         {{s("--tool NAME"), s("The tool, when the database has the tables of several.")}}},
        {s("verify"),
         s("[BACKUP_ID_OR_PATH] [--quick] [--test-restore]"),
         s("integrity check of the database, or of a backup"),
         s("Checks the database's integrity, or a backup's (size, SHA-256, integrity)."),
         {{s("--quick"), s("The quick check (SQLite's quick_check).")},
          {s("--test-restore"), s("Restore the backup into a scratch database and check it there.")}}},
        {s("backup"),
         s("[--out PATH] [--quick]"),
         s("take a backup, check it and list it"),
         s("Takes a backup (SQLite's backup API, pg_dump), checks it (integrity, size, SHA-256) and lists it "
           "with the database's backups."),
         {{s("--out PATH"), s("Where the backup goes (default: the database's backup folder).")},
          {s("--quick"), s("Check with quick_check instead of the full integrity check.")}}},
        {s("backups"),
         {},
         s("the backups of this database, newest first"),
         s("The backups of this database, newest first, with their ids, sizes and checks."),
         {}},
        {s("restore"),
         s("BACKUP_ID_OR_PATH [--unverified] [--different-database]"),
         s("check a backup, keep the current database aside, restore, check"),
         s("Checks the backup (size, SHA-256, whose it is), keeps the current database aside, restores and "
           "checks the result."),
         {{s("--unverified"), s("Restore a backup that has neither manifest nor catalog entry.")},
          {s("--different-database"), s("Restore a backup of another database or set.")}}},
        {s("resolve"),
         s("V.S --accept-checksum | --mark-applied | --mark-rolled-back"),
         s("settle a problem after checking it by hand"),
         s("Settles a problem that only the operator can judge: accept a changed file's checksum, or mark a "
           "step applied or rolled back."),
         {{s("--accept-checksum"), s("The file's new checksum is the one to keep.")},
          {s("--mark-applied"), s("The step's changes are in the database.")},
          {s("--mark-rolled-back"), s("The step's changes are not in the database.")}}},
        {s("resolve"),
         s("--acknowledge-run RUN_ID"),
         s("record that you checked the database after an interrupted run"),
         s("Records that the database was checked after a run that was killed; status reports such a run "
           "until then."),
         {{s("--acknowledge-run RUN_ID"), s("The run, as status names it.")}}},
        {s("indexes"),
         s("[--table T]"),
         s("each table's indexes and advice"),
         s("Each table's indexes (key parts, unique, partial, method, size, scans, validity) and advice: "
           "duplicate, prefix, unused, invalid, unindexed foreign keys."),
         {{s("--table T"), s("One table, schema.table or a bare name.")}}},
        {s("explain"),
         s("[--analyze] [SQL]"),
         s("the plan of one statement as a tree, with the index a full scan needs"),
         s("The plan of one statement (the argument, or standard input) as a tree: each step's cost, rows "
           "estimated and actual, own time and share, buffers, the expensive steps marked, and the index "
           "that would spare a full scan. SQLite reports no cost or time per step."),
         {{s("--analyze"), s("Run the statement inside a transaction that is rolled back, and time it.")}}},
        {s("query"),
         s("[--csv | --json | --inserts] [--write] [--out FILE] [--table T | SQL]"),
         s("run one statement and print its rows, or export them to a file"),
         s("Runs one statement (the argument, or standard input) on a read-only session and streams its "
           "rows: "
           "tab-separated by default, CSV as psql and sqlite3 write it, a JSON array of objects, or INSERT "
           "statements. A write is refused by the database unless --write is given."),
         {{s("--csv"), s("Rows as CSV with a header line.")},
          {s("--json"), s("Rows as a JSON array of objects (binary values in base64).")},
          {s("--inserts"), s("Rows as INSERT statements.")},
          {s("--write"), s("Let the statement change the database.")},
          {s("--out FILE"), s("Write FILE through a temporary file that replaces it only when whole (CSV "
                              "unless another format is given).")},
          {s("--table T"), s("Every row of table T (schema.table or a bare name).")}}},
        {s("blockers"),
         s("[--wait SECONDS] [--cancel PID | --terminate PID]"),
         s("the sessions that would block the pending steps, as a blocking tree"),
         s("The sessions that would block the pending steps or be blocked by them, as a blocking tree "
           "(SQLite: the processes that have the file open); waits until they finish; cancels or ends one "
           "(asks first)."),
         {{s("--wait SECONDS"), s("Wait until none blocks, at most SECONDS.")},
          {s("--cancel PID"), s("Cancel that session's statement.")},
          {s("--terminate PID"), s("End that session.")}}},
        {s("drift"),
         {},
         s("compare the database's schema with its applied migrations"),
         s("Replays the applied migrations into a scratch database and compares its catalog with the "
           "database's; exit 5 when they differ."),
         {}},
        {s("demo risk-state"),
         s("--out FILE [--count N]"),
         s("create the demo v1 risk-state database"),
         s("Creates the demo v1 risk-state database; --count adds N enforcement_log rows of history."),
         {{s("--out FILE"), s("The database file to create.")},
          {s("--count N"), s("More enforcement_log rows (e.g. 1000000 for a demo of a real size).")}}},
        {s("demo strategies"),
         s("[--count N] [--days D] [--seed S]"),
         s("fill a database that has the strategy set with a demo history"),
         s("Writes a demo history of strategies into --db, which must have the strategy set applied."),
         {{s("--count N"), s("Strategy versions.")},
          {s("--days D"), s("Days of performance.")},
          {s("--seed S"), s("The random seed (the same seed writes the same history).")}}},
        {s("strategies lineage"),
         {},
         s("the strategies, their lineage edges and the problems found"),
         s("The strategies, their lineage edges and the problems found in them."),
         {}},
        {s("strategies performance"),
         s("ID [--benchmark SPEC]"),
         s("one strategy's tearsheet and full metric table against a benchmark"),
         s("One strategy's tearsheet: summary, monthly returns, regimes and series, the full metric table "
           "against its benchmark, the worst drawdown periods, yearly returns, the return distributions, "
           "rolling "
           "beta and volatility, and the in-sample (backtest) and out-of-sample (live) split with its "
           "verdict. "
           "docs/strategy-metrics.md defines every metric."),
         {{s("--benchmark SPEC"), s("What it is measured against: parent (the default), none, strategy:ID, "
                                    "column:TABLE.COLUMN[@DATE], "
                                    "csv:PATH; column and csv take :prices or :returns.")}}},
        {s("strategies family"),
         s("ID"),
         s("a strategy and its descendants: parameters against results"),
         s("A strategy and its descendants: each version's parameters against its results, the component "
           "attribution by generation, and the lineage rows' performance_improvement and risk_change."),
         {}},
        {s("complete"),
         s("commands | options [COMMAND] | backups | versions"),
         s("the candidates the shell completions offer, one per line"),
         s("What the bash and zsh completions offer: the command names, a command's options, the backup ids "
           "of --db (newest first), or the versions of --migrations (for --db's dialect when given). Prints "
           "nothing when the database or the set cannot be read."),
         {}},
    };
    return commands;
}

} // namespace strata::cli
