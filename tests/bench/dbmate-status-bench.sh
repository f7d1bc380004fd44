#!/usr/bin/env bash
# `strata-cli status` on a database that dbmate manages, against `dbmate status` on the same database and
# folder: a folder of N dbmate migrations (1,000 by default), all applied by the real dbmate, on SQLite and
# on PostgreSQL. Strata reads the folder, its own history (none) and dbmate's schema_migrations, and
# reports the database as managed by dbmate; dbmate reads the same folder and table. Prints the median
# seconds of each and the ratio, never pass/fail. Goal (issue 13): Strata within 1.5x of dbmate.
#
#   tests/bench/dbmate-status-bench.sh [BUILD_DIR]    BUILD_DIR defaults to build/ (needs BUILD_DIR/bin/strata-cli
#                                                     and BUILD_DIR/tools/dbmate, which scripts/test.sh installs)
#
# Environment:
#   BENCH_MIGRATIONS  migrations in the folder (default 1000)
#   BENCH_REPEAT      rounds; the median is reported (default 7)
#   BENCH_ENGINES     "sqlite postgresql" (default), or one of them
#   BENCH_DBMATE      the dbmate program (default: the native binary of the npm package in BUILD_DIR/tools/dbmate)
#   STRATA_TEST_PG_URL, PGPASSWORD
#                     the PostgreSQL server to use (its role needs CREATEDB); without them a throwaway
#                     server is started with tests/support/pg-test-server.sh and stopped at the end
#   TMPDIR            where the scratch folder goes
#
# Run it on a quiet machine, at the normal priority. On a machine busy with other work (a build), both tools
# wait for a core and the figures say more about the machine than about them: pause that work meanwhile.
# A real-time priority (chrt) is no substitute: the PostgreSQL server runs at the normal one, and a
# real-time client that works on several threads while it waits for the server (Strata reads the folder
# while it logs in) starves the server it waits for, a handicap neither tool has on a real deployment.
# Never raise the PostgreSQL server's own priority that way: every backend it forks inherits it, and a
# parallel index build at real-time priority can starve the whole machine.
set -euo pipefail
export LC_ALL=C

prog=$(basename "$0")
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$SCRIPT_DIR/../.." && pwd -P)
BUILD=$(cd "${1:-$REPO/build}" && pwd -P)
CLI=$BUILD/bin/strata-cli
# dbmate's own program: the npm package's native binary, not its node launcher (.bin/dbmate starts node, which
# then starts this binary, and would add node's start-up to dbmate's time).
DBMATE=${BENCH_DBMATE:-$(compgen -G "$BUILD/tools/dbmate/node_modules/@dbmate/*/bin/dbmate" | head -1 || true)}
N=${BENCH_MIGRATIONS:-1000}
REPEAT=${BENCH_REPEAT:-7}
ENGINES=${BENCH_ENGINES:-sqlite postgresql}

fail() {
    echo "$prog: error: $*" >&2
    exit 1
}
[[ -x $CLI ]] || fail "$CLI is missing: build first (./scripts/test.sh or ./scripts/run.sh)"
[[ -n $DBMATE && -x $DBMATE ]] || fail "$DBMATE is missing: npm install --prefix $BUILD/tools/dbmate dbmate@2.36.0"
[[ $REPEAT =~ ^[1-9][0-9]*$ ]] || fail "BENCH_REPEAT must be a positive number"
[[ $N =~ ^[1-9][0-9]*$ ]] || fail "BENCH_MIGRATIONS must be a positive number"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/strata-dbmate-status.XXXXXX")
# The server started below runs as the postgres user, which must reach its folder inside this one.
chmod 0711 "$WORK"
PG_STARTED=""
cleanup() {
    [[ -z $PG_STARTED ]] || bash "$REPO/tests/support/pg-test-server.sh" stop "$PG_STARTED" >/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

if [[ $ENGINES == *postgresql* && -z ${STRATA_TEST_PG_URL:-} ]]; then
    PG_STARTED=$WORK/pg
    # At the normal priority whatever the bench runs at: its backends inherit the server's.
    chrt --other 0 bash "$REPO/tests/support/pg-test-server.sh" start "$PG_STARTED" >/dev/null
    # shellcheck disable=SC1091
    source "$PG_STARTED/env"
fi

# The folder: N dbmate files, each a table of fills with an index, and its down block.
SET=$WORK/migrations
mkdir -p "$SET"
for ((i = 1; i <= N; i++)); do
    printf -- '-- migrate:up\nCREATE TABLE fills_%d (id BIGINT PRIMARY KEY, account_id BIGINT NOT NULL, qty NUMERIC NOT NULL);\nCREATE INDEX fills_%d_account ON fills_%d (account_id);\n\n-- migrate:down\nDROP TABLE fills_%d;\n' \
        "$i" "$i" "$i" "$i" >"$SET/$((20240101000000 + i))_create_fills_$i.sql"
done

# seconds CMD...: wall seconds of one run (stdout and stderr dropped; a failure stops the bench).
seconds() {
    local start end
    start=$(date +%s.%N)
    "$@" >"$WORK/out.log" 2>&1 || {
        cat "$WORK/out.log" >&2
        fail "failed: $*"
    }
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f\n", b - a }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

pg_admin() { psql -X -q -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" -d "$STRATA_TEST_PG_URL" -c "$1" >/dev/null; }

printf '%-10s %6s %10s %10s %8s\n' engine files strata_s dbmate_s ratio
for engine in $ENGINES; do
    if [[ $engine == sqlite ]]; then
        strata_url="sqlite:$WORK/bench.db"
        dbmate_url="sqlite:$WORK/bench.db"
    else
        pg_admin "DROP DATABASE IF EXISTS bench_dbmate_status" && pg_admin "CREATE DATABASE bench_dbmate_status"
        strata_url="${STRATA_TEST_PG_URL%/*}/bench_dbmate_status"
        dbmate_url="${strata_url/#postgresql:/postgres:}?sslmode=disable"
    fi
    "$DBMATE" --url "$dbmate_url" --migrations-dir "$SET" --no-dump-schema up >"$WORK/up.log" 2>&1 ||
        { cat "$WORK/up.log" >&2; fail "dbmate up failed on $engine"; }
    : >"$WORK/strata.s"
    : >"$WORK/dbmate.s"
    for ((round = 1; round <= REPEAT; round++)); do
        seconds "$CLI" --db "$strata_url" --migrations "$SET" status >>"$WORK/strata.s"
        seconds "$DBMATE" --url "$dbmate_url" --migrations-dir "$SET" status >>"$WORK/dbmate.s"
    done
    "$CLI" --db "$strata_url" --migrations "$SET" status >"$WORK/status.txt" 2>&1 || true
    grep -q "managed by dbmate: $N migrations applied" "$WORK/status.txt" ||
        fail "strata-cli status did not report $N migrations applied by dbmate on $engine: $(head -c 600 "$WORK/status.txt")"
    s=$(median <"$WORK/strata.s")
    d=$(median <"$WORK/dbmate.s")
    awk -v e="$engine" -v n="$N" -v s="$s" -v d="$d" \
        'BEGIN { printf "%-10s %6d %10.3f %10.3f %7.2fx\n", e, n, s, d, (d > 0 ? s / d : 0) }'
done
[[ $ENGINES != *postgresql* ]] || pg_admin "DROP DATABASE IF EXISTS bench_dbmate_status"
