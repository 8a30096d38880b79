// The C ABI of blog-reader-comments.wasm: comment validation and the form's
// texts. Argument unpacking only; all logic is in the core (comments/comment_api.h).
#include "api.h"
#include "api_internal.h"

#include <string>

#include "comments/comment_api.h"

namespace {

int json_status(const std::string& json) {
    // The comment API reports a malformed request as {"error":...} at the top level.
    return json.compare(0, 9, "{\"error\":") == 0 ? BR_ERROR_BAD_REQUEST : BR_OK;
}

}  // namespace

extern "C" {

int br_validate_comment(const char* request_json, size_t request_size, const char* field_bytes,
                        size_t field_bytes_size) {
    using blogreader::abi::view;
    std::string& json = blogreader::abi::json_output();
    json = blogreader::comments::validate_comment_request(view(request_json, request_size),
                                                          view(field_bytes, field_bytes_size));
    return json_status(json);
}

int br_validate_field(const char* field_name, size_t field_name_size, const char* value, size_t value_size,
                      const char* options_json, size_t options_size) {
    using blogreader::abi::view;
    std::string& json = blogreader::abi::json_output();
    json = blogreader::comments::validate_field_request(view(field_name, field_name_size), view(value, value_size),
                                                        view(options_json, options_size));
    return json_status(json);
}

int br_form_messages(const char* options_json, size_t options_size) {
    std::string& json = blogreader::abi::json_output();
    json = blogreader::comments::form_messages_request(blogreader::abi::view(options_json, options_size));
    return json_status(json);
}

}  // extern "C"
