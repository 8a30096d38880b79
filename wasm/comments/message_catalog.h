// Message catalogs of the comment form: the texts it shows and one message per
// error and moderation code, in several languages, with named placeholders
// ("{field} is too long: {actual} of at most {max} {unit}.").
//
// The source is wasm/comments/messages/<locale>.json (one flat object per
// locale; en.json is the reference every other must match), embedded at build
// time by cmake/catalogs.cmake and parsed once, on first use. A site owner
// overrides any text, or adds a language, per call (options.messages) without
// rebuilding.
//
// Keys: each ErrorCode and ModerationCode name (comment_codes.h) is the key of
// its message; the other keys are listed in kFormTextKeys. invalid_email and
// invalid_url also have one message per reason, keyed "<code>.<reason>"
// ("invalid_email.missing_at", see kInvalidEmailReasons and kInvalidUrlReasons);
// a language without the specific key shows its generic "<code>" message.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/json.h"

namespace blogreader::comments {

/// The keys every catalog has besides the code messages.
inline constexpr std::string_view kFormTextKeys[] = {
    "form.title",               ///< the form's heading ("Geef een reactie")
    "form.emailNotPublished",   ///< the note that the e-mail address is never published
    "form.requiredFieldsNote",  ///< "Vereiste velden zijn gemarkeerd met *"
    "form.label.author",        ///< field labels; also the {field} placeholder of error messages
    "form.label.email",
    "form.label.url",
    "form.label.content",
    "form.submit",              ///< the submit button ("Reactie plaatsen")
    "form.cookiesConsent",      ///< the "remember me in this browser" checkbox label
    "unit.bytes",               ///< the {unit} placeholder for unit "bytes"
    "unit.characters",          ///< the {unit} placeholder for unit "characters"
    "number.decimalSeparator",  ///< how {elapsedSeconds} and {minSeconds} write a fraction
};

/// The locale used when no candidate matches, and the per-key fallback.
inline constexpr std::string_view kFallbackLocale = "en";

/// The embedded catalogs, {"de":{...},"en":{...},...}, as generated.
std::string_view builtin_catalogs_json() noexcept;

/// The shipped locales, sorted ("de", "en", "fr", "nl").
const std::vector<std::string>& builtin_locales();

/// The keys of the reference catalog (en.json), sorted.
const std::vector<std::string>& builtin_message_keys();

/// A shipped text without fallback or overrides, or nullptr when the locale or
/// the key is not shipped (tests use this to prove the catalogs complete).
const std::string* builtin_message(std::string_view locale, std::string_view key);

/// The placeholder names of a template in order of appearance: "{a} {b}" -> {"a", "b"}.
std::vector<std::string_view> message_placeholders(std::string_view text);

struct MessageParam {
    std::string_view name;
    std::string_view value;
};

/// Appends text to out with each {name} replaced by the value of the param of
/// that name. A placeholder without a param, and a '{' without '}', are copied
/// as they are, so that a typo in an override shows instead of vanishing.
void append_formatted_message(std::string& out, std::string_view text, const MessageParam* params,
                              std::size_t param_count);

/// The key of the message for one reason of invalid_email or invalid_url:
/// "invalid_email.missing_at".
std::string reason_message_key(std::string_view code, std::string_view reason);

/// The messages of one request: a locale chosen from the caller's candidates,
/// the shipped catalogs and the site owner's overrides.
class MessageResolver {
public:
    /// candidates: language tags in priority order (option, element lang,
    /// document lang, navigator.languages). For each one in turn: a shipped or
    /// overriding locale equal to it (ignoring case), else one equal to its
    /// primary subtag ("nl-BE" -> "nl"); the first hit wins; none -> "en".
    /// overrides: options.messages, an object of objects of strings (the caller
    /// has checked its shape), or nullptr. It must outlive the resolver.
    MessageResolver(const std::vector<std::string_view>& candidates, const json::Value* overrides);

    /// The chosen locale, spelled as the catalog or override that matched ("nl", "pt-BR").
    const std::string& locale() const noexcept { return locale_; }

    /// The text of key: the override in the locale, else the shipped text in
    /// the locale, else the override in "en", else the shipped "en" text, else
    /// an empty view (unknown key).
    std::string_view text(std::string_view key) const;

    /// The text of a specific key with a generic one behind it (a per-reason
    /// message and its code's message): in the chosen locale the override of
    /// key, its shipped text, the override of fallback_key, its shipped text;
    /// then the same four in "en". So a language never shows an English
    /// specific text when it has its own generic one.
    std::string_view text(std::string_view key, std::string_view fallback_key) const;

    /// Every key of the reference catalog plus any new key the overrides of
    /// the chosen locale (or of "en") bring, sorted and without duplicates.
    std::vector<std::string> keys() const;

private:
    std::string locale_;
    int builtin_index_ = -1;  // into builtin_locales(), or -1
    int fallback_index_ = -1;
    const json::Value* locale_overrides_ = nullptr;
    const json::Value* fallback_overrides_ = nullptr;
};

}  // namespace blogreader::comments
