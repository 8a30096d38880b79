// Domain names to ASCII (IDNA "ToASCII"), the step browsers apply to the
// domain of an e-mail address (Chromium) and to every URL host (WHATWG URL).
//
// What is done, per label: map the IDNA dots (U+002E, U+3002, U+FF0E, U+FF61)
// to '.', lower-case (see simple_lowercase), and spell a label holding
// non-ASCII as "xn--" + Punycode (RFC 3492). What is checked: see
// DomainError. What is out of scope, and why:
//   - NFC normalization: needs ~30 kB of tables; input is expected in NFC,
//     which is what keyboards, browsers and form submissions produce.
//   - The full UTS 46 mapping table and the IDNA2008 per-code-point
//     validity and bidi (RFC 5893) rules: a wrongly accepted exotic label only
//     makes a commenter's e-mail or website unreachable, never unsafe, and the
//     characters that matter for safety (controls, bidi controls, invisible
//     characters, spaces) are rejected here.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace blogreader::comments {

/// Why domain_to_ascii rejected a domain.
enum class DomainError {
    none,
    invalid_encoding,      ///< not well-formed UTF-8
    empty_label,           ///< "", "a..b", ".a" or "a." (a trailing root dot is not accepted here)
    label_too_long,        ///< a label longer than 63 bytes once in ASCII (RFC 1034)
    domain_too_long,       ///< more than 253 bytes once in ASCII (RFC 1034)
    hyphen_at_label_edge,  ///< a label starting or ending with '-' (RFC 5891 4.2.3.1)
    forbidden_character,   ///< ASCII other than a-z 0-9 '-' '_', or a space, control, bidi control or invisible character
    bad_punycode,          ///< an "xn--" label that does not decode, decodes to plain ASCII, or to a forbidden character
};

/// Converts a Unicode domain ("Bücher.Example") to its ASCII form
/// ("xn--bcher-kva.example"). ASCII letters are lower-cased. '_' is accepted
/// in labels because real hosts use it (WHATWG URL accepts it); callers with a
/// stricter syntax (e-mail domains) check it themselves.
/// Returns std::nullopt on any DomainError; use the overload to learn which.
std::optional<std::string> domain_to_ascii(std::string_view unicode_domain);

/// Same, reporting the reason through error (DomainError::none on success).
std::optional<std::string> domain_to_ascii(std::string_view unicode_domain, DomainError& error);

}  // namespace blogreader::comments
