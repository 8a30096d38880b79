// The stable codes of the comment rules: fields, field errors, moderation
// reasons and verdicts. These strings are the contract with JavaScript, the
// server and the message catalogs (wasm/comments/messages/*.json, where each
// error and reason code is also the key of its message): never rename one.
#pragma once

#include <optional>
#include <string_view>

namespace blogreader::comments {

/// The fields of WordPress's comment form, in the order errors are reported.
enum class CommentField : unsigned char {
    author,   ///< "author": the name (WordPress comment_author, 245 bytes)
    email,    ///< "email": never published (WordPress comment_author_email, 100 characters)
    url,      ///< "url": the website, optional (WordPress comment_author_url, 200 bytes)
    content,  ///< "content": the comment itself (WordPress comment_content, 65525 bytes)
};
inline constexpr CommentField kAllCommentFields[] = {CommentField::author, CommentField::email, CommentField::url,
                                                     CommentField::content};

/// "author", "email", "url" or "content".
const char* comment_field_name(CommentField field) noexcept;
/// The field named name (exact, lower case), or std::nullopt.
std::optional<CommentField> comment_field_from_name(std::string_view name) noexcept;

/// Why a field is invalid. Each comment lists its "params" in the response
/// JSON; every code also gets {field} (the localized field label) in messages.
/// A field's errors are reported in the order of this enum.
enum class ErrorCode : unsigned char {
    /// "required": nothing but white space was given for a required field
    /// (author and email when requireNameEmail is on; content always). Params: none.
    required,
    /// "invalid_encoding": the bytes are not well-formed UTF-8 (including a lone
    /// surrogate sent as ED A0..ED BF xx). Reported alone: nothing else can be
    /// checked. Params: {offset}: byte offset of the first bad byte in the raw value.
    invalid_encoding,
    /// "control_character": inside the trimmed value of author, email or url a
    /// C0 control (tab and newlines included), DEL or a C1 control; in content a
    /// C0 control other than tab, LF and CR.
    /// Params: {codePoint: "U+0009", offset} for the first one.
    control_character,
    /// "bidi_control": U+202A..U+202E or U+2066..U+2069 in author, email or url
    /// (they can make the text display as something else).
    /// Params: {codePoint: "U+202E", offset} for the first one.
    bidi_control,
    /// "no_visible_character": author or content holds only invisible
    /// characters (zero-width, format characters, fillers). Params: none.
    no_visible_character,
    /// "invalid_email": not a WHATWG "valid e-mail address" once its domain is
    /// in A-labels. Params: {reason}: "whitespace", "missing_at", "local_part"
    /// (a character the local part may not hold), "non_ascii_local_part" or "domain".
    invalid_email,
    /// "email_local_part_too_long": more than 64 octets before the '@' (RFC 5321).
    /// Params: {max: 64, actual, unit: "bytes"}.
    email_local_part_too_long,
    /// "invalid_url": not an absolute http(s) URL with a host, or one that needs
    /// repair. Params: {reason}: a UrlError name from url_parse.h ("relative",
    /// "scheme_relative", "missing_slashes", "whitespace", "backslash",
    /// "quote_or_angle_bracket", "credentials", "missing_host", "bad_host", "bad_port").
    invalid_url,
    /// "url_scheme_not_allowed": an absolute URL whose scheme is not http or
    /// https (javascript:, data:, vbscript:, file:, ftp:, mailto: ...).
    /// Params: {scheme: "javascript"} (lower case, without ':').
    url_scheme_not_allowed,
    /// "too_long": over the field's limit, measured on the normalized value (the
    /// one that is stored) when the value is otherwise valid, else on the trimmed
    /// value. Params: {max, actual, unit: "bytes"|"characters"}; only email
    /// counts characters (code points).
    too_long,
};
inline constexpr ErrorCode kAllErrorCodes[] = {
    ErrorCode::required,      ErrorCode::invalid_encoding, ErrorCode::control_character,
    ErrorCode::bidi_control,  ErrorCode::no_visible_character, ErrorCode::invalid_email,
    ErrorCode::email_local_part_too_long, ErrorCode::invalid_url, ErrorCode::url_scheme_not_allowed,
    ErrorCode::too_long,
};
/// The stable string of a code, e.g. "too_long".
const char* error_code_name(ErrorCode code) noexcept;

/// Why a comment is held or treated as spam. Reported beside the errors,
/// whether or not the fields are valid.
enum class ModerationCode : unsigned char {
    /// "honeypot": the hidden field was filled in (bots fill every field) -> spam. Params: none.
    honeypot,
    /// "too_fast": sent sooner after the form was shown than minSubmitSeconds -> spam.
    /// Params: {elapsedSeconds, minSeconds}.
    too_fast,
    /// "too_many_links": the content holds maxLinks or more links -> hold.
    /// Params: {count, max}.
    too_many_links,
    /// "blocked_word": a blocked word occurs in author, email, url or content -> hold.
    /// Params: {word, field}; one reason per matching word.
    blocked_word,
};
inline constexpr ModerationCode kAllModerationCodes[] = {ModerationCode::honeypot, ModerationCode::too_fast,
                                                         ModerationCode::too_many_links, ModerationCode::blocked_word};
/// The stable string of a reason code, e.g. "too_fast".
const char* moderation_code_name(ModerationCode code) noexcept;

/// What to do with a comment: the strongest of its reasons' verdicts.
enum class Verdict : unsigned char {
    accept,  ///< "accept": publish (if the fields are valid)
    hold,    ///< "hold": keep for moderation
    spam,    ///< "spam": file as spam
};
/// "accept", "hold" or "spam".
const char* verdict_name(Verdict verdict) noexcept;

}  // namespace blogreader::comments
