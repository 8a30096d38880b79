// Unsigned integers in decimal, for any output with push_back (std::string,
// OutputBuffer). The one digit writer of the engine: std::to_string and printf
// would pull libc's number formatting into the .wasm.
#pragma once

#include <cstdint>

namespace blogreader {

template <class Out>
void append_decimal(Out& out, std::uint64_t n) {
    char digits[20];
    int count = 0;
    do {
        digits[count++] = static_cast<char>('0' + n % 10);
        n /= 10;
    } while (n != 0);
    while (count > 0) out.push_back(digits[--count]);
}

}  // namespace blogreader
