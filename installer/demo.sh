#!/usr/bin/env bash
# Installs what is missing, builds Trestle and the bundled Procore sandbox, starts the sandbox with
# demo content (an hour of API budget lasts ten minutes, so the meter visibly moves), creates a
# folder of construction files as a local "Demo share" and opens Trestle on both. Closing the
# window stops the sandbox.
#
# Environment (all optional):
#   TRESTLE_DEMO_DIR        where the demo keeps the sandbox's data and the share
#                           (default ~/.local/share/trestle-demo)
#   TRESTLE_DEMO_PORT, TRESTLE_DEMO_STORAGE_PORT   the sandbox's ports (default 47810, 47811;
#                           0 = any free port)
#   TRESTLE_DEMO_BUILD_DIR  a build directory to take trestle and trestle-sandbox from
#                           (default build/default)
#   TRESTLE_DEMO_SKIP_BUILD=1  no bootstrap and no build: use what is in the build directory
#                           (installer/check-demo.sh after the test build)
# Extra arguments go to trestle.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir="${TRESTLE_DEMO_BUILD_DIR:-build/default}"
if [ "${TRESTLE_DEMO_SKIP_BUILD:-0}" != 1 ]; then
    bash installer/bootstrap-debian.sh

    export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
    export CCACHE_BASEDIR="$PWD"
    export CCACHE_NOHASHDIR=1
    cmake --preset default >/dev/null
    cmake --build --preset default --target trestle trestle-sandbox
fi
trestle_bin="$build_dir/app/trestle"
sandbox_bin="$build_dir/tests/sandbox/trestle-sandbox"
for bin in "$trestle_bin" "$sandbox_bin"; do
    if [ ! -x "$bin" ]; then
        echo "demo: $bin is missing; build the trestle and trestle-sandbox targets first" >&2
        exit 1
    fi
done

demo_dir="${TRESTLE_DEMO_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/trestle-demo}"
mkdir -p "$demo_dir"

# The share is made once: files the user dragged into it or renamed stay as they are next time.
share_dir="$demo_dir/Demo share"
if [ ! -d "$share_dir" ]; then
    bash installer/make-demo-share.sh "$share_dir"
fi

sandbox_out="$demo_dir/sandbox.out"
: >"$sandbox_out"
# Fixed ports, so the connections the demo saves still point at the sandbox next time.
"$sandbox_bin" --seed demo --time-scale 6 \
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
echo "demo: share at $share_dir"

if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "demo: no display found. Run this from a desktop session (or: installer/headless.sh installer/demo.sh)." >&2
    exit 1
fi
share_args=()
# `--demo-share <dir>` adds the folder as the "Demo share" connection (once); older builds lack it.
if "$trestle_bin" --help 2>/dev/null | grep -q -- '--demo-share'; then
    share_args=(--demo-share "$share_dir")
fi
"$trestle_bin" --demo "$base_url" "${share_args[@]}" "$@"
