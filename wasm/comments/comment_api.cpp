#include "comments/comment_api.h"

#include <cmath>
#include <cstdint>

#include "comments/comment_rules.h"
#include "comments/message_catalog.h"
#include "common/json.h"

namespace blogreader::comments {
namespace {

// Responses are written straight into one string with the json::append_*
// helpers: no DOM, and no printf or to_string (which pull libc's
// floating-point formatting into the .wasm).

// Seconds as a person reads them: at most two decimals, no trailing zeros,
// the locale's decimal separator ("2,5").
void append_human_seconds(std::string& out, double value, std::string_view decimal_separator) {
    if (!(value >= 0 && value < 1e15)) {  // never from a person; no rounding to do
        json::append_number(out, value);
        return;
    }
    const auto hundredths = static_cast<std::uint64_t>(std::llround(value * 100));
    json::append_unsigned(out, hundredths / 100);
    unsigned fraction = static_cast<unsigned>(hundredths % 100);
    if (fraction == 0) return;
    out.append(decimal_separator.empty() ? std::string_view(".") : decimal_separator);
    out.push_back(static_cast<char>('0' + fraction / 10));
    if (fraction % 10 != 0) out.push_back(static_cast<char>('0' + fraction % 10));
}

// "U+0009", "U+202E", "U+1F600": at least four upper-case hex digits.
std::string code_point_name(char32_t c) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string name = "U+";
    int digits = 4;
    while (digits < 6 && (static_cast<std::uint32_t>(c) >> (4 * digits)) != 0) ++digits;
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) name.push_back(kHex[(c >> shift) & 0xF]);
    return name;
}

std::string unsigned_text(std::uint64_t n) {
    std::string text;
    json::append_unsigned(text, n);
    return text;
}

std::string error_response(std::string_view code, std::string_view message) {
    std::string out = "{\"error\":{\"code\":";
    json::append_string(out, code);
    out += ",\"message\":";
    json::append_string(out, message);
    out += "}}";
    return out;
}

// ---- Options ----

struct RequestOptions {
    CommentOptions rules;
    std::vector<std::string_view> locale_candidates;  // views into the parsed JSON
    const json::Value* message_overrides = nullptr;
};

bool is_non_negative_number(const json::Value& value) {
    return value.is_number() && std::isfinite(value.as_number()) && value.as_number() >= 0;
}

// Reads options into parsed; returns an error message, or "" when they are good.
std::string read_options(const json::Value& options, RequestOptions& parsed) {
    if (options.is_null()) return {};
    if (!options.is_object()) return "options must be a JSON object";
    for (const auto& [name, value] : options.members()) {
        if (name == "requireNameEmail") {
            if (!value.is_bool()) return "options.requireNameEmail must be true or false";
            parsed.rules.validation.require_name_email = value.as_bool();
        } else if (name == "locale") {
            if (value.is_string()) {
                parsed.locale_candidates.push_back(value.as_string());
            } else if (value.is_array()) {
                for (const json::Value& tag : value.items()) {
                    if (!tag.is_string()) return "options.locale must be a language tag or an array of language tags";
                    parsed.locale_candidates.push_back(tag.as_string());
                }
            } else if (!value.is_null()) {
                return "options.locale must be a language tag or an array of language tags";
            }
        } else if (name == "messages") {
            if (!value.is_object()) return "options.messages must be an object of locales";
            for (const auto& [locale, texts] : value.members()) {
                if (!texts.is_object()) return "options.messages." + locale + " must be an object of message texts";
                for (const auto& [key, text] : texts.members())
                    if (!text.is_string()) return "options.messages." + locale + "." + key + " must be a string";
            }
            parsed.message_overrides = &value;
        } else if (name == "minSubmitSeconds") {
            if (!is_non_negative_number(value)) return "options.minSubmitSeconds must be a non-negative number";
            parsed.rules.moderation.min_submit_seconds = value.as_number();
        } else if (name == "elapsedSeconds") {
            if (value.is_null()) continue;
            if (!is_non_negative_number(value)) return "options.elapsedSeconds must be a non-negative number or null";
            parsed.rules.moderation.elapsed_seconds = value.as_number();
        } else if (name == "maxLinks") {
            if (!is_non_negative_number(value) || value.as_number() != std::floor(value.as_number()))
                return "options.maxLinks must be a non-negative integer";
            // Any count beyond 2^32 - 1 is "never hold" all the same.
            parsed.rules.moderation.max_links =
                value.as_number() >= 4294967295.0 ? std::size_t{4294967295u}
                                                  : static_cast<std::size_t>(value.as_number());
        } else if (name == "blockedWords") {
            if (!value.is_array()) return "options.blockedWords must be an array of strings";
            for (const json::Value& word : value.items()) {
                if (!word.is_string()) return "options.blockedWords must be an array of strings";
                parsed.rules.moderation.blocked_words.push_back(word.as_string());
            }
        }
        // Other members are ignored: the JS layer may pass options meant for itself.
    }
    return {};
}

bool is_blank(std::string_view text) {
    for (char c : text)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
    return true;
}

// Parses a stand-alone options text (blank = defaults) into document and parsed;
// returns an error message, or "".
std::string read_options_text(std::string_view options_json, json::Value& document, RequestOptions& parsed) {
    if (!is_blank(options_json)) {
        json::ParseError error;
        if (!json::parse(options_json, document, error)) return "options must be a JSON object";
    }
    return read_options(document, parsed);
}

// A field range [offset, length]: two non-negative integers inside the field bytes.
bool read_field_range(const json::Value& range, std::string_view field_bytes, std::string_view& target) {
    if (!range.is_array() || range.items().size() != 2) return false;
    const json::Value& offset = range.items()[0];
    const json::Value& length = range.items()[1];
    if (!is_non_negative_number(offset) || !is_non_negative_number(length)) return false;
    const double o = offset.as_number(), l = length.as_number();
    if (o != std::floor(o) || l != std::floor(l)) return false;
    const double size = static_cast<double>(field_bytes.size());
    if (o > size || l > size - o) return false;
    target = field_bytes.substr(static_cast<std::size_t>(o), static_cast<std::size_t>(l));
    return true;
}

// ---- Results ----

std::string_view field_label_key(CommentField field) {
    switch (field) {
        case CommentField::author: return "form.label.author";
        case CommentField::email: return "form.label.email";
        case CommentField::url: return "form.label.url";
        case CommentField::content: return "form.label.content";
    }
    return "form.label.content";
}

// Appends `"message":` and the filled-in template, escaped.
void append_message(std::string& out, std::string_view text, const MessageParam* params, std::size_t count) {
    std::string message;
    append_formatted_message(message, text, params, count);
    out += ",\"message\":";
    json::append_string(out, message);
}

void append_field_error(std::string& out, CommentField field, const FieldError& error,
                        const MessageResolver& messages) {
    // Params as JSON, and the same values as text for the message.
    MessageParam params[6];
    std::size_t count = 0;
    params[count++] = {"field", messages.text(field_label_key(field))};
    std::string max_text, actual_text, offset_text, code_point_text;
    const std::string_view code = error_code_name(error.code);

    out += "{\"field\":";
    json::append_string(out, comment_field_name(field));
    out += ",\"code\":";
    json::append_string(out, code);
    out += ",\"params\":{";
    std::string_view text;
    switch (error.code) {
        case ErrorCode::too_long:
        case ErrorCode::email_local_part_too_long:
            max_text = unsigned_text(error.max);
            actual_text = unsigned_text(error.actual);
            out += "\"max\":" + max_text + ",\"actual\":" + actual_text + ",\"unit\":";
            json::append_string(out, length_unit_name(error.unit));
            params[count++] = {"max", max_text};
            params[count++] = {"actual", actual_text};
            params[count++] = {"unit", messages.text(error.unit == LengthUnit::bytes ? "unit.bytes"
                                                                                     : "unit.characters")};
            break;
        case ErrorCode::invalid_encoding:
            offset_text = unsigned_text(error.offset);
            out += "\"offset\":" + offset_text;
            params[count++] = {"offset", offset_text};
            break;
        case ErrorCode::control_character:
        case ErrorCode::bidi_control:
            code_point_text = code_point_name(error.code_point);
            offset_text = unsigned_text(error.offset);
            out += "\"codePoint\":";
            json::append_string(out, code_point_text);
            out += ",\"offset\":" + offset_text;
            params[count++] = {"codePoint", code_point_text};
            params[count++] = {"offset", offset_text};
            break;
        case ErrorCode::invalid_email:
        case ErrorCode::invalid_url:
            out += "\"reason\":";
            json::append_string(out, error.detail);
            params[count++] = {"reason", error.detail};
            // The reader is told what exactly is wrong ("invalid_email.missing_at"),
            // or the code's message where a language lacks the specific one.
            text = messages.text(reason_message_key(code, error.detail), code);
            break;
        case ErrorCode::url_scheme_not_allowed:
            out += "\"scheme\":";
            json::append_string(out, error.detail);
            params[count++] = {"scheme", error.detail};
            break;
        case ErrorCode::required:
        case ErrorCode::no_visible_character:
            break;
    }
    out.push_back('}');
    append_message(out, text.empty() ? messages.text(code) : text, params, count);
    out.push_back('}');
}

void append_errors(std::string& out, const FieldResult& result, const MessageResolver& messages, bool& first) {
    for (const FieldError& error : result.errors) {
        if (!first) out.push_back(',');
        first = false;
        append_field_error(out, result.field, error, messages);
    }
}

void append_reason(std::string& out, const ModerationReason& reason, const MessageResolver& messages) {
    MessageParam params[4];
    std::size_t count = 0;
    std::string first_text, second_text;
    out += "{\"code\":";
    json::append_string(out, moderation_code_name(reason.code));
    out += ",\"params\":{";
    switch (reason.code) {
        case ModerationCode::honeypot: break;
        case ModerationCode::too_fast: {
            out += "\"elapsedSeconds\":";
            json::append_number(out, reason.elapsed_seconds);
            out += ",\"minSeconds\":";
            json::append_number(out, reason.min_seconds);
            const std::string_view separator = messages.text("number.decimalSeparator");
            append_human_seconds(first_text, reason.elapsed_seconds, separator);
            append_human_seconds(second_text, reason.min_seconds, separator);
            params[count++] = {"elapsedSeconds", first_text};
            params[count++] = {"minSeconds", second_text};
            break;
        }
        case ModerationCode::too_many_links:
            first_text = unsigned_text(reason.count);
            second_text = unsigned_text(reason.max);
            out += "\"count\":" + first_text + ",\"max\":" + second_text;
            params[count++] = {"count", first_text};
            params[count++] = {"max", second_text};
            break;
        case ModerationCode::blocked_word:
            out += "\"word\":";
            json::append_string(out, reason.word);
            out += ",\"field\":";
            json::append_string(out, comment_field_name(reason.field));
            params[count++] = {"word", reason.word};
            params[count++] = {"field", messages.text(field_label_key(reason.field))};
            break;
    }
    out.push_back('}');
    append_message(out, messages.text(moderation_code_name(reason.code)), params, count);
    out.push_back('}');
}

}  // namespace

std::string validate_comment_request(std::string_view request_json, std::string_view field_bytes) {
    json::Value request;
    json::ParseError parse_error;
    if (!json::parse(request_json, request, parse_error) || !request.is_object())
        return error_response("bad_request", "the request is not a JSON object");

    CommentInput input;
    if (const json::Value* fields = request.find("fields"); fields && !fields->is_null()) {
        if (!fields->is_object()) return error_response("bad_request", "fields must be an object");
        for (const auto& [name, range] : fields->members()) {
            std::string_view* target = nullptr;
            if (name == "author") target = &input.author;
            else if (name == "email") target = &input.email;
            else if (name == "url") target = &input.url;
            else if (name == "content") target = &input.content;
            else if (name == "honeypot") target = &input.honeypot;
            else return error_response("bad_request", "fields." + name + " is not a comment field");
            if (!read_field_range(range, field_bytes, *target))
                return error_response("bad_request",
                                      "fields." + name + " must be [offset, length] inside the field bytes");
        }
    }

    RequestOptions options;
    if (const json::Value* options_member = request.find("options")) {
        const std::string problem = read_options(*options_member, options);
        if (!problem.empty()) return error_response("bad_options", problem);
    }

    const CommentResult result = validate_comment(input, options.rules);
    const MessageResolver messages(options.locale_candidates, options.message_overrides);

    std::string out;
    out.reserve(256 + input.author.size() + input.email.size() + input.url.size() + input.content.size());
    out += "{\"valid\":";
    out += result.valid() ? "true" : "false";
    out += ",\"locale\":";
    json::append_string(out, messages.locale());
    out += ",\"errors\":[";
    bool first = true;
    for (const FieldResult& field : result.fields) append_errors(out, field, messages, first);
    out += "],\"normalized\":{";
    first = true;
    for (const FieldResult& field : result.fields) {
        if (!field.valid()) continue;
        json::append_key(out, comment_field_name(field.field), first);
        first = false;
        json::append_string(out, field.normalized);
    }
    out += "},\"moderation\":{\"verdict\":";
    json::append_string(out, verdict_name(result.moderation.verdict));
    out += ",\"reasons\":[";
    first = true;
    for (const ModerationReason& reason : result.moderation.reasons) {
        if (!first) out.push_back(',');
        first = false;
        append_reason(out, reason, messages);
    }
    out += "]}}";
    return out;
}

std::string validate_field_request(std::string_view field_name, std::string_view value,
                                   std::string_view options_json) {
    const std::optional<CommentField> field = comment_field_from_name(field_name);
    if (!field) return error_response("bad_request", "the field must be author, email, url or content");
    json::Value options_doc;  // null = defaults
    RequestOptions options;
    const std::string problem = read_options_text(options_json, options_doc, options);
    if (!problem.empty()) return error_response("bad_options", problem);

    const FieldResult result = validate_field(*field, value, options.rules.validation);
    const MessageResolver messages(options.locale_candidates, options.message_overrides);
    std::string out;
    out.reserve(128 + value.size());
    out += "{\"field\":";
    json::append_string(out, comment_field_name(*field));
    out += ",\"valid\":";
    out += result.valid() ? "true" : "false";
    out += ",\"locale\":";
    json::append_string(out, messages.locale());
    out += ",\"errors\":[";
    bool first = true;
    append_errors(out, result, messages, first);
    out.push_back(']');
    if (result.valid()) {
        out += ",\"normalized\":";
        json::append_string(out, result.normalized);
    }
    out.push_back('}');
    return out;
}

std::string form_messages_request(std::string_view options_json) {
    json::Value options_doc;
    RequestOptions options;
    const std::string problem = read_options_text(options_json, options_doc, options);
    if (!problem.empty()) return error_response("bad_options", problem);
    const MessageResolver messages(options.locale_candidates, options.message_overrides);

    std::string out;
    out.reserve(6144);
    out += "{\"locale\":";
    json::append_string(out, messages.locale());
    out += ",\"messages\":{";
    bool first = true;
    for (const std::string& key : messages.keys()) {
        json::append_key(out, key, first);
        first = false;
        json::append_string(out, messages.text(key));
    }
    const char* required = options.rules.validation.require_name_email ? "true" : "false";
    out += "},\"fields\":{\"author\":{\"required\":";
    out += required;
    out += ",\"published\":true,\"maxBytes\":";
    json::append_unsigned(out, kMaxAuthorBytes);
    out += "},\"email\":{\"required\":";
    out += required;
    out += ",\"published\":false,\"maxCharacters\":";
    json::append_unsigned(out, kMaxEmailCharacters);
    out += "},\"url\":{\"required\":false,\"published\":true,\"maxBytes\":";
    json::append_unsigned(out, kMaxUrlBytes);
    out += "},\"content\":{\"required\":true,\"published\":true,\"maxBytes\":";
    json::append_unsigned(out, kMaxContentBytes);
    out += "}}}";
    return out;
}

}  // namespace blogreader::comments
