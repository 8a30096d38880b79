// Blog front matter: a leading '---' block in the YAML subset blogs use.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace blogreader::markdown {

/// A problem found in the front matter. The body still renders.
struct FrontMatterWarning {
    std::size_t line;      ///< 1-based line number in the whole document
    std::string code;      ///< stable id: "front_matter_unclosed", "front_matter_syntax", "front_matter_duplicate_key", ...
    std::string message;   ///< English explanation for the site owner
};

struct FrontMatter {
    bool present = false;            ///< a front matter block was found (even if broken)
    std::size_t body_offset = 0;     ///< where the Markdown body starts in the document (bytes)
    std::size_t body_first_line = 1; ///< 1-based line number of the body's first line
    nlohmann::json fields = nlohmann::json::object();  ///< parsed keys
    std::vector<FrontMatterWarning> warnings;
};

/// Parses front matter at the very start of `document` (an optional UTF-8 BOM
/// may precede it): a line '---', then 'key: value' lines, then a line '---' or
/// '...'. Supported: plain and single/double-quoted scalars (with YAML escapes in
/// double quotes), comments (#), empty values, flow lists [a, "b c"] and block
/// lists ('- item' lines under a key), true/false/null, integers and decimals,
/// dates (kept as their text, e.g. "2024-03-01"). `tags` always becomes a list
/// (a scalar "a, b" is split on commas). Nested maps, anchors and multi-line
/// scalars are reported as warnings and skipped. A missing closing line gives a
/// warning and the whole document is then treated as body (so nothing is lost).
/// Never throws; never lets front matter text into the body.
FrontMatter parse_front_matter(std::string_view document);

}  // namespace blogreader::markdown
