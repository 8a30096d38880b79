#!/usr/bin/env bash
# Builds the WebAssembly engine and the JS package into dist/. Incremental: only
# what changed is rebuilt, so `npm start` after a build is quick.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source scripts/env.sh

if [[ ! -f build/wasm/CMakeCache.txt ]]; then
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=MinSizeRel >/dev/null
fi
cmake --build build/wasm -j"$JOBS"
# --bench: also the benchmark-only modules of bench/ceiling.mjs (md4c with empty
# callbacks, as the engine builds md4c and at -O3; md4c + md4c-html as released).
if [[ "${1:-}" == "--bench" ]]; then
  cmake --build build/wasm -j"$JOBS" --target md4c_ceiling md4c_ceiling_fast md4c_html_stock
fi

mkdir -p dist
cp build/wasm/blog-reader.wasm build/wasm/blog-reader-comments.wasm dist/
node scripts/bundle.mjs
