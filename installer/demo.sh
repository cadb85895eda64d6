#!/usr/bin/env bash
# Installs what is missing, builds Trestle and the bundled Procore sandbox, starts the sandbox with
# demo content (an hour of API budget lasts ten minutes, so the meter visibly moves) and opens
# Trestle on it. Closing the window stops the sandbox.
set -euo pipefail
cd "$(dirname "$0")/.."

bash installer/bootstrap-debian.sh

export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
export CCACHE_BASEDIR="$PWD"
export CCACHE_NOHASHDIR=1
cmake --preset default >/dev/null
cmake --build --preset default --target trestle trestle-sandbox

demo_dir="${TRESTLE_DEMO_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/trestle-demo}"
mkdir -p "$demo_dir"

sandbox_out="$demo_dir/sandbox.out"
# Fixed ports, so the connections the demo saves still point at the sandbox next time.
build/default/tests/sandbox/trestle-sandbox --seed demo --time-scale 6 \
    --port "${TRESTLE_DEMO_PORT:-47810}" --storage-port "${TRESTLE_DEMO_STORAGE_PORT:-47811}" \
    --data-dir "$demo_dir/sandbox" >"$sandbox_out" 2>"$demo_dir/sandbox.log" &
sandbox_pid=$!
trap 'kill "$sandbox_pid" 2>/dev/null || true; wait "$sandbox_pid" 2>/dev/null || true' EXIT

# The sandbox prints its base URL on the first line of stdout.
for _ in $(seq 1 100); do
    [ -s "$sandbox_out" ] && break
    sleep 0.1
done
base_url=$(head -n 1 "$sandbox_out")
if [ -z "$base_url" ]; then
    echo "demo: the sandbox did not start; see $demo_dir/sandbox.log" >&2
    exit 1
fi
echo "demo: sandbox at $base_url"
sed -n '2,$p' "$sandbox_out"

if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "demo: no display found. Run this from a desktop session (or: installer/headless.sh installer/demo.sh)." >&2
    exit 1
fi
build/default/app/trestle --demo "$base_url" "$@"
