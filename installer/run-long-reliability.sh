#!/usr/bin/env bash
# The long reliability set of issue 9 (tests/reliability/README.md) in one command: every fault
# scenario with more files and harder fault rates (TRESTLE_LONG_TESTS=1) and the 30-minute soak,
# headless, against the sandbox. Runs the suites' binaries itself rather than through ctest:
# ctest's per-test TIMEOUT (set for the short CI set, 5-15 min) wins over `ctest --timeout`, and
# Qt Test stops a test function after 5 minutes unless QTEST_FUNCTION_TIMEOUT says otherwise; the
# long scenarios need more of both. Prints every scenario's row (RELIABILITY lines) at the end and
# fails when a suite fails. About an hour on the 2-core machine.
#
# Usage: installer/run-long-reliability.sh [build-dir] [suite…]
#   build-dir  a built tree (default build/default; the test command builds it)
#   suite      tst_reliability_faults … (default: every suite of tests/reliability)
#   TRESTLE_SOAK_SECONDS  the soak's length (default 1800)
set -euo pipefail
cd "$(dirname "$0")/.."

build="${1:-build/default}"
shift || true
suites=("$@")
if [ ${#suites[@]} -eq 0 ]; then
    suites=(tst_reliability_faults tst_reliability_midbody tst_reliability_gaps tst_reliability_clock
        tst_ratelimitmeter_clock tst_reliability_soak)
fi

sandbox="$build/tests/sandbox/trestle-sandbox"
if [ ! -x "$sandbox" ]; then
    echo "run-long-reliability: $sandbox is missing; build $build first (installer/run-tests.sh does)" >&2
    exit 2
fi
for suite in "${suites[@]}"; do
    if [ ! -x "$build/tests/reliability/$suite" ]; then
        echo "run-long-reliability: $build/tests/reliability/$suite is missing" >&2
        exit 2
    fi
done

output="$build/test-output/long-reliability"
rm -rf "$output"
mkdir -p "$output"
export TRESTLE_LONG_TESTS=1
export TRESTLE_SOAK_SECONDS="${TRESTLE_SOAK_SECONDS:-1800}"
export TRESTLE_SANDBOX_BIN="$PWD/$sandbox"
# Two hours a test function: a long scenario under load takes well over Qt Test's default 5 min.
export QTEST_FUNCTION_TIMEOUT=7200000

status=0
for suite in "${suites[@]}"; do
    echo "run-long-reliability: $suite"
    start=$(date +%s)
    if TRESTLE_TEST_OUTPUT="$PWD/$output/$suite" installer/headless.sh "$build/tests/reliability/$suite" \
        >"$output/$suite.log" 2>&1; then
        echo "run-long-reliability: $suite passed in $(($(date +%s) - start)) s"
    else
        status=1
        echo "run-long-reliability: $suite FAILED after $(($(date +%s) - start)) s; the end of $output/$suite.log:"
        grep -E '^(FAIL|QFATAL|   Loc|   Actual|   Expected)' "$output/$suite.log" | tail -20 || true
    fi
done

echo "run-long-reliability: scenario, runs, items, failures, duplicates, lost, note"
cat "$output"/*/reliability.tsv 2>/dev/null || true
exit "$status"
