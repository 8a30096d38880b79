// Punycode (RFC 3492): the Bootstring encoding IDNA uses to spell a Unicode
// domain label in ASCII ("bücher" <-> "bcher-kva"). Only the algorithm lives
// here; the "xn--" prefix and the label rules are in idna.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace blogreader::punycode {

/// Encodes code points (Unicode scalar values) as Punycode, without the "xn--"
/// prefix. Basic (ASCII) code points are copied unchanged, case included, as
/// RFC 3492 section 6.3 does; RFC 3492's optional mixed-case annotation is not
/// produced, so the delta digits are always lower case.
/// Returns std::nullopt when input holds a surrogate or a value above U+10FFFF,
/// or when the encoding would overflow (section 6.4; impossible for labels a
/// caller has already bounded to 63 bytes).
std::optional<std::string> encode(std::u32string_view code_points);

/// Decodes Punycode (without "xn--") back to code points. Digits may be upper
/// or lower case; the case annotation is ignored. Returns std::nullopt for
/// malformed input: a non-ASCII byte, a byte that is not a digit after the last
/// '-', a truncated number, overflow, or a result that is not a scalar value.
std::optional<std::u32string> decode(std::string_view encoded);

}  // namespace blogreader::punycode
