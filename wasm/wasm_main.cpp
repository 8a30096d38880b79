// The WebAssembly modules have no main(); everything they offer is in api.h.
// This file only gives each executable target a source of its own.
#include "api.h"

#include <cstddef>

// Byte loops instead of musl's word-at-a-time memcmp and strlen: 62 B gzip
// smaller in the Markdown engine (measured 2026-12-03, which paid for the
// sanitizer's table and heading rules). Both only ever see short strings here
// (tag, attribute, entity and key names, slugs); the long scans (memchr, the
// UTF-8 check, the text scan) are not these. no_builtin keeps clang from
// turning the loops back into calls to themselves.
extern "C" {
__attribute__((no_builtin, noinline)) std::size_t strlen(const char* s) {
    const char* end = s;
    while (*end != '\0') ++end;
    return static_cast<std::size_t>(end - s);
}
}
