#include "common/size_class_heap.h"

#include <cstring>

namespace blogreader::heap {
namespace {

struct Header {
    std::uint32_t size_class;
    std::uint32_t unused;  ///< keeps the caller's pointer 8-aligned
};
static_assert(sizeof(Header) == kHeaderBytes, "the header must keep 8-byte alignment");

Header* header_of(const void* pointer) noexcept {
    return reinterpret_cast<Header*>(const_cast<char*>(static_cast<const char*>(pointer)) - kHeaderBytes);
}

}  // namespace

unsigned class_for(std::size_t size) noexcept {
    if (size <= 32) return size <= 8 ? 4 * 3 : size <= 16 ? 4 * 4 : 4 * 5;
    if (size > usable_bytes(kMaxClass)) return 0;
    // k: the index of the highest bit of size - 1, so 2^k < size <= 2^(k+1);
    // t = (size - 1) >> (k - 2) is 4..7, and the class 4k + t - 3 is the
    // smallest with (4 + q) * 2^(k-2) >= size (t - 3 = 4 is 4(k+1) + 0).
    const std::size_t v = size - 1;
    unsigned k = 0;
    if constexpr (sizeof(std::size_t) == 8) {
        k = 63u - static_cast<unsigned>(__builtin_clzll(static_cast<unsigned long long>(v)));
    } else {
        k = 31u - static_cast<unsigned>(__builtin_clz(static_cast<unsigned>(v)));
    }
    return 4 * k + static_cast<unsigned>(v >> (k - 2)) - 3;
}

std::uint64_t pages_to_grow(std::uint64_t end, std::uint64_t memory_pages) noexcept {
    constexpr std::uint64_t kPageBytes = 65536;
    const std::uint64_t pages_needed = (end + kPageBytes - 1) / kPageBytes;
    return pages_needed > memory_pages ? pages_needed - memory_pages : 0;
}

void* allocate(SizeClassHeap& heap, std::size_t size) noexcept {
    const unsigned k = class_for(size);
    if (k == 0) return nullptr;
    void* block = heap.free_list[k];
    if (block != nullptr) {
        std::memcpy(&heap.free_list[k], static_cast<char*>(block) + kHeaderBytes, sizeof(void*));
    } else {
        block = heap.more(block_bytes(k));
        if (block == nullptr) return nullptr;
        static_cast<Header*>(block)->size_class = k;
    }
    return static_cast<char*>(block) + kHeaderBytes;
}

void release(SizeClassHeap& heap, void* pointer) noexcept {
    if (pointer == nullptr) return;
    Header* header = header_of(pointer);
    const unsigned k = header->size_class;
    std::memcpy(pointer, &heap.free_list[k], sizeof(void*));
    heap.free_list[k] = header;
}

std::size_t usable_size(const void* pointer) noexcept {
    return usable_bytes(header_of(pointer)->size_class);
}

void* reallocate(SizeClassHeap& heap, void* pointer, std::size_t size) noexcept {
    if (pointer == nullptr) return allocate(heap, size);
    const std::size_t usable = usable_size(pointer);
    if (size <= usable) return pointer;
    void* moved = allocate(heap, size);
    if (moved == nullptr) return nullptr;
    std::memcpy(moved, pointer, usable);
    release(heap, pointer);
    return moved;
}

void* allocate_zeroed(SizeClassHeap& heap, std::size_t count, std::size_t size) noexcept {
    std::size_t total = 0;
    if (__builtin_mul_overflow(count, size, &total)) return nullptr;
    void* pointer = allocate(heap, total);
    if (pointer != nullptr) std::memset(pointer, 0, total);
    return pointer;
}

}  // namespace blogreader::heap
