/*
 * The speed ceiling of any md4c-based renderer in WebAssembly: md4c 0.4.8 parsing
 * with callbacks that do nothing, built exactly like blog-reader.wasm (same
 * md4c_unit.c, flags and Emscripten settings). bench/ceiling.mjs times it against
 * the full engine and md4w. Not shipped; built only by `npm run bench`.
 */
#include <stdlib.h>

#include <md4c.h>

static int on_block(MD_BLOCKTYPE type, void* detail, void* user) { (void)type; (void)detail; (void)user; return 0; }
static int on_span(MD_SPANTYPE type, void* detail, void* user) { (void)type; (void)detail; (void)user; return 0; }
static int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* user) {
    (void)type; (void)text;
    *(size_t*)user += size;  /* keeps the parse from being optimized away */
    return 0;
}

static char* input;

__attribute__((used)) char* ceiling_input(size_t size) {
    free(input);
    input = malloc(size ? size : 1);
    return input;
}

/* Parses with the flags of the article profile (GFM on). Returns the text bytes seen. */
__attribute__((used)) size_t ceiling_parse(size_t size) {
    MD_PARSER parser = {0};
    parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS | MD_FLAG_PERMISSIVEAUTOLINKS;
    parser.enter_block = on_block;
    parser.leave_block = on_block;
    parser.enter_span = on_span;
    parser.leave_span = on_span;
    parser.text = on_text;
    size_t seen = 0;
    md_parse(input, (MD_SIZE)size, &parser, &seen);
    return seen;
}
