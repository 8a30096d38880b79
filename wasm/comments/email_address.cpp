#include "comments/email_address.h"

#include <cstring>

#include "comments/idna.h"
#include "comments/unicode_classes.h"
#include "common/ascii.h"
#include "common/utf8.h"

namespace blogreader::comments {
namespace {

bool is_local_part_char(unsigned char c) {
    if (is_ascii_alnum(c)) return true;
    return c != 0 && std::strchr(".!#$%&'*+/=?^_`{|}~-", c) != nullptr;
}

bool is_ldh_label_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

}  // namespace

const char* email_error_name(EmailError error) noexcept {
    switch (error) {
        case EmailError::none: return "none";
        case EmailError::whitespace: return "whitespace";
        case EmailError::missing_at: return "missing_at";
        case EmailError::local_part: return "local_part";
        case EmailError::non_ascii_local_part: return "non_ascii_local_part";
        case EmailError::local_part_too_long: return "local_part_too_long";
        case EmailError::domain: return "domain";
    }
    return "none";
}

EmailParse parse_email_address(std::string_view address) {
    EmailParse result;
    for (std::size_t i = 0; i < address.size();) {
        const auto b = static_cast<unsigned char>(address[i]);
        const utf8::Decoded d = b < 0x80 ? utf8::Decoded{b, 1, true} : utf8::decode(address, i);
        if (is_trimmed_space(d.code_point)) {
            result.error = EmailError::whitespace;
            return result;
        }
        i += d.length;
    }
    const std::size_t at = address.find('@');
    if (at == std::string_view::npos) {
        result.error = EmailError::missing_at;
        return result;
    }
    const std::string_view local = address.substr(0, at);
    const std::string_view domain = address.substr(at + 1);
    result.local_part_bytes = local.size();
    if (local.empty()) {
        result.error = EmailError::local_part;
        return result;
    }
    for (char c : local) {
        const auto b = static_cast<unsigned char>(c);
        if (b >= 0x80) {
            result.error = EmailError::non_ascii_local_part;
            return result;
        }
        if (!is_local_part_char(b)) {
            result.error = EmailError::local_part;
            return result;
        }
    }
    if (local.size() > 64) {
        result.error = EmailError::local_part_too_long;
        return result;
    }
    const auto ascii_domain = domain_to_ascii(domain);
    bool ldh = ascii_domain.has_value();
    if (ldh)
        for (char c : *ascii_domain) ldh &= c == '.' || is_ldh_label_char(c);
    if (!ldh) {
        result.error = EmailError::domain;
        return result;
    }
    result.normalized.reserve(local.size() + 1 + ascii_domain->size());
    result.normalized.append(local).push_back('@');
    result.normalized += *ascii_domain;
    return result;
}

}  // namespace blogreader::comments
