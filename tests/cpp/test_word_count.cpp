#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "common/html_escape.h"
#include "common/output_buffer.h"
#include "common/utf8.h"
#include "markdown/word_count.h"

using blogreader::markdown::reading_minutes;
using blogreader::markdown::WordCounter;

namespace {

std::size_t count_words(std::string_view text) {
    WordCounter counter;
    counter.add_text(text);
    return counter.words();
}

struct WordCase {
    const char* text;
    std::size_t words;
};

}  // namespace

TEST_CASE("WordCounter counts words", "[word_count]") {
    SECTION("sentences") {
        const WordCase cases[] = {
            {"", 0},
            {"   \n\t ", 0},
            {"Hello", 1},
            {"The quick brown fox jumps over the lazy dog.", 9},
            {"Samenwerken, we hebben binnen organisatieland er de mond vol van", 10},
            {"  leading and trailing  ", 3},
            {"Één ding, één woord.", 4},
            {"Привет, мир!", 2},
            {"Ελληνικά γράμματα", 2},
            {"مرحبا بالعالم", 2},
            {"नमस्ते दुनिया", 2},  // marks (virama, vowel signs) stay inside the word
        };
        for (const auto& c : cases) {
            INFO(c.text);
            CHECK(count_words(c.text) == c.words);
        }
    }

    SECTION("in-word punctuation joins, other punctuation separates") {
        const WordCase cases[] = {
            {"don't", 1},
            {"don’t", 1},
            {"e-mail", 1},
            {"snake_case", 1},
            {"U.S.A.", 1},
            {"l·l", 1},
            {"state-of-the-art", 1},
            {"a - b", 2},
            {"a -- b", 2},
            {"a--b", 2},
            {"end. Next", 2},
            {"wait...what", 2},
            {"'quoted'", 1},
            {"(parenthesised)", 1},
            {"slash/separated", 2},
            {"a,b", 2},
            {"one—two", 2},  // em dash separates
            {"x@example.com", 2},
        };
        for (const auto& c : cases) {
            INFO(c.text);
            CHECK(count_words(c.text) == c.words);
        }
    }

    SECTION("numbers count as words") {
        const WordCase cases[] = {
            {"42", 1},
            {"3.14", 1},
            {"1,000,000", 1},
            {"1,a", 2},
            {"1+1", 2},  // an operator separates, like a space
            {"1 + 1 = 2", 3},
            {"in 2024 we had 3 releases", 6},
            {"10%", 1},
            {"€5", 1},
        };
        for (const auto& c : cases) {
            INFO(c.text);
            CHECK(count_words(c.text) == c.words);
        }
    }

    SECTION("Chinese and Japanese count per character, Korean per word") {
        const WordCase cases[] = {
            {"日本語のテキスト", 8},
            {"Hello 世界", 3},
            {"Hello世界", 3},
            {"我爱你。", 3},
            {"日本語、テキスト。", 7},
            {"ｶﾀｶﾅ", 4},  // half-width katakana
            {"か\xE3\x82\x99", 1},  // combining voiced sound mark adds nothing
            {"2024年", 2},
            {"안녕하세요 세계", 2},
            {"한국어는 띄어쓰기를 한다", 3},
        };
        for (const auto& c : cases) {
            INFO(c.text);
            CHECK(count_words(c.text) == c.words);
        }
    }

    SECTION("symbols, emoji and format characters") {
        const WordCase cases[] = {
            {"🎉", 0},
            {"🎉 party 🎉", 1},
            {"party🎉time", 2},
            {"→ ← ★", 0},
            {"co\xC2\xADop", 1},                            // soft hyphen
            {"\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE\xD9\x88\xD8\xA7\xD9\x87\xD9\x85", 1},  // Persian with ZWNJ
            {"no\xC2\xA0" "break", 2},                     // no-break space separates
            {"\xEF\xBF\xBD\xEF\xBF\xBD", 0},                 // U+FFFD from repaired input
        };
        for (const auto& c : cases) {
            INFO(c.text);
            CHECK(count_words(c.text) == c.words);
        }
    }

    SECTION("invalid UTF-8 never crashes") {
        CHECK(count_words(std::string("ab\xFF" "cd", 5)) == 2);
        CHECK(count_words(std::string("\xE6\x97", 2)) == 0);
    }
}

TEST_CASE("WordCounter across calls", "[word_count]") {
    WordCounter counter;

    SECTION("pieces are read as one text: '&' from an entity separates like a typed one") {
        counter.add_text("AT");
        counter.add_text("&");  // as if md4c handed the entity &amp; separately
        counter.add_text("T rocks");
        CHECK(counter.words() == 3);  // "AT", "T", "rocks": '&' separates
    }

    SECTION("regression: text split at an entity inside a word stays one word") {
        counter.add_text("caf");
        counter.add_text("\xC3\xA9");  // &eacute;
        counter.add_text(" au lait");
        CHECK(counter.words() == 3);
    }

    SECTION("a joiner at the end of one call joins with the next") {
        counter.add_text("don");
        counter.add_text("'");
        counter.add_text("t");
        CHECK(counter.words() == 1);
    }

    SECTION("end_word separates, and is harmless when repeated") {
        counter.add_text("end");
        counter.end_word();
        counter.end_word();
        counter.add_text("start");
        CHECK(counter.words() == 2);
        counter.end_word();
        CHECK(counter.words() == 2);
    }

    SECTION("a pending joiner does not survive end_word") {
        counter.add_text("a-");
        counter.end_word();
        counter.add_text("b");
        CHECK(counter.words() == 2);
    }

    SECTION("words() can be read at any time") {
        CHECK(counter.words() == 0);
        counter.add_text("one two");
        CHECK(counter.words() == 2);
        counter.add_text("three");  // continues "two"
        CHECK(counter.words() == 2);
    }
}

TEST_CASE("text fed whole counts exactly like text fed one character per call", "[word_count]") {
    // md4c hands text over in pieces; the state kept between calls must make
    // the split invisible, for random prose-like text.
    const std::vector<std::string> others = {"Z", "0", "9", "\t", "\n", "!", "?", ";", "(", "]", "'", "-", "_",
                                             ".", ",", "@", "`", "{", "/", "\xC3\xA9", "\xE2\x80\x94"};
    std::uint32_t seed = 12345;
    auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
    for (int round = 0; round < 3000; ++round) {
        std::vector<std::string> pieces;  // one character each
        const std::size_t length = next() % 64;
        for (std::size_t i = 0; i < length; ++i) {
            // Mostly letters and spaces, like prose, so that long clean runs occur.
            const std::uint32_t r = next() % 100;
            pieces.push_back(r < 55 ? std::string(1, static_cast<char>('a' + r % 26)) : r < 75 ? " " : others[next() % others.size()]);
        }
        std::string text;
        for (const auto& piece : pieces) text += piece;
        WordCounter whole, one_by_one;
        whole.add_text(text);
        for (const auto& piece : pieces) one_by_one.add_text(piece);
        INFO(text);
        REQUIRE(whole.words() == one_by_one.words());
    }
    WordCounter prose;
    prose.add_text("The quick brown fox jumps over the lazy dog again and again 1234567 x");
    CHECK(prose.words() == 14);
}

TEST_CASE("add_text_and_escape writes what append_escaped_text writes and counts what add_text counts", "[word_count]") {
    // The writer's text goes through add_text_and_escape only, so it must escape
    // exactly like the one escaping function (html_escape.h).
    const std::vector<std::string> atoms = {"a", "Z", "7", " ", "\n", "&", "<", ">", "\"", "'", "-", ".", ",", "=",
                                            "&amp;", "<b>", "\xC3\xA9", "\xE2\x80\x94", "\xE6\x97\xA5", "\xF0\x9F\x8E\x89",
                                            "\xE2\x80\x8D", "`"};
    std::uint32_t seed = 777;
    auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
    for (int round = 0; round < 3000; ++round) {
        std::vector<std::string> pieces;
        const std::size_t count = next() % 8;
        for (std::size_t i = 0; i < count; ++i) {
            std::string piece;
            const std::size_t atoms_in_piece = next() % 6;
            for (std::size_t k = 0; k < atoms_in_piece; ++k) piece += atoms[next() % atoms.size()];
            pieces.push_back(piece);
        }
        WordCounter plain, escaping;
        blogreader::OutputBuffer expected, written;
        written.append("<p>");  // appends after what is there
        expected.append("<p>");
        std::string text;
        for (const auto& piece : pieces) {
            text += piece + "|";
            plain.add_text(piece);
            blogreader::html::append_escaped_text(expected, piece);
            escaping.add_text_and_escape(piece, written);
        }
        INFO(text);
        REQUIRE(written.view() == expected.view());
        REQUIRE(escaping.words() == plain.words());
    }
    WordCounter counter;
    blogreader::OutputBuffer out;
    counter.add_text_and_escape("Tom & \"Jerry\" <3 caf\xC3\xA9", out);
    CHECK(out.view() == "Tom &amp; &quot;Jerry&quot; &lt;3 caf\xC3\xA9");
    CHECK(counter.words() == 4);
}

TEST_CASE("every letter of the Latin, Greek and Cyrillic ranges decided without a table is a letter", "[word_count]") {
    // word_count.cpp takes these ranges for letters before its Unicode table
    // searches; check that they hold no punctuation, symbol or space (× ÷ ͵ ;
    // ΄ ΅ · ϶ ҂ and the combining marks U+0483-U+0489 stay out of them).
    const std::pair<char32_t, char32_t> ranges[] = {{0xC0, 0xD6}, {0xD8, 0xF6}, {0xF8, 0x24F}, {0x388, 0x3F5},
                                                    {0x3F7, 0x481}, {0x48A, 0x52F}};
    for (const auto& [first, last] : ranges) {
        for (char32_t cp = first; cp <= last; ++cp) {
            std::string word = "a";
            blogreader::utf8::append(word, cp);
            word += "a";
            if (count_words(word) != 1) FAIL("U+" << std::hex << static_cast<unsigned>(cp));
        }
    }
    for (const char32_t separator : {0xD7, 0xF7, 0x375, 0x37E, 0x384, 0x385, 0x3F6, 0x482}) {
        std::string two = "a";
        blogreader::utf8::append(two, separator);
        two += "a";
        CHECK(count_words(two) == 2);
    }
}

TEST_CASE("every CJK unified ideograph is a word by itself", "[word_count]") {
    // word_count.cpp decides these ranges before its Unicode table searches
    // (they hold no punctuation, symbol or space), so check every code point.
    const std::pair<char32_t, char32_t> ranges[] = {{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}};
    for (const auto& [first, last] : ranges) {
        for (char32_t cp = first; cp <= last; ++cp) {
            std::string two;
            blogreader::utf8::append(two, cp);
            blogreader::utf8::append(two, cp);
            two += "a";  // a letter after an ideograph starts a word of its own
            if (count_words(two) != 3) FAIL("U+" << std::hex << static_cast<unsigned>(cp));
        }
    }
    CHECK(count_words("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E") == 3);  // 日本語
}

TEST_CASE("reading_minutes rounds up", "[word_count]") {
    CHECK(reading_minutes(0, 200) == 0);
    CHECK(reading_minutes(1, 200) == 1);
    CHECK(reading_minutes(200, 200) == 1);
    CHECK(reading_minutes(201, 200) == 2);
    CHECK(reading_minutes(1000, 200) == 5);
    CHECK(reading_minutes(1000, 0) == 5);  // 0 means the default, 200
    CHECK(reading_minutes(0, 0) == 0);
    CHECK(reading_minutes(100, 100) == 1);
    CHECK(reading_minutes(101, 100) == 2);
    CHECK(reading_minutes(5, 1) == 5);
    CHECK(reading_minutes(static_cast<std::size_t>(-1), 1) == static_cast<unsigned>(-1));  // saturates
}

TEST_CASE("WordCounter is linear: 10 MB of text", "[word_count][slow]") {
    std::string text;
    const std::string piece = "Samenwerken, we hebben 1,000 e-mails; 日本語のテキスト 🎉\n";
    std::size_t pieces = 0;
    while (text.size() < 10 * 1024 * 1024) {
        text += piece;
        ++pieces;
    }
    WordCounter counter;
    const auto start = std::chrono::steady_clock::now();
    counter.add_text(text);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(counter.words() == pieces * 13);
    CHECK(seconds < 10.0);  // generous: well under a second natively, even with sanitizers
}
