#!/usr/bin/env bash
# Runs a command the way CI and a headless developer need it: inside a private D-Bus session with
# an unlocked gnome-keyring (so QtKeychain has a real Secret Service) and on an Xvfb display (so
# widget and WebEngine tests have a screen). Usage: installer/headless.sh <command> [args…]
set -euo pipefail

if [ -z "${TRESTLE_HEADLESS_INNER:-}" ]; then
    export TRESTLE_HEADLESS_INNER=1
    exec dbus-run-session -- "$0" "$@"
fi

# Inside the private session bus: a throw-away keyring, unlocked with a throw-away password.
export XDG_DATA_HOME="$(mktemp -d /tmp/trestle-keyring.XXXXXX)"
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
eval "$(echo -n trestle-test-keyring | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true

# WebEngine as root under Xvfb (verified on Debian 12): no Chromium sandbox, no GPU, no
# background networking (the machine has no internet).
export QTWEBENGINE_DISABLE_SANDBOX=1
export QTWEBENGINE_CHROMIUM_FLAGS="--disable-gpu --disable-background-networking"
export QT_QPA_PLATFORM=xcb

# Not `exec`: the shell must outlive the command for the EXIT trap to remove the keyring folder
# (with exec, every run left one in /tmp).
status=0
xvfb-run -a -s "-screen 0 1920x1200x24" "$@" || status=$?
exit "$status"
