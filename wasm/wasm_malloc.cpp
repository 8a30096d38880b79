// malloc and friends (and qsort) for the WebAssembly modules (linked with -sMALLOC=none; see
// cmake/wasm.cmake): the size-class heap of common/size_class_heap.h over the
// module's linear memory, from __heap_base (the end of the data and the stack,
// set by the linker) upwards, growing the memory by whole 64 KiB pages when the
// break passes its end. Emscripten's sbrk() lives in its allocator libraries,
// which -sMALLOC=none leaves out, so the break is kept here.
//
// The native builds (tests, sanitizers, fuzzing) keep the system allocator; the
// heap itself is tested natively over an arena (tests/cpp/test_size_class_heap.cpp).
#include <cstdint>
#include <cstdlib>

#include "common/heap_sort.h"
#include "common/size_class_heap.h"

extern "C" {
extern unsigned char __heap_base;
// The loader's import (web/src/wasm.js): JS views of the memory must be renewed.
void emscripten_notify_memory_growth(std::size_t memory_index);
}

namespace {

std::uintptr_t g_break = 0;

void* more_memory(std::size_t bytes) {
    if (g_break == 0) g_break = (reinterpret_cast<std::uintptr_t>(&__heap_base) + 7) & ~std::uintptr_t{7};
    // Every block is a multiple of 8 bytes and the break starts 8-aligned, so
    // every block is 8-aligned.
    const std::uintptr_t block = g_break;
    const std::uint64_t end = std::uint64_t{block} + bytes;
    if (end > UINTPTR_MAX) return nullptr;  // past the address space
    if (const std::uint64_t grow = blogreader::heap::pages_to_grow(end, __builtin_wasm_memory_size(0))) {
        if (__builtin_wasm_memory_grow(0, static_cast<std::size_t>(grow)) == static_cast<std::size_t>(-1)) return nullptr;
        emscripten_notify_memory_growth(0);
    }
    g_break = static_cast<std::uintptr_t>(end);
    return reinterpret_cast<void*>(block);
}

blogreader::heap::SizeClassHeap g_heap{more_memory, {}};

}  // namespace

extern "C" {

void* malloc(std::size_t size) { return blogreader::heap::allocate(g_heap, size); }

void free(void* pointer) { blogreader::heap::release(g_heap, pointer); }

void* realloc(void* pointer, std::size_t size) { return blogreader::heap::reallocate(g_heap, pointer, size); }

void* calloc(std::size_t count, std::size_t size) { return blogreader::heap::allocate_zeroed(g_heap, count, size); }

// Not an allocator, but libc code this module replaces for the same reason
// (size): see common/heap_sort.h.
void qsort(void* base, std::size_t count, std::size_t size, int (*compare)(const void*, const void*)) {
    blogreader::heap_sort(base, count, size, compare);
}

}  // extern "C"
