#!/usr/bin/env bash
# Migration benchmark: N small migrations (one table and one index each) applied to a fresh database by
#   - strata-cli migrate, as run by default (pre-flight checks, backup, the steps, verification, run log),
#   - strata-cli migrate with backup and verification turned off in an operator config ("steps only"):
#     the same work as dbmate does,
#   - dbmate up (the reference; the npm package's native binary); on SQLite also with synchronous=FULL,
#     the durability that strata-cli and sqlite3 run with (dbmate's driver sets NORMAL),
#   - a replay of the same SQL in one sqlite3 / psql session, one BEGIN/COMMIT per migration (the floor:
#     the engine's own cost, without any tool),
# on SQLite and on PostgreSQL. One generated folder serves both tools: Strata reads dbmate's layout
# (<version>_<name>.sql with -- migrate:up / -- migrate:down).
#
# It prints figures (seconds, ms per step, CPU seconds, ratios against dbmate and against the replay,
# commits per step), never pass/fail. The goals they inform: Strata commits at most once per step and
# takes at most 1.2x the time of dbmate.
#
#   tests/bench/migrate-bench.sh [BUILD_DIR]     BUILD_DIR defaults to build/ (needs BUILD_DIR/bin/strata-cli)
#
# Each round runs every tool once, in turn, so that a slow spell of the machine (SQLite timings are
# mostly fsyncs) falls on all tools alike; the tables show the median of the rounds ("best s": the
# fastest round, the least disturbed by the rest of the machine). "cpu s" is the user + system time of
# the tool's processes (the database server's is not included): a tool's own overhead, apart from the
# disk.
#
# A fresh SQLite database is a one-page file with no tables (sqlite3 DB 'PRAGMA user_version = 0'), the
# same for every tool. Each run gets a folder of its own (database, strata-cli's backups and run log, via
# XDG_DATA_HOME for PostgreSQL backups), removed after the run.
#
# Environment:
#   BENCH_STEPS      migrations per run (default 1000)
#   BENCH_REPEAT     rounds; the median is reported (default 3)
#   BENCH_ENGINES    "sqlite postgresql" (default), or one of them
#   BENCH_SCALING    1 (default): also time every tool at BENCH_STEPS/10, to show whether the cost of a
#                    step grows with the number of steps; 0: skip
#   BENCH_TIMEOUT    seconds after which one run is stopped and reported as too slow (default 1800)
#   BENCH_CACHE      where dbmate is installed (default ${XDG_CACHE_HOME:-~/.cache}/strata-bench)
#   BENCH_KEEP       1: keep the scratch folder (migrations, logs) and print its path
#   STRATA_TEST_PG_URL, PGPASSWORD
#                    the PostgreSQL server to use (its role needs CREATEDB; nothing else should write on
#                    that server meanwhile, see below); without them a throwaway server is started with
#                    tests/support/pg-test-server.sh and stopped at the end
#   TMPDIR           where the scratch folder goes (SQLite timings include its fsyncs: use the disk that
#                    the databases live on in production; a tmpfs shows the tools' overhead alone)
#
# How commits are counted (a commit here is a transaction that wrote something):
#   SQLite: the databases run in rollback-journal mode (DELETE), where every commit that wrote something
#           ends by deleting the -journal file. One extra, untimed run per tool under `strace -f` counts
#           the successful unlink/unlinkat calls of "<db>-journal" (and the fsync/fdatasync calls).
#   PostgreSQL: transaction ids. PostgreSQL gives an id to every transaction that writes, and only to
#           those; txid_current() on another database before and after the run gives how many were
#           handed out meanwhile (server-wide: hence a quiet server; the fewest over the rounds is
#           shown, as autovacuum's ANALYZE may add one now and then). "xacts" is
#           pg_stat_database.xact_commit of the benchmark database: every committed transaction,
#           read-only ones included, read once no session is left on it (a backend flushes its
#           statistics when it exits); the measuring queries run on another database.
set -euo pipefail
export LC_ALL=C

prog=$(basename "$0")
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$SCRIPT_DIR/../.." && pwd -P)

STEPS=${BENCH_STEPS:-1000}
REPEAT=${BENCH_REPEAT:-3}
ENGINES=${BENCH_ENGINES:-sqlite postgresql}
SCALING=${BENCH_SCALING:-1}
RUN_TIMEOUT=${BENCH_TIMEOUT:-1800}
CACHE=${BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/strata-bench}
KEEP=${BENCH_KEEP:-0}

say() { echo "$prog: $*" >&2; }
fail() {
    echo "$prog: error: $*" >&2
    exit 1
}

[[ $STEPS =~ ^[1-9][0-9]*$ ]] || fail "BENCH_STEPS must be a positive number"
((STEPS <= 99999)) || fail "BENCH_STEPS is limited to 99999"
[[ $REPEAT =~ ^[1-9][0-9]*$ ]] || fail "BENCH_REPEAT must be a positive number"
[[ $RUN_TIMEOUT =~ ^[1-9][0-9]*$ ]] || fail "BENCH_TIMEOUT must be a positive number of seconds"
ENGINES=${ENGINES//postgres /postgresql }
[[ $ENGINES == *postgres ]] && ENGINES+=ql
for engine in $ENGINES; do
    [[ $engine == sqlite || $engine == postgresql ]] ||
        fail "unknown engine \"$engine\" in BENCH_ENGINES (sqlite, postgresql)"
done

BUILD_DIR=${1:-$REPO/build}
[[ -d $BUILD_DIR ]] || fail "no build folder $BUILD_DIR (build first: ./scripts/run.sh, or cmake --build)"
BUILD_DIR=$(cd "$BUILD_DIR" && pwd -P)
CLI=$BUILD_DIR/bin/strata-cli
[[ -x $CLI ]] || fail "$CLI not found; build the strata-cli target first"

for tool in sqlite3 psql awk sort timeout; do
    command -v "$tool" >/dev/null || fail "$tool is needed (apt-get install sqlite3 postgresql-client)"
done

# ---------------------------------------------------------------------------------------------------------
# Scratch space and cleanup

WORK=$(mktemp -d "${TMPDIR:-/tmp}/strata-bench.XXXXXX")
PG_SERVER_DIR=''
PASSWORD_TEXT=''
PASSWORD_URL_TEXT=''

cleanup() {
    local rc=$?
    if [[ -n $PG_SERVER_DIR ]]; then
        bash "$REPO/tests/support/pg-test-server.sh" stop "$PG_SERVER_DIR" >/dev/null 2>&1 ||
            say "could not stop the PostgreSQL server in $PG_SERVER_DIR"
    fi
    if [[ $KEEP == 1 ]]; then
        say "kept $WORK"
    else
        rm -rf "$WORK"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Hides the PostgreSQL password, as is and as written in dbmate's URL, in anything shown (dbmate's errors
# may echo its URL).
redact() {
    if [[ -n $PASSWORD_TEXT ]]; then
        awk -v p="$PASSWORD_TEXT" -v q="$PASSWORD_URL_TEXT" '{
            while ((i = index($0, p)) > 0) $0 = substr($0, 1, i - 1) "***" substr($0, i + length(p))
            while (q != "" && (i = index($0, q)) > 0) $0 = substr($0, 1, i - 1) "***" substr($0, i + length(q))
            print }'
    else
        cat
    fi
}

show_log() {
    local log=$1
    [[ -f $log ]] || return 0
    echo "    last lines of $(basename "$log"):" >&2
    tail -n 25 "$log" | redact | sed 's/^/    /' >&2
}

# ---------------------------------------------------------------------------------------------------------
# dbmate: the npm package ships the real binary in @dbmate/<platform>/bin; node_modules/.bin/dbmate is a
# node wrapper around it (its start-up would be counted against dbmate), so the binary is used directly.

find_dbmate() {
    local found
    found=$(find "$CACHE/node_modules" -path '*/@dbmate/*/bin/dbmate' -type f -perm -u+x 2>/dev/null | head -n 1)
    if [[ -z $found ]]; then
        found=$(find "$CACHE/node_modules/dbmate" -name dbmate -type f -perm -u+x 2>/dev/null | head -n 1)
    fi
    if [[ -z $found && -x $CACHE/node_modules/.bin/dbmate ]]; then
        found=$CACHE/node_modules/.bin/dbmate
    fi
    printf '%s' "$found"
}

DBMATE=$(find_dbmate)
if [[ -z $DBMATE ]]; then
    command -v npm >/dev/null || fail "npm is needed to install dbmate (apt-get install npm)"
    say "installing dbmate into $CACHE"
    mkdir -p "$CACHE"
    npm install --prefix "$CACHE" --no-audit --no-fund dbmate >"$WORK/npm.log" 2>&1 || {
        show_log "$WORK/npm.log"
        fail "npm install dbmate failed"
    }
    DBMATE=$(find_dbmate)
    [[ -n $DBMATE ]] || fail "dbmate was installed but its binary was not found under $CACHE/node_modules"
fi

# ---------------------------------------------------------------------------------------------------------
# strace, for the SQLite commit counts

HAVE_STRACE=0
if command -v strace >/dev/null; then
    HAVE_STRACE=1
elif [[ " $ENGINES " == *" sqlite "* ]]; then
    say "strace is missing; installing it to count SQLite commits"
    sudo_cmd=()
    ((EUID == 0)) || sudo_cmd=(sudo)
    if "${sudo_cmd[@]}" apt-get install -y -qq strace >"$WORK/apt.log" 2>&1 && command -v strace >/dev/null; then
        HAVE_STRACE=1
    else
        say "could not install strace: SQLite commits will not be counted"
    fi
fi

# ---------------------------------------------------------------------------------------------------------
# Arithmetic and formatting

# median of the numbers given as arguments
median() {
    printf '%s\n' "$@" | sort -g |
        awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.6f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# minimum of the numbers given as arguments
minimum() { printf '%s\n' "$@" | sort -g | head -n 1; }

# calc EXPR VAR=VALUE...: awk arithmetic, e.g. calc "a / b" a=1 b=2
calc() {
    local expr=$1 kv
    shift
    local args=()
    for kv in "$@"; do args+=(-v "$kv"); done
    awk "${args[@]}" "BEGIN { print $expr }"
}

fmt() { awk -v v="$2" "BEGIN { printf \"$1\", v }"; }

is_num() { [[ -n $1 && $1 != n/a ]]; }

ratio() { # ratio A B: A/B as "1.23x", or "n/a"
    if is_num "${1:-}" && is_num "${2:-}"; then
        awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else printf "n/a" }'
    else
        printf 'n/a'
    fi
}

seconds_text() { # seconds with 3 decimals, or n/a
    if is_num "${1:-}"; then fmt '%.3f' "$1"; else printf 'n/a'; fi
}

per_step_ms() { # per_step_ms SECONDS N
    if is_num "${1:-}"; then fmt '%.3f' "$(calc "s * 1000 / n" s="$1" n="$2")"; else printf 'n/a'; fi
}

per_step() { # per_step COUNT N
    if is_num "${1:-}"; then fmt '%.3f' "$(calc "c / n" c="$1" n="$2")"; else printf 'n/a'; fi
}

# timed LOG CMD...: runs CMD with its output in LOG and prints "WALL CPU" in seconds (CPU: user + system
# of CMD and its children). Meant to run in a subshell of its own: the subshell's children's times start
# at zero. A run that fails or outlives BENCH_TIMEOUT prints "n/a n/a" (and says why on stderr).
timed() {
    local log=$1
    shift
    local start=$EPOCHREALTIME end rc=0
    timeout --kill-after=10 "$RUN_TIMEOUT" "$@" >"$log" 2>&1 || rc=$?
    end=$EPOCHREALTIME
    { times; } >"$log.times"
    if ((rc == 124 || rc == 137)); then
        say "TOO SLOW: $(basename "$log" .log) did not finish within ${RUN_TIMEOUT} s and was stopped"
        echo "n/a n/a"
        return 0
    fi
    if ((rc != 0)); then
        say "FAILED (exit $rc): $(basename "$log" .log)"
        show_log "$log"
        echo "n/a n/a"
        return 0
    fi
    awk -v s="$start" -v e="$end" 'NR == 2 {
        split($1, u, /[ms]/); split($2, k, /[ms]/)
        printf "%.6f %.6f\n", e - s, u[1] * 60 + u[2] + k[1] * 60 + k[2] }' "$log.times"
}

# ---------------------------------------------------------------------------------------------------------
# The migration set and its replay script

# gen_set DIR COUNT: COUNT dbmate-style migrations, each creating a table and an index, with down sections.
gen_set() {
    local dir=$1 count=$2 i name
    mkdir -p "$dir"
    for ((i = 1; i <= count; i++)); do
        printf -v name 'bench_%05d' "$i"
        printf -- '-- migrate:up\nCREATE TABLE %s (\n    id INTEGER PRIMARY KEY,\n    account TEXT NOT NULL,\n    quantity INTEGER NOT NULL DEFAULT 0,\n    updated_at TEXT NOT NULL\n);\nCREATE INDEX idx_%s_account ON %s (account, updated_at);\n\n-- migrate:down\nDROP INDEX idx_%s_account;\nDROP TABLE %s;\n' \
            "$name" "$name" "$name" "$name" "$name" >"$dir/$((20240101000000 + i))_create_$name.sql"
    done
}

# gen_replay DIR OUT: the up sections of DIR's files, in version order, each in its own BEGIN/COMMIT.
gen_replay() {
    local dir=$1 out=$2
    find "$dir" -maxdepth 1 -name '*.sql' -print | sort | while IFS= read -r file; do
        echo "BEGIN;"
        awk '/^--[[:space:]]*migrate:up/ { on = 1; next } /^--[[:space:]]*migrate:down/ { on = 0 } on' "$file"
        echo "COMMIT;"
    done >"$out"
}

# ---------------------------------------------------------------------------------------------------------
# Tools

# On SQLite, dbmate runs a second time with synchronous=FULL: its driver (mattn/go-sqlite3) sets
# synchronous=NORMAL on every connection (one journal fsync per commit), while strata-cli and sqlite3 keep
# SQLite's default FULL (two). That row compares the tools at the same durability.
SQLITE_TOOLS=(dbmate dbmatefull strata stratasteps sqlreplay)
PG_TOOLS=(dbmate strata stratasteps sqlreplay)

tools_for() { # tools_for ENGINE -> sets TOOLS
    if [[ $1 == sqlite ]]; then
        TOOLS=("${SQLITE_TOOLS[@]}")
    else
        TOOLS=("${PG_TOOLS[@]}")
    fi
}

tool_label() { # tool_label ENGINE TOOL
    case $2 in
        dbmate) echo "dbmate up" ;;
        dbmatefull) echo "dbmate up sync=FULL" ;;
        strata) echo "strata-cli migrate" ;;
        stratasteps) echo "strata, steps only" ;;
        sqlreplay) if [[ $1 == sqlite ]]; then echo "sqlite3 replay"; else echo "psql replay"; fi ;;
    esac
}

# Results: R[engine:tool:N] median wall seconds, M[engine:tool:N] fastest run, U[engine:tool:N] median CPU
# seconds,
# C[engine:tool] write commits of a run at BENCH_STEPS, X[engine:tool] all transactions of that run
# (PostgreSQL), F[engine:tool] fsyncs of that run (SQLite)
declare -A R=() M=() U=() C=() X=() F=()

RUNDIR=$WORK/run

# fresh_rundir: an empty folder for one run, with the operator config of the "steps only" runs
fresh_rundir() {
    rm -rf "$RUNDIR"
    mkdir -p "$RUNDIR/data"
    printf 'database:\n  backup:\n    directory: "%s/backups"\n  migration:\n    create_backup: false\n    verify_after: false\n' \
        "$RUNDIR" >"$RUNDIR/steps-only.yaml"
}

# strata_cmd TOOL DB_URL N -> sets CMD
strata_cmd() {
    local tool=$1 url=$2 n=$3
    CMD=(env "XDG_DATA_HOME=$RUNDIR/data" "$CLI" --db "$url" --migrations "$WORK/set-$n")
    [[ $tool != stratasteps ]] || CMD+=(--config "$RUNDIR/steps-only.yaml")
    CMD+=(migrate --yes)
}

# dbmate_env CMD...: runs CMD with DATABASE_URL=$DBMATE_URL in its environment when that is set
dbmate_env() {
    if [[ -n $DBMATE_URL ]]; then
        DATABASE_URL=$DBMATE_URL "$@"
    else
        "$@"
    fi
}

# ---------------------------------------------------------------------------------------------------------
# SQLite

SQLITE_DB=$RUNDIR/bench.db

# sqlite_prepare TOOL N: a fresh run folder and database -> sets CMD (and DBMATE_URL for dbmate)
sqlite_prepare() {
    local tool=$1 n=$2
    fresh_rundir
    sqlite3 "$SQLITE_DB" "PRAGMA user_version = 0"
    DBMATE_URL=''
    case $tool in
        dbmate | dbmatefull)
            DBMATE_URL=sqlite:$SQLITE_DB
            [[ $tool != dbmatefull ]] || DBMATE_URL+='?_sync=FULL'
            CMD=("$DBMATE" --migrations-dir "$WORK/set-$n" --no-dump-schema up)
            ;;
        strata | stratasteps) strata_cmd "$tool" "sqlite:$SQLITE_DB" "$n" ;;
        sqlreplay) CMD=(sqlite3 -bail "$SQLITE_DB" ".read $WORK/replay-$n.sql") ;;
    esac
}

# sqlite_check N: the run created every index
sqlite_check() {
    local got
    got=$(sqlite3 "$SQLITE_DB" "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name LIKE 'idx_bench_%'")
    [[ $got == "$1" ]] || {
        say "check failed: the database has $got of $1 benchmark indexes"
        return 1
    }
}

count_sqlite_commits() {
    local n=$STEPS tool trace
    local TOOLS
    tools_for sqlite
    for tool in "${TOOLS[@]}"; do
        C[sqlite:$tool]=n/a
        F[sqlite:$tool]=n/a
        ((HAVE_STRACE)) || continue
        trace=$WORK/sqlite-trace-$tool.strace
        sqlite_prepare "$tool" "$n"
        if (
            cd "$RUNDIR"
            dbmate_env timeout --kill-after=10 "$RUN_TIMEOUT" strace -f -qq -e signal=none \
                -e trace=unlink,unlinkat,fsync,fdatasync -o "$trace" "${CMD[@]}" >"$trace.log" 2>&1
        ) && sqlite_check "$n"; then
            C[sqlite:$tool]=$(grep -E "unlink(at)?\\(.*\"$SQLITE_DB-journal\"" "$trace" | grep -c '= 0$' || true)
            F[sqlite:$tool]=$(grep -cE 'f(data)?sync\(' "$trace" || true)
        else
            say "the traced $tool run failed; its commits are not counted"
            show_log "$trace.log"
        fi
        say "$(printf '%-10s N=%-5s traced     %-20s %s journal deletions (commits), %s fsyncs' sqlite "$n" \
            "$(tool_label sqlite "$tool")" "${C[sqlite:$tool]}" "${F[sqlite:$tool]}")"
        rm -rf "$RUNDIR"
    done
}

# ---------------------------------------------------------------------------------------------------------
# PostgreSQL

PG_USER='' PG_HOST='' PG_PORT='' PG_DB='' PG_PARAMS=''

pg_setup() {
    if [[ -z ${STRATA_TEST_PG_URL:-} ]]; then
        PG_SERVER_DIR=$(mktemp -d "${TMPDIR:-/tmp}/strata-bench-pg.XXXXXX")
        say "starting a throwaway PostgreSQL server in $PG_SERVER_DIR"
        bash "$REPO/tests/support/pg-test-server.sh" start "$PG_SERVER_DIR" >"$WORK/pg-server.log" 2>&1 || {
            show_log "$WORK/pg-server.log"
            fail "the PostgreSQL test server did not start"
        }
        # shellcheck source=/dev/null
        source "$PG_SERVER_DIR/env"
    fi
    export PGPASSWORD=${PGPASSWORD:-}
    PASSWORD_TEXT=$PGPASSWORD
    PASSWORD_URL_TEXT=$(urlencode "$PGPASSWORD")
    local re='^postgres(ql)?://([^@/:]+)@([^:/?]+)(:([0-9]+))?/([^?]+)(\?(.*))?$'
    [[ $STRATA_TEST_PG_URL =~ $re ]] ||
        fail "STRATA_TEST_PG_URL must look like postgresql://user@host:port/db (password in PGPASSWORD)"
    PG_USER=${BASH_REMATCH[2]}
    PG_HOST=${BASH_REMATCH[3]}
    PG_PORT=${BASH_REMATCH[5]:-5432}
    PG_DB=${BASH_REMATCH[6]}
    PG_PARAMS=${BASH_REMATCH[8]:-}
    admin_sql "SELECT 1" >/dev/null || fail "cannot connect to $PG_USER@$PG_HOST:$PG_PORT/$PG_DB"
}

pg_uri() { # pg_uri DB: libpq URI, without password
    printf 'postgresql://%s@%s:%s/%s%s' "$PG_USER" "$PG_HOST" "$PG_PORT" "$1" "${PG_PARAMS:+?$PG_PARAMS}"
}

urlencode() {
    local s=$1 out='' c i
    for ((i = 0; i < ${#s}; i++)); do
        c=${s:i:1}
        case $c in
            [a-zA-Z0-9.~_-]) out+=$c ;;
            *) out+=$(printf '%%%02X' "'$c") ;;
        esac
    done
    printf '%s' "$out"
}

# dbmate_pg_url DB: the URL dbmate wants, password included. It reaches dbmate through DATABASE_URL in
# its environment only: never on a command line, never printed.
dbmate_pg_url() {
    local auth=$PG_USER params=$PG_PARAMS
    [[ -z $PGPASSWORD ]] || auth+=":$(urlencode "$PGPASSWORD")"
    [[ $params == *sslmode=* ]] || params+=${params:+&}sslmode=disable
    printf 'postgres://%s@%s:%s/%s?%s' "$auth" "$PG_HOST" "$PG_PORT" "$1" "$params"
}

admin_sql() { # one statement on the maintenance database (never on a benchmark database)
    PGOPTIONS="-c client_min_messages=warning" psql -X -q -At -v ON_ERROR_STOP=1 -d "$(pg_uri "$PG_DB")" -c "$1"
}

# pg_settle DB: waits until no session is left on DB, then for its statistics to stop moving; prints
# xact_commit of DB
pg_settle() {
    local db=$1 waited=0 left prev='' cur=''
    while :; do
        left=$(admin_sql "SELECT count(*) FROM pg_stat_activity WHERE datname = '$db'")
        if [[ $left == 0 ]]; then
            cur=$(admin_sql "SELECT coalesce(sum(xact_commit), 0) FROM pg_stat_database WHERE datname = '$db'")
            [[ $cur != "$prev" ]] || break
            prev=$cur
        fi
        if ((waited >= 40)); then
            say "statistics of $db did not settle; using the last figure"
            break
        fi
        sleep 0.25
        waited=$((waited + 1))
    done
    printf '%s' "${cur:-0}"
}

# pg_prepare TOOL N: a fresh run folder and database -> sets CMD, PG_BENCH_DB (and DBMATE_URL for dbmate)
DB_SEQ=0
pg_prepare() {
    local tool=$1 n=$2
    fresh_rundir
    DB_SEQ=$((DB_SEQ + 1))
    PG_BENCH_DB=strata_bench_$$_$DB_SEQ
    admin_sql "DROP DATABASE IF EXISTS $PG_BENCH_DB" >/dev/null
    admin_sql "CREATE DATABASE $PG_BENCH_DB" >/dev/null
    DBMATE_URL=''
    case $tool in
        dbmate)
            DBMATE_URL=$(dbmate_pg_url "$PG_BENCH_DB")
            CMD=("$DBMATE" --migrations-dir "$WORK/set-$n" --no-dump-schema up)
            ;;
        strata | stratasteps) strata_cmd "$tool" "$(pg_uri "$PG_BENCH_DB")" "$n" ;;
        sqlreplay) CMD=(psql -X -v ON_ERROR_STOP=1 -q -f "$WORK/replay-$n.sql" -d "$(pg_uri "$PG_BENCH_DB")") ;;
    esac
}

# ---------------------------------------------------------------------------------------------------------
# One run, and the rounds

# one_run ENGINE TOOL N ROUND: a fresh database, the timed run, its check
#   -> RUN_WALL RUN_CPU RUN_COMMITS RUN_XACTS
one_run() {
    local engine=$1 tool=$2 n=$3 round=$4 log xid_before xid_after xacts_before got result
    log=$WORK/$engine-$tool-$n-$round.log
    RUN_COMMITS=''
    RUN_XACTS=''
    if [[ $engine == sqlite ]]; then
        sqlite_prepare "$tool" "$n"
    else
        pg_prepare "$tool" "$n"
        xacts_before=$(pg_settle "$PG_BENCH_DB")
        xid_before=$(admin_sql "SELECT txid_current()")
    fi
    result=$(
        cd "$RUNDIR"
        dbmate_env timed "$log" "${CMD[@]}"
    )
    read -r RUN_WALL RUN_CPU <<<"$result"
    if [[ $engine == sqlite ]]; then
        if is_num "$RUN_WALL" && ! sqlite_check "$n"; then
            show_log "$log"
            RUN_WALL=n/a
        fi
    else
        if is_num "$RUN_WALL"; then
            RUN_XACTS=$(($(pg_settle "$PG_BENCH_DB") - xacts_before))
            xid_after=$(admin_sql "SELECT txid_current()")
            RUN_COMMITS=$((xid_after - xid_before - 1))
            got=$(psql -X -q -At -d "$(pg_uri "$PG_BENCH_DB")" -c \
                "SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname LIKE 'idx_bench_%'")
            if [[ $got != "$n" ]]; then
                say "check failed: $PG_BENCH_DB has $got of $n benchmark indexes"
                show_log "$log"
                RUN_WALL=n/a
            fi
        fi
        admin_sql "DROP DATABASE IF EXISTS $PG_BENCH_DB" >/dev/null
    fi
    rm -rf "$RUNDIR"
}

# run_engine ENGINE N: BENCH_REPEAT rounds, each running every tool once in turn
run_engine() {
    local engine=$1 n=$2 round tool
    local TOOLS
    tools_for "$engine"
    local -A walls=() cpus=() failed=()
    for ((round = 1; round <= REPEAT; round++)); do
        for tool in "${TOOLS[@]}"; do
            [[ -z ${failed[$tool]:-} ]] || continue
            one_run "$engine" "$tool" "$n" "$round"
            say "$(printf '%-10s N=%-5s round %d/%d  %-20s %s s, cpu %s s%s' "$engine" "$n" "$round" "$REPEAT" \
                "$(tool_label "$engine" "$tool")" "$(seconds_text "$RUN_WALL")" "$(seconds_text "$RUN_CPU")" \
                "${RUN_COMMITS:+, $RUN_COMMITS commits, $RUN_XACTS xacts}")"
            if ! is_num "$RUN_WALL"; then
                failed[$tool]=1
                continue
            fi
            walls[$tool]+=" $RUN_WALL"
            cpus[$tool]+=" $RUN_CPU"
            # The fewest over the rounds: anything else on the server (autovacuum) only adds.
            if [[ -n $RUN_COMMITS && $n == "$STEPS" ]]; then
                C[$engine:$tool]=$(minimum "$RUN_COMMITS" ${C[$engine:$tool]:+"${C[$engine:$tool]}"})
                X[$engine:$tool]=$(minimum "$RUN_XACTS" ${X[$engine:$tool]:+"${X[$engine:$tool]}"})
            fi
        done
    done
    for tool in "${TOOLS[@]}"; do
        if [[ -n ${failed[$tool]:-} ]]; then
            R[$engine:$tool:$n]=n/a
            M[$engine:$tool:$n]=n/a
            U[$engine:$tool:$n]=n/a
        else
            # shellcheck disable=SC2086 # the lists are space-separated numbers
            R[$engine:$tool:$n]=$(median ${walls[$tool]})
            # shellcheck disable=SC2086
            M[$engine:$tool:$n]=$(minimum ${walls[$tool]})
            # shellcheck disable=SC2086
            U[$engine:$tool:$n]=$(median ${cpus[$tool]})
        fi
    done
}

# ---------------------------------------------------------------------------------------------------------
# Report

print_table() {
    local engine=$1 n=$STEPS tool s title extra_head extra a b
    local TOOLS
    tools_for "$engine"
    if [[ $engine == sqlite ]]; then
        title=SQLite
        extra_head=$(printf ' %11s' fsyncs/step)
    else
        title=PostgreSQL
        extra_head=$(printf ' %10s' xacts/step)
    fi
    echo
    echo "$title: $n migrations (a table and an index each), fresh database per run, median of $REPEAT round(s)"
    printf '  %-20s %8s %8s %8s %7s %9s %9s %7s %12s%s\n' tool seconds "best s" ms/step "cpu s" "vs dbmate" \
        "vs replay" commits commits/step "$extra_head"
    for tool in "${TOOLS[@]}"; do
        s=${R[$engine:$tool:$n]:-n/a}
        if [[ $engine == sqlite ]]; then
            extra=$(printf ' %11s' "$(per_step "${F[$engine:$tool]:-}" "$n")")
        else
            extra=$(printf ' %10s' "$(per_step "${X[$engine:$tool]:-}" "$n")")
        fi
        printf '  %-20s %8s %8s %8s %7s %9s %9s %7s %12s%s\n' "$(tool_label "$engine" "$tool")" \
            "$(seconds_text "$s")" "$(seconds_text "${M[$engine:$tool:$n]:-}")" "$(per_step_ms "$s" "$n")" \
            "$(seconds_text "${U[$engine:$tool:$n]:-}")" \
            "$(ratio "$s" "${R[$engine:dbmate:$n]:-}")" "$(ratio "$s" "${R[$engine:sqlreplay:$n]:-}")" \
            "${C[$engine:$tool]:-n/a}" "$(per_step "${C[$engine:$tool]:-}" "$n")" "$extra"
    done
    if ((SMALL > 0)); then
        echo "  ms per step at N=$SMALL -> N=$n (growth above 1.00x: a step costs more when there are more of them)"
        for tool in "${TOOLS[@]}"; do
            a=$(per_step_ms "${R[$engine:$tool:$SMALL]:-}" "$SMALL")
            b=$(per_step_ms "${R[$engine:$tool:$n]:-}" "$n")
            printf '  %-20s %8s -> %-8s growth %-7s cpu ms/step %s -> %s\n' "$(tool_label "$engine" "$tool")" \
                "$a" "$b" "$(ratio "$b" "$a")" "$(per_step_ms "${U[$engine:$tool:$SMALL]:-}" "$SMALL")" \
                "$(per_step_ms "${U[$engine:$tool:$n]:-}" "$n")"
        done
    fi
}

# ---------------------------------------------------------------------------------------------------------
# Main

SMALL=0
if [[ $SCALING == 1 ]] && ((STEPS >= 20)); then
    SMALL=$((STEPS / 10))
fi

say "generating $STEPS migrations in $WORK/set-$STEPS"
gen_set "$WORK/set-$STEPS" "$STEPS"
gen_replay "$WORK/set-$STEPS" "$WORK/replay-$STEPS.sql"
if ((SMALL > 0)); then
    gen_set "$WORK/set-$SMALL" "$SMALL"
    gen_replay "$WORK/set-$SMALL" "$WORK/replay-$SMALL.sql"
fi

BENCH_START=$EPOCHREALTIME
for engine in $ENGINES; do
    if [[ $engine == sqlite ]]; then
        run_engine sqlite "$STEPS"
        ((SMALL == 0)) || run_engine sqlite "$SMALL"
        count_sqlite_commits
    else
        pg_setup
        run_engine postgresql "$STEPS"
        ((SMALL == 0)) || run_engine postgresql "$SMALL"
    fi
done
BENCH_END=$EPOCHREALTIME

cpu_model=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
sqlite_version=$(sqlite3 --version | awk '{ print $1 }')
psql_version=$(psql --version | awk '{ print $3 }')
server_version=n/a
[[ -z $PG_DB ]] || server_version=$(admin_sql "SHOW server_version" 2>/dev/null | awk '{ print $1 }')
strata_version=$(sed -n 's/^project(Strata VERSION \([0-9.]*\).*/\1/p' "$REPO/CMakeLists.txt")
strata_commit=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)
if ! git -C "$REPO" diff --quiet HEAD -- src resources CMakeLists.txt 2>/dev/null; then
    strata_commit+=" + uncommitted changes"
fi
fs_type=$(stat -f -c %T "$WORK" 2>/dev/null || echo unknown)

echo
echo "================================== strata-cli migrate benchmark =================================="
for engine in $ENGINES; do
    print_table "$engine"
done
echo
echo "Summary (time ratios: wall clock, strata-cli / reference, medians unless said; commits per step: write"
echo "commits of a run / $STEPS)"
for engine in $ENGINES; do
    for tool in strata stratasteps; do
        printf '  %-11s %-20s vs dbmate %s' "$engine:" "$(tool_label "$engine" "$tool")" \
            "$(ratio "${R[$engine:$tool:$STEPS]:-}" "${R[$engine:dbmate:$STEPS]:-}")"
        if [[ $engine == sqlite ]]; then
            printf ', vs dbmate sync=FULL %s' "$(ratio "${R[$engine:$tool:$STEPS]:-}" "${R[$engine:dbmatefull:$STEPS]:-}")"
        fi
        printf ', vs replay %s; best runs vs dbmate %s; cpu vs dbmate %s; commits/step %s\n' \
            "$(ratio "${R[$engine:$tool:$STEPS]:-}" "${R[$engine:sqlreplay:$STEPS]:-}")" \
            "$(ratio "${M[$engine:$tool:$STEPS]:-}" "${M[$engine:dbmate:$STEPS]:-}")" \
            "$(ratio "${U[$engine:$tool:$STEPS]:-}" "${U[$engine:dbmate:$STEPS]:-}")" \
            "$(per_step "${C[$engine:$tool]:-}" "$STEPS")"
    done
    printf '  %-11s commits/step of the references: dbmate %s, replay %s\n' "" \
        "$(per_step "${C[$engine:dbmate]:-}" "$STEPS")" "$(per_step "${C[$engine:sqlreplay]:-}" "$STEPS")"
done
echo "  Commits are write transactions: on SQLite -journal deletions seen by strace (rollback-journal mode),"
echo "  on PostgreSQL transaction ids handed out during the run. Totals include each tool's one-off set-up."
if [[ " $ENGINES " == *" postgresql "* ]]; then
    echo "  PostgreSQL xacts: pg_stat_database.xact_commit of the benchmark database (read-only ones included)."
fi
if [[ " $ENGINES " == *" sqlite "* ]]; then
    echo "  SQLite durability: dbmate's driver runs synchronous=NORMAL (one journal fsync per commit);"
    echo "  strata-cli and sqlite3 run SQLite's default FULL (two); 'dbmate up sync=FULL' is dbmate at FULL."
fi
echo "Machine: $(nproc) CPU(s), ${cpu_model:-unknown CPU}, $(uname -sr); scratch on $fs_type ($WORK)"
echo "Versions: strata-cli $strata_version ($CLI, built $(date -u -r "$CLI" '+%Y-%m-%d %H:%M UTC'); source tree at $strata_commit)"
echo "          dbmate $("$DBMATE" --version 2>/dev/null | awk '{ print $NF }') ($DBMATE)"
echo "          sqlite3 $sqlite_version; psql $psql_version; PostgreSQL server $server_version"
if [[ -n $PG_SERVER_DIR ]]; then
    echo "          PostgreSQL: throwaway server of tests/support/pg-test-server.sh (fsync=off, synchronous_commit=off)"
fi
echo "Settings: BENCH_STEPS=$STEPS BENCH_REPEAT=$REPEAT BENCH_SCALING=$SCALING; total $(fmt '%.0f' "$(calc "e - s" e="$BENCH_END" s="$BENCH_START")") s"
