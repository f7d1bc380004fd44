#!/usr/bin/env bash
# Rehearsal benchmark: the risk_state v1 -> v2 run on a demo of BENCH_ROWS (default 1,000,000) enforcement_log
# rows (and an order per 4, a position per 40), run by `strata-cli migrate --rehearse`: the backup, the
# rehearsal on a copy of it (up, down, up), then the same steps on the live database. On SQLite and on
# PostgreSQL (the set's PostgreSQL copy in tests/support/risk_state_postgresql).
#
# It prints figures, never pass/fail. The goals they inform:
#   - each step's duration in the rehearsal within 2x of the live run's (rehearsal / live, per step);
#   - the rehearsal's overhead against the steps' own time on the copy <= 1.2x (the up pass's whole time,
#     measuring included, against the sum of its steps' durations).
#
#   tests/bench/rehearsal-bench.sh [BUILD_DIR]     BUILD_DIR defaults to build/ (needs BUILD_DIR/bin/strata-cli)
#
# Each round runs on a fresh copy of the demo (SQLite: a copy of the file; PostgreSQL: CREATE DATABASE ...
# TEMPLATE the filled one); the table shows every round and the median.
#
# Environment:
#   BENCH_ROWS       enforcement_log rows of history (default 1000000)
#   BENCH_REPEAT     rounds (default 3)
#   BENCH_ENGINES    "sqlite postgresql" (default), or one of them
#   STRATA_TEST_PG_URL, PGPASSWORD
#                    the PostgreSQL server (its role needs CREATEDB); without them a throwaway server is
#                    started with tests/support/pg-test-server.sh and stopped at the end
#   TMPDIR           where the scratch folder goes (use the disk the databases live on in production)
set -euo pipefail
export LC_ALL=C

prog=$(basename "$0")
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$SCRIPT_DIR/../.." && pwd -P)
BUILD=$(cd "${1:-$REPO/build}" && pwd -P)
CLI=$BUILD/bin/strata-cli
ROWS=${BENCH_ROWS:-1000000}
REPEAT=${BENCH_REPEAT:-3}
ENGINES=${BENCH_ENGINES:-sqlite postgresql}
PG_SET=$REPO/tests/support/risk_state_postgresql

say() { echo "$prog: $*" >&2; }
fail() {
    echo "$prog: error: $*" >&2
    exit 1
}
[[ -x $CLI ]] || fail "$CLI is missing: build first"
[[ $REPEAT =~ ^[1-9][0-9]*$ ]] || fail "BENCH_REPEAT must be a positive number"
[[ $ROWS =~ ^[1-9][0-9]*$ ]] || fail "BENCH_ROWS must be a positive number"
command -v python3 >/dev/null || fail "python3 is needed to read the JSON reports"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/strata-rehearsal-bench.XXXXXX")
PG_STARTED=""
cleanup() {
    [[ -z $PG_STARTED ]] || bash "$REPO/tests/support/pg-test-server.sh" stop "$PG_STARTED" >/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
export XDG_DATA_HOME=$WORK/data # PostgreSQL's backups and run logs
export PGOPTIONS="-c client_min_messages=warning"

if [[ $ENGINES == *postgresql* && -z ${STRATA_TEST_PG_URL:-} ]]; then
    PG_STARTED=$WORK/pg
    bash "$REPO/tests/support/pg-test-server.sh" start "$PG_STARTED" >/dev/null
    # shellcheck disable=SC1091
    source "$PG_STARTED/env"
fi

# One round's figures from the JSON of `migrate --rehearse --json` and of `history --json`:
# "step rehearsal_ms live_ms" lines, then "overhead up_pass_ms steps_ms".
figures() {
    python3 - "$1" "$2" <<'EOF'
import json, sys
run = json.load(open(sys.argv[1]))
history = json.load(open(sys.argv[2]))
if not run.get("ok"):
    sys.exit("migrate --rehearse failed: %s" % run.get("error"))
live = {s["slot"]: s["execution_time_ms"] for s in history["steps"]}
rehearsal = run["rehearsal"]
for step in rehearsal["up"]:
    print("\t".join([step["step"], str(step["duration_ms"]), str(live.get(step["step"], -1)), step["summary"]]))
transactions = sum(step["transaction_ms"] for step in rehearsal["up"])
print("\t".join(["overhead", str(rehearsal["up_pass_ms"]), str(rehearsal["steps_ms"]), str(rehearsal["copy_ms"]),
                 str(transactions)]))
EOF
}

report() { # engine, rounds file
    python3 - "$1" "$2" <<'EOF'
import sys, statistics
engine, path = sys.argv[1], sys.argv[2]
steps, overhead = {}, []
for line in open(path):
    parts = line.rstrip("\n").split("\t")
    if parts[0] == "overhead":
        overhead.append((int(parts[1]), int(parts[2]), int(parts[3]), int(parts[4])))
    else:
        steps.setdefault(parts[0], []).append((int(parts[1]), int(parts[2]), parts[3]))
print("\n%s: per step, rehearsal on the copy against the live run (ms; ratio = rehearsal / live)" % engine)
print("  %-5s %-28s %-28s %s" % ("step", "rehearsal ms (rounds)", "live ms (rounds)", "median ratio"))
for slot, rounds in steps.items():
    ratios = [r / l for r, l, _ in rounds if l > 0]
    print("  %-5s %-28s %-28s %s" % (slot, " ".join(str(r) for r, _, _ in rounds),
                                     " ".join(str(l) for _, l, _ in rounds),
                                     "%.2fx" % statistics.median(ratios) if ratios else "n/a (live 0 ms)"))
    print("        %s" % rounds[-1][2])
print("  up pass against its steps' own time (goal <= 1.2x); then against the steps' transactions (each step")
print("  with its BEGIN, history rows and COMMIT, which the live run pays too): what is left is the rehearsal's")
print("  measuring and the runner's work between steps (history tables, baseline)")
for up, total, copy, tx in overhead:
    print("    up pass %d ms, steps %d ms: %.3fx; transactions %d ms: %.3fx   (copy made in %d ms)"
          % (up, total, up / total if total else 0, tx, up / tx if tx else 0, copy))
ratios = [o[0] / o[1] for o in overhead if o[1]]
if ratios:
    print("    median %.3fx against the steps, %.3fx against their transactions"
          % (statistics.median(ratios), statistics.median([o[0] / o[3] for o in overhead if o[3]])))
EOF
}

run_round() { # engine, url, set, round
    local engine=$1 url=$2 set=$3 round=$4
    "$CLI" --db "$url" --migrations "$set" --json --yes migrate --rehearse >"$WORK/run.json" 2>"$WORK/run.err" ||
        fail "$engine round $round: migrate --rehearse failed: $(tail -5 "$WORK/run.err")"
    "$CLI" --db "$url" --migrations "$set" --json history >"$WORK/history.json" 2>"$WORK/history.err" ||
        fail "$engine round $round: history failed: $(tail -5 "$WORK/history.err")"
    figures "$WORK/run.json" "$WORK/history.json" >>"$WORK/$engine.rounds"
}

for engine in $ENGINES; do
    : >"$WORK/$engine.rounds"
    case $engine in
    sqlite)
        say "sqlite: making the demo with $ROWS rows of history"
        "$CLI" demo risk-state --out "$WORK/demo.db" --count "$ROWS" >/dev/null 2>&1 || fail "demo failed"
        say "sqlite: demo $(du -h "$WORK/demo.db" | cut -f1)"
        for ((round = 1; round <= REPEAT; round++)); do
            rm -rf "$WORK/live" && mkdir "$WORK/live"
            cp "$WORK/demo.db" "$WORK/live/state.db"
            run_round sqlite "sqlite:$WORK/live/state.db" "$REPO/migrations/risk_state" "$round"
        done
        rm -rf "$WORK/live" "$WORK/demo.db"
        ;;
    postgresql)
        server=${STRATA_TEST_PG_URL%/*}
        base=strata_rehearsal_bench_$$
        psql "$server/postgres" -qX -c "CREATE DATABASE $base" >/dev/null
        say "postgresql: filling the demo with $ROWS rows of history"
        psql "$server/$base" -qX -v ON_ERROR_STOP=1 -f "$PG_SET/001_baseline/01_tables.sql" >/dev/null
        psql "$server/$base" -qX -v ON_ERROR_STOP=1 -v rows="$ROWS" -f "$PG_SET/fill.sql" >/dev/null
        for ((round = 1; round <= REPEAT; round++)); do
            psql "$server/postgres" -qX -c "DROP DATABASE IF EXISTS ${base}_live" -c \
                "CREATE DATABASE ${base}_live TEMPLATE $base" >/dev/null
            run_round postgresql "$server/${base}_live" "$PG_SET" "$round"
        done
        psql "$server/postgres" -qX -c "DROP DATABASE IF EXISTS ${base}_live" -c "DROP DATABASE $base" >/dev/null
        ;;
    *) fail "unknown engine $engine" ;;
    esac
    report "$engine" "$WORK/$engine.rounds"
done
