#pragma once
// Heapsort with qsort()'s interface, for the WebAssembly modules' qsort()
// (wasm/wasm_malloc.cpp): md4c sorts its link reference definitions with it.
// musl's qsort (smoothsort) costs about 0.9 kB of code, this about a fifth of
// that, and heapsort keeps qsort's O(n log n) worst case, which matters because
// the reference labels come from the text being rendered (a stranger's comment
// too). Not stable, like qsort; md4c's comparator is a total order anyway.
#include <cstddef>

namespace blogreader {

using CompareFunction = int (*)(const void*, const void*);

void heap_sort(void* base, std::size_t count, std::size_t size, CompareFunction compare) noexcept;

}  // namespace blogreader
