// libFuzzer entry point for the comment validator: the raw request and field
// bytes a server might receive. It must never crash, hang or trip a sanitizer,
// must always answer with valid JSON, and a value it accepts must pass the same
// rules again after normalization (what is stored is what was checked).
// Built with clang -fsanitize=fuzzer by tests/fuzz/run.sh (run by npm test).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "comments/comment_api.h"
#include "common/json.h"

using namespace blogreader;

namespace {

[[noreturn]] void fail(const char* what, std::string_view detail) {
    std::fprintf(stderr, "fuzz_comments: %s\n%.*s\n", what, static_cast<int>(detail.size()), detail.data());
    std::abort();
}

json::Value parse_or_fail(const std::string& text) {
    json::Value value;
    json::ParseError error;
    if (!json::parse(text, value, error)) fail("response is not valid JSON", text);
    return value;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    static const char* const kFields[] = {"author", "email", "url", "content"};

    // 1. One field, raw bytes, through the live-check entry point.
    const char* field = kFields[data[0] % 4];
    const std::string_view value = bytes.substr(1);
    const json::Value result = parse_or_fail(comments::validate_field_request(field, value, R"({"locale":["nl"]})"));
    const json::Value* valid = result.find("valid");
    if (!valid || !valid->is_bool()) fail("no \"valid\" in the field response", value);
    if (valid->as_bool()) {
        const json::Value* normalized = result.find("normalized");
        if (!normalized || !normalized->is_string()) fail("a valid field without a normalized value", value);
        const json::Value again = parse_or_fail(comments::validate_field_request(field, normalized->as_string(), "{}"));
        if (!again.find("valid")->as_bool()) fail("the normalized value fails the rules it passed", normalized->as_string());
    }

    // 2. The same bytes as a whole request: JSON of any shape must be refused cleanly.
    parse_or_fail(comments::validate_comment_request(value, value));
    return 0;
}
