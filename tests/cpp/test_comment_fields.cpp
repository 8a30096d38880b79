// The per-field rules of the comment form: author, email, url, content.
#include <catch2/catch.hpp>

#include <iterator>
#include <string>
#include <vector>

#include "comments/comment_rules.h"

using namespace blogreader::comments;

namespace {

const ValidationOptions kDefaults;
const ValidationOptions kNameEmailOptional{false};

std::string repeat(std::string_view piece, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) out.append(piece);
    return out;
}

std::vector<ErrorCode> codes(const FieldResult& result) {
    std::vector<ErrorCode> out;
    for (const FieldError& e : result.errors) out.push_back(e.code);
    return out;
}

struct ValidCase {
    std::string input;
    std::string normalized;
};

struct InvalidCase {
    std::string input;
    ErrorCode code;
    std::string detail;  // reason or scheme, when the code has one
};

void check_valid(FieldResult (*validate)(std::string_view, const ValidationOptions&), const ValidCase& c) {
    CAPTURE(c.input);
    const FieldResult result = validate(c.input, kDefaults);
    CHECK(codes(result).empty());
    CHECK(result.valid());
    CHECK(result.normalized == c.normalized);
}

void check_invalid(FieldResult (*validate)(std::string_view, const ValidationOptions&), const InvalidCase& c) {
    CAPTURE(c.input);
    const FieldResult result = validate(c.input, kDefaults);
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].code == c.code);
    CHECK(result.errors[0].detail == c.detail);
    CHECK_FALSE(result.valid());
    CHECK(result.normalized.empty());
}

void check_too_long(const FieldResult& result, std::size_t max, std::size_t actual, LengthUnit unit) {
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].code == ErrorCode::too_long);
    CHECK(result.errors[0].max == max);
    CHECK(result.errors[0].actual == actual);
    CHECK(result.errors[0].unit == unit);
}

}  // namespace

TEST_CASE("error codes have stable names", "[comments][codes]") {
    const std::pair<ErrorCode, const char*> names[] = {
        {ErrorCode::required, "required"},
        {ErrorCode::invalid_encoding, "invalid_encoding"},
        {ErrorCode::control_character, "control_character"},
        {ErrorCode::bidi_control, "bidi_control"},
        {ErrorCode::no_visible_character, "no_visible_character"},
        {ErrorCode::invalid_email, "invalid_email"},
        {ErrorCode::email_local_part_too_long, "email_local_part_too_long"},
        {ErrorCode::invalid_url, "invalid_url"},
        {ErrorCode::url_scheme_not_allowed, "url_scheme_not_allowed"},
        {ErrorCode::too_long, "too_long"},
    };
    REQUIRE(std::size(names) == std::size(kAllErrorCodes));
    for (std::size_t i = 0; i < std::size(names); ++i) {
        CHECK(kAllErrorCodes[i] == names[i].first);
        CHECK(std::string(error_code_name(names[i].first)) == names[i].second);
    }
    CHECK(std::string(comment_field_name(CommentField::url)) == "url");
    CHECK(comment_field_from_name("content") == CommentField::content);
    CHECK_FALSE(comment_field_from_name("Content"));
    CHECK_FALSE(comment_field_from_name("honeypot"));
}

// ---------------------------------------------------------------- author

TEST_CASE("author: valid names", "[comments][author]") {
    const ValidCase cases[] = {
        {"Jan", "Jan"},
        {"  Jan Jansen \t\n", "Jan Jansen"},
        {"\xC2\xA0\xE3\x80\x80Zo\xC3\xAB\xE2\x80\x83", "Zo\xC3\xAB"},  // NBSP, ideographic and em spaces trimmed
        {"Zo\xC3\xAB O'Brien", "Zo\xC3\xAB O'Brien"},
        {"<script>alert(1)</script>", "<script>alert(1)</script>"},  // output escapes it
        {"Robert'); DROP TABLE comments;--", "Robert'); DROP TABLE comments;--"},
        {"\xE6\x9D\x8E\xE5\xB0\x8F\xE9\xBE\x8D", "\xE6\x9D\x8E\xE5\xB0\x8F\xE9\xBE\x8D"},  // 李小龍
        {"\xF0\x9F\x99\x82", "\xF0\x9F\x99\x82"},                                        // 🙂
        {"a\xE2\x80\x8D" "b", "a\xE2\x80\x8D" "b"},           // a zero-width joiner beside a visible character
        {"\xD8\xB9\xD9\x84\xD9\x8A\xE2\x80\x8F", "\xD8\xB9\xD9\x84\xD9\x8A\xE2\x80\x8F"},  // RLM is not a bidi control
        {std::string(245, 'a'), std::string(245, 'a')},
        {"  " + std::string(245, 'a') + "  ", std::string(245, 'a')},  // limit applies after trimming
        {repeat("\xC3\xA9", 122) + "a", repeat("\xC3\xA9", 122) + "a"},        // 245 bytes, 2-byte characters
        {"a" + repeat("\xF0\x9F\x98\x80", 61), "a" + repeat("\xF0\x9F\x98\x80", 61)},  // 245 bytes, emoji
    };
    for (const ValidCase& c : cases) check_valid(validate_author, c);
}

TEST_CASE("author: invalid names", "[comments][author]") {
    const InvalidCase cases[] = {
        {"", ErrorCode::required, ""},
        {" \t\r\n ", ErrorCode::required, ""},
        {"\xC2\xA0\xE2\x80\x83\xE3\x80\x80\xEF\xBB\xBF", ErrorCode::required, ""},  // only spaces (and a BOM)
        {"\xE2\x80\x8B", ErrorCode::no_visible_character, ""},                       // zero width space
        {"\xE2\x80\x8B\xE2\x80\x8D\xE2\x81\xA0\xC2\xAD", ErrorCode::no_visible_character, ""},
        {"\xE2\xA0\x80", ErrorCode::no_visible_character, ""},      // braille pattern blank
        {"\xE3\x85\xA4", ErrorCode::no_visible_character, ""},      // Hangul filler
        {"\xEF\xB8\x8F", ErrorCode::no_visible_character, ""},      // variation selector alone
        {"Jan\tJansen", ErrorCode::control_character, ""},
        {"Jan\nJansen", ErrorCode::control_character, ""},
        {"Jan\rJansen", ErrorCode::control_character, ""},
        {std::string("Jan\0Jansen", 10), ErrorCode::control_character, ""},
        {"Jan\x7F", ErrorCode::control_character, ""},
        {"Jan\xC2\x85Jansen", ErrorCode::control_character, ""},  // NEL (C1) inside
        {"Jan\xC2\x9B", ErrorCode::control_character, ""},        // CSI (C1)
        {"Jan\xE2\x80\xAE" "evil", ErrorCode::bidi_control, ""},  // U+202E
        {"\xE2\x80\xAA" "Jan", ErrorCode::bidi_control, ""},      // U+202A
        {"Jan\xE2\x81\xA9", ErrorCode::bidi_control, ""},         // U+2069
        {"\xE2\x81\xA6\xE2\x81\xA9", ErrorCode::bidi_control, ""},  // only bidi controls: that, not "invisible"
        {"Jan\xC3", ErrorCode::invalid_encoding, ""},               // truncated
        {"Jan\xED\xA0\x80", ErrorCode::invalid_encoding, ""},       // lone surrogate (generalized UTF-8)
        {"\xC0\xAF", ErrorCode::invalid_encoding, ""},              // overlong
        {"\xF4\x90\x80\x80", ErrorCode::invalid_encoding, ""},      // above U+10FFFF
    };
    for (const InvalidCase& c : cases) check_invalid(validate_author, c);
}

TEST_CASE("author: limits in bytes, at the boundary", "[comments][author]") {
    check_too_long(validate_author(std::string(246, 'a'), kDefaults), 245, 246, LengthUnit::bytes);
    // 123 characters, far below a browser's maxlength of 245, but 246 bytes.
    check_too_long(validate_author(repeat("\xC3\xA9", 123), kDefaults), 245, 246, LengthUnit::bytes);
    check_too_long(validate_author("aa" + repeat("\xF0\x9F\x98\x80", 61), kDefaults), 245, 246, LengthUnit::bytes);
    // A multi-byte character straddling the limit counts whole.
    check_too_long(validate_author(std::string(244, 'a') + "\xE2\x82\xAC", kDefaults), 245, 247, LengthUnit::bytes);
}

TEST_CASE("author: parameters of control and encoding errors", "[comments][author]") {
    SECTION("control character: first one, byte offset in the raw value") {
        const FieldResult r = validate_author("  Jan\t\x01x", kDefaults);
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].code_point == 0x09);
        CHECK(r.errors[0].offset == 5);
    }
    SECTION("bidi control") {
        const FieldResult r = validate_author("\xC3\xA9\xE2\x80\xAE", kDefaults);
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].code_point == 0x202E);
        CHECK(r.errors[0].offset == 2);
    }
    SECTION("invalid encoding") {
        const FieldResult r = validate_author("ab\xED\xB0\x80", kDefaults);
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].offset == 2);
    }
    SECTION("several errors: in ErrorCode order") {
        const FieldResult r = validate_author(std::string(250, 'a') + "\t\xE2\x80\xAE", kDefaults);
        CHECK(codes(r) == std::vector<ErrorCode>{ErrorCode::control_character, ErrorCode::bidi_control,
                                                 ErrorCode::too_long});
    }
    SECTION("controls at the edges are trimmed, not errors") {
        CHECK(validate_author("\tJan\r\n", kDefaults).normalized == "Jan");
    }
}

TEST_CASE("author and email: requireNameEmail", "[comments][author][email]") {
    CHECK(codes(validate_author("", kDefaults)) == std::vector<ErrorCode>{ErrorCode::required});
    CHECK(codes(validate_email("  ", kDefaults)) == std::vector<ErrorCode>{ErrorCode::required});
    const FieldResult author = validate_author("  ", kNameEmailOptional);
    CHECK(author.valid());
    CHECK(author.normalized.empty());
    CHECK(validate_email("", kNameEmailOptional).valid());
    // Optional does not mean anything goes.
    CHECK(codes(validate_author("\xE2\x80\x8B", kNameEmailOptional)) ==
          std::vector<ErrorCode>{ErrorCode::no_visible_character});
    CHECK(codes(validate_email("nope", kNameEmailOptional)) == std::vector<ErrorCode>{ErrorCode::invalid_email});
}

// ---------------------------------------------------------------- email

TEST_CASE("email: valid addresses", "[comments][email]") {
    const ValidCase cases[] = {
        {"user@example.com", "user@example.com"},
        {"  user@example.com \t", "user@example.com"},
        {"User.Name+tag@Example.COM", "User.Name+tag@example.com"},  // local part keeps its case
        {"a@b", "a@b"},                                              // WHATWG needs no dot
        {"x!#$%&'*+/=?^_`{|}~-@example.com", "x!#$%&'*+/=?^_`{|}~-@example.com"},
        {".dots..are.fine.@example.com", ".dots..are.fine.@example.com"},  // WHATWG allows them
        {"user@sub-domain.example.org", "user@sub-domain.example.org"},
        {"user@b\xC3\xBC" "cher.example", "user@xn--bcher-kva.example"},
        {"user@B\xC3\x9C" "CHER.example", "user@xn--bcher-kva.example"},
        {"info@\xD0\xBF\xD1\x80\xD0\xB8\xD0\xBC\xD0\xB5\xD1\x80.\xD1\x80\xD1\x84", "info@xn--e1afmkfd.xn--p1ai"},
        {"info@\xE4\xBE\x8B\xE3\x81\x88\xE3\x80\x82\xE3\x83\x86\xE3\x82\xB9\xE3\x83\x88",
         "info@xn--r8jz45g.xn--zckzah"},  // 例え。テスト
        {"user@" + std::string(63, 'a') + ".com", "user@" + std::string(63, 'a') + ".com"},
        {std::string(64, 'l') + "@example.com", std::string(64, 'l') + "@example.com"},
        {std::string(64, 'l') + "@" + std::string(31, 'd') + ".com",
         std::string(64, 'l') + "@" + std::string(31, 'd') + ".com"},  // exactly 100 characters
    };
    for (const ValidCase& c : cases) check_valid(validate_email, c);
}

TEST_CASE("email: invalid addresses", "[comments][email]") {
    const InvalidCase cases[] = {
        {"userexample.com", ErrorCode::invalid_email, "missing_at"},
        {"@example.com", ErrorCode::invalid_email, "local_part"},
        {"user(comment)@example.com", ErrorCode::invalid_email, "local_part"},
        {"\"quoted\"@example.com", ErrorCode::invalid_email, "local_part"},
        {"us\xC3\xA9r@example.com", ErrorCode::invalid_email, "non_ascii_local_part"},
        {"us er@example.com", ErrorCode::invalid_email, "whitespace"},
        {"user@exa mple.com", ErrorCode::invalid_email, "whitespace"},
        {"user@example.com\xC2\xA0x", ErrorCode::invalid_email, "whitespace"},
        {"user@", ErrorCode::invalid_email, "domain"},
        {"user@@example.com", ErrorCode::invalid_email, "domain"},
        {"user@-example.com", ErrorCode::invalid_email, "domain"},
        {"user@example-.com", ErrorCode::invalid_email, "domain"},
        {"user@example..com", ErrorCode::invalid_email, "domain"},
        {"user@example.com.", ErrorCode::invalid_email, "domain"},
        {"user@exam_ple.com", ErrorCode::invalid_email, "domain"},
        {"user@[127.0.0.1]", ErrorCode::invalid_email, "domain"},
        {"user@" + std::string(64, 'a') + ".com", ErrorCode::invalid_email, "domain"},
        {"user@exa\xE2\x80\x8Bmple.com", ErrorCode::invalid_email, "domain"},  // invisible in the domain
        {"user@exa\xE2\x80\xAEmple.com", ErrorCode::bidi_control, ""},
        {"user\t@example.com", ErrorCode::control_character, ""},
        {"user@example.com\x7F", ErrorCode::control_character, ""},
        {"\xFFuser@example.com", ErrorCode::invalid_encoding, ""},
        {"user\xED\xA0\x80@example.com", ErrorCode::invalid_encoding, ""},
    };
    for (const InvalidCase& c : cases) check_invalid(validate_email, c);
}

TEST_CASE("email: limits", "[comments][email]") {
    SECTION("local part: 65 octets") {
        const FieldResult r = validate_email(std::string(65, 'l') + "@example.com", kDefaults);
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].code == ErrorCode::email_local_part_too_long);
        CHECK(r.errors[0].max == 64);
        CHECK(r.errors[0].actual == 65);
        CHECK(r.errors[0].unit == LengthUnit::bytes);
    }
    SECTION("whole address: 101 characters") {
        check_too_long(validate_email(std::string(64, 'l') + "@" + std::string(32, 'd') + ".com", kDefaults), 100,
                       101, LengthUnit::characters);
    }
    SECTION("the A-label form is what is measured") {
        // RFC 3492's Hindi sample (30 characters, "xn--" + 44 once encoded):
        // 50 + 1 + 30 + 3 = 84 characters as typed, 50 + 1 + 48 + 3 = 102 stored.
        const std::string hindi =
            u8"\u092F\u0939\u0932\u094B\u0917\u0939\u093F\u0928\u094D\u0926\u0940\u0915\u094D\u092F\u094B"
            u8"\u0902\u0928\u0939\u0940\u0902\u092C\u094B\u0932\u0938\u0915\u0924\u0947\u0939\u0948\u0902";
        const std::string address = std::string(50, 'l') + "@" + hindi + ".in";
        const FieldResult r = validate_email(address, kDefaults);
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].code == ErrorCode::too_long);
        CHECK(r.errors[0].actual == 102);
        CHECK(r.errors[0].unit == LengthUnit::characters);
    }
    SECTION("an invalid address is measured in characters as typed") {
        const FieldResult r = validate_email(repeat("\xC3\xA9", 101), kDefaults);
        CHECK(codes(r) == std::vector<ErrorCode>{ErrorCode::invalid_email, ErrorCode::too_long});
        CHECK(r.errors[1].actual == 101);
    }
}

// ---------------------------------------------------------------- url

TEST_CASE("url: valid addresses are normalized as WHATWG serializes them", "[comments][url]") {
    const ValidCase cases[] = {
        {"", ""},          // optional
        {"   ", ""},
        {"https://example.com", "https://example.com/"},
        {"  https://example.com/  ", "https://example.com/"},
        {"HTTP://Example.COM:80/Path", "http://example.com/Path"},
        {"https://example.com:443/", "https://example.com/"},
        {"https://example.com:0443/", "https://example.com/"},
        {"http://example.com:443/", "http://example.com:443/"},
        {"https://example.com:8443/x", "https://example.com:8443/x"},
        {"http://example.com:/", "http://example.com/"},
        {"https://example.com?x=1", "https://example.com/?x=1"},
        {"https://example.com#top", "https://example.com/#top"},
        {"https://b\xC3\xBC" "cher.example/caf\xC3\xA9?q=\xC3\xBC#fr\xC3\xBC",
         "https://xn--bcher-kva.example/caf%C3%A9?q=%C3%BC#fr%C3%BC"},
        {"https://example.com/a/./b/../c", "https://example.com/a/c"},
        {"https://example.com/a/..", "https://example.com/"},
        {"https://example.com/%2e%2E/x/%2e", "https://example.com/x/"},
        {"https://example.com/{a}|^", "https://example.com/%7Ba%7D|^"},
        {"https://example.com/%zz", "https://example.com/%zz"},
        {"https://EXAMPLE.com./", "https://example.com./"},
        {"http://ex%41mple.com/", "http://example.com/"},
        {"http://0x7f.1/", "http://127.0.0.1/"},
        {"http://192.168.0.1", "http://192.168.0.1/"},
        {"http://3232235521/", "http://192.168.0.1/"},
        {"https://my_blog.example.com/", "https://my_blog.example.com/"},
        {"https://example.com/path?a=1&b=2;c#x/y?z", "https://example.com/path?a=1&b=2;c#x/y?z"},
        {"https://example.com/" + std::string(180, 'a'), "https://example.com/" + std::string(180, 'a')},  // 200
        // 196 bytes typed, exactly 200 once é is percent-encoded.
        {"https://example.com/" + std::string(174, 'a') + "\xC3\xA9",
         "https://example.com/" + std::string(174, 'a') + "%C3%A9"},
    };
    for (const ValidCase& c : cases) check_valid(validate_url, c);
}

TEST_CASE("url: invalid addresses", "[comments][url]") {
    const InvalidCase cases[] = {
        {"example.com", ErrorCode::invalid_url, "relative"},
        {"www.example.com", ErrorCode::invalid_url, "relative"},
        {"/path", ErrorCode::invalid_url, "relative"},
        {"<https://example.com>", ErrorCode::invalid_url, "relative"},
        {"//example.com", ErrorCode::invalid_url, "scheme_relative"},
        {"javascript:alert(1)", ErrorCode::url_scheme_not_allowed, "javascript"},
        {"JavaScript:alert('x')", ErrorCode::url_scheme_not_allowed, "javascript"},
        {"data:text/html,<script>alert(1)</script>", ErrorCode::url_scheme_not_allowed, "data"},
        {"vbscript:msgbox", ErrorCode::url_scheme_not_allowed, "vbscript"},
        {"file:///etc/passwd", ErrorCode::url_scheme_not_allowed, "file"},
        {"ftp://example.com/", ErrorCode::url_scheme_not_allowed, "ftp"},
        {"mailto:a@example.com", ErrorCode::url_scheme_not_allowed, "mailto"},
        {"http:example.com", ErrorCode::invalid_url, "missing_slashes"},
        {"http:/example.com", ErrorCode::invalid_url, "missing_slashes"},
        {"https:\\\\example.com", ErrorCode::invalid_url, "backslash"},
        {"https://example.com\\path", ErrorCode::invalid_url, "backslash"},
        {"https://user:password@example.com/", ErrorCode::invalid_url, "credentials"},
        {"https://user@example.com/", ErrorCode::invalid_url, "credentials"},
        {"https://exa mple.com/", ErrorCode::invalid_url, "whitespace"},
        {"https://example.com/a b", ErrorCode::invalid_url, "whitespace"},
        {"https://example.com/\xC2\xA0x", ErrorCode::invalid_url, "whitespace"},
        {"https://example.com/\"onmouseover=\"x", ErrorCode::invalid_url, "quote_or_angle_bracket"},
        {"https://example.com/'x'", ErrorCode::invalid_url, "quote_or_angle_bracket"},
        {"https://example.com/`x`", ErrorCode::invalid_url, "quote_or_angle_bracket"},
        {"https://example.com/<script>", ErrorCode::invalid_url, "quote_or_angle_bracket"},
        {"https://", ErrorCode::invalid_url, "missing_host"},
        {"https://:80/", ErrorCode::invalid_url, "missing_host"},
        {"https:///path", ErrorCode::invalid_url, "missing_host"},
        {"https://example.com:99999/", ErrorCode::invalid_url, "bad_port"},
        {"https://example.com:8a/", ErrorCode::invalid_url, "bad_port"},
        {"https://[::1]/", ErrorCode::invalid_url, "bad_host"},
        {"https://-example.com/", ErrorCode::invalid_url, "bad_host"},
        {"https://exa%20mple.com/", ErrorCode::invalid_url, "bad_host"},
        {"https://exa\xE2\x80\x8Bmple.com/", ErrorCode::invalid_url, "bad_host"},
        {"http://256.0.0.1/", ErrorCode::invalid_url, "bad_host"},
        {"http://1.2.3.4.5/", ErrorCode::invalid_url, "bad_host"},
        {"http://1.2.3.09/", ErrorCode::invalid_url, "bad_host"},  // 09 is not octal
        {"https://exa\tmple.com/", ErrorCode::control_character, ""},
        {"https://example.com/\nx", ErrorCode::control_character, ""},
        {"java\tscript:alert(1)", ErrorCode::control_character, ""},
        {"https://ex\xE2\x80\xAE" "ample.com/", ErrorCode::bidi_control, ""},
        {"https://example.com/\xFF", ErrorCode::invalid_encoding, ""},
    };
    for (const InvalidCase& c : cases) check_invalid(validate_url, c);
}

TEST_CASE("url: 200 bytes, measured on the normalized value", "[comments][url]") {
    check_too_long(validate_url("https://example.com/" + std::string(181, 'a'), kDefaults), 200, 201,
                   LengthUnit::bytes);
    check_too_long(validate_url("https://example.com/" + std::string(175, 'a') + "\xC3\xA9", kDefaults), 200, 201,
                   LengthUnit::bytes);
}

// ---------------------------------------------------------------- content

TEST_CASE("content: valid comments", "[comments][content]") {
    const ValidCase cases[] = {
        {"Hallo", "Hallo"},
        {"  Hallo\r\nWereld\r\n\r\n", "Hallo\nWereld"},
        {"a\rb\r\n\r\nc\n", "a\nb\n\nc"},
        {"Tab\there", "Tab\there"},
        {"**Markdown** and <b>HTML</b> & \"quotes\"", "**Markdown** and <b>HTML</b> & \"quotes\""},
        {"\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xE2\x80\xAB" "abc\xE2\x80\xAC",
         "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xE2\x80\xAB" "abc\xE2\x80\xAC"},  // bidi controls allowed in prose
        {"DEL\x7F and NEL\xC2\x85 are not C0", "DEL\x7F and NEL\xC2\x85 are not C0"},
        {std::string(65525, 'a'), std::string(65525, 'a')},
        {repeat("\xE2\x82\xAC", 21841) + "ab", repeat("\xE2\x82\xAC", 21841) + "ab"},  // 65525 bytes
        // 65526 bytes received, 65525 once CRLF is LF: the stored length counts.
        {std::string(65523, 'a') + "\r\nb", std::string(65523, 'a') + "\nb"},
    };
    for (const ValidCase& c : cases) check_valid(validate_content, c);
}

TEST_CASE("content: invalid comments", "[comments][content]") {
    const InvalidCase cases[] = {
        {"", ErrorCode::required, ""},
        {"\r\n\t  \xE3\x80\x80", ErrorCode::required, ""},
        {"\xE2\x80\x8B\xE2\x80\x8B", ErrorCode::no_visible_character, ""},
        {"\xE2\x80\xAE", ErrorCode::no_visible_character, ""},
        {"bell\x07", ErrorCode::control_character, ""},
        {"esc\x1B[31m", ErrorCode::control_character, ""},
        {std::string("nul\0x", 5), ErrorCode::control_character, ""},
        {"vertical\x0Btab", ErrorCode::control_character, ""},
        {"a\xED\xB0\x80", ErrorCode::invalid_encoding, ""},  // lone low surrogate
        {"a\xED\xA0\xBD\xED\xB8\x80", ErrorCode::invalid_encoding, ""},  // CESU-8 surrogate pair
        {"\x80", ErrorCode::invalid_encoding, ""},
    };
    for (const InvalidCase& c : cases) check_invalid(validate_content, c);
    // Content is required even when name and e-mail are not.
    CHECK(codes(validate_content("", kNameEmailOptional)) == std::vector<ErrorCode>{ErrorCode::required});
}

TEST_CASE("content: 65525 bytes", "[comments][content]") {
    check_too_long(validate_content(std::string(65526, 'a'), kDefaults), 65525, 65526, LengthUnit::bytes);
    check_too_long(validate_content(repeat("\xE2\x82\xAC", 21841) + "abc", kDefaults), 65525, 65526,
                   LengthUnit::bytes);
    check_too_long(validate_content(std::string(65524, 'a') + "\r\nb", kDefaults), 65525, 65526, LengthUnit::bytes);
}

TEST_CASE("validate_field dispatches by field", "[comments]") {
    CHECK(validate_field(CommentField::email, "a@b.c", kDefaults).field == CommentField::email);
    CHECK(codes(validate_field(CommentField::url, "ftp://x", kDefaults)) ==
          std::vector<ErrorCode>{ErrorCode::url_scheme_not_allowed});
    CHECK(validate_field(CommentField::content, "x", kDefaults).normalized == "x");
    CHECK(validate_field(CommentField::author, "x", kDefaults).field == CommentField::author);
}
