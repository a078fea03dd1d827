# Shared by run.sh and test.sh: install what is missing, build, no cleverness.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JOBS=${JOBS:-$(nproc)}

# Debian packages the build and the tests need (docs/architecture.md says what each is for).
# unicode-data + python3: the normaliser's tables are generated from the UCD (scripts/unicode-tables.py);
# libutf8proc-dev: the unit tests check those tables against utf8proc.
BUILD_PACKAGES=(cmake g++ make pkg-config python3 unicode-data libre2-dev libutf8proc-dev libgumbo-dev nlohmann-json3-dev catch2 libsqlite3-dev)
TEST_PACKAGES=(clang-14 libclang-rt-14-dev grep python3)
# The wasm engine: Debian's Emscripten, and what fetching and preparing RE2's Debian source
# needs (wasm/fetch-sources.sh).
WASM_PACKAGES=(emscripten dpkg-dev unicode-data python3-six perl)
# The extension's build and browser tests.
EXTENSION_PACKAGES=(zip openssl chromium)

# Each step says how long the script has run (bash's SECONDS), so a slow CI run shows where.
log() { printf '\033[1m==> [%d:%02d] %s\033[0m\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*" >&2; }

# Installs the Debian packages that are not installed yet (as root, or through sudo).
ensure_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# cmake_build DIR [cmake options...]: configure once, then build.
cmake_build() {
  local dir=$1; shift
  cmake -S "$ROOT" -B "$ROOT/$dir" "$@" >/dev/null
  cmake --build "$ROOT/$dir" -j "$JOBS"
}

# Where the wasm build leaves the engine (wasm/CMakeLists.txt writes only inside build-wasm/).
WASM_ENGINE_DIR=$ROOT/build-wasm/engine
# The files that make the engine: its glue, its .wasm, its wrapper and the pack digest.
ENGINE_FILES=(consentlens_engine.mjs consentlens_engine_glue.mjs consentlens_engine_glue.wasm consentlens_pack.bin)

# copy_engine DEST: the wasm build's engine into DEST (the extension's engine/ folder). Copies
# with times kept, so a copy of an unchanged engine looks unchanged to make and to the tests.
copy_engine() {
  local dest=$1 f
  for f in "${ENGINE_FILES[@]}"; do
    [ -f "$WASM_ENGINE_DIR/$f" ] || { echo "copy_engine: $WASM_ENGINE_DIR/$f is missing: build the wasm engine first" >&2; return 1; }
  done
  mkdir -p "$dest"
  for f in "${ENGINE_FILES[@]}"; do cp -p "$WASM_ENGINE_DIR/$f" "$dest/$f"; done
}

# The wasm engine, built in build-wasm/ and copied to build/extension/engine/, where the
# extension build, tests/wasm/ and bench/ read it.
build_wasm() {
  log "building the wasm engine (build-wasm/engine/ -> build/extension/engine/)"
  # Debian's emcc finds its node modules only through NODE_PATH.
  export NODE_PATH=/usr/share/nodejs
  # The digest named every time: a build-wasm/ configured earlier against another tree's digest
  # would otherwise keep shipping that one.
  emcmake cmake -S "$ROOT/wasm" -B "$ROOT/build-wasm" -DCMAKE_BUILD_TYPE=Release \
    -DCONSENTLENS_DIGEST="$ROOT/build/generated/consentlens_pack.bin" >/dev/null
  cmake --build "$ROOT/build-wasm" -j "$JOBS"
  copy_engine "$ROOT/build/extension/engine"
}

# The JavaScript tooling of package-lock.json (playwright-core, web-ext), installed once.
ensure_npm_modules() {
  if [ ! -d "$ROOT/node_modules" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    log "installing npm modules (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
