#!/usr/bin/env bash
# Builds Strata's Debian package: build/strata_VERSION_ARCH.deb.
#
#   ./scripts/package.sh
#
# Installs the packages the build needs (scripts/install-deps.sh), builds the desktop app, strata-cli and
# the icons in build/ (Release), and packs them with CPack, the dependencies computed from the binaries by
# dpkg-shlibdeps. Prints the package's path on its last line.
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$STRATA_ROOT"

[[ ${STRATA_SKIP_DEPS:-} == 1 ]] || stage "Install dependencies" bash scripts/install-deps.sh
stage "Configure" configure_build
stage "Build" cmake --build "$BUILD_DIR" -j"$JOBS" --target strata strata-cli strata_package_files
rm -f "$BUILD_DIR"/strata_*.deb
stage "Package" cpack --config "$BUILD_DIR/CPackConfig.cmake" -B "$BUILD_DIR" >/dev/null
deb=$(ls "$BUILD_DIR"/strata_*.deb)
log "$(du -h "$deb" | cut -f1) $deb"
echo "$deb"
