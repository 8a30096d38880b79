#include "markdown/word_count.h"

#include <climits>
#include <cstdint>
#include <cstring>

#include "common/html_escape.h"
#include "common/utf8.h"
#include "markdown/unicode_tables.h"
#include "markdown/slug.h"

namespace blogreader::markdown {
namespace {

constexpr unsigned kDefaultWordsPerMinute = 200;

enum class CharClass {
    word,       ///< letter, digit, mark: part of a word
    joiner,     ///< in-word punctuation: joins two word characters
    separator,  ///< white space, punctuation, symbols
    ideograph,  ///< Han, kana: a word by itself
    ignored,    ///< format characters, kana voicing marks: change nothing
};

// Character classes as bits, so that whether a character starts a word is a
// few bit operations on it and the two before it (see scan).
enum : unsigned char {
    kSeparator = 0,   ///< white space, punctuation, symbols
    kWord = 1,        ///< letter, digit, mark
    kDigit = 2,       ///< with kWord: an ASCII digit
    kJoiner = 4,      ///< in-word punctuation: joins two word characters
    kComma = 8,       ///< ',': joins two digits only ("1,000")
    kNonAscii = 16,   ///< a byte >= 0x80: decoded and classified by code point
    kMarkup = 32,     ///< & < > ": escaped in HTML text (html_escape.cpp); separators
};
struct ByteClasses {
    unsigned char table[256];
    constexpr ByteClasses() : table() {
        for (unsigned c = 0; c < 256; ++c) {
            unsigned char k = kSeparator;
            if (c >= 0x80) k = kNonAscii;
            else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) k = kWord;
            else if (c >= '0' && c <= '9') k = kWord | kDigit;
            else if (c == '\'' || c == '-' || c == '_' || c == '.') k = kJoiner;
            else if (c == ',') k = kComma;
            else if (c == '&' || c == '<' || c == '>' || c == '"') k = kMarkup;
            table[c] = k;
        }
    }
};
constexpr ByteClasses kByte;

// Bit 0 is 1 when a character of class c0, after c1 and c2 before it (c1 the
// nearer), starts a new word. It continues one after a word character, and
// after a joiner that follows a word character (a comma: between two digits).
// Such a joiner joins one pair only: "a--b" and "a.." end the word, as the rules
// in word_count.h say. Three classes decide it exactly; no other state is
// needed. The operations work within each byte (the shifts move no bit of one
// byte into bit 0 of another), so T = uint64_t decides eight characters at
// once, one class per byte, in bit 0 of each byte; the caller masks the rest.
template <class T>
inline T word_starts(T c0, T c1, T c2) noexcept {
    const T joined = (c1 >> 2) & c2;                    // bit 0: joiner after a word character
    const T comma_joined = (c1 >> 3) & (c2 >> 1) & (c0 >> 1);  // bit 0: digit ',' digit
    return c0 & ~(c1 | joined | comma_joined);
}

// Scripts written without spaces between words, counted per character.
bool is_ideograph(char32_t cp) noexcept {
    return (cp >= 0x3040 && cp <= 0x30FF)       // Hiragana, Katakana
           || (cp >= 0x3005 && cp <= 0x3007)    // 々 〆 〇
           || (cp >= 0x31F0 && cp <= 0x31FF)    // Katakana phonetic extensions
           || (cp >= 0x3400 && cp <= 0x4DBF)    // Han extension A
           || (cp >= 0x4E00 && cp <= 0x9FFF)    // Han
           || (cp >= 0xF900 && cp <= 0xFAFF)    // Han compatibility
           || (cp >= 0xFF66 && cp <= 0xFF9D)    // half-width Katakana
           || (cp >= 0x20000 && cp <= 0x2FA1F)  // Han extensions B-F, compatibility supplement
           || (cp >= 0x30000 && cp <= 0x323AF); // Han extensions G, H
}

// Accented Latin, Greek and Cyrillic letters (most non-ASCII text in European
// blogs): letters without a table search, which costs hundreds of instructions
// per character. × ÷ ϶ are symbols; below U+0388 and at U+0482-U+0489 are a
// few punctuation marks, symbols and combining marks, left to the tables (the
// tests check every code point of these ranges). Inline in scan.
inline bool is_common_letter(char32_t cp) noexcept {
    return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x388 && cp <= 0x481 && cp != 0x3F6) ||
           (cp >= 0x48A && cp <= 0x52F);
}

// Only for code points >= 0x80 that are not is_common_letter: ASCII is
// classified by kByte, in scan. Out of line: inlined, it made scan 1 kB larger
// (its Unicode table searches included) and no faster.
__attribute__((noinline)) CharClass classify_rare(char32_t cp) noexcept {
    // Han (CJK unified ideographs and extension A): no punctuation, symbol or
    // space among them (tested for every code point), so no table search.
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)) return CharClass::ideograph;
    // Kana voicing marks combine with the kana before them.
    if (cp == 0x3099 || cp == 0x309A || cp == 0xFF9E || cp == 0xFF9F) return CharClass::ignored;
    if (detail::is_format_character(cp)) return CharClass::ignored;
    if (cp == 0x2019 || cp == 0x2010 || cp == 0x2011 || cp == 0xB7) return CharClass::joiner;
    if (br_unicode_is_whitespace(cp) || br_unicode_is_p_punctuation(cp) || detail::is_symbol_or_control(cp)) {
        return CharClass::separator;
    }
    if (is_ideograph(cp)) return CharClass::ideograph;
    return CharClass::word;  // U+FFFD (invalid input) is a symbol, so never here
}

}  // namespace

// Runs over every byte of text, most of it ASCII letters and spaces, eight bytes
// at a time: their classes packed into one 64-bit word decide all eight word
// starts with the same few operations that decide one (word_starts), and a
// popcount adds them up. A block with a byte that is not ASCII or must be
// escaped goes one character at a time, as does the tail of fewer than eight
// bytes (taking short tails as partial blocks measured no faster, +48 B). The
// one-at-a-time loop has no branch that depends on the text (the test for a
// special byte is almost always false): the version before it looped over each
// run of letters and mispredicted once per word. Measured against the
// one-at-a-time loop alone (bench/ab.mjs, best of 40 alternating batches):
// blog-200k 7 % faster, post-5k 8 %; scan's share of a blog-200k render in a V8
// profile went from 16.4 % to 12.3 %. With classify_rare out of line and the
// Greek and Han ranges decided without a table search, Greek and Cyrillic prose
// renders 2.3x as fast and Japanese 1.2x; +157 B gzip.
// Given `out`, it also writes the text to `out` escaped, as
// html::append_escaped_text does, so the article's text is scanned once, not
// once to count and once to escape (blog-200k about 8 % faster, 2.75 vs
// 2.99 ms, best of 60 alternating batches).
void WordCounter::scan(std::string_view utf8_text, OutputBuffer* out) {
    const auto* const begin = reinterpret_cast<const unsigned char*>(utf8_text.data());
    const auto* const end = begin + utf8_text.size();
    const unsigned char* run = begin;  // the bytes not yet written to out
    std::size_t words = words_;
    unsigned c1 = last_, c2 = before_last_;
    constexpr std::uint64_t kEachByte = 0x0101010101010101u;
    const unsigned char* p = begin;
    while (p < end) {
        const unsigned char* slow_end = end;  // from p to here: one character at a time
        if (end - p >= 8) {
            // Not all ASCII: one load tells, before eight class lookups.
            std::uint64_t bytes;
            std::memcpy(&bytes, p, sizeof bytes);
            std::uint64_t c0s = kNonAscii;  // byte i: the class of p[i]
            if ((bytes & (0x80 * kEachByte)) == 0) {
                c0s = 0;
                for (int i = 0; i < 8; ++i) c0s |= std::uint64_t{kByte.table[p[i]]} << (8 * i);
            }
            if ((c0s & ((kNonAscii | kMarkup) * kEachByte)) == 0) {
                const std::uint64_t c1s = (c0s << 8) | c1;  // byte i: the class of p[i - 1]
                const std::uint64_t c2s = (c1s << 8) | c2;  // byte i: the class of p[i - 2]
                words += static_cast<std::size_t>(__builtin_popcountll(word_starts(c0s, c1s, c2s) & kEachByte));
                c2 = static_cast<unsigned>(c0s >> 48) & 0xFFu;
                c1 = static_cast<unsigned>(c0s >> 56);
                p += 8;
                continue;
            }
            slow_end = p + 8;
        }
        while (p < slow_end) {
            unsigned c0 = kByte.table[*p];
            if (c0 == kNonAscii) {
                const utf8::Decoded d = utf8::decode(utf8_text, static_cast<std::size_t>(p - begin));
                p += d.length;
                switch (is_common_letter(d.code_point) ? CharClass::word : classify_rare(d.code_point)) {
                    case CharClass::word: c0 = kWord; break;
                    case CharClass::joiner: c0 = kJoiner; break;  // ’ ‐ ‑ ·: never a comma
                    case CharClass::separator: c0 = kSeparator; break;
                    case CharClass::ideograph: ++words; c0 = kSeparator; break;  // a word by itself, then as a separator
                    case CharClass::ignored: continue;  // as if it were not there
                }
            } else {
                if (c0 == kMarkup) {  // & < > ": escaped, and they separate words
                    c0 = kSeparator;
                    if (out != nullptr) {
                        out->append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
                        html::append_escaped_text(*out, std::string_view(reinterpret_cast<const char*>(p), 1));
                        run = p + 1;
                    }
                }
                ++p;
            }
            words += word_starts(c0, c1, c2) & 1u;
            c2 = c1;
            c1 = c0;
        }
    }
    if (out != nullptr) out->append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(end - run));
    words_ = words;
    last_ = c1;
    before_last_ = c2;
}

void WordCounter::add_text(std::string_view utf8_text) { scan(utf8_text, nullptr); }

void WordCounter::add_text_and_escape(std::string_view utf8_text, OutputBuffer& out) {
    scan(utf8_text, &out);
}

unsigned reading_minutes(std::size_t words, unsigned words_per_minute) {
    if (words_per_minute == 0) words_per_minute = kDefaultWordsPerMinute;
    const std::size_t minutes = words / words_per_minute + (words % words_per_minute != 0 ? 1 : 0);
    return minutes > UINT_MAX ? UINT_MAX : static_cast<unsigned>(minutes);
}

}  // namespace blogreader::markdown
