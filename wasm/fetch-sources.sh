#!/usr/bin/env bash
# Fetches the C++ sources the wasm engine needs that Debian ships only as a library for the
# host: RE2, from Debian's own source package, at exactly the version of the installed
# libre2-dev (the one the native build links), through a private apt state so the machine's
# apt configuration is untouched.
# RE2's +dfsg tarball lacks its generated Unicode tables; they are rebuilt from the
# unicode-data package with RE2's own scripts.
#
# Usage: wasm/fetch-sources.sh BUILD_DIR
#   Writes BUILD_DIR/third_party/ and nothing else (wasm/CMakeLists.txt passes its build tree).
#   Idempotent: does nothing when the fetch completed for the installed version. A stale or
#   half-done fetch is removed only when it carries this script's own marker file, so a wrong
#   argument can never make it delete a folder it did not make.
#
# Guarantees: the tree it leaves comes from a .dsc whose Version equals libre2-dev's source
# version (dpkg-query), or the script fails and says both versions.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: fetch-sources.sh BUILD_DIR" >&2; exit 2; }
build_dir=$(realpath -e "$1")
dest="$build_dir/third_party"
marker="$dest/.made-by-fetch-sources"

# The source version of what the native build links (a binNMU's +bN is not in the source).
want=$(dpkg-query -W -f='${source:Version}' libre2-dev 2>/dev/null) ||
  { echo "fetch-sources: libre2-dev is not installed (Debian package)" >&2; exit 1; }
[ -n "$want" ] || { echo "fetch-sources: dpkg-query gave no source version for libre2-dev" >&2; exit 1; }

if [ -f "$dest/.complete" ] && [ "$(cat "$dest/.complete")" = "$want" ]; then exit 0; fi
if [ -e "$dest" ]; then
  # .complete alone: a fetch by this script before it wrote the marker (same folder, same job).
  if [ ! -f "$marker" ] && [ ! -f "$dest/.complete" ]; then
    echo "fetch-sources: $dest exists and was not made by this script; not touching it" >&2
    exit 1
  fi
  rm -rf -- "$dest"  # our own earlier fetch (stale version or interrupted): the marker says so
fi
mkdir -p "$dest"
touch "$marker"

apt_state="$dest/apt"
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
# Pinned: the mirror may carry a newer re2 than the one installed; apt-get fails if it no
# longer carries this one, rather than handing over another.
(cd "$dest/src" && apt-get "${apt_opts[@]}" source -qq "re2=$want" >/dev/null)

# Checked: the .dsc that was unpacked names the version asked for.
dsc=$(find "$dest/src" -maxdepth 1 -name 're2_*.dsc' | head -n 1)
[ -n "$dsc" ] || { echo "fetch-sources: apt-get source gave no re2 .dsc" >&2; exit 1; }
got=$(sed -n 's/^Version: *//p' "$dsc" | head -n 1)
if [ "$got" != "$want" ]; then
  echo "fetch-sources: fetched re2 $got, but libre2-dev is built from re2 $want" >&2
  exit 1
fi

re2_dir=$(find "$dest/src" -maxdepth 1 -type d -name 're2-*' | head -n 1)
[ -n "$re2_dir" ] || { echo "fetch-sources: apt-get source gave no re2 tree" >&2; exit 1; }

# RE2's generated tables (Debian's patch points unicode.py at /usr/share/unicode).
(cd "$re2_dir" &&
  perl re2/make_perl_groups.pl > re2/perl_groups.cc &&
  /usr/bin/python3 re2/make_unicode_casefold.py > re2/unicode_casefold.cc &&
  /usr/bin/python3 re2/make_unicode_groups.py > re2/unicode_groups.cc)

ln -sfn "$re2_dir" "$dest/re2"
printf '%s' "$want" > "$dest/.complete"
