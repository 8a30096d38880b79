#include "comments/url_parse.h"

#include <cstdint>
#include <utility>

#include "comments/idna.h"
#include "comments/unicode_classes.h"
#include "common/ascii.h"
#include "common/decimal.h"
#include "common/utf8.h"

namespace blogreader::comments {
namespace {

// The WHATWG percent-encode sets that can still matter after the raw-character
// checks above have run (C0, space, '"', '<', '>', '\'' and '`' never get here).
enum class EncodeSet { path, query, fragment };

void append_percent_encoded(std::string& out, std::string_view text, EncodeSet set) {
    static const char kHex[] = "0123456789ABCDEF";
    std::size_t clean = 0;  // copies runs that need no escaping in one append
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        const auto b = static_cast<unsigned char>(ch);
        const bool encode = b >= 0x80 || (set == EncodeSet::path && (b == '{' || b == '}'));
        if (!encode) continue;
        out.append(text.substr(clean, i - clean));
        clean = i + 1;
        out.push_back('%');
        out.push_back(kHex[b >> 4]);
        out.push_back(kHex[b & 0xF]);
    }
    out.append(text.substr(clean));
}

bool is_single_dot_segment(std::string_view s) { return s == "." || equals_ignoring_ascii_case(s, "%2e"); }

bool is_double_dot_segment(std::string_view s) {
    return s == ".." || equals_ignoring_ascii_case(s, ".%2e") || equals_ignoring_ascii_case(s, "%2e.") ||
           equals_ignoring_ascii_case(s, "%2e%2e");
}

// WHATWG "path state" for special URLs: split at '/', resolve "." and "..",
// and percent-encode each segment. path is empty or starts with '/'. Segments
// are written straight to out; ".." truncates out to the previous '/'.
void append_path(std::string& out, std::string_view path) {
    const std::size_t path_start = out.size();
    for (std::size_t start = 1; !path.empty();) {
        const std::size_t slash = path.find('/', start);
        const bool is_last = slash == std::string_view::npos;
        const std::string_view segment = path.substr(start, is_last ? std::string_view::npos : slash - start);
        if (is_double_dot_segment(segment)) {
            if (out.size() > path_start) out.resize(out.rfind('/'));
            if (is_last) out.push_back('/');
        } else if (is_single_dot_segment(segment)) {
            if (is_last) out.push_back('/');
        } else {
            out.push_back('/');
            append_percent_encoded(out, segment, EncodeSet::path);
        }
        if (is_last) break;
        start = slash + 1;
    }
    if (out.size() == path_start) out.push_back('/');
}

// WHATWG "IPv4 number parser": decimal, 0x-hex or 0-octal. Returns false on failure.
bool parse_ipv4_number(std::string_view s, std::uint64_t& value) {
    if (s.empty()) return false;
    unsigned radix = 10;
    if (s.size() >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        radix = 16;
        s.remove_prefix(2);
    } else if (s.size() >= 2 && s[0] == '0') {
        radix = 8;
        s.remove_prefix(1);
    }
    value = 0;
    for (char c : s) {
        const int digit = ascii_hex_value(c);
        if (digit < 0 || static_cast<unsigned>(digit) >= radix) return false;
        value = value * radix + static_cast<unsigned>(digit);
        if (value > 0xFFFFFFFFull) return false;
    }
    return true;
}

// WHATWG "ends in a number": decides whether a host is parsed as IPv4.
bool ends_in_a_number(std::string_view host) {
    if (!host.empty() && host.back() == '.') host.remove_suffix(1);
    const std::size_t dot = host.rfind('.');
    const std::string_view last = dot == std::string_view::npos ? host : host.substr(dot + 1);
    if (last.empty()) return false;
    bool all_digits = true;
    for (char c : last) all_digits &= is_ascii_digit(c);
    if (all_digits) return true;
    std::uint64_t ignored;
    return last.size() >= 2 && last[0] == '0' && (last[1] == 'x' || last[1] == 'X') &&
           parse_ipv4_number(last, ignored);
}

bool append_ipv4(std::string& out, std::string_view host) {
    if (!host.empty() && host.back() == '.') host.remove_suffix(1);
    std::uint64_t parts[4];
    std::size_t count = 0;
    for (std::size_t start = 0;;) {
        const std::size_t dot = host.find('.', start);
        if (count == 4) return false;
        if (!parse_ipv4_number(host.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start),
                               parts[count++]))
            return false;
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    for (std::size_t i = 0; i + 1 < count; ++i)
        if (parts[i] > 255) return false;
    if (parts[count - 1] >= (1ull << (8 * (5 - count)))) return false;
    std::uint64_t address = parts[count - 1];
    for (std::size_t i = 0; i + 1 < count; ++i) address += parts[i] << (8 * (3 - i));
    for (int shift = 24; shift >= 0; shift -= 8) {
        append_decimal(out, (address >> shift) & 0xFF);
        if (shift) out.push_back('.');
    }
    return true;
}

// Percent-decodes a host, as the standard does before IDNA.
std::string percent_decode(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && ascii_hex_value(s[i + 1]) >= 0 && ascii_hex_value(s[i + 2]) >= 0) {
            out.push_back(static_cast<char>(ascii_hex_value(s[i + 1]) * 16 + ascii_hex_value(s[i + 2])));
            i += 2;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

UrlError append_host(std::string& out, std::string_view raw_host) {
    if (raw_host.empty()) return UrlError::missing_host;
    if (raw_host.front() == '[') return UrlError::bad_host;
    const std::string host = percent_decode(raw_host);
    if (!utf8::is_valid(host)) return UrlError::bad_host;
    if (ends_in_a_number(host)) return append_ipv4(out, host) ? UrlError::none : UrlError::bad_host;
    // A single trailing dot (a fully qualified name) is kept, as browsers do.
    std::string_view name = host;
    const bool trailing_dot = name.size() > 1 && name.back() == '.';
    if (trailing_dot) name.remove_suffix(1);
    const auto ascii = domain_to_ascii(name);
    if (!ascii) return UrlError::bad_host;
    out += *ascii;
    if (trailing_dot) out.push_back('.');
    return UrlError::none;
}

UrlError append_port(std::string& out, std::string_view port, std::string_view scheme) {
    if (port.empty()) return UrlError::none;
    std::uint32_t value = 0;
    for (char c : port) {
        if (!is_ascii_digit(c)) return UrlError::bad_port;
        value = value * 10 + static_cast<std::uint32_t>(c - '0');
        if (value > 65535) return UrlError::bad_port;
    }
    const std::uint32_t default_port = scheme == "https" ? 443 : 80;
    if (value != default_port) {
        out.push_back(':');
        append_decimal(out, value);
    }
    return UrlError::none;
}

}  // namespace

const char* url_error_name(UrlError error) noexcept {
    switch (error) {
        case UrlError::none: return "none";
        case UrlError::invalid_encoding: return "invalid_encoding";
        case UrlError::control_character: return "control_character";
        case UrlError::relative: return "relative";
        case UrlError::scheme_relative: return "scheme_relative";
        case UrlError::scheme_not_allowed: return "scheme_not_allowed";
        case UrlError::whitespace: return "whitespace";
        case UrlError::backslash: return "backslash";
        case UrlError::quote_or_angle_bracket: return "quote_or_angle_bracket";
        case UrlError::missing_slashes: return "missing_slashes";
        case UrlError::credentials: return "credentials";
        case UrlError::missing_host: return "missing_host";
        case UrlError::bad_host: return "bad_host";
        case UrlError::bad_port: return "bad_port";
    }
    return "none";
}

HttpUrlParse parse_http_url(std::string_view input) {
    HttpUrlParse result;
    auto fail = [&result](UrlError error) {
        result.error = error;
        result.normalized.clear();
        return std::move(result);
    };
    if (!utf8::is_valid(input)) return fail(UrlError::invalid_encoding);

    // Controls first: the standard silently drops tab and newlines, which is how
    // "java\tscript:" becomes a javascript: URL in a browser.
    bool has_space = false, has_backslash = false, has_quote = false;
    for (std::size_t i = 0; i < input.size();) {
        const auto b = static_cast<unsigned char>(input[i]);
        const utf8::Decoded d = b < 0x80 ? utf8::Decoded{b, 1, true} : utf8::decode(input, i);
        if (is_control(d.code_point)) return fail(UrlError::control_character);
        has_space |= is_trimmed_space(d.code_point);
        has_backslash |= d.code_point == '\\';
        has_quote |= d.code_point == '"' || d.code_point == '\'' || d.code_point == '`' || d.code_point == '<' ||
                     d.code_point == '>';
        i += d.length;
    }

    // Scheme: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
    std::size_t colon = std::string_view::npos;
    if (!input.empty() && is_ascii_alpha(input[0])) {
        std::size_t i = 1;
        while (i < input.size() && (is_ascii_alpha(input[i]) || is_ascii_digit(input[i]) || input[i] == '+' ||
                                    input[i] == '-' || input[i] == '.'))
            ++i;
        if (i < input.size() && input[i] == ':') colon = i;
    }
    if (colon == std::string_view::npos) {
        const bool two_slashes = input.size() >= 2 && (input[0] == '/' || input[0] == '\\') &&
                                 (input[1] == '/' || input[1] == '\\');
        return fail(two_slashes ? UrlError::scheme_relative : UrlError::relative);
    }
    for (std::size_t i = 0; i < colon; ++i) result.scheme.push_back(ascii_lower(input[i]));
    if (result.scheme != "http" && result.scheme != "https") return fail(UrlError::scheme_not_allowed);
    if (has_space) return fail(UrlError::whitespace);
    if (has_backslash) return fail(UrlError::backslash);
    if (has_quote) return fail(UrlError::quote_or_angle_bracket);

    std::string_view rest = input.substr(colon + 1);
    if (rest.size() < 2 || rest[0] != '/' || rest[1] != '/') return fail(UrlError::missing_slashes);
    rest.remove_prefix(2);

    const std::size_t authority_end = rest.find_first_of("/?#");
    const std::string_view authority = rest.substr(0, authority_end);
    rest = authority_end == std::string_view::npos ? std::string_view() : rest.substr(authority_end);
    if (authority.find('@') != std::string_view::npos) return fail(UrlError::credentials);

    const std::size_t port_colon = authority.rfind(':');
    const std::string_view host = authority.substr(0, port_colon);
    const std::string_view port =
        port_colon == std::string_view::npos ? std::string_view() : authority.substr(port_colon + 1);

    std::string& out = result.normalized;
    out.reserve(input.size() + 16);
    out += result.scheme;
    out += "://";
    if (const UrlError e = append_host(out, host); e != UrlError::none) return fail(e);
    if (const UrlError e = append_port(out, port, result.scheme); e != UrlError::none) return fail(e);

    const std::size_t hash = rest.find('#');
    const std::string_view before_fragment = rest.substr(0, hash);
    const std::size_t question = before_fragment.find('?');
    append_path(out, before_fragment.substr(0, question));
    if (question != std::string_view::npos) {
        out.push_back('?');
        append_percent_encoded(out, before_fragment.substr(question + 1), EncodeSet::query);
    }
    if (hash != std::string_view::npos) {
        out.push_back('#');
        append_percent_encoded(out, rest.substr(hash + 1), EncodeSet::fragment);
    }
    return result;
}

}  // namespace blogreader::comments
