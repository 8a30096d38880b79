/* The md4c the engine compiles (md4c_br.c, written by cmake/md4c_rewrite.cmake),
 * for test_md4c_rewrite.cpp: its UTF-8 decoders are static functions, so they
 * are reached through this translation unit of their own. md_parse is renamed
 * so that it does not clash with the engine's. */
#include <string.h>

#define md_parse br_rewritten_md_parse
#include "md4c_br.c"

unsigned br_rewritten_decode_utf8(const char* text, unsigned size, unsigned* length) {
    SZ n = 0;
    const unsigned code_point = md_decode_utf8__(text, size, &n);
    *length = n;
    return code_point;
}

unsigned br_rewritten_decode_utf8_before(const char* text, unsigned size, unsigned offset) {
    MD_CTX ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.text = text;
    ctx.size = size;
    return md_decode_utf8_before__(&ctx, offset);
}
