#!/usr/bin/env bash
# package_deb: builds the .deb with CPack in the build tree, unpacks it with dpkg-deb -x into a
# temporary root and checks, from there, what a user would meet: both programs start and print
# the version, Depends names the Qt 6 libraries, lintian has no errors, the desktop file, the
# AppStream metainfo and the man pages are valid, and the man pages list every option.
# Usage: package-test.sh BUILD_DIR SOURCE_DIR VERSION
set -uo pipefail
build=$1 source=$2 version=$3
app_id=io.github.mqttinspector.MqttInspector
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "PASS: $*"; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A package directory of our own: `make package`'s .deb in the build tree is left alone.
if ! (cd "$build" && cpack -G DEB -B "$tmp/out") >"$tmp/cpack.log" 2>&1; then
    cat "$tmp/cpack.log"
    echo "FAIL: cpack"
    exit 1
fi
debs=("$tmp"/out/*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || { echo "FAIL: cpack made ${#debs[@]} .deb files"; exit 1; }
deb=${debs[0]}
echo "package: $(basename "$deb")"

info=$(dpkg-deb -I "$deb")
echo "$info" | grep -E '^ [A-Z][A-Za-z-]*: '
field() { echo "$info" | sed -n "s/^ $1: //p"; }
[ "$(field Package)" = mqtt-inspector ] && pass "Package" || fail "Package: $(field Package)"
[ "$(field Version)" = "$version-1" ] && pass "Version $version-1" || fail "Version: $(field Version)"
[ "$(field Section)" = net ] && pass "Section" || fail "Section: $(field Section)"
[ -n "$(field Maintainer)" ] && pass "Maintainer" || fail "no Maintainer"
depends=$(field Depends)
# QScintilla's package carries its soname (libqscintilla2-qt6-15).
for lib in libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6charts6 \
           'libqscintilla2-qt6-[0-9]+' libqt6keychain1 libssl3 libc6 'libstdc\+\+6'; do
    echo "$depends" | grep -Eq "(^|, )$lib( |,|$)" && pass "Depends has $lib" || fail "Depends lacks $lib: $depends"
done

root=$tmp/root
dpkg-deb -x "$deb" "$root" || { echo "FAIL: dpkg-deb -x"; exit 1; }
for f in usr/bin/mqtt-inspector usr/bin/mqtt-inspector-cli \
         usr/share/applications/mqtt-inspector.desktop \
         usr/share/metainfo/$app_id.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/mqtt-inspector.svg \
         usr/share/man/man1/mqtt-inspector.1.gz usr/share/man/man1/mqtt-inspector-cli.1.gz \
         usr/share/doc/mqtt-inspector/copyright usr/share/doc/mqtt-inspector/changelog.Debian.gz; do
    [ -f "$root/$f" ] && pass "/$f" || fail "missing /$f"
done

out=$("$root/usr/bin/mqtt-inspector-cli" --version 2>&1)
[ "$out" = "mqtt-inspector-cli $version" ] && pass "cli --version: $out" || fail "cli --version: $out"
# stdout only: Qt may warn on stderr (no XDG_RUNTIME_DIR under ctest).
out=$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/mqtt-inspector" --version 2>/dev/null)
[ "$out" = "mqtt-inspector $version" ] && pass "gui --version: $out" || fail "gui --version: $out"

# Errors fail the test; warnings are printed. Left on purpose:
#   W: initial-upload-closes-no-bugs: the archive's rule that a first upload closes an ITP bug;
#      we are not in Debian's archive, so there is no ITP bug to close.
#   I: hardening-no-fortify-functions (with -I): needs -D_FORTIFY_SOURCE on every compile,
#      a change to all trees' flags that is still to be made.
lintian_out=$(lintian --tag-display-limit 0 "$deb" 2>&1 | grep -v '^running with root privileges')
echo "lintian:"; echo "${lintian_out:-  (nothing)}"
if echo "$lintian_out" | grep -q '^E: '; then fail "lintian errors"; else pass "lintian: no errors"; fi

if out=$(desktop-file-validate "$root/usr/share/applications/mqtt-inspector.desktop" 2>&1) && [ -z "$out" ]; then
    pass "desktop-file-validate"
else
    fail "desktop-file-validate: $out"
fi
out=$(appstreamcli validate --no-net --explain "$root/usr/share/metainfo/$app_id.metainfo.xml" 2>&1)
status=$?
echo "$out"
if [ $status -eq 0 ] && ! echo "$out" | grep -Eq '^(E|W): '; then
    pass "appstreamcli validate"
else
    fail "appstreamcli validate"
fi

for page in mqtt-inspector mqtt-inspector-cli; do
    gz=$root/usr/share/man/man1/$page.1.gz
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$gz" 2>&1 >/dev/null)
    [ -z "$warnings" ] && pass "man $page: no warnings" || fail "man $page: $warnings"
    lexgrog "$gz" >/dev/null 2>&1 && pass "lexgrog $page" || fail "lexgrog $page: $(lexgrog "$gz" 2>&1)"
done

# Every long option that --help lists must be in the man page (as roff's \-\-name).
check_options() {
    local program=$1 page=$2 help=$3
    local text missing=()
    text=$(zcat "$root/usr/share/man/man1/$page.1.gz")
    for opt in $(echo "$help" | grep -Eo -- '--[a-z][a-z-]*' | sort -u); do
        local roff=${opt//-/\\-}
        grep -qF -- "$roff" <<<"$text" || missing+=("$opt")
    done
    [ ${#missing[@]} -eq 0 ] && pass "$page.1 lists every option of $program --help" \
        || fail "$page.1 lacks ${missing[*]}"
}
check_options mqtt-inspector-cli mqtt-inspector-cli "$("$root/usr/bin/mqtt-inspector-cli" --help)"
check_options mqtt-inspector mqtt-inspector \
    "$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/mqtt-inspector" --help 2>/dev/null)"

if [ $failures -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all checks passed"
