/* The md4c the engine compiles (md4c_br.c, written by cmake/md4c_rewrite.cmake),
 * for test_md4c_rewrite.cpp: its UTF-8 decoders are static functions, so they
 * are reached through this translation unit of their own. md_parse is renamed
 * so that it does not clash with the engine's. */
#include <string.h>

#define md_parse br_rewritten_md_parse
#include "md4c_br.c"

#define BR_PROBE(name) br_rewritten_##name
#include "md4c_probes.inc"
