// Moderation signals, the names of the codes, and the whole-comment entry point.
#include "comments/comment_rules.h"
#include "comments/unicode_classes.h"
#include "common/ascii.h"
#include "common/utf8.h"

namespace blogreader::comments {
namespace {

bool starts_with_ignoring_ascii_case(std::string_view text, std::size_t at, std::string_view prefix) {
    return equals_ignoring_ascii_case(text.substr(at, prefix.size()), prefix);
}

bool is_word_byte(char c) {
    const auto b = static_cast<unsigned char>(c);
    return b >= 0x80 || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '_' ||
           b == '-' || b == '.' || b == '@';
}

// Lower-cases with simple_lowercase; invalid UTF-8 is kept byte for byte, so
// that a blocked word still matches in a field that fails validation.
std::string fold_case(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const utf8::Decoded d = utf8::decode(text, i);
        if (d.valid)
            utf8::append(out, simple_lowercase(d.code_point));
        else
            out.append(text.substr(i, d.length));
        i += d.length;
    }
    return out;
}

std::string_view trim(std::string_view text) {
    std::size_t begin = 0, end = 0;
    bool found = false;
    for (std::size_t i = 0; i < text.size();) {
        const utf8::Decoded d = utf8::decode(text, i);
        if (!d.valid || !is_trimmed_space(d.code_point)) {
            if (!found) begin = i;
            found = true;
            end = i + d.length;
        }
        i += d.length;
    }
    return found ? text.substr(begin, end - begin) : std::string_view();
}

}  // namespace

const char* comment_field_name(CommentField field) noexcept {
    switch (field) {
        case CommentField::author: return "author";
        case CommentField::email: return "email";
        case CommentField::url: return "url";
        case CommentField::content: return "content";
    }
    return "content";
}

std::optional<CommentField> comment_field_from_name(std::string_view name) noexcept {
    for (CommentField f : kAllCommentFields)
        if (name == comment_field_name(f)) return f;
    return std::nullopt;
}

const char* error_code_name(ErrorCode code) noexcept {
    switch (code) {
        case ErrorCode::required: return "required";
        case ErrorCode::invalid_encoding: return "invalid_encoding";
        case ErrorCode::control_character: return "control_character";
        case ErrorCode::bidi_control: return "bidi_control";
        case ErrorCode::no_visible_character: return "no_visible_character";
        case ErrorCode::invalid_email: return "invalid_email";
        case ErrorCode::email_local_part_too_long: return "email_local_part_too_long";
        case ErrorCode::invalid_url: return "invalid_url";
        case ErrorCode::url_scheme_not_allowed: return "url_scheme_not_allowed";
        case ErrorCode::too_long: return "too_long";
    }
    return "required";
}

const char* moderation_code_name(ModerationCode code) noexcept {
    switch (code) {
        case ModerationCode::honeypot: return "honeypot";
        case ModerationCode::too_fast: return "too_fast";
        case ModerationCode::too_many_links: return "too_many_links";
        case ModerationCode::blocked_word: return "blocked_word";
    }
    return "honeypot";
}

const char* verdict_name(Verdict verdict) noexcept {
    switch (verdict) {
        case Verdict::accept: return "accept";
        case Verdict::hold: return "hold";
        case Verdict::spam: return "spam";
    }
    return "accept";
}

std::size_t count_links(std::string_view content) noexcept {
    std::size_t links = 0;
    for (std::size_t i = 0; i < content.size(); ++i) {
        // Only 'h' and 'w' (either case) can start a link; | 0x20 folds exactly
        // those two pairs onto 'h' and 'w', so other bytes leave at once.
        const char c = static_cast<char>(static_cast<unsigned char>(content[i]) | 0x20);
        if (c != 'h' && c != 'w') continue;
        if (c == 'h' && (starts_with_ignoring_ascii_case(content, i, "http://") ||
                         starts_with_ignoring_ascii_case(content, i, "https://"))) {
            ++links;
            // Skip the rest of this URL so that its own "www." is not counted again.
            while (i < content.size() && !is_trimmed_space(static_cast<unsigned char>(content[i])) &&
                   content[i] != ')' && content[i] != '"' && content[i] != '\'' && content[i] != '>')
                ++i;
        } else if (c == 'w' && (i == 0 || !is_word_byte(content[i - 1])) &&
                   starts_with_ignoring_ascii_case(content, i, "www.")) {
            ++links;
            i += 3;
        }
    }
    return links;
}

ModerationResult moderate_comment(const CommentInput& input, const ModerationOptions& options) {
    ModerationResult result;
    auto add = [&result](ModerationReason reason, Verdict verdict) {
        result.reasons.push_back(std::move(reason));
        if (verdict > result.verdict) result.verdict = verdict;
    };
    if (!input.honeypot.empty()) {
        ModerationReason r;
        r.code = ModerationCode::honeypot;
        add(std::move(r), Verdict::spam);
    }
    if (options.elapsed_seconds && options.min_submit_seconds > 0 &&
        *options.elapsed_seconds < options.min_submit_seconds) {
        ModerationReason r;
        r.code = ModerationCode::too_fast;
        r.elapsed_seconds = *options.elapsed_seconds;
        r.min_seconds = options.min_submit_seconds;
        add(std::move(r), Verdict::spam);
    }
    if (options.max_links > 0) {
        const std::size_t links = count_links(input.content);
        if (links >= options.max_links) {
            ModerationReason r;
            r.code = ModerationCode::too_many_links;
            r.count = links;
            r.max = options.max_links;
            add(std::move(r), Verdict::hold);
        }
    }
    if (!options.blocked_words.empty()) {
        const std::string_view fields[] = {input.author, input.email, input.url, input.content};
        std::string folded[4];
        for (std::size_t f = 0; f < 4; ++f) folded[f] = fold_case(fields[f]);
        for (const std::string& configured : options.blocked_words) {
            const std::string_view word = trim(configured);
            if (word.empty()) continue;
            const std::string needle = fold_case(word);
            for (std::size_t f = 0; f < 4; ++f) {
                if (folded[f].find(needle) == std::string::npos) continue;
                ModerationReason r;
                r.code = ModerationCode::blocked_word;
                r.word = std::string(word);
                r.field = kAllCommentFields[f];
                add(std::move(r), Verdict::hold);
                break;
            }
        }
    }
    return result;
}

CommentResult validate_comment(const CommentInput& input, const CommentOptions& options) {
    CommentResult result;
    result.fields[0] = validate_author(input.author, options.validation);
    result.fields[1] = validate_email(input.email, options.validation);
    result.fields[2] = validate_url(input.url, options.validation);
    result.fields[3] = validate_content(input.content, options.validation);
    result.moderation = moderate_comment(input, options.moderation);
    return result;
}

}  // namespace blogreader::comments
