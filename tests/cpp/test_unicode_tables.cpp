// The Unicode tables md4c and the engine share (markdown/unicode_tables.h) are
// md4c's own, re-encoded at build time: they must answer exactly as md4c's
// original functions, compiled from the untouched md4c.c (md4c_reference.c), for
// every code point.
#include <catch2/catch.hpp>

#include "markdown/unicode_tables.h"

extern "C" {
int br_reference_is_whitespace(unsigned code_point);
int br_reference_is_punctuation(unsigned code_point);
unsigned br_reference_case_fold(unsigned code_point, unsigned folded[3]);
}

namespace {

// Beyond U+10FFFF md4c's search still answers (no table reaches there); ours must agree.
constexpr unsigned kLast = 0x110100;

TEST_CASE("white space and punctuation: the same answer as md4c for every code point", "[unicode]") {
    unsigned whitespace = 0, punctuation = 0, mismatches = 0;
    for (unsigned cp = 0; cp <= kLast; ++cp) {
        const bool ws = br_unicode_is_whitespace(cp) != 0;
        const bool punct = br_unicode_is_punctuation(cp) != 0;
        if (ws != (br_reference_is_whitespace(cp) != 0) || punct != (br_reference_is_punctuation(cp) != 0)) {
            if (++mismatches <= 10) FAIL_CHECK("code point " << cp << ": whitespace " << ws << ", punctuation " << punct);
        }
        whitespace += ws;
        punctuation += punct;
    }
    CHECK(mismatches == 0);
    // The tables are really there (a broken stream that answered "no" everywhere
    // would agree with md4c only by accident): counts of md4c 0.4.8's tables.
    CHECK(whitespace == 4 + 16);    // tab, VT, FF, space; the 16 of category Zs above ASCII
    CHECK(punctuation > 32 + 700);  // ASCII punctuation and symbols; Unicode P*
    CHECK(br_unicode_is_punctuation(0x2014));  // em dash
    CHECK(br_unicode_is_whitespace(0x3000));   // ideographic space
    CHECK_FALSE(br_unicode_is_punctuation(0xE9));
}

TEST_CASE("case folding: the same code points as md4c for every code point", "[unicode]") {
    unsigned changed = 0, multiple = 0, mismatches = 0;
    for (unsigned cp = 0; cp <= kLast; ++cp) {
        unsigned ours[3] = {0, 0, 0}, theirs[3] = {0, 0, 0};
        const unsigned n = br_unicode_case_fold(cp, ours);
        const unsigned m = br_reference_case_fold(cp, theirs);
        if (n != m || ours[0] != theirs[0] || (n > 1 && ours[1] != theirs[1]) || (n > 2 && ours[2] != theirs[2])) {
            if (++mismatches <= 10) FAIL_CHECK("code point " << cp << ": " << n << " code points, first " << ours[0] << " (md4c: " << m << ", " << theirs[0] << ")");
        }
        changed += n != 1 || ours[0] != cp;
        multiple += n > 1;
    }
    CHECK(mismatches == 0);
    CHECK(changed > 1400);   // md4c 0.4.8 folds about 1,500 code points...
    CHECK(multiple == 104);  // ...104 of them to two or three
    unsigned folded[3];
    REQUIRE(br_unicode_case_fold(0x1E9E, folded) == 2);  // ẞ -> ss (CommonMark example 540)
    CHECK((folded[0] == 's' && folded[1] == 's'));
    REQUIRE(br_unicode_case_fold(0x0130, folded) == 2);  // İ -> i + combining dot
    CHECK((folded[0] == 'i' && folded[1] == 0x0307));
    REQUIRE(br_unicode_case_fold(0x0100, folded) == 1);  // an alternating range: Ā -> ā
    CHECK(folded[0] == 0x0101);
    REQUIRE(br_unicode_case_fold(0x0101, folded) == 1);  // ā stays
    CHECK(folded[0] == 0x0101);
    REQUIRE(br_unicode_case_fold(0x0410, folded) == 1);  // a shifted range: А -> а
    CHECK(folded[0] == 0x0430);
}

}  // namespace
