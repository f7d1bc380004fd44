#!/usr/bin/env bash
# Big-script benchmark: one migration step of many INSERTs (5 MB and 50 MB by default) applied by
#   - strata-cli migrate, steps only (backup and verification off in an operator config): the step's
#     statements and its history row in one transaction,
#   - the engine's own client on the same file in one transaction: `sqlite3 DB < FILE` with the file
#     between BEGIN and COMMIT, and `psql --single-transaction -f FILE`,
# on SQLite and on PostgreSQL. It prints the seconds, the peak memory (max RSS of the client process) and
# the ratios against the client, never pass/fail. The goal it informs (issue: scripts of any size in
# linear time): at most 1.5x the client's time, memory bounded by the file's size, and the cost per MB
# the same for the small file and the large one.
#
#   tests/bench/big-step-bench.sh [BUILD_DIR]    BUILD_DIR defaults to build/ (needs BUILD_DIR/bin/strata-cli)
#
# Environment:
#   BENCH_SIZES_MB   file sizes in MB (default "5 50")
#   BENCH_REPEAT     rounds; the median is reported (default 3)
#   BENCH_ENGINES    "sqlite postgresql" (default), or one of them
#   STRATA_TEST_PG_URL, PGPASSWORD
#                    the PostgreSQL server to use (its role needs CREATEDB); without them a throwaway
#                    server is started with tests/support/pg-test-server.sh and stopped at the end
#   TMPDIR           where the scratch folder goes
set -euo pipefail
export LC_ALL=C

prog=$(basename "$0")
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$SCRIPT_DIR/../.." && pwd -P)
BUILD=$(cd "${1:-$REPO/build}" && pwd -P)
CLI=$BUILD/bin/strata-cli
SIZES=${BENCH_SIZES_MB:-5 50}
REPEAT=${BENCH_REPEAT:-3}
ENGINES=${BENCH_ENGINES:-sqlite postgresql}

say() { echo "$prog: $*" >&2; }
fail() {
    echo "$prog: error: $*" >&2
    exit 1
}
[[ -x $CLI ]] || fail "$CLI is missing: build first (./scripts/test.sh or ./scripts/run.sh)"
[[ -x /usr/bin/time ]] || fail "/usr/bin/time is missing (Debian: apt-get install time)"
[[ $REPEAT =~ ^[1-9][0-9]*$ ]] || fail "BENCH_REPEAT must be a positive number"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/strata-big-step.XXXXXX")
PG_STARTED=""
cleanup() {
    [[ -z $PG_STARTED ]] || bash "$REPO/tests/support/pg-test-server.sh" stop "$PG_STARTED" >/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

if [[ $ENGINES == *postgresql* && -z ${STRATA_TEST_PG_URL:-} ]]; then
    PG_STARTED=$WORK/pg
    bash "$REPO/tests/support/pg-test-server.sh" start "$PG_STARTED" >/dev/null
    # shellcheck disable=SC1091
    source "$PG_STARTED/env"
fi

# make_set DIR MB: a migration set in Strata's layout with one step of MB megabytes of INSERTs into a
# table of trading fills (each row about 215 bytes, like the reported 50 MB file of 232k INSERTs).
make_set() {
    local dir=$1 mb=$2
    mkdir -p "$dir/001_fills"
    {
        echo "CREATE TABLE fills (id BIGINT PRIMARY KEY, symbol TEXT NOT NULL, side TEXT NOT NULL,"
        echo "    qty NUMERIC NOT NULL, price NUMERIC NOT NULL, venue TEXT NOT NULL, note TEXT);"
        awk -v bytes=$((mb * 1024 * 1024)) 'BEGIN {
            n = 0; size = 0;
            while (size < bytes) {
                n++;
                line = sprintf("INSERT INTO fills (id, symbol, side, qty, price, venue, note) VALUES (%d, '\''CON.F.US.CLE.F%02d'\'', '\''%s'\'', %d, %d.%04d, '\''XNYM'\'', '\''fill %d of the overnight session, account desk-%03d, strategy mean-reversion'\'');",
                    n, n % 100, (n % 2 ? "BUY" : "SELL"), n % 500 + 1, 60 + n % 40, n % 10000, n, n % 997);
                print line;
                size += length(line) + 1;
            }
        }'
    } >"$dir/001_fills/01_fills.sql"
}

# measure OUTFILE CMD...: runs CMD under /usr/bin/time; appends "seconds maxrss_kb" to OUTFILE.
measure() {
    local out=$1
    shift
    local log=$WORK/time.log
    /usr/bin/time -f '%e %M' -o "$log" "$@" >/dev/null 2>"$WORK/cmd.err" || {
        cat "$WORK/cmd.err" >&2
        fail "failed: $*"
    }
    cat "$log" >>"$out"
}

median_col() { sort -n -k"$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { print v[int((NR + 1) / 2)] }'; }

pg_db_url() { echo "${STRATA_TEST_PG_URL%/*}/$1"; }
pg_admin() { psql -X -q -v ON_ERROR_STOP=1 -v VERBOSITY=terse -c "SET client_min_messages = warning" -d "$STRATA_TEST_PG_URL" -c "$1" >/dev/null; }

printf '%-10s %6s %10s %10s %8s %12s %12s %9s\n' engine MB strata_s client_s ratio strata_rss client_rss s_per_MB
for mb in $SIZES; do
    set_dir=$WORK/set-$mb
    make_set "$set_dir" "$mb"
    file=$set_dir/001_fills/01_fills.sql
    actual_mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1048576 }')
    wrapped=$WORK/wrapped-$mb.sql
    { echo "BEGIN;"; cat "$file"; echo "COMMIT;"; } >"$wrapped"
    # The run logs go to the scratch folder too (the config's default backup folder is data/backups).
    printf 'database:\n  backup:\n    directory: "%s/backups"\n  migration:\n    create_backup: false\n    verify_after: false\n' \
        "$WORK" >"$WORK/steps-only.yaml"
    for engine in $ENGINES; do
        s_out=$WORK/strata-$engine-$mb
        c_out=$WORK/client-$engine-$mb
        : >"$s_out"
        : >"$c_out"
        for ((round = 1; round <= REPEAT; round++)); do
            if [[ $engine == sqlite ]]; then
                rm -f "$WORK/s.db" "$WORK/c.db"
                : >"$WORK/s.db"
                measure "$s_out" "$CLI" --db "sqlite:$WORK/s.db" --migrations "$set_dir" \
                    --config "$WORK/steps-only.yaml" --yes migrate
                measure "$c_out" sh -c "sqlite3 '$WORK/c.db' < '$wrapped'"
            else
                pg_admin "DROP DATABASE IF EXISTS bench_big_s" && pg_admin "CREATE DATABASE bench_big_s"
                pg_admin "DROP DATABASE IF EXISTS bench_big_c" && pg_admin "CREATE DATABASE bench_big_c"
                measure "$s_out" "$CLI" --db "$(pg_db_url bench_big_s)" --migrations "$set_dir" \
                    --config "$WORK/steps-only.yaml" --yes migrate
                measure "$c_out" psql -X -q -v ON_ERROR_STOP=1 --single-transaction \
                    -d "$(pg_db_url bench_big_c)" -f "$file"
            fi
        done
        s=$(median_col "$s_out" 1)
        c=$(median_col "$c_out" 1)
        s_rss=$(median_col "$s_out" 2)
        c_rss=$(median_col "$c_out" 2)
        awk -v e="$engine" -v mb="$actual_mb" -v s="$s" -v c="$c" -v sr="$s_rss" -v cr="$c_rss" 'BEGIN {
            printf "%-10s %6s %10.2f %10.2f %7.2fx %9.1f MB %9.1f MB %9.3f\n", e, mb, s, c, (c > 0 ? s / c : 0),
                sr / 1024, cr / 1024, s / mb }'
    done
done
if [[ $ENGINES == *postgresql* ]]; then
    pg_admin "DROP DATABASE IF EXISTS bench_big_s"
    pg_admin "DROP DATABASE IF EXISTS bench_big_c"
fi
