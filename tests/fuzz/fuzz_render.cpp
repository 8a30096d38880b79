// libFuzzer entry point for the Markdown engine: any bytes, any safe option set.
//
// Besides "no crash, no sanitizer report, no hang", it checks the promises the
// safe profiles make about their output, on every input:
//  - the HTML is valid UTF-8 and the metadata is valid JSON;
//  - no tag outside the engine's own set and the sanitizer's allow-list
//    (no script, style, iframe, object, embed, form, base, meta, link, svg, math);
//  - no on* or style attribute, no srcdoc/formaction;
//  - every element is closed, innermost first (the HTML is well nested);
//  - every href and src is http(s), mailto, relative or a fragment, as a browser
//    would parse it (entities, whitespace and case handled as the URL filter does).
// Built with clang -fsanitize=fuzzer by tests/fuzz/run.sh (run by npm test).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "../cpp/html_nesting.h"
#include "common/html_entities.h"
#include "common/json.h"
#include "common/utf8.h"
#include "markdown/render.h"
#include "markdown/url_filter.h"

using namespace blogreader;

namespace {

[[noreturn]] void fail(const char* what, std::string_view html) {
    std::fprintf(stderr, "fuzz_render: %s\n--- html ---\n%.*s\n", what, static_cast<int>(html.size()), html.data());
    std::abort();
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':';
}

constexpr std::string_view kForbiddenTags[] = {"script", "style", "iframe", "object", "embed", "form", "base",
                                               "meta", "link", "svg", "math", "frame", "frameset", "template",
                                               "textarea", "xmp", "noscript", "title", "input"};

// Scans the output as a browser's tokenizer would see its tags. The engine
// escapes '<' in text and '"' in attribute values, so every '<' followed by a
// letter or '/' starts a tag the engine meant to write.
void check_tags(std::string_view html, bool task_lists) {
    for (std::size_t i = 0; i < html.size(); ++i) {
        if (html[i] != '<' || i + 1 >= html.size()) continue;
        std::size_t p = i + 1;
        if (html[p] == '/') ++p;
        std::string name;
        while (p < html.size() && is_name_char(html[p])) name.push_back(lower(html[p++]));
        if (name.empty()) continue;
        for (std::string_view bad : kForbiddenTags) {
            // The engine's own task-list checkbox is the one <input> it writes.
            if (name == bad && !(task_lists && name == "input")) fail("forbidden tag", html);
        }
        // Attributes up to '>'.
        while (p < html.size() && html[p] != '>') {
            while (p < html.size() && (html[p] == ' ' || html[p] == '\n' || html[p] == '/')) ++p;
            std::string attr;
            while (p < html.size() && is_name_char(html[p])) attr.push_back(lower(html[p++]));
            if (attr.empty()) {
                if (p < html.size() && html[p] != '>') ++p;
                continue;
            }
            if (attr.compare(0, 2, "on") == 0 || attr == "style" || attr == "srcdoc" || attr == "formaction") {
                fail("forbidden attribute", html);
            }
            std::string value;
            if (p < html.size() && html[p] == '=') {
                ++p;
                if (p >= html.size() || html[p] != '"') fail("unquoted attribute value", html);
                const std::size_t close = html.find('"', p + 1);
                if (close == std::string_view::npos) fail("unterminated attribute value", html);
                html::append_decoded_attribute(value, html.substr(p + 1, close - p - 1));
                p = close + 1;
            }
            if ((attr == "href" || attr == "src") && !markdown::is_url_allowed(value, markdown::UrlPolicy::safe)) {
                fail("unsafe URL kept", html);
            }
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    // The first byte picks the safe options; the rest is the document.
    const std::uint8_t pick = data[0];
    markdown::RenderOptions options;
    options.profile = (pick & 1) ? markdown::Profile::comment : markdown::Profile::article;
    options.gfm = !(pick & 2);
    options.heading_anchors = (pick & 4) != 0;
    options.link_attributes = !(pick & 8);
    options.front_matter = !(pick & 16);
    options.allow_images = (pick & 32) != 0;
    options.id_prefix = (pick & 64) ? "p-" : "";
    const std::string_view markdown_text(reinterpret_cast<const char*>(data + 1), size - 1);

    static markdown::RenderResult result;  // reused, as the C ABI does
    markdown::render_markdown(markdown_text, options, result);
    const std::string_view html = result.html.view();
    if (result.status != 0) return 0;  // out of memory: incomplete output, nothing to check
    if (!utf8::is_valid(html)) fail("output is not valid UTF-8", html);
    check_tags(html, options.gfm);
    if (!testing::well_nested(html)) fail("HTML not well nested (an end tag that does not close the innermost element, or one left open)", html);

    json::Value metadata;
    json::ParseError error;
    if (!json::parse(markdown::render_metadata_json(result), metadata, error)) fail("metadata is not valid JSON", html);
    return 0;
}
