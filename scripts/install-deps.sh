#!/usr/bin/env bash
# Installs the Debian 12 packages Strata needs to build, run and test.
#
# Checks with dpkg-query first: when everything is installed it does nothing (no apt-get update),
# so running it before every build costs a fraction of a second. Uses sudo only when not root.
set -euo pipefail

PACKAGES=(
    # toolchain
    build-essential cmake ninja-build pkg-config clang-format
    # clang and its sanitizer and libFuzzer runtimes, for scripts/fuzz.sh
    clang-14 libclang-rt-14-dev
    # Qt 6 and the libraries the desktop app links
    qt6-base-dev libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 qt6-svg-dev
    libqcustomplot-dev libqcustomplot2.1-qt6 qtkeychain-qt6-dev
    # database clients, parsers and formats
    libsqlite3-dev sqlite3 libpq-dev libssl-dev libpg-query-dev libyaml-cpp-dev libgraphviz-dev
    # pg_query_scan's protobuf-c headers, and dtl (header-only) for the side-by-side diff of changed scripts
    libprotobuf-c-dev libdtl-dev
    # PostgreSQL 15 server for the integration tests
    postgresql postgresql-contrib
    # the manual pages (help2man), the package (debootstrap: a clean Debian 12 root to install it in)
    help2man debootstrap
    # zsh, whose completion of strata-cli tst_cli_help runs
    zsh
    # headless Chromium, in which tst_report opens the strategy report's HTML and takes a screenshot
    chromium
    # virtual X server for GUI tests
    xvfb xauth
    # the real Alembic (and its PostgreSQL driver) that Strata runs for Alembic projects and tests against
    alembic python3-psycopg2
)

missing=()
for pkg in "${PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [[ $status == installed ]] || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
    echo "install-deps: all ${#PACKAGES[@]} required packages are installed"
    exit 0
fi

as_root=()
if ((EUID != 0)); then
    if ! command -v sudo >/dev/null 2>&1; then
        echo "install-deps: these packages are missing: ${missing[*]}" >&2
        echo "install-deps: run this script as root or install sudo" >&2
        exit 1
    fi
    as_root=(sudo)
fi

apt_get=("${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -qq -y -o DPkg::Lock::Timeout=600 -o Dpkg::Use-Pty=0)

echo "install-deps: installing ${#missing[@]} package(s): ${missing[*]}"
"${apt_get[@]}" update
"${apt_get[@]}" install "${missing[@]}"
echo "install-deps: done"
