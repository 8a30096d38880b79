// UTF-8 decoding, encoding and repair shared by the Markdown engine and the
// comment validator. Everything works on byte ranges (std::string_view): input
// is never assumed to be valid or NUL-terminated.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace blogreader::utf8 {

/// U+FFFD REPLACEMENT CHARACTER: what invalid input turns into when repairing.
inline constexpr char32_t kReplacementCharacter = 0xFFFD;

/// Result of decoding one code point.
struct Decoded {
    char32_t code_point;  ///< the code point, or kReplacementCharacter when !valid
    std::size_t length;   ///< bytes consumed: 1..4; an invalid sequence consumes its maximal subpart (at least 1)
    bool valid;           ///< false for any ill-formed sequence (overlong, surrogate, > U+10FFFF, truncated, stray byte)
};

/// Decodes the code point starting at text[offset] (offset < text.size()).
/// Ill-formed input follows the WHATWG/Unicode "maximal subpart" rule, so that
/// repairing gives the same U+FFFD count as a browser's TextDecoder.
Decoded decode(std::string_view text, std::size_t offset) noexcept;

/// Writes the UTF-8 form of code_point (which must be a scalar value) to
/// bytes[0..3]; returns how many bytes it takes (1 to 4).
std::size_t encode(char32_t code_point, char* bytes) noexcept;

/// Appends the UTF-8 form of code_point (which must be a scalar value) to out.
void append(std::string& out, char32_t code_point);

/// True when text is well-formed UTF-8 (no surrogates, no overlong forms).
bool is_valid(std::string_view text) noexcept;

/// Offset of the first ill-formed byte, or std::string_view::npos when valid.
std::size_t first_invalid(std::string_view text) noexcept;

/// True when text is well-formed UTF-8 without U+0000: what repair() would
/// leave unchanged. One pass (the renderer's check of every input).
bool is_clean(std::string_view text) noexcept;

/// Copies text, replacing each ill-formed sequence (and, when replace_nul is
/// set, each U+0000) by U+FFFD. Returns the number of replacements made.
std::size_t repair(std::string_view text, std::string& out, bool replace_nul = true);

/// Number of code points in well-formed text (invalid sequences count one each).
std::size_t count_code_points(std::string_view text) noexcept;

/// Where a TextDecoder's piece of [data, data + size) that starts at `start`
/// should end, for output decoded piece by piece (br_output_end in wasm/api.h
/// says why): just after the first run of non-ASCII bytes from `start` that no
/// other non-ASCII byte follows within `gap` bytes, or `size`; with gap 0
/// always `size`. A piece never ends inside a character (an ASCII byte or the
/// end follows it), so the pieces decode to what the whole would, whatever the
/// bytes. Inline: the engine exports it over its output, and the benchmark's
/// md4c-html build (bench/md4c_html.cpp) cuts its own output the same way.
inline std::size_t decode_piece_end(const char* data, std::size_t size, std::size_t start,
                                    std::size_t gap) noexcept {
    if (gap == 0) return size;
    std::size_t end = 0;  // just after the last non-ASCII byte found; 0: none yet
    std::size_t i = start;
    while (i < size && (end == 0 || i - end <= gap)) {
        std::uint64_t bytes;  // eight ASCII bytes at a time
        if (i + 8 <= size && (__builtin_memcpy(&bytes, data + i, 8), (bytes & 0x8080808080808080u) == 0)) {
            i += 8;
        } else if (static_cast<unsigned char>(data[i++]) >= 0x80) {
            end = i;
        }
    }
    return end != 0 && i - end > gap ? end : size;  // the gap found, or the part ends first
}

}  // namespace blogreader::utf8
