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

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

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

# The wasm engine into build/extension/engine/ (wasm/CMakeLists.txt).
build_wasm() {
  log "building the wasm engine (build-wasm/ -> build/extension/engine/)"
  # Debian's emcc finds its node modules only through NODE_PATH.
  export NODE_PATH=/usr/share/nodejs
  emcmake cmake -S "$ROOT/wasm" -B "$ROOT/build-wasm" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$ROOT/build-wasm" -j "$JOBS"
}

# The JavaScript tooling of package-lock.json (playwright-core, web-ext), installed once.
ensure_npm_modules() {
  if [ ! -d "$ROOT/node_modules" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    log "installing npm modules (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
