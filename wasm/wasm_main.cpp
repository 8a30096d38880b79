// The WebAssembly modules have no main(); everything they offer is in api.h.
// This file only gives each executable target a source of its own.
#include "api.h"

#include <cstddef>

// The Markdown engine's build (cmake/wasm.cmake) defines BR_BYTE_LOOP_STRLEN: a
// byte-loop strlen instead of musl's word-at-a-time one, 30 B gzip smaller
// (measured 2026-12-03, which paid for part of the sanitizer's table and
// heading rules). Only cold code calls it there (string constructors). The
// validator keeps musl's: its message catalogs call strlen for every message.
// memcmp was tried too and not taken: defined in the LTO unit, clang stops
// expanding small constant-size compares inline, +164 B. no_builtin keeps
// clang from turning the loop back into a call to itself.
#ifdef BR_BYTE_LOOP_STRLEN
extern "C" __attribute__((no_builtin, noinline)) std::size_t strlen(const char* s) {
    const char* end = s;
    while (*end != '\0') ++end;
    return static_cast<std::size_t>(end - s);
}
#endif
