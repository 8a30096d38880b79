#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "markdown/slug.h"

using blogreader::markdown::github_slug;
using blogreader::markdown::SlugRegistry;

namespace {

struct SlugCase {
    const char* heading;
    const char* slug;
};

}  // namespace

TEST_CASE("github_slug follows github-slugger", "[slug]") {
    SECTION("examples from the issue") {
        const SlugCase cases[] = {
            {"Hello World!", "hello-world"},
            {"Samenwerken en de betekenis", "samenwerken-en-de-betekenis"},
            {"Één ding", "één-ding"},
            {"C++ & Rust", "c--rust"},
            {"Привет мир", "привет-мир"},
            {"日本語", "日本語"},
            {"🎉 Party", "-party"},
            {"foo_bar", "foo_bar"},
        };
        for (const auto& c : cases) {
            INFO(c.heading);
            CHECK(github_slug(c.heading) == c.slug);
        }
    }

    SECTION("ASCII punctuation is dropped, '-' and '_' are kept, runs of '-' stay") {
        const SlugCase cases[] = {
            {"", ""},
            {"   ", "---"},
            {"!!!", ""},
            {"a - b", "a---b"},
            {"Version 2.0 (beta)", "version-20-beta"},
            {"What's new?", "whats-new"},
            {"snake_case and kebab-case", "snake_case-and-kebab-case"},
            {"<script>alert(1)</script>", "scriptalert1script"},
            {"\"quoted\" & 'single'", "quoted--single"},
            {"a/b\\c|d~e`f^g", "abcdefg"},
            {"MiXeD CaSe 123", "mixed-case-123"},
        };
        for (const auto& c : cases) {
            INFO(c.heading);
            CHECK(github_slug(c.heading) == c.slug);
        }
    }

    SECTION("Unicode letters, marks and digits of every script are kept, lower-cased") {
        const SlugCase cases[] = {
            {"ÀÉÎÕÜ", "àéîõü"},
            {"Ελληνικά Γράμματα", "ελληνικά-γράμματα"},
            {"ΣΊΣΥΦΟΣ", "σίσυφοσ"},  // simple lower case: no final-sigma rule, like GitHub
            {"עברית", "עברית"},
            {"العربية", "العربية"},
            {"हिन्दी", "हिन्दी"},  // combining marks (virama) stay
            {"한국어 제목", "한국어-제목"},
            {"e\xCC\x81t\xC3\xA9", "e\xCC\x81t\xC3\xA9"},  // e + combining acute
            {"٣ أرقام", "٣-أرقام"},
            {"Ⅻ roman", "ⅻ-roman"},
            {"Ｆｕｌｌｗｉｄｔｈ", "ｆｕｌｌｗｉｄｔｈ"},
        };
        for (const auto& c : cases) {
            INFO(c.heading);
            CHECK(github_slug(c.heading) == c.slug);
        }
    }

    SECTION("lower case agrees with JavaScript's toLowerCase, not with full case folding") {
        const SlugCase cases[] = {
            {"Straße", "straße"},   // not "strasse"
            {"GROẞ", "groß"},       // capital sharp s
            {"ﬁne", "ﬁne"},         // ligature kept, not "fine"
            {"µ", "µ"},             // micro sign stays (folding gives mu)
            {"ſ", "ſ"},             // long s stays
            {"ς", "ς"},             // final sigma stays
            {"İstanbul", "i\xCC\x87stanbul"},
            {"ᾈ", "ᾀ"},
            {"ᏣᎳᎩ", "ꮳꮃꭹ"},         // Cherokee capitals to small letters
            {"ꮳꮃꭹ", "ꮳꮃꭹ"},
        };
        for (const auto& c : cases) {
            INFO(c.heading);
            CHECK(github_slug(c.heading) == c.slug);
        }
    }

    SECTION("Unicode punctuation, symbols, controls and format characters are dropped") {
        const SlugCase cases[] = {
            {"«Guillemets» — dash", "guillemets--dash"},
            {"“Curly” ‘quotes’", "curly-quotes"},
            {"Price: 10 € / $5 / ¥3", "price-10---5--3"},
            {"x ≤ y → z", "x--y--z"},
            {"Done ✔ ★", "done--"},
            {"👩‍💻 Developer", "-developer"},  // ZWJ sequence
            {"🇳🇱 Nederland", "-nederland"},   // regional indicators
            {"co\xC2\xADop", "coop"},              // soft hyphen
            {"\xEF\xBB\xBFTitle", "title"},        // BOM
            {"a\xE2\x80\x8B" "b", "ab"},           // zero-width space
            {"tab\there", "tabhere"},
            {"line\nbreak", "linebreak"},
            {"©®™", ""},
            {"日本語、テスト。", "日本語テスト"},
            {"¿Qué? ¡Sí!", "qué-sí"},
            {"\xEE\x80\x80private", "private"},  // private use
            {"\xEF\xBF\xBD", ""},                 // U+FFFD from repaired input
        };
        for (const auto& c : cases) {
            INFO(c.heading);
            CHECK(github_slug(c.heading) == c.slug);
        }
    }

    SECTION("every Unicode space becomes '-'; connector punctuation is kept") {
        CHECK(github_slug("no\xC2\xA0" "break") == "no-break");
        CHECK(github_slug("ideographic\xE3\x80\x80space") == "ideographic-space");
        CHECK(github_slug("thin\xE2\x80\x89space") == "thin-space");
        CHECK(github_slug("tie‿bar") == "tie‿bar");
        CHECK(github_slug("ｆｕｌｌ＿ｗｉｄｅ") == "ｆｕｌｌ＿ｗｉｄｅ");
    }

    SECTION("invalid UTF-8 never crashes and is dropped") {
        CHECK(github_slug(std::string("a\xFF" "b\xC3", 4)) == "ab");
        CHECK(github_slug(std::string("\xE2\x82", 2)).empty());
        CHECK(github_slug(std::string("x\0y", 3)) == "xy");
    }
}

TEST_CASE("SlugRegistry makes ids unique like GitHub", "[slug]") {
    SlugRegistry registry;

    SECTION("repeats get -1, -2, ...") {
        CHECK(registry.unique_id("Intro") == "intro");
        CHECK(registry.unique_id("Intro") == "intro-1");
        CHECK(registry.unique_id("intro!") == "intro-2");
        CHECK(registry.unique_id("Other") == "other");
    }

    SECTION("regression: a made-up id never collides with a later heading's own slug") {
        CHECK(registry.unique_id("a") == "a");
        CHECK(registry.unique_id("a") == "a-1");
        CHECK(registry.unique_id("a-1") == "a-1-1");
        CHECK(registry.unique_id("a") == "a-2");
    }

    SECTION("regression: a heading's own slug that looks like a suffix is skipped") {
        CHECK(registry.unique_id("a-1") == "a-1");
        CHECK(registry.unique_id("a") == "a");
        CHECK(registry.unique_id("a") == "a-2");
        CHECK(registry.unique_id("a-2") == "a-2-1");
    }

    SECTION("empty slugs become section") {
        CHECK(registry.unique_id("") == "section");
        CHECK(registry.unique_id("🎉") == "section-1");
        CHECK(registry.unique_id("Section") == "section-2");
    }

    SECTION("the prefix is prepended but uniqueness is on the slug") {
        CHECK(registry.unique_id("Intro", "post-") == "post-intro");
        CHECK(registry.unique_id("Intro", "post-") == "post-intro-1");
        CHECK(registry.unique_id("post-intro") == "post-intro");
    }

    SECTION("many repeats stay correct") {
        for (int i = 0; i < 1000; ++i) registry.unique_id("same");
        CHECK(registry.unique_id("same") == "same-1000");
        CHECK(registry.unique_id("same-500") == "same-500-1");
    }

    SECTION("many different slugs: every one handed out once, across table growth") {
        std::vector<std::string> ids;
        for (int i = 0; i < 5000; ++i) ids.push_back(registry.unique_id("h" + std::to_string(i % 2500)));
        std::sort(ids.begin(), ids.end());
        CHECK(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
        CHECK(registry.unique_id("h7") == "h7-2");
        CHECK(registry.unique_id("h7-1") == "h7-1-1");
    }
}

TEST_CASE("github_slug is linear: 10 MB heading", "[slug][slow]") {
    std::string heading;
    const std::string piece = "Ünïcödé Wörds, 日本語 & emoji 🎉 ";
    while (heading.size() < 10 * 1024 * 1024) heading += piece;
    const auto start = std::chrono::steady_clock::now();
    const std::string slug = github_slug(heading);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::string expected_start = "ünïcödé-wörds-日本語--emoji--";
    CHECK(slug.compare(0, expected_start.size(), expected_start) == 0);
    CHECK(seconds < 10.0);  // generous: well under a second natively, even with sanitizers
}
