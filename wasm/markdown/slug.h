// GitHub-style heading ids.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace blogreader::markdown {

/// GitHub's slug for a heading's plain text (UTF-8, already free of markup):
/// lower case (Unicode simple case folding, so "É" becomes "é"), letters, marks,
/// digits, '_' and '-' kept in every script, spaces become '-', punctuation,
/// symbols (emoji included), control and format characters are dropped. Runs of
/// '-' are kept as they are, like GitHub. May return an empty string.
std::string github_slug(std::string_view plain_text);

/// Hands out ids unique within one document: the first "intro" is "intro", the
/// next ones "intro-1", "intro-2", ...; a slug that is empty becomes "section".
/// Ids that were made unique never collide with a later heading's own slug
/// ("a", "a", "a-1" gives "a", "a-1", "a-1-1"), as on GitHub.
class SlugRegistry {
public:
    /// Returns prefix + unique slug for the heading text.
    std::string unique_id(std::string_view plain_text, std::string_view prefix = {});

private:
    std::unordered_map<std::string, unsigned> used_;
};

}  // namespace blogreader::markdown
