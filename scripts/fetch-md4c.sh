#!/usr/bin/env bash
# Fetches md4c 0.4.8's original source tarball through apt's source mechanism and
# verifies its SHA-256. Idempotent: a verified tarball in the cache is reused.
#
# Why apt and not a download URL: the project takes third-party code only from the
# package registries, and Debian's binary md4c package ships no sources a WASM
# build can compile. The deb-src entry is derived from this machine's own apt
# sources (whatever mirror they name), never hard-coded.
set -euo pipefail

readonly MD4C_VERSION=0.4.8
readonly MD4C_SHA256=4a457df853425b6bb6e3457aa1d1a13bccec587a04c38c622b1013a0da41439f
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="$root/.cache/md4c"
tarball="$cache/md4c_${MD4C_VERSION}.orig.tar.gz"

verify() { echo "$MD4C_SHA256  $1" | sha256sum --check --status; }

if [[ -f "$tarball" ]] && verify "$tarball"; then
  exit 0
fi
mkdir -p "$cache"
rm -f "$tarball"

# apt-get source needs a deb-src line. Turn every 'deb' entry this machine already
# uses into a 'deb-src' entry, in a file of our own, if none exists yet.
if ! grep -rqsE '^(deb-src|Types:.*deb-src)' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  if [[ $EUID -ne 0 ]]; then
    echo "fetch-md4c: need root (or an existing deb-src entry) to add apt source entries" >&2
    exit 1
  fi
  src=/etc/apt/sources.list.d/blog-reader-wasm-src.sources
  : > "$src.tmp"
  for f in /etc/apt/sources.list.d/*.sources; do
    [[ -f "$f" && "$f" != "$src" ]] || continue
    sed -E 's/^Types:[[:space:]]*deb[[:space:]]*$/Types: deb-src/' "$f" >> "$src.tmp"
    echo >> "$src.tmp"
  done
  if [[ -f /etc/apt/sources.list ]]; then
    list=/etc/apt/sources.list.d/blog-reader-wasm-src.list
    sed -nE 's/^deb[[:space:]]/deb-src /p' /etc/apt/sources.list > "$list"
  fi
  mv "$src.tmp" "$src"
  apt-get update -qq
fi

( cd "$cache" && apt-get source --download-only --tar-only "md4c=${MD4C_VERSION}*" 2>/dev/null \
    || apt-get source --download-only --tar-only md4c )
# apt-get source also leaves the .dsc and Debian tarball; only the original matters.
if ! verify "$tarball"; then
  echo "fetch-md4c: $tarball does not have SHA-256 $MD4C_SHA256; refusing to build with it" >&2
  rm -f "$tarball"
  exit 1
fi
echo "fetch-md4c: md4c $MD4C_VERSION verified"
