// ASCII character classes, as the specs the engine follows define them (WHATWG
// HTML and URL, YAML, CommonMark): fixed, unlike <cctype>, which depends on the
// C locale and takes int.
#pragma once

#include <string_view>

namespace blogreader {

constexpr bool is_ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_ascii_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_ascii_alnum(char c) noexcept { return is_ascii_digit(c) || is_ascii_alpha(c); }
constexpr char ascii_lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

/// The value of a hexadecimal digit (0-9, a-f, A-F); -1 for any other byte.
constexpr int ascii_hex_value(char c) noexcept {
    if (is_ascii_digit(c)) return c - '0';
    const char lower = ascii_lower(c);
    return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
}

/// Equal when ASCII letters are folded to lower case (other bytes as they are).
constexpr bool equals_ignoring_ascii_case(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    }
    return true;
}

}  // namespace blogreader
