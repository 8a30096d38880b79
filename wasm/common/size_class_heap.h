#pragma once
// A small, fast heap for the WebAssembly modules: power-of-two size classes,
// one free list per class, memory taken from the system in whole blocks and
// never given back (WebAssembly memory cannot shrink anyway).
//
// Why our own instead of Emscripten's emmalloc: size. emmalloc's code, with
// the libc memcpy its realloc pulls in, is about 2.5 kB; this is a few hundred
// bytes. The engine's allocations are short-lived and regular (md4c's growing
// arrays, std::string and vector growth, all freed by the end of a call),
// which size classes without coalescing serve well. Measured on the Markdown
// engine, 2026-12-02: 729 B gzip smaller (the validator 610 B), render speed
// the same. What it gives up: a block is up to twice its request, and a freed
// block serves only its own class again, so memory is the sum of each class's
// peak, not the peak of the sum. Measured: rendering a 10 MB document takes
// the memory to 111 MiB (emmalloc: 83 MiB), 1 MB to 12.6 MiB (8.6); 100 KB
// and less stay in the initial 2 MiB either way.
//
// The heap itself is plain C++ with no platform code: where its memory comes
// from is a function pointer, so the native tests run it over a test arena
// under AddressSanitizer, and wasm/wasm_malloc.cpp runs it over sbrk().

#include <cstddef>
#include <cstdint>

namespace blogreader::heap {

/// Every block starts with this header; the caller's pointer follows it.
/// 8 bytes keep the caller's pointer 8-aligned (alignof(max_align_t) on wasm32).
constexpr std::size_t kHeaderBytes = 8;
/// The smallest block: 2^4 = 16 bytes (8 usable).
constexpr unsigned kMinClass = 4;
/// The largest block: 2^31 bytes, more than a wasm32 module can address anyway.
constexpr unsigned kMaxClass = 31;

struct SizeClassHeap {
    /// Returns `bytes` (a power of two, >= 16) of fresh memory aligned to 8,
    /// or nullptr when the system has no more. Never called with 0.
    void* (*more)(std::size_t bytes) = nullptr;
    /// Head of each class's free list (a freed block's first word after its
    /// header points to the next free block of the same class).
    void* free_list[kMaxClass + 1] = {};
};

/// The class of a request of `size` bytes: the smallest k with
/// 2^k >= size + kHeaderBytes, or 0 when no class is large enough.
unsigned class_for(std::size_t size) noexcept;

/// malloc(): nullptr when out of memory (or size too large); size 0 gives a
/// unique, freeable block.
void* allocate(SizeClassHeap& heap, std::size_t size) noexcept;
/// free(): nullptr is ignored.
void release(SizeClassHeap& heap, void* pointer) noexcept;
/// realloc(): keeps the block when the new size still fits its class (also
/// when shrinking); otherwise moves the contents to a new block. On failure
/// returns nullptr and leaves the old block untouched, as C requires.
void* reallocate(SizeClassHeap& heap, void* pointer, std::size_t size) noexcept;
/// calloc(): zeroed; nullptr when count * size overflows.
void* allocate_zeroed(SizeClassHeap& heap, std::size_t count, std::size_t size) noexcept;
/// The bytes the caller may use in the block behind `pointer`.
std::size_t usable_size(const void* pointer) noexcept;

}  // namespace blogreader::heap
