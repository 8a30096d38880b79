#include "comments/comment_rules.h"

#include <algorithm>

#include "comments/email_address.h"
#include "comments/unicode_classes.h"
#include "comments/url_parse.h"
#include "common/utf8.h"

namespace blogreader::comments {
namespace {

// What one pass over a well-formed value finds. Offsets are into the raw value.
struct TextScan {
    std::size_t begin = 0, end = 0;  // the trimmed byte range
    std::size_t code_points = 0;     // in the trimmed range
    bool has_visible = false;
    bool has_control = false, has_bidi = false;
    std::size_t control_offset = 0, bidi_offset = 0;
    char32_t control = 0, bidi = 0;
};

// Decodes well-formed text, without a call for ASCII (most of any comment).
inline utf8::Decoded decode_fast(std::string_view text, std::size_t i) {
    const auto b = static_cast<unsigned char>(text[i]);
    return b < 0x80 ? utf8::Decoded{b, 1, true} : utf8::decode(text, i);
}

// Which characters count as control_character errors.
enum class ControlRule {
    all_controls,        // C0 (tab and newlines included), DEL, C1: the one-line fields
    c0_except_newlines,  // C0 other than tab, LF, CR: content, as the issue specifies
};

bool breaks_rule(char32_t c, ControlRule rule) {
    if (rule == ControlRule::all_controls) return is_control(c);
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
}

// The start of the code point that ends at `end` in well-formed UTF-8.
inline std::size_t previous_code_point(std::string_view text, std::size_t end) {
    std::size_t i = end - 1;
    while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
    return i;
}

// raw must be well-formed UTF-8 (check_encoding_and_presence checks first).
TextScan scan_text(std::string_view raw, ControlRule control_rule) {
    TextScan scan;
    // Trim from both ends, so that the middle is decoded once, below.
    std::size_t i = 0;
    while (i < raw.size()) {
        const utf8::Decoded d = decode_fast(raw, i);
        if (!is_trimmed_space(d.code_point)) break;
        i += d.length;
    }
    scan.begin = i;
    scan.end = raw.size();
    while (scan.end > scan.begin) {
        const std::size_t last = previous_code_point(raw, scan.end);
        if (!is_trimmed_space(decode_fast(raw, last).code_point)) break;
        scan.end = last;
    }

    const auto printable = [&raw](std::size_t at) {
        const auto b = static_cast<unsigned char>(raw[at]);
        return b >= 0x20 && b < 0x7F;
    };
    for (i = scan.begin; i < scan.end;) {
        // A run of printable ASCII (most of any comment) breaks no rule: count
        // it without decoding; once a visible character is seen, only the run's
        // end matters.
        if (printable(i)) {
            const std::size_t run = i;
            if (!scan.has_visible) {
                while (i < scan.end && printable(i) && raw[i] == ' ') ++i;
                if (i < scan.end && printable(i)) scan.has_visible = true;
            }
            while (i < scan.end && printable(i)) ++i;
            scan.code_points += i - run;
            continue;
        }
        const utf8::Decoded d = decode_fast(raw, i);
        const char32_t c = d.code_point;
        ++scan.code_points;
        if (breaks_rule(c, control_rule)) {
            if (!scan.has_control) {
                scan.control_offset = i;
                scan.control = c;
            }
            scan.has_control = true;
        } else if (is_bidi_control(c)) {
            if (!scan.has_bidi) {
                scan.bidi_offset = i;
                scan.bidi = c;
            }
            scan.has_bidi = true;
        }
        scan.has_visible |= !is_invisible(c);
        i += d.length;
    }
    return scan;
}

FieldError make_error(ErrorCode code) {
    FieldError e;
    e.code = code;
    return e;
}

FieldError length_error(ErrorCode code, std::size_t max, std::size_t actual, LengthUnit unit) {
    FieldError e = make_error(code);
    e.max = max;
    e.actual = actual;
    e.unit = unit;
    return e;
}

FieldError detail_error(ErrorCode code, std::string detail) {
    FieldError e = make_error(code);
    e.detail = std::move(detail);
    return e;
}

// The checks every field starts with. Returns false when the field is done
// (invalid encoding, or empty), with result filled in.
bool check_encoding_and_presence(std::string_view raw, bool required, ControlRule control_rule, FieldResult& result,
                                 TextScan& scan) {
    const std::size_t bad = utf8::first_invalid(raw);
    if (bad != std::string_view::npos) {
        FieldError e = make_error(ErrorCode::invalid_encoding);
        e.offset = bad;
        result.errors.push_back(std::move(e));
        return false;
    }
    scan = scan_text(raw, control_rule);
    if (scan.begin == scan.end) {
        if (required) result.errors.push_back(make_error(ErrorCode::required));
        return false;
    }
    return true;
}

void add_control_errors(const TextScan& scan, bool check_bidi, FieldResult& result) {
    if (scan.has_control) {
        FieldError e = make_error(ErrorCode::control_character);
        e.code_point = scan.control;
        e.offset = scan.control_offset;
        result.errors.push_back(std::move(e));
    }
    if (check_bidi && scan.has_bidi) {
        FieldError e = make_error(ErrorCode::bidi_control);
        e.code_point = scan.bidi;
        e.offset = scan.bidi_offset;
        result.errors.push_back(std::move(e));
    }
}

void finish(FieldResult& result, std::string normalized) {
    if (result.errors.empty()) {
        result.normalized = std::move(normalized);
    } else {
        std::stable_sort(result.errors.begin(), result.errors.end(),
                         [](const FieldError& a, const FieldError& b) { return a.code < b.code; });
    }
}

std::string normalize_newlines(std::string_view text) {
    if (text.find('\r') == std::string_view::npos) return std::string(text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out.push_back('\n');
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

}  // namespace

const char* length_unit_name(LengthUnit unit) noexcept { return unit == LengthUnit::bytes ? "bytes" : "characters"; }

FieldResult validate_author(std::string_view raw, const ValidationOptions& options) {
    FieldResult result;
    result.field = CommentField::author;
    TextScan scan;
    if (!check_encoding_and_presence(raw, options.require_name_email, ControlRule::all_controls, result, scan)) return result;
    const std::string_view trimmed = raw.substr(scan.begin, scan.end - scan.begin);
    if (trimmed.size() > kMaxAuthorBytes)
        result.errors.push_back(length_error(ErrorCode::too_long, kMaxAuthorBytes, trimmed.size(), LengthUnit::bytes));
    add_control_errors(scan, true, result);
    // Controls and bidi controls are invisible too: report them, not this.
    if (!scan.has_visible && !scan.has_control && !scan.has_bidi)
        result.errors.push_back(make_error(ErrorCode::no_visible_character));
    finish(result, std::string(trimmed));
    return result;
}

FieldResult validate_email(std::string_view raw, const ValidationOptions& options) {
    FieldResult result;
    result.field = CommentField::email;
    TextScan scan;
    if (!check_encoding_and_presence(raw, options.require_name_email, ControlRule::all_controls, result, scan)) return result;
    const std::string_view trimmed = raw.substr(scan.begin, scan.end - scan.begin);
    add_control_errors(scan, true, result);
    std::size_t length = scan.code_points;
    EmailParse parsed;
    if (result.errors.empty()) {
        parsed = parse_email_address(trimmed);
        if (parsed.error == EmailError::local_part_too_long) {
            result.errors.push_back(length_error(ErrorCode::email_local_part_too_long, kMaxEmailLocalPartBytes,
                                                 parsed.local_part_bytes, LengthUnit::bytes));
        } else if (parsed.error != EmailError::none) {
            result.errors.push_back(detail_error(ErrorCode::invalid_email, email_error_name(parsed.error)));
        } else {
            length = parsed.normalized.size();  // ASCII: bytes are characters
        }
    }
    if (length > kMaxEmailCharacters)
        result.errors.push_back(
            length_error(ErrorCode::too_long, kMaxEmailCharacters, length, LengthUnit::characters));
    finish(result, std::move(parsed.normalized));
    return result;
}

FieldResult validate_url(std::string_view raw, const ValidationOptions&) {
    FieldResult result;
    result.field = CommentField::url;
    TextScan scan;
    if (!check_encoding_and_presence(raw, false, ControlRule::all_controls, result, scan)) return result;
    const std::string_view trimmed = raw.substr(scan.begin, scan.end - scan.begin);
    add_control_errors(scan, true, result);
    std::size_t length = trimmed.size();
    HttpUrlParse parsed;
    if (result.errors.empty()) {
        parsed = parse_http_url(trimmed);
        if (parsed.error == UrlError::scheme_not_allowed) {
            result.errors.push_back(detail_error(ErrorCode::url_scheme_not_allowed, parsed.scheme));
        } else if (parsed.error != UrlError::none) {
            result.errors.push_back(detail_error(ErrorCode::invalid_url, url_error_name(parsed.error)));
        } else {
            length = parsed.normalized.size();
        }
    }
    if (length > kMaxUrlBytes)
        result.errors.push_back(length_error(ErrorCode::too_long, kMaxUrlBytes, length, LengthUnit::bytes));
    finish(result, std::move(parsed.normalized));
    return result;
}

FieldResult validate_content(std::string_view raw, const ValidationOptions&) {
    FieldResult result;
    result.field = CommentField::content;
    TextScan scan;
    if (!check_encoding_and_presence(raw, true, ControlRule::c0_except_newlines, result, scan)) return result;
    std::string normalized = normalize_newlines(raw.substr(scan.begin, scan.end - scan.begin));
    if (normalized.size() > kMaxContentBytes)
        result.errors.push_back(
            length_error(ErrorCode::too_long, kMaxContentBytes, normalized.size(), LengthUnit::bytes));
    // Bidi controls are allowed: right-to-left writers use them in prose, and
    // the Markdown renderer's comment profile decides what reaches the page.
    add_control_errors(scan, false, result);
    if (!scan.has_visible && !scan.has_control) result.errors.push_back(make_error(ErrorCode::no_visible_character));
    finish(result, std::move(normalized));
    return result;
}

FieldResult validate_field(CommentField field, std::string_view raw, const ValidationOptions& options) {
    switch (field) {
        case CommentField::author: return validate_author(raw, options);
        case CommentField::email: return validate_email(raw, options);
        case CommentField::url: return validate_url(raw, options);
        case CommentField::content: return validate_content(raw, options);
    }
    return validate_content(raw, options);
}

}  // namespace blogreader::comments
