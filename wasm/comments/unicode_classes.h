// The few Unicode character classes the comment rules need, as small range
// checks instead of full Unicode tables (the .wasm has a size budget).
#pragma once

namespace blogreader::comments {

/// Unicode White_Space (Tab, LF, VT, FF, CR, space, U+0085, U+00A0, U+1680,
/// U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) plus U+FEFF (the
/// byte-order mark), i.e. exactly what JavaScript's String.prototype.trim()
/// removes, so that the browser and the server trim the same text.
inline bool is_trimmed_space(char32_t c) noexcept {
    if (c <= 0x20) return c == 0x20 || (c >= 0x09 && c <= 0x0D);
    if (c < 0x85) return false;
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
           c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

/// C0 controls U+0000..U+001F, DEL U+007F and C1 controls U+0080..U+009F.
inline bool is_control(char32_t c) noexcept { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

/// Bidi embedding, override and isolate controls: U+202A..U+202E (LRE, RLE,
/// PDF, LRO, RLO) and U+2066..U+2069 (LRI, RLI, FSI, PDI). They can reorder
/// the text around them ("Trojan Source"); the marks U+200E/U+200F/U+061C
/// cannot, and are allowed (though invisible).
inline bool is_bidi_control(char32_t c) noexcept {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/// Characters that draw nothing: trimmed spaces, controls, and
/// Default_Ignorable_Code_Point (soft hyphen, zero-width space/joiners, word
/// joiner, invisible operators, variation selectors, Hangul fillers, tags...),
/// plus U+2800 BRAILLE PATTERN BLANK, a common "invisible name" trick.
/// A field passes the "at least one visible character" rule when it holds
/// one character for which this is false. (ASCII is decided inline: it is
/// most of any comment.)
inline bool is_invisible(char32_t c) noexcept;
bool is_invisible_non_ascii(char32_t c) noexcept;
inline bool is_invisible(char32_t c) noexcept { return c < 0x80 ? c <= 0x20 || c == 0x7F : is_invisible_non_ascii(c); }

/// Simple lower-casing for what a domain name (or a blocked-word match) needs:
/// ASCII, full-width ASCII (mapped to ASCII first, as UTS 46 does), and the
/// letters of Latin-1, Latin Extended-A, Latin Extended Additional
/// (Vietnamese), Greek and basic Cyrillic. Other characters are returned
/// unchanged: this is not a full Unicode case mapping.
inline char32_t simple_lowercase(char32_t c) noexcept;
char32_t simple_lowercase_non_ascii(char32_t c) noexcept;
inline char32_t simple_lowercase(char32_t c) noexcept {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 0x20 : c;
    return simple_lowercase_non_ascii(c);
}

}  // namespace blogreader::comments
