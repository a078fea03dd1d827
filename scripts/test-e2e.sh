#!/usr/bin/env bash
# End-to-end tests of the browser extension: Debian's Chromium (never a downloaded browser)
# driven by playwright-core, loading build/extension/ unchanged, with the real meeting host
# names mapped to a local HTTPS fixture server. The same build is also linted for Firefox and
# loaded in Debian's Firefox ESR, headless, driven through WebDriver BiDi.
# Needs the wasm engine in build-wasm/engine/ (build_wasm in lib.sh); build-extension.sh copies it in.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

# chromium and firefox-esr: the browsers under test; openssl: the fixture server's throw-away
# certificate.
ensure_packages chromium firefox-esr openssl
[ -d node_modules/playwright-core ] && [ -d node_modules/web-ext ] || { log "npm ci"; npm ci --no-audit --no-fund; }

bash scripts/build-extension.sh
rm -rf build/test-artifacts
mkdir -p build/test-artifacts
log "extension end-to-end tests (screenshots: build/test-artifacts/)"
# The Firefox tests speak WebDriver BiDi over a WebSocket: node 20 has one behind a flag.
node_flags=()
node -e 'process.exit(typeof WebSocket === "function" ? 0 : 1)' || node_flags=(--experimental-websocket)
node "${node_flags[@]}" --test tests/e2e/
