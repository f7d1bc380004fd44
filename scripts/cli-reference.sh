#!/usr/bin/env bash
# Writes the user guide's CLI reference, docs/guide/cli-reference.md, from strata-cli's own command help, so
# that the page says what the binary does:
#
#   ./scripts/cli-reference.sh
#
# Builds strata-cli in build/ first when it is missing or older than its sources (cmake --build knows;
# STRATA_SKIP_BUILD=1 takes build/bin/strata-cli as it is). Run it
# after changing a command's help (src/cli/CommandHelpEntries.cpp) and commit the page with the change:
# tests/cli/tst_cli_help fails while the committed page differs from what the binary prints.
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$STRATA_ROOT"

if [[ ${STRATA_SKIP_BUILD:-} != 1 ]]; then
    [[ -f $BUILD_DIR/CMakeCache.txt ]] || configure_build
    cmake --build "$BUILD_DIR" -j"$JOBS" --target strata-cli >/dev/null
fi
page=docs/guide/cli-reference.md
"$BUILD_DIR/bin/strata-cli" help --markdown >"$page.new"
mv "$page.new" "$page"
log "wrote $page ($(wc -l <"$page") lines)"
