// The C ABI functions both modules export: the input buffer and the output
// parts. Argument unpacking and buffers only; all logic is in the core.
#include "api.h"
#include "api_internal.h"

#include <string>

namespace {

// Owned here and valid until the next call of any br_* function.
std::string g_input;
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
    if (g_input.size() < size) {
        g_input.clear();
        g_input.shrink_to_fit();
        g_input.resize(size);
    }
    return g_input.data();
}

const char* br_output_data(int part) { return part == BR_OUTPUT_HTML ? g_html : g_json.data(); }

size_t br_output_size(int part) { return part == BR_OUTPUT_HTML ? g_html_size : g_json.size(); }

}  // extern "C"
