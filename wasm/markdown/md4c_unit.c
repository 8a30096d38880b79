/* md4c, compiled as one translation unit with our three accessors to its static
 * Unicode tables. Including the .c file (unpacked from the verified Debian source
 * tarball into the build tree; see cmake/md4c.cmake) is deliberate: it lets the
 * slug and word-count code share md4c's tables instead of carrying a copy. */
#include "md4c.h"
/* Parser features no profile of ours turns on (render.cpp sets the flags) are
 * made compile-time zero here, before md4c.c sees them, so that the compiler
 * drops their code: wiki links, LaTeX math spans, underline, whitespace
 * collapsing, permissive ATX headers, no-indented-code. md4c.c tests every one
 * as `flags & MD_FLAG_X`; with the macro 0 that test is constant false. */
#undef MD_FLAG_COLLAPSEWHITESPACE
#define MD_FLAG_COLLAPSEWHITESPACE 0
#undef MD_FLAG_PERMISSIVEATXHEADERS
#define MD_FLAG_PERMISSIVEATXHEADERS 0
#undef MD_FLAG_NOINDENTEDCODEBLOCKS
#define MD_FLAG_NOINDENTEDCODEBLOCKS 0
#undef MD_FLAG_LATEXMATHSPANS
#define MD_FLAG_LATEXMATHSPANS 0
#undef MD_FLAG_WIKILINKS
#define MD_FLAG_WIKILINKS 0
#undef MD_FLAG_UNDERLINE
#define MD_FLAG_UNDERLINE 0
#include "md4c.c"
#include "md4c_unicode.h"

int br_unicode_is_punctuation(unsigned code_point) { return md_is_unicode_punct__(code_point); }

int br_unicode_is_whitespace(unsigned code_point) { return md_is_unicode_whitespace__(code_point); }

unsigned br_unicode_case_fold(unsigned code_point, unsigned folded[3]) {
    MD_UNICODE_FOLD_INFO info;
    md_get_unicode_fold_info(code_point, &info);
    for (unsigned i = 0; i < info.n_codepoints; i++) folded[i] = info.codepoints[i];
    return info.n_codepoints;
}
