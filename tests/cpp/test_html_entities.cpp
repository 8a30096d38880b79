#include <catch2/catch.hpp>

#include <string>

#include "common/html_entities.h"
#include "common/html_escape.h"

using namespace blogreader;

TEST_CASE("named entities are found in the generated table", "[entities]") {
    CHECK(html::lookup_named_entity("amp") == "&");
    CHECK(html::lookup_named_entity("AElig") == "\xC3\x86");
    CHECK(html::lookup_named_entity("zwnj") == "\xE2\x80\x8C");  // the last record
    CHECK(html::lookup_named_entity("ngE") == "\xE2\x89\xA7\xCC\xB8");  // two code points
    CHECK(html::lookup_named_entity("colon") == ":");
    CHECK(html::lookup_named_entity("Tab") == "\t");
    CHECK(html::lookup_named_entity("ThisIsNotDefined").empty());
    CHECK(html::lookup_named_entity("").empty());
    CHECK(html::lookup_named_entity("AMP") == "&");  // case matters: both exist
}

TEST_CASE("entity references decode as HTML defines", "[entities]") {
    std::string out;
    CHECK(html::append_decoded_entity(out, "&ouml;"));
    CHECK(html::append_decoded_entity(out, "&#35;"));
    CHECK(html::append_decoded_entity(out, "&#X22;"));
    CHECK(out == "ö#\"");
    out.clear();
    SECTION("invalid code points become U+FFFD") {
        CHECK(html::append_decoded_entity(out, "&#0;"));
        CHECK(html::append_decoded_entity(out, "&#xD800;"));
        CHECK(html::append_decoded_entity(out, "&#99999999999;"));
        CHECK(out == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    }
    SECTION("unknown names are reported, not guessed") {
        CHECK_FALSE(html::append_decoded_entity(out, "&madeup;"));
        CHECK(out.empty());
    }
}

TEST_CASE("attribute values decode like the HTML tokenizer", "[entities]") {
    std::string out;
    html::append_decoded_attribute(out, "jav&#x09;ascript&colon;alert(1)&amp;x&unknown;&#106");
    CHECK(out == "jav\tascript:alert(1)&x&unknown;j");
}

TEST_CASE("escaping covers every character that could end text or an attribute", "[escape]") {
    blogreader::OutputBuffer out;
    html::append_escaped_text(out, "<a href=\"x\">&'");
    CHECK(out == "&lt;a href=&quot;x&quot;&gt;&amp;'");
    out.clear();
    html::append_escaped_attribute(out, "\"' onmouseover=x");
    CHECK(out == "&quot;&#39; onmouseover=x");
}
