#!/usr/bin/env bash
# CI check of the demo (issue 8): runs installer/demo.sh exactly as a user would, minus the
# bootstrap and build the test command already did, on a private Xvfb display with a throw-away
# home, and fails unless the main window "Trestle — demo sandbox" appears within the time limit.
# A picture of the whole screen goes to the output folder (demo-window.png), with the demo's log.
# Then it closes Trestle the way a user does (the process ends) and checks that the demo script
# stops the sandbox and exits.
# Usage: installer/check-demo.sh [build-dir] [output-dir]
#        (defaults: build/default and <build-dir>/test-output/check-demo)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="$(realpath "${1:-build/default}")"
out_dir="${2:-$build_dir/test-output/check-demo}"

# A private D-Bus session, keyring and X display (installer/headless.sh re-runs this script there).
if [ -z "${TRESTLE_HEADLESS_INNER:-}" ]; then
    exec installer/headless.sh "$0" "$build_dir" "$out_dir"
fi

timeout_s="${TRESTLE_CHECK_DEMO_TIMEOUT:-90}"
grab="$build_dir/tests/i18n/trestle-screengrab"
[ -x "$grab" ] || { echo "check-demo: $grab is missing (build the trestle-screengrab target)" >&2; exit 1; }
mkdir -p "$out_dir"
work="$(mktemp -d /tmp/trestle-check-demo.XXXXXX)"
demo_pid=""
cleanup() {
    if [ -n "$demo_pid" ] && kill -0 "$demo_pid" 2>/dev/null; then
        for child in $(pgrep -P "$demo_pid" || true); do kill "$child" 2>/dev/null || true; done
        wait "$demo_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# Nothing of the user's: settings, data and cache live in the throw-away folder.
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data"
TRESTLE_DEMO_SKIP_BUILD=1 TRESTLE_DEMO_BUILD_DIR="$build_dir" TRESTLE_DEMO_DIR="$work/demo" \
    TRESTLE_DEMO_PORT=0 TRESTLE_DEMO_STORAGE_PORT=0 \
    installer/demo.sh >"$out_dir/demo.log" 2>&1 &
demo_pid=$!

start=$(date +%s)
window=""
while [ $(( $(date +%s) - start )) -lt "$timeout_s" ]; do
    if ! kill -0 "$demo_pid" 2>/dev/null; then
        echo "check-demo: installer/demo.sh ended before the window appeared:" >&2
        cat "$out_dir/demo.log" >&2
        exit 1
    fi
    window="$(xwininfo -root -tree 2>/dev/null | grep -E '"Trestle.*demo sandbox"' | head -n 1 || true)"
    [ -n "$window" ] && break
    sleep 1
done
if [ -z "$window" ]; then
    echo "check-demo: no Trestle demo window after ${timeout_s} s" >&2
    "$grab" "$out_dir/demo-window.png" >&2 || true
    cat "$out_dir/demo.log" >&2
    exit 1
fi
echo "check-demo: window after $(( $(date +%s) - start )) s:$window"
sleep 3 # let the connections list and the panes paint
"$grab" "$out_dir/demo-window.png"
grep -q '^demo: sandbox at http://127.0.0.1:' "$out_dir/demo.log" \
    || { echo "check-demo: the demo log names no sandbox" >&2; exit 1; }
grep -q '^demo: share at ' "$out_dir/demo.log" \
    || { echo "check-demo: the demo made no share" >&2; exit 1; }
[ -f "$work/demo/Demo share/RFIs/RFI-014 Slab edge detail.pdf" ] \
    || { echo "check-demo: the demo share lacks its files" >&2; exit 1; }

# Close Trestle (its process ends); demo.sh must then stop the sandbox and exit by itself.
trestle_pid="$(pgrep -P "$demo_pid" -f 'app/trestle' | head -n 1 || true)"
[ -n "$trestle_pid" ] || { echo "check-demo: Trestle's process not found" >&2; exit 1; }
kill "$trestle_pid"
for _ in $(seq 1 100); do
    kill -0 "$demo_pid" 2>/dev/null || break
    sleep 0.1
done
if kill -0 "$demo_pid" 2>/dev/null; then
    echo "check-demo: demo.sh did not end after Trestle closed" >&2
    exit 1
fi
wait "$demo_pid" 2>/dev/null || true
demo_pid=""
echo "check-demo: passed; screenshot in $out_dir/demo-window.png"
