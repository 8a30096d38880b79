// GitHub-style heading ids.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace blogreader::markdown {

/// GitHub's slug for a heading's plain text (UTF-8, already free of markup),
/// the github-slugger algorithm: lower case, then keep only letters, marks,
/// digits, connector punctuation ('_', '‿', ...), '-' and spaces, then turn
/// each space into '-'. So punctuation, symbols (emoji included), control and
/// format characters (ZWJ, BOM, soft hyphen) are dropped, in every script:
///   "Hello World!" -> "hello-world", "Één ding" -> "één-ding",
///   "C++ & Rust" -> "c--rust", "🎉 Party" -> "-party", "日本語" -> "日本語".
/// Runs of '-' are kept as they are, like GitHub. May return an empty string.
/// Linear in the length of the text.
///
/// Where this differs from GitHub, and why:
/// - Every Unicode space (category Zs: no-break space, ideographic space...)
///   becomes '-', not just U+0020 (GitHub drops the others). Tab and line
///   breaks are controls and are dropped: the caller passes soft line breaks
///   inside a heading as ' '.
/// - Lower case comes from md4c's case folding table, used only where it gives
///   one code point, so "ß" and "ﬁ" stay as they are (folding would give "ss",
///   "fi"). A short list of exceptions makes it agree with JavaScript's
///   toLowerCase(): letters that are already lower case but fold elsewhere
///   ("µ", "ς", "ſ", Cherokee) stay, "ẞ" becomes "ß", "İ" becomes "i̇".
/// - Symbol, control, private-use and format characters come from a range
///   table generated from Unicode 14 (slug.cpp says how); md4c's table (Unicode
///   13) decides punctuation. Characters assigned after those versions are
///   kept as if they were letters.
std::string github_slug(std::string_view plain_text);

/// Hands out ids unique within one document: the first "intro" is "intro", the
/// next ones "intro-1", "intro-2", ...; a slug that is empty becomes "section".
/// Ids that were made unique never collide with a later heading's own slug
/// ("a", "a", "a-1" gives "a", "a-1", "a-1-1"), as on GitHub. Uniqueness is
/// decided on the slug alone; the prefix is only prepended. Amortised linear:
/// each counter only ever grows.
class SlugRegistry {
public:
    /// Returns prefix + unique slug for the heading text.
    std::string unique_id(std::string_view plain_text, std::string_view prefix = {});

private:
    /// slug handed out -> the last suffix tried for it (github-slugger's "occurrences"),
    /// in an open-addressing hash table (std::unordered_map's code cost ~3 kB of
    /// the .wasm for this one use). Capacity is a power of two, at most half full.
    struct Slot {
        std::string slug;  ///< empty: free (no id is empty)
        unsigned counter = 0;
    };
    Slot& slot_for(std::string_view slug);
    std::vector<Slot> slots_;
    std::size_t used_count_ = 0;
};

namespace detail {

/// Shared with word_count.cpp (not part of the API). True for Unicode symbols
/// (Sm, Sc, Sk, So: currency, math, arrows, dingbats, emoji...), controls
/// (Cc), private use, surrogates and the line/paragraph separators; false for
/// ASCII printable characters, which callers classify themselves.
bool is_symbol_or_control(char32_t code_point) noexcept;

/// The symbols alone, above ASCII (Sm, Sc, Sk, So, and the unassigned code
/// points between them): for CommonMark's punctuation (unicode_tables.cpp).
bool is_non_ascii_symbol(char32_t code_point) noexcept;

/// Shared with word_count.cpp: Unicode format characters (Cf: soft hyphen,
/// ZWJ/ZWNJ, bidi controls, U+FEFF, tag characters...).
bool is_format_character(char32_t code_point) noexcept;

}  // namespace detail

}  // namespace blogreader::markdown
