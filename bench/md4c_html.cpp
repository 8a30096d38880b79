/*
 * md4c 0.4.8 with its own HTML renderer, md4c-html, exactly as released (none
 * of cmake/md4c_rewrite.cmake's rewrites), built for speed (-O3, LTO, bulk
 * memory): the "careful Emscripten build of md4c + md4c-html" that issue 2's
 * speed goal takes its orientation from. bench/ceiling.mjs times it against
 * our engine and md4w-fast, with the same kind of loader as ours (encodeInto the
 * input; the output decoded in one call, in Node in the pieces ours decodes;
 * bench/md4c-html-engine.mjs). C++ only to share that rule (common/utf8.h).
 * Not shipped; built only by `npm run bench`.
 */
#include <cstdlib>
#include <cstring>

#include <md4c-html.h>

#include "common/utf8.h"

namespace {

char* input;
size_t input_capacity;
char* output;
size_t output_size, output_capacity;

void append(const MD_CHAR* text, MD_SIZE size, void*) {
    if (output_size + size > output_capacity) {
        output_capacity = (output_size + size) * 2;
        output = static_cast<char*>(std::realloc(output, output_capacity));
        if (output == nullptr) std::abort();
    }
    std::memcpy(output + output_size, text, size);
    output_size += size;
}

}  // namespace

extern "C" {

/* A buffer of at least `size` bytes for the Markdown, kept between calls. */
__attribute__((used)) char* md4c_html_input(size_t size) {
    if (size > input_capacity) {
        std::free(input);
        input = static_cast<char*>(std::malloc(size));
        if (input == nullptr) std::abort();
        input_capacity = size;
    }
    return input;
}

/* Renders the input's first `size` bytes with the article profile's Markdown
 * flags (GFM on, as bench/md4c_ceiling.c); returns the HTML's length in bytes. */
__attribute__((used)) size_t md4c_html_render(size_t size) {
    output_size = 0;
    md_html(input, (MD_SIZE)size, append, NULL,
            MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS | MD_FLAG_PERMISSIVEAUTOLINKS, 0);
    return output_size;
}

/* Where the HTML of the last render starts. */
__attribute__((used)) const char* md4c_html_output(void) { return output; }

/* The loader's decoding pieces of any bytes in this module's memory (its
 * output, or what bench/ceiling.mjs copies into the input buffer), cut by the
 * engine's own rule (blogreader::utf8::decode_piece_end, as br_output_end). */
__attribute__((used)) size_t md4c_html_piece_end(const char* data, size_t size, size_t start, size_t gap) {
    return blogreader::utf8::decode_piece_end(data, size, start, gap);
}

}  // extern "C"
