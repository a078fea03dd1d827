#!/usr/bin/env bash
# Fetches the C++ sources the wasm engine needs that Debian ships only as a library for the
# host: RE2, from Debian's own source package (the same version the native build links), through a private apt state so the machine's apt configuration is untouched.
# RE2's +dfsg tarball lacks its generated Unicode tables; they are rebuilt from the
# unicode-data package with RE2's own scripts.
#
# Usage: wasm/fetch-sources.sh DEST   (idempotent: does nothing when DEST/.complete exists)
set -euo pipefail
dest=$(realpath -m "$1")
[ -f "$dest/.complete" ] && exit 0

apt_state="$dest/apt"
rm -rf "$dest"
mkdir -p "$apt_state/lists/partial" "$apt_state/cache/archives/partial" "$apt_state/parts" "$dest/src"

# deb-src entries derived from the machine's own Debian sources (same mirror, same suites).
found=0
for f in /etc/apt/sources.list.d/*.sources; do
  [ -f "$f" ] || continue
  sed 's/^Types:.*$/Types: deb-src/' "$f" > "$apt_state/parts/$(basename "$f")"
  found=1
done
if [ -f /etc/apt/sources.list ]; then
  sed -n 's/^deb /deb-src /p' /etc/apt/sources.list > "$apt_state/parts/from-sources-list.list"
  grep -q . "$apt_state/parts/from-sources-list.list" && found=1
fi
[ "$found" -eq 1 ] || { echo "fetch-sources: no Debian apt sources found in /etc/apt" >&2; exit 1; }

apt_opts=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$apt_state/parts"
          -o "Dir::State::Lists=$apt_state/lists" -o "Dir::Cache=$apt_state/cache"
          -o APT::Sandbox::User=root)
apt-get "${apt_opts[@]}" update -qq
(cd "$dest/src" && apt-get "${apt_opts[@]}" source -qq re2 >/dev/null)

re2_dir=$(find "$dest/src" -maxdepth 1 -type d -name 're2-*' | head -n 1)
[ -n "$re2_dir" ] || { echo "fetch-sources: apt-get source gave no re2 tree" >&2; exit 1; }

# RE2's generated tables (Debian's patch points unicode.py at /usr/share/unicode).
(cd "$re2_dir" &&
  perl re2/make_perl_groups.pl > re2/perl_groups.cc &&
  /usr/bin/python3 re2/make_unicode_casefold.py > re2/unicode_casefold.cc &&
  /usr/bin/python3 re2/make_unicode_groups.py > re2/unicode_groups.cc)

ln -sfn "$re2_dir" "$dest/re2"
touch "$dest/.complete"
