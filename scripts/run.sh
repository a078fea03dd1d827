#!/usr/bin/env bash
# The main job: install what is missing, build everything, and show the checker at work on
# the bundled example pages.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_packages "${BUILD_PACKAGES[@]}"
log "building (build/)"
cmake_build build -DCMAKE_BUILD_TYPE=Release -DCONSENTLENS_TESTS=OFF

log "checking the rule and knowledge packs"
"$ROOT/build/bin/consentlens" rules lint

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

log "done: the checker is build/bin/consentlens (try: build/bin/consentlens check --help)"
