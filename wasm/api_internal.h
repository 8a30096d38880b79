// Shared state of the C ABI files (api_shared.cpp, api_markdown.cpp,
// api_comments.cpp); not part of the ABI. Each .wasm module links the shared
// part and its own functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace blogreader::abi {

/// The BR_OUTPUT_JSON part: the caller assigns the JSON text of its result.
std::string& json_output();

/// Points the BR_OUTPUT_HTML part at a buffer that stays valid until the next call.
void set_html_output(const char* data, std::size_t size);

/// A (pointer, size) argument as a view; a null pointer with size 0 is the empty string.
inline std::string_view view(const char* data, std::size_t size) {
    return size ? std::string_view(data, size) : std::string_view();
}

}  // namespace blogreader::abi
