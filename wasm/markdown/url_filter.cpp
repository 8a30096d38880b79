#include "markdown/url_filter.h"

#include <array>
#include <cstddef>

#include "common/ascii.h"
#include "common/html_escape.h"

namespace blogreader::markdown {
namespace {

bool is_scheme_char(char c) { return is_ascii_alnum(c) || c == '+' || c == '-' || c == '.'; }
// The URL parser removes these anywhere in the input before it looks at it.
bool is_tab_or_newline(char c) { return c == '\t' || c == '\n' || c == '\r'; }
bool is_slash(char c) { return c == '/' || c == '\\'; }  // '\' counts for http(s)

// Index of the first byte at or after i that the URL parser does not remove.
std::size_t skip_tab_or_newline(std::string_view s, std::size_t i) {
    while (i < s.size() && is_tab_or_newline(s[i])) ++i;
    return i;
}

// Bytes md4c-html writes unescaped in URL attributes: [A-Za-z0-9] and
// "-_.+!*(),%#@?=;:/$". '&' also stays (HTML-escaped by append_escaped_attribute).
constexpr std::array<bool, 256> make_url_keep_table() {
    std::array<bool, 256> keep{};
    for (int c = 0; c < 128; ++c) keep[static_cast<std::size_t>(c)] = is_ascii_alnum(static_cast<char>(c));
    constexpr std::string_view kPunctuation = "-_.+!*(),%#@?=;:/$&";
    for (char c : kPunctuation) keep[static_cast<unsigned char>(c)] = true;
    return keep;
}
constexpr std::array<bool, 256> kUrlKeep = make_url_keep_table();

}  // namespace

UrlClass classify_url(std::string_view url) noexcept {
    // Leading and trailing C0 controls and spaces are stripped.
    std::size_t begin = 0;
    std::size_t end = url.size();
    while (begin < end && static_cast<unsigned char>(url[begin]) <= 0x20) ++begin;
    while (end > begin && static_cast<unsigned char>(url[end - 1]) <= 0x20) --end;
    const std::string_view s = url.substr(begin, end - begin);

    const std::size_t first = skip_tab_or_newline(s, 0);
    if (first == s.size()) return UrlClass::relative;  // "" is the current page

    // Scheme: ASCII alpha, then [A-Za-z0-9+.-]*, then ':'. Only its first 7 letters
    // are kept (lowercased): enough to tell "http", "https" and "mailto" apart.
    if (is_ascii_alpha(s[first])) {
        char scheme[7];
        std::size_t length = 0;
        std::size_t i = first;
        while (i < s.size() && is_scheme_char(s[i])) {
            if (length < sizeof scheme) scheme[length] = static_cast<char>(s[i] | (is_ascii_alpha(s[i]) ? 0x20 : 0));
            ++length;
            i = skip_tab_or_newline(s, i + 1);
        }
        if (i < s.size() && s[i] == ':') {
            const std::string_view name(scheme, length < sizeof scheme ? length : sizeof scheme);
            if (length <= 5 && (name == "http" || name == "https")) return UrlClass::http;
            if (length == 6 && name == "mailto") return UrlClass::mailto;
            return UrlClass::other;
        }
    }
    // No scheme: resolved against the page's http(s) URL.
    if (s[first] == '#') return UrlClass::fragment;
    if (is_slash(s[first])) {
        const std::size_t second = skip_tab_or_newline(s, first + 1);
        if (second < s.size() && is_slash(s[second])) return UrlClass::http;  // "//host", "\\host", "/\host"
    }
    return UrlClass::relative;
}

bool is_url_allowed(std::string_view url, UrlPolicy policy) noexcept {
    return policy == UrlPolicy::unsafe_any_scheme || is_url_allowed(classify_url(url), policy);
}

bool is_external_url(std::string_view url) noexcept { return is_external_url(classify_url(url)); }

void append_url_attribute(OutputBuffer& out, std::string_view url) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::size_t run = 0;
    for (std::size_t i = 0; i < url.size(); ++i) {
        const auto byte = static_cast<unsigned char>(url[i]);
        if (kUrlKeep[byte]) continue;
        html::append_escaped_attribute(out, url.substr(run, i - run));
        const char escape[3] = {'%', kHex[byte >> 4], kHex[byte & 0xF]};
        out.append(escape, 3);
        run = i + 1;
    }
    html::append_escaped_attribute(out, url.substr(run));
}

}  // namespace blogreader::markdown
