#include "common/html_entities.h"

#include <array>
#include <cstdint>

#include "common/ascii.h"
#include "common/hash.h"
#include "common/html_escape.h"
#include "common/utf8.h"

// The names the engine decodes, as a compact stream generated at configure time
// from md4c's entity.c by cmake/entity_table.cmake (which says which names are
// kept, and why, and how the stream is encoded: sorted by code point, deltas).
// At first use it is expanded into records "NAME;UTF8\0" (a legacy name's, one
// a browser decodes even without ';', ends in "\1"), with a hash index over
// them that keeps look-ups O(1), so even a document made of nothing but
// entities stays fast.
#include "html_entity_table.inc"

namespace blogreader::html {
namespace {

// '\0' ends a record, '\1' a legacy name's record; UTF-8 never has either byte.
bool is_record_end(char c) { return c == '\0' || c == '\1'; }

// One value of the stream: 1-3 bytes, all >= 0x80 (cmake/entity_table.cmake).
char32_t read_stream_value(const unsigned char*& p) {
    const unsigned lead = *p++;
    const unsigned more = lead < 0xC0 ? 0 : lead < 0xE0 ? 1 : 2;
    char32_t value = lead & (0x3Fu >> more);
    for (unsigned i = 0; i < more; ++i) value = (value << 6) | (*p++ & 0x3Fu);
    return value;
}

// The expanded records and an open-addressing hash table of their offsets
// (+1; 0 is a free slot), built on first use: about one name comparison per
// look-up. A binary search over the sorted records took ~3 % of a render in
// WASM (the legacy-prefix check looks up several prefixes per unknown name).
struct EntityTable {
    static constexpr std::size_t kSlots = 2048;  // a power of two, at most half full
    static_assert(BR_HTML_ENTITY_COUNT * 2 <= kSlots, "grow kSlots with the table");
    static_assert(BR_HTML_ENTITY_RECORD_BYTES < 65535, "record offsets (+1) are 16-bit");
    char records[BR_HTML_ENTITY_RECORD_BYTES];
    std::array<std::uint16_t, kSlots> slots{};

    std::string_view name_at(std::size_t offset) const {
        const char* p = records + offset;
        std::size_t n = 0;
        while (p[n] != ';') ++n;
        return {p, n};
    }

    EntityTable() {
        const auto* p = reinterpret_cast<const unsigned char*>(kHtmlEntityStream);
        const auto* const end = p + sizeof(kHtmlEntityStream) - 1;
        std::size_t pos = 0;
        char32_t code_point = 0;
        while (p < end) {
            code_point += read_stream_value(p);
            const std::size_t offset = pos;
            while (*p != ';' && *p != ':') records[pos++] = static_cast<char>(*p++);
            const bool legacy = *p++ == ':';
            records[pos++] = ';';
            pos += utf8::encode(code_point, records + pos);
            if (p < end && *p == '+') {
                ++p;
                pos += utf8::encode(read_stream_value(p), records + pos);
            }
            records[pos++] = legacy ? '\1' : '\0';
            std::size_t slot = fnv1a(name_at(offset)) & (kSlots - 1);
            while (slots[slot] != 0) slot = (slot + 1) & (kSlots - 1);
            slots[slot] = static_cast<std::uint16_t>(offset + 1);
        }
    }
};

const EntityTable& entity_table() {
    static const EntityTable table;
    return table;
}

// The longest WHATWG name, "CounterClockwiseContourIntegral", has 31 characters.
constexpr std::size_t kMaxNameLength = 32;

// HTML: NUL, surrogates and out-of-range values become U+FFFD. Returns the
// number of UTF-8 bytes written.
std::size_t encode_code_point_reference(std::uint32_t value, char (&out)[8]) {
    // The HTML tokenizer reads &#128;-&#159; as Windows-1252 ("&#150;" is an
    // en dash): raw HTML gets that (found by review: it gave C1 controls), and
    // so does Markdown text, where CommonMark's letter would give U+0096, a
    // control character no reader sees, for what the author wrote as a dash.
    static constexpr std::uint16_t kWindows1252[32] = {
        0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
    if (value >= 0x80 && value <= 0x9F) value = kWindows1252[value - 0x80];
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) value = 0xFFFD;
    return utf8::encode(static_cast<char32_t>(value), out);
}

// Parses "#123" / "#x1F" (without '&'), returns characters consumed or 0.
std::size_t parse_numeric(std::string_view s, std::uint32_t& value) {
    if (s.size() < 2 || s[0] != '#') return 0;
    std::size_t i = 1;
    const int radix = s[1] == 'x' || s[1] == 'X' ? 16 : 10;
    if (radix == 16) ++i;
    const std::size_t digits_from = i;
    std::uint32_t v = 0;
    for (; i < s.size(); ++i) {
        const int d = ascii_hex_value(s[i]);
        if (d < 0 || d >= radix) break;
        // Saturate: any value past U+10FFFF is replaced anyway.
        v = v > 0x10FFFF ? v : v * static_cast<std::uint32_t>(radix) + static_cast<std::uint32_t>(d);
    }
    if (i == digits_from) return 0;
    value = v;
    return i;
}

// The record of `name`, or nullptr. Its expansion starts after "NAME;".
const char* find_record(std::string_view name) noexcept {
    if (name.empty()) return nullptr;
    const EntityTable& table = entity_table();
    constexpr std::size_t kMask = EntityTable::kSlots - 1;
    for (std::size_t slot = fnv1a(name) & kMask; table.slots[slot] != 0; slot = (slot + 1) & kMask) {
        const std::size_t offset = table.slots[slot] - 1u;
        if (table.records[offset] == name[0] && table.name_at(offset) == name) return table.records + offset;
    }
    return nullptr;
}

}  // namespace

std::string_view lookup_named_entity(std::string_view name) noexcept {
    const char* record = find_record(name);
    if (record == nullptr) return {};
    const char* value = record + name.size() + 1;
    std::size_t n = 0;
    while (!is_record_end(value[n])) ++n;
    return {value, n};
}

namespace {

// The longest legacy name `s` starts with: its length (0: none), and its
// expansion in `expansion`.
std::size_t find_legacy_prefix(std::string_view s, std::string_view& expansion) noexcept {
    // Legacy names have 2 ("lt") to 6 ("frac12") characters.
    for (std::size_t n = s.size() < 6 ? s.size() : 6; n >= 2; --n) {
        const std::string_view value = lookup_named_entity(s.substr(0, n));
        if (!value.empty() && value.data()[value.size()] == '\1') {
            expansion = value;
            return n;
        }
    }
    return 0;
}

}  // namespace

std::size_t legacy_prefix_length(std::string_view s) noexcept {
    std::string_view expansion;
    return find_legacy_prefix(s, expansion);
}

bool append_decoded_entity(std::string& out, std::string_view entity) {
    if (entity.size() < 3 || entity.front() != '&' || entity.back() != ';') return false;
    const std::string_view body = entity.substr(1, entity.size() - 2);
    if (body[0] == '#') {
        std::uint32_t value = 0;
        if (parse_numeric(body, value) != body.size()) return false;
        char bytes[8];
        out.append(bytes, encode_code_point_reference(value, bytes));
        return true;
    }
    const std::string_view expansion = lookup_named_entity(body);
    if (expansion.empty()) return false;
    out.append(expansion);
    return true;
}

bool may_write_reference_verbatim(std::string_view entity) noexcept {
    if (entity.size() < 3 || entity.size() > kMaxNameLength + 2 || entity.front() != '&' || entity.back() != ';') {
        return false;
    }
    const std::string_view name = entity.substr(1, entity.size() - 2);
    if (!is_ascii_alpha(name[0])) return false;
    for (const char c : name) {
        if (!is_ascii_alnum(c)) return false;
    }
    return legacy_prefix_length(name) == 0;
}

namespace {

// Reads one reference at raw[amp] == '&'. Returns the bytes it covers (0: the
// '&' is literal text); `decoded` gets its UTF-8, or stays empty for an unknown
// name, which the caller passes on as written.
std::size_t read_reference(std::string_view raw, std::size_t amp, ReferenceContext context, char (&decoded)[8],
                           std::string_view& expansion) {
    const std::string_view rest = raw.substr(amp + 1);
    expansion = {};
    std::uint32_t value = 0;
    if (const std::size_t used = parse_numeric(rest, value)) {
        expansion = std::string_view(decoded, encode_code_point_reference(value, decoded));
        return 1 + used + (used < rest.size() && rest[used] == ';');
    }
    std::size_t n = 0;
    while (n < rest.size() && is_ascii_alnum(rest[n])) ++n;
    if (n == 0 || !is_ascii_alpha(rest[0])) return 0;
    const std::string_view name = rest.substr(0, n);
    const bool terminated = n < rest.size() && rest[n] == ';';
    if (terminated) {
        expansion = lookup_named_entity(name);
        if (!expansion.empty()) return n + 2;
    }
    // A legacy name decodes without ';' (in an attribute only if no letter,
    // digit or '=' follows: "?a=1&copy=2" keeps its "&copy").
    std::string_view legacy_expansion;
    if (const std::size_t legacy = find_legacy_prefix(name, legacy_expansion)) {
        const char after = legacy < rest.size() ? rest[legacy] : '\0';
        if (context == ReferenceContext::text || !(is_ascii_alnum(after) || after == '=')) {
            expansion = legacy_expansion;
            return legacy + 1;
        }
        return 0;
    }
    // Unknown to us: may be a real name (the browser decodes it) or not (it
    // shows as written). Either way writing it unchanged is what the browser
    // would have read; no longer name exists.
    if (terminated && n <= kMaxNameLength) return n + 2;
    return 0;
}

}  // namespace

void split_references(std::string_view raw, ReferenceContext context, ReferenceSink& sink) {
    std::size_t run = 0;
    std::size_t i = raw.find('&');
    while (i != std::string_view::npos) {
        char decoded[8];
        std::string_view expansion;
        const std::size_t used = read_reference(raw, i, context, decoded, expansion);
        if (used == 0) {
            i = raw.find('&', i + 1);
            continue;
        }
        if (i > run) sink.text(raw.substr(run, i - run));
        if (expansion.empty()) sink.reference(raw.substr(i, used));
        else sink.text(expansion);
        run = i + used;
        i = raw.find('&', run);
    }
    if (run < raw.size()) sink.text(raw.substr(run));
}

void append_decoded_attribute(std::string& out, std::string_view raw, ReferenceContext context) {
    AppendDecoded sink(out);
    split_references(raw, context, sink);
}

void append_reescaped(OutputBuffer& out, std::string_view raw, ReferenceContext context) {
    WriteEscaped sink(out, context == ReferenceContext::text ? append_escaped_text : append_escaped_attribute);
    split_references(raw, context, sink);
}

}  // namespace blogreader::html
