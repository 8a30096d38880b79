// The one URL filter. Every href and src the engine writes, from Markdown links,
// images, autolinks and sanitized raw HTML alike, is decided here.
#pragma once

#include <string>
#include <string_view>

#include "common/output_buffer.h"

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
/// case-insensitive; the URL has a scheme only when it starts with
/// [A-Za-z][A-Za-z0-9+.-]* followed by ':' (so "a/b:c" and "ｊavascript:x" are
/// relative paths). Without a scheme, a leading "//" (or "\\", "/\", "\/", as
/// browsers treat '\' like '/' for http(s)) is scheme-relative. Percent-escapes never
/// form a scheme ("%6Aavascript:" is a relative path), so they are left alone.
UrlClass classify_url(std::string_view url) noexcept;

/// True when the policy allows a URL of this class in an href or src attribute.
constexpr bool is_url_allowed(UrlClass url_class, UrlPolicy policy) noexcept {
    return policy == UrlPolicy::unsafe_any_scheme || url_class != UrlClass::other;
}
/// The same for a URL: classify_url(), then the above.
bool is_url_allowed(std::string_view url, UrlPolicy policy) noexcept;

/// True for URLs that may leave the site: every http:/https: URL, scheme-relative
/// ("//host", and also "\\host" and "/\host", which browsers read the same way) and
/// mailto:. The site's own host is not known here, so an absolute URL to the site
/// itself counts as external too. Such links get rel="noopener noreferrer".
constexpr bool is_external_url(UrlClass url_class) noexcept {
    return url_class == UrlClass::http || url_class == UrlClass::mailto;
}
bool is_external_url(std::string_view url) noexcept;

/// Writes a URL as an attribute value exactly like md4c-html (the CommonMark spec
/// tests depend on it): A-Z a-z 0-9 and - _ . + ! * ( ) , % # @ ? = ; : / $ are
/// kept, '&' is written as "&amp;", every other byte (space, '~', quotes, '<', '>',
/// '\', control and non-ASCII UTF-8 bytes) as %XX with uppercase hex. '%' is kept,
/// so existing escapes are not encoded twice. The result is safe between double
/// quotes. `url` is the decoded value, written as given (not trimmed); encoding
/// never turns a URL without a scheme into one with a scheme. For Markdown link
/// and image destinations; raw HTML URLs are written as typed (html_sanitizer.h).
void append_url_attribute(OutputBuffer& out, std::string_view url);

}  // namespace blogreader::markdown
