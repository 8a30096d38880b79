// HTML character references: the ones the engine decodes, and how it writes the
// ones it does not.
//
// The engine knows 338 of the 2125 WHATWG names (cmake/entity_table.cmake says
// which: every name for an ASCII character, the 252 names of HTML 4.01, and
// every name that starts with a legacy name). The full list would cost 10.9 kB
// gzip, a quarter of the engine's budget. Any other
// reference that looks like one ("&" + letters/digits + ";", e.g. "&Afr;") is
// written to the HTML exactly as the author typed it, which is exact:
//  - in an attribute value, a browser decodes "&name;" if it is a real name and
//    otherwise keeps it as text (a legacy prefix followed by a letter or digit
//    is not decoded there), which is what CommonMark asks for either way;
//  - in text, the same holds unless a legacy name is a prefix ("&notit;" shows as
//    "¬it;"); all real names with such a prefix are in our table, so a name with
//    a legacy prefix that we do not know is not a reference, and is escaped.
// Where the engine needs the text itself (slugs, the TOC, word count, the URL
// filter) an unknown reference stays as written: for the URL filter that is the
// same decision the browser makes, since no unknown name stands for an ASCII
// character (all of those are in the table) and so cannot continue a scheme.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/output_buffer.h"

namespace blogreader::html {

/// Looks up a named character reference without '&' and ';' ("amp", "AElig").
/// Returns its UTF-8 expansion, or an empty view for a name the table lacks.
std::string_view lookup_named_entity(std::string_view name) noexcept;

/// Length of the longest legacy name (one a browser decodes even without ';',
/// like "not" or "amp") that `s` starts with, or 0.
std::size_t legacy_prefix_length(std::string_view s) noexcept;

/// Decodes one entity reference as md4c reports it ("&amp;", "&#123;", "&#x1F600;")
/// and appends the result. Numeric references follow the HTML rules: 0, surrogates
/// and values above U+10FFFF become U+FFFD. Returns false for a name the table
/// lacks (nothing is appended).
bool append_decoded_entity(std::string& out, std::string_view entity);

/// For an md4c entity reference that append_decoded_entity() could not decode:
/// true when writing it unescaped into HTML text shows what CommonMark means
/// (see the top of this file); false when it must be escaped as text.
bool may_write_reference_verbatim(std::string_view entity) noexcept;

enum class ReferenceContext { text, attribute };

/// Splits raw HTML (an attribute value or text) into decoded text and the
/// references the table lacks, the way the HTML tokenizer reads it in `context`:
/// named references need ';' except legacy names (in an attribute only when not
/// followed by [A-Za-z0-9=]); numeric ones may omit it. Calls on_text(view) with
/// decoded UTF-8 and on_reference(view) with an unknown "&name;" as written.
template <typename OnText, typename OnReference>
void split_references(std::string_view raw, ReferenceContext context, OnText&& on_text, OnReference&& on_reference);

/// Decodes raw HTML for a decision (URL filter, value checks); unknown references
/// stay as written.
void append_decoded_attribute(std::string& out, std::string_view raw, ReferenceContext context = ReferenceContext::attribute);

/// Writes raw HTML text or an attribute value back out, escaped: what the
/// browser would have read, with unknown references kept verbatim.
void append_reescaped(OutputBuffer& out, std::string_view raw, ReferenceContext context);

// ---- implementation of the template --------------------------------------
namespace detail {
/// Reads one reference at raw[amp] == '&'. Returns the bytes it covers (0: the
/// '&' is literal text); `decoded` gets its UTF-8, or stays empty for an unknown
/// name, which the caller passes on as written.
std::size_t read_reference(std::string_view raw, std::size_t amp, ReferenceContext context, char (&decoded)[8],
                           std::string_view& expansion);
}  // namespace detail

template <typename OnText, typename OnReference>
void split_references(std::string_view raw, ReferenceContext context, OnText&& on_text, OnReference&& on_reference) {
    std::size_t run = 0;
    std::size_t i = raw.find('&');
    while (i != std::string_view::npos) {
        char decoded[8];
        std::string_view expansion;
        const std::size_t used = detail::read_reference(raw, i, context, decoded, expansion);
        if (used == 0) {
            i = raw.find('&', i + 1);
            continue;
        }
        if (i > run) on_text(raw.substr(run, i - run));
        if (expansion.empty()) on_reference(raw.substr(i, used));
        else on_text(expansion);
        run = i + used;
        i = raw.find('&', run);
    }
    if (run < raw.size()) on_text(raw.substr(run));
}

}  // namespace blogreader::html
