#!/usr/bin/env bash
# Builds the unpacked extension in build/extension/ from extension/ and the wasm engine that
# the wasm build wrote to build-wasm/engine/ (copied into engine/; an engine already there is
# kept when build-wasm/ has none), and zips it per browser: build/consentlens-chromium.zip and
# build/consentlens-firefox.zip.
# Idempotent: run it as often as you like; it only replaces what it made.
#   OUT=DIR  build somewhere else (default build/extension).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

OUT=${OUT:-$ROOT/build/extension}
SRC=$ROOT/extension
ensure_packages zip

mkdir -p "$OUT"
# Everything but the engine goes: a file deleted from extension/ must not linger in the build.
find "$OUT" -mindepth 1 -maxdepth 1 ! -name engine -exec rm -rf {} +
# key.pem stays out of every build: the public key in manifest.json fixes the ID, and stores
# reject packages that carry a private key.
tar -C "$SRC" --exclude=key.pem -cf - . | tar -C "$OUT" -xf -
# The contract's values and labels, generated from the one file that lists them.
python3 "$ROOT/scripts/gen-contract.py" js "$ROOT/core/contract/contract.json" "$OUT/shared/contract.js"
# The site table and the manifest's content-script matches, from the one sites file.
python3 "$ROOT/scripts/gen-sites.py" "$ROOT/core/contract/sites.json" "$ROOT/core/contract/contract.json" "$OUT"

[ -d "$WASM_ENGINE_DIR" ] && copy_engine "$OUT/engine"
ENGINE=$OUT/engine/consentlens_engine.mjs
if [ ! -f "$ENGINE" ] || [ ! -f "$OUT/engine/consentlens_pack.bin" ] || ! compgen -G "$OUT/engine/*.wasm" >/dev/null; then
  echo "build-extension: no wasm engine in $OUT/engine/ (consentlens_engine.mjs, its .wasm and consentlens_pack.bin);" >&2
  echo "build-extension: build it first (build_wasm in scripts/lib.sh; the wasm build writes build-wasm/engine/)." >&2
  exit 1
fi

# The version is the project's one version (the top CMakeLists.txt's project() line): written
# into the built manifest here, never kept in extension/manifest.json.
VERSION=$(sed -n 's/^project(consentlens VERSION \([0-9.]*\).*/\1/p' "$ROOT/CMakeLists.txt")
[ -n "$VERSION" ] || { echo "build-extension: no version in the project() line of $ROOT/CMakeLists.txt" >&2; exit 1; }
python3 - "$OUT/manifest.json" "$VERSION" <<'PY'
import json, sys
path, version = sys.argv[1], sys.argv[2]
with open(path, encoding='utf-8') as f:
    manifest = json.load(f)
# Right after the name, where the stores and the browsers' extension pages show it.
out = {}
for k, v in manifest.items():
    out[k] = v
    if k == 'short_name':
        out['version'] = version
out.setdefault('version', version)
with open(path, 'w', encoding='utf-8') as f:
    json.dump(out, f, indent=2, ensure_ascii=False)
    f.write('\n')
PY

# Same files for both browsers: one manifest serves both (Chromium reads
# background.service_worker, Firefox background.scripts). Zipped from a staging copy with
# fixed times and order, so the same source gives the same zip (the build's own file
# times are left alone: the wasm build's make rules rely on them).
STAGE=$(mktemp -d "$ROOT/build/.extension-zip.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT
cp -R "$OUT/." "$STAGE/"
find "$STAGE" -exec touch -h -d '2024-01-01 00:00:00 UTC' {} +
make_zip() {
  local zipfile=$1
  rm -f "$zipfile"
  (cd "$STAGE" && find . -type f ! -name '.*' | LC_ALL=C sort | sed 's|^\./||' \
    | TZ=UTC zip -q -X -D "$zipfile" -@)
}
make_zip "$ROOT/build/consentlens-chromium.zip"
make_zip "$ROOT/build/consentlens-firefox.zip"
log "extension built: $OUT (zips: build/consentlens-chromium.zip, build/consentlens-firefox.zip)"
