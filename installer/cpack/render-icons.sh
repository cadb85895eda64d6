#!/usr/bin/env bash
# Renders the committed platform icons from the one source, resources/icons/trestle.svg:
#   resources/icons/hicolor/<N>x<N>/apps/io.github.trestle.Trestle.png  (Linux, hicolor theme)
#   resources/icons/trestle.ico   (Windows: NSIS installer and uninstaller, the .exe)
#   resources/icons/trestle.icns  (macOS: the bundle icon)
# The renders are committed so that no build (and no Windows or macOS machine) needs an SVG
# renderer. Run this again after changing the SVG and commit the results.
# Needs: librsvg2-bin (rsvg-convert), icoutils (icotool), icnsutils (png2icns).
set -euo pipefail
cd "$(dirname "$0")/../.."

svg=resources/icons/trestle.svg
appid=io.github.trestle.Trestle
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

for size in 16 22 24 32 48 64 128 256; do
    dir="resources/icons/hicolor/${size}x${size}/apps"
    mkdir -p "$dir"
    rsvg-convert --width "$size" --height "$size" --format png --output "$dir/$appid.png" "$svg"
done
# 512 only feeds the .icns (Retina Finder icons); it is not committed on its own.
rsvg-convert --width 512 --height 512 --format png --output "$tmp/512.png" "$svg"

png() { echo "resources/icons/hicolor/$1x$1/apps/$appid.png"; }

# Windows keeps the 256 px entry as embedded PNG (-r), the small ones as bitmaps.
icotool --create --output resources/icons/trestle.ico \
    "$(png 16)" "$(png 24)" "$(png 32)" "$(png 48)" "$(png 64)" --raw="$(png 256)"
png2icns resources/icons/trestle.icns \
    "$(png 16)" "$(png 32)" "$(png 48)" "$(png 128)" "$(png 256)" "$tmp/512.png" >/dev/null

echo "render-icons: wrote $(find resources/icons/hicolor -name '*.png' | wc -l) PNGs, trestle.ico, trestle.icns"
