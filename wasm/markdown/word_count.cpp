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

// ASCII characters that only separate words (not letters, digits or joiners).
struct AsciiSeparators {
    bool table[128];
    constexpr AsciiSeparators() : table() {
        for (unsigned c = 0; c < 128; ++c) {
            const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            const bool joiner = c == '\'' || c == '-' || c == '_' || c == '.' || c == ',';
            table[c] = !alnum && !joiner;
        }
    }
    constexpr bool operator[](char32_t c) const { return table[c]; }
};
constexpr AsciiSeparators kAsciiSeparator;

bool is_ascii_alnum(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
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

CharClass classify(char32_t cp) noexcept {
    if (cp < 0x80) {
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || is_ascii_digit(cp)) return CharClass::word;
        if (cp == '\'' || cp == '-' || cp == '_' || cp == '.' || cp == ',') return CharClass::joiner;
        return CharClass::separator;
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

inline void WordCounter::separate() noexcept {
    if (in_word_) ++words_;
    in_word_ = false;
    joiner_pending_ = false;
}

void WordCounter::end_word() { separate(); }

void WordCounter::add_text(std::string_view utf8_text) {
    std::size_t i = 0;
    while (i < utf8_text.size()) {
        char32_t cp = static_cast<unsigned char>(utf8_text[i]);
        if (cp < 0x80) {
            ++i;
            // Fast path for ASCII white space and punctuation, which end a word.
            if (kAsciiSeparator[cp]) {
                separate();
                continue;
            }
        } else {
            const utf8::Decoded d = utf8::decode(utf8_text, i);
            cp = d.code_point;
            i += d.length;
        }
        switch (classify(cp)) {
            case CharClass::word:
                if (joiner_pending_ && joiner_needs_digit_ && !is_ascii_digit(cp)) separate();  // "1,a"
                in_word_ = true;
                joiner_pending_ = false;
                // Fast path (most of any text): the rest of an ASCII letter/digit run
                // changes nothing but which kind of character came last.
                while (i < utf8_text.size() && is_ascii_alnum(utf8_text[i])) cp = static_cast<unsigned char>(utf8_text[i++]);
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
            case CharClass::separator:
                separate();
                break;
            case CharClass::ideograph:
                separate();
                ++words_;
                break;
            case CharClass::ignored:
                break;
        }
    }
}

unsigned reading_minutes(std::size_t words, unsigned words_per_minute) {
    if (words_per_minute == 0) words_per_minute = kDefaultWordsPerMinute;
    const std::size_t minutes = words / words_per_minute + (words % words_per_minute != 0 ? 1 : 0);
    return minutes > UINT_MAX ? UINT_MAX : static_cast<unsigned>(minutes);
}

}  // namespace blogreader::markdown
