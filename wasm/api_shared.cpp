// The C ABI functions both modules export: the input buffer and the output
// parts. Argument unpacking and buffers only; all logic is in the core.
#include "api.h"
#include "api_internal.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

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
    const char* const data = br_output_data(part);
    const std::size_t size = part == BR_OUTPUT_HTML ? g_html_size : g_json.size();
    if (gap == 0) return size;
    std::size_t end = 0;  // just after the last non-ASCII byte found; 0: none yet
    std::size_t i = start;
    while (i < size && (end == 0 || i - end <= gap)) {
        std::uint64_t bytes;  // eight ASCII bytes at a time
        if (i + 8 <= size && (std::memcpy(&bytes, data + i, 8), (bytes & 0x8080808080808080u) == 0)) {
            i += 8;
        } else if (static_cast<unsigned char>(data[i++]) >= 0x80) {
            end = i;
        }
    }
    return end != 0 && i - end > gap ? end : size;  // the gap found, or the part ends first
}

}  // extern "C"
