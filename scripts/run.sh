#!/usr/bin/env bash
# The main job: install what is missing, build everything, and show the checker at work on
# the bundled example pages.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_packages "${BUILD_PACKAGES[@]}" "${WASM_PACKAGES[@]}" zip
log "building (build/)"
cmake_build build -DCMAKE_BUILD_TYPE=Release -DCONSENTLENS_TESTS=ON
build_wasm
"$ROOT/scripts/build-extension.sh"

log "installing the native host for $(id -un) (build/bin/consentlens-host install)"
"$ROOT/build/bin/consentlens-host" install

log "checking the rule and knowledge packs"
"$ROOT/build/bin/consentlens" rules lint --skip-fact-dates
# Vendor facts go stale with the calendar, not with the code: said, not fatal, here.
if ! "$ROOT/build/bin/consentlens" rules lint > /dev/null 2> "$ROOT/build/stale-facts.txt"; then
  log "vendor facts due for re-reading (docs/knowledge.md says how):"
  sed 's/^/  /' "$ROOT/build/stale-facts.txt"
fi

for example in "$ROOT"/examples/*; do
  log "consentlens check examples/$(basename "$example")"
  url=""
  case "$(basename "$example")" in
    zoom-*) url="https://app.zoom.us/wc/123456789/join" ;;
    meet-*) url="https://meet.google.com/abc-defg-hij" ;;
    teams-*) url="https://teams.microsoft.com/v2/" ;;
  esac
  if [ -n "$url" ]; then
    "$ROOT/build/bin/consentlens" check --url "$url" "$example"
  else
    "$ROOT/build/bin/consentlens" check "$example"
  fi
done

cat >&2 <<EOT

The checker:   build/bin/consentlens (try: build/bin/consentlens check --help)
The history:   build/bin/consentlens history (the extension fills it; consentlens-host doctor checks the link)
The extension: $ROOT/build/extension
  Chrome, Chromium, Edge, Brave: open chrome://extensions (edge://extensions), switch on
    Developer mode, click "Load unpacked" and choose the folder above.
  Firefox: open about:debugging#/runtime/this-firefox, click "Load Temporary Add-on…" and
    choose manifest.json in the folder above (or install build/consentlens-firefox.zip).
EOT
