// The only two functions that put untrusted text into HTML. Every text node and
// every attribute value the engine writes goes through one of them.
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
