# Sourced by the build and test scripts: the toolchain environment.
# Debian's emcc runs on Node and needs Debian's acorn when Node is not Debian's own.
export NODE_PATH="${NODE_PATH:+$NODE_PATH:}/usr/share/nodejs"
# Emscripten builds its system libraries into its cache on first use. Debian's
# cache (/usr/share/emscripten/cache) is only writable by root; others get one here.
if [[ -z "${EM_CACHE:-}" && ! -w /usr/share/emscripten/cache ]]; then
  export EM_CACHE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.cache/emscripten"
fi
export JOBS="${JOBS:-$(nproc)}"
