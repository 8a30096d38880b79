// The two functions that escape untrusted text for HTML. Every text node and
// every attribute value the engine writes goes through one of them, except:
// - the Markdown writer's text, which markdown::WordCounter escapes while it
//   counts its words, by the same rule (one pass over every byte of the
//   article; test_word_count.cpp checks that both write the same bytes);
// - entity references the engine does not decode, which render.cpp and the
//   sanitizer write as typed (html_entities.h: may_write_reference_verbatim
//   admits only '&', letters, digits and ';');
// - raw HTML under the loudly named unsafe_raw_html option.
#pragma once

#include <string_view>

#include "common/output_buffer.h"

namespace blogreader::html {

/// Escapes text for an HTML text node: & < > " become entity references.
/// (Quotes are escaped too, so the same output is safe inside attributes.)
void append_escaped_text(OutputBuffer& out, std::string_view text);

/// Escapes an attribute value that will be written between double quotes:
/// & < > " ' become entity references. Used for every attribute the engine emits.
void append_escaped_attribute(OutputBuffer& out, std::string_view value);

}  // namespace blogreader::html
