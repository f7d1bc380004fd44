#!/usr/bin/env bash
# Builds Strata and opens it on the bundled demo database.
#
#   ./scripts/run.sh
#
# Installs the packages it needs (scripts/install-deps.sh), configures and builds build/, and creates the
# demo database in ${XDG_DATA_HOME:-~/.local/share}/strata/demo/state.db the first time. Opens the
# desktop app when it is built and a display is available; otherwise shows the demo's status with
# strata-cli. STRATA_JOBS sets the parallel build jobs (default 2).
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$STRATA_ROOT"

if (($# > 0)); then
    echo "usage: $0   (no arguments; use build/bin/strata-cli directly for other commands)" >&2
    exit 2
fi

CLI=$BUILD_DIR/bin/strata-cli
APP=$BUILD_DIR/bin/strata
MIGRATIONS=migrations/risk_state
DEMO=${XDG_DATA_HOME:-${HOME:?HOME is not set}/.local/share}/strata/demo/state.db

stage "Install dependencies" bash scripts/install-deps.sh
stage "Configure" configure_build
# The app and strata-cli only: the tests are for ./scripts/test.sh, and building them too would double the
# wait before the first window.
stage "Build" cmake --build "$BUILD_DIR" -j"$JOBS" --target strata strata-cli

if [[ ! -f $DEMO ]]; then
    mkdir -p "$(dirname "$DEMO")"
    if ! stage "Create the demo database" "$CLI" demo risk-state --out "$DEMO"; then
        rm -f "$DEMO"
        exit 1
    fi
fi

if [[ -x $APP ]]; then
    if [[ -n ${DISPLAY:-} || -n ${WAYLAND_DISPLAY:-} ]]; then
        log "Opening Strata on $DEMO"
        exec "$APP" --demo
    fi
    echo "No display (DISPLAY and WAYLAND_DISPLAY are not set), so the desktop app cannot open."
    echo "Showing the demo database's status with strata-cli instead."
fi
log "strata-cli status of $DEMO"
exec "$CLI" --db "sqlite:$DEMO" --migrations "$MIGRATIONS" status
