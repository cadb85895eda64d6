#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz in their own clang tree (build/fuzz: only the parsers
# under test, ~40 files, 165 s cold on the 2-core machine, seconds with a warm ccache; ASan + UBSan +
# coverage) and runs each for <seconds> (default 60), two at a time. Fails when any target finds
# a crash, a leak or a sanitizer report, or does not build. Prints executions per second.
#
# Usage: installer/run-fuzzers.sh [seconds] [target…]
#   FUZZ_BUILD_DIR   build tree (default build/fuzz)
#   FUZZ_JOBS        targets run at once (default 2)
#   FUZZ_KEEP_CORPUS 1: merge what was found back into tests/fuzz/corpus (default: a scratch copy)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
build="${FUZZ_BUILD_DIR:-build/fuzz}"
jobs="${FUZZ_JOBS:-2}"

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DTRESTLE_WERROR=ON -DTRESTLE_BUILD_FUZZERS=ON -DTRESTLE_BUILD_TESTS=OFF \
    -DTRESTLE_BUILD_BENCHMARKS=OFF -DTRESTLE_BUILD_GUI_TESTS=OFF >/dev/null
cmake --build "$build" --target fuzzers -j2

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for src in tests/fuzz/fuzz_*.cpp; do
        targets+=("$(basename "$src" .cpp)")
    done
fi

out="$build/fuzz-runs"
rm -rf "$out"
mkdir -p "$out"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export QT_LOGGING_RULES="*.debug=false;*.warning=false"

run_one() {
    local t="$1" dir="$out/$1"
    mkdir -p "$dir/corpus" "$dir/artifacts"
    local seeds="tests/fuzz/corpus/$t"
    if [ "$t" = fuzz_journal ] && [ ! -s "$seeds/journal.sqlite" ]; then
        mkdir -p "$seeds"
        FUZZ_JOURNAL_WRITE_SEED="$PWD/$seeds/journal.sqlite" "$build/tests/fuzz/$t" >/dev/null
    fi
    local corpora=("$dir/corpus")
    [ -d "$seeds" ] && cp -r "$seeds/." "$dir/corpus/"
    local extra=()
    # The journal target opens SQLite through Qt's plugin each run: Qt's per-process caches make
    # libFuzzer's per-input leak check fire on every input (a fork + stop-the-world each, ~2 exec/s).
    # Leaks of core/db are the sanitize preset's job; here only crashes and UB count.
    [ "$t" = fuzz_journal ] && extra+=(-max_len=65536 -detect_leaks=0)
    local rc=0
    "$build/tests/fuzz/$t" "${corpora[@]}" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$dir/artifacts/" "${extra[@]}" >"$dir/log" 2>&1 || rc=$?
    local runs execs
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -1)
    execs=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/log" | tail -1)
    if [ "$rc" -ne 0 ]; then
        echo "FAIL $t (exit $rc, ${runs:-?} runs): see $dir/log and $dir/artifacts/"
        grep -m3 -E "ERROR: |runtime error|invariant violated|SUMMARY" "$dir/log" || true
        return 1
    fi
    echo "ok   $t: ${runs:-?} runs in ${seconds} s, ${execs:-?} exec/s, corpus $(ls "$dir/corpus" | wc -l) files"
    if [ "${FUZZ_KEEP_CORPUS:-0}" = 1 ]; then
        mkdir -p "$seeds"
        "$build/tests/fuzz/$t" -merge=1 "$seeds" "$dir/corpus" >/dev/null 2>&1 || true
    fi
}

status=0
pids=()
names=()
for t in "${targets[@]}"; do
    run_one "$t" &
    pids+=($!)
    names+=("$t")
    if [ ${#pids[@]} -ge "$jobs" ]; then
        wait "${pids[0]}" || status=1
        pids=("${pids[@]:1}")
        names=("${names[@]:1}")
    fi
done
for p in "${pids[@]}"; do
    wait "$p" || status=1
done
[ "$status" -eq 0 ] && echo "run-fuzzers: every target ran ${seconds} s without a finding"
exit $status
