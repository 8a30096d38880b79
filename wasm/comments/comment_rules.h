// The comment form's rule set, as a typed C++ API: the same rules run in the
// reader's browser (WASM, live as they type) and on the server, so that both
// give the same codes. comment_api.h wraps this in JSON for the C ABI.
//
// Every function takes the raw bytes of a field: they may be invalid UTF-8,
// which is then reported (invalid_encoding), never repaired. Values are
// trimmed with is_trimmed_space (JavaScript's trim()) before any other rule.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "comments/comment_codes.h"

namespace blogreader::comments {

// ---- Limits (WordPress's wp_get_comment_fields_max_lengths(): its columns). ----

/// comment_author is tinytext: 255 bytes, minus the 10 WordPress keeps in reserve.
inline constexpr std::size_t kMaxAuthorBytes = 245;
/// comment_author_email is varchar(100); after IDNA the address is ASCII, so
/// characters and bytes agree on a valid address.
inline constexpr std::size_t kMaxEmailCharacters = 100;
/// RFC 5321 4.5.3.1.1.
inline constexpr std::size_t kMaxEmailLocalPartBytes = 64;
/// comment_author_url is varchar(200).
inline constexpr std::size_t kMaxUrlBytes = 200;
/// comment_content is text: 65535 bytes, minus 10.
inline constexpr std::size_t kMaxContentBytes = 65525;

enum class LengthUnit : unsigned char { bytes, characters };
/// "bytes" or "characters".
const char* length_unit_name(LengthUnit unit) noexcept;

/// One error of one field. Which members are meaningful depends on code; see
/// ErrorCode for the parameters each code carries.
struct FieldError {
    ErrorCode code = ErrorCode::required;
    std::size_t max = 0;      ///< too_long, email_local_part_too_long
    std::size_t actual = 0;   ///< too_long, email_local_part_too_long
    LengthUnit unit = LengthUnit::bytes;
    char32_t code_point = 0;  ///< control_character, bidi_control
    std::size_t offset = 0;   ///< invalid_encoding, control_character, bidi_control: byte offset in the raw value
    std::string detail;       ///< invalid_email, invalid_url: the reason; url_scheme_not_allowed: the scheme
};

struct FieldResult {
    CommentField field = CommentField::author;
    std::vector<FieldError> errors;  ///< in ErrorCode order; empty when valid
    /// The value to store when valid: trimmed; email with its domain in
    /// lower-case A-labels; url serialized as WHATWG does; content with CRLF
    /// and CR turned into LF. Empty when invalid (or when an optional field is empty).
    std::string normalized;
    bool valid() const noexcept { return errors.empty(); }
};

struct ValidationOptions {
    /// WordPress's "Comment author must fill out name and email".
    bool require_name_email = true;
};

/// author: required (option); visible; <= 245 bytes; no controls, no bidi controls.
FieldResult validate_author(std::string_view raw, const ValidationOptions& options);
/// email: required (option); WHATWG valid e-mail address after IDNA; ASCII
/// local part <= 64 bytes; <= 100 characters.
FieldResult validate_email(std::string_view raw, const ValidationOptions& options);
/// url: optional; absolute http(s) URL (see url_parse.h); <= 200 bytes normalized.
FieldResult validate_url(std::string_view raw, const ValidationOptions& options);
/// content: required; visible; <= 65525 bytes (after CRLF -> LF); C0 controls
/// other than tab, LF and CR are errors (DEL, C1 and bidi controls are not:
/// the issue limits content to C0, and right-to-left prose uses bidi controls).
/// Markdown and HTML are allowed; the renderer's comment profile handles them.
FieldResult validate_content(std::string_view raw, const ValidationOptions& options);
/// Dispatches to the four functions above.
FieldResult validate_field(CommentField field, std::string_view raw, const ValidationOptions& options);

// ---- Moderation (WordPress's check_comment() and Isso's guard, no captcha). ----

/// The raw fields of one submitted comment. honeypot is a field the form hides
/// from people; anything in it means a bot filled the form.
struct CommentInput {
    std::string_view author, email, url, content, honeypot;
};

struct ModerationOptions {
    /// Sending sooner than this after the form was shown is spam; 0 disables.
    double min_submit_seconds = 3;
    /// Seconds from "form shown" to "submit"; the timing check is skipped without it.
    std::optional<double> elapsed_seconds;
    /// Hold when the content has at least this many links (WordPress's
    /// comment_max_links default); 0 disables.
    std::size_t max_links = 2;
    /// WordPress's "disallowed/moderation keys": case-insensitive substrings of
    /// author, email, url or content that send a comment to moderation. Words
    /// are trimmed; empty ones are ignored.
    std::vector<std::string> blocked_words;
};

struct ModerationReason {
    ModerationCode code = ModerationCode::honeypot;
    double elapsed_seconds = 0, min_seconds = 0;  ///< too_fast
    std::size_t count = 0, max = 0;               ///< too_many_links
    std::string word;                             ///< blocked_word: the word as configured (trimmed)
    CommentField field = CommentField::author;    ///< blocked_word: the first field it was found in
};

struct ModerationResult {
    Verdict verdict = Verdict::accept;
    std::vector<ModerationReason> reasons;  ///< honeypot, too_fast, too_many_links, then blocked words in list order
};

/// Links in a comment: each "http://" or "https://" (any case), and each "www."
/// that starts a word and is not part of such a URL. This counts Markdown
/// links, autolinks, bare URLs and HTML <a href> alike, where WordPress (which
/// never renders Markdown) counts only "<a ... href".
std::size_t count_links(std::string_view content) noexcept;

ModerationResult moderate_comment(const CommentInput& input, const ModerationOptions& options);

// ---- A whole comment. ----

struct CommentOptions {
    ValidationOptions validation;
    ModerationOptions moderation;
};

struct CommentResult {
    std::array<FieldResult, 4> fields;  ///< indexed by CommentField
    ModerationResult moderation;
    bool valid() const noexcept {
        for (const FieldResult& f : fields)
            if (!f.valid()) return false;
        return true;
    }
    const FieldResult& field(CommentField f) const noexcept { return fields[static_cast<std::size_t>(f)]; }
};

CommentResult validate_comment(const CommentInput& input, const CommentOptions& options);

}  // namespace blogreader::comments
