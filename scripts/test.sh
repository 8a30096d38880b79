#!/usr/bin/env bash
# Runs every test: the native core with Catch2 (plain, then under AddressSanitizer
# and UndefinedBehaviorSanitizer), then the WebAssembly build with Node's test
# runner (JS API, CommonMark conformance, package install) and real Chromium.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source scripts/env.sh

step() { printf '\n==== %s\n' "$*"; }

step "native build + Catch2 (ctest)"
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build/native -j"$JOBS"
ctest --test-dir build/native --output-on-failure -j"$JOBS"

step "AddressSanitizer + UndefinedBehaviorSanitizer build + Catch2 (ctest)"
cmake -S . -B build/sanitize -DCMAKE_BUILD_TYPE=Debug -DBR_SANITIZE=ON >/dev/null
cmake --build build/sanitize -j"$JOBS"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build/sanitize --output-on-failure -j"$JOBS" -E "linear time"  # timing-only cases: too slow under ASan, run above

step "libFuzzer (clang, ASan + UBSan): render and comment targets, fixed seed and run count"
bash tests/fuzz/run.sh

step "WebAssembly build"
bash scripts/build.sh

step "Node tests against the built package (node --test)"
node --test --test-reporter=spec tests/js/

step "browser tests in Chromium (node --test)"
node --test --test-reporter=spec --test-concurrency=1 tests/browser/
