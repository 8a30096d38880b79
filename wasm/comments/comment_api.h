// The comment form's rules behind a JSON interface: what the C ABI
// (wasm/api.h) exports to JavaScript and what a server calls. Requests and
// responses are UTF-8 JSON text; the field values themselves travel as raw
// bytes beside the JSON, so that invalid UTF-8 (or a lone surrogate, which the
// JS layer encodes as ED A0..ED BF xx) reaches the rules as it is and is
// reported as invalid_encoding instead of being silently replaced.
//
// None of these functions throws or aborts on any input. A *failed validation*
// is a normal response ({"valid": false, ...}); only a malformed request is an
// error response:
//   {"error": {"code": "bad_request", "message": "..."}}   the request JSON or a field range is wrong
//   {"error": {"code": "bad_options", "message": "..."}}   an option has the wrong type or range,
//       e.g. "options.maxLinks must be a non-negative integer"
// These two messages are for developers and are always English.
//
// ---- Options (a JSON object; every member optional; unknown members are ignored) ----
//   "requireNameEmail": bool          author and email required (default true)
//   "locale": "nl-BE" | ["nl-BE", "de", "en"]
//                                     language candidates in priority order; see
//                                     MessageResolver (message_catalog.h). Default "en".
//   "messages": {"nl": {"required": "..."}, "pt": {...}}
//                                     per-locale text overrides, or whole new
//                                     languages (missing keys fall back to "en")
//   "minSubmitSeconds": number >= 0   default 3; 0 disables the timing check
//   "elapsedSeconds": number >= 0     time from form shown to submit; absent or null
//                                     skips the timing check
//   "maxLinks": integer >= 0          hold at >= this many links; default 2; 0 disables
//   "blockedWords": [string, ...]     case-insensitive substrings -> hold
//
// ---- Error object (in "errors") ----
//   {"field": "email", "code": "invalid_email", "params": {...}, "message": "..."}
// code and params: see ErrorCode in comment_codes.h. message: the catalog text
// of the code in the resolved locale, with {field} (the field's label), {unit}
// (localized) and the params filled in. Errors are ordered by field (author,
// email, url, content), and within a field by ErrorCode.
//
// ---- Moderation reason object (in "moderation.reasons") ----
//   {"code": "too_fast", "params": {"elapsedSeconds": 1.2, "minSeconds": 3}, "message": "..."}
// See ModerationCode in comment_codes.h.
#pragma once

#include <string>
#include <string_view>

namespace blogreader::comments {

/// Validates a whole comment. request_json:
///   {"fields": {"author": [offset, length], "email": [o, l], "url": [o, l],
///               "content": [o, l], "honeypot": [o, l]},
///    "options": {...}}
/// Each field is a byte range into field_bytes; a missing field is empty.
/// Returns:
///   {"valid": bool, "locale": "nl",
///    "errors": [error, ...],
///    "normalized": {"author": "...", "email": "...", "url": "...", "content": "..."},
///    "moderation": {"verdict": "accept"|"hold"|"spam", "reasons": [reason, ...]}}
/// "normalized" holds only the fields that are valid (see FieldResult::normalized).
/// The verdict is computed whether or not the fields are valid.
std::string validate_comment_request(std::string_view request_json, std::string_view field_bytes);

/// Validates one field, for live checks as the reader types. field_name is
/// "author", "email", "url" or "content"; value is its raw bytes; options_json
/// is an options object (or empty). Returns:
///   {"field": "email", "valid": bool, "locale": "nl", "errors": [error, ...],
///    "normalized": "..."}            ("normalized" only when valid)
std::string validate_field_request(std::string_view field_name, std::string_view value,
                                   std::string_view options_json);

/// The form's texts and field facts in the resolved locale; options_json as above
/// (only "locale", "messages" and "requireNameEmail" matter). Returns:
///   {"locale": "nl",
///    "messages": {key: text, ...},   every catalog key, overrides applied
///    "fields": {"author":  {"required": true,  "published": true,  "maxBytes": 245},
///               "email":   {"required": true,  "published": false, "maxCharacters": 100},
///               "url":     {"required": false, "published": true,  "maxBytes": 200},
///               "content": {"required": true,  "published": true,  "maxBytes": 65525}}}
/// "published": false is how the form knows to say the e-mail address is never shown.
std::string form_messages_request(std::string_view options_json);

}  // namespace blogreader::comments
