# Shared by scripts/test.sh and scripts/run.sh (sourced, not run).
# shellcheck shell=bash

STRATA_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
BUILD_DIR=$STRATA_ROOT/build
# Parallel jobs for the build and for ctest.
# shellcheck disable=SC2034  # used by the scripts that source this file
JOBS=${STRATA_JOBS:-2}

log() { printf '==> %s\n' "$*"; }

elapsed_since() {
    local s=$((SECONDS - $1))
    if ((s >= 60)); then
        printf '%d min %02d s' $((s / 60)) $((s % 60))
    else
        printf '%d s' "$s"
    fi
}

# stage NAME COMMAND [ARGS...]: runs COMMAND and prints how long it took.
stage() {
    local name=$1 start=$SECONDS rc=0
    shift
    log "$name"
    "$@" || rc=$?
    if ((rc == 0)); then
        printf '==> %s: done in %s\n' "$name" "$(elapsed_since "$start")"
    else
        printf '==> %s: FAILED (exit %d) after %s\n' "$name" "$rc" "$(elapsed_since "$start")" >&2
    fi
    return "$rc"
}

# configure_build [-DNAME=VALUE...]: configures build/ with Ninja unless it is configured already for this
# source tree with the given settings. The build is optimised (-O2) without debug information: what a user
# runs, and a third faster to compile and link. Configure build/ yourself with
# -DCMAKE_BUILD_TYPE=RelWithDebInfo to debug.
configure_build() {
    local cache=$BUILD_DIR/CMakeCache.txt home
    if [[ -f $cache ]]; then
        home=$(sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' "$cache")
        if [[ ! -d $home || $(cd "$home" && pwd -P) != "$STRATA_ROOT" ]]; then
            echo "build/ was configured for another source tree ($home); configuring it afresh"
            rm -rf "$cache" "$BUILD_DIR/CMakeFiles" || return
        fi
    fi
    if [[ ! -f $cache ]]; then
        cmake -S "$STRATA_ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release \
            "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG" "-DCMAKE_C_FLAGS_RELEASE=-O2 -DNDEBUG" "$@"
        return
    fi

    # Configured before: re-run CMake only when a required setting differs or the last run did not finish.
    local arg name value changed=()
    for arg in "$@"; do
        name=${arg#-D}
        name=${name%%=*}
        value=${arg#*=}
        grep -q "^$name:[A-Z]*=$value\$" "$cache" || changed+=("$arg")
    done
    if ((${#changed[@]} > 0)) || [[ ! -f $BUILD_DIR/build.ninja && ! -f $BUILD_DIR/Makefile ]]; then
        cmake -S "$STRATA_ROOT" -B "$BUILD_DIR" "$@"
    else
        echo "build/ is configured already"
    fi
}
