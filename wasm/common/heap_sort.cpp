#include "common/heap_sort.h"

namespace blogreader {
namespace {

void swap_elements(char* a, char* b, std::size_t size) noexcept {
    for (std::size_t i = 0; i < size; ++i) {
        const char t = a[i];
        a[i] = b[i];
        b[i] = t;
    }
}

// Moves the element at `root` down until no child of it is larger, within the
// heap of the first `end` elements.
void sift_down(char* base, std::size_t root, std::size_t end, std::size_t size, CompareFunction compare) noexcept {
    for (;;) {
        std::size_t child = 2 * root + 1;
        if (child >= end) return;
        if (child + 1 < end && compare(base + child * size, base + (child + 1) * size) < 0) ++child;
        if (compare(base + root * size, base + child * size) >= 0) return;
        swap_elements(base + root * size, base + child * size, size);
        root = child;
    }
}

}  // namespace

void heap_sort(void* base, std::size_t count, std::size_t size, CompareFunction compare) noexcept {
    char* const bytes = static_cast<char*>(base);
    if (count < 2 || size == 0) return;
    for (std::size_t i = count / 2; i-- > 0;) sift_down(bytes, i, count, size, compare);
    for (std::size_t end = count - 1; end > 0; --end) {
        swap_elements(bytes, bytes + end * size, size);
        sift_down(bytes, 0, end, size, compare);
    }
}

}  // namespace blogreader
