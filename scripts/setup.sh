#!/usr/bin/env bash
# Installs whatever this project needs and is missing; does nothing when all is
# there. Run by `npm start` and `npm test` (and so by CI), so a fresh clone on
# Debian 12 needs no other step.
#
# Supported platform: Debian 12 (bookworm) on x86_64, as root or with sudo.
# Elsewhere install by hand: CMake >= 3.16, g++ >= 12, Emscripten 3.1.x (emcc on
# PATH), nlohmann/json 3.x headers, Catch2 2.x, Node.js >= 20 with npm, Chromium
# (for the browser tests; set CHROMIUM=/path/to/chrome), and put md4c 0.4.8's
# original tarball (SHA-256 in scripts/fetch-md4c.sh) into .cache/md4c/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

APT_PACKAGES=(cmake g++ make emscripten nlohmann-json3-dev catch2 chromium clang libclang-rt-14-dev)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [[ $EUID -ne 0 ]] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

"$root/scripts/fetch-md4c.sh"

# npm ci when node_modules is missing or older than the lock file.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
