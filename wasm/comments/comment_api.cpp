#include "comments/comment_api.h"

#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "comments/comment_rules.h"
#include "comments/message_catalog.h"

namespace blogreader::comments {
namespace {

using nlohmann::json;

// ---- A small JSON writer: responses are written by hand, which is both
// smaller and faster than building a json tree to dump() it. ----

void append_json_string(std::string& out, std::string_view text) {
    static const char kHex[] = "0123456789abcdef";
    out.push_back('"');
    std::size_t clean = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(text.substr(clean, i - clean));
        clean = i + 1;
        out.push_back('\\');
        switch (c) {
            case '"': out.push_back('"'); break;
            case '\\': out.push_back('\\'); break;
            case '\n': out.push_back('n'); break;
            case '\r': out.push_back('r'); break;
            case '\t': out.push_back('t'); break;
            default:
                out += "u00";
                out.push_back(kHex[c >> 4]);
                out.push_back(kHex[c & 0xF]);
        }
    }
    out.append(text.substr(clean));
    out.push_back('"');
}

void append_key(std::string& out, std::string_view key) {
    append_json_string(out, key);
    out.push_back(':');
}

void append_unsigned(std::string& out, std::size_t value) {
    char buffer[24];
    const int n = std::snprintf(buffer, sizeof buffer, "%zu", value);
    out.append(buffer, static_cast<std::size_t>(n));
}

// A JSON number for a finite double (options reject the others).
void append_double(std::string& out, double value) {
    char buffer[32];
    const int n = std::snprintf(buffer, sizeof buffer, "%.15g", value);
    out.append(buffer, static_cast<std::size_t>(n));
}

// Seconds as a person reads them: at most two decimals, no trailing zeros,
// the locale's decimal separator ("2,5").
std::string human_seconds(double value, std::string_view decimal_separator) {
    char buffer[32];
    const int n = std::snprintf(buffer, sizeof buffer, "%.2f", value);
    std::string text(buffer, static_cast<std::size_t>(n));
    const std::size_t dot = text.find('.');
    if (dot == std::string::npos) return text;
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') {
        text.pop_back();
        return text;
    }
    text.replace(dot, 1, decimal_separator.empty() ? std::string_view(".") : decimal_separator);
    return text;
}

std::string code_point_name(char32_t c) {
    char buffer[16];
    const int n = std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
    return std::string(buffer, static_cast<std::size_t>(n));
}

std::string error_response(std::string_view code, std::string_view message) {
    std::string out = "{\"error\":{\"code\":";
    append_json_string(out, code);
    out += ",\"message\":";
    append_json_string(out, message);
    out += "}}";
    return out;
}

// ---- Options ----

struct RequestOptions {
    CommentOptions rules;
    std::vector<std::string_view> locale_candidates;  // views into the parsed JSON
    const json* message_overrides = nullptr;
};

bool is_non_negative_number(const json& value) {
    return value.is_number() && std::isfinite(value.get<double>()) && value.get<double>() >= 0;
}

// Reads options into parsed; returns an error message, or "" when they are good.
std::string read_options(const json& options, RequestOptions& parsed) {
    if (options.is_null()) return {};
    if (!options.is_object()) return "options must be a JSON object";
    for (const auto& member : options.items()) {
        const std::string& name = member.key();
        const json& value = member.value();
        if (name == "requireNameEmail") {
            if (!value.is_boolean()) return "options.requireNameEmail must be true or false";
            parsed.rules.validation.require_name_email = value.get<bool>();
        } else if (name == "locale") {
            if (value.is_string()) {
                parsed.locale_candidates.push_back(value.get_ref<const std::string&>());
            } else if (value.is_array()) {
                for (const json& tag : value) {
                    if (!tag.is_string()) return "options.locale must be a language tag or an array of language tags";
                    parsed.locale_candidates.push_back(tag.get_ref<const std::string&>());
                }
            } else if (!value.is_null()) {
                return "options.locale must be a language tag or an array of language tags";
            }
        } else if (name == "messages") {
            if (!value.is_object()) return "options.messages must be an object of locales";
            for (const auto& locale : value.items()) {
                if (!locale.value().is_object())
                    return "options.messages." + locale.key() + " must be an object of message texts";
                for (const auto& text : locale.value().items())
                    if (!text.value().is_string())
                        return "options.messages." + locale.key() + "." + text.key() + " must be a string";
            }
            parsed.message_overrides = &value;
        } else if (name == "minSubmitSeconds") {
            if (!is_non_negative_number(value)) return "options.minSubmitSeconds must be a non-negative number";
            parsed.rules.moderation.min_submit_seconds = value.get<double>();
        } else if (name == "elapsedSeconds") {
            if (value.is_null()) continue;
            if (!is_non_negative_number(value)) return "options.elapsedSeconds must be a non-negative number or null";
            parsed.rules.moderation.elapsed_seconds = value.get<double>();
        } else if (name == "maxLinks") {
            const bool integral = value.is_number_unsigned() ||
                                  (value.is_number_float() && is_non_negative_number(value) &&
                                   value.get<double>() == std::floor(value.get<double>()) &&
                                   value.get<double>() <= 1e9);
            if (!integral) return "options.maxLinks must be a non-negative integer";
            parsed.rules.moderation.max_links = value.is_number_unsigned()
                                                    ? static_cast<std::size_t>(value.get<std::uint64_t>())
                                                    : static_cast<std::size_t>(value.get<double>());
        } else if (name == "blockedWords") {
            if (!value.is_array()) return "options.blockedWords must be an array of strings";
            for (const json& word : value) {
                if (!word.is_string()) return "options.blockedWords must be an array of strings";
                parsed.rules.moderation.blocked_words.push_back(word.get<std::string>());
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

void append_field_error(std::string& out, CommentField field, const FieldError& error,
                        const MessageResolver& messages) {
    // Params as JSON, and the same values as text for the message.
    MessageParam params[6];
    std::size_t count = 0;
    params[count++] = {"field", messages.text(field_label_key(field))};
    std::string max_text, actual_text, offset_text, code_point_text;

    out += "{\"field\":";
    append_json_string(out, comment_field_name(field));
    out += ",\"code\":";
    append_json_string(out, error_code_name(error.code));
    out += ",\"params\":{";
    switch (error.code) {
        case ErrorCode::too_long:
        case ErrorCode::email_local_part_too_long:
            max_text = std::to_string(error.max);
            actual_text = std::to_string(error.actual);
            out += "\"max\":" + max_text + ",\"actual\":" + actual_text + ",\"unit\":";
            append_json_string(out, length_unit_name(error.unit));
            params[count++] = {"max", max_text};
            params[count++] = {"actual", actual_text};
            params[count++] = {"unit", messages.text(error.unit == LengthUnit::bytes ? "unit.bytes"
                                                                                     : "unit.characters")};
            break;
        case ErrorCode::invalid_encoding:
            offset_text = std::to_string(error.offset);
            out += "\"offset\":" + offset_text;
            params[count++] = {"offset", offset_text};
            break;
        case ErrorCode::control_character:
        case ErrorCode::bidi_control:
            code_point_text = code_point_name(error.code_point);
            offset_text = std::to_string(error.offset);
            out += "\"codePoint\":";
            append_json_string(out, code_point_text);
            out += ",\"offset\":" + offset_text;
            params[count++] = {"codePoint", code_point_text};
            params[count++] = {"offset", offset_text};
            break;
        case ErrorCode::invalid_email:
        case ErrorCode::invalid_url:
            out += "\"reason\":";
            append_json_string(out, error.detail);
            params[count++] = {"reason", error.detail};
            break;
        case ErrorCode::url_scheme_not_allowed:
            out += "\"scheme\":";
            append_json_string(out, error.detail);
            params[count++] = {"scheme", error.detail};
            break;
        case ErrorCode::required:
        case ErrorCode::no_visible_character:
            break;
    }
    out += "},\"message\":";
    std::string message;
    append_formatted_message(message, messages.text(error_code_name(error.code)), params, count);
    append_json_string(out, message);
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
    append_json_string(out, moderation_code_name(reason.code));
    out += ",\"params\":{";
    switch (reason.code) {
        case ModerationCode::honeypot: break;
        case ModerationCode::too_fast: {
            out += "\"elapsedSeconds\":";
            append_double(out, reason.elapsed_seconds);
            out += ",\"minSeconds\":";
            append_double(out, reason.min_seconds);
            const std::string_view separator = messages.text("number.decimalSeparator");
            first_text = human_seconds(reason.elapsed_seconds, separator);
            second_text = human_seconds(reason.min_seconds, separator);
            params[count++] = {"elapsedSeconds", first_text};
            params[count++] = {"minSeconds", second_text};
            break;
        }
        case ModerationCode::too_many_links:
            first_text = std::to_string(reason.count);
            second_text = std::to_string(reason.max);
            out += "\"count\":" + first_text + ",\"max\":" + second_text;
            params[count++] = {"count", first_text};
            params[count++] = {"max", second_text};
            break;
        case ModerationCode::blocked_word:
            out += "\"word\":";
            append_json_string(out, reason.word);
            out += ",\"field\":";
            append_json_string(out, comment_field_name(reason.field));
            params[count++] = {"word", reason.word};
            params[count++] = {"field", messages.text(field_label_key(reason.field))};
            break;
    }
    out += "},\"message\":";
    std::string message;
    append_formatted_message(message, messages.text(moderation_code_name(reason.code)), params, count);
    append_json_string(out, message);
    out.push_back('}');
}

}  // namespace

std::string validate_comment_request(std::string_view request_json, std::string_view field_bytes) {
    const json request = json::parse(request_json.begin(), request_json.end(), nullptr, false);
    if (request.is_discarded() || !request.is_object()) return error_response("bad_request", "the request is not a JSON object");

    CommentInput input;
    const auto fields = request.find("fields");
    if (fields != request.end() && !fields->is_null()) {
        if (!fields->is_object()) return error_response("bad_request", "fields must be an object");
        for (const auto& member : fields->items()) {
            std::string_view* target = nullptr;
            const std::string& name = member.key();
            if (name == "author") target = &input.author;
            else if (name == "email") target = &input.email;
            else if (name == "url") target = &input.url;
            else if (name == "content") target = &input.content;
            else if (name == "honeypot") target = &input.honeypot;
            else return error_response("bad_request", "fields." + name + " is not a comment field");
            const json& range = member.value();
            const bool shape = range.is_array() && range.size() == 2 && range[0].is_number_unsigned() &&
                               range[1].is_number_unsigned();
            const std::uint64_t offset = shape ? range[0].get<std::uint64_t>() : 0;
            const std::uint64_t length = shape ? range[1].get<std::uint64_t>() : 0;
            if (!shape || offset > field_bytes.size() || length > field_bytes.size() - offset)
                return error_response("bad_request",
                                      "fields." + name + " must be [offset, length] inside the field bytes");
            *target = field_bytes.substr(static_cast<std::size_t>(offset), static_cast<std::size_t>(length));
        }
    }

    RequestOptions options;
    const auto options_member = request.find("options");
    if (options_member != request.end()) {
        const std::string problem = read_options(*options_member, options);
        if (!problem.empty()) return error_response("bad_options", problem);
    }

    const CommentResult result = validate_comment(input, options.rules);
    const MessageResolver messages(options.locale_candidates, options.message_overrides);

    std::string out;
    out.reserve(512);
    out += "{\"valid\":";
    out += result.valid() ? "true" : "false";
    out += ",\"locale\":";
    append_json_string(out, messages.locale());
    out += ",\"errors\":[";
    bool first = true;
    for (const FieldResult& field : result.fields) append_errors(out, field, messages, first);
    out += "],\"normalized\":{";
    first = true;
    for (const FieldResult& field : result.fields) {
        if (!field.valid()) continue;
        if (!first) out.push_back(',');
        first = false;
        append_key(out, comment_field_name(field.field));
        append_json_string(out, field.normalized);
    }
    out += "},\"moderation\":{\"verdict\":";
    append_json_string(out, verdict_name(result.moderation.verdict));
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
    json options_doc;  // null = defaults
    if (!is_blank(options_json)) {
        options_doc = json::parse(options_json.begin(), options_json.end(), nullptr, false);
        if (options_doc.is_discarded()) return error_response("bad_options", "options must be a JSON object");
    }
    RequestOptions options;
    const std::string problem = read_options(options_doc, options);
    if (!problem.empty()) return error_response("bad_options", problem);

    const FieldResult result = validate_field(*field, value, options.rules.validation);
    const MessageResolver messages(options.locale_candidates, options.message_overrides);
    std::string out;
    out.reserve(256);
    out += "{\"field\":";
    append_json_string(out, comment_field_name(*field));
    out += ",\"valid\":";
    out += result.valid() ? "true" : "false";
    out += ",\"locale\":";
    append_json_string(out, messages.locale());
    out += ",\"errors\":[";
    bool first = true;
    append_errors(out, result, messages, first);
    out.push_back(']');
    if (result.valid()) {
        out += ",\"normalized\":";
        append_json_string(out, result.normalized);
    }
    out.push_back('}');
    return out;
}

std::string form_messages_request(std::string_view options_json) {
    json options_doc;
    if (!is_blank(options_json)) {
        options_doc = json::parse(options_json.begin(), options_json.end(), nullptr, false);
        if (options_doc.is_discarded()) return error_response("bad_options", "options must be a JSON object");
    }
    RequestOptions options;
    const std::string problem = read_options(options_doc, options);
    if (!problem.empty()) return error_response("bad_options", problem);
    const MessageResolver messages(options.locale_candidates, options.message_overrides);

    std::string out;
    out.reserve(4096);
    out += "{\"locale\":";
    append_json_string(out, messages.locale());
    out += ",\"messages\":{";
    bool first = true;
    for (const std::string& key : messages.keys()) {
        if (!first) out.push_back(',');
        first = false;
        append_key(out, key);
        append_json_string(out, messages.text(key));
    }
    const char* required = options.rules.validation.require_name_email ? "true" : "false";
    out += "},\"fields\":{\"author\":{\"required\":";
    out += required;
    out += ",\"published\":true,\"maxBytes\":";
    append_unsigned(out, kMaxAuthorBytes);
    out += "},\"email\":{\"required\":";
    out += required;
    out += ",\"published\":false,\"maxCharacters\":";
    append_unsigned(out, kMaxEmailCharacters);
    out += "},\"url\":{\"required\":false,\"published\":true,\"maxBytes\":";
    append_unsigned(out, kMaxUrlBytes);
    out += "},\"content\":{\"required\":true,\"published\":true,\"maxBytes\":";
    append_unsigned(out, kMaxContentBytes);
    out += "}}}";
    return out;
}

}  // namespace blogreader::comments
