#!/usr/bin/env bash
# Throughput of `consentlens check` with the full pack on plain prose without notices and on
# terms-like text, next to ripgrep and GNU grep given every pattern of the pack (vocabulary
# classes expanded) on the same text. Writes its figures to standard output (docs/benchmarks.md
# keeps them). ripgrep comes from Debian's package (apt-get install ripgrep); without it that
# line is skipped.
# Usage: bench/run.sh [SIZE_MB]   (needs build/ from scripts/run.sh or scripts/test.sh)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$ROOT/build/bin/consentlens
WORK=$ROOT/build/bench
SIZE=${1:-8}
mkdir -p "$WORK"
python3 "$ROOT/bench/make_terms.py" "$SIZE" > "$WORK/terms.txt"
python3 "$ROOT/bench/make_prose.py" "$SIZE" > "$WORK/prose.txt"
"$BIN" rules patterns > "$WORK/patterns.re2"
python3 "$ROOT/bench/rg_patterns.py" < "$WORK/patterns.re2" > "$WORK/patterns.rg"
python3 "$ROOT/bench/grep_patterns.py" < "$WORK/patterns.re2" > "$WORK/patterns.all.ere"
# GNU grep rejects a few translated patterns (ranges its collation refuses); the baseline keeps
# the ones it accepts and says how many that is.
: > "$WORK/patterns.ere"
while IFS= read -r p; do
  printf '%s\n' "$p" > "$WORK/one.ere"
  if LC_ALL=C.UTF-8 grep -E -i -q -f "$WORK/one.ere" /dev/null 2>/dev/null || [ $? -eq 1 ]; then
    cat "$WORK/one.ere" >> "$WORK/patterns.ere"
  fi
done < "$WORK/patterns.all.ere"
# A batch of short notices: the shared corpus if present, else the project's own.
corpus=$ROOT/tests/corpus/notices.jsonl
[ -f "$ROOT/../shared/corpus/oss-strings-dev.jsonl" ] && corpus=$ROOT/../shared/corpus/oss-strings-dev.jsonl
python3 - "$corpus" > "$WORK/notices.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
for i in range(20000):
    r = rows[i % len(rows)]
    print(json.dumps({"id": str(i), "text": r["text"]}, ensure_ascii=False))
PY
bytes=$(stat -c %s "$WORK/terms.txt")
echo "terms-like text: $((bytes / 1024 / 1024)) MiB; grep takes $(wc -l < "$WORK/patterns.ere") of the pack's $(wc -l < "$WORK/patterns.all.ere") patterns; notices: 20000 lines"
time_of() { # median of 5 wall-clock runs, in seconds
  local t=()
  for _ in 1 2 3 4 5; do
    local s=$(date +%s.%N)
    "$@" > /dev/null
    t+=($(echo "$(date +%s.%N) - $s" | bc))
  done
  printf '%s\n' "${t[@]}" | sort -n | sed -n 3p
}
time_once() { local s=$(date +%s.%N); "$@" > /dev/null; echo "$(date +%s.%N) - $s" | bc; }
mbps() { echo "scale=1; ${2:-$bytes} / 1048576 / $1" | bc; }
pbytes=$(stat -c %s "$WORK/prose.txt")
prose=$(time_of "$BIN" check --json "$WORK/prose.txt")
check=$(time_of "$BIN" check --json "$WORK/terms.txt")
echo "consentlens check --json prose.txt : ${prose}s ($(mbps "$prose" "$pbytes") MiB/s)"
echo "consentlens check --json terms.txt : ${check}s ($(mbps "$check") MiB/s)"
if command -v rg > /dev/null; then
  # One run each: ripgrep takes minutes on these patterns.
  rg_args=(-i -c --regex-size-limit 2G --dfa-size-limit 2G -f "$WORK/patterns.rg")
  rg_prose=$(time_once env timeout 1200 rg "${rg_args[@]}" "$WORK/prose.txt")
  rg_terms=$(time_once env timeout 1200 rg "${rg_args[@]}" "$WORK/terms.txt")
  echo "rg -i -c -f patterns prose.txt     : ${rg_prose}s ($(mbps "$rg_prose" "$pbytes") MiB/s); $(rg --version | head -1), all $(wc -l < "$WORK/patterns.rg") patterns"
  echo "rg -i -c -f patterns terms.txt     : ${rg_terms}s ($(mbps "$rg_terms") MiB/s)"
  echo "ratio rg/check, prose              : $(echo "scale=1; $rg_prose / $prose" | bc)x"
  echo "ratio rg/check, terms              : $(echo "scale=1; $rg_terms / $check" | bc)x"
else
  echo "ripgrep: not installed (apt-get install ripgrep); skipped"
fi
grep_t=$(time_of env LC_ALL=C.UTF-8 timeout 600 grep -E -i -c -f "$WORK/patterns.ere" "$WORK/terms.txt")
batch=$(time_of sh -c "\"$BIN\" check --jsonl < \"$WORK/notices.jsonl\"")
echo "grep -E -i -c -f patterns terms.txt: ${grep_t}s ($(mbps "$grep_t") MiB/s)"
echo "ratio grep/check, terms            : $(echo "scale=1; $grep_t / $check" | bc)x"
echo "consentlens check --jsonl 20000 notices: ${batch}s ($(echo "scale=0; 20000 / $batch" | bc) notices/s)"
