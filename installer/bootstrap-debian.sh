#!/usr/bin/env bash
# Installs every Debian 12 package that building, testing and demoing Trestle needs.
# Idempotent: apt-get skips what is already installed, so running it twice is cheap.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build ccache clang-format git pkg-config curl
    # Qt 6.4 and friends
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-webengine-dev qt6-networkauth-dev qt6-httpserver-dev qt6-websockets-dev
    qtkeychain-qt6-dev libqt6sql6-sqlite libqt6svg6 qt6-svg-dev libgl-dev libvulkan-dev libxkbcommon-dev libssl-dev
    # headless GUI tests, a private D-Bus session and a keychain
    xvfb xauth dbus-x11 gnome-keyring libsecret-tools
    # fonts so screenshots show real text
    fonts-dejavu-core
    # packaging: the .deb (dpkg-shlibdeps), its checks, and rendering the icons from the SVG
    dpkg-dev file appstream desktop-file-utils librsvg2-bin
    # fuzzing (installer/run-fuzzers.sh): clang with libFuzzer, ASan and UBSan runtimes
    clang libclang-rt-14-dev
    # security tests: openssl makes the throw-away certificate of the TLS proxy
    openssl
    # translations: the catalogue check (tests/i18n) is a Python script; Qt's own dialogs and
    # buttons in German and Spanish; xwininfo for the demo check
    python3 qt6-translations-l10n x11-utils
)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd=(sudo)
fi

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "bootstrap: all ${#packages[@]} packages already installed"
    exit 0
fi

echo "bootstrap: installing ${#missing[@]} packages: ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
