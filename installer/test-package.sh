#!/usr/bin/env bash
# Builds the Trestle .deb from a configured build directory, checks its contents, installs it with
# apt (so its declared dependencies are resolved), runs the installed program, validates the
# installed desktop entry and AppStream metadata, starts the GUI once, and removes the package.
# Exit code is non-zero on any failure.
#
# Usage: installer/test-package.sh <build-dir>        e.g. installer/test-package.sh build/default
# Needs root (or sudo) for apt-get; the packages of installer/bootstrap-debian.sh.
# TRESTLE_PACKAGE_SKIP_GUI=1 skips the GUI start (which needs installer/headless.sh's tools).
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 <configured-build-dir>" >&2
    exit 2
fi
here="$(cd "$(dirname "$0")" && pwd)"
build="$(cd "$1" && pwd)"
if [ ! -f "$build/CMakeCache.txt" ]; then
    echo "test-package: $build is not a configured build directory (no CMakeCache.txt)" >&2
    exit 2
fi
for tool in cpack dpkg-shlibdeps appstreamcli desktop-file-validate file; do
    if ! command -v "$tool" >/dev/null; then
        echo "test-package: '$tool' is missing; run installer/bootstrap-debian.sh" >&2
        exit 2
    fi
done

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd=(sudo)
fi
apt_get() {
    # Other jobs on a shared machine may hold the dpkg lock for a while: wait for it.
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get -q -y -o DPkg::Lock::Timeout=300 "$@"
}

start=$(date +%s)
work="$(mktemp -d /tmp/trestle-package.XXXXXX)"
installed=0
cleanup() {
    if [ "$installed" -eq 1 ]; then
        apt_get remove trestle >/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "test-package: FAIL: $*" >&2
    exit 1
}
step() { echo "== $*"; }

step "build the trestle target"
# Only what the package holds: a build directory with tests configured would otherwise build
# every suite and benchmark first. This also re-runs CMake if the build files are out of date.
cmake --build "$build" --target trestle
[ -f "$build/CPackConfig.cmake" ] || fail "no CPackConfig.cmake in $build: is installer/packaging.cmake included?"
version="$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")"
[ -n "$version" ] || fail "no CPACK_PACKAGE_VERSION in $build/CPackConfig.cmake"

step "cpack -G DEB"
out="$build/package"
rm -f "$out"/trestle_*.deb "$out"/trestle_*.deb.sha256
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out" >"$work/cpack.log" 2>&1 || {
    cat "$work/cpack.log" >&2
    fail "cpack failed"
}
debs=("$out"/trestle_"$version"_*.deb)
[ -f "${debs[0]}" ] || fail "cpack wrote no trestle_${version}_*.deb into $out"
deb="${debs[0]}"
echo "$deb ($(du -h "$deb" | cut -f1))"

step "package metadata"
dpkg-deb --field "$deb" Package Version Architecture Section Maintainer Depends | tee "$work/fields"
[ "$(dpkg-deb --field "$deb" Package)" = trestle ] || fail "package name is not 'trestle'"
[ "$(dpkg-deb --field "$deb" Section)" = utils ] || fail "section is not 'utils'"
depends="$(dpkg-deb --field "$deb" Depends)"
# dpkg-shlibdeps must have declared the linked libraries, and packaging.cmake the plugins.
for dep in libqt6core6 libqt6widgets6 libqt6webenginewidgets6 libqt6keychain1 libqt6sql6-sqlite \
    libqt6svg6 libqt6webenginecore6-bin; do
    grep -qE "(^|, )$dep( |,|$)" <<<"$depends" || fail "Depends lacks $dep: $depends"
done

step "package contents (dpkg -c)"
appid=io.github.trestle.Trestle
dpkg-deb --contents "$deb" | awk '{print $6}' | sed 's|/$||' | sort >"$work/contents"
expected=(
    ./usr/bin/trestle
    "./usr/share/applications/$appid.desktop"
    "./usr/share/metainfo/$appid.metainfo.xml"
    "./usr/share/icons/hicolor/scalable/apps/$appid.svg"
)
for size in 16 22 24 32 48 64 128 256; do
    expected+=("./usr/share/icons/hicolor/${size}x${size}/apps/$appid.png")
done
for f in "${expected[@]}"; do
    grep -qxF "$f" "$work/contents" || fail "package lacks $f"
done
# Nothing else but the directories leading to these files: no sandbox, tests or stray files.
printf '%s\n' "${expected[@]}" | sort >"$work/expected"
unexpected="$(grep -vxF -f "$work/expected" "$work/contents" | while read -r entry; do
    grep -q "^$entry/" "$work/expected" || echo "$entry"
done)"
[ -z "$unexpected" ] || fail "unexpected files in the package: $unexpected"
echo "${#expected[@]} files, as expected"

step "validate the packaged tree (appstreamcli validate-tree)"
dpkg-deb --extract "$deb" "$work/root"
appstreamcli validate-tree --no-net "$work/root" || fail "appstreamcli validate-tree"
for size in 16 22 24 32 48 64 128 256; do
    png="$work/root/usr/share/icons/hicolor/${size}x${size}/apps/$appid.png"
    file "$png" | grep -q "PNG image data, $size x $size," || fail "$png is not a ${size}x$size PNG"
done
if file "$work/root/usr/bin/trestle" | grep -q "not stripped"; then
    fail "the packaged binary is not stripped"
fi

step "apt-get install"
apt_get install --no-install-recommends "$deb" >"$work/apt.log" 2>&1 || {
    cat "$work/apt.log" >&2
    fail "apt-get install"
}
installed=1
[ "$(command -v trestle)" = /usr/bin/trestle ] || fail "trestle is not /usr/bin/trestle on PATH"

step "trestle --version / --help (no display)"
# A throw-away home, so nothing of the caller's (or the caller's settings) is touched.
headless_env=(env -u DISPLAY -u WAYLAND_DISPLAY HOME="$work/home" XDG_CONFIG_HOME="$work/home/config"
    XDG_DATA_HOME="$work/home/data" XDG_CACHE_HOME="$work/home/cache")
mkdir -p "$work/home"
ver_out="$("${headless_env[@]}" trestle --version)" || fail "trestle --version exited with $?"
echo "$ver_out"
grep -qxF "Trestle $version" <<<"$ver_out" || fail "trestle --version printed '$ver_out', not 'Trestle $version'"
help_out="$("${headless_env[@]}" trestle --help)" || fail "trestle --help exited with $?"
grep -q "^Usage: " <<<"$help_out" || fail "trestle --help printed no usage"
grep -q -- "--version" <<<"$help_out" || fail "trestle --help does not list --version"

step "validate the installed desktop entry and AppStream metadata"
desktop-file-validate /usr/share/applications/$appid.desktop || fail "desktop-file-validate"
appstreamcli validate --no-net /usr/share/metainfo/$appid.metainfo.xml || fail "appstreamcli validate"

if [ "${TRESTLE_PACKAGE_SKIP_GUI:-0}" != 1 ]; then
    step "start the installed GUI (headless X and keyring), expect it still running after 10 s"
    # `timeout` answers 124 when it had to stop the program: the window came up and stayed up.
    # Any other code means it exited or crashed by itself.
    gui_status=0
    HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" XDG_CACHE_HOME="$work/home/cache" \
        "$here/headless.sh" timeout 10 /usr/bin/trestle >"$work/gui.log" 2>&1 || gui_status=$?
    if [ "$gui_status" -ne 124 ]; then
        cat "$work/gui.log" >&2
        fail "the installed trestle exited with $gui_status within 10 s of starting"
    fi
    echo "running after 10 s"
    # Shown, not judged: Qt warnings of the first seconds are worth a look in the CI log.
    grep -iE "warning|critical|fatal" "$work/gui.log" | sort | uniq -c | sed 's/^/  gui log: /' || true
fi

step "apt-get remove"
apt_get remove trestle >"$work/apt.log" 2>&1 || {
    cat "$work/apt.log" >&2
    fail "apt-get remove"
}
installed=0
[ ! -e /usr/bin/trestle ] || fail "/usr/bin/trestle is still there after removal"
[ ! -e /usr/share/applications/$appid.desktop ] || fail "the desktop entry is still there after removal"

echo "test-package: OK ($deb) in $(($(date +%s) - start)) s"
