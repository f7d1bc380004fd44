#!/usr/bin/env bash
# Installs Strata's Debian package on a clean Debian 12 as a user would, uses it, removes it, and checks
# that nothing is left behind.
#
#   tests/package/install-check.sh build/strata_VERSION_ARCH.deb [ROOT_DIR]
#
# The clean system is a minimal Debian 12 (bookworm) made with debootstrap in ROOT_DIR (default: a new
# folder under /tmp, deleted at the end), from the machine's own Debian mirror. apt installs the package
# there with the dependencies dpkg-shlibdeps computed, so a library the package forgets to depend on fails
# here. Inside that root, as a user who never built Strata:
#   strata-cli --version          prints the package's version
#   strata-cli demo + migrate     the demo database created and migrated to its last version
#   strata --screenshot           the desktop app starts offscreen and shows the demo
# and the manual pages and completions are where man and the shells look. Then the package is purged
# and no file it installed is left under /usr, /etc or /opt, and nothing else changed there. (What the
# operator's own use made under their home, settings and backups, stays, as with every Debian package.) Needs root (sudo is used otherwise): debootstrap and chroot do.
set -euo pipefail

deb=$(realpath "$1")
root=${2:-}
sudo=()
((EUID == 0)) || sudo=(sudo)
fail() {
    echo "install check: $*" >&2
    exit 1
}
in_root() {
    "${sudo[@]}" chroot "$root" env -i HOME=/home/operator PATH=/usr/bin:/bin LANG=C.UTF-8 XDG_RUNTIME_DIR=/tmp "$@"
}
apt_in_root() { in_root env DEBIAN_FRONTEND=noninteractive apt-get -qq -y -o Dpkg::Use-Pty=0 -o APT::Sandbox::User=root "$@"; }

started=$SECONDS
if [[ -z $root ]]; then
    root=$(mktemp -d "${TMPDIR:-/tmp}/strata-debian12.XXXXXX")
    # shellcheck disable=SC2064  # the path is fixed now
    trap "${sudo[*]} umount '$root/proc' 2>/dev/null || true; ${sudo[*]} rm -rf '$root'" EXIT
fi
# The machine's own Debian mirror (its apt sources, one-line or deb822), not a commented-out one.
mirror=$(grep -rhE '^[[:space:]]*(deb|URIs:)[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null |
    grep -oE 'https?://[^ ]+/debian/?( |$)' | tr -d ' ' | head -1 || true)
"${sudo[@]}" debootstrap --variant=minbase bookworm "$root" "${mirror:-http://deb.debian.org/debian}" \
    >"$root.debootstrap.log" 2>&1 || {
    tail -20 "$root.debootstrap.log" >&2
    fail "debootstrap could not make a Debian 12 root in $root (nothing was installed)"
}
rm -f "$root.debootstrap.log"
"${sudo[@]}" mount -t proc proc "$root/proc"
echo "install check: a clean Debian 12 root in $root ($((SECONDS - started)) s)"

snapshot() { "${sudo[@]}" chroot "$root" find /usr /etc /opt -xdev \( -type f -o -type l \) | sort; }
"${sudo[@]}" cp "$deb" "$root/tmp/"
apt_in_root update >/dev/null
apt_in_root install "/tmp/$(basename "$deb")" >"$root.apt.log" 2>&1 || {
    cat "$root.apt.log" >&2
    fail "apt could not install $(basename "$deb") on a clean Debian 12"
}
in_root dpkg-query -L strata | sort >"$root.files"
version=$(dpkg-deb -f "$deb" Version)
echo "install check: installed with its dependencies ($((SECONDS - started)) s)"

"${sudo[@]}" mkdir -p "$root/home/operator"
printed=$(in_root strata-cli --version)
[[ $printed == "strata-cli $version" ]] || fail "strata-cli --version printed '$printed', not 'strata-cli $version'"
echo "install check: strata-cli --version: $printed"

set_dir=/usr/share/strata/migrations/risk_state
in_root strata-cli demo risk-state --out /home/operator/risk.db >/dev/null
in_root strata-cli --db sqlite:/home/operator/risk.db --migrations "$set_dir" --yes migrate >"$root.migrate.log" 2>&1 || {
    cat "$root.migrate.log" >&2
    fail "the installed strata-cli could not migrate the demo database"
}
status=$(in_root strata-cli --db sqlite:/home/operator/risk.db --migrations "$set_dir" status)
# The demo set's last version is 2; its one optional step stays off.
grep -q "^Version: *v2$" <<<"$status" || fail "the demo database is not at v2 after the installed migrate: $status"
echo "install check: the demo migrated with /usr/bin/strata-cli"

in_root env QT_QPA_PLATFORM=offscreen timeout 60 strata --db sqlite:/home/operator/risk.db \
    --migrations "$set_dir" --screenshot /home/operator/window.png || fail "the installed app did not start"
[[ -s $root/home/operator/window.png ]] || fail "the installed app started but saved no picture of its window"
echo "install check: /usr/bin/strata started offscreen and showed the database"

for file in /usr/share/man/man1/strata-cli.1.gz /usr/share/man/man1/strata.1.gz \
    /usr/share/bash-completion/completions/strata-cli /usr/share/zsh/vendor-completions/_strata-cli \
    /usr/share/applications/io.github.strata.Strata.desktop /usr/share/metainfo/io.github.strata.Strata.metainfo.xml \
    /usr/share/icons/hicolor/48x48/apps/io.github.strata.Strata.png /usr/share/doc/strata/copyright; do
    grep -qx "$file" "$root.files" || fail "the package has no $file"
done

# With Strata and its dependencies installed, and after Strata alone is purged: the difference must be
# exactly Strata's own files. (Its dependencies are apt's to remove, with autoremove, as for any package.)
snapshot >"$root.before"
# The manual pages are the programs' own, titled as man lists them (nothing a program printed on stderr).
for page in 'strata-cli:STRATA\-CLI' 'strata:STRATA'; do
    zcat "$root/usr/share/man/man1/${page%%:*}.1.gz" | grep -qF ".TH ${page#*:} " ||
        fail "/usr/share/man/man1/${page%%:*}.1.gz is not titled ${page#*:}: $(zcat "$root/usr/share/man/man1/${page%%:*}.1.gz" | grep -m1 '^\.TH')"
done

apt_in_root purge strata >/dev/null
left=()
while IFS= read -r path; do
    "${sudo[@]}" test -f "$root$path" -o -L "$root$path" && left+=("$path")
done <"$root.files"
((${#left[@]} == 0)) || fail "removing the package left ${left[*]}"
snapshot >"$root.after"
new=$(comm -13 "$root.before" "$root.after" || true)
[[ -z $new ]] || fail "removing the package added files: $new"
gone=$(comm -23 "$root.before" "$root.after" || true)
stray=$(comm -23 <(echo "$gone") <(sort "$root.files") | sed '/^$/d' || true)
[[ -z $stray ]] || fail "removing the package removed files that were not its own: $stray"
rm -f "$root.before" "$root.after" "$root.apt.log" "$root.migrate.log"
echo "install check: removed; nothing left behind ($(wc -l <"$root.files") paths installed and removed," \
    "$((SECONDS - started)) s in all)"
rm -f "$root.files"
