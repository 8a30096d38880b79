// Punycode (RFC 3492) and domain-to-ASCII (IDNA) conversion.
#include <catch2/catch.hpp>

#include <string>

#include "comments/idna.h"
#include "comments/punycode.h"
#include "common/utf8.h"

using blogreader::comments::domain_to_ascii;
using blogreader::comments::DomainError;
namespace punycode = blogreader::punycode;

namespace {

std::string to_utf8(std::u32string_view code_points) {
    std::string out;
    for (char32_t c : code_points) blogreader::utf8::append(out, c);
    return out;
}

std::string ascii_lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return s;
}

struct Rfc3492Sample {
    const char* name;
    std::u32string decoded;
    const char* encoded;
};

// RFC 3492 section 7.1, "Sample strings". (I) is given in the RFC with a
// mixed-case annotation ("...gefbaDotc..."); the code points are lower case,
// so the plain encoding is all lower case.
const Rfc3492Sample kSamples[] = {
    {"(A) Arabic (Egyptian)",
     U"\u0644\u064A\u0647\u0645\u0627\u0628\u062A\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628\u064A\u061F",
     "egbpdaj6bu4bxfgehfvwxn"},
    {"(B) Chinese (simplified)", U"\u4ED6\u4EEC\u4E3A\u4EC0\u4E48\u4E0D\u8BF4\u4E2D\u6587", "ihqwcrb4cv8a8dqg056pqjye"},
    {"(C) Chinese (traditional)", U"\u4ED6\u5011\u7232\u4EC0\u9EBD\u4E0D\u8AAA\u4E2D\u6587",
     "ihqwctvzc91f659drss3x8bo0yb"},
    {"(D) Czech", U"Pro\u010Dprost\u011Bnemluv\u00ED\u010Desky", "Proprostnemluvesky-uyb24dma41a"},
    {"(E) Hebrew",
     U"\u05DC\u05DE\u05D4\u05D4\u05DD\u05E4\u05E9\u05D5\u05D8\u05DC\u05D0\u05DE\u05D3\u05D1\u05E8\u05D9\u05DD"
     U"\u05E2\u05D1\u05E8\u05D9\u05EA",
     "4dbcagdahymbxekheh6e0a7fei0b"},
    {"(F) Hindi (Devanagari)",
     U"\u092F\u0939\u0932\u094B\u0917\u0939\u093F\u0928\u094D\u0926\u0940\u0915\u094D\u092F\u094B\u0902\u0928"
     U"\u0939\u0940\u0902\u092C\u094B\u0932\u0938\u0915\u0924\u0947\u0939\u0948\u0902",
     "i1baa7eci9glrd9b2ae1bj0hfcgg6iyaf8o0a1dig0cd"},
    {"(G) Japanese (kanji and hiragana)",
     U"\u306A\u305C\u307F\u3093\u306A\u65E5\u672C\u8A9E\u3092\u8A71\u3057\u3066\u304F\u308C\u306A\u3044\u306E\u304B",
     "n8jok5ay5dzabd5bym9f0cm5685rrjetr6pdxa"},
    {"(H) Korean (Hangul syllables)",
     U"\uC138\uACC4\uC758\uBAA8\uB4E0\uC0AC\uB78C\uB4E4\uC774\uD55C\uAD6D\uC5B4\uB97C\uC774\uD574\uD55C\uB2E4"
     U"\uBA74\uC5BC\uB9C8\uB098\uC88B\uC744\uAE4C",
     "989aomsvi5e83db1d2a355cv1e0vak1dwrv93d5xbh15a0dt30a5jpsd879ccm6fea98c"},
    {"(I) Russian (Cyrillic)",
     U"\u043F\u043E\u0447\u0435\u043C\u0443\u0436\u0435\u043E\u043D\u0438\u043D\u0435\u0433\u043E\u0432\u043E"
     U"\u0440\u044F\u0442\u043F\u043E\u0440\u0443\u0441\u0441\u043A\u0438",
     "b1abfaaepdrnnbgefbadotcwatmq2g4l"},
    {"(J) Spanish", U"Porqu\u00E9nopuedensimplementehablarenEspa\u00F1ol", "PorqunopuedensimplementehablarenEspaol-fmd56a"},
    {"(K) Vietnamese",
     U"T\u1EA1isaoh\u1ECDkh\u00F4ngth\u1EC3ch\u1EC9n\u00F3iti\u1EBFngVi\u1EC7t",
     "TisaohkhngthchnitingVit-kjcr8268qyxafd2f1b9g"},
    {"(L) 3<nen>B<gumi><kinpachi><sensei>", U"3\u5E74B\u7D44\u91D1\u516B\u5148\u751F", "3B-ww4c5e180e575a65lsy2b"},
    {"(M) <amuro><namie>-with-SUPER-MONKEYS", U"\u5B89\u5BA4\u5948\u7F8E\u6075-with-SUPER-MONKEYS",
     "-with-SUPER-MONKEYS-pc58ag80a8qai00g7n9n"},
    {"(N) Hello-Another-Way-<sorezore><no><basho>", U"Hello-Another-Way-\u305D\u308C\u305E\u308C\u306E\u5834\u6240",
     "Hello-Another-Way--fc4qua05auwb3674vfr0b"},
    {"(O) <hitotsu><yane><no><shita>2", U"\u3072\u3068\u3064\u5C4B\u6839\u306E\u4E0B" U"2", "2-u9tlzr9756bt3uc0v"},
    {"(P) Maji<de>Koi<suru>5<byou><mae>", U"Maji\u3067Koi\u3059\u308B" U"5\u79D2\u524D", "MajiKoi5-783gue6qz075azm5e"},
    {"(Q) <pafii>de<runba>", U"\u30D1\u30D5\u30A3\u30FC" U"de\u30EB\u30F3\u30D0", "de-jg4avhby1noc0d"},
    {"(R) <sono><supiido><de>", U"\u305D\u306E\u30B9\u30D4\u30FC\u30C9\u3067", "d9juau41awczczp"},
    {"(S) -> $1.00 <-", U"-> $1.00 <-", "-> $1.00 <--"},
};

}  // namespace

TEST_CASE("punycode encodes and decodes RFC 3492's sample strings", "[punycode][idna]") {
    for (const Rfc3492Sample& sample : kSamples) {
        SECTION(sample.name) {
            const auto encoded = punycode::encode(sample.decoded);
            REQUIRE(encoded);
            CHECK(*encoded == sample.encoded);
            const auto decoded = punycode::decode(sample.encoded);
            REQUIRE(decoded);
            CHECK(*decoded == sample.decoded);
        }
    }
}

TEST_CASE("punycode decodes RFC 3492's mixed-case annotation", "[punycode]") {
    // The RFC prints (I) with an upper-case 'D': a case flag, not another digit value.
    const auto decoded = punycode::decode("b1abfaaepdrnnbgefbaDotcwatmq2g4l");
    REQUIRE(decoded);
    CHECK(*decoded == kSamples[8].decoded);
}

TEST_CASE("punycode handles the small cases", "[punycode]") {
    CHECK(punycode::encode(U"") == std::string());
    CHECK(punycode::encode(U"b\u00FCcher") == std::string("bcher-kva"));
    CHECK(punycode::encode(U"\u00FC") == std::string("tda"));
    CHECK(punycode::encode(U"\U0001F4A9") == std::string("ls8h"));
    CHECK(punycode::decode("ls8h") == std::u32string(U"\U0001F4A9"));
    CHECK(punycode::decode("abc-") == std::u32string(U"abc"));
}

TEST_CASE("punycode rejects malformed input", "[punycode]") {
    CHECK_FALSE(punycode::encode(std::u32string(1, char32_t(0xD800))));   // surrogate
    CHECK_FALSE(punycode::encode(std::u32string(1, char32_t(0x110000))));  // beyond Unicode
    CHECK_FALSE(punycode::decode("b\xC3\xBC-kva"));  // non-ASCII before the delimiter
    CHECK_FALSE(punycode::decode("bcher-kv!"));      // not a digit
    CHECK_FALSE(punycode::decode("bcher-kv"));       // truncated: last digit above its threshold
    CHECK_FALSE(punycode::decode("99999999999"));    // overflow
    CHECK_FALSE(punycode::decode("zzzzzzzzzzzzzzzzzzzzzzzzzzz"));  // overflow
}

TEST_CASE("domain_to_ascii converts RFC 3492's samples as IDN labels", "[idna]") {
    // A-K are single words: as domain labels they are lower-cased first, and
    // Korean (H) is too long for a DNS label once encoded (68 + 4 > 63).
    for (std::size_t i = 0; i <= 10; ++i) {
        const Rfc3492Sample& sample = kSamples[i];
        SECTION(sample.name) {
            DomainError error;
            const auto ascii = domain_to_ascii(to_utf8(sample.decoded) + ".example", error);
            if (i == 7) {
                CHECK_FALSE(ascii);
                CHECK(error == DomainError::label_too_long);
            } else {
                REQUIRE(ascii);
                CHECK(*ascii == "xn--" + ascii_lower(sample.encoded) + ".example");
                CHECK(error == DomainError::none);
            }
        }
    }
}

TEST_CASE("domain_to_ascii maps, lower-cases and converts", "[idna]") {
    struct Case {
        const char* input;
        const char* expected;
    };
    const Case cases[] = {
        {"example.com", "example.com"},
        {"Example.COM", "example.com"},
        {"b\xC3\xBC" "cher.example", "xn--bcher-kva.example"},
        {"B\xC3\x9C" "CHER.Example", "xn--bcher-kva.example"},                   // Ü lower-cased
        {"m\xC3\xBCnchen\xE3\x80\x82" "de", "xn--mnchen-3ya.de"},                // U+3002 ideographic full stop
        {"\xEF\xBD\x85\xEF\xBD\x98\xEF\xBC\x8E\xEF\xBD\x83\xEF\xBD\x8F", "ex.co"},  // full-width "ex．co"
        {"xn--bcher-kva.example", "xn--bcher-kva.example"},                     // A-label kept
        {"XN--BCHER-KVA.example", "xn--bcher-kva.example"},
        {"\xF0\x9F\x92\xA9.la", "xn--ls8h.la"},                                   // emoji
        {"\xD0\x9F\xD0\xA0\xD0\x98\xD0\x9C\xD0\x95\xD0\xA0.\xD1\x80\xD1\x84", "xn--e1afmkfd.xn--p1ai"},  // ПРИМЕР.рф
        {"my_host.example.com", "my_host.example.com"},
        {"a-b.c", "a-b.c"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.input);
        const auto ascii = domain_to_ascii(c.input);
        REQUIRE(ascii);
        CHECK(*ascii == c.expected);
    }
}

TEST_CASE("domain_to_ascii rejects what IDNA rejects", "[idna]") {
    struct Case {
        std::string input;
        DomainError expected;
    };
    const std::string label63(63, 'a'), label64(64, 'a');
    const Case cases[] = {
        {"", DomainError::empty_label},
        {"a..b", DomainError::empty_label},
        {".a", DomainError::empty_label},
        {"a.", DomainError::empty_label},
        {"-a.com", DomainError::hyphen_at_label_edge},
        {"a-.com", DomainError::hyphen_at_label_edge},
        {"-\xC3\xBC.com", DomainError::hyphen_at_label_edge},
        {label64 + ".com", DomainError::label_too_long},
        {label63 + "." + label63 + "." + label63 + "." + label63, DomainError::domain_too_long},
        {"a b.com", DomainError::forbidden_character},
        {"a@b.com", DomainError::forbidden_character},
        {"a\xE2\x80\x8B" "b.com", DomainError::forbidden_character},  // U+200B zero width space
        {"a\xE2\x80\xAE" "b.com", DomainError::forbidden_character},  // U+202E right-to-left override
        {"a\xE2\x81\xA6" "b.com", DomainError::forbidden_character},  // U+2066 left-to-right isolate
        {"a\xC2\xA0" "b.com", DomainError::forbidden_character},      // U+00A0 no-break space
        {"a\xC2\xAD" "b.com", DomainError::forbidden_character},      // U+00AD soft hyphen
        {"\xC3\xBC\xEE\x80\x80.com", DomainError::forbidden_character},  // private use
        {"xn--abc-.com", DomainError::hyphen_at_label_edge},
        {"xn--a.com", DomainError::bad_punycode},      // decodes to U+0080, a control
        {"xn--bcher-kv.com", DomainError::bad_punycode},
        {"b\xFF" "cher.com", DomainError::invalid_encoding},
    };
    for (const Case& c : cases) {
        CAPTURE(c.input);
        DomainError error = DomainError::none;
        CHECK_FALSE(domain_to_ascii(c.input, error));
        CHECK(error == c.expected);
    }
    CHECK(domain_to_ascii(label63 + ".com") == label63 + ".com");
    CHECK(domain_to_ascii(label63 + "." + label63 + "." + label63 + "." + std::string(61, 'a')));  // 253 bytes
}

TEST_CASE("domain_to_ascii measures label length after encoding", "[idna]") {
    // A label of k ASCII letters and one ü: its A-label grows by more than the
    // byte count of ü. Whatever k puts it at 63 passes and 64 fails.
    bool seen_accept = false, seen_reject = false;
    for (std::size_t k = 40; k < 62; ++k) {
        std::u32string label(k, U'a');
        label += U'\u00FC';
        const std::size_t a_label_size = 4 + punycode::encode(label)->size();
        const auto ascii = domain_to_ascii(to_utf8(label));
        CAPTURE(k, a_label_size);
        CHECK(ascii.has_value() == (a_label_size <= 63));
        seen_accept |= a_label_size == 63 && ascii.has_value();
        seen_reject |= a_label_size == 64 && !ascii.has_value();
    }
    CHECK(seen_accept);
    CHECK(seen_reject);
}
