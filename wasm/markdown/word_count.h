// Word count and reading time.
#pragma once

#include <cstddef>
#include <string_view>

namespace blogreader::markdown {

/// Counts words in UTF-8 text fed in pieces (text of paragraphs, headings, list
/// items, code...). A word is a run of letters, digits, marks and in-word
/// punctuation (' ’ - _ . between letters); Chinese, Japanese (kana, kanji) and
/// Korean Hangul characters count one word each, as reading-time tools for
/// those languages do. White space, other punctuation and symbols separate words.
class WordCounter {
public:
    /// Adds text; a word may continue across calls (md4c splits text at entities).
    void add_text(std::string_view utf8_text);
    /// Ends the current word (called between blocks, at line breaks, ...).
    void end_word();
    std::size_t words() const { return words_ + (in_word_ ? 1 : 0); }

private:
    std::size_t words_ = 0;
    bool in_word_ = false;
};

/// Reading time in whole minutes, rounded up; 0 for an empty text, at least 1
/// otherwise. words_per_minute 0 means the default, 200.
unsigned reading_minutes(std::size_t words, unsigned words_per_minute);

}  // namespace blogreader::markdown
