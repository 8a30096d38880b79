/*
 * blog-reader-wasm C ABI: every function the WebAssembly module exports.
 *
 * This header is the reference for the boundary between the C++ core and
 * JavaScript (web/src/wasm.js is the only JS module that calls it). The export
 * list the build uses is wasm/exports.txt; tests/js/abi.test.js checks that it,
 * this header, the built modules and the JS constants agree.
 *
 * Two modules, built from the same core (cmake/wasm.cmake):
 *  - blog-reader.wasm: the shared functions and br_render_markdown;
 *  - blog-reader-comments.wasm: the shared functions and the comment functions.
 * Each has its own memory, input buffer and output parts.
 *
 * Conventions
 *  - Strings cross as UTF-8 pointer + length, never NUL-terminated. Input is
 *    written by JS into the buffer br_input_buffer() returns.
 *  - Output stays in buffers the C++ side owns, read with br_output_data() and
 *    br_output_end(); it is valid until the next call of any br_* function, so
 *    JS decodes it at once.
 *  - No C++ exception and no C++ object crosses the boundary. Functions return a
 *    status (BR_OK or a negative BR_ERROR_*); details are data in the JSON output.
 */
#ifndef BLOG_READER_API_H
#define BLOG_READER_API_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__EMSCRIPTEN__)
#define BR_API __attribute__((used, visibility("default")))
#else
#define BR_API
#endif

/* ABI version: bumped on any incompatible change of this header. */
#define BR_ABI_VERSION 2

/* ---- status codes --------------------------------------------------------- */
#define BR_OK 0
#define BR_ERROR_OUT_OF_MEMORY (-1)   /* md4c or the writer could not allocate */
#define BR_ERROR_BAD_REQUEST (-2)     /* malformed JSON or argument; BR_OUTPUT_JSON holds {"error":{code,message}} */

/* ---- output parts, for br_output_data / br_output_end --------------------- */
#define BR_OUTPUT_HTML 0   /* the HTML of the last br_render_markdown (empty in blog-reader-comments.wasm) */
#define BR_OUTPUT_JSON 1   /* the JSON of the last call (metadata, validation result, messages) */

/* ---- br_render_markdown flags (bit mask; 0 = safe article defaults) ------- */
#define BR_RENDER_COMMENT_PROFILE 0x0001      /* a stranger's comment: HTML as text, rel=nofollow ugc, no images, no ids */
#define BR_RENDER_NO_GFM 0x0002               /* plain CommonMark: no tables, strikethrough, task lists, autolinks */
#define BR_RENDER_NO_HEADING_IDS 0x0004       /* no id="slug" on headings */
#define BR_RENDER_HEADING_ANCHORS 0x0008      /* a self-link <a class="heading-anchor"> in each heading */
#define BR_RENDER_NO_LINK_ATTRIBUTES 0x0010   /* no rel/loading/decoding/task-list classes (plain CommonMark HTML) */
#define BR_RENDER_NO_FRONT_MATTER 0x0020      /* a leading '---' block is Markdown, not front matter */
#define BR_RENDER_COMMENT_IMAGES 0x0040       /* comment profile: show images */
#define BR_RENDER_UNSAFE_RAW_HTML 0x0100      /* UNSAFE: raw HTML verbatim, unsanitized */
#define BR_RENDER_UNSAFE_ANY_URL_SCHEME 0x0200 /* UNSAFE: keep javascript:, data: and every other URL scheme */

/* ---- comment fields, for br_validate_field -------------------------------- */
/* Fields are named by string ("author", "email", "url", "content"). */

/* ---- shared: exported by both modules ------------------------------------ */

/* Returns BR_ABI_VERSION. */
BR_API int br_abi_version(void);

/* Returns a buffer of at least `size` bytes for the next call's input. The
 * buffer may move (and WebAssembly memory may grow) on each call: re-read
 * memory views afterwards. Returns NULL when memory is exhausted. */
BR_API char* br_input_buffer(size_t size);

/* Start of an output part (BR_OUTPUT_*) of the last call. */
BR_API const char* br_output_data(int part);

/* With gap 0: the size of an output part (BR_OUTPUT_*) of the last call, in
 * bytes. Otherwise where to end the piece of it that starts at byte `start`
 * (at most the size), for a TextDecoder to decode piece by piece: just after
 * the first run of non-ASCII bytes from `start` that no other non-ASCII byte
 * follows within `gap` bytes, or at the part's end. Decoding such pieces one
 * by one gives the same string as decoding the whole part (a piece never ends
 * inside a character: an ASCII byte or the end follows it), and in Node it is
 * faster: V8's decoder runs its fast ASCII loop only up to the first non-ASCII
 * byte it is given, and decodes the rest character by character. */
BR_API size_t br_output_end(int part, size_t start, size_t gap);

/* ---- blog-reader.wasm ------------------------------------------------------ */

/* Renders Markdown (bytes [markdown, markdown + markdown_size), any bytes:
 * invalid UTF-8 and U+0000 become U+FFFD) to HTML.
 *  flags: BR_RENDER_* bits.
 *  toc_levels: bit n set = headings of level n (1..6) go into the table of contents.
 *  words_per_minute: for the reading time; 0 = 200.
 *  id_prefix: prepended to heading ids (may be empty).
 * Output: BR_OUTPUT_HTML, and BR_OUTPUT_JSON = {"toc":[{"level","id","text"}],
 *   "meta":{front matter}, "words", "readingMinutes", "warnings":[{"line","code","message"}],
 *   "replacedInvalid", "status"}.
 * Returns BR_OK, or BR_ERROR_OUT_OF_MEMORY (md4c or the HTML buffer could not
 * grow; the HTML is then incomplete). */
BR_API int br_render_markdown(const char* markdown, size_t markdown_size, unsigned flags, unsigned toc_levels,
                              unsigned words_per_minute, const char* id_prefix, size_t id_prefix_size);

/* ---- blog-reader-comments.wasm --------------------------------------------- */

/* Validates a whole comment. request_json (UTF-8 JSON):
 *   {"fields": {"author": [offset, length], "email": [...], "url": [...], "content": [...], "honeypot": [...]},
 *    "options": {...}}
 * where each field is a byte range of field_bytes (raw bytes: invalid UTF-8 is
 * reported as such, never repaired). Options and the result are documented in
 * wasm/comments/comment_api.h. Output: BR_OUTPUT_JSON. Returns BR_OK (an invalid
 * comment is a result, not an error) or BR_ERROR_BAD_REQUEST. */
BR_API int br_validate_comment(const char* request_json, size_t request_size, const char* field_bytes,
                               size_t field_bytes_size);

/* Validates one field ("author", "email", "url" or "content"; raw bytes) for
 * live checks as the reader types. Output: BR_OUTPUT_JSON. */
BR_API int br_validate_field(const char* field_name, size_t field_name_size, const char* value, size_t value_size,
                             const char* options_json, size_t options_size);

/* The comment form's texts in the resolved language, overrides applied:
 * BR_OUTPUT_JSON = {"locale":"nl","messages":{...}}. */
BR_API int br_form_messages(const char* options_json, size_t options_size);

#ifdef __cplusplus
}
#endif

#endif /* BLOG_READER_API_H */
