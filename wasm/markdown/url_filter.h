// The one URL filter. Every href and src the engine writes, from Markdown links,
// images, autolinks and sanitized raw HTML alike, is decided here.
#pragma once

#include <string>
#include <string_view>

namespace blogreader::markdown {

/// Which URLs may be written into href/src.
enum class UrlPolicy {
    /// Default: http, https, mailto, relative ("a/b", "/a", "?q", "./x") and
    /// fragment ("#x") URLs. Everything else (javascript:, data:, vbscript:,
    /// file:, unknown schemes) is refused.
    safe,
    /// UNSAFE: every URL is kept as written. Only for the CommonMark conformance
    /// option set; never for text from untrusted authors.
    unsafe_any_scheme,
};

/// What a browser would make of a URL, decided the way it parses it.
enum class UrlClass {
    fragment,    ///< "#..." (same document)
    relative,    ///< no scheme and not scheme-relative: stays on the site
    http,        ///< http: or https:, or scheme-relative "//host"
    mailto,      ///< mailto:
    other,       ///< any other scheme (javascript:, data:, vbscript:, ...)
};

/// Classifies a URL exactly as the WHATWG URL parser would find its scheme.
/// `url` is the attribute value *after* character references were decoded
/// (what the browser sees). The browser strips leading/trailing C0 controls and
/// spaces and removes ASCII tab/LF/CR anywhere before parsing; scheme letters are
/// case-insensitive; a ':' before any '/', '?' or '#' means a scheme if the text
/// before it is a valid scheme ([A-Za-z][A-Za-z0-9+.-]*). Percent-escapes never
/// form a scheme ("%6Aavascript:" is a relative path), so they are left alone.
UrlClass classify_url(std::string_view url) noexcept;

/// True when the policy allows the URL in an href or src attribute.
bool is_url_allowed(std::string_view url, UrlPolicy policy) noexcept;

/// True for URLs that leave the site (http/https with a host, scheme-relative,
/// mailto): such links get rel="noopener noreferrer".
bool is_external_url(std::string_view url) noexcept;

/// Writes a URL as an attribute value: bytes outside the set that needs no
/// escaping (A-Z a-z 0-9 - _ . + ! * ( ) , % # @ ? = ; : / $ ~ and '&' as "&amp;")
/// are percent-encoded as %XX (existing %XX escapes are kept), like md4c-html, and
/// the result is HTML-escaped. `url` is the decoded value.
void append_url_attribute(std::string& out, std::string_view url);

}  // namespace blogreader::markdown
