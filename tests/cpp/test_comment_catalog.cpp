// Message catalogs: complete in every shipped language, placeholders kept,
// locale resolution and site-owner overrides.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "comments/comment_codes.h"
#include "comments/email_address.h"
#include "comments/message_catalog.h"
#include "comments/url_parse.h"
#include "common/json.h"

using namespace blogreader::comments;

namespace {

const char* const kShippedLocales[] = {"de", "en", "fr", "nl"};

std::set<std::string> placeholder_set(std::string_view text) {
    std::set<std::string> names;
    for (std::string_view name : message_placeholders(text)) names.emplace(name);
    return names;
}

// The per-reason keys: "invalid_email.missing_at", "invalid_url.credentials", ...
std::vector<std::string> reason_keys() {
    std::vector<std::string> keys;
    for (EmailError reason : kInvalidEmailReasons)
        keys.push_back(reason_message_key("invalid_email", email_error_name(reason)));
    for (UrlError reason : kInvalidUrlReasons) keys.push_back(reason_message_key("invalid_url", url_error_name(reason)));
    return keys;
}

// Every key a catalog must have: one per code and per reason, plus the form texts.
std::vector<std::string> required_keys() {
    std::vector<std::string> keys = reason_keys();
    for (ErrorCode code : kAllErrorCodes) keys.emplace_back(error_code_name(code));
    for (ModerationCode code : kAllModerationCodes) keys.emplace_back(moderation_code_name(code));
    for (std::string_view key : kFormTextKeys) keys.emplace_back(key);
    return keys;
}

// The placeholders the code fills in for each message (comment_api.cpp).
std::set<std::string> provided_placeholders(std::string_view key) {
    const std::set<std::string> length{"field", "max", "actual", "unit"};
    if (key == "too_long" || key == "email_local_part_too_long") return length;
    if (key == "invalid_encoding") return {"field", "offset"};
    if (key == "control_character" || key == "bidi_control") return {"field", "codePoint", "offset"};
    if (key.rfind("invalid_email", 0) == 0 || key.rfind("invalid_url", 0) == 0) return {"field", "reason"};
    if (key == "url_scheme_not_allowed") return {"field", "scheme"};
    if (key == "required" || key == "no_visible_character") return {"field"};
    if (key == "too_fast") return {"elapsedSeconds", "minSeconds"};
    if (key == "too_many_links") return {"count", "max"};
    if (key == "blocked_word") return {"word", "field"};
    return {};  // form texts, units: shown as they are
}

}  // namespace

TEST_CASE("the shipped languages are nl, en, de and fr", "[comments][catalog]") {
    const std::vector<std::string> expected(std::begin(kShippedLocales), std::end(kShippedLocales));
    CHECK(builtin_locales() == expected);
}

TEST_CASE("every catalog has every code and form text", "[comments][catalog]") {
    for (const char* locale : kShippedLocales) {
        for (const std::string& key : required_keys()) {
            CAPTURE(locale, key);
            const std::string* text = builtin_message(locale, key);
            REQUIRE(text != nullptr);
            CHECK_FALSE(text->empty());
        }
    }
}

TEST_CASE("every reason of invalid_email and invalid_url has its own message", "[comments][catalog]") {
    const std::vector<std::string> keys = reason_keys();
    CHECK(keys.size() == 15);
    CHECK(std::find(keys.begin(), keys.end(), "invalid_email.missing_at") != keys.end());
    CHECK(std::find(keys.begin(), keys.end(), "invalid_url.credentials") != keys.end());
    for (const char* locale : kShippedLocales) {
        std::set<std::string> texts;
        for (const std::string& key : keys) {
            CAPTURE(locale, key);
            REQUIRE(builtin_message(locale, key));
            // Precise: no reason shares its text with another, or with the generic message.
            CHECK(texts.insert(*builtin_message(locale, key)).second);
            CHECK(*builtin_message(locale, key) != *builtin_message(locale, key.substr(0, key.find('.'))));
        }
    }
    CHECK(*builtin_message("nl", "invalid_email.missing_at") ==
          "Het e-mailadres mist een @ (zoals in naam@voorbeeld.nl).");
    CHECK(*builtin_message("en", "invalid_url.credentials") ==
          "Web addresses with a user name or password are not allowed.");
}

TEST_CASE("every catalog has exactly the keys of en.json", "[comments][catalog]") {
    // en.json holds nothing the code does not use, and lacks nothing it does.
    std::vector<std::string> expected = required_keys();
    std::sort(expected.begin(), expected.end());
    CHECK(builtin_message_keys() == expected);
}

TEST_CASE("every placeholder of the English message is in each translation", "[comments][catalog]") {
    for (const std::string& key : builtin_message_keys()) {
        const std::set<std::string> english = placeholder_set(*builtin_message("en", key));
        for (const char* locale : kShippedLocales) {
            CAPTURE(key, locale);
            CHECK(placeholder_set(*builtin_message(locale, key)) == english);
        }
    }
}

TEST_CASE("messages use only placeholders the code fills in", "[comments][catalog]") {
    for (const std::string& key : builtin_message_keys()) {
        const std::set<std::string> provided = provided_placeholders(key);
        for (const char* locale : kShippedLocales) {
            for (const std::string& name : placeholder_set(*builtin_message(locale, key))) {
                CAPTURE(key, locale, name);
                CHECK(provided.count(name) == 1);
            }
        }
    }
    // And the length messages really show the numbers ("312 of at most 245 bytes").
    for (const char* locale : kShippedLocales) {
        CAPTURE(locale);
        CHECK(placeholder_set(*builtin_message(locale, "too_long")) == provided_placeholders("too_long"));
    }
}

TEST_CASE("the seed's Dutch form texts are shipped word for word", "[comments][catalog]") {
    const std::pair<const char*, const char*> seed[] = {
        {"form.title", "Geef een reactie"},
        {"form.emailNotPublished", "Het e-mailadres wordt niet gepubliceerd."},
        {"form.requiredFieldsNote", "Vereiste velden zijn gemarkeerd met *"},
        {"form.label.author", "Naam"},
        {"form.label.email", "E-mail"},
        {"form.label.url", "Website"},
        {"form.label.content", "Reactie"},
        {"form.submit", "Reactie plaatsen"},
        {"form.cookiesConsent",
         "Mijn naam, e-mail en site opslaan in deze browser voor de volgende keer wanneer ik een reactie plaats."},
    };
    for (const auto& [key, text] : seed) {
        CAPTURE(key);
        REQUIRE(builtin_message("nl", key));
        CHECK(*builtin_message("nl", key) == text);
    }
}

TEST_CASE("the embedded catalogs match the JSON source files", "[comments][catalog]") {
    // Catches a stale generated .inc: the JSON files are the single source of truth.
    for (const char* locale : kShippedLocales) {
        CAPTURE(locale);
        std::ifstream file(std::string(BR_SOURCE_DIR) + "/wasm/comments/messages/" + locale + ".json");
        REQUIRE(file.good());
        const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
        const nlohmann::json source = nlohmann::json::parse(text, nullptr, false);
        REQUIRE(source.is_object());
        for (const auto& entry : source.items()) {
            CAPTURE(entry.key());
            REQUIRE(builtin_message(locale, entry.key()));
            CHECK(*builtin_message(locale, entry.key()) == entry.value().get<std::string>());
        }
    }
    CHECK(nlohmann::json::accept(builtin_catalogs_json()));
}

TEST_CASE("append_formatted_message fills named placeholders", "[comments][catalog]") {
    const MessageParam params[] = {{"actual", "312"}, {"max", "245"}};
    std::string out;
    append_formatted_message(out, "{actual} of at most {max}; {max}! {unknown} {broken", params, 2);
    CHECK(out == "312 of at most 245; 245! {unknown} {broken");
    out.clear();
    append_formatted_message(out, "no placeholders", params, 2);
    CHECK(out == "no placeholders");
    CHECK(message_placeholders("{a} {b}{a} {c") == std::vector<std::string_view>{"a", "b", "a"});
}

TEST_CASE("locale resolution", "[comments][catalog]") {
    struct Case {
        std::vector<std::string_view> candidates;
        const char* expected;
    };
    const Case cases[] = {
        {{}, "en"},
        {{"nl"}, "nl"},
        {{"NL"}, "nl"},
        {{"nl-BE"}, "nl"},
        {{"fr_CA"}, "fr"},
        {{"de-AT-x-private"}, "de"},
        {{"pt-BR", "de", "en"}, "de"},
        {{"xx", "yy-ZZ"}, "en"},
        {{"", "fr"}, "fr"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.expected);
        CHECK(MessageResolver(c.candidates, nullptr).locale() == c.expected);
    }
}

TEST_CASE("site owners override texts and add languages", "[comments][catalog]") {
    blogreader::json::Value overrides;
    blogreader::json::ParseError error;
    REQUIRE(blogreader::json::parse(R"({
        "nl": {"required": "Vul {field} in, a.u.b.", "form.title": "Reageer"},
        "pt-BR": {"required": "{field} é obrigatório.", "site.extra": "Obrigado", "invalid_email": "E-mail inválido."},
        "en": {"too_long": "Too long!"}
    })", overrides, error));
    REQUIRE(overrides.is_object());

    SECTION("an override replaces one text; the rest stays shipped") {
        const MessageResolver nl({"nl-BE"}, &overrides);
        CHECK(nl.locale() == "nl");
        CHECK(nl.text("required") == "Vul {field} in, a.u.b.");
        CHECK(nl.text("form.title") == "Reageer");
        CHECK(nl.text("form.submit") == "Reactie plaatsen");
        CHECK(nl.text("too_long") == *builtin_message("nl", "too_long"));  // not the en override
    }
    SECTION("a new language, matched by primary subtag or exactly; missing keys fall back to en") {
        const MessageResolver pt({"PT-br"}, &overrides);
        CHECK(pt.locale() == "pt-BR");
        CHECK(pt.text("required") == "{field} é obrigatório.");
        CHECK(pt.text("too_long") == "Too long!");  // en, with its override
        CHECK(pt.text("form.submit") == "Post Comment");
        const std::vector<std::string> keys = pt.keys();
        CHECK(std::find(keys.begin(), keys.end(), "site.extra") != keys.end());
        CHECK(keys.size() == builtin_message_keys().size() + 1);  // invalid_email is not new
    }
    SECTION("a shipped language is preferred over a later candidate") {
        CHECK(MessageResolver({"de", "pt-BR"}, &overrides).locale() == "de");
    }
    SECTION("unknown keys give an empty text") {
        CHECK(MessageResolver({"en"}, &overrides).text("no.such.key").empty());
        CHECK(MessageResolver({"en"}, &overrides).text("no.such.key", "also.missing").empty());
    }
    SECTION("a per-reason message falls back to its code's message in the same language") {
        const MessageResolver nl({"nl"}, &overrides);
        CHECK(nl.text("invalid_email.missing_at", "invalid_email") == *builtin_message("nl", "invalid_email.missing_at"));
        CHECK(nl.text("invalid_email.no_such_reason", "invalid_email") == *builtin_message("nl", "invalid_email"));
        // A language with only the generic text shows it, not the English specific one.
        const MessageResolver pt({"pt-BR"}, &overrides);
        CHECK(pt.text("invalid_email.missing_at", "invalid_email") == "E-mail inválido.");
        // A language without either falls back to English, specific first.
        CHECK(pt.text("invalid_url.credentials", "invalid_url") == *builtin_message("en", "invalid_url.credentials"));
    }
}
