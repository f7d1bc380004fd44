#!/usr/bin/env bash
# Builds Strata's libFuzzer targets (tests/fuzz) with clang and runs each for a while.
#
#   ./scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]      e.g. ./scripts/fuzz.sh 1800 connection_url
#
# Builds into build-fuzz/ (clang-14, address and undefined-behaviour sanitizers; only the parsers the
# targets feed, never the app, the CLI or the tests), then runs every target (or those named) for
# SECONDS_PER_TARGET seconds (default 60), one after the other, under `nice`. Each starts from its seed
# corpus in tests/fuzz/corpus/TARGET and from what earlier runs found in build-fuzz/corpus/TARGET.
# Reports per target the inputs run, the runs per second, the coverage (edges, features) and the crashes;
# a crashing input is kept in build-fuzz/crashes/TARGET/ and the script exits 1.
# Re-run a crash with: build-fuzz/bin/fuzz_TARGET build-fuzz/crashes/TARGET/crash-...
# STRATA_JOBS sets the parallel jobs of the build (default 2).
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$STRATA_ROOT"
started=$SECONDS

seconds=60
if (($# > 0)); then
    seconds=$1
    shift
fi
if [[ ! $seconds =~ ^[0-9]+$ ]] || ((seconds < 1)); then
    echo "fuzz.sh: SECONDS_PER_TARGET must be a whole number of seconds, not \"$seconds\"" >&2
    echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]" >&2
    exit 2
fi

FUZZ_DIR=$STRATA_ROOT/build-fuzz
all_targets=()
for source in tests/fuzz/fuzz_*.cpp; do
    name=${source##*/fuzz_}
    all_targets+=("${name%.cpp}")
done
targets=("$@")
((${#targets[@]} > 0)) || targets=("${all_targets[@]}")
for target in "${targets[@]}"; do
    if [[ ! -f tests/fuzz/fuzz_$target.cpp ]]; then
        echo "fuzz.sh: no target \"$target\"; the targets are: ${all_targets[*]}" >&2
        exit 2
    fi
done

# The longest input each target is given: a few files for the loader, a page of text for the others.
max_len() {
    case $1 in
    migration_set_loader | postgres_script) echo 8192 ;;
    connection_url) echo 1024 ;;
    *) echo 4096 ;;
    esac
}

configure_fuzz() {
    if [[ -f $FUZZ_DIR/build.ninja ]]; then
        echo "build-fuzz/ is configured already"
        return
    fi
    CC=clang-14 CXX=clang++-14 cmake -S "$STRATA_ROOT" -B "$FUZZ_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
        -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" -DSTRATA_FUZZ=ON
}

build_targets() {
    local names=()
    for target in "${targets[@]}"; do names+=("fuzz_$target"); done
    cmake --build "$FUZZ_DIR" -j"$JOBS" --target "${names[@]}"
}

stage "Install dependencies" bash scripts/install-deps.sh
stage "Configure the fuzz build" configure_fuzz
stage "Build the fuzz targets" build_targets

# The targets write their inputs as files; in memory when the machine has /dev/shm.
scratch_parent=/dev/shm
[[ -d $scratch_parent && -w $scratch_parent ]] || scratch_parent=${TMPDIR:-/tmp}
scratch=$(mktemp -d "$scratch_parent/strata-fuzz.XXXXXX")
# shellcheck disable=SC2317  # called by the trap
remove_scratch() { rm -rf "$scratch"; }
trap remove_scratch EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export QT_QPA_PLATFORM=offscreen

# Prints the last value of "stat::NAME: VALUE" or of "NAME: VALUE" in a libFuzzer log.
stat_of() { sed -n "s/^stat::$1: *\([0-9]*\).*/\1/p" "$2" | tail -n 1; }
last_of() { grep -o "$1: [0-9]*" "$2" | tail -n 1 | sed 's/.*: //'; }

failed=()
summary=()
for target in "${targets[@]}"; do
    crashes=$FUZZ_DIR/crashes/$target
    corpus=$FUZZ_DIR/corpus/$target
    log_file=$FUZZ_DIR/logs/$target.log
    mkdir -p "$crashes" "$corpus" "$(dirname "$log_file")" "$scratch/$target"
    before=$(find "$crashes" -type f | wc -l)
    log "Fuzz $target for $seconds s"
    rc=0
    TMPDIR=$scratch/$target nice -n 10 "$FUZZ_DIR/bin/fuzz_$target" \
        -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$crashes/" "$corpus" "tests/fuzz/corpus/$target" \
        >"$log_file" 2>&1 || rc=$?
    after=$(find "$crashes" -type f | wc -l)
    new=$((after - before))
    runs=$(stat_of number_of_executed_units "$log_file")
    speed=$(stat_of average_exec_per_sec "$log_file")
    line=$(printf '%-22s %9s runs %7s/s  cov %5s  ft %6s  corpus %5s  crashes %d' "$target" "${runs:-?}" \
        "${speed:-?}" "$(last_of cov "$log_file")" "$(last_of ft "$log_file")" \
        "$(find "$corpus" -type f | wc -l)" "$new")
    summary+=("$line")
    echo "$line"
    if ((rc != 0 || new > 0)); then
        failed+=("$target")
        echo "fuzz.sh: $target failed (exit $rc); its log is $log_file, the inputs in $crashes/:" >&2
        grep -E -m 12 '^(==[0-9]+==ERROR|==== fuzz property|SUMMARY|.*runtime error:)' "$log_file" >&2 || true
        # shellcheck disable=SC2012  # libFuzzer names its files by hash: no odd characters
        ls -t "$crashes" | head -n "$new" | sed "s|^|  $crashes/|" >&2
    fi
done

log "Fuzz summary ($seconds s per target)"
printf '%s\n' "${summary[@]}"
log "total $(elapsed_since "$started")"
if ((${#failed[@]} > 0)); then
    echo "fuzz.sh: crashes in ${failed[*]}; the inputs are in build-fuzz/crashes/" >&2
    exit 1
fi
