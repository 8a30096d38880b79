// The C ABI functions both modules export: the input buffer and the output
// parts. Argument unpacking and buffers only; all logic is in the core.
#include "api.h"
#include "api_internal.h"

#include <cstdlib>
#include <string>

#include "common/utf8.h"

namespace {

// Owned here and valid until the next call of any br_* function. The input is
// a plain malloc() block, not a std::string: resizing a string zero-fills it
// (10 MB of writes the caller overwrites at once), and its allocation failure
// aborts (no exceptions), where br_input_buffer() promises NULL.
char* g_input = nullptr;
std::size_t g_input_capacity = 0;
std::string g_json;
const char* g_html = "";
std::size_t g_html_size = 0;

}  // namespace

namespace blogreader::abi {

std::string& json_output() { return g_json; }

void set_html_output(const char* data, std::size_t size) {
    g_html = data;
    g_html_size = size;
}

}  // namespace blogreader::abi

extern "C" {

int br_abi_version(void) { return BR_ABI_VERSION; }

char* br_input_buffer(size_t size) {
    if (size == 0) size = 1;  // a valid pointer even for empty input
    if (g_input_capacity < size) {
        std::free(g_input);  // the old contents are not needed: the caller rewrites them
        g_input = static_cast<char*>(std::malloc(size));
        g_input_capacity = g_input != nullptr ? size : 0;
    }
    return g_input;
}

const char* br_output_data(int part) { return part == BR_OUTPUT_HTML ? g_html : g_json.data(); }

size_t br_output_end(int part, size_t start, size_t gap) {
    const std::size_t size = part == BR_OUTPUT_HTML ? g_html_size : g_json.size();
    return blogreader::utf8::decode_piece_end(br_output_data(part), size, start, gap);
}

}  // extern "C"
