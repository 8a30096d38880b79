#include "markdown/unicode_tables.h"

#include "markdown/slug.h"

// kWhitespace, kPunctuation, kFolding (byte streams) and their entry counts,
// written by cmake/md4c_rewrite.cmake from md4c.c; the format is described there.
#include "unicode_tables.inc"

namespace {

// One entry of an expanded table: the range [lo, hi]; for case folding also
// the n code points that lo folds to.
struct Entry {
    unsigned lo;
    unsigned hi;
    unsigned n;
    unsigned fold[3];
};

// Expanded at first use: about 11 kB of zeroed memory, none of it in the .wasm.
Entry g_whitespace[kWhitespaceCount];
Entry g_punctuation[kPunctuationCount];
Entry g_folding[kFoldingCount];
bool g_expanded = false;

unsigned read_varint(const unsigned char*& p) {
    unsigned value = 0;
    for (unsigned shift = 0;; shift += 7) {
        const unsigned byte = *p++;
        value |= (byte & 0x7F) << shift;
        if (byte < 0x80) return value;
    }
}

void expand(const unsigned char* p, Entry* table, unsigned count, bool folding) {
    unsigned next = 0;
    for (Entry* e = table; e != table + count; ++e) {
        e->lo = next + read_varint(p);
        unsigned extent = read_varint(p);
        if (folding) {
            e->n = extent & 3;
            extent >>= 2;
            const unsigned zigzag = read_varint(p);
            e->fold[0] = e->lo + ((zigzag >> 1) ^ (0U - (zigzag & 1)));  // wraps as intended
            for (unsigned i = 1; i < e->n; ++i) e->fold[i] = read_varint(p);
        }
        e->hi = e->lo + extent;
        next = e->hi + 1;
    }
}

// The entry whose range holds cp, or null.
const Entry* find(const Entry* table, unsigned count, unsigned cp) {
    if (!g_expanded) {
        expand(kWhitespace, g_whitespace, kWhitespaceCount, false);
        expand(kPunctuation, g_punctuation, kPunctuationCount, false);
        expand(kFolding, g_folding, kFoldingCount, true);
        g_expanded = true;
    }
    unsigned begin = 0, end = count;  // the first entry with lo > cp, by bisection
    while (begin < end) {
        const unsigned middle = (begin + end) / 2;
        if (table[middle].lo <= cp) begin = middle + 1;
        else end = middle;
    }
    return begin > 0 && cp <= table[begin - 1].hi ? &table[begin - 1] : nullptr;
}

}  // namespace

// ASCII as md4c's macros have it (ISWHITESPACE_, ISPUNCT_, ISUPPER_): the
// tables hold only what lies above it.
extern "C" int br_unicode_is_whitespace(unsigned cp) {
    if (cp < 0x80) return cp == ' ' || cp == '\t' || cp == '\v' || cp == '\f';
    return find(g_whitespace, kWhitespaceCount, cp) != nullptr;
}

extern "C" int br_unicode_is_p_punctuation(unsigned cp) {
    if (cp < 0x80) return (cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126);
    return find(g_punctuation, kPunctuationCount, cp) != nullptr;
}

extern "C" int br_unicode_is_punctuation(unsigned cp) {
    // CommonMark 0.31: the symbols (S*) too (md4c_rewrite.cmake, rewrite 7).
    return br_unicode_is_p_punctuation(cp) || blogreader::markdown::detail::is_non_ascii_symbol(cp);
}

extern "C" unsigned br_unicode_case_fold(unsigned cp, unsigned folded[3]) {
    folded[0] = cp;
    if (cp < 0x80) {
        if (cp - 'A' < 26) folded[0] += 'a' - 'A';
        return 1;
    }
    const Entry* e = find(g_folding, kFoldingCount, cp);
    if (e == nullptr) return 1;
    for (unsigned i = 0; i < e->n; ++i) folded[i] = e->fold[i];
    // Within a range, md4c's rule: a first target of lo + 1 means the range
    // alternates upper and lower case; otherwise it is shifted as a whole.
    if (e->fold[0] == e->lo + 1) folded[0] = cp + ((cp & 1) == (e->lo & 1) ? 1 : 0);
    else folded[0] += cp - e->lo;
    return e->n;
}
