#include "markdown/slug.h"

#include <algorithm>
#include <iterator>

#include "common/ascii.h"
#include "common/decimal.h"
#include "common/hash.h"
#include "common/utf8.h"
#include "markdown/unicode_tables.h"

namespace blogreader::markdown {
namespace {

struct CodePointRange {
    char32_t first;
    char32_t last;
};

// Non-ASCII code points of the categories Sm, Sc, Sk, So, Cc, Co, Cs, Zl and Zp,
// as ranges that also swallow the unassigned (Cn) code points and the non-Pc
// punctuation lying between them (both are dropped anyway), which keeps the
// table at 158 ranges (1.3 kB). Generated from Python's unicodedata (Unicode 14):
//   cat = lambda c: unicodedata.category(chr(c))
//   drop = lambda c: cat(c)[0] == 'S' or cat(c) in ('Cc', 'Co', 'Cs', 'Zl', 'Zp')
//   gap = lambda c: drop(c) or cat(c) == 'Cn' or (cat(c)[0] == 'P' and cat(c) != 'Pc')
//   ranges of drop(c) for c in 0x80..0x10FFFF, merging two ranges when every
//   code point between them satisfies gap(c)
constexpr CodePointRange kSymbolRanges[] = {
    {0x80, 0x9F}, {0xA2, 0xA9}, {0xAC, 0xAC}, {0xAE, 0xB1}, {0xB4, 0xB4}, {0xB8, 0xB8}, {0xD7, 0xD7},
    {0xF7, 0xF7}, {0x2C2, 0x2C5}, {0x2D2, 0x2DF}, {0x2E5, 0x2EB}, {0x2ED, 0x2ED}, {0x2EF, 0x2FF},
    {0x375, 0x375}, {0x384, 0x385}, {0x3F6, 0x3F6}, {0x482, 0x482}, {0x58D, 0x58F}, {0x606, 0x60F},
    {0x6DE, 0x6DE}, {0x6E9, 0x6E9}, {0x6FD, 0x6FE}, {0x7F6, 0x7F6}, {0x7FE, 0x7FF}, {0x888, 0x888},
    {0x9F2, 0x9F3}, {0x9FA, 0x9FB}, {0xAF1, 0xAF1}, {0xB70, 0xB70}, {0xBF3, 0xBFA}, {0xC7F, 0xC7F},
    {0xD4F, 0xD4F}, {0xD79, 0xD79}, {0xE3F, 0xE3F}, {0xF01, 0xF17}, {0xF1A, 0xF1F}, {0xF34, 0xF34},
    {0xF36, 0xF36}, {0xF38, 0xF38}, {0xFBE, 0xFC5}, {0xFC7, 0xFD8}, {0x109E, 0x109F}, {0x1390, 0x1399},
    {0x166D, 0x166D}, {0x17DB, 0x17DB}, {0x1940, 0x1940}, {0x19DE, 0x19FF}, {0x1B61, 0x1B6A}, {0x1B74, 0x1B7C},
    {0x1FBD, 0x1FBD}, {0x1FBF, 0x1FC1}, {0x1FCD, 0x1FCF}, {0x1FDD, 0x1FDF}, {0x1FED, 0x1FEF}, {0x1FFD, 0x1FFE},
    {0x2028, 0x2029}, {0x2044, 0x2052}, {0x207A, 0x207C}, {0x208A, 0x208C}, {0x20A0, 0x20C0}, {0x2100, 0x2101},
    {0x2103, 0x2106}, {0x2108, 0x2109}, {0x2114, 0x2114}, {0x2116, 0x2118}, {0x211E, 0x2123}, {0x2125, 0x2125},
    {0x2127, 0x2127}, {0x2129, 0x2129}, {0x212E, 0x212E}, {0x213A, 0x213B}, {0x2140, 0x2144}, {0x214A, 0x214D},
    {0x214F, 0x214F}, {0x218A, 0x244A}, {0x249C, 0x24E9}, {0x2500, 0x2767}, {0x2794, 0x2BFF}, {0x2CE5, 0x2CEA},
    {0x2E50, 0x2FFB}, {0x3004, 0x3004}, {0x3012, 0x3020}, {0x3036, 0x3037}, {0x303E, 0x303F}, {0x309B, 0x309C},
    {0x3190, 0x3191}, {0x3196, 0x319F}, {0x31C0, 0x31E3}, {0x3200, 0x321E}, {0x322A, 0x3247}, {0x3250, 0x3250},
    {0x3260, 0x327F}, {0x328A, 0x32B0}, {0x32C0, 0x33FF}, {0x4DC0, 0x4DFF}, {0xA490, 0xA4C6}, {0xA700, 0xA716},
    {0xA720, 0xA721}, {0xA789, 0xA78A}, {0xA828, 0xA82B}, {0xA836, 0xA839}, {0xAA77, 0xAA79}, {0xAB5B, 0xAB5B},
    {0xAB6A, 0xAB6B}, {0xD800, 0xF8FF}, {0xFB29, 0xFB29}, {0xFBB2, 0xFBC2}, {0xFD40, 0xFD4F}, {0xFDCF, 0xFDCF},
    {0xFDFC, 0xFDFF}, {0xFE62, 0xFE69}, {0xFF04, 0xFF0B}, {0xFF1C, 0xFF1E}, {0xFF3E, 0xFF3E}, {0xFF40, 0xFF40},
    {0xFF5C, 0xFF5E}, {0xFFE0, 0xFFEE}, {0xFFFC, 0xFFFD}, {0x10137, 0x1013F}, {0x10179, 0x10189},
    {0x1018C, 0x101FC}, {0x10877, 0x10878}, {0x10AC8, 0x10AC8}, {0x1173F, 0x1173F}, {0x11FD5, 0x11FF1},
    {0x16B3C, 0x16B3F}, {0x16B45, 0x16B45}, {0x1BC9C, 0x1BC9C}, {0x1CF50, 0x1D164}, {0x1D16A, 0x1D16C},
    {0x1D183, 0x1D184}, {0x1D18C, 0x1D1A9}, {0x1D1AE, 0x1D241}, {0x1D245, 0x1D245}, {0x1D300, 0x1D356},
    {0x1D6C1, 0x1D6C1}, {0x1D6DB, 0x1D6DB}, {0x1D6FB, 0x1D6FB}, {0x1D715, 0x1D715}, {0x1D735, 0x1D735},
    {0x1D74F, 0x1D74F}, {0x1D76F, 0x1D76F}, {0x1D789, 0x1D789}, {0x1D7A9, 0x1D7A9}, {0x1D7C3, 0x1D7C3},
    {0x1D800, 0x1D9FF}, {0x1DA37, 0x1DA3A}, {0x1DA6D, 0x1DA74}, {0x1DA76, 0x1DA83}, {0x1DA85, 0x1DA86},
    {0x1E14F, 0x1E14F}, {0x1E2FF, 0x1E2FF}, {0x1ECAC, 0x1ECAC}, {0x1ECB0, 0x1ECB0}, {0x1ED2E, 0x1ED2E},
    {0x1EEF0, 0x1F0F5}, {0x1F10D, 0x1FBCA}, {0xF0000, 0x10FFFD},
};

// Category Cf (Unicode 14), merged across unassigned code points.
constexpr CodePointRange kFormatRanges[] = {
    {0xAD, 0xAD}, {0x600, 0x605}, {0x61C, 0x61C}, {0x6DD, 0x6DD}, {0x70F, 0x70F}, {0x890, 0x891},
    {0x8E2, 0x8E2}, {0x180E, 0x180E}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x206F},
    {0xFEFF, 0xFEFF}, {0xFFF9, 0xFFFB}, {0x110BD, 0x110BD}, {0x110CD, 0x110CD}, {0x13430, 0x13438},
    {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0xE0001, 0xE007F},
};

// Connector punctuation (Pc) other than '_': kept in slugs, like letters.
constexpr CodePointRange kConnectorRanges[] = {
    {0x203F, 0x2040}, {0x2054, 0x2054}, {0xFE33, 0xFE34}, {0xFE4D, 0xFE4F}, {0xFF3F, 0xFF3F},
};

// Letters that are already lower case but that case folding maps elsewhere
// (micro sign to mu, final sigma to sigma, long s to s, Greek symbol variants,
// Cyrillic and Cherokee small letters): toLowerCase() leaves them alone.
constexpr CodePointRange kAlreadyLowerRanges[] = {
    {0xB5, 0xB5}, {0x17F, 0x17F}, {0x345, 0x345}, {0x3C2, 0x3C2}, {0x3D0, 0x3D1}, {0x3D5, 0x3D6},
    {0x3F0, 0x3F1}, {0x3F5, 0x3F5}, {0x13F8, 0x13FD}, {0x1C80, 0x1C88}, {0x1E9B, 0x1E9B},
    {0x1FBE, 0x1FBE}, {0xAB70, 0xABBF},
};

template <std::size_t N>
bool in_ranges(const CodePointRange (&ranges)[N], char32_t cp) noexcept {
    const auto* it = std::upper_bound(std::begin(ranges), std::end(ranges), cp,
                                      [](char32_t value, const CodePointRange& r) { return value < r.first; });
    return it != std::begin(ranges) && cp <= (it - 1)->last;
}

// JavaScript's toLowerCase() for one non-ASCII code point, from md4c's folding table.
void append_lower_case(std::string& out, char32_t cp) {
    if (in_ranges(kAlreadyLowerRanges, cp)) return utf8::append(out, cp);
    // Cherokee: folding maps small letters to capitals, the other way round.
    if (cp >= 0x13A0 && cp <= 0x13EF) return utf8::append(out, cp + (0xAB70 - 0x13A0));
    if (cp >= 0x13F0 && cp <= 0x13F5) return utf8::append(out, cp + 8);
    if (cp == 0x1E9E) return utf8::append(out, 0xDF);  // capital sharp s
    unsigned folded[3];
    const unsigned n = br_unicode_case_fold(static_cast<unsigned>(cp), folded);
    if (n == 1) return utf8::append(out, folded[0]);
    if (cp == 0x130) {  // capital I with dot: "i" + combining dot, as in JavaScript
        utf8::append(out, 'i');
        return utf8::append(out, 0x307);
    }
    // Greek capitals with prosgegrammeni fold to two code points but have a
    // one-code-point lower case eight (or nine) places before them.
    if ((cp >= 0x1F88 && cp <= 0x1F8F) || (cp >= 0x1F98 && cp <= 0x1F9F) || (cp >= 0x1FA8 && cp <= 0x1FAF)) {
        return utf8::append(out, cp - 8);
    }
    if (cp == 0x1FBC || cp == 0x1FCC || cp == 0x1FFC) return utf8::append(out, cp - 9);
    utf8::append(out, cp);  // already lower case ("ß", "ŉ", ligatures...)
}

}  // namespace

namespace detail {

bool is_symbol_or_control(char32_t code_point) noexcept {
    if (code_point < 0x80) return code_point < 0x20 || code_point == 0x7F;
    return in_ranges(kSymbolRanges, code_point);
}

// kSymbolRanges also holds C1 controls, surrogates, private use (planes 0, 15
// and 16) and U+2028/9, which are no symbols.
bool is_non_ascii_symbol(char32_t code_point) noexcept {
    if (code_point < 0xA0 || code_point - 0x2028u < 2 || code_point - 0xD800u <= 0xF8FFu - 0xD800u ||
        code_point >= 0xF0000) {
        return false;
    }
    return is_symbol_or_control(code_point);
}

bool is_format_character(char32_t code_point) noexcept {
    return code_point >= 0xAD && in_ranges(kFormatRanges, code_point);
}

}  // namespace detail

std::string github_slug(std::string_view plain_text) {
    std::string slug;
    slug.reserve(plain_text.size());
    std::size_t i = 0;
    while (i < plain_text.size()) {
        const char c = plain_text[i];
        if (static_cast<unsigned char>(c) < 0x80) {
            ++i;
            if (is_ascii_alnum(c)) {
                slug.push_back(ascii_lower(c));
            } else if (c == ' ' || c == '-') {
                slug.push_back('-');
            } else if (c == '_') {
                slug.push_back('_');
            }
            continue;
        }
        const utf8::Decoded d = utf8::decode(plain_text, i);
        const std::size_t start = i;
        i += d.length;
        const char32_t cp = d.code_point;  // U+FFFD when invalid: a symbol, dropped
        if (br_unicode_is_whitespace(cp)) {
            slug.push_back('-');
        } else if (in_ranges(kConnectorRanges, cp)) {
            slug.append(plain_text.substr(start, d.length));
        } else if (!br_unicode_is_p_punctuation(cp) && !detail::is_symbol_or_control(cp) &&
                   !detail::is_format_character(cp)) {
            append_lower_case(slug, cp);
        }
    }
    return slug;
}

// The slot holding `slug`, or the free slot where it belongs (which the caller fills).
SlugRegistry::Slot& SlugRegistry::slot_for(std::string_view slug) {
    if (2 * (used_count_ + 1) > slots_.size()) {
        std::vector<Slot> old(slots_.empty() ? 16 : slots_.size() * 2);
        old.swap(slots_);
        for (Slot& entry : old) {
            if (!entry.slug.empty()) {
                Slot& moved = slot_for(entry.slug);
                moved = std::move(entry);
            }
        }
    }
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = fnv1a(slug) & mask;; i = (i + 1) & mask) {
        if (slots_[i].slug.empty() || slots_[i].slug == slug) return slots_[i];
    }
}

std::string SlugRegistry::unique_id(std::string_view plain_text, std::string_view prefix) {
    std::string slug = github_slug(plain_text);
    if (slug.empty()) slug = "section";
    // Only the first look-up may grow the table (it makes room for one more
    // id, and no id is added until the end), so the slots found here stay put.
    Slot& first = slot_for(slug);
    Slot* free_slot = &first;
    std::string id = slug;
    if (!first.slug.empty()) {
        unsigned& counter = first.counter;
        do {
            ++counter;
            id = slug;
            id.push_back('-');
            append_decimal(id, counter);
            free_slot = &slot_for(id);
        } while (!free_slot->slug.empty());
    }
    free_slot->slug = id;
    free_slot->counter = 0;
    ++used_count_;
    std::string result(prefix);
    result += id;
    return result;
}

}  // namespace blogreader::markdown
