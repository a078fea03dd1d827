#!/usr/bin/env bash
# Time of `consentlens diff` on two versions of a terms-like document (bench/make_diff_pair.py),
# the whole command as a user runs it (reading the packs included), median of 5 runs; then the
# same at 10 times the size, to show the alignment grows with the text, not its square.
# Usage: bench/diff_bench.sh [SIZE_KB]   (needs build/ from scripts/run.sh or scripts/test.sh)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$ROOT/build/bin/consentlens
WORK=$ROOT/build/bench/diff
SIZE=${1:-100}
median_ms() { # median of 5 wall-clock runs, in milliseconds
  local t=()
  for _ in 1 2 3 4 5; do
    local s=$(date +%s%N)
    "$@" > /dev/null
    t+=($(( ($(date +%s%N) - s) / 1000000 )))
  done
  printf '%s\n' "${t[@]}" | sort -n | sed -n 3p
}
for kb in "$SIZE" $((SIZE * 10)); do
  python3 "$ROOT/bench/make_diff_pair.py" "$WORK/$kb" "$kb"
  old=$(stat -c %s "$WORK/$kb/old.md"); new=$(stat -c %s "$WORK/$kb/new.md")
  changes=$("$BIN" diff --json "$WORK/$kb/old.md" "$WORK/$kb/new.md" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["changes"]), d["noise"])')
  echo "diff of $((old / 1024)) KB and $((new / 1024)) KB: $(median_ms "$BIN" diff "$WORK/$kb/old.md" "$WORK/$kb/new.md") ms (changes, noise: $changes)"
done
