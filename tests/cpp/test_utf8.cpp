#include <catch2/catch.hpp>

#include <string>

#include "common/utf8.h"

using namespace blogreader;

TEST_CASE("UTF-8 validation accepts well-formed text", "[utf8]") {
    CHECK(utf8::is_valid(""));
    CHECK(utf8::is_valid("plain ASCII text that is longer than eight bytes"));
    CHECK(utf8::is_valid("één reactie – “quotes” 日本語 😀"));
    CHECK(utf8::is_valid("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
}

TEST_CASE("UTF-8 validation rejects every kind of ill-formed sequence", "[utf8]") {
    const char* cases[][2] = {
        {"stray continuation byte", "a\x80"},
        {"overlong slash", "\xC0\xAF"},
        {"overlong three-byte", "\xE0\x80\xAF"},
        {"UTF-16 surrogate (generalized UTF-8)", "\xED\xA0\x80"},
        {"above U+10FFFF", "\xF4\x90\x80\x80"},
        {"truncated at end", "abc\xE2\x82"},
        {"invalid lead byte F5", "\xF5\x80\x80\x80"},
        {"invalid lead byte FF", "\xFF"},
    };
    for (const auto& c : cases) {
        INFO(c[0]);
        CHECK_FALSE(utf8::is_valid(c[1]));
    }
    CHECK(utf8::first_invalid("12345678901234567\xFF") == 17);  // found after the 8-byte fast path
}

TEST_CASE("UTF-8 repair replaces maximal subparts like a browser's TextDecoder", "[utf8]") {
    std::string out;
    SECTION("each invalid byte or maximal subpart becomes one U+FFFD") {
        // "\xF0\x9F\x98" is a truncated 4-byte sequence: one maximal subpart, one U+FFFD.
        CHECK(utf8::repair("a\xF0\x9F\x98" "b\xFF\xFE" "c", out) == 3);
        CHECK(out == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD" "c");
    }
    SECTION("U+0000 becomes U+FFFD, as CommonMark requires") {
        CHECK(utf8::repair(std::string("x\0y", 3), out) == 1);
        CHECK(out == "x\xEF\xBF\xBDy");
    }
    SECTION("valid text is copied unchanged") {
        CHECK(utf8::repair("ok ✓", out) == 0);
        CHECK(out == "ok ✓");
    }
}

TEST_CASE("UTF-8 decode and append round-trip", "[utf8]") {
    for (char32_t cp : {U'A', U'é', U'€', U'😀', char32_t(0x10FFFF)}) {
        std::string s;
        utf8::append(s, cp);
        const auto d = utf8::decode(s, 0);
        CHECK(d.valid);
        CHECK(d.code_point == cp);
        CHECK(d.length == s.size());
    }
    CHECK(utf8::count_code_points("één😀") == 4);
}

TEST_CASE("is_clean: valid UTF-8 without U+0000, wherever the NUL or bad byte is", "[utf8]") {
    using blogreader::utf8::is_clean;
    const std::string base = "Een lange regel tekst, ook met \xC3\xAB en \xE2\x80\x94 erin.";
    CHECK(is_clean(base));
    CHECK(is_clean(""));
    for (std::size_t at = 0; at <= base.size(); ++at) {
        if (at < base.size() && (static_cast<unsigned char>(base[at]) & 0xC0) == 0x80) continue;  // keep the UTF-8 valid
        std::string with_nul = base;
        with_nul.insert(at, 1, '\0');
        INFO(at);
        CHECK_FALSE(is_clean(with_nul));
        std::string with_bad = base;
        with_bad.insert(at, 1, '\xFF');
        CHECK_FALSE(is_clean(with_bad));
    }
}
