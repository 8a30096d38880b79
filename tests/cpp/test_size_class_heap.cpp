// The WebAssembly modules' allocator (common/size_class_heap.h) and qsort
// (common/heap_sort.h), run natively: over an arena whose every block is a
// separate system allocation, so that AddressSanitizer sees any write past a
// block or any use of a block after it went back to the system.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <random>
#include <vector>

#include "common/heap_sort.h"
#include "common/size_class_heap.h"

namespace heap = blogreader::heap;

namespace {

// The system side of a test heap: hands out blocks until `limit` bytes are used.
struct Arena {
    static inline std::vector<void*> blocks;
    static inline std::size_t used = 0;
    static inline std::size_t limit = SIZE_MAX;

    static void* more(std::size_t bytes) {
        REQUIRE(bytes >= 16);
        REQUIRE(bytes % 8 == 0);  // a whole class: its usable bytes + the header
        if (bytes > limit - used) return nullptr;
        void* block = std::aligned_alloc(8, bytes);
        REQUIRE(block != nullptr);
        blocks.push_back(block);
        used += bytes;
        return block;
    }
    static void reset(std::size_t new_limit = SIZE_MAX) {
        for (void* block : blocks) std::free(block);
        blocks.clear();
        used = 0;
        limit = new_limit;
    }
};

struct TestHeap {
    heap::SizeClassHeap h{&Arena::more, {}};
    TestHeap() { Arena::reset(); }
    explicit TestHeap(std::size_t limit) { Arena::reset(limit); }
    ~TestHeap() { Arena::reset(); }
};

}  // namespace

TEST_CASE("size classes: the smallest class that holds the request, at most a quarter larger", "[heap]") {
    CHECK(heap::usable_bytes(heap::class_for(0)) == 8);
    CHECK(heap::usable_bytes(heap::class_for(8)) == 8);
    CHECK(heap::usable_bytes(heap::class_for(9)) == 16);
    CHECK(heap::usable_bytes(heap::class_for(17)) == 32);
    CHECK(heap::usable_bytes(heap::class_for(33)) == 40);
    CHECK(heap::usable_bytes(heap::class_for(41)) == 48);
    CHECK(heap::usable_bytes(heap::class_for(57)) == 64);
    CHECK(heap::usable_bytes(heap::class_for(65)) == 80);
    CHECK(heap::usable_bytes(heap::class_for(1u << 20)) == (1u << 20));  // a doubling buffer fits its own class
    CHECK(heap::usable_bytes(heap::class_for(10000000)) == 10485760);    // 10 MB: 1.25 * 2^23
    CHECK(heap::class_for(std::size_t{1} << 30) == heap::kMaxClass);
    CHECK(heap::class_for((std::size_t{1} << 30) + 1) == 0);  // too large
    CHECK(heap::class_for(SIZE_MAX) == 0);
    // Every size up to 64 KiB, a sample up to 4 MiB, and around each power of two beyond: the class holds
    // it, the class below does not, blocks stay multiples of 8, and the waste is
    // at most a quarter (from 32 bytes on).
    auto check = [](std::size_t size) {
        const unsigned c = heap::class_for(size);
        REQUIRE(c >= heap::kMinClass);
        REQUIRE(c <= heap::kMaxClass);
        REQUIRE(heap::usable_bytes(c) >= size);
        REQUIRE(heap::block_bytes(c) % 8 == 0);
        if (size > 32) REQUIRE(heap::usable_bytes(c) - size < heap::usable_bytes(c) / 5 + 8);
        if (c > heap::kMinClass) {
            unsigned below = c - 1;
            while (below > heap::kMinClass && below < 4 * 5 && (below & 3) != 0) --below;  // classes below 32 use q = 0 only
            REQUIRE(heap::usable_bytes(below) < size);
        }
    };
    for (std::size_t size = 0; size <= (1u << 16); ++size) check(size);
    for (std::size_t size = 1u << 16; size <= (1u << 22); size += 997) check(size);
    for (unsigned k = 21; k <= 30; ++k) {
        for (std::size_t d = 0; d < 20; ++d) {
            check((std::size_t{1} << k) - d);
            if (k < 30) {
                check((std::size_t{1} << k) + d);
                check((std::size_t{5} << (k - 2)) + d);
            }
        }
    }
}

TEST_CASE("memory growth: whole pages, only when the end passes the memory", "[heap]") {
    constexpr std::uint64_t kPage = 65536;
    CHECK(heap::pages_to_grow(0, 0) == 0);
    CHECK(heap::pages_to_grow(1, 0) == 1);
    CHECK(heap::pages_to_grow(kPage, 1) == 0);       // ends exactly at the memory's end
    CHECK(heap::pages_to_grow(kPage + 1, 1) == 1);
    CHECK(heap::pages_to_grow(10 * kPage + 5, 2) == 9);
    CHECK(heap::pages_to_grow(3 * kPage, 32) == 0);  // well inside
    // 65536 pages = 4 GiB, whose byte count is 0 in 32 bits: still no growth needed.
    CHECK(heap::pages_to_grow(std::uint64_t{0xFFFFFFF0}, 65536) == 0);
    CHECK(heap::pages_to_grow(std::uint64_t{1} << 32, 65535) == 1);
}

TEST_CASE("heap: blocks are aligned, usable to their size, and distinct", "[heap]") {
    TestHeap t;
    std::vector<std::pair<unsigned char*, std::size_t>> live;
    for (std::size_t size : {0, 1, 7, 8, 9, 24, 25, 100, 4096, 65536, 100000}) {
        auto* p = static_cast<unsigned char*>(heap::allocate(t.h, size));
        REQUIRE(p != nullptr);
        CHECK(reinterpret_cast<std::uintptr_t>(p) % 8 == 0);
        CHECK(heap::usable_size(p) >= size);
        std::memset(p, static_cast<int>(live.size() + 1), heap::usable_size(p));  // ASan: all of it is ours
        live.emplace_back(p, heap::usable_size(p));
    }
    for (std::size_t i = 0; i < live.size(); ++i) {  // no block overwrote another
        const auto [p, n] = live[i];
        CHECK(std::all_of(p, p + n, [&](unsigned char c) { return c == i + 1; }));
    }
    for (auto [p, n] : live) heap::release(t.h, p);
    heap::release(t.h, nullptr);  // free(NULL) is a no-op
}

TEST_CASE("heap: a freed block serves the next request of its class, not another class", "[heap]") {
    TestHeap t;
    void* a = heap::allocate(t.h, 100);
    void* b = heap::allocate(t.h, 100);
    heap::release(t.h, a);
    CHECK(heap::allocate(t.h, 90) != a);    // another class (96 bytes): fresh memory
    CHECK(heap::allocate(t.h, 110) == a);   // the same class (112 bytes): reused
    heap::release(t.h, b);
    heap::release(t.h, a);
    CHECK(heap::allocate(t.h, 112) == a);  // last freed, first reused
    CHECK(heap::allocate(t.h, 97) == b);
    const std::size_t used = Arena::used;
    for (int i = 0; i < 1000; ++i) heap::release(t.h, heap::allocate(t.h, 50));
    CHECK(Arena::used == used + heap::block_bytes(heap::class_for(50)));  // one block of the class, reused 999 times
}

TEST_CASE("heap: realloc keeps the contents, in place while the class holds them", "[heap]") {
    TestHeap t;
    auto* p = static_cast<char*>(heap::reallocate(t.h, nullptr, 10));  // realloc(NULL) = malloc
    REQUIRE(p != nullptr);
    std::memcpy(p, "0123456789", 10);
    CHECK(heap::reallocate(t.h, p, 16) == p);  // 16 still fits the class of 10 (16 bytes)
    CHECK(heap::reallocate(t.h, p, 3) == p);   // shrinking never moves
    auto* q = static_cast<char*>(heap::reallocate(t.h, p, 5000));
    REQUIRE(q != nullptr);
    CHECK(q != p);
    CHECK(std::memcmp(q, "0123456789", 10) == 0);
    // Grow step by step like md4c's arrays and std::string do; the bytes stay.
    std::vector<char> expected;
    char* buffer = nullptr;
    for (std::size_t size = 1; size < 300000; size = size * 3 / 2 + 1) {
        buffer = static_cast<char*>(heap::reallocate(t.h, buffer, size));
        REQUIRE(buffer != nullptr);
        for (std::size_t i = expected.size(); i < size; ++i) {
            expected.push_back(static_cast<char>(i * 7));
            buffer[i] = expected.back();
        }
        REQUIRE(std::memcmp(buffer, expected.data(), size) == 0);
    }
    heap::release(t.h, buffer);
    heap::release(t.h, q);
}

TEST_CASE("heap: out of memory is a null pointer, and realloc then keeps the old block", "[heap]") {
    TestHeap t(4096);
    auto* p = static_cast<char*>(heap::allocate(t.h, 1000));  // one block of 1024 + 8 bytes
    REQUIRE(p != nullptr);
    std::memset(p, 'x', 1000);
    CHECK(heap::allocate(t.h, 4000) == nullptr);         // would need 4096 + 8 more bytes
    CHECK(heap::reallocate(t.h, p, 4000) == nullptr);
    CHECK(std::all_of(p, p + 1000, [](char c) { return c == 'x'; }));  // untouched, still ours
    CHECK(heap::allocate(t.h, SIZE_MAX) == nullptr);
    CHECK(heap::allocate_zeroed(t.h, SIZE_MAX / 2, 3) == nullptr);  // count * size overflows
    heap::release(t.h, p);
}

TEST_CASE("heap: calloc zeroes a reused block", "[heap]") {
    TestHeap t;
    auto* p = static_cast<unsigned char*>(heap::allocate(t.h, 200));
    std::memset(p, 0xAB, 200);
    heap::release(t.h, p);
    auto* z = static_cast<unsigned char*>(heap::allocate_zeroed(t.h, 50, 4));
    CHECK(z == p);
    CHECK(std::all_of(z, z + 200, [](unsigned char c) { return c == 0; }));
    heap::release(t.h, z);
}

TEST_CASE("heap: a random mix of malloc, realloc and free keeps every block's bytes", "[heap]") {
    TestHeap t;
    std::mt19937 rng(20261202);
    struct Live {
        unsigned char* p;
        std::size_t n;
        unsigned char fill;
    };
    std::vector<Live> live;
    for (int step = 0; step < 20000; ++step) {
        const unsigned action = rng() % 3;
        if (action == 0 || live.empty()) {
            const std::size_t n = rng() % (rng() % 4 == 0 ? 70000 : 300);
            auto* p = static_cast<unsigned char*>(heap::allocate(t.h, n));
            REQUIRE(p != nullptr);
            const auto fill = static_cast<unsigned char>(rng());
            std::memset(p, fill, n);
            live.push_back({p, n, fill});
        } else {
            const std::size_t i = rng() % live.size();
            Live& l = live[i];
            REQUIRE(std::all_of(l.p, l.p + l.n, [&](unsigned char c) { return c == l.fill; }));
            if (action == 1) {
                const std::size_t n = rng() % 5000;
                auto* p = static_cast<unsigned char*>(heap::reallocate(t.h, l.p, n));
                REQUIRE(p != nullptr);
                if (n > l.n) std::memset(p + l.n, l.fill, n - l.n);
                l.p = p;
                l.n = n;
            } else {
                heap::release(t.h, l.p);
                live[i] = live.back();
                live.pop_back();
            }
        }
    }
    for (const Live& l : live) {
        CHECK(std::all_of(l.p, l.p + l.n, [&](unsigned char c) { return c == l.fill; }));
        heap::release(t.h, l.p);
    }
}

namespace {
int compare_ints(const void* a, const void* b) {
    const int x = *static_cast<const int*>(a);
    const int y = *static_cast<const int*>(b);
    return (x > y) - (x < y);
}
struct Record {
    char label[13];
};
int compare_records(const void* a, const void* b) {
    return std::memcmp(static_cast<const Record*>(a)->label, static_cast<const Record*>(b)->label, sizeof(Record));
}
}  // namespace

TEST_CASE("heap_sort sorts like std::sort, for any count and element size", "[heap_sort]") {
    std::mt19937 rng(7);
    for (std::size_t count : {0, 1, 2, 3, 4, 5, 16, 17, 100, 1001}) {
        std::vector<int> values(count);
        for (int& v : values) v = static_cast<int>(rng() % 50) - 25;  // many duplicates
        std::vector<int> expected = values;
        std::sort(expected.begin(), expected.end());
        blogreader::heap_sort(values.data(), values.size(), sizeof(int), compare_ints);
        CHECK(values == expected);
    }
    // Already sorted, reversed: heapsort has no quadratic case.
    std::vector<int> up(5000), down(5000);
    for (int i = 0; i < 5000; ++i) up[i] = i, down[i] = 5000 - i;
    std::vector<int> sorted = up;
    blogreader::heap_sort(up.data(), up.size(), sizeof(int), compare_ints);
    blogreader::heap_sort(down.data(), down.size(), sizeof(int), compare_ints);
    std::vector<int> one_to_n(5000);
    for (int i = 0; i < 5000; ++i) one_to_n[i] = i + 1;
    CHECK(up == sorted);
    CHECK(down == one_to_n);
    // An odd element size: swapping moves whole elements.
    std::vector<Record> records(300);
    for (auto& r : records) {
        for (char& c : r.label) c = static_cast<char>('a' + rng() % 3);
    }
    blogreader::heap_sort(records.data(), records.size(), sizeof(Record), compare_records);
    CHECK(std::is_sorted(records.begin(), records.end(), [](const Record& a, const Record& b) {
        return compare_records(&a, &b) < 0;
    }));
}
