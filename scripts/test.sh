#!/usr/bin/env bash
# Every test suite: the agreement tests (ctest) in a release build, every unit test in an
# ASan/UBSan clang build that also makes the fuzzers (README "Development"), the rules lint (a build step: cli/CMakeLists.txt), the labelled corpus
# scores (ctest's corpus.* tests, run once, verbosely, so their per-source scores show), the wasm
# engine's parity with the native checker, the extension's end-to-end tests in Chromium and
# Firefox, and a bounded libFuzzer run of the analyser and of the native host.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
FUZZ_SECONDS=${FUZZ_SECONDS:-60}

ensure_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}" "${WASM_PACKAGES[@]}" "${EXTENSION_PACKAGES[@]}"
ensure_npm_modules

log "build, agreement, host and diff tests (build/)"
cmake_build build -DCMAKE_BUILD_TYPE=Release -DCONSENTLENS_TESTS=ON -DCONSENTLENS_UNIT_TESTS=OFF
(cd "$ROOT/build" && ctest --output-on-failure -j "$JOBS" -E '^corpus\.')

log "corpus scores: each source on its own and leave-one-source-out (ctest corpus.own, corpus.shared)"
(cd "$ROOT/build" && ctest --output-on-failure -V -R '^corpus\.' | sed -n 's/^[0-9]*: //p')

build_wasm
log "wasm engine: parity with the native checker over every corpus example (node --test tests/wasm/)"
(cd "$ROOT" && node --test tests/wasm/)

log "extension: end-to-end tests in Chromium and Firefox, Firefox lint (scripts/test-e2e.sh)"
"$ROOT/scripts/test-e2e.sh"

# One clang build serves both: the unit tests and the fuzz targets under AddressSanitizer and
# UndefinedBehaviorSanitizer (any report fails: -fno-sanitize-recover), optimised so both run fast.
# Every unit test runs here, once; the agreement tests take every fifth item here and every item in build/
# (tests/support/test_pack.h): the same code paths, in a run that stays under CI's time.
log "unit tests under AddressSanitizer and UndefinedBehaviorSanitizer (build-sanitize/, clang-14)"
# Line tables are all a sanitizer's report needs for file:line; full debug info only costs build time.
CC=clang-14 CXX=clang++-14 cmake_build build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -gline-tables-only -DNDEBUG" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O2 -gline-tables-only -DNDEBUG" \
  -DCONSENTLENS_SANITIZE=ON -DCONSENTLENS_FUZZ=ON -DCONSENTLENS_TESTS=ON
(cd "$ROOT/build-sanitize" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j "$JOBS" -E '^corpus\.')

log "libFuzzer on the analyser and on the native host's framing and requests, ${FUZZ_SECONDS}s each, side by side (build-sanitize/)"
# libFuzzer runs on one core: the two targets run at once, each for its full time.
pids=()
for target in analyze host; do
  seeds="$ROOT/fuzz/corpus"
  [ "$target" = host ] && seeds="$ROOT/fuzz/corpus-host"
  mkdir -p "$ROOT/build-sanitize/corpus-$target"
  "$ROOT/build-sanitize/bin/fuzz_$target" -max_total_time="$FUZZ_SECONDS" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 "$ROOT/build-sanitize/corpus-$target" "$seeds" > "$ROOT/build-sanitize/fuzz-$target.log" 2>&1 &
  pids+=($!)
done
fuzz_failed=0
for i in 0 1; do
  target=$([ "$i" = 0 ] && echo analyze || echo host)
  # libFuzzer exits non-zero on a crash: its whole log is shown then, else its last lines.
  if wait "${pids[$i]}"; then
    echo "fuzz_$target:"; tail -n 4 "$ROOT/build-sanitize/fuzz-$target.log"
  else
    echo "fuzz_$target FAILED:"; cat "$ROOT/build-sanitize/fuzz-$target.log"; fuzz_failed=1
  fi
done
[ "$fuzz_failed" = 0 ]

log "all test suites passed"
