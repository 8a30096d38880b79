// HTML5 named and numeric character references, decoded the way a browser does.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace blogreader::html {

/// Looks up a named character reference without '&' and ';' ("amp", "AElig").
/// Returns its UTF-8 expansion, or an empty view for an unknown name.
/// The table holds the 2125 names of the WHATWG list that end in ';'.
std::string_view lookup_named_entity(std::string_view name) noexcept;

/// Decodes one entity reference as md4c reports it ("&amp;", "&#123;", "&#x1F600;")
/// and appends the result. Numeric references follow the HTML rules: 0, surrogates
/// and values above U+10FFFF become U+FFFD. Returns false for an unknown name
/// (nothing is appended; the caller decides how to show the literal text).
bool append_decoded_entity(std::string& out, std::string_view entity);

/// Decodes every character reference in an HTML attribute value the way the
/// HTML tokenizer does for attributes (named references must end in ';' unless
/// they are legacy names not followed by [A-Za-z0-9=]; numeric ones may omit it).
void append_decoded_attribute(std::string& out, std::string_view raw_value);

}  // namespace blogreader::html
