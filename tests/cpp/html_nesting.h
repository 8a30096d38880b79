// Whether the engine's HTML is well nested: every end tag closes the innermost
// open element and all are closed at the end, so a browser builds exactly the
// tree the writer and the sanitizer meant (raw HTML can close neither the
// engine's elements nor, through them, the page's). Only for the engine's
// output, whose '<' in text and '"' in attribute values are escaped. Used by
// test_render.cpp and tests/fuzz/fuzz_render.cpp.
#pragma once

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace blogreader::testing {

inline bool well_nested(std::string_view html) {
    static constexpr std::string_view kVoid[] = {"br", "col", "hr", "img", "input", "wbr"};
    std::vector<std::string> open;
    for (std::size_t i = html.find('<'); i != std::string_view::npos; i = html.find('<', i + 1)) {
        std::size_t p = i + 1;
        const bool end_tag = p < html.size() && html[p] == '/';
        if (end_tag) ++p;
        std::size_t name_end = p;
        while (name_end < html.size() && ((html[name_end] >= 'a' && html[name_end] <= 'z') ||
                                          (html[name_end] >= '0' && html[name_end] <= '9'))) {
            ++name_end;
        }
        const std::string name(html.substr(p, name_end - p));
        if (name.empty()) continue;
        if (end_tag) {
            if (open.empty() || open.back() != name) return false;
            open.pop_back();
        } else if (std::find(std::begin(kVoid), std::end(kVoid), name) == std::end(kVoid)) {
            open.push_back(name);
        }
    }
    return open.empty();
}

}  // namespace blogreader::testing
