// Blog front matter: a leading '---' block in the YAML subset blogs use.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace blogreader::markdown {

/// A problem the engine reports as data (the front matter's, and the renderer's
/// in RenderResult::warnings: one type, so one vector instantiation in the .wasm).
struct Warning {
    std::size_t line;      ///< 1-based line number in the whole document, 0 when unknown
    /// Stable id. The front matter's (the body still renders):
    /// - "front_matter_unclosed": no closing '---' line anywhere below the
    ///   opening one, which a 'key:' line follows (the whole document is body)
    /// - "front_matter_syntax": a line that is not 'key: value', a list item or
    ///   a comment; bad indentation, tabs, unterminated quotes... (key skipped)
    /// - "front_matter_unsupported": valid YAML this reader does not handle:
    ///   nested maps, multi-line values, anchors, tags (key skipped)
    /// - "front_matter_duplicate_key": a key given twice (the last one wins)
    /// The renderer's: see RenderResult::warnings.
    std::string code;
    std::string message;   ///< English explanation for the site owner
};
using FrontMatterWarning = Warning;

/// At most this many warnings are reported (one more, "warnings_truncated", says
/// that more were dropped): a hostile document cannot blow up the metadata. The
/// front matter keeps one more than this, so that render_markdown knows.
inline constexpr std::size_t kMaxWarnings = 100;

struct FrontMatter {
    bool present = false;            ///< a front matter block was found (even if broken)
    std::size_t body_offset = 0;     ///< where the Markdown body starts in the document (bytes); past a BOM too
    std::size_t body_first_line = 1; ///< 1-based line number of the body's first line
    /// Parsed keys in order, each with its value as JSON text (a string, number,
    /// true/false/null or a list of those); a repeated key keeps its first place.
    std::vector<std::pair<std::string, std::string>> fields;
    std::vector<FrontMatterWarning> warnings;

    /// Back to "no front matter" (body_offset 0), keeping the vectors' memory.
    void clear() noexcept {
        present = false;
        body_offset = 0;
        body_first_line = 1;
        fields.clear();
        warnings.clear();
    }
};

/// Appends the fields as one JSON object: {"title":"...","tags":["a"],...}.
void append_fields_json(std::string& out, const FrontMatter& front_matter);

/// Parses front matter at the very start of `document`, which must be valid
/// UTF-8 (render_markdown repairs its input once, before anything reads it;
/// other bytes would reach the JSON as they are). An optional UTF-8 BOM may
/// precede it: a line '---', then 'key: value' lines, then a line '---' or
/// '...' (trailing spaces allowed on both; LF, CRLF and CR line endings),
/// however far down. The block is front matter only when its first line that is
/// neither blank nor a comment looks like YAML ('key: value', 'key:', 'key:x' or
/// '- item', any key); under a line of prose the '---' is a thematic break and
/// the whole document is Markdown.
///
/// Supported: keys of letters (of any script), digits, '_', '-' and '.'; plain and single/double-quoted scalars
/// (with YAML escapes in double quotes); comments (#); empty values (null);
/// flow lists [a, "b c"] on one line and block lists ('- item' lines under a
/// key, indented or not); true/false/null/~ (also True, TRUE...) as booleans and
/// null; integers and decimals as JSON numbers. Kept as strings: dates and
/// times ("2024-03-01"), numbers with leading zeros ("007"), integers of more
/// than 15 digits (beyond what JavaScript holds exactly), yes/no/on/off (YAML
/// 1.2, not 1.1), and every quoted scalar.
///
/// title, author, date, description and lang are never typed: "title: 1984"
/// and "lang: no" stay strings. tags and categories are always lists of
/// strings: a scalar "a, b" is split on commas, empty gives [].
/// A plain value may contain ": " ("title: Rust: the book"), which stricter
/// YAML parsers reject.
///
/// Errors never stop the parse: a malformed line gives a warning with its line
/// number and its key is skipped (with any lines that belong to it); the rest
/// is parsed. Nested maps, block scalars (| >), multi-line flow lists or quoted
/// strings, anchors, aliases and tags are reported and skipped the same way.
/// A duplicate key is reported and the last one wins (as in Jekyll).
///
/// When it is not front matter, and why (nothing written is ever lost):
/// - '---' not on the first line (after the BOM) is Markdown.
/// - No closing line (or none within the bounds above): the whole document
///   is body. This is reported (and present is set) only if the first line
///   after the opening one that is neither blank nor a comment looks like
///   'key:'; otherwise the '---' is a thematic break, silently.
/// - A closed block with no 'key:' line at all but with other text
///   ("---\n\nHello\n---") is a thematic break and a setext heading: Markdown,
///   no warnings. An empty block ("---\n---\n") or one with only comments is
///   front matter with no fields.
/// Never throws; never lets front matter text into the body.
///
/// Writes into `out` (all of it: what it held before is gone), reusing its
/// vectors: the renderer parses into its RenderResult, which saves a move.
void parse_front_matter(std::string_view document, FrontMatter& out);

/// The same, returning a new FrontMatter.
inline FrontMatter parse_front_matter(std::string_view document) {
    FrontMatter front_matter;
    parse_front_matter(document, front_matter);
    return front_matter;
}

}  // namespace blogreader::markdown
