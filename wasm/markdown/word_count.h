// Word count and reading time.
#pragma once

#include <cstddef>
#include <string_view>

#include "common/output_buffer.h"

namespace blogreader::markdown {

/// Counts words in UTF-8 text fed in pieces (text of paragraphs, headings, list
/// items, code...). Linear time, no allocation.
///
/// - A word is a run of letters, digits and marks (any script), which may hold
///   in-word punctuation between two of them: apostrophes (' ’), hyphens
///   (- ‐ ‑), '_', '.', '·' ("don't", "e-mail", "snake_case", "3.14", "U.S.A",
///   "l·l" are one word each) and ',' between digits ("1,000").
/// - White space, other punctuation and symbols (emoji included) separate
///   words: "1+1" is two words, a lone "-" or "🎉" is none.
/// - Chinese and Japanese are written without spaces, so each Han ideograph,
///   hiragana and katakana character counts as one word, as reading-time tools
///   for those languages do ("日本語のテキスト" is 8, "Hello 世界" is 3).
/// - Korean separates words with spaces, so Hangul counts like Latin script:
///   "안녕 세계" is 2.
/// - Format characters (ZWNJ, ZWJ, soft hyphen) are ignored, so they never
///   split a word (Persian "می‌خواهم" is one).
/// Known limitation: Thai, Lao, Khmer and Burmese, also written without spaces
/// between words, would need a dictionary; a run of them counts as one word.
class WordCounter {
public:
    /// Adds text; a word may continue across calls (md4c splits text at entities).
    void add_text(std::string_view utf8_text);
    /// add_text, and appends the text to `out` escaped exactly as
    /// html::append_escaped_text does, in the same pass over the bytes.
    void add_text_and_escape(std::string_view utf8_text, OutputBuffer& out);
    /// Ends the current word (called between blocks, at line breaks, ...).
    void end_word() noexcept { separate(); }
    std::size_t words() const { return words_; }

private:
    // Whether a character starts a word depends only on its class and the
    // classes of the two characters before it (word_count.cpp), so those two
    // classes are all the state a word carries across calls.
    void separate() noexcept { last_ = before_last_ = 0; }
    void scan(std::string_view utf8_text, OutputBuffer* out);  ///< out: escape into it, or nullptr
    std::size_t words_ = 0;         ///< words started so far (a word counts when its first character comes)
    unsigned last_ = 0;             ///< class bits of the last character (0: a separator, or none)
    unsigned before_last_ = 0;      ///< and of the one before it
};

/// Reading time in whole minutes, rounded up; 0 for an empty text, at least 1
/// otherwise. words_per_minute 0 means the default, 200.
unsigned reading_minutes(std::size_t words, unsigned words_per_minute);

}  // namespace blogreader::markdown
