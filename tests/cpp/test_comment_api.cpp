// The JSON interface of the comment rules (comment_api.h): what the C ABI and
// a server call. Responses are parsed back to check their shape.
#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "comments/comment_api.h"

using namespace blogreader::comments;
using nlohmann::json;

namespace {

// Builds a request whose fields are ranges into one byte buffer, as the JS layer does.
struct Request {
    std::string bytes;
    json fields = json::object();
    json options = json::object();

    Request& field(const char* name, std::string_view value) {
        fields[name] = {bytes.size(), value.size()};
        bytes.append(value);
        return *this;
    }
    json send() const {
        const json request = {{"fields", fields}, {"options", options}};
        const std::string response = validate_comment_request(request.dump(), bytes);
        const json parsed = json::parse(response, nullptr, false);
        REQUIRE_FALSE(parsed.is_discarded());
        return parsed;
    }
};

json parse(const std::string& text) {
    const json parsed = json::parse(text, nullptr, false);
    REQUIRE_FALSE(parsed.is_discarded());
    return parsed;
}

std::string error_code_of(const std::string& response) {
    const json parsed = parse(response);
    REQUIRE(parsed.contains("error"));
    return parsed["error"]["code"].get<std::string>();
}

}  // namespace

TEST_CASE("api: a valid comment", "[comments][api]") {
    Request r;
    r.field("author", "  Jan  ").field("email", "Jan@B\xC3\xBC" "cher.example").field("url", "HTTPS://Example.com")
        .field("content", "Hallo\r\n\"wereld\"\t<b>!</b>").field("honeypot", "");
    r.options = {{"locale", "nl"}, {"elapsedSeconds", 12.5}};
    const json response = r.send();
    CHECK(response["valid"] == true);
    CHECK(response["locale"] == "nl");
    CHECK(response["errors"].empty());
    CHECK(response["normalized"] == json({{"author", "Jan"},
                                          {"email", "Jan@xn--bcher-kva.example"},
                                          {"url", "https://example.com/"},
                                          {"content", "Hallo\n\"wereld\"\t<b>!</b>"}}));
    CHECK(response["moderation"] == json({{"verdict", "accept"}, {"reasons", json::array()}}));
}

TEST_CASE("api: errors in field order, with params and localized messages", "[comments][api]") {
    Request r;
    r.field("content", "ok").field("url", "javascript:alert(1)").field("author", std::string(312, 'x'));
    SECTION("English") {
        const json response = r.send();
        CHECK(response["valid"] == false);
        CHECK(response["locale"] == "en");
        const json& errors = response["errors"];
        REQUIRE(errors.size() == 3);
        CHECK(errors[0]["field"] == "author");
        CHECK(errors[0]["code"] == "too_long");
        CHECK(errors[0]["params"] == json({{"max", 245}, {"actual", 312}, {"unit", "bytes"}}));
        CHECK(errors[0]["message"] == "Name is too long: 312 of at most 245 bytes.");
        CHECK(errors[1]["field"] == "email");
        CHECK(errors[1]["code"] == "required");
        CHECK(errors[1]["params"] == json::object());
        CHECK(errors[1]["message"] == "Email is required.");
        CHECK(errors[2]["field"] == "url");
        CHECK(errors[2]["code"] == "url_scheme_not_allowed");
        CHECK(errors[2]["params"] == json({{"scheme", "javascript"}}));
        // Only the valid fields are normalized.
        CHECK(response["normalized"] == json({{"content", "ok"}}));
    }
    SECTION("Dutch, from nl-BE") {
        r.options = {{"locale", json::array({"nl-BE", "en"})}};
        const json response = r.send();
        CHECK(response["locale"] == "nl");
        CHECK(response["errors"][0]["message"] == "Naam is te lang: 312 van maximaal 245 bytes.");
        CHECK(response["errors"][1]["message"] == "E-mail is verplicht.");
    }
    SECTION("an override from the site owner") {
        r.options = {{"locale", "nl"}, {"messages", {{"nl", {{"required", "Graag je {field}."}}}}}};
        CHECK(r.send()["errors"][1]["message"] == "Graag je E-mail.");
    }
    SECTION("requireNameEmail off") {
        r.options = {{"requireNameEmail", false}};
        CHECK(r.send()["errors"].size() == 2);
    }
}

TEST_CASE("api: raw bytes reach the rules unrepaired", "[comments][api]") {
    Request r;
    // A JS string with a lone surrogate arrives as ED A0 80 (generalized UTF-8).
    r.field("author", "Jan").field("email", "jan@example.com").field("content", "a\xED\xA0\x80" "b");
    const json response = r.send();
    REQUIRE(response["errors"].size() == 1);
    CHECK(response["errors"][0]["field"] == "content");
    CHECK(response["errors"][0]["code"] == "invalid_encoding");
    CHECK(response["errors"][0]["params"] == json({{"offset", 1}}));
}

TEST_CASE("api: control and bidi parameters", "[comments][api]") {
    Request r;
    r.field("author", "Jan\xE2\x80\xAE").field("email", "a@b.c").field("content", "x\x01");
    const json errors = r.send()["errors"];
    REQUIRE(errors.size() == 2);
    CHECK(errors[0]["params"] == json({{"codePoint", "U+202E"}, {"offset", 3}}));
    CHECK(errors[0]["message"] == "Name contains an invisible text-direction character that is not allowed (U+202E).");
    CHECK(errors[1]["params"] == json({{"codePoint", "U+0001"}, {"offset", 1}}));
}

TEST_CASE("api: moderation beside the errors", "[comments][api]") {
    Request r;
    r.field("author", "Jan").field("email", "a@b.c").field("content", "Koop https://a.example https://b.example")
        .field("honeypot", "filled");
    r.options = {{"locale", "nl"}, {"elapsedSeconds", 1.5}, {"blockedWords", {"KOOP"}}};
    const json moderation = r.send()["moderation"];
    CHECK(moderation["verdict"] == "spam");
    const json& reasons = moderation["reasons"];
    REQUIRE(reasons.size() == 4);
    CHECK(reasons[0]["code"] == "honeypot");
    CHECK(reasons[1]["code"] == "too_fast");
    CHECK(reasons[1]["params"] == json({{"elapsedSeconds", 1.5}, {"minSeconds", 3}}));
    CHECK(reasons[1]["message"] ==
          "Het formulier is 1,5 seconden na het tonen verzonden; het minimum is 3 seconden.");
    CHECK(reasons[2]["code"] == "too_many_links");
    CHECK(reasons[2]["params"] == json({{"count", 2}, {"max", 2}}));
    CHECK(reasons[3]["code"] == "blocked_word");
    CHECK(reasons[3]["params"] == json({{"word", "KOOP"}, {"field", "content"}}));
}

TEST_CASE("api: malformed requests are errors, not crashes", "[comments][api]") {
    const std::string bytes = "abc";
    CHECK(error_code_of(validate_comment_request("", bytes)) == "bad_request");
    CHECK(error_code_of(validate_comment_request("{", bytes)) == "bad_request");
    CHECK(error_code_of(validate_comment_request("[]", bytes)) == "bad_request");
    CHECK(error_code_of(validate_comment_request(R"({"fields": 3})", bytes)) == "bad_request");
    CHECK(error_code_of(validate_comment_request(R"({"fields": {"author": [0, 4]}})", bytes)) == "bad_request");
    CHECK(error_code_of(validate_comment_request(R"({"fields": {"author": [4, 0]}})", bytes)) == "bad_request");
    CHECK(error_code_of(validate_comment_request(R"({"fields": {"author": [-1, 1]}})", bytes)) == "bad_request");
    CHECK(error_code_of(validate_comment_request(R"({"fields": {"author": [0]}})", bytes)) == "bad_request");
    CHECK(error_code_of(validate_comment_request(R"({"fields": {"author": "abc"}})", bytes)) == "bad_request");
    CHECK(error_code_of(validate_comment_request(R"({"fields": {"author": [0.5, 1]}})", bytes)) == "bad_request");
    CHECK(error_code_of(validate_comment_request(R"({"fields": {"author": [0, 1e300]}})", bytes)) == "bad_request");
    CHECK(error_code_of(validate_comment_request(R"({"fields": {"name": [0, 1]}})", bytes)) == "bad_request");
    CHECK(error_code_of(validate_comment_request(
              R"({"fields": {"author": [0, 18446744073709551615]}})", bytes)) == "bad_request");
    // The edge of the buffer is fine, and an empty request means all fields empty.
    CHECK_FALSE(parse(validate_comment_request(R"({"fields": {"author": [3, 0]}})", bytes)).contains("error"));
    CHECK(parse(validate_comment_request("{}", bytes))["valid"] == false);
}

TEST_CASE("api: bad options say which option and why", "[comments][api]") {
    struct Case {
        const char* options;
        const char* message;
    };
    const Case cases[] = {
        {R"("nl")", "options must be a JSON object"},
        {R"({"maxLinks": -1})", "options.maxLinks must be a non-negative integer"},
        {R"({"maxLinks": 1.5})", "options.maxLinks must be a non-negative integer"},
        {R"({"maxLinks": "2"})", "options.maxLinks must be a non-negative integer"},
        {R"({"requireNameEmail": "yes"})", "options.requireNameEmail must be true or false"},
        {R"({"locale": 5})", "options.locale must be a language tag or an array of language tags"},
        {R"({"locale": ["nl", 5]})", "options.locale must be a language tag or an array of language tags"},
        {R"({"messages": []})", "options.messages must be an object of locales"},
        {R"({"messages": {"nl": "x"}})", "options.messages.nl must be an object of message texts"},
        {R"({"messages": {"nl": {"required": 1}}})", "options.messages.nl.required must be a string"},
        {R"({"minSubmitSeconds": -1})", "options.minSubmitSeconds must be a non-negative number"},
        {R"({"elapsedSeconds": "soon"})", "options.elapsedSeconds must be a non-negative number or null"},
        {R"({"blockedWords": "spam"})", "options.blockedWords must be an array of strings"},
        {R"({"blockedWords": ["spam", null]})", "options.blockedWords must be an array of strings"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.options);
        const json in_request = parse(validate_comment_request(std::string(R"({"options": )") + c.options + "}", ""));
        CHECK(in_request["error"] == json({{"code", "bad_options"}, {"message", c.message}}));
        const json for_field = parse(validate_field_request("author", "Jan", c.options));
        CHECK(for_field["error"]["message"] == c.message);
        CHECK(error_code_of(form_messages_request(c.options)) == "bad_options");
    }
    // Accepted forms.
    CHECK_FALSE(parse(validate_field_request("author", "Jan", R"({"maxLinks": 2.0, "elapsedSeconds": null,
        "unknownOption": 1})")).contains("error"));
    CHECK_FALSE(parse(validate_comment_request(R"({"options": {"maxLinks": 1e30}})", "")).contains("error"));
    CHECK(error_code_of(validate_field_request("author", "Jan", "{oops")) == "bad_options");
}

TEST_CASE("api: one field for live checks", "[comments][api]") {
    SECTION("valid, normalized") {
        const json r = parse(validate_field_request("email", " Jan@EXAMPLE.com ", ""));
        CHECK(r == json({{"field", "email"}, {"valid", true}, {"locale", "en"}, {"errors", json::array()},
                         {"normalized", "Jan@example.com"}}));
    }
    SECTION("invalid, no normalized value") {
        const json r = parse(validate_field_request("url", "http:/x", R"({"locale": "de"})"));
        CHECK(r["valid"] == false);
        CHECK_FALSE(r.contains("normalized"));
        REQUIRE(r["errors"].size() == 1);
        CHECK(r["errors"][0]["params"] == json({{"reason", "missing_slashes"}}));
        CHECK(r["errors"][0]["message"] == "Nach http: oder https: gehören zwei Schrägstriche (wie in https://beispiel.de).");
    }
    SECTION("email limit in characters, French") {
        const json r = parse(validate_field_request("email", std::string(64, 'l') + "@" + std::string(32, 'd') + ".com",
                                                    R"({"locale": "fr-CA"})"));
        REQUIRE(r["errors"].size() == 1);
        CHECK(r["errors"][0]["params"] == json({{"max", 100}, {"actual", 101}, {"unit", "characters"}}));
        CHECK(r["errors"][0]["message"] ==
              "Le champ E-mail est trop long\xC2\xA0: 101 sur 100 caract\xC3\xA8res au maximum.");
    }
    SECTION("requireNameEmail applies") {
        CHECK(parse(validate_field_request("author", "", R"({"requireNameEmail": false})"))["valid"] == true);
        CHECK(parse(validate_field_request("author", "", ""))["valid"] == false);
    }
    SECTION("unknown field") {
        CHECK(error_code_of(validate_field_request("honeypot", "x", "")) == "bad_request");
        CHECK(error_code_of(validate_field_request("", "x", "")) == "bad_request");
    }
}

TEST_CASE("api: the form's texts and field facts", "[comments][api]") {
    const json r = parse(form_messages_request(
        R"({"locale": ["nl-BE"], "messages": {"nl": {"form.submit": "Verstuur"}}, "requireNameEmail": false})"));
    CHECK(r["locale"] == "nl");
    CHECK(r["messages"]["form.title"] == "Geef een reactie");
    CHECK(r["messages"]["form.submit"] == "Verstuur");
    CHECK(r["messages"]["required"] == "{field} is verplicht.");  // templates, for JS to fill
    CHECK(r["messages"].size() == 41);
    CHECK(r["messages"]["invalid_email.missing_at"] == "Het e-mailadres mist een @ (zoals in naam@voorbeeld.nl).");
    CHECK(r["fields"]["email"] == json({{"required", false}, {"published", false}, {"maxCharacters", 100}}));
    CHECK(r["fields"]["author"]["maxBytes"] == 245);
    CHECK(r["fields"]["url"]["required"] == false);
    CHECK(r["fields"]["content"] == json({{"required", true}, {"published", true}, {"maxBytes", 65525}}));
    CHECK(parse(form_messages_request(""))["locale"] == "en");
}

TEST_CASE("api: invalid_email and invalid_url say exactly what is wrong", "[comments][api]") {
    struct Case {
        const char* field;
        const char* value;
        const char* locale;
        const char* reason;
        const char* message;
    };
    const Case cases[] = {
        {"email", "jan.voorbeeld.nl", "nl-BE", "missing_at", "Het e-mailadres mist een @ (zoals in naam@voorbeeld.nl)."},
        {"email", "jan@voorbeeld", "en", "domain", nullptr},  // a single label is a valid WHATWG domain
        {"email", "jan@-x.nl", "en", "domain", "The part of the email address after the @ is not a valid domain name."},
        {"email", "j an@x.nl", "de", "whitespace", "Die E-Mail-Adresse darf keine Leerzeichen enthalten."},
        {"email", "j\xC3\xA9@x.nl", "fr", "non_ascii_local_part",
         "La partie de l\xE2\x80\x99" "adresse e-mail avant le @ ne doit pas contenir de lettres accentu\xC3\xA9" "es "
         "ni d\xE2\x80\x99" "autres caract\xC3\xA8res non ASCII."},
        {"url", "https://user:pw@example.com/", "en", "credentials",
         "Web addresses with a user name or password are not allowed."},
        {"url", "voorbeeld.nl", "nl", "relative",
         "Het webadres moet beginnen met http:// of https:// (bijvoorbeeld https://voorbeeld.nl)."},
        {"url", "https://", "en", "missing_host", "The web address has no domain name after http:// or https://."},
        {"url", "https://example.com:99999/", "en", "bad_port",
         "The port number of the web address is not valid (it must be at most 65535)."},
    };
    for (const Case& c : cases) {
        CAPTURE(c.field, c.value, c.locale);
        const std::string options = std::string(R"({"locale": ")") + c.locale + "\"}";
        const json r = parse(validate_field_request(c.field, c.value, options));
        if (!c.message) {
            CHECK(r["valid"] == true);
            continue;
        }
        REQUIRE(r["errors"].size() == 1);
        CHECK(r["errors"][0]["params"] == json({{"reason", c.reason}}));
        CHECK(r["errors"][0]["message"] == c.message);
    }
    SECTION("an override of the generic message serves a new language; English fills in what it lacks") {
        const json r = parse(validate_field_request(
            "email", "jan.example.com", R"({"locale": "pt", "messages": {"pt": {"invalid_email": "E-mail inválido."}}})"));
        CHECK(r["locale"] == "pt");
        CHECK(r["errors"][0]["message"] == "E-mail inválido.");
        const json url = parse(validate_field_request("url", "https://a@b.example", R"({"locale": "pt",
            "messages": {"pt": {"invalid_email": "E-mail inválido."}}})"));
        CHECK(url["errors"][0]["message"] == "Web addresses with a user name or password are not allowed.");
    }
    SECTION("a site owner overrides one reason") {
        const json r = parse(validate_field_request(
            "email", "jan", R"({"locale": "nl", "messages": {"nl": {"invalid_email.missing_at": "Waar is de @?"}}})"));
        CHECK(r["errors"][0]["message"] == "Waar is de @?");
    }
}

TEST_CASE("api: numbers in params and messages", "[comments][api]") {
    Request r;
    r.field("author", "Jan").field("email", "a@b.c").field("content", "ok \xF0\x9F\x98\x80");
    SECTION("seconds: at most two decimals, the locale's separator, no trailing zeros") {
        struct Case {
            double elapsed;
            const char* shown;
        };
        const Case cases[] = {{0, "0"}, {1.5, "1,5"}, {2.25, "2,25"}, {0.999, "1"}, {0.104, "0,1"}, {2.999, "3"}};
        for (const Case& c : cases) {
            CAPTURE(c.elapsed);
            r.options = {{"locale", "nl"}, {"elapsedSeconds", c.elapsed}, {"minSubmitSeconds", 3.25}};
            const json reasons = r.send()["moderation"]["reasons"];
            REQUIRE(reasons.size() == 1);
            CHECK(reasons[0]["params"]["elapsedSeconds"] == c.elapsed);
            CHECK(reasons[0]["params"]["minSeconds"] == 3.25);
            CHECK(reasons[0]["message"] == std::string("Het formulier is ") + c.shown +
                                               " seconden na het tonen verzonden; het minimum is 3,25 seconden.");
        }
    }
    SECTION("code points: U+ and four upper-case hex digits") {
        const json errors = parse(validate_field_request("author", "Jan\x7F\x01", ""))["errors"];
        REQUIRE(errors.size() == 1);
        CHECK(errors[0]["params"]["codePoint"] == "U+007F");
        CHECK(parse(validate_field_request("url", "https://a.example/\xC2\x9F", ""))["errors"][0]["params"]["codePoint"] ==
              "U+009F");
        const json bidi = parse(validate_field_request("author", "Jan\xE2\x81\xA6", ""))["errors"];
        CHECK(bidi[0]["params"]["codePoint"] == "U+2066");
    }
}
