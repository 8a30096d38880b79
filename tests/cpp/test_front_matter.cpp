#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "common/utf8.h"
#include "markdown/front_matter.h"

#include <nlohmann/json.hpp>

using blogreader::markdown::FrontMatter;
using blogreader::markdown::parse_front_matter;
using nlohmann::json;

namespace {
// The fields as nlohmann/json (the reference), read back from the engine's own JSON.
json fields_of(const blogreader::markdown::FrontMatter& fm) {
    std::string text;
    blogreader::markdown::append_fields_json(text, fm);
    return json::parse(text, nullptr, false);
}
}  // namespace

namespace {

std::string_view body_of(std::string_view document, const FrontMatter& fm) {
    return document.substr(fm.body_offset);
}

bool has_warning(const FrontMatter& fm, std::size_t line, const std::string& code) {
    for (const auto& w : fm.warnings) {
        if (w.line == line && w.code == code) return true;
    }
    return false;
}

std::string warnings_text(const FrontMatter& fm) {
    std::string text;
    for (const auto& w : fm.warnings) text += std::to_string(w.line) + " " + w.code + ": " + w.message + "\n";
    return text;
}

}  // namespace

TEST_CASE("front matter: a typical blog post", "[front_matter]") {
    const std::string doc =
        "---\n"
        "title: Samenwerken en de betekenis\n"
        "author: \"Jan de Vries\"\n"
        "date: 2024-03-01\n"
        "description: 'Over samenwerken, en wat het ''echt'' betekent'\n"
        "tags: [samenwerken, organisatie, \"lange termijn\"]\n"
        "lang: nl\n"
        "draft: false\n"
        "weight: 3\n"
        "rating: 4.5\n"
        "image: /img/hero.jpg   # a comment\n"
        "---\n"
        "# Samenwerken\n";
    const FrontMatter fm = parse_front_matter(doc);
    INFO(warnings_text(fm));
    CHECK(fm.present);
    CHECK(fm.warnings.empty());
    CHECK(body_of(doc, fm) == "# Samenwerken\n");
    CHECK(fm.body_first_line == 13);
    CHECK(fields_of(fm) == json{
                           {"title", "Samenwerken en de betekenis"},
                           {"author", "Jan de Vries"},
                           {"date", "2024-03-01"},
                           {"description", "Over samenwerken, en wat het 'echt' betekent"},
                           {"tags", {"samenwerken", "organisatie", "lange termijn"}},
                           {"lang", "nl"},
                           {"draft", false},
                           {"weight", 3},
                           {"rating", 4.5},
                           {"image", "/img/hero.jpg"},
                       });
}

TEST_CASE("front matter: scalars", "[front_matter]") {
    auto field = [](const std::string& line) {
        const FrontMatter fm = parse_front_matter("---\n" + line + "\n---\nbody");
        INFO(line << "\n" << warnings_text(fm));
        CHECK(fm.warnings.empty());
        return fields_of(fm).contains("v") ? fields_of(fm)["v"] : json("<missing>");
    };

    SECTION("plain scalars are typed") {
        CHECK(field("v: plain text") == "plain text");
        CHECK(field("v: 42") == 42);
        CHECK(field("v: -7") == -7);
        CHECK(field("v: +7") == 7);
        CHECK(field("v: 0") == 0);
        CHECK(field("v: 2.50") == 2.5);
        CHECK(field("v: .5") == 0.5);
        CHECK(field("v: 1.") == 1.0);
        CHECK(field("v: 1e3") == 1000.0);
        CHECK(field("v: 1e300") == 1e300);
        CHECK(field("v: 0.00e999") == 0);  // zero whatever the exponent
        CHECK(field("v: 3.14159265358979323846") == 3.141592653589793);  // the nearest double, as JSON.parse reads it
        CHECK(field("v: true") == true);
        CHECK(field("v: True") == true);
        CHECK(field("v: FALSE") == false);
        CHECK(field("v: null").is_null());
        CHECK(field("v: ~").is_null());
        CHECK(field("v:").is_null());
        CHECK(field("v:    # only a comment").is_null());
    }

    SECTION("what stays a string") {
        CHECK(field("v: 2024-03-01") == "2024-03-01");
        CHECK(field("v: 2024-03-01T10:00:00+01:00") == "2024-03-01T10:00:00+01:00");
        CHECK(field("v: 12:30") == "12:30");
        CHECK(field("v: 007") == "007");
        CHECK(field("v: 1234567890123456") == "1234567890123456");
        CHECK(field("v: 123456789012345") == 123456789012345);
        CHECK(field("v: 1e999") == "1e999");
        CHECK(field("v: 1e-999") == "1e-999");   // would silently become 0
        CHECK(field("v: 0.0001e-299") == "0.0001e-299");
        CHECK(field("v: .inf") == ".inf");
        CHECK(field("v: yes") == "yes");
        CHECK(field("v: 1_000") == "1_000");
        CHECK(field("v: \"42\"") == "42");
        CHECK(field("v: 'true'") == "true");
        CHECK(field("v: a#b") == "a#b");  // '#' starts a comment only after a blank
        CHECK(field("v: Rust: the book") == "Rust: the book");
        CHECK(field("v: Één ding, 日本語") == "Één ding, 日本語");
    }

    SECTION("quoted scalars") {
        CHECK(field("v: \"say \\\"hi\\\"\\n\\tnow\"") == "say \"hi\"\n\tnow");
        CHECK(field("v: \"\\u00e9\\x41\\U0001F389\"") == "\xC3\xA9" "A\xF0\x9F\x8E\x89");
        CHECK(field("v: \"\\ud800\"") == "\xEF\xBF\xBD");  // a lone surrogate cannot be UTF-8
        // Every single-character escape of YAML's double-quoted style (\0 as
        // U+FFFD, as NUL is everywhere in the input).
        CHECK(field("v: \"\\0\\a\\b\\t\\\t\\n\\v\\f\\r\\e\\ \\\"\\/\\\\\\N\\_\\L\\P\"") ==
              "\xEF\xBF\xBD" "\a\b\t\t\n\v\f\r\x1B" " \"/\\" "\xC2\x85" "\xC2\xA0" "\xE2\x80\xA8" "\xE2\x80\xA9");
        CHECK(field("v: 'it''s # not a comment'") == "it's # not a comment");
        CHECK(field("v: \"a\" # comment") == "a");
        CHECK(field("v: ''") == "");
    }

    SECTION("title, author, date, description and lang are never typed") {
        const FrontMatter fm = parse_front_matter("---\ntitle: 1984\nlang: no\ndate: 2024\nauthor: true\n---\n");
        CHECK(fields_of(fm) == json{{"title", "1984"}, {"lang", "no"}, {"date", "2024"}, {"author", "true"}});
    }
}

TEST_CASE("front matter: lists", "[front_matter]") {
    SECTION("block lists, indented or not") {
        const std::string doc =
            "---\n"
            "authors:\n"
            "  - Jan\n"
            "  - \"Piet\"\n"
            "numbers:\n"
            "- 1\n"
            "- 2.5\n"
            "---\n";
        const FrontMatter fm = parse_front_matter(doc);
        INFO(warnings_text(fm));
        CHECK(fm.warnings.empty());
        CHECK(fields_of(fm)["authors"] == json{"Jan", "Piet"});
        CHECK(fields_of(fm)["numbers"] == json{1, 2.5});
        CHECK(body_of(doc, fm).empty());
    }

    SECTION("flow lists") {
        const FrontMatter fm = parse_front_matter("---\na: []\nb: [1, two, 'three, four', ]\n---\n");
        INFO(warnings_text(fm));
        CHECK(fm.warnings.empty());
        CHECK(fields_of(fm)["a"] == json::array());
        CHECK(fields_of(fm)["b"] == json{1, "two", "three, four"});
    }

    SECTION("tags and categories are always lists of strings") {
        const FrontMatter fm = parse_front_matter(
            "---\n"
            "tags: rust, c++ ,  , wasm\n"
            "categories: 2024\n"
            "---\n");
        CHECK(fields_of(fm)["tags"] == json{"rust", "c++", "wasm"});
        CHECK(fields_of(fm)["categories"] == json{"2024"});

        const FrontMatter lists = parse_front_matter("---\ntags:\n  - 1\n  -\n  - true\ncategories: [3, x]\n---\n");
        CHECK(fields_of(lists)["tags"] == json{"1", "true"});
        CHECK(fields_of(lists)["categories"] == json{"3", "x"});

        const FrontMatter empty = parse_front_matter("---\ntags:\ncategories: ~\n---\n");
        CHECK(fields_of(empty)["tags"] == json::array());
        CHECK(fields_of(empty)["categories"] == json{"~"});
    }
}

TEST_CASE("front matter: where it is and is not", "[front_matter]") {
    SECTION("no front matter") {
        const std::string doc = "# Title\n\n---\ntitle: x\n---\n";
        const FrontMatter fm = parse_front_matter(doc);
        CHECK_FALSE(fm.present);
        CHECK(fm.body_offset == 0);
        CHECK(fm.body_first_line == 1);
        CHECK(fm.warnings.empty());
        CHECK(fields_of(fm).empty());
    }

    SECTION("'---' not on the first line is Markdown") {
        const FrontMatter fm = parse_front_matter("\n---\ntitle: x\n---\n");
        CHECK_FALSE(fm.present);
        CHECK(fm.body_offset == 0);
    }

    SECTION("empty input and a lone marker") {
        CHECK_FALSE(parse_front_matter("").present);
        CHECK_FALSE(parse_front_matter("---").present);
        CHECK_FALSE(parse_front_matter("---\n").present);
        CHECK(parse_front_matter("---\n").warnings.empty());
    }

    SECTION("empty block") {
        const std::string doc = "---\n---\nBody";
        const FrontMatter fm = parse_front_matter(doc);
        CHECK(fm.present);
        CHECK(fields_of(fm).empty());
        CHECK(fm.warnings.empty());
        CHECK(body_of(doc, fm) == "Body");
        CHECK(fm.body_first_line == 3);
    }

    SECTION("a block of only comments and blank lines is front matter") {
        const std::string doc = "---\n# draft\n\n---\nBody";
        const FrontMatter fm = parse_front_matter(doc);
        CHECK(fm.present);
        CHECK(body_of(doc, fm) == "Body");
    }

    SECTION("'...' closes too, and trailing blanks are allowed on the markers") {
        const std::string doc = "---  \ntitle: x\n... \nBody";
        const FrontMatter fm = parse_front_matter(doc);
        CHECK(fm.present);
        CHECK(fields_of(fm)["title"] == "x");
        CHECK(body_of(doc, fm) == "Body");
    }

    SECTION("regression (review): a rule with prose under it is Markdown, however far the next ---") {
        for (const std::string& doc : {std::string("---\nUpdated 2024-01-01 at 10:30\n---\nBody"),
                                      "---\n\nFirst paragraph.\n\nNote: this is prose.\n\n" + std::string(5000, 'x') + "\n\n---\nEnd"}) {
            const FrontMatter fm = parse_front_matter(doc);
            CHECK_FALSE(fm.present);
            CHECK(fm.warnings.empty());
            CHECK(body_of(doc, fm) == doc);
        }
    }

    SECTION("'----' is not a marker") {
        CHECK_FALSE(parse_front_matter("----\ntitle: x\n----\n").present);
    }

    SECTION("a thematic break and a setext heading are not front matter") {
        const std::string doc = "---\n\nHello\n---\n";
        const FrontMatter fm = parse_front_matter(doc);
        CHECK_FALSE(fm.present);
        CHECK(fm.warnings.empty());
        CHECK(body_of(doc, fm) == doc);
    }

    SECTION("a thematic break with no closing line is not reported") {
        const std::string doc = "---\n\nJust a post that starts with a rule.\n";
        const FrontMatter fm = parse_front_matter(doc);
        CHECK_FALSE(fm.present);
        CHECK(fm.warnings.empty());
        CHECK(body_of(doc, fm) == doc);
    }

    SECTION("BOM") {
        const std::string doc = "\xEF\xBB\xBF---\ntitle: BOM\n---\nBody";
        const FrontMatter fm = parse_front_matter(doc);
        CHECK(fm.present);
        CHECK(fields_of(fm)["title"] == "BOM");
        CHECK(body_of(doc, fm) == "Body");

        const std::string plain = "\xEF\xBB\xBF# Title";
        const FrontMatter none = parse_front_matter(plain);
        CHECK_FALSE(none.present);
        CHECK(body_of(plain, none) == "# Title");  // the BOM is skipped for the body too
    }

    SECTION("CRLF and CR line endings") {
        const std::string crlf = "---\r\ntitle: Windows\r\ntags:\r\n  - a\r\n---\r\nBody\r\n";
        const FrontMatter fm = parse_front_matter(crlf);
        INFO(warnings_text(fm));
        CHECK(fm.warnings.empty());
        CHECK(fields_of(fm)["title"] == "Windows");
        CHECK(fields_of(fm)["tags"] == json{"a"});
        CHECK(body_of(crlf, fm) == "Body\r\n");
        CHECK(fm.body_first_line == 6);

        const std::string cr = "---\rtitle: Mac\r---\rBody";
        const FrontMatter old_mac = parse_front_matter(cr);
        CHECK(fields_of(old_mac)["title"] == "Mac");
        CHECK(body_of(cr, old_mac) == "Body");
    }
}

TEST_CASE("front matter: broken blocks", "[front_matter]") {
    SECTION("unclosed: warning on line 1, everything is body") {
        const std::string doc = "---\ntitle: Never closed\n\n# Heading\n";
        const FrontMatter fm = parse_front_matter(doc);
        CHECK(fm.present);
        CHECK(has_warning(fm, 1, "front_matter_unclosed"));
        CHECK(fields_of(fm).empty());
        CHECK(body_of(doc, fm) == doc);
    }

    SECTION("unclosed with broken lines: only the one warning, nothing about lines that are body") {
        const std::string doc = "---\ntitle: \"x\n  y\n- z\n";
        const FrontMatter fm = parse_front_matter(doc);
        CHECK(fm.present);
        REQUIRE(fm.warnings.size() == 1);
        CHECK(fm.warnings[0].code == "front_matter_unclosed");
        CHECK(fields_of(fm).empty());
    }

    SECTION("unterminated quote: warning with its line, the key skipped, the rest parsed") {
        const std::string doc = "---\ntitle: ok\ndescription: \"no end\nauthor: Jan\n---\nBody";
        const FrontMatter fm = parse_front_matter(doc);
        INFO(warnings_text(fm));
        CHECK(fm.present);
        REQUIRE(fm.warnings.size() == 1);
        CHECK(fm.warnings[0].line == 3);
        CHECK(fm.warnings[0].code == "front_matter_syntax");
        CHECK(fields_of(fm) == json{{"title", "ok"}, {"author", "Jan"}});
        CHECK(body_of(doc, fm) == "Body");
    }

    SECTION("regression: a lone broken key line still reports, and never leaks") {
        const std::string doc = "---\ntitle: 'unterminated\n---\nBody";
        const FrontMatter fm = parse_front_matter(doc);
        CHECK(fm.present);
        CHECK(has_warning(fm, 2, "front_matter_syntax"));
        CHECK(body_of(doc, fm) == "Body");
    }

    SECTION("nested map: the key is skipped without its lines") {
        const std::string doc =
            "---\n"
            "title: x\n"
            "author:\n"
            "  name: Jan\n"
            "  url: https://example.com\n"
            "lang: nl\n"
            "---\n";
        const FrontMatter fm = parse_front_matter(doc);
        INFO(warnings_text(fm));
        REQUIRE(fm.warnings.size() == 1);
        CHECK(has_warning(fm, 4, "front_matter_unsupported"));
        CHECK(fields_of(fm) == json{{"title", "x"}, {"lang", "nl"}});
    }

    SECTION("bad indentation") {
        const FrontMatter fm = parse_front_matter("---\n  title: x\nauthor: y\n  extra: z\ndate: 2024\n---\n");
        INFO(warnings_text(fm));
        CHECK(has_warning(fm, 2, "front_matter_syntax"));
        CHECK(has_warning(fm, 4, "front_matter_syntax"));
        CHECK(fields_of(fm) == json{{"date", "2024"}});
    }

    SECTION("tab indentation") {
        const FrontMatter fm = parse_front_matter("---\ntags:\n\t- a\n\t- b\ntitle: t\n\tmore\n---\n");
        INFO(warnings_text(fm));
        CHECK(fm.warnings.size() == 2);
        CHECK(has_warning(fm, 3, "front_matter_syntax"));
        CHECK(has_warning(fm, 6, "front_matter_syntax"));
        CHECK(fields_of(fm).empty());
    }

    SECTION("duplicate keys: warning, the last one wins") {
        const FrontMatter fm = parse_front_matter("---\ntitle: first\ntitle: second\n---\n");
        CHECK(has_warning(fm, 3, "front_matter_duplicate_key"));
        CHECK(fields_of(fm)["title"] == "second");
    }

    SECTION("lines that are not key: value") {
        const FrontMatter fm = parse_front_matter(
            "---\n"
            "- stray item\n"
            "title: ok\n"
            "just some text\n"
            "my key: spaces\n"
            "key:value\n"
            "  - belongs to the broken line above: skipped silently\n"
            "über: unicode keys are keys\n"
            "---\n");
        INFO(warnings_text(fm));
        CHECK(fm.present);
        CHECK(fm.warnings.size() == 4);
        for (std::size_t line = 2; line <= 6; ++line) {
            if (line != 3) CHECK(has_warning(fm, line, "front_matter_syntax"));
        }
        CHECK(fields_of(fm) == json{{"title", "ok"}, {"über", "unicode keys are keys"}});
    }

    SECTION("unsupported YAML is reported and skipped") {
        const char* lines[] = {
            "v: |",      "v: >-",          "v: &anchor x", "v: *alias", "v: !!str x",
            "v: {a: 1}", "v: [a, [b]]",    "v:\n  - [a]",  "v:\n  - k: x", "v:\n  - - x",
            "v:\n  - a\n    b",
        };
        for (const char* line : lines) {
            const FrontMatter fm = parse_front_matter(std::string("---\n") + line + "\nok: 1\n---\n");
            INFO(line << "\n" << warnings_text(fm));
            CHECK(fm.warnings.size() == 1);
            CHECK(fm.warnings[0].code == "front_matter_unsupported");
            CHECK_FALSE(fields_of(fm).contains("v"));
            CHECK(fields_of(fm)["ok"] == 1);
        }
    }

    SECTION("syntax errors in values") {
        const char* lines[] = {
            "v: [a, b",  "v: [a,, b]",  "v: ['a' b]", "v: \"a\" b",   "v: \"bad \\q escape\"",
            "v: @x",     "v: - item",   "v: \"\\u12\"", "v: \"\\\xC3\xA9\"",  // the last: a backslash before "é"
        };
        for (const char* line : lines) {
            const FrontMatter fm = parse_front_matter(std::string("---\n") + line + "\nok: 1\n---\n");
            INFO(line << "\n" << warnings_text(fm));
            CHECK(fm.warnings.size() == 1);
            CHECK(has_warning(fm, 2, "front_matter_syntax"));
            CHECK_FALSE(fields_of(fm).contains("v"));
            CHECK(fields_of(fm)["ok"] == 1);
        }
    }

    SECTION("a long block is still front matter: it never reaches the article") {
        // Found by review: past 1000 lines or 64 KiB the whole block was body text.
        std::string doc = "---\ntitle: Post\ndraft_notes: \"internal: do not publish\"\n";
        for (int i = 0; i < 3000; ++i) doc += "# a comment line\n";
        for (int i = 0; i < 2000; ++i) doc += "key" + std::to_string(i) + ": value\n";
        doc += "---\nBody";
        const FrontMatter fm = parse_front_matter(doc);
        INFO(warnings_text(fm));
        CHECK(fm.warnings.empty());
        CHECK(fields_of(fm)["draft_notes"] == "internal: do not publish");
        CHECK(fields_of(fm).size() == 2002);
        CHECK(body_of(doc, fm) == "Body");

        const std::string long_value = "---\ndescription: " + std::string(100 * 1024, 'x') + "\n---\nBody";
        const FrontMatter long_fm = parse_front_matter(long_value);
        CHECK(long_fm.warnings.empty());
        CHECK(fields_of(long_fm)["description"].get<std::string>().size() == 100 * 1024);
        CHECK(body_of(long_value, long_fm) == "Body");
    }

    SECTION("keys the reader cannot take still make the block front matter, with a warning") {
        // Found by review: these blocks were rendered as a thematic break and a
        // setext heading, publishing the metadata with no warning.
        for (const char* line : {"\"title\": x", "'title': x", "title:x", "a key: x", "{title: x}"}) {
            const std::string doc = std::string("---\n") + line + "\n---\nBody";
            const FrontMatter fm = parse_front_matter(doc);
            INFO(line << "\n" << warnings_text(fm));
            CHECK(fm.present);
            CHECK(has_warning(fm, 2, "front_matter_syntax"));
            CHECK(fields_of(fm).empty());
            CHECK(body_of(doc, fm) == "Body");
        }
    }

    SECTION("regression (review): a block of bad lines keeps 101 warnings, not one per line") {
        std::string doc = "---\ntitle: x\n";
        for (int i = 0; i < 5000; ++i) doc += "prose that is no entry\n";
        doc += "---\nBody";
        const FrontMatter fm = parse_front_matter(doc);
        CHECK(fm.warnings.size() == 101);  // render_markdown reports 100 and that there were more
        CHECK(fields_of(fm) == json{{"title", "x"}});
        CHECK(body_of(doc, fm) == "Body");
    }

    SECTION("list items of URLs and times are values, not maps") {
        const FrontMatter fm = parse_front_matter("---\nlinks:\n  - https://a.example/x\n  - at 10:30\n---\n");
        INFO(warnings_text(fm));
        CHECK(fm.warnings.empty());
        CHECK(fields_of(fm)["links"] == json{"https://a.example/x", "at 10:30"});
    }

    SECTION("keys with dots and letters of any script") {
        const std::string doc = "---\nog.image: /a.png\nt\xC3\xADtulo: Hola\n\xCE\xB8\xCE\xAD\xCE\xBC\xCE\xB1: x\n---\nBody";
        const FrontMatter fm = parse_front_matter(doc);
        INFO(warnings_text(fm));
        CHECK(fm.warnings.empty());
        CHECK(fields_of(fm) == json{{"og.image", "/a.png"}, {"t\xC3\xADtulo", "Hola"}, {"\xCE\xB8\xCE\xAD\xCE\xBC\xCE\xB1", "x"}});
        CHECK(body_of(doc, fm) == "Body");
    }

    SECTION("a repeated key whose second value is broken keeps the first, as the warning says") {
        const FrontMatter fm = parse_front_matter("---\ntitle: x\ntitle: \"unterminated\n---\n");
        INFO(warnings_text(fm));
        CHECK(has_warning(fm, 3, "front_matter_duplicate_key"));
        CHECK(fm.warnings[0].message == "'title' is given more than once; the last valid value is used");
        CHECK(fields_of(fm)["title"] == "x");
    }

    SECTION("binary junk never crashes and never leaks") {
        // As the renderer passes it: repaired to valid UTF-8 first.
        std::string doc;
        blogreader::utf8::repair(std::string_view("---\nt\0: \xFF\xFE\n\x01\x02: \"\xC3\n---\nBody", 26), doc);
        const FrontMatter fm = parse_front_matter(doc);
        CHECK(fm.present == (fm.body_offset != 0));
        CHECK(fields_of(fm).dump(-1, ' ', false, json::error_handler_t::strict).size() > 0);
    }
}

TEST_CASE("front matter: linear work on a 10 MB document", "[front_matter][slow]") {
    std::string doc = "---\ntitle: x\n";
    while (doc.size() < 10 * 1024 * 1024) doc += "no closing marker in this line of text\n";
    const auto start = std::chrono::steady_clock::now();
    const FrontMatter fm = parse_front_matter(doc);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(has_warning(fm, 1, "front_matter_unclosed"));
    CHECK(fm.body_offset == 0);
    CHECK(seconds < 1.0);
}
