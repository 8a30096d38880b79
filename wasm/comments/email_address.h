// The WHATWG HTML "valid e-mail address" (what <input type=email> accepts):
//   local@domain, local = 1*( a-z A-Z 0-9 . ! # $ % & ' * + / = ? ^ _ ` { | } ~ - ),
//   domain = labels of a-z A-Z 0-9 '-' (1..63, no '-' at either end) joined by '.',
// checked, as Chromium does, after converting a Unicode domain to A-labels.
// The local part must be ASCII (internationalized local parts are not in the
// definition and many mail servers refuse them).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace blogreader::comments {

enum class EmailError {
    none,
    whitespace,            ///< "whitespace": a space of any kind inside the address
    missing_at,            ///< "missing_at": no '@'
    local_part,            ///< "local_part": empty, or a character the local part may not hold
    non_ascii_local_part,  ///< "non_ascii_local_part"
    local_part_too_long,   ///< more than 64 bytes before the '@' (RFC 5321)
    domain,                ///< "domain": empty, fails IDNA (idna.h) or the label syntax (a second '@' lands here)
};

/// The errors reported as the "reason" of an invalid_email error (each has its
/// own message, "invalid_email.<reason>"); local_part_too_long has its own code.
inline constexpr EmailError kInvalidEmailReasons[] = {EmailError::whitespace, EmailError::missing_at,
                                                      EmailError::local_part, EmailError::non_ascii_local_part,
                                                      EmailError::domain};

/// The "reason" string of an EmailError, e.g. "missing_at".
const char* email_error_name(EmailError error) noexcept;

struct EmailParse {
    EmailError error = EmailError::none;
    std::string normalized;          ///< local part as given + '@' + lower-case A-label domain, when valid
    std::size_t local_part_bytes = 0;
};

/// Parses an already trimmed, well-formed UTF-8 address.
EmailParse parse_email_address(std::string_view address);

}  // namespace blogreader::comments
