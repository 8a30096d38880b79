#include "common/html_entities.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "common/utf8.h"

// Records "NAME;UTF8\0", sorted by NAME (byte order), generated at configure time
// from md4c's entity.c by cmake/entity_table.cmake. One string compresses far
// better than md4c's table of structs, and an index built on first use gives
// O(log n) look-ups, so even a document made of nothing but entities stays fast.
#include "html_entity_table.inc"

namespace blogreader::html {
namespace {

struct EntityIndex {
    std::array<std::uint16_t, BR_HTML_ENTITY_COUNT> offsets{};  // table is < 64 KiB
    EntityIndex() {
        std::size_t pos = 0;
        for (auto& offset : offsets) {
            offset = static_cast<std::uint16_t>(pos);
            while (kHtmlEntityTable[pos] != '\0') ++pos;
            ++pos;
        }
    }
};

static_assert(sizeof(kHtmlEntityTable) < 65536, "entity table offsets are 16-bit");

const EntityIndex& entity_index() {
    static const EntityIndex index;
    return index;
}

std::string_view record_name(std::uint16_t offset) {
    const char* p = kHtmlEntityTable + offset;
    std::size_t n = 0;
    while (p[n] != ';') ++n;
    return {p, n};
}

bool is_ascii_alnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

void append_code_point_reference(std::string& out, std::uint32_t value) {
    // HTML: NUL, surrogates and out-of-range values become U+FFFD.
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) value = 0xFFFD;
    utf8::append(out, static_cast<char32_t>(value));
}

// Parses "#123" / "#x1F" (without '&'), returns characters consumed or 0.
std::size_t parse_numeric(std::string_view s, std::uint32_t& value) {
    if (s.size() < 2 || s[0] != '#') return 0;
    std::size_t i = 1;
    const bool hex = s[1] == 'x' || s[1] == 'X';
    if (hex) ++i;
    const std::size_t digits_from = i;
    std::uint32_t v = 0;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        unsigned d;
        if (c >= '0' && c <= '9') d = static_cast<unsigned>(c - '0');
        else if (hex && c >= 'a' && c <= 'f') d = static_cast<unsigned>(c - 'a' + 10);
        else if (hex && c >= 'A' && c <= 'F') d = static_cast<unsigned>(c - 'A' + 10);
        else break;
        // Saturate: any value past U+10FFFF is replaced anyway.
        v = v > 0x10FFFF ? v : v * (hex ? 16 : 10) + d;
    }
    if (i == digits_from) return 0;
    value = v;
    return i;
}

}  // namespace

std::string_view lookup_named_entity(std::string_view name) noexcept {
    const auto& offsets = entity_index().offsets;
    auto it = std::lower_bound(offsets.begin(), offsets.end(), name,
                               [](std::uint16_t off, std::string_view key) { return record_name(off) < key; });
    if (it == offsets.end() || record_name(*it) != name) return {};
    const char* value = kHtmlEntityTable + *it + name.size() + 1;
    std::size_t n = 0;
    while (value[n] != '\0') ++n;
    return {value, n};
}

bool append_decoded_entity(std::string& out, std::string_view entity) {
    if (entity.size() < 3 || entity.front() != '&' || entity.back() != ';') return false;
    const std::string_view body = entity.substr(1, entity.size() - 2);
    if (body[0] == '#') {
        std::uint32_t value = 0;
        if (parse_numeric(body, value) != body.size()) return false;
        append_code_point_reference(out, value);
        return true;
    }
    const std::string_view expansion = lookup_named_entity(body);
    if (expansion.empty()) return false;
    out.append(expansion);
    return true;
}

void append_decoded_attribute(std::string& out, std::string_view raw) {
    std::size_t i = 0;
    while (i < raw.size()) {
        const std::size_t amp = raw.find('&', i);
        if (amp == std::string_view::npos) break;
        out.append(raw.data() + i, amp - i);
        const std::string_view rest = raw.substr(amp + 1);
        std::uint32_t value = 0;
        if (const std::size_t used = parse_numeric(rest, value)) {
            append_code_point_reference(out, value);
            i = amp + 1 + used + (amp + 1 + used < raw.size() && raw[amp + 1 + used] == ';');
            continue;
        }
        std::size_t n = 0;
        while (n < rest.size() && n < 48 && is_ascii_alnum(rest[n])) ++n;
        if (n > 0 && n < rest.size() && rest[n] == ';') {
            const std::string_view expansion = lookup_named_entity(rest.substr(0, n));
            if (!expansion.empty()) {
                out.append(expansion);
                i = amp + n + 2;
                continue;
            }
        }
        out.push_back('&');
        i = amp + 1;
    }
    if (i < raw.size()) out.append(raw.data() + i, raw.size() - i);
}

}  // namespace blogreader::html
