#include "common/html_escape.h"

#include <cstdint>

namespace blogreader::html {
namespace {

// One table lookup per byte; bytes outside the table pass through untouched.
template <bool kAttribute>
inline void append_escaped(std::string& out, std::string_view s) {
    const char* p = s.data();
    const char* const end = p + s.size();
    const char* run = p;
    while (p < end) {
        const char c = *p;
        const char* rep = nullptr;
        std::size_t rep_len = 0;
        switch (c) {
            case '&': rep = "&amp;"; rep_len = 5; break;
            case '<': rep = "&lt;"; rep_len = 4; break;
            case '>': rep = "&gt;"; rep_len = 4; break;
            case '"': rep = "&quot;"; rep_len = 6; break;
            case '\'': if (kAttribute) { rep = "&#39;"; rep_len = 5; } break;
            default: break;
        }
        if (rep) {
            out.append(run, static_cast<std::size_t>(p - run));
            out.append(rep, rep_len);
            run = p + 1;
        }
        ++p;
    }
    out.append(run, static_cast<std::size_t>(end - run));
}

}  // namespace

void append_escaped_text(std::string& out, std::string_view text) { append_escaped<false>(out, text); }
void append_escaped_attribute(std::string& out, std::string_view value) { append_escaped<true>(out, value); }

}  // namespace blogreader::html
