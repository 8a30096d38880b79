// The one URL filter: classification the way a browser's URL parser sees it,
// and md4c-html compatible attribute writing.
#include <catch2/catch.hpp>

#include <string>

#include "common/html_entities.h"
#include "markdown/url_filter.h"

using namespace std::string_literals;
using blogreader::markdown::append_url_attribute;
using blogreader::markdown::classify_url;
using blogreader::markdown::is_external_url;
using blogreader::markdown::is_url_allowed;
using blogreader::markdown::UrlClass;
using blogreader::markdown::UrlPolicy;

namespace {

bool safe(std::string_view url) { return is_url_allowed(url, UrlPolicy::safe); }

std::string decoded(std::string_view raw_attribute) {
    std::string out;
    blogreader::html::append_decoded_attribute(out, raw_attribute);
    return out;
}

std::string url_attribute(std::string_view url) {
    blogreader::OutputBuffer out;
    append_url_attribute(out, url);
    return out.str();
}

}  // namespace

TEST_CASE("URLs a reader may follow are classified and allowed", "[url_filter]") {
    SECTION("http and https, any letter case") {
        CHECK(classify_url("http://example.test/") == UrlClass::http);
        CHECK(classify_url("https://example.test/a?b#c") == UrlClass::http);
        CHECK(classify_url("HTTPS://EXAMPLE.TEST") == UrlClass::http);
        CHECK(classify_url("hTtP://x") == UrlClass::http);
        CHECK(classify_url("http:evil") == UrlClass::http);
        CHECK(classify_url("https:") == UrlClass::http);
    }
    SECTION("mailto") {
        CHECK(classify_url("mailto:a@b.test") == UrlClass::mailto);
        CHECK(classify_url("MAILTO:x@y") == UrlClass::mailto);
        CHECK(safe("mailto:"));
    }
    SECTION("scheme-relative, with slashes or backslashes") {
        CHECK(classify_url("//evil.test") == UrlClass::http);
        CHECK(classify_url("\\\\evil.test") == UrlClass::http);
        CHECK(classify_url("/\\evil.test") == UrlClass::http);
        CHECK(classify_url("\\/evil.test") == UrlClass::http);
        CHECK(classify_url("/\t/evil.test") == UrlClass::http);
        CHECK(classify_url(" //evil.test") == UrlClass::http);
    }
    SECTION("relative paths, queries and the empty URL") {
        for (const char* url : {"", "a/b", "/path", "./x", "../x", "?q", "?q=javascript:x", "/a:b", "a/b:c",
                                "page.html", "  ", "/"}) {
            INFO(url);
            CHECK(classify_url(url) == UrlClass::relative);
            CHECK(safe(url));
        }
    }
    SECTION("fragments") {
        CHECK(classify_url("#frag") == UrlClass::fragment);
        CHECK(classify_url("#") == UrlClass::fragment);
        CHECK(classify_url("  #x") == UrlClass::fragment);
        CHECK(safe("#javascript:alert(1)"));
    }
}

TEST_CASE("Dangerous schemes are refused however they are written", "[url_filter]") {
    SECTION("plain schemes") {
        for (const char* url : {"javascript:alert(1)", "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD4=",
                                "data:image/svg+xml,<svg onload=alert(1)>", "file:///etc/passwd", "x:y",
                                "ftp://x.test", "blob:https://x.test/id", "livescript:x", "jar:x", "about:blank",
                                "filesystem:x", "view-source:x", "a+b.c-d:x", "javascript:", "javascriptx:"}) {
            INFO(url);
            CHECK(classify_url(url) == UrlClass::other);
            CHECK_FALSE(safe(url));
        }
    }
    SECTION("letter case") {
        CHECK_FALSE(safe("JaVaScRiPt:alert(1)"));
        CHECK_FALSE(safe("JAVASCRIPT:alert(1)"));
        CHECK_FALSE(safe("DATA:text/html,x"));
        CHECK_FALSE(safe("VBScript:x"));
    }
    SECTION("tab, newline and carriage return inside the scheme are removed by the browser") {
        CHECK_FALSE(safe("java\tscript:alert(1)"));
        CHECK_FALSE(safe("java\nscript:alert(1)"));
        CHECK_FALSE(safe("java\rscript:alert(1)"));
        CHECK_FALSE(safe("j\ta\nv\ra\tscript\t:alert(1)"));
        CHECK_FALSE(safe("javascript\n:alert(1)"));
        CHECK_FALSE(safe("\tjavascript:alert(1)"));
    }
    SECTION("leading and trailing C0 controls and spaces are stripped by the browser") {
        CHECK_FALSE(safe(" javascript:alert(1)"));
        CHECK_FALSE(safe(" \x01javascript:alert(1)"));
        CHECK_FALSE(safe("\x1F\x0B\x0C javascript:alert(1)"));
        CHECK_FALSE(safe("\0javascript:alert(1)"s));
        CHECK_FALSE(safe("\0\0\0 javascript:alert(1) \0"s));
        CHECK_FALSE(safe("javascript:alert(1)\x1F"));
    }
    SECTION("entity references, decoded by the caller as the HTML tokenizer does") {
        for (const char* raw : {"javascript&#58;alert(1)", "javascript&colon;alert(1)", "javascript&#x3A;alert(1)",
                                "javascript&#58alert(1)", "&#x6A;avascript:alert(1)", "&#106;avascript:alert(1)",
                                "&#0000106avascript:alert(1)", "&#x0006A;avascript:alert(1)",
                                "jav&#x09;ascript:alert(1)", "jav&#9;ascript:alert(1)", "jav&Tab;ascript:alert(1)",
                                "jav&NewLine;ascript:alert(1)", "jav&#x0D;ascript:alert(1)",
                                "&#x20;&#x01;javascript:alert(1)",
                                "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
                                "&#x64;ata:text/html,x", "vbscript&#58;x"}) {
            INFO(raw);
            CHECK_FALSE(safe(decoded(raw)));
        }
        // &#0; decodes to U+FFFD, which is not stripped and not a scheme letter.
        CHECK(classify_url(decoded("&#0;javascript:alert(1)")) == UrlClass::relative);
    }
    SECTION("long schemes are not confused with http") {
        CHECK_FALSE(safe("httpx:x"));
        CHECK_FALSE(safe("https2:x"));
        CHECK_FALSE(safe("mailtox:x"));
        CHECK_FALSE(safe("mailt:x"));
        CHECK_FALSE(safe("htt:x"));
        CHECK_FALSE(safe("httpshttpshttps:x"));
    }
}

TEST_CASE("What is not a scheme to the browser is a harmless relative URL", "[url_filter]") {
    SECTION("percent-escapes never form a scheme") {
        CHECK(classify_url("%6Aavascript:alert(1)") == UrlClass::relative);
        CHECK(classify_url("javascript%3Aalert(1)") == UrlClass::relative);
        CHECK(classify_url("java%09script:alert(1)") == UrlClass::relative);
    }
    SECTION("characters that cannot be in a scheme") {
        CHECK(classify_url("java script:alert(1)") == UrlClass::relative);
        CHECK(classify_url("java\0script:alert(1)"s) == UrlClass::relative);
        CHECK(classify_url("java\x01script:alert(1)") == UrlClass::relative);
        CHECK(classify_url("1javascript:alert(1)") == UrlClass::relative);
        CHECK(classify_url("+javascript:alert(1)") == UrlClass::relative);
        CHECK(classify_url("\x7Fjavascript:alert(1)") == UrlClass::relative);
        CHECK(classify_url("javascript\xEF\xBC\x9A" "alert(1)") == UrlClass::relative);  // fullwidth colon
    }
    SECTION("non-ASCII letters are not scheme letters") {
        CHECK(classify_url("\xEF\xBD\x8A" "avascript:alert(1)") == UrlClass::relative);  // fullwidth j
        CHECK(classify_url("\xC5\xBF" "cript:x") == UrlClass::relative);                  // long s
        CHECK(classify_url("\xC2\xA0javascript:alert(1)") == UrlClass::relative);         // NBSP is not stripped
        CHECK(classify_url("\xEF\xBB\xBFjavascript:alert(1)") == UrlClass::relative);     // BOM is not stripped
    }
}

TEST_CASE("The unsafe policy keeps every URL", "[url_filter]") {
    CHECK(is_url_allowed("javascript:alert(1)", UrlPolicy::unsafe_any_scheme));
    CHECK(is_url_allowed("data:x", UrlPolicy::unsafe_any_scheme));
    CHECK(is_url_allowed("", UrlPolicy::unsafe_any_scheme));
}

TEST_CASE("External URLs are the ones that may leave the site", "[url_filter]") {
    CHECK(is_external_url("https://x.test"));
    CHECK(is_external_url("HTTP://x.test"));
    CHECK(is_external_url("//x.test"));
    CHECK(is_external_url("\\\\x.test"));
    CHECK(is_external_url("mailto:a@b.test"));
    CHECK_FALSE(is_external_url("/about"));
    CHECK_FALSE(is_external_url("#top"));
    CHECK_FALSE(is_external_url("post.html"));
    CHECK_FALSE(is_external_url("javascript:x"));
    CHECK_FALSE(is_external_url(""));
}

TEST_CASE("URL attributes are written exactly like md4c-html", "[url_filter]") {
    SECTION("the characters md4c-html keeps") {
        CHECK(url_attribute("https://x.test/a-b_c.d+e!f*g(h),i%20j#k@l?m=n;o:p/q$r") ==
              "https://x.test/a-b_c.d+e!f*g(h),i%20j#k@l?m=n;o:p/q$r");
        CHECK(url_attribute("AZaz09") == "AZaz09");
    }
    SECTION("'&' becomes &amp;") {
        CHECK(url_attribute("?a=1&b=2") == "?a=1&amp;b=2");
    }
    SECTION("everything else is percent-encoded with uppercase hex") {
        CHECK(url_attribute("a b") == "a%20b");
        CHECK(url_attribute("~user") == "%7Euser");
        CHECK(url_attribute("\"'<>`\\[]{}|^") == "%22%27%3C%3E%60%5C%5B%5D%7B%7D%7C%5E");
        CHECK(url_attribute("\xC3\xA4") == "%C3%A4");
        CHECK(url_attribute("\t\n\x7F") == "%09%0A%7F");
        CHECK(url_attribute("a\0b"s) == "a%00b");
    }
    SECTION("existing escapes are not encoded twice") {
        CHECK(url_attribute("%E2%82%AC") == "%E2%82%AC");
    }
    SECTION("CommonMark spec examples") {
        CHECK(url_attribute("/f\xC3\xB6\xC3\xB6") == "/f%C3%B6%C3%B6");                  // example 32
        CHECK(url_attribute("/bar\\*") == "/bar%5C*");                                // example 22
        CHECK(url_attribute("/url \"title\"") == "/url%20%22title%22");
        CHECK(url_attribute("foo\\bar") == "foo%5Cbar");
    }
    SECTION("the result can never break out of a double-quoted attribute") {
        const std::string out = url_attribute("\" onmouseover=\"alert(1)\"><script>");
        CHECK(out.find('"') == std::string::npos);
        CHECK(out.find('<') == std::string::npos);
        CHECK(out.find('>') == std::string::npos);
        CHECK(out.find(' ') == std::string::npos);
    }
    SECTION("encoding never turns a relative URL into a dangerous one") {
        for (const char* url : {"java script:x", "\x7Fjavascript:x", "\xEF\xBD\x8A" "avascript:x", "java%3Ascript:x",
                                "javascript\xEF\xBC\x9Ax"}) {
            INFO(url);
            REQUIRE(safe(url));
            CHECK(safe(url_attribute(url)));
        }
    }
}
