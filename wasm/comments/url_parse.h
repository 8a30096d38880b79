// A WHATWG-URL-style parser and serializer restricted to what a comment's
// "website" field may hold: an absolute http: or https: URL with a host.
//
// It follows the WHATWG URL Standard's "basic URL parser" for special schemes
// (scheme and host lower-cased, IDNA host, IPv4 forms such as 0x7f.1,
// default port dropped, dot segments resolved, empty path -> "/", non-ASCII
// and the standard's percent-encode sets escaped) but it *fails* where the
// standard only records a "validation error" and repairs: tabs and newlines,
// backslashes, a missing "//", credentials, raw quotes and angle brackets.
// A comment author's URL that needs repairing is a typo or an attack.
//
// Not supported: IPv6 literals ("[::1]"), which fail with bad_host; hosts with
// ASCII other than letters, digits, '-', '_' and '.' (the standard allows a few
// more, such as '!' or '$'); those fail with bad_host too.
#pragma once

#include <string>
#include <string_view>

namespace blogreader::comments {

/// Why parse_http_url rejected its input. Each has a stable name (url_error_name),
/// reported as the "reason" parameter of an invalid_url error.
enum class UrlError {
    none,
    invalid_encoding,     ///< "invalid_encoding": not well-formed UTF-8
    control_character,    ///< "control_character": a C0/C1 control or DEL anywhere
    relative,             ///< "relative": no scheme ("example.com", "/path", "www.example.com")
    scheme_relative,      ///< "scheme_relative": starts with "//"
    scheme_not_allowed,   ///< "scheme_not_allowed": a scheme other than http/https (javascript:, data:, ftp: ...)
    whitespace,           ///< "whitespace": a space of any kind inside
    backslash,            ///< "backslash": '\' anywhere (browsers read it as '/', servers may not)
    quote_or_angle_bracket,  ///< "quote_or_angle_bracket": a raw " ' ` < or >
    missing_slashes,      ///< "missing_slashes": "http:example.com" or "http:/example.com"
    credentials,          ///< "credentials": "user:password@" or "user@" before the host
    missing_host,         ///< "missing_host": "http://" or "http://:80/"
    bad_host,             ///< "bad_host": the host fails IDNA (see idna.h), is an IPv6 literal or a bad IPv4 number
    bad_port,             ///< "bad_port": a port that is not digits or is above 65535
};

/// The errors validate_url reports as the "reason" of an invalid_url error (each
/// has its own message, "invalid_url.<reason>"). The others never get there:
/// encoding and control characters are field errors of their own, checked
/// first, and scheme_not_allowed is url_scheme_not_allowed.
inline constexpr UrlError kInvalidUrlReasons[] = {
    UrlError::relative,        UrlError::scheme_relative, UrlError::missing_slashes, UrlError::whitespace,
    UrlError::backslash,       UrlError::quote_or_angle_bracket, UrlError::credentials, UrlError::missing_host,
    UrlError::bad_host,        UrlError::bad_port,
};

/// The stable name of a UrlError, e.g. "missing_slashes".
const char* url_error_name(UrlError error) noexcept;

struct HttpUrlParse {
    UrlError error = UrlError::none;
    /// The serialized URL ("https://xn--bcher-kva.example/caf%C3%A9") when error == none.
    std::string normalized;
    /// The lower-cased scheme when one was found, e.g. "javascript" for scheme_not_allowed.
    std::string scheme;
};

/// Parses input, which must already be trimmed: leading or trailing spaces are
/// errors here like spaces anywhere else.
HttpUrlParse parse_http_url(std::string_view input);

}  // namespace blogreader::comments
