// Spam and moderation signals: honeypot, timing, links, blocked words.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "comments/comment_rules.h"

using namespace blogreader::comments;

namespace {

std::vector<ModerationCode> reason_codes(const ModerationResult& result) {
    std::vector<ModerationCode> out;
    for (const ModerationReason& r : result.reasons) out.push_back(r.code);
    return out;
}

CommentInput comment(std::string_view content) {
    CommentInput input;
    input.author = "Jan";
    input.email = "jan@example.com";
    input.content = content;
    return input;
}

}  // namespace

TEST_CASE("moderation codes and verdicts have stable names", "[comments][moderation][codes]") {
    CHECK(std::string(moderation_code_name(ModerationCode::honeypot)) == "honeypot");
    CHECK(std::string(moderation_code_name(ModerationCode::too_fast)) == "too_fast");
    CHECK(std::string(moderation_code_name(ModerationCode::too_many_links)) == "too_many_links");
    CHECK(std::string(moderation_code_name(ModerationCode::blocked_word)) == "blocked_word");
    CHECK(std::string(verdict_name(Verdict::accept)) == "accept");
    CHECK(std::string(verdict_name(Verdict::hold)) == "hold");
    CHECK(std::string(verdict_name(Verdict::spam)) == "spam");
}

TEST_CASE("an ordinary comment is accepted", "[comments][moderation]") {
    ModerationOptions options;
    options.elapsed_seconds = 40;
    const ModerationResult r = moderate_comment(comment("Mooi artikel, zie https://example.com"), options);
    CHECK(r.verdict == Verdict::accept);
    CHECK(r.reasons.empty());
}

TEST_CASE("honeypot: anything in it is spam", "[comments][moderation]") {
    CommentInput input = comment("Hallo");
    input.honeypot = " ";
    const ModerationResult r = moderate_comment(input, {});
    CHECK(r.verdict == Verdict::spam);
    CHECK(reason_codes(r) == std::vector<ModerationCode>{ModerationCode::honeypot});
}

TEST_CASE("timing: sooner than minSubmitSeconds is spam", "[comments][moderation]") {
    ModerationOptions options;
    SECTION("too fast") {
        options.elapsed_seconds = 2.5;
        const ModerationResult r = moderate_comment(comment("Hallo"), options);
        CHECK(r.verdict == Verdict::spam);
        REQUIRE(reason_codes(r) == std::vector<ModerationCode>{ModerationCode::too_fast});
        CHECK(r.reasons[0].elapsed_seconds == 2.5);
        CHECK(r.reasons[0].min_seconds == 3);
    }
    SECTION("exactly the minimum is fine") {
        options.elapsed_seconds = 3;
        CHECK(moderate_comment(comment("Hallo"), options).verdict == Verdict::accept);
    }
    SECTION("no elapsed time: check skipped") {
        CHECK(moderate_comment(comment("Hallo"), options).verdict == Verdict::accept);
    }
    SECTION("configurable minimum; 0 disables") {
        options.elapsed_seconds = 4;
        options.min_submit_seconds = 5;
        CHECK(moderate_comment(comment("Hallo"), options).verdict == Verdict::spam);
        options.elapsed_seconds = 0;
        options.min_submit_seconds = 0;
        CHECK(moderate_comment(comment("Hallo"), options).verdict == Verdict::accept);
    }
}

TEST_CASE("count_links counts URLs however they are written", "[comments][moderation]") {
    const std::pair<const char*, std::size_t> cases[] = {
        {"no links here", 0},
        {"http://a.example", 1},
        {"HTTPS://A.EXAMPLE/x", 1},
        {"www.example.com", 1},
        {"see (www.example.com)", 1},
        {"http://www.example.com", 1},  // one link, not two
        {"[a](https://a.example) and <https://b.example>", 2},
        {"<a href=\"http://a.example\">a</a> <a href='https://b.example'>b</a>", 2},
        {"https://a.example https://b.example https://c.example", 3},
        {"awww.example http:/broken ftp://x", 0},
        {"email me: jan@www.example", 0},
    };
    for (const auto& c : cases) {
        CAPTURE(c.first);
        CHECK(count_links(c.first) == c.second);
    }
}

TEST_CASE("links: maxLinks or more holds the comment", "[comments][moderation]") {
    ModerationOptions options;
    CHECK(moderate_comment(comment("one https://a.example"), options).verdict == Verdict::accept);
    const ModerationResult r = moderate_comment(comment("https://a.example https://b.example"), options);
    CHECK(r.verdict == Verdict::hold);
    REQUIRE(reason_codes(r) == std::vector<ModerationCode>{ModerationCode::too_many_links});
    CHECK(r.reasons[0].count == 2);
    CHECK(r.reasons[0].max == 2);
    options.max_links = 3;
    CHECK(moderate_comment(comment("https://a.example https://b.example"), options).verdict == Verdict::accept);
    options.max_links = 0;  // disabled
    CHECK(moderate_comment(comment("http://a http://b http://c http://d"), options).verdict == Verdict::accept);
}

TEST_CASE("blocked words hold the comment, case-insensitively", "[comments][moderation]") {
    ModerationOptions options;
    options.blocked_words = {"  ", "viagra", "\xC3\x89T\xC3\x89", "spam.example"};
    SECTION("in the content, any case") {
        const ModerationResult r = moderate_comment(comment("Buy VIAGRA now"), options);
        CHECK(r.verdict == Verdict::hold);
        REQUIRE(r.reasons.size() == 1);
        CHECK(r.reasons[0].word == "viagra");
        CHECK(r.reasons[0].field == CommentField::content);
    }
    SECTION("non-ASCII letters fold too") {
        const ModerationResult r = moderate_comment(comment("Zomer: \xC3\xA9t\xC3\xA9!"), options);
        REQUIRE(r.reasons.size() == 1);
        CHECK(r.reasons[0].word == "\xC3\x89T\xC3\x89");
    }
    SECTION("in author, email and url; one reason per word, in list order") {
        CommentInput input = comment("Hallo");
        input.url = "https://SPAM.example/";
        input.author = "Viagra Jan";
        const ModerationResult r = moderate_comment(input, options);
        CHECK(r.verdict == Verdict::hold);
        REQUIRE(r.reasons.size() == 2);
        CHECK(r.reasons[0].word == "viagra");
        CHECK(r.reasons[0].field == CommentField::author);
        CHECK(r.reasons[1].word == "spam.example");
        CHECK(r.reasons[1].field == CommentField::url);
    }
    SECTION("even in a field with invalid UTF-8") {
        CHECK(moderate_comment(comment("\xFF viagra \xFE"), options).verdict == Verdict::hold);
    }
    SECTION("no match, and blank words never match") {
        CHECK(moderate_comment(comment("Een gewone reactie"), options).verdict == Verdict::accept);
    }
}

TEST_CASE("the strongest verdict wins and every reason is kept", "[comments][moderation]") {
    ModerationOptions options;
    options.elapsed_seconds = 1;
    options.blocked_words = {"casino"};
    CommentInput input = comment("casino https://a.example https://b.example");
    input.honeypot = "x";
    const ModerationResult r = moderate_comment(input, options);
    CHECK(r.verdict == Verdict::spam);
    CHECK(reason_codes(r) == std::vector<ModerationCode>{ModerationCode::honeypot, ModerationCode::too_fast,
                                                         ModerationCode::too_many_links, ModerationCode::blocked_word});
}

TEST_CASE("validate_comment checks every field and moderates", "[comments]") {
    CommentOptions options;
    CommentInput input;
    input.author = " Jan ";
    input.email = "Jan@Example.COM";
    input.content = "Hallo\r\n";
    CommentResult r = validate_comment(input, options);
    CHECK(r.valid());
    CHECK(r.field(CommentField::author).normalized == "Jan");
    CHECK(r.field(CommentField::email).normalized == "Jan@example.com");
    CHECK(r.field(CommentField::url).normalized.empty());
    CHECK(r.field(CommentField::content).normalized == "Hallo");
    CHECK(r.moderation.verdict == Verdict::accept);

    input.url = "javascript:alert(1)";
    input.honeypot = "bot";
    r = validate_comment(input, options);
    CHECK_FALSE(r.valid());
    CHECK(r.field(CommentField::url).errors.at(0).code == ErrorCode::url_scheme_not_allowed);
    CHECK(r.moderation.verdict == Verdict::spam);
}
