#include <catch2/catch.hpp>

#include <string>

#include "common/html_entities.h"
#include "common/html_escape.h"

using namespace blogreader;

TEST_CASE("named entities are found in the generated table", "[entities]") {
    CHECK(html::lookup_named_entity("amp") == "&");
    CHECK(html::lookup_named_entity("AElig") == "\xC3\x86");
    CHECK(html::lookup_named_entity("zwnj") == "\xE2\x80\x8C");
    CHECK(html::lookup_named_entity("nvlt") == "<\xE2\x83\x92");  // two code points
    CHECK(html::lookup_named_entity("colon") == ":");
    CHECK(html::lookup_named_entity("Tab") == "\t");
    CHECK(html::lookup_named_entity("ThisIsNotDefined").empty());
    CHECK(html::lookup_named_entity("").empty());
    CHECK(html::lookup_named_entity("AMP") == "&");  // case matters: both exist
    SECTION("the kept sets: ASCII, HTML 4.01, legacy prefixes") {
        CHECK(html::lookup_named_entity("OElig") == "\xC5\x92");     // HTML 4 Latin Extended-A
        CHECK(html::lookup_named_entity("omega") == "\xCF\x89");
        CHECK(html::lookup_named_entity("thetasym") == "\xCF\x91");
        CHECK(html::lookup_named_entity("hellip") == "\xE2\x80\xA6");
        CHECK(html::lookup_named_entity("rsquo") == "\xE2\x80\x99");
        CHECK(html::lookup_named_entity("euro") == "\xE2\x82\xAC");
        CHECK(html::lookup_named_entity("rarr") == "\xE2\x86\x92");
        CHECK(html::lookup_named_entity("hearts") == "\xE2\x99\xA5");
        CHECK(html::lookup_named_entity("lpar") == "(");               // HTML5, but ASCII
        CHECK(html::lookup_named_entity("notinva") == "\xE2\x88\x89");  // starts with legacy "not"
        CHECK(html::lookup_named_entity("ltrif") == "\xE2\x97\x82");   // starts with legacy "lt"
    }
    SECTION("other names are left to the browser") {
        CHECK(html::lookup_named_entity("Afr").empty());  // U+1D504
        CHECK(html::lookup_named_entity("ngE").empty());
        CHECK(html::lookup_named_entity("boxDL").empty());
        CHECK(html::lookup_named_entity("lstrok").empty());          // HTML5-only Latin Extended-A
        CHECK(html::lookup_named_entity("ZeroWidthSpace").empty());  // HTML5-only punctuation
        CHECK(html::lookup_named_entity("epsiv").empty());           // HTML5-only Greek
    }
}

TEST_CASE("legacy names: the ones a browser decodes without ';'", "[entities]") {
    CHECK(html::legacy_prefix_length("not") == 3);
    CHECK(html::legacy_prefix_length("notit") == 3);
    CHECK(html::legacy_prefix_length("copysr") == 4);
    CHECK(html::legacy_prefix_length("frac12x") == 6);
    CHECK(html::legacy_prefix_length("lt") == 2);
    CHECK(html::legacy_prefix_length("l") == 0);
    CHECK(html::legacy_prefix_length("Afr") == 0);
    CHECK(html::legacy_prefix_length("hellip") == 0);  // in the table, but not legacy
}

TEST_CASE("a reference the engine does not decode is written as it is only when that is exact", "[entities]") {
    CHECK(html::may_write_reference_verbatim("&Afr;"));
    CHECK(html::may_write_reference_verbatim("&ThisIsNotDefined;"));  // shows as written either way
    CHECK_FALSE(html::may_write_reference_verbatim("&notit;"));  // a browser would show "¬it;"
    CHECK_FALSE(html::may_write_reference_verbatim("&amplifier;"));
    CHECK_FALSE(html::may_write_reference_verbatim("&#65;"));
    CHECK_FALSE(html::may_write_reference_verbatim("&a<b;"));
    CHECK_FALSE(html::may_write_reference_verbatim("&" + std::string(40, 'x') + ";"));
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
    SECTION("legacy names without ';' decode unless a letter, digit or '=' follows") {
        out.clear();
        html::append_decoded_attribute(out, "&amp x&ampy ?a=1&copy=2&not");
        CHECK(out == "& x&ampy ?a=1&copy=2\xC2\xAC");
    }
    SECTION("in text they always decode, also as a prefix") {
        out.clear();
        html::append_decoded_attribute(out, "&notit; &ampy ?a=1&copy=2", html::ReferenceContext::text);
        CHECK(out == "\xC2\xACit; &y ?a=1\xC2\xA9=2");
    }
}

TEST_CASE("numeric references 128-159 are Windows-1252, as the HTML tokenizer reads them", "[entities]") {
    std::string out;
    html::append_decoded_attribute(out, "&#128;&#x96;&#150&#129;&#159;", html::ReferenceContext::text);
    CHECK(out == "\xE2\x82\xAC\xE2\x80\x93\xE2\x80\x93\xC2\x81\xC5\xB8");  // € – – U+0081 Ÿ
    out.clear();
    // Markdown's too: CommonMark's letter would give U+0080, a control character.
    CHECK(html::append_decoded_entity(out, "&#128;"));
    CHECK(out == "\xE2\x82\xAC");
    out.clear();
    CHECK(html::append_decoded_entity(out, "&#x96;"));
    CHECK(html::append_decoded_entity(out, "&#129;"));  // unassigned in Windows-1252: kept
    CHECK(html::append_decoded_entity(out, "&#159;"));
    CHECK(html::append_decoded_entity(out, "&#127;"));  // outside the range: kept
    CHECK(html::append_decoded_entity(out, "&#160;"));
    CHECK(out == "\xE2\x80\x93" "\xC2\x81" "\xC5\xB8" "\x7F" "\xC2\xA0");
}

TEST_CASE("raw HTML is written back as the browser read it", "[entities]") {
    blogreader::OutputBuffer out;
    html::append_reescaped(out, "a&amp;b &Afr; &notit; <x> &#65;", html::ReferenceContext::text);
    CHECK(out == "a&amp;b &Afr; \xC2\xACit; &lt;x&gt; A");
    out.clear();
    html::append_reescaped(out, "a&amp;b &Afr; &notit; \"' &#65;", html::ReferenceContext::attribute);
    CHECK(out == "a&amp;b &Afr; &amp;notit; &quot;&#39; A");
}

TEST_CASE("escaping covers every character that could end text or an attribute", "[escape]") {
    blogreader::OutputBuffer out;
    html::append_escaped_text(out, "<a href=\"x\">&'");
    CHECK(out == "&lt;a href=&quot;x&quot;&gt;&amp;'");
    out.clear();
    html::append_escaped_attribute(out, "\"' onmouseover=x");
    CHECK(out == "&quot;&#39; onmouseover=x");
}
