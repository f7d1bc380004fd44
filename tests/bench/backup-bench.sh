#!/usr/bin/env bash
# shellcheck disable=SC2016  # single quotes on purpose: bash -c gets its values as "$1", "$2"
# Backup benchmark: how long Strata takes to back up and to check a database, against the tools an
# operator would otherwise use.
#
#   1. SQLite backup of a large state file (>= 500 MB), idle and while a writer commits every millisecond
#      (tests/support/steady_writer.cpp), against
#        - cp (and cp + fsync of the copy): the I/O floor; not a valid backup of a live WAL database,
#        - sqlite3 DB ".backup FILE" (no check of the copy),
#        - .backup followed by `sqlite3 COPY 'PRAGMA integrity_check'` and `sha256sum COPY`: what
#          `strata-cli backup` does, done by hand (the like-for-like reference),
#      and `strata-cli backup` (copy, fsync, integrity_check of the copy, size check, SHA-256), split into
#      its stages from the timestamps of its progress lines on stderr (and the fsync calls, timed with
#      strace when it is installed).
#      Under the writer, each row also shows the writer's slowest commit while that tool ran, and the
#      commits it managed per second; a raw copy written with O_DSYNC in 4 MB blocks (dd) shows what a copy
#      that is flushed as it goes, instead of all at once at the end, does to the writer. `.backup`
#      restarts whenever another connection commits, so under a writer it may never finish: it is stopped
#      after a time limit and reported as such; a "pinned .backup" (the sqlite3 shell inside
#      BEGIN ... ROLLBACK, so that the copy reads one snapshot, as Strata does) is shown beside it.
#   2. Integrity check of the same file: `strata-cli verify` against `sqlite3 DB 'PRAGMA integrity_check'`,
#      and the same for quick_check; plus, as a diagnostic, sqlite3 with the tuning that Strata applies
#      (mmap_size = file size, a large cache_size).
#   3. PostgreSQL backup of a ~1 GB trading database (orders, fills, quotes, positions, accounts,
#      instruments; numeric, timestamptz, text and jsonb columns; indexes) with pg_dump's default
#      (-Fc, gzip level 6) as the reference, the alternatives -Fc -Z1, -Fc -Z0, -Fd -j2 -Z1/-Z3/-Z6, and
#      `strata-cli backup` (pg_dump -Fd -j2 -Z1, then pg_restore --list checks and a SHA-256 of the files).
#      With zstd installed, one more row stands in for pg_dump 16's --compress=zstd:1 (see part_postgresql).
#
# It prints figures (seconds, CPU seconds, sizes, ratios against the reference, the goal beside them),
# never pass/fail. Each round runs every tool once, in turn, so that a slow spell of the machine falls on
# all tools alike; tables show the median of the rounds (n = rounds) and the 1-minute load average seen
# at the start of the runs (min-max), so that readers can judge how noisy the machine was. "cpu s" is the
# user + system time of the tool's own processes (a PostgreSQL server's is not included).
#
# SQLite runs start from a cold page cache when this user may write /proc/sys/vm/drop_caches (root):
# every run then reads the database from disk. Otherwise the figures are warm-cache ones, and the output
# says so. PostgreSQL runs are warm: the data files are read once before the timed rounds.
#
#   tests/bench/backup-bench.sh [BUILD_DIR]   BUILD_DIR defaults to build-bbench/ (needs bin/strata-cli and
#                                             bin/steady_writer: cmake --build BUILD_DIR --target strata-cli
#                                             steady_writer)
#
# Environment:
#   BENCH_SECTIONS        which parts to run (default "backup writer integrity postgresql")
#   BENCH_REPEAT          rounds per part; the median is reported (default 3)
#   BENCH_BUDGET          seconds one part's rounds may take: after the first round, the number of rounds is
#                         lowered (never below 1) to fit, and the output says so (default 300)
#   BENCH_PG_BUDGET       the same for the PostgreSQL part, whose reference is slow (default 480)
#   BENCH_SQLITE_ROWS     rows of the SQLite trade_history table (default 4000000, about 635 MB in all);
#                         the generated file is kept in BENCH_CACHE and reused
#   BENCH_PG_SCALE        size factor of the PostgreSQL data (default 1.1, about 1 GB); regenerated every run
#   BENCH_COLD            1: drop the page cache before each SQLite run (default: when permitted); 0: never
#   BENCH_WRITER_TIMEOUT  seconds after which `.backup` under the writer is stopped (default: 4 x its idle
#                         time, at least 30)
#   BENCH_CACHE           where the generated SQLite database is kept
#                         (default ${XDG_CACHE_HOME:-~/.cache}/strata-bench)
#   BENCH_KEEP            1: keep the scratch folder (copies, logs) and print its path
#   TMPDIR                where the scratch folder goes (copies are written there: use the disk that the
#                         databases live on in production)
set -euo pipefail
export LC_ALL=C

prog=$(basename "$0")
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$SCRIPT_DIR/../.." && pwd -P)

BUILD=${1:-$REPO/build-bbench}
SECTIONS=${BENCH_SECTIONS:-backup writer integrity postgresql}
REPEAT=${BENCH_REPEAT:-3}
BUDGET=${BENCH_BUDGET:-300}
PG_BUDGET=${BENCH_PG_BUDGET:-480}
SQLITE_ROWS=${BENCH_SQLITE_ROWS:-4000000}
PG_SCALE=${BENCH_PG_SCALE:-1.1}
COLD=${BENCH_COLD:-auto}
WRITER_TIMEOUT=${BENCH_WRITER_TIMEOUT:-}
CACHE=${BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/strata-bench}
KEEP=${BENCH_KEEP:-0}

say() { echo "$prog: $*" >&2; }
fail() {
    echo "$prog: error: $*" >&2
    exit 1
}

CLI=$BUILD/bin/strata-cli
WRITER=$BUILD/bin/steady_writer
[[ -x $CLI ]] || fail "$CLI not found; build it: cmake --build $BUILD --target strata-cli steady_writer"
[[ -x $WRITER ]] || fail "$WRITER not found; build it: cmake --build $BUILD --target strata-cli steady_writer"
for tool in sqlite3 sha256sum cp sync timeout awk /usr/bin/time; do
    command -v "$tool" >/dev/null || fail "$tool is needed"
done
want() { [[ " $SECTIONS " == *" $1 "* ]]; }
if want postgresql; then
    for tool in pg_dump pg_restore psql; do
        command -v "$tool" >/dev/null || fail "$tool is needed for the PostgreSQL part (or leave it out of BENCH_SECTIONS)"
    done
fi
HAVE_STRACE=0
command -v strace >/dev/null && strace -f --seccomp-bpf -e trace=fsync -o /dev/null true 2>/dev/null && HAVE_STRACE=1

SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/backup-bench.XXXXXX")
chmod 711 "$SCRATCH" # the PostgreSQL server's user must reach its folder inside
PGDIR=$SCRATCH/pg
PG_STARTED=0
WRITER_PID=
WRITER_FD=

cleanup() {
    local rc=$?
    if [[ -n $WRITER_PID ]]; then
        kill "$WRITER_PID" 2>/dev/null || true
        wait "$WRITER_PID" 2>/dev/null || true
    fi
    if ((PG_STARTED)); then
        bash "$REPO/tests/support/pg-test-server.sh" stop "$PGDIR" >/dev/null 2>&1 ||
            say "could not stop the PostgreSQL server in $PGDIR"
    fi
    if [[ $KEEP == 1 ]]; then
        say "scratch folder kept: $SCRATCH"
    else
        rm -rf "$SCRATCH"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------------------
# Measuring

now() { echo "$EPOCHREALTIME"; }
load1() { cut -d' ' -f1 /proc/loadavg; }
sub() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a - b }'; }

if [[ $COLD == auto ]]; then
    if sync 2>/dev/null && (echo 3 >/proc/sys/vm/drop_caches) 2>/dev/null; then COLD=1; else COLD=0; fi
fi
drop_caches() {
    if ((COLD)); then
        sync
        echo 3 >/proc/sys/vm/drop_caches
    fi
}

# Results: for a row KEY, space-separated lists of the rounds' figures.
declare -A WALL CPU LOADS EXTRA
record() { # KEY WALL CPU LOAD
    WALL[$1]+=" $2"
    CPU[$1]+=" $3"
    LOADS[$1]+=" $4"
}
note() { EXTRA[$1:$2]+=" $3"; } # KEY FIELD VALUE: further figures of a row
median() { tr ' ' '\n' | awk 'NF && $1 != "-"' | sort -g | awk '{ v[NR] = $1 } END { if (!NR) { print "-"; exit } printf "%.3f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
maximum() { tr ' ' '\n' | awk 'NF { if (!n++ || $1 > m) m = $1 } END { print n ? m : "-" }'; }
count() { tr ' ' '\n' | awk 'NF { n++ } END { print n + 0 }'; }
range() { tr ' ' '\n' | awk 'NF { if (!n++ || $1 < lo) lo = $1; if ($1 > hi) hi = $1 } END { if (!n) print "-"; else if (lo == hi) print lo; else print lo "-" hi }'; }
wrange() { tr ' ' '\n' | awk 'NF && $1 != "-" { if (!n++ || $1 < lo) lo = $1; if ($1 > hi) hi = $1 } END { if (!n) print "-"; else printf "%.1f-%.1f", lo, hi }'; }
med() { median <<<"${WALL[$1]:-}"; }
medcpu() { median <<<"${CPU[$1]:-}"; }
medx() { median <<<"${EXTRA[$1:$2]:-}"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b + 0 == 0) print "-"; else printf "%.2fx", a / b }'; }

# timed KEY LOGFILE COMMAND...: runs COMMAND, records its wall time, the CPU time of its processes and the load
# at its start; sets LAST_WALL, LAST_START, LAST_END and LAST_RC. COMMAND's stderr goes to LOGFILE, each line
# prefixed with the time it arrived (progress lines date the stages).
timed() {
    local key=$1 log=$2
    shift 2
    local tfile=$SCRATCH/time.out load start end rc=0
    load=$(load1)
    start=$(now)
    { /usr/bin/time -f '%e %U %S' -o "$tfile" "$@" 2>&1 >/dev/null || echo "exit-status $?"; } |
        while IFS= read -r line; do printf '%s %s\n' "$EPOCHREALTIME" "$line"; done >"$log"
    end=$(now)
    if grep -q ' exit-status ' "$log"; then
        rc=$(sed -n 's/^[0-9.]* exit-status //p' "$log" | tail -n 1)
    fi
    LAST_START=$start
    LAST_END=$end
    LAST_WALL=$(sub "$end" "$start")
    LAST_RC=$rc
    local cpu
    cpu=$(awk 'END { if (NF >= 3) printf "%.2f", $2 + $3; else print "-" }' "$tfile" 2>/dev/null || echo -)
    if ((rc == 0)); then
        record "$key" "$LAST_WALL" "$cpu" "$load"
    fi
    return 0
}

# The time of the first stderr line matching PATTERN in LOG, or nothing.
stamp_of() { awk -v p="$2" 'index($0, p) { print $1; exit }' "$1"; }

# Decides how many rounds fit in a part's budget once the first round took FIRST seconds.
rounds_for() { # FIRST BUDGET WANTED
    awk -v f="$1" -v b="$2" -v w="$3" 'BEGIN { n = (f > 0) ? int(b / f) : w; if (n > w) n = w; if (n < 1) n = 1; print n }'
}
ROUND_NOTES=()

human() { awk -v b="$1" 'BEGIN { if (b == "-" || b == "") { print "-"; exit } printf "%.1f MB", b / 1048576 }'; }

line() { printf '%s\n' "-----------------------------------------------------------------------------------------------------------"; }

# ---------------------------------------------------------------------------------------------------------
# The writer

start_writer() { # DB
    local fifo=$SCRATCH/writer.in
    rm -f "$fifo" "$SCRATCH/writer.out"
    mkfifo "$fifo"
    "$WRITER" "$1" 3600 <"$fifo" >"$SCRATCH/writer.out" 2>"$SCRATCH/writer.err" &
    WRITER_PID=$!
    exec {WRITER_FD}>"$fifo"
    local waited=0
    until grep -q '^ready' "$SCRATCH/writer.out" 2>/dev/null; do
        kill -0 "$WRITER_PID" 2>/dev/null || fail "steady_writer did not start: $(cat "$SCRATCH/writer.err")"
        ((waited++ < 400)) || fail "steady_writer did not get ready"
        sleep 0.05
    done
    WRITER_READY=$(now)
}

# Stops the writer; sets WRITER_SLOWEST_MS and WRITER_RATE (commits per second over its run).
stop_writer() {
    echo stop >&"$WRITER_FD"
    exec {WRITER_FD}>&-
    wait "$WRITER_PID" || fail "steady_writer failed: $(cat "$SCRATCH/writer.err")"
    WRITER_PID=
    local stopped commits slowest
    stopped=$(now)
    commits=$(sed -n 's/^commits=\([0-9]*\) slowest_us=[0-9]*$/\1/p' "$SCRATCH/writer.out")
    slowest=$(sed -n 's/^commits=[0-9]* slowest_us=\([0-9]*\)$/\1/p' "$SCRATCH/writer.out")
    [[ -n $commits && -n $slowest ]] || fail "steady_writer said: $(cat "$SCRATCH/writer.out")"
    WRITER_SLOWEST_MS=$(awk -v u="$slowest" 'BEGIN { printf "%.1f", u / 1000 }')
    WRITER_RATE=$(awk -v c="$commits" -v s="$(sub "$stopped" "$WRITER_READY")" 'BEGIN { printf "%.0f", c / s }')
}

# ---------------------------------------------------------------------------------------------------------
# The SQLite database: a risk-manager state file. trade_history (SQLITE_ROWS rows), enforcement_log (3/8 of
# that), accounts (20000), three secondary indexes; WAL mode, as the daemon runs it.

sqlite_generate() { # FILE
    local file=$1 tmp=$1.tmp rows=$SQLITE_ROWS log_rows=$((SQLITE_ROWS * 3 / 8))
    rm -f "$tmp"
    sqlite3 "$tmp" >/dev/null <<SQL
PRAGMA page_size = 4096;
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -262144;
PRAGMA temp_store = MEMORY;
CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT NOT NULL, status TEXT NOT NULL, limits TEXT NOT NULL,
    created_at INTEGER NOT NULL);
CREATE TABLE trade_history (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL, symbol TEXT NOT NULL,
    side TEXT NOT NULL, price REAL NOT NULL, quantity REAL NOT NULL, fee REAL NOT NULL, executed_at INTEGER NOT NULL,
    venue TEXT NOT NULL, order_ref TEXT NOT NULL);
CREATE TABLE enforcement_log (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, account_id INTEGER NOT NULL,
    rule TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL);
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
INSERT INTO accounts
SELECT i, 'acct-' || printf('%06d', i), CASE WHEN i % 17 = 0 THEN 'suspended' ELSE 'active' END,
       json_object('max_position', (i % 50 + 1) * 10000, 'max_order', (i % 10 + 1) * 1000,
                   'daily_loss', (i % 20 + 1) * 500.0),
       1600000000000 + i * 1000
FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows)
INSERT INTO trade_history
SELECT i, abs(random()) % 20000 + 1,
       rtrim(substr('AAPLMSFTNVDAAMZNGOOGMETATSLABRKBJPM V   XOM UNH JNJ WMT PG  MA  HD  CVX LLY ABBV',
                    (abs(random()) % 20) * 4 + 1, 4)),
       CASE WHEN random() & 1 THEN 'buy' ELSE 'sell' END,
       round(10 + (abs(random()) % 500000) / 100.0, 2), (abs(random()) % 1000 + 1) * 1.0,
       round((abs(random()) % 1000) / 100.0, 2), 1700000000000 + i * 37,
       rtrim(substr('XNASXNYSARCABATSIEX EDGX', (abs(random()) % 6) * 4 + 1, 4)), lower(hex(randomblob(8)))
FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $log_rows)
INSERT INTO enforcement_log
SELECT i, 1700000000000 + i * 97, abs(random()) % 20000 + 1,
       CASE abs(random()) % 5 WHEN 0 THEN 'max_position' WHEN 1 THEN 'max_order' WHEN 2 THEN 'daily_loss'
                              WHEN 3 THEN 'price_band' ELSE 'rate_limit' END,
       CASE abs(random()) % 3 WHEN 0 THEN 'warn' WHEN 1 THEN 'reject' ELSE 'halt' END,
       json_object('order_ref', lower(hex(randomblob(8))), 'limit', abs(random()) % 100000,
                   'observed', abs(random()) % 150000, 'note', 'limit exceeded by order')
FROM n;
COMMIT;
CREATE INDEX trade_history_account_time ON trade_history (account_id, executed_at);
CREATE INDEX trade_history_symbol_time ON trade_history (symbol, executed_at);
CREATE INDEX enforcement_log_account_time ON enforcement_log (account_id, at);
PRAGMA journal_mode = WAL;
SQL
    mv "$tmp" "$file"
}

# ---------------------------------------------------------------------------------------------------------
# Part 1: SQLite backup

# strata_backup_run KEY DB OUT [--quick]: one `strata-cli backup`, with its stages recorded as KEY's extra
# fields copy, fsync, check, sha256, rest.
strata_backup_run() {
    local key=$1 db=$2 out=$3
    shift 3
    rm -rf "$(dirname "$out")"
    mkdir -p "$(dirname "$out")"
    local log=$SCRATCH/strata-backup.log trace=$SCRATCH/strata-backup.strace
    local cmd=("$CLI" --db "sqlite:$db" backup --out "$out" "$@")
    if ((HAVE_STRACE)); then
        cmd=(strace -f --seccomp-bpf -ttt -T -e "trace=fsync,fdatasync" -o "$trace" "${cmd[@]}")
    fi
    timed "$key" "$log" "${cmd[@]}"
    ((LAST_RC == 0)) || fail "strata-cli backup failed: $(cut -d' ' -f2- "$log" | tail -n 5)"
    local copied summing summed fsync=0
    copied=$(stamp_of "$log" "backup: backup 100%")
    summing=$(stamp_of "$log" "backup: checksum")
    summed=$(stamp_of "$log" "backup: checksum 100%")
    if [[ -z $copied || -z $summing || -z $summed ]]; then
        say "strata-cli backup printed no stage lines; its stages are not split"
        return 0
    fi
    if ((HAVE_STRACE)); then
        # The fsyncs between the end of the copy and the start of the checksum: the copy's file and folder.
        fsync=$(awk -v a="$copied" -v b="$summing" '$3 ~ /^f(data)?sync\(/ && $2 >= a && $2 <= b {
            d = $NF; gsub(/[<>]/, "", d); t += d } END { printf "%.3f", t }' "$trace")
    fi
    note "$key" copy "$(sub "$copied" "$LAST_START")"
    note "$key" fsync "$fsync"
    note "$key" check "$(sub "$(sub "$summing" "$copied")" "$fsync")"
    note "$key" sha256 "$(sub "$summed" "$summing")"
    note "$key" rest "$(sub "$LAST_END" "$summed")"
}

# The like-for-like reference, by hand: .backup, integrity_check of the copy, sha256sum of the copy.
reference_run() { # DB OUT
    local db=$1 out=$2
    rm -f "$out"
    timed ".backup" "$SCRATCH/ref.log" sqlite3 "$db" ".backup '$out'"
    ((LAST_RC == 0)) || fail ".backup failed: $(cat "$SCRATCH/ref.log")"
    local a=$LAST_WALL
    timed "ref:integrity_check" "$SCRATCH/ref.log" bash -c 'r=$(sqlite3 "$1" "PRAGMA integrity_check") && [[ $r == ok ]]' _ "$out"
    ((LAST_RC == 0)) || fail "integrity_check of the .backup copy failed"
    local b=$LAST_WALL
    timed "ref:sha256sum" "$SCRATCH/ref.log" sha256sum "$out"
    local c=$LAST_WALL
    # Not part of the reference: what the same SHA-256 costs with OpenSSL (SHA extensions where the CPU has them).
    if command -v openssl >/dev/null; then
        timed "diag:openssl dgst -sha256" "$SCRATCH/ref.log" openssl dgst -sha256 "$out"
    fi
    record ".backup + integrity_check + sha256sum" "$(awk -v a="$a" -v b="$b" -v c="$c" 'BEGIN { printf "%.3f", a + b + c }')" - "$(load1)"
    rm -f "$out"
}

cp_run() { # KEY DB OUT SYNC
    rm -f "$3"
    if (($4)); then
        timed "$1" "$SCRATCH/cp.log" bash -c 'cp "$1" "$2" && sync "$2"' _ "$2" "$3"
    else
        timed "$1" "$SCRATCH/cp.log" cp "$2" "$3"
    fi
    ((LAST_RC == 0)) || fail "cp failed"
    rm -f "$3"
}

print_backup_table() { # TITLE WRITER(0/1) KEYS...
    local title=$1 writer=$2
    shift 2
    echo
    echo "$title"
    line
    if ((writer)); then
        printf '%-38s %8s %11s %7s %9s %11s %10s %10s %3s %9s\n' tool "median s" "min-max s" "cpu s" "x pinned" "worst ms" "median ms" "commits/s" n load
    else
        printf '%-44s %8s %13s %7s %8s %9s %3s %9s\n' tool "median s" "min-max s" "cpu s" "x .bkp" "x ref" n load
    fi
    local base ref key
    base=$(med ".backup")
    ref=$(med ".backup + integrity_check + sha256sum")
    [[ $writer == 1 ]] && base=$(med "w:.backup pinned")
    for key in "$@"; do
        local label=${key#w:} m
        m=$(med "$key")
        if ((writer)); then
            local slow rate
            slow=$(maximum <<<"${EXTRA[$key:slowest]:-}")
            rate=$(medx "$key" rate)
            [[ $key == "w:writer alone"* ]] && m=-
            local r=-
            [[ $m != - ]] && r=$(wrange <<<"${WALL[$key]:-}")
            printf '%-38s %8s %11s %7s %9s %11s %10s %10s %3s %9s\n' "$label" "$m" "$r" "$(medcpu "$key")" "$(ratio "$m" "$base")" \
                "$slow" "$(awk -v v="$(medx "$key" slowest)" 'BEGIN { printf (v == "-") ? "-" : "%.1f", v }')" "${rate%.*}" "$(count <<<"${WALL[$key]:-}${EXTRA[$key:dnf]:-}")" \
                "$(range <<<"${LOADS[$key]:-}${EXTRA[$key:dnfload]:-}")"
        else
            printf '%-44s %8s %13s %7s %8s %9s %3s %9s\n' "$label" "$m" "$(wrange <<<"${WALL[$key]:-}")" "$(medcpu "$key")" "$(ratio "$m" "$base")" \
                "$(ratio "$m" "$ref")" "$(count <<<"${WALL[$key]:-}")" "$(range <<<"${LOADS[$key]:-}")"
        fi
    done
}

print_stages() { # KEY LABEL REFKEY
    local key=$1 label=$2 refkey=$3
    [[ -n ${EXTRA[$key:copy]:-} ]] || return 0
    local copy fsync check sha rest base
    copy=$(medx "$key" copy)
    fsync=$(medx "$key" fsync)
    check=$(medx "$key" check)
    sha=$(medx "$key" sha256)
    rest=$(medx "$key" rest)
    base=$(med "$refkey")
    echo "  $label, by stage (medians):"
    printf '    %-40s %8s s  %s\n' "copy (backup API, no fsync)" "$copy" "$(ratio "$copy" "$base") of ${refkey#w:}"
    if ((HAVE_STRACE)); then
        printf '    %-40s %8s s\n' "fsync of the copy" "$fsync"
    fi
    printf '    %-40s %8s s  %s\n' "copy + fsync (copy only)" "$(awk -v a="$copy" -v b="$fsync" 'BEGIN { printf "%.3f", a + b }')" \
        "$(ratio "$(awk -v a="$copy" -v b="$fsync" 'BEGIN { print a + b }')" "$base") of ${refkey#w:}"
    if ((HAVE_STRACE)); then
        printf '    %-40s %8s s\n' "integrity check of the copy" "$check"
    else
        printf '    %-40s %8s s\n' "fsync + integrity check of the copy" "$check"
    fi
    printf '    %-40s %8s s\n' "sha256 of the copy" "$sha"
    printf '    %-40s %8s s\n' "rename, fsync, catalog, exit" "$rest"
}

part_backup() {
    local db=$SCRATCH/work.db out=$SCRATCH/out
    mkdir -p "$out"
    say "part 1: SQLite backup, idle"
    local rounds=$REPEAT round started first
    for ((round = 1; round <= rounds; round++)); do
        started=$(now)
        drop_caches
        cp_run cp "$db" "$out/cp.db" 0
        drop_caches
        cp_run "cp + fsync" "$db" "$out/cp.db" 1
        drop_caches
        reference_run "$db" "$out/ref.db"
        drop_caches
        strata_backup_run "strata-cli backup" "$db" "$out/strata/s.db"
        drop_caches
        strata_backup_run "strata-cli backup --quick" "$db" "$out/strata/s.db" --quick
        rm -rf "$out/strata"
        if ((round == 1)); then
            first=$(sub "$(now)" "$started")
            rounds=$(rounds_for "$first" "$BUDGET" "$REPEAT")
            ((rounds < REPEAT)) && ROUND_NOTES+=("SQLite backup (idle): $rounds round(s), not $REPEAT: one round took ${first} s (BENCH_BUDGET=$BUDGET)")
        fi
    done
    print_backup_table "1a. SQLite backup, idle: $(human "$(stat -c %s "$db")") database; x .bkp = against sqlite3 .backup (goal: strata <= 1.00x), x ref = against .backup + integrity_check + sha256sum" 0 \
        cp "cp + fsync" ".backup" "ref:integrity_check" "ref:sha256sum" ".backup + integrity_check + sha256sum" \
        "strata-cli backup" "strata-cli backup --quick" "diag:openssl dgst -sha256"
    echo "  (ref:integrity_check and ref:sha256sum are the reference's 2nd and 3rd steps, on the fresh copy;"
    echo "   diag:openssl is not part of it: the same SHA-256 of the copy with OpenSSL, for comparison)"
    print_stages "strata-cli backup" "strata-cli backup" ".backup"
    print_stages "strata-cli backup --quick" "strata-cli backup --quick" ".backup"
}

# One tool under the writer: start the writer (cold cache first), let it settle, run the tool, stop the writer.
under_writer() { # KEY DB TIMEOUT COMMAND...
    local key=$1 db=$2 limit=$3
    shift 3
    drop_caches
    # A first, short writer run reads back what the writer itself needs (its program, the ticks table, the
    # WAL): the cold cache is meant for the backup tool, not for the writer's first commits.
    start_writer "$db"
    sleep 0.5
    stop_writer
    start_writer "$db"
    sleep 1
    if [[ $(type -t "$1") == function ]]; then
        "$@"
    else
        local load
        load=$(load1)
        timed "$key" "$SCRATCH/w.log" timeout "$limit" "$@"
        if ((LAST_RC != 0)); then
            note "$key" dnf " $limit"
            note "$key" dnfload "$load"
            say "$key: stopped after $limit s (exit $LAST_RC)"
        fi
    fi
    stop_writer
    note "$key" slowest "$WRITER_SLOWEST_MS"
    note "$key" rate "$WRITER_RATE"
    # Back to the same file for the next run: the writer's rows out, the WAL folded back in.
    sqlite3 "$db" "DELETE FROM ticks; PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
}

part_writer() {
    local db=$SCRATCH/writer.db out=$SCRATCH/wout
    mkdir -p "$out"
    cp "$SCRATCH/work.db" "$db"
    sqlite3 "$db" "CREATE TABLE IF NOT EXISTS ticks (at INTEGER, payload BLOB); PRAGMA journal_mode = WAL;" >/dev/null
    local limit=$WRITER_TIMEOUT
    if [[ -z $limit ]]; then
        limit=$(awk -v b="$(med ".backup")" 'BEGIN { t = (b == "-") ? 120 : int(4 * b + 1); if (t < 30) t = 30; print t }')
    fi
    say "part 1: SQLite backup under a writer (.backup stopped after $limit s)"
    local rounds=$REPEAT round started first dnf=0
    for ((round = 1; round <= rounds; round++)); do
        started=$(now)
        under_writer "w:writer alone (5 s, no backup)" "$db" 60 sleep 5
        under_writer "w:cp + fsync" "$db" "$limit" bash -c 'cp "$1" "$2" && sync "$2"' _ "$db" "$out/cp.db"
        rm -f "$out/cp.db"
        under_writer "w:dd bs=4M oflag=dsync" "$db" "$limit" dd if="$db" of="$out/cp.db" bs=4M oflag=dsync status=none
        rm -f "$out/cp.db"
        if ((dnf == 0)); then
            under_writer "w:.backup" "$db" "$limit" sqlite3 "$db" ".backup '$out/b.db'"
            rm -f "$out/b.db"
            # It did not finish once: it will not next time either; spare the rounds the wait.
            [[ -n ${EXTRA[w:.backup:dnf]:-} ]] && dnf=1
        fi
        under_writer "w:.backup pinned" "$db" "$limit" sqlite3 "$db" "BEGIN" "SELECT count(*) FROM sqlite_schema" \
            ".backup '$out/b.db'" "ROLLBACK"
        rm -f "$out/b.db"
        under_writer "w:strata-cli backup" "$db" 0 strata_backup_run "w:strata-cli backup" "$db" "$out/strata/s.db"
        rm -rf "$out/strata"
        if ((round == 1)); then
            first=$(sub "$(now)" "$started")
            rounds=$(rounds_for "$first" "$BUDGET" "$REPEAT")
            ((rounds < REPEAT)) && ROUND_NOTES+=("SQLite backup (writer): $rounds round(s), not $REPEAT: one round took ${first} s (BENCH_BUDGET=$BUDGET)")
        fi
    done
    print_backup_table "1b. SQLite backup under a writer (one commit per ms, WAL); x pinned = against the pinned .backup (goal: strata <= 1.00x); worst ms / median ms = the writer's slowest commit while the tool ran, the worst and the median of the rounds (goal: <= 20 ms)" 1 \
        "w:writer alone (5 s, no backup)" "w:cp + fsync" "w:dd bs=4M oflag=dsync" "w:.backup" "w:.backup pinned" \
        "w:strata-cli backup"
    echo "  dd bs=4M oflag=dsync: a raw copy flushed 4 MB at a time as it is written, where cp + fsync flushes it all at the end"
    if [[ -n ${EXTRA[w:.backup:dnf]:-} ]]; then
        echo "  .backup did not finish within $limit s (stopped $(count <<<"${EXTRA[w:.backup:dnf]}") time(s)): it restarts at every commit of another connection; its time shows as -"
    fi
    print_stages "w:strata-cli backup" "strata-cli backup under the writer" "w:.backup pinned"
}

# ---------------------------------------------------------------------------------------------------------
# Part 2: integrity check

part_integrity() {
    local db=$SCRATCH/work.db size
    size=$(stat -c %s "$db")
    local tuning="PRAGMA mmap_size = $((size + 1048576)); PRAGMA cache_size = -$(((size / 1024 + 1024) < 2097152 ? size / 1024 + 1024 : 2097152));"
    say "part 2: integrity check"
    local rounds=$REPEAT round started first
    for ((round = 1; round <= rounds; round++)); do
        started=$(now)
        drop_caches
        timed "sqlite3 integrity_check" "$SCRATCH/i.log" sqlite3 "$db" "PRAGMA integrity_check"
        drop_caches
        timed "strata-cli verify" "$SCRATCH/i.log" "$CLI" --db "sqlite:$db" verify
        ((LAST_RC == 0)) || fail "strata-cli verify failed: $(tail -n 5 "$SCRATCH/i.log")"
        drop_caches
        timed "sqlite3 integrity_check, Strata's tuning" "$SCRATCH/i.log" sqlite3 "$db" "$tuning PRAGMA integrity_check"
        drop_caches
        timed "sqlite3 quick_check" "$SCRATCH/i.log" sqlite3 "$db" "PRAGMA quick_check"
        drop_caches
        timed "strata-cli verify --quick" "$SCRATCH/i.log" "$CLI" --db "sqlite:$db" verify --quick
        ((LAST_RC == 0)) || fail "strata-cli verify --quick failed: $(tail -n 5 "$SCRATCH/i.log")"
        drop_caches
        timed "sqlite3 quick_check, Strata's tuning" "$SCRATCH/i.log" sqlite3 "$db" "$tuning PRAGMA quick_check"
        if ((round == 1)); then
            first=$(sub "$(now)" "$started")
            rounds=$(rounds_for "$first" "$BUDGET" "$REPEAT")
            ((rounds < REPEAT)) && ROUND_NOTES+=("integrity: $rounds round(s), not $REPEAT: one round took ${first} s (BENCH_BUDGET=$BUDGET)")
        fi
    done
    echo
    echo "2. Integrity check of the $(human "$size") database (goal: strata-cli verify <= 0.70x sqlite3)"
    line
    printf '%-44s %8s %13s %7s %10s %3s %9s\n' check "median s" "min-max s" "cpu s" "x sqlite3" n load
    local key base
    for key in "sqlite3 integrity_check" "strata-cli verify" "sqlite3 integrity_check, Strata's tuning" \
        "sqlite3 quick_check" "strata-cli verify --quick" "sqlite3 quick_check, Strata's tuning"; do
        case $key in
        *integrity*|"strata-cli verify") base=$(med "sqlite3 integrity_check") ;;
        *) base=$(med "sqlite3 quick_check") ;;
        esac
        printf '%-44s %8s %13s %7s %10s %3s %9s\n' "$key" "$(med "$key")" "$(wrange <<<"${WALL[$key]:-}")" "$(medcpu "$key")" "$(ratio "$(med "$key")" "$base")" \
            "$(count <<<"${WALL[$key]:-}")" "$(range <<<"${LOADS[$key]:-}")"
    done
    echo "  (\"Strata's tuning\": mmap_size = file size + 1 MiB and cache_size = file size, as SqliteIntegrity.cpp sets them)"
}

# ---------------------------------------------------------------------------------------------------------
# Part 3: PostgreSQL

pg_generate() { # URL SCALE
    local url=$1 psqlx=(psql -X -q -v ON_ERROR_STOP=1 -v scale="$2")
    "${psqlx[@]}" "$url" <<'SQL'
SET client_min_messages = warning;
DROP TABLE IF EXISTS fills, orders, quotes, positions, accounts, instruments CASCADE;
CREATE TABLE instruments (id int PRIMARY KEY, symbol text NOT NULL UNIQUE, name text NOT NULL, currency text NOT NULL,
    tick_size numeric(12,6) NOT NULL, lot_size int NOT NULL, attrs jsonb NOT NULL);
CREATE TABLE accounts (id int PRIMARY KEY, name text NOT NULL, status text NOT NULL, created_at timestamptz NOT NULL,
    limits jsonb NOT NULL);
CREATE TABLE orders (id bigint PRIMARY KEY, account_id int NOT NULL, instrument_id int NOT NULL,
    client_order_id text NOT NULL, side text NOT NULL, order_type text NOT NULL, time_in_force text NOT NULL,
    price numeric(18,6), quantity numeric(18,4) NOT NULL, filled_quantity numeric(18,4) NOT NULL, status text NOT NULL,
    created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, tags jsonb);
CREATE TABLE fills (id bigint PRIMARY KEY, order_id bigint NOT NULL, price numeric(18,6) NOT NULL,
    quantity numeric(18,4) NOT NULL, fee numeric(12,6) NOT NULL, liquidity text NOT NULL, venue text NOT NULL,
    trade_id text NOT NULL, executed_at timestamptz NOT NULL);
CREATE TABLE quotes (id bigint PRIMARY KEY, instrument_id int NOT NULL, bid numeric(18,6) NOT NULL,
    ask numeric(18,6) NOT NULL, bid_size int NOT NULL, ask_size int NOT NULL, quoted_at timestamptz NOT NULL);
CREATE TABLE positions (account_id int NOT NULL, instrument_id int NOT NULL, quantity numeric(18,4) NOT NULL,
    avg_price numeric(18,6) NOT NULL, realized_pnl numeric(18,2) NOT NULL, updated_at timestamptz NOT NULL,
    PRIMARY KEY (account_id, instrument_id));
INSERT INTO instruments
SELECT i, 'SYM' || i, 'Instrument ' || i || ' ordinary shares', (ARRAY['USD','EUR','GBP','JPY'])[1 + i % 4],
       (ARRAY[0.01, 0.005, 0.0001])[1 + i % 3], (ARRAY[1, 10, 100])[1 + i % 3],
       jsonb_build_object('exchange', (ARRAY['XNAS','XNYS','ARCX','BATS'])[1 + i % 4], 'sector', 'sector-' || (i % 11),
                          'shortable', i % 5 <> 0)
FROM generate_series(1, 5000) i;
INSERT INTO accounts
SELECT i, 'account ' || lpad(i::text, 6, '0'), CASE WHEN i % 23 = 0 THEN 'suspended' ELSE 'active' END,
       timestamptz '2020-01-01' + i * interval '37 minutes',
       jsonb_build_object('max_position', (i % 50 + 1) * 10000, 'max_order_value', (i % 10 + 1) * 25000,
                          'daily_loss_limit', (i % 20 + 1) * 500.0)
FROM generate_series(1, 20000) i;
INSERT INTO positions
SELECT a, 1 + (a * 31 + k * 7919) % 5000, round((random() * 10000 - 5000)::numeric, 0),
       round((10 + random() * 990)::numeric, 4), round((random() * 100000 - 50000)::numeric, 2),
       timestamptz '2024-01-02' + random() * interval '30 days'
FROM generate_series(1, 20000) a, generate_series(1, 10) k;
SQL
    # The three large tables load in parallel sessions, each building its own indexes.
    "${psqlx[@]}" "$url" >"$SCRATCH/pggen-orders.log" 2>&1 <<'SQL' &
SET maintenance_work_mem = '256MB';
INSERT INTO orders
SELECT i, 1 + (random() * 19999)::int, 1 + (random() * 4999)::int, 'C' || to_hex(i * 7919 + 12345) || '-' || (i % 97),
       CASE WHEN random() < 0.5 THEN 'buy' ELSE 'sell' END, CASE WHEN random() < 0.8 THEN 'limit' ELSE 'market' END,
       (ARRAY['DAY','GTC','IOC','FOK'])[1 + (random() * 3)::int],
       round((10 + random() * 990)::numeric, 4), round((1 + random() * 999)::numeric, 0), round((random() * 500)::numeric, 0),
       (ARRAY['filled','filled','filled','cancelled','partially_filled','new','rejected'])[1 + (random() * 6)::int],
       timestamptz '2024-01-02 09:30' + i * interval '9 milliseconds',
       timestamptz '2024-01-02 09:30' + i * interval '9 milliseconds' + random() * interval '5 seconds',
       CASE WHEN i % 4 = 0 THEN jsonb_build_object('algo', (ARRAY['twap','vwap','pov'])[1 + i % 3],
                                                   'strategy', 'strat-' || (i % 40), 'desk', 'desk-' || (i % 6)) END
FROM generate_series(1, (1300000 * :scale)::bigint) i;
CREATE INDEX orders_account_created ON orders (account_id, created_at);
CREATE INDEX orders_open ON orders (status) WHERE status IN ('new', 'partially_filled');
SQL
    local p1=$!
    "${psqlx[@]}" "$url" >"$SCRATCH/pggen-fills.log" 2>&1 <<'SQL' &
SET maintenance_work_mem = '256MB';
INSERT INTO fills
SELECT i, 1 + (random() * (1300000 * :scale - 1))::bigint, round((10 + random() * 990)::numeric, 4),
       round((1 + random() * 500)::numeric, 0), round((random() * 5)::numeric, 4),
       CASE WHEN random() < 0.6 THEN 'maker' ELSE 'taker' END,
       (ARRAY['XNAS','XNYS','ARCX','BATS','IEXG','EDGX'])[1 + (random() * 5)::int], 'T' || (20240102000000000 + i * 13),
       timestamptz '2024-01-02 09:30' + i * interval '7 milliseconds'
FROM generate_series(1, (1800000 * :scale)::bigint) i;
CREATE INDEX fills_order ON fills (order_id);
CREATE INDEX fills_executed ON fills (executed_at);
SQL
    local p2=$!
    "${psqlx[@]}" "$url" >"$SCRATCH/pggen-quotes.log" 2>&1 <<'SQL' &
SET maintenance_work_mem = '256MB';
INSERT INTO quotes
SELECT i, 1 + i % 5000, round((100 + (i % 5000) * 0.1 + random())::numeric, 4),
       round((100.02 + (i % 5000) * 0.1 + random())::numeric, 4), 100 * (1 + (random() * 50)::int),
       100 * (1 + (random() * 50)::int), timestamptz '2024-01-02 09:30' + i * interval '2 milliseconds'
FROM generate_series(1, (3000000 * :scale)::bigint) i;
CREATE INDEX quotes_instrument_time ON quotes (instrument_id, quoted_at);
SQL
    local p3=$! ok=1
    wait "$p1" || ok=0
    wait "$p2" || ok=0
    wait "$p3" || ok=0
    ((ok)) || fail "generating the PostgreSQL data failed: $(cat "$SCRATCH"/pggen-*.log)"
    psql -X -q -v ON_ERROR_STOP=1 "$url" -c "VACUUM ANALYZE" >/dev/null
}

pg_run() { # KEY OUT COMMAND...
    local key=$1 out=$2
    shift 2
    rm -rf "$out"
    timed "$key" "$SCRATCH/pg.log" "$@"
    ((LAST_RC == 0)) || fail "$key failed: $(cut -d' ' -f2- "$SCRATCH/pg.log" | tail -n 5)"
    note "$key" size "$(du -sb "$out" | cut -f1)"
}

part_postgresql() {
    say "part 3: PostgreSQL: starting a throwaway server"
    PG_STARTED=1
    bash "$REPO/tests/support/pg-test-server.sh" start "$PGDIR" >"$SCRATCH/pg-server.log" 2>&1 ||
        fail "the PostgreSQL test server did not start: $(cat "$SCRATCH/pg-server.log")"
    # shellcheck disable=SC1091
    source "$PGDIR/env"
    local url=$STRATA_TEST_PG_URL
    say "part 3: generating the trading data (scale $PG_SCALE)"
    local t0 gen
    t0=$(now)
    pg_generate "$url" "$PG_SCALE"
    gen=$(sub "$(now)" "$t0")
    local dbsize
    dbsize=$(psql -X -At "$url" -c "SELECT pg_database_size(current_database())")
    echo
    echo "3. PostgreSQL backup: database $(human "$dbsize") (pg_database_size), generated in ${gen} s"
    psql -X -At -F ' ' "$url" -c "SELECT c.relname, c.reltuples::bigint, pg_table_size(c.oid), pg_indexes_size(c.oid)
        FROM pg_class c WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace ORDER BY pg_total_relation_size(c.oid) DESC" |
        while read -r name rows table indexes; do
            printf '  %-12s %10s rows  table %10s  indexes %10s\n' "$name" "$rows" "$(human "$table")" "$(human "$indexes")"
        done
    # Warm: the data files are read once, so that no tool pays for the first read.
    find "$PGDIR/pg/data/base" -type f -exec cat {} + >/dev/null

    local out=$SCRATCH/pgout
    # Rows: key (pg:LABEL) and command. With zstd installed, one more row stands in for pg_dump 16's
    # --compress=zstd:1, which this pg_dump (15) cannot write: an uncompressed directory dump whose data
    # files are then compressed with zstd -1, one after the other (so its time is an upper bound; the archive
    # is for measuring only: pg_restore 15 cannot read it).
    local -a labels=("pg_dump -Fc (default, gzip 6)" "pg_dump -Fc -Z1" "pg_dump -Fc -Z0" "pg_dump -Fd -j2 -Z1"
        "pg_dump -Fd -j2 -Z3" "pg_dump -Fd -j2 -Z6")
    local zstd_row=0
    if command -v zstd >/dev/null; then
        labels+=("-Fd -j2 -Z0, then zstd -1 (*)")
        zstd_row=1
    fi
    labels+=("strata-cli backup")
    local strata_key="pg:strata-cli backup"
    local rounds=$REPEAT round started first
    for ((round = 1; round <= rounds; round++)); do
        started=$(now)
        say "part 3: round $round of $rounds"
        pg_run "pg:${labels[0]}" "$out" pg_dump -Fc -f "$out" "$url"
        pg_run "pg:${labels[1]}" "$out" pg_dump -Fc -Z1 -f "$out" "$url"
        pg_run "pg:${labels[2]}" "$out" pg_dump -Fc -Z0 -f "$out" "$url"
        pg_run "pg:${labels[3]}" "$out" pg_dump -Fd -j2 -Z1 -f "$out" "$url"
        pg_run "pg:${labels[4]}" "$out" pg_dump -Fd -j2 -Z3 -f "$out" "$url"
        pg_run "pg:${labels[5]}" "$out" pg_dump -Fd -j2 -Z6 -f "$out" "$url"
        if ((zstd_row)); then
            pg_run "pg:${labels[6]}" "$out" bash -c 'pg_dump -Fd -j2 -Z0 -f "$1" "$2" && zstd -q -1 -T2 --rm "$1"/*.dat' _ "$out" "$url"
        fi
        rm -rf "$out"
        mkdir -p "$out"
        pg_run "$strata_key" "$out/strata.dumpdir" "$CLI" --db "$url" backup --out "$out/strata.dumpdir"
        local summing
        summing=$(stamp_of "$SCRATCH/pg.log" "backup: checksum")
        if [[ -n $summing ]]; then
            note "$strata_key" dump "$(sub "$summing" "$LAST_START")"
            note "$strata_key" sha256 "$(sub "$LAST_END" "$summing")"
        fi
        rm -rf "$out"
        if ((round == 1)); then
            first=$(sub "$(now)" "$started")
            rounds=$(rounds_for "$first" "$PG_BUDGET" "$REPEAT")
            ((rounds < REPEAT)) && ROUND_NOTES+=("PostgreSQL: $rounds round(s), not $REPEAT: one round took ${first} s (BENCH_PG_BUDGET=$PG_BUDGET)")
        fi
    done
    line
    printf '%-34s %8s %11s %7s %10s %7s %7s %3s %9s\n' tool "median s" "min-max s" "cpu s" size "x time" "x size" n load
    local base basesize label key
    base=$(med "pg:${labels[0]}")
    basesize=$(medx "pg:${labels[0]}" size)
    for label in "${labels[@]}"; do
        local m sz
        key="pg:$label"
        m=$(med "$key")
        sz=$(medx "$key" size)
        printf '%-34s %8s %11s %7s %10s %7s %7s %3s %9s\n' "$label" "$m" "$(wrange <<<"${WALL[$key]:-}")" "$(medcpu "$key")" \
            "$(human "$sz")" "$(ratio "$m" "$base")" "$(ratio "$sz" "$basesize")" "$(count <<<"${WALL[$key]:-}")" \
            "$(range <<<"${LOADS[$key]:-}")"
    done
    echo "  x time, x size: against pg_dump -Fc with its defaults (goal: <= 0.35x the time at <= 1.05x the size)"
    echo "  cpu s counts the client's processes (pg_dump, its -j2 workers, zstd), not the server's backends"
    if ((zstd_row)); then
        echo "  (*) stand-in for pg_dump 16+ --format=directory --jobs=2 --compress=zstd:1, which pg_dump 15 cannot write:"
        echo "      an uncompressed -Fd dump, then zstd -1 over its data files afterwards (time: an upper bound)"
    fi
    if [[ -n ${EXTRA[$strata_key:dump]:-} ]]; then
        echo "  strata-cli backup, by stage (medians): pg_dump -Fd -j2 -Z1 + fsync + pg_restore --list checks" \
            "$(medx "$strata_key" dump) s, sha256 of the files + catalog $(medx "$strata_key" sha256) s"
    fi
    echo "  against the goal:"
    local both=()
    for label in "${labels[@]:1}"; do
        local rt rs
        key="pg:$label"
        rt=$(awk -v a="$(med "$key")" -v b="$base" 'BEGIN { print (a != "-" && b > 0) ? a / b : 99 }')
        rs=$(awk -v a="$(medx "$key" size)" -v b="$basesize" 'BEGIN { print (a != "-" && b > 0) ? a / b : 99 }')
        printf '    %-34s time %s, size %s\n' "$label" \
            "$(awk -v r="$rt" 'BEGIN { printf "%.2fx (%s 0.35x)", r, (r <= 0.35) ? "within" : "above" }')" \
            "$(awk -v r="$rs" 'BEGIN { printf "%.2fx (%s 1.05x)", r, (r <= 1.05) ? "within" : "above" }')"
        awk -v t="$rt" -v z="$rs" 'BEGIN { exit !(t <= 0.35 && z <= 1.05) }' && both+=("$label")
    done
    if ((${#both[@]})); then
        local joined
        joined=$(printf '%s; ' "${both[@]}")
        echo "    both halves: ${joined%; }"
    else
        echo "    no setting meets both halves"
    fi
    bash "$REPO/tests/support/pg-test-server.sh" stop "$PGDIR" >/dev/null 2>&1 || say "could not stop the PostgreSQL server"
    PG_STARTED=0
}

# ---------------------------------------------------------------------------------------------------------

BENCH_START=$(now)
echo "Strata backup benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "  machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  strata-cli: $CLI"
echo "  sqlite3 $(sqlite3 --version | cut -d' ' -f1)$(want postgresql && echo ", $(pg_dump --version)")"
if ((COLD)); then
    echo "  page cache: dropped before every SQLite run (cold reads)"
else
    echo "  page cache: NOT dropped (no permission to write /proc/sys/vm/drop_caches): SQLite figures are warm-cache ones"
fi
((HAVE_STRACE)) || echo "  strace not available: strata's fsync is not timed apart from its integrity check"

if want backup || want writer || want integrity; then
    mkdir -p "$CACHE"
    cached=$CACHE/backup-bench-sqlite-v1-$SQLITE_ROWS.db
    if [[ -f $cached ]]; then
        echo "  SQLite database: $cached (cached)"
    else
        say "generating the SQLite database ($SQLITE_ROWS trades) in $cached"
        t0=$(now)
        sqlite_generate "$cached"
        echo "  SQLite database: $cached, generated in $(sub "$(now)" "$t0") s"
    fi
    cp "$cached" "$SCRATCH/work.db"
    echo "  SQLite database: $(human "$(stat -c %s "$cached")"); $(sqlite3 "$cached" "SELECT (SELECT count(*) FROM trade_history) || ' trades, ' || (SELECT count(*) FROM enforcement_log) || ' enforcement_log rows, ' || (SELECT count(*) FROM sqlite_schema WHERE type = 'index') || ' indexes'")"
    size=$(stat -c %s "$cached")
    ((size >= 500 * 1048576)) || say "the SQLite database is under 500 MB (BENCH_SQLITE_ROWS=$SQLITE_ROWS)"
fi

want backup && part_backup
if want writer; then
    want backup || say "the writer part's .backup time limit falls back to 120 s without the idle part"
    part_writer
fi
want integrity && part_integrity
want postgresql && part_postgresql

echo
if ((${#ROUND_NOTES[@]})); then
    echo "Fewer rounds than asked:"
    printf '  %s\n' "${ROUND_NOTES[@]}"
fi
echo "Done in $(awk -v s="$(sub "$(now)" "$BENCH_START")" 'BEGIN { printf "%.0f", s }') s; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
