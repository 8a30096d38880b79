// The engine's small JSON reader/writer, checked against nlohmann/json (the
// reference implementation, used here in the native tests only).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "common/json.h"
#include "common/utf8.h"

using blogreader::json::Value;
namespace json = blogreader::json;

namespace {
nlohmann::json reference(const std::string& text) { return nlohmann::json::parse(text, nullptr, false); }
}  // namespace

TEST_CASE("the writer's output is valid JSON that nlohmann reads back identically", "[json]") {
    SECTION("strings: escapes, control characters, Unicode, invalid UTF-8") {
        const std::string inputs[] = {"plain", "quote \" backslash \\ slash /", std::string("nul \0 tab \t", 11),
                                      "\x01\x1f\x7f", "één 😀 日本語", "bad \xFF byte", "\xED\xA0\x80 surrogate"};
        for (const auto& s : inputs) {
            std::string out;
            json::append_string(out, s);
            const auto parsed = reference(out);
            REQUIRE_FALSE(parsed.is_discarded());
            if (blogreader::utf8::is_valid(s)) CHECK(parsed.get<std::string>() == s);
        }
        // The short escapes where JSON has them, \u00XX for the other controls.
        std::string out;
        json::append_string(out, std::string("\"\\\n\r\t\x01\x1f\0/", 9));
        CHECK(out == "\"\\\"\\\\\\n\\r\\t\\u0001\\u001f\\u0000/\"");
    }
    SECTION("numbers") {
        const double numbers[] = {0, 1, -1, 42, 9007199254740991.0, 0.5, 3.14159, -2.5e-7, 1e20, 123456.789, 1e-300, 0.1};
        for (double d : numbers) {
            std::string out;
            json::append_number(out, d);
            INFO(out);
            const auto parsed = reference(out);
            REQUIRE(parsed.is_number());
            CHECK(parsed.get<double>() == Approx(d).epsilon(1e-14));
        }
        std::string out;
        json::append_number(out, 3.0);
        CHECK(out == "3");
        out.clear();
        json::append_number(out, 1.5);
        CHECK(out == "1.5");
        out.clear();
        json::append_number(out, 0.001);
        CHECK(out == "0.001");
        out.clear();
        json::append_number(out, std::nan(""));
        CHECK(out == "null");
    }
}

TEST_CASE("the reader accepts what nlohmann accepts and builds the same values", "[json]") {
    const char* documents[] = {
        R"({"a":1,"b":[true,false,null],"c":{"d":"e\u00e9\ud83d\ude00"},"n":-12.5e2})",
        R"([])", R"({})", R"("s")", R"(0)", " \t\n[1, 2 ,3] ",
        R"({"locale":["nl-BE","en"],"messages":{"nl":{"required":"{field} is verplicht."}},"elapsedSeconds":12.25})",
    };
    for (const char* doc : documents) {
        INFO(doc);
        Value v;
        json::ParseError error;
        REQUIRE(json::parse(doc, v, error));
        std::string round_trip;
        json::append_value(round_trip, v);
        CHECK(reference(round_trip) == reference(doc));
    }
}

TEST_CASE("the reader rejects malformed JSON with a position and a reason", "[json]") {
    const char* bad[][2] = {
        {"", "unexpected end of JSON"},
        {"{\"a\" 1}", "expected ':' after an object key"},
        {"[1,]", "unexpected character"},
        {"{\"a\":1,}", "expected a string as object key"},
        {"\"\\ud800\"", "lone high surrogate escape"},
        {"\"\\udc00\"", "lone low surrogate escape"},
        {"\"a\x01\"", "control character in a string (must be escaped)"},
        {"\"\xFF\"", "invalid UTF-8 in a string"},
        {"01", "leading zero in a number"},
        {"1e999", "number out of range"},
        {"tru", "invalid literal (expected true, false or null)"},
        {"[1] x", "unexpected text after the JSON value"},
    };
    for (const auto& c : bad) {
        INFO(c[0]);
        Value v;
        json::ParseError error;
        CHECK_FALSE(json::parse(c[0], v, error));
        CHECK(error.message == c[1]);
        CHECK(reference(c[0]).is_discarded());
    }
    SECTION("nesting is bounded, so a hostile input cannot exhaust the stack") {
        Value v;
        json::ParseError error;
        CHECK_FALSE(json::parse(std::string(100000, '['), v, error));
        CHECK(error.message == "JSON nested too deeply");
    }
}

TEST_CASE("object members keep their order; the last duplicate wins on lookup", "[json]") {
    Value v;
    json::ParseError error;
    REQUIRE(json::parse(R"({"z":1,"a":2,"z":3})", v, error));
    REQUIRE(v.find("z") != nullptr);
    CHECK(v.find("z")->as_number() == 3);
    std::string out;
    json::append_value(out, v);
    CHECK(out == R"({"z":3,"a":2})");
}

TEST_CASE("numbers are written as they were read, or as append_number formats them", "[json]") {
    Value v;
    json::ParseError error;
    REQUIRE(json::parse(R"([1.50,-0,1E2,0.1,123456789012345678901])", v, error));
    CHECK(v.items()[0].as_number() == 1.5);
    CHECK(v.items()[2].as_number() == 100);
    std::string out;
    json::append_value(out, v);
    CHECK(out == "[1.50,-0,1E2,0.1,123456789012345678901]");
    out.clear();
    json::append_value(out, Value::number(2.5));
    json::append_value(out, Value::number_text("1.0"));
    CHECK(out == "2.51.0");
}

TEST_CASE("regression (fuzzer): zero and underflowing numbers with huge negative exponents", "[json][regression]") {
    // "0e-99999" indexed the power-of-ten table with 99977 (found by tests/fuzz).
    for (const char* text : {"0e-99999", "0.000e-400", "-0E-100000", "1e-400", "123e-99999"}) {
        CAPTURE(text);
        double value = 1;
        REQUIRE(blogreader::json::parse_number(text, value));
        CHECK(value == 0);
    }
    double value = 0;
    CHECK_FALSE(blogreader::json::parse_number("1e400", value));
    CHECK(blogreader::json::parse_number("2.5e-3", value));
    CHECK(value == Approx(0.0025));
}
