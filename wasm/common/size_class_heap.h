#pragma once
// A small, fast heap for the WebAssembly modules: size classes a quarter of a
// power of two apart (32, 40, 48, 56, 64, 80, ... bytes; 8 and 16 below), one
// free list per class, memory taken from the system in whole blocks and never
// given back (WebAssembly memory cannot shrink anyway).
//
// Why our own instead of Emscripten's emmalloc: size. emmalloc's code, with
// the libc memcpy its realloc pulls in, is about 2.5 kB; this is a few hundred
// bytes. The engine's allocations are short-lived and regular (md4c's growing
// arrays, std::string and vector growth, all freed by the end of a call),
// which size classes without coalescing serve well. Measured 2026-12-02 (with
// the qsort of wasm/wasm_malloc.cpp, which only this setting links): the
// Markdown engine 1,300 B gzip smaller, the validator 558 B; render speed the
// same (blog-200k best 2.69 vs 2.74 ms, alternating). What it gives up: a
// block is up to a quarter larger than its request (twice, for 9-32 bytes),
// and a freed block serves only its own class again, so memory is the sum of
// each class's peak, not the peak of the sum.
// Measured, the memory after rendering a document of 10 MB: 99 MiB (emmalloc:
// 83 MiB); of 1 MB: 10.1 MiB (8.6). 100 KB and less stay in the initial 2 MiB
// either way. (Power-of-two classes, tried first: 110 and 12.6 MiB.)
//
// The heap itself is plain C++ with no platform code: where its memory comes
// from is a function pointer, so the native tests run it over a test arena
// under AddressSanitizer, and wasm/wasm_malloc.cpp runs it over the module's
// linear memory.

#include <cstddef>
#include <cstdint>

namespace blogreader::heap {

/// Every block starts with this header; the caller's pointer follows it.
/// 8 bytes keep the caller's pointer 8-aligned (alignof(max_align_t) on wasm32).
constexpr std::size_t kHeaderBytes = 8;
/// Class c gives the caller usable_bytes(c) bytes in a block of that plus the
/// header: the header is outside the class size, so a request of exactly a
/// power of two (as OutputBuffer and other doubling buffers make) fits its own
/// class. With c = 4k + q (q = 0..3), the class holds (4 + q) * 2^(k-2) bytes;
/// from 32 bytes on, every q is used, below only q = 0 (8 and 16 bytes), so
/// that every block stays a multiple of 8 bytes.
constexpr unsigned kMinClass = 4 * 3;  ///< 8 bytes
/// The largest class gives 2^30 bytes; a wasm32 module has at most 2 GiB here.
constexpr unsigned kMaxClass = 4 * 30;

constexpr std::size_t usable_bytes(unsigned size_class) {
    return std::size_t{4 + (size_class & 3)} << ((size_class >> 2) - 2);
}
constexpr std::size_t block_bytes(unsigned size_class) { return usable_bytes(size_class) + kHeaderBytes; }

struct SizeClassHeap {
    /// Returns `bytes` (always block_bytes() of a class) of fresh memory aligned
    /// to 8, or nullptr when the system has no more.
    void* (*more)(std::size_t bytes) = nullptr;
    /// Head of each class's free list (a freed block's first word after its
    /// header points to the next free block of the same class).
    void* free_list[kMaxClass + 1] = {};
};

/// The class of a request of `size` bytes: the smallest class whose
/// usable_bytes() hold it, or 0 when no class is large enough.
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
/// The bytes the caller may use in the block behind `pointer`: its class's usable_bytes().
std::size_t usable_size(const void* pointer) noexcept;

/// How many 64 KiB pages a memory of `memory_pages` pages must grow by so that
/// it reaches byte `end` (exclusive); 0 when it already does. Computed in 64
/// bits, so that a memory of 65536 pages (4 GiB, whose byte size wraps in 32
/// bits) is still read right. wasm/wasm_malloc.cpp grows the memory with it.
std::uint64_t pages_to_grow(std::uint64_t end, std::uint64_t memory_pages) noexcept;

}  // namespace blogreader::heap
