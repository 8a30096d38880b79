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
/// and values above U+10FFFF become U+FFFD, and &#128;-&#159; are read as
/// Windows-1252, as browsers read them ("&#150;" is an en dash, "&#128;" the euro
/// sign; the five values Windows-1252 leaves unassigned stay as they are).
/// Returns false for a name the table lacks (nothing is appended).
bool append_decoded_entity(std::string& out, std::string_view entity);

/// For an md4c entity reference that append_decoded_entity() could not decode:
/// true when writing it unescaped into HTML text shows what CommonMark means
/// (see the top of this file); false when it must be escaped as text.
bool may_write_reference_verbatim(std::string_view entity) noexcept;

enum class ReferenceContext { text, attribute };

/// What split_references() (and the Markdown writer's walk over md4c
/// attributes) hands its pieces to: an interface, not a template parameter, so
/// that the walk exists once in the .wasm (a template copy per caller cost
/// 270 B gzip in the writer, and more here).
struct ReferenceSink {
    virtual void text(std::string_view text) = 0;            ///< decoded UTF-8
    virtual void reference(std::string_view reference) = 0;  ///< a reference the table lacks, as written
};

/// The sink that appends both to a string: the text decisions are made on (URL
/// filter, value checks), with unknown references as written.
struct AppendDecoded final : ReferenceSink {
    std::string& out;
    explicit AppendDecoded(std::string& o) : out(o) {}
    void text(std::string_view t) override { out.append(t); }
    void reference(std::string_view r) override { out.append(r); }
};

/// The sink that writes HTML: text through `escape` (html_escape.h's, or a URL
/// attribute's percent-encoding), unknown references as written, which is exact
/// (see the top of this file).
struct WriteEscaped final : ReferenceSink {
    using Escape = void (*)(OutputBuffer&, std::string_view);
    OutputBuffer& out;
    Escape escape;
    WriteEscaped(OutputBuffer& o, Escape e) : out(o), escape(e) {}
    void text(std::string_view t) override { escape(out, t); }
    void reference(std::string_view r) override { out.append_outlined(r); }
};

/// Splits raw HTML (an attribute value or text) into decoded text and the
/// references the table lacks, the way the HTML tokenizer reads it in `context`:
/// named references need ';' except legacy names (in an attribute only when not
/// followed by [A-Za-z0-9=]); numeric ones may omit it. Calls sink.text() with
/// decoded UTF-8 and sink.reference() with an unknown "&name;" as written.
void split_references(std::string_view raw, ReferenceContext context, ReferenceSink& sink);

/// Decodes raw HTML for a decision (URL filter, value checks); unknown references
/// stay as written.
void append_decoded_attribute(std::string& out, std::string_view raw, ReferenceContext context = ReferenceContext::attribute);

/// Writes raw HTML text or an attribute value back out, escaped: what the
/// browser would have read, with unknown references kept verbatim.
void append_reescaped(OutputBuffer& out, std::string_view raw, ReferenceContext context);

}  // namespace blogreader::html
