#include "comments/idna.h"

#include "comments/punycode.h"
#include "comments/unicode_classes.h"
#include "common/utf8.h"

namespace blogreader::comments {
namespace {

constexpr std::size_t kMaxLabelBytes = 63;
constexpr std::size_t kMaxDomainBytes = 253;

bool is_label_separator(char32_t c) { return c == '.' || c == 0x3002 || c == 0xFF0E || c == 0xFF61; }

bool is_allowed_ascii(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

bool is_allowed_non_ascii(char32_t c) {
    const bool noncharacter = (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    return !is_control(c) && !is_bidi_control(c) && !is_invisible(c) && !noncharacter &&
           !(c >= 0xE000 && c <= 0xF8FF) && c < 0xF0000;  // private use: not in any IDN registry
}

// Checks one lower-cased ASCII label, as typed or as produced.
DomainError check_ascii_label(std::string_view label) {
    if (label.empty()) return DomainError::empty_label;
    if (label.front() == '-' || label.back() == '-') return DomainError::hyphen_at_label_edge;
    for (char c : label)
        if (!is_allowed_ascii(static_cast<unsigned char>(c))) return DomainError::forbidden_character;
    if (label.size() > kMaxLabelBytes) return DomainError::label_too_long;
    if (label.size() >= 4 && label.substr(0, 4) == "xn--") {
        // An A-label typed directly must be one we could have produced, holding
        // only what a Unicode label may hold (UTS 46 4.1).
        const auto decoded = punycode::decode(label.substr(4));
        bool has_non_ascii = false, allowed = decoded.has_value();
        if (decoded) {
            for (char32_t c : *decoded) {
                has_non_ascii |= c >= 0x80;
                allowed &= c < 0x80 ? is_allowed_ascii(c) : is_allowed_non_ascii(c);
            }
        }
        if (!has_non_ascii || !allowed) return DomainError::bad_punycode;
    }
    return DomainError::none;
}

// Converts one lower-cased label (code points) and appends its ASCII form.
DomainError append_label(std::u32string_view label, std::string& out) {
    if (label.empty()) return DomainError::empty_label;
    if (label.front() == '-' || label.back() == '-') return DomainError::hyphen_at_label_edge;
    bool ascii = true;
    for (char32_t c : label) {
        if (c < 0x80) {
            if (!is_allowed_ascii(c)) return DomainError::forbidden_character;
        } else {
            if (!is_allowed_non_ascii(c)) return DomainError::forbidden_character;
            ascii = false;
        }
    }
    const std::size_t start = out.size();
    if (ascii) {
        for (char32_t c : label) out.push_back(static_cast<char>(c));
        return check_ascii_label(std::string_view(out).substr(start));
    }
    const auto encoded = punycode::encode(label);
    if (!encoded) return DomainError::label_too_long;
    out += "xn--";
    out += *encoded;
    return out.size() - start > kMaxLabelBytes ? DomainError::label_too_long : DomainError::none;
}

// The common case, a domain that is all ASCII: checked in place, no decoding.
std::optional<std::string> ascii_domain_to_ascii(std::string_view domain, DomainError& error) {
    std::string out(domain);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 0x20);
    for (std::size_t start = 0;;) {
        const std::size_t dot = out.find('.', start);
        const std::size_t end = dot == std::string::npos ? out.size() : dot;
        error = check_ascii_label(std::string_view(out).substr(start, end - start));
        if (error != DomainError::none) return std::nullopt;
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    if (out.size() > kMaxDomainBytes) {
        error = DomainError::domain_too_long;
        return std::nullopt;
    }
    return out;
}

}  // namespace

std::optional<std::string> domain_to_ascii(std::string_view unicode_domain, DomainError& error) {
    error = DomainError::none;
    if (unicode_domain.empty()) {
        error = DomainError::empty_label;
        return std::nullopt;
    }
    bool all_ascii = true;
    for (char c : unicode_domain) all_ascii &= static_cast<unsigned char>(c) < 0x80;
    if (all_ascii) return ascii_domain_to_ascii(unicode_domain, error);

    std::string out;
    out.reserve(unicode_domain.size() + 8);
    std::u32string label;
    for (std::size_t i = 0;;) {
        const bool at_end = i >= unicode_domain.size();
        char32_t c = 0;
        if (!at_end) {
            const utf8::Decoded d = utf8::decode(unicode_domain, i);
            if (!d.valid) {
                error = DomainError::invalid_encoding;
                return std::nullopt;
            }
            c = d.code_point;
            i += d.length;
        }
        if (at_end || is_label_separator(c)) {
            if (!out.empty()) out.push_back('.');
            error = append_label(label, out);
            if (error != DomainError::none) return std::nullopt;
            label.clear();
            if (at_end) break;
            continue;
        }
        label.push_back(simple_lowercase(c));
    }
    if (out.size() > kMaxDomainBytes) {
        error = DomainError::domain_too_long;
        return std::nullopt;
    }
    return out;
}

std::optional<std::string> domain_to_ascii(std::string_view unicode_domain) {
    DomainError ignored;
    return domain_to_ascii(unicode_domain, ignored);
}

}  // namespace blogreader::comments
