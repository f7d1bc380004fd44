#!/usr/bin/env bash
# Builds Strata and runs every test.
#
#   ./scripts/test.sh [CTEST ARGS...]      e.g. ./scripts/test.sh -R migrate
#
# Installs the packages it needs (scripts/install-deps.sh), configures build/ with warnings as errors,
# builds, starts a throwaway PostgreSQL on 127.0.0.1 for the integration tests, runs ctest and stops the
# server again, also when the build or a test fails or the run is interrupted. Then, when no ctest
# arguments pick tests, runs every fuzz target for STRATA_FUZZ_SECONDS (default 20; 0 skips them) with
# scripts/fuzz.sh, and builds the Debian package and installs, uses and removes it on a clean Debian 12 root
# (tests/package/install-check.sh; STRATA_PACKAGE_CHECK=0 skips it). Exits with ctest's status, or 1 when the
# tests passed and a fuzz target or the package check failed.
# STRATA_JOBS sets the parallel jobs for the build and ctest (default 2).
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$STRATA_ROOT"
started=$SECONDS

stage "Install dependencies" bash scripts/install-deps.sh
# The real dbmate, for the tests on databases it migrated (tests/cli/tst_cli_foreign_history.cpp), from the npm
# registry; npm itself from Debian when the machine has none.
install_npm() {
    local sudo=()
    ((EUID == 0)) || sudo=(sudo)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -qq -y -o DPkg::Lock::Timeout=600 install npm
}
if [[ ! -x $BUILD_DIR/tools/dbmate/node_modules/.bin/dbmate ]]; then
    command -v npm >/dev/null 2>&1 || stage "Install npm" install_npm
    stage "Install dbmate" npm install --prefix "$BUILD_DIR/tools/dbmate" --no-audit --no-fund dbmate@2.36.0
fi
stage "Configure" configure_build -DSTRATA_WERROR=ON
stage "Build" cmake --build "$BUILD_DIR" -j"$JOBS"

PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/strata-pg.XXXXXX")
# shellcheck disable=SC2317  # called by the trap
stop_pg() {
    bash "$STRATA_ROOT/tests/support/pg-test-server.sh" stop "$PG_DIR" || true
}
trap stop_pg EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

stage "Start PostgreSQL" bash tests/support/pg-test-server.sh start "$PG_DIR"
# shellcheck disable=SC1091
source "$PG_DIR/env"
export STRATA_TEST_PG_URL PGPASSWORD
export QT_QPA_PLATFORM=offscreen

status=0
stage "Test" ctest --test-dir "$BUILD_DIR" --output-on-failure --no-tests=error -j"$JOBS" --timeout 600 "$@" ||
    status=$?
fuzz_seconds=${STRATA_FUZZ_SECONDS:-20}
if (($# == 0 && fuzz_seconds > 0)); then
    stage "Fuzz" bash scripts/fuzz.sh "$fuzz_seconds" || ((status != 0)) || status=1
fi
# The Debian package, installed on a clean Debian 12 root, used and removed (tests/package/install-check.sh);
# STRATA_PACKAGE_CHECK=0 skips it.
if (($# == 0)) && [[ ${STRATA_PACKAGE_CHECK:-1} != 0 ]]; then
    package_check() {
        local deb
        deb=$(STRATA_SKIP_DEPS=1 bash scripts/package.sh | tail -1) && bash tests/package/install-check.sh "$deb"
    }
    stage "Package and install check" package_check || ((status != 0)) || status=1
fi
log "total $(elapsed_since "$started")"
exit "$status"
