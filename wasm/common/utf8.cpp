#include "common/utf8.h"

namespace blogreader::utf8 {

Decoded decode(std::string_view text, std::size_t offset) noexcept {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data()) + offset;
    const std::size_t avail = text.size() - offset;
    const unsigned b0 = s[0];
    if (b0 < 0x80) return {b0, 1, true};

    std::size_t need;
    char32_t cp;
    // Bounds of the second byte (Unicode Table 3-7) rule out overlong forms,
    // surrogates and values above U+10FFFF at the first continuation byte.
    unsigned lo = 0x80, hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1; cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 2; cp = b0 & 0x0F;
        if (b0 == 0xE0) lo = 0xA0;
        if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 3; cp = b0 & 0x07;
        if (b0 == 0xF0) lo = 0x90;
        if (b0 == 0xF4) hi = 0x8F;
    } else {
        return {kReplacementCharacter, 1, false};
    }
    std::size_t i = 1;
    for (; i <= need; ++i) {
        if (i >= avail) return {kReplacementCharacter, i, false};
        const unsigned b = s[i];
        if (i == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return {kReplacementCharacter, i, false};
        cp = (cp << 6) | (b & 0x3F);
    }
    return {cp, need + 1, true};
}

std::size_t encode(char32_t cp, char* bytes) noexcept {
    if (cp < 0x80) {
        bytes[0] = static_cast<char>(cp);
        return 1;
    }
    if (cp < 0x800) {
        bytes[0] = static_cast<char>(0xC0 | (cp >> 6));
        bytes[1] = static_cast<char>(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        bytes[0] = static_cast<char>(0xE0 | (cp >> 12));
        bytes[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        bytes[2] = static_cast<char>(0x80 | (cp & 0x3F));
        return 3;
    }
    bytes[0] = static_cast<char>(0xF0 | (cp >> 18));
    bytes[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    bytes[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    bytes[3] = static_cast<char>(0x80 | (cp & 0x3F));
    return 4;
}

// One append of up to four bytes: four inlined push_backs were 1.9 kB of code.
void append(std::string& out, char32_t cp) {
    char bytes[4];
    out.append(bytes, encode(cp, bytes));
}

namespace {

// Offset of the first ill-formed byte (or NUL, with kRejectNul), else npos.
template <bool kRejectNul>
std::size_t first_unclean(std::string_view text) noexcept {
    constexpr std::uint64_t kOnes = 0x0101010101010101ull;
    constexpr std::uint64_t kHigh = 0x8080808080808080ull;
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        // ASCII runs are the common case in Markdown: skip them eight at a time
        // (a lane with its high bit set, or a zero lane, ends the run).
        while (i + 8 <= n) {
            std::uint64_t word;
            __builtin_memcpy(&word, text.data() + i, 8);
            if (word & kHigh) break;
            if (kRejectNul && ((word - kOnes) & ~word & kHigh)) break;
            i += 8;
        }
        if (i >= n) break;
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) {
            if (kRejectNul && b == 0) return i;
            ++i;
            continue;
        }
        const Decoded d = decode(text, i);
        if (!d.valid) return i;
        i += d.length;
    }
    return std::string_view::npos;
}

}  // namespace

std::size_t first_invalid(std::string_view text) noexcept { return first_unclean<false>(text); }

bool is_clean(std::string_view text) noexcept { return first_unclean<true>(text) == std::string_view::npos; }

bool is_valid(std::string_view text) noexcept { return first_invalid(text) == std::string_view::npos; }

// Runs only for input that is not clean (is_clean() decides): the rare path.
__attribute__((cold))
std::size_t repair(std::string_view text, std::string& out, bool replace_nul) {
    std::size_t replaced = 0;
    std::size_t i = 0, clean_from = 0;
    out.reserve(out.size() + text.size());
    while (i < text.size()) {
        const unsigned char b = static_cast<unsigned char>(text[i]);
        if (b >= 0x80) {
            const Decoded d = decode(text, i);
            if (d.valid) { i += d.length; continue; }
            out.append(text.data() + clean_from, i - clean_from);
            append(out, kReplacementCharacter);
            ++replaced;
            i += d.length;
            clean_from = i;
        } else if (b == 0 && replace_nul) {
            out.append(text.data() + clean_from, i - clean_from);
            append(out, kReplacementCharacter);
            ++replaced;
            clean_from = ++i;
        } else {
            ++i;
        }
    }
    out.append(text.data() + clean_from, text.size() - clean_from);
    return replaced;
}

std::size_t count_code_points(std::string_view text) noexcept {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++count) i += decode(text, i).length;
    return count;
}

}  // namespace blogreader::utf8
