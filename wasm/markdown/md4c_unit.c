/* md4c, compiled as one translation unit, so that the parser features no profile
 * of ours uses can be compiled out (below). The md4c.c included is the one
 * cmake/md4c_rewrite.cmake writes from the verified Debian source tarball (see
 * cmake/md4c.cmake): md4c's code, with its Unicode tables moved to
 * unicode_tables.cpp (which our slugs and word counts use too), and four more
 * rewrites for input we never give it and results we never return. */
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
/* md4c.c as cmake/md4c_rewrite.cmake writes it into the build tree: the
 * verified source with its Unicode tables moved to unicode_tables.cpp, its debug
 * log and callback-failure tests compiled out, and no handling of U+0000 in code
 * blocks or of invalid UTF-8 in its decoders (the renderer repairs both first). */
#include "md4c_br.c"
