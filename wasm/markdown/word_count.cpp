#include "markdown/word_count.h"

#include <climits>

#include "common/utf8.h"
#include "markdown/md4c_unicode.h"
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

bool is_ascii_digit(char32_t cp) noexcept { return cp >= '0' && cp <= '9'; }

// What each byte is, for the ASCII fast path: most text is ASCII letters and
// spaces, so one table lookup per byte decides nearly everything.
enum : unsigned char { kSeparator = 0, kLetter = 1, kDigit = 2, kJoiner = 4, kNonAscii = 8 };
struct ByteClasses {
    unsigned char table[256];
    constexpr ByteClasses() : table() {
        for (unsigned c = 0; c < 256; ++c) {
            unsigned char k = kSeparator;
            if (c >= 0x80) k = kNonAscii;
            else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) k = kLetter;
            else if (c >= '0' && c <= '9') k = kDigit;
            else if (c == '\'' || c == '-' || c == '_' || c == '.' || c == ',') k = kJoiner;
            table[c] = k;
        }
    }
};
constexpr ByteClasses kByte;

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

CharClass classify(char32_t cp) noexcept {
    if (cp < 0x80) {
        const unsigned char k = kByte.table[cp];
        return k & (kLetter | kDigit) ? CharClass::word : k == kJoiner ? CharClass::joiner : CharClass::separator;
    }
    // Accented Latin, Greek and Cyrillic letters (most non-ASCII text in
    // European blogs): letters without a table search, which costs hundreds of
    // instructions per character. × and ÷ are symbols; U+0370-U+03FF and
    // U+0482 hold a few punctuation marks and symbols, left to the tables.
    if ((cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x400 && cp <= 0x481) ||
        (cp >= 0x48A && cp <= 0x52F)) {
        return CharClass::word;
    }
    // Kana voicing marks combine with the kana before them.
    if (cp == 0x3099 || cp == 0x309A || cp == 0xFF9E || cp == 0xFF9F) return CharClass::ignored;
    if (detail::is_format_character(cp)) return CharClass::ignored;
    if (cp == 0x2019 || cp == 0x2010 || cp == 0x2011 || cp == 0xB7) return CharClass::joiner;
    if (br_unicode_is_whitespace(cp) || br_unicode_is_punctuation(cp) || detail::is_symbol_or_control(cp)) {
        return CharClass::separator;
    }
    if (is_ideograph(cp)) return CharClass::ideograph;
    return CharClass::word;  // U+FFFD (invalid input) is a symbol, so never here
}

}  // namespace

// The general case, one code point at a time (ASCII joiners and all non-ASCII
// text come here; ASCII letters, digits and separators take the fast path).
void WordCounter::add_code_point(char32_t cp) noexcept {
    switch (classify(cp)) {
        case CharClass::word:
            // A new word unless a pending joiner connects it: "1,a" is two words.
            if (!in_word_ || (joiner_pending_ && joiner_needs_digit_ && !is_ascii_digit(cp))) ++words_;
            in_word_ = true;
            joiner_pending_ = false;
            last_was_digit_ = is_ascii_digit(cp);
            break;
        case CharClass::joiner:
            // A joiner joins only one pair: "a--b", "a.." end the word.
            if (!in_word_ || joiner_pending_ || (cp == ',' && !last_was_digit_)) {
                separate();
            } else {
                joiner_pending_ = true;
                joiner_needs_digit_ = cp == ',';
            }
            break;
        case CharClass::separator: separate(); break;
        case CharClass::ideograph:
            separate();
            ++words_;
            break;
        case CharClass::ignored: break;
    }
}

void WordCounter::add_text(std::string_view utf8_text) {
    const auto* p = reinterpret_cast<const unsigned char*>(utf8_text.data());
    const auto* const end = p + utf8_text.size();
    while (p < end) {
        const unsigned char k = kByte.table[*p];
        if (k == kSeparator) {
            separate();
            ++p;
        } else if ((k & (kLetter | kDigit)) && !joiner_pending_) {
            // A run of ASCII letters and digits: at most one new word, then only
            // whether it ends in a digit matters.
            if (!in_word_) ++words_;
            in_word_ = true;
            // Only the last byte decides last_was_digit_ (measured: tracking it in
            // the loop cost ~1 of the ~9 instructions per byte of this loop).
            while (++p < end && (kByte.table[*p] & (kLetter | kDigit))) {
            }
            last_was_digit_ = kByte.table[p[-1]] == kDigit;
        } else if (k == kNonAscii) {
            const std::size_t at = static_cast<std::size_t>(p - reinterpret_cast<const unsigned char*>(utf8_text.data()));
            const utf8::Decoded d = utf8::decode(utf8_text, at);
            add_code_point(d.code_point);
            p += d.length;
        } else {
            add_code_point(*p++);  // a joiner, or the character after a pending one
        }
    }
}

unsigned reading_minutes(std::size_t words, unsigned words_per_minute) {
    if (words_per_minute == 0) words_per_minute = kDefaultWordsPerMinute;
    const std::size_t minutes = words / words_per_minute + (words % words_per_minute != 0 ? 1 : 0);
    return minutes > UINT_MAX ? UINT_MAX : static_cast<unsigned>(minutes);
}

}  // namespace blogreader::markdown
