/*
 * md4c 0.4.8 with its own HTML renderer, md4c-html, exactly as released (none
 * of cmake/md4c_rewrite.cmake's rewrites), built for speed (-O3, LTO, bulk
 * memory): the "careful Emscripten build of md4c + md4c-html" that issue 2's
 * speed goal takes its orientation from. bench/ceiling.mjs times it against
 * our engine and md4w-fast, with the same kind of loader as ours (encodeInto the
 * input; the output decoded in one call, in Node in the pieces ours decodes).
 * Not shipped; built only by `npm run bench`.
 */
#include <stdlib.h>
#include <string.h>

#include <md4c-html.h>

static char* input;
static size_t input_capacity;
static char* output;
static size_t output_size, output_capacity;

static void append(const MD_CHAR* text, MD_SIZE size, void* user) {
    (void)user;
    if (output_size + size > output_capacity) {
        output_capacity = (output_size + size) * 2;
        output = realloc(output, output_capacity);
        if (output == NULL) abort();
    }
    memcpy(output + output_size, text, size);
    output_size += size;
}

/* A buffer of at least `size` bytes for the Markdown, kept between calls. */
__attribute__((used)) char* md4c_html_input(size_t size) {
    if (size > input_capacity) {
        free(input);
        input = malloc(size);
        if (input == NULL) abort();
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

/* The loader's decoding pieces, exactly as our engine's br_output_end cuts them
 * (wasm/api_shared.cpp), so that md4c-html is timed with the same loader. */
__attribute__((used)) size_t md4c_html_piece_end(size_t start, size_t gap) {
    size_t end = 0, i = start;
    while (i < output_size && (end == 0 || i - end <= gap)) {
        unsigned long long bytes;
        if (i + 8 <= output_size && (memcpy(&bytes, output + i, 8), (bytes & 0x8080808080808080ull) == 0)) i += 8;
        else if ((unsigned char)output[i++] >= 0x80) end = i;
    }
    return end != 0 && i - end > gap ? end : output_size;
}
