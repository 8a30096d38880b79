#include "markdown/html_sanitizer.h"

#include <algorithm>
#include <cstring>

#include "common/ascii.h"
#include "common/html_entities.h"
#include "common/html_escape.h"

namespace blogreader::markdown {
namespace {

// ---- Allow-lists: sorted static arrays, found by binary search. -------------

// How an attribute value is checked before it is written.
enum class AttributeKind : unsigned char {
    url,         // is_url_allowed(), then written as typed, like text
    text,        // any text, escaped
    prefixed,    // id/name: "user-content-" + text
    integer,     // -?[0-9]{1,9}
    count,       // [0-9]{1,9}
    dimension,   // [0-9]{1,9}%?
    boolean,     // written as name=""
    ours,        // written by the sanitizer itself (img loading, decoding): ignored, not reported
    language,    // [A-Za-z0-9-]{1,35}
    dir,         // ltr | rtl | auto
    align,       // left | right | center | justify
    scope,       // row | col | rowgroup | colgroup
    list_type,   // 1 | a | A | i | I
};

// An allow-listed name, stored in the table itself: no pointer per entry and
// no separate string, which made the tables about a third larger in the .wasm.
struct Name {
    static constexpr std::size_t kCapacity = 10;  // "blockquote", "figcaption"
    char text[kCapacity];
    unsigned char length;
    template <std::size_t N>
    constexpr Name(const char (&s)[N]) : text{}, length(static_cast<unsigned char>(N - 1)) {
        static_assert(N - 1 <= kCapacity, "allow-listed names are at most 10 characters");
        for (std::size_t i = 0; i + 1 < N; ++i) text[i] = s[i];
    }
    constexpr operator std::string_view() const { return {text, length}; }
    constexpr std::size_t size() const { return length; }
};

struct AttributeSpec {
    Name name;
    AttributeKind kind;
};

// Sorted by name; an attribute's index is its bit in ElementSpec::attributes.
constexpr AttributeSpec kAttributes[] = {
    {"align", AttributeKind::align},     {"alt", AttributeKind::text},
    {"cite", AttributeKind::url},        {"class", AttributeKind::text},
    {"colspan", AttributeKind::count},   {"datetime", AttributeKind::text},
    {"decoding", AttributeKind::ours},   {"dir", AttributeKind::dir},
    {"height", AttributeKind::dimension}, {"href", AttributeKind::url},
    {"id", AttributeKind::prefixed},     {"lang", AttributeKind::language},
    {"loading", AttributeKind::ours},    {"name", AttributeKind::prefixed},
    {"open", AttributeKind::boolean},    {"reversed", AttributeKind::boolean},
    {"rowspan", AttributeKind::count},   {"scope", AttributeKind::scope},
    {"span", AttributeKind::count},      {"src", AttributeKind::url},
    {"start", AttributeKind::integer},   {"title", AttributeKind::text},
    {"type", AttributeKind::list_type},  {"value", AttributeKind::integer},
    {"width", AttributeKind::dimension},
};

constexpr std::size_t attribute_index(std::string_view name) {
    std::size_t i = 0;
    while (i < std::size(kAttributes) && std::string_view(kAttributes[i].name) != name) ++i;
    return i;  // std::size(kAttributes) for a typo
}

constexpr std::uint32_t attr(std::string_view name) {
    const std::size_t i = attribute_index(name);
    return i < std::size(kAttributes) ? std::uint32_t{1} << i : 0;  // a typo makes the attribute unusable; checked below
}

constexpr std::uint32_t kGlobal = attr("align") | attr("class") | attr("dir") | attr("id") | attr("lang") | attr("title");
constexpr std::uint32_t kCite = attr("cite");
constexpr std::uint32_t kEdit = attr("cite") | attr("datetime");
constexpr std::uint32_t kCell = attr("colspan") | attr("rowspan") | attr("width") | attr("height");
constexpr std::uint32_t kColumn = attr("span") | attr("width");

enum class ElementKind : unsigned char {
    normal,       // kept, with an end tag
    void_element, // kept, no end tag
    raw_text,     // dropped with its content, up to its end tag
    subtree,      // dropped with everything inside (svg, math)
};

struct ElementSpec {
    Name name;
    ElementKind kind;
    std::uint32_t attributes;  // on top of kGlobal; and kTableMode
};

// A table part whose content a browser parses in a table insertion mode ("in
// table", "in table body", "in row", "in column group"): table, thead, tbody,
// tfoot, tr, colgroup. Any other element there is foster-parented: put before
// the table, but pushed on the element stack, and a later <table> (or table
// part) start tag pops it with the table. So <table><div><table></table></div>
// made the browser close the outer table and the div early, and the
// sanitizer's </div> closed the page's own div (found by review). Their
// children may be only the table parts that kPlacements places. A bit no
// attribute uses.
constexpr std::uint32_t kTableMode = std::uint32_t{1} << 31;

constexpr ElementKind N = ElementKind::normal;
constexpr ElementKind V = ElementKind::void_element;
constexpr ElementKind R = ElementKind::raw_text;
constexpr ElementKind S = ElementKind::subtree;

// Sorted by name. Elements that are neither here nor dropped with content
// (form, object, base, meta, template, ...) lose their tag; their text stays.
constexpr ElementSpec kElements[] = {
    {"a", N, attr("href") | attr("name")},
    {"abbr", N, 0}, {"b", N, 0}, {"bdi", N, 0}, {"bdo", N, 0},
    {"blockquote", N, kCite}, {"br", V, 0}, {"caption", N, 0}, {"cite", N, 0}, {"code", N, 0},
    {"col", V, kColumn}, {"colgroup", N, kColumn | kTableMode}, {"dd", N, 0}, {"del", N, kEdit},
    {"details", N, attr("open")}, {"dfn", N, 0}, {"div", N, 0}, {"dl", N, 0}, {"dt", N, 0},
    {"em", N, 0}, {"figcaption", N, 0}, {"figure", N, 0},
    {"h1", N, 0}, {"h2", N, 0}, {"h3", N, 0}, {"h4", N, 0}, {"h5", N, 0}, {"h6", N, 0},
    {"hr", V, 0}, {"i", N, 0}, {"iframe", R, 0},
    {"img", V, attr("src") | attr("alt") | attr("width") | attr("height") | attr("loading") | attr("decoding")},
    {"ins", N, kEdit}, {"kbd", N, 0}, {"li", N, attr("value")}, {"mark", N, 0}, {"math", S, 0},
    {"noembed", R, 0}, {"noframes", R, 0}, {"noscript", R, 0},
    {"ol", N, attr("start") | attr("reversed") | attr("type")}, {"p", N, 0}, {"plaintext", R, 0},
    {"pre", N, 0}, {"q", N, kCite}, {"rp", N, 0}, {"rt", N, 0}, {"ruby", N, 0}, {"s", N, 0},
    {"samp", N, 0}, {"script", R, 0}, {"small", N, 0}, {"span", N, 0}, {"strike", N, 0},
    {"strong", N, 0}, {"style", R, 0}, {"sub", N, 0}, {"summary", N, 0}, {"sup", N, 0},
    {"svg", S, 0}, {"table", N, attr("width") | kTableMode}, {"tbody", N, kTableMode}, {"td", N, kCell},
    {"textarea", R, 0}, {"tfoot", N, kTableMode}, {"th", N, kCell | attr("scope")}, {"thead", N, kTableMode},
    {"time", N, attr("datetime")}, {"title", R, 0}, {"tr", N, kTableMode}, {"tt", N, 0}, {"u", N, 0},
    {"ul", N, 0}, {"var", N, 0}, {"wbr", V, 0}, {"xmp", R, 0},
};

template <typename Spec, std::size_t kSize>
constexpr bool is_sorted_by_name(const Spec (&table)[kSize]) {
    for (std::size_t i = 1; i < kSize; ++i) {
        if (!(std::string_view(table[i - 1].name) < std::string_view(table[i].name))) return false;
    }
    return true;
}

static_assert(is_sorted_by_name(kAttributes), "kAttributes must be sorted for binary search");
static_assert(is_sorted_by_name(kElements), "kElements must be sorted for binary search");
static_assert(std::size(kAttributes) <= 32, "attribute bits must fit in 32 bits");
static_assert(std::size(kElements) <= 255, "element indices are stored as bytes");
static_assert(attr("href") != 0, "attribute name typo");
static_assert(attr("loading") != 0 && attr("decoding") != 0, "attribute name typo");
static_assert(attr("src") != 0, "attribute name typo");
static_assert(attr("name") != 0, "attribute name typo");
static_assert(attr("scope") != 0, "attribute name typo");

// Byte order, like std::string_view's operator<, but a plain loop: names are
// short, and this is the hot spot of tag-heavy input.
inline int compare_names(std::string_view a, std::string_view b) {
    const std::size_t n = a.size() < b.size() ? a.size() : b.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (a[i] != b[i]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]) ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

constexpr unsigned char element(std::string_view name) {
    for (std::size_t i = 0; i < std::size(kElements); ++i) {
        if (std::string_view(kElements[i].name) == name) return static_cast<unsigned char>(i);
    }
    return std::size(kElements);  // a typo; checked below
}
constexpr unsigned char kNone = std::size(kElements);

// Elements the HTML parser places by their parent. Anywhere else a browser does
// not simply nest them: a <li> closes the nearest open <li> above it even
// through <div>s (the page's own, around the article), a <td> in a table cell
// closes that cell, and so on. So each is kept only where the innermost open
// element of its block is the parent it needs; an open sibling of its kind is
// closed first, as the browser does (<li>a<li>b, <td>1<td>2).
struct PlacementRule {
    unsigned char closes[6];   // closed first while one of them is innermost
    unsigned char parents[4];  // then the innermost must be one of these
};
constexpr PlacementRule kPlaceListItem = {{element("li"), kNone, kNone, kNone, kNone, kNone}, {element("ul"), element("ol"), kNone, kNone}};
constexpr PlacementRule kPlaceDefinition = {{element("dd"), element("dt"), kNone, kNone, kNone, kNone}, {element("dl"), kNone, kNone, kNone}};
constexpr PlacementRule kPlaceRow = {{element("td"), element("th"), element("tr"), kNone, kNone, kNone},
                                     {element("table"), element("thead"), element("tbody"), element("tfoot")}};
constexpr PlacementRule kPlaceCell = {{element("td"), element("th"), kNone, kNone, kNone, kNone}, {element("tr"), kNone, kNone, kNone}};
constexpr PlacementRule kPlaceSection = {{element("td"), element("th"), element("tr"), element("thead"), element("tbody"), element("tfoot")},
                                         {element("table"), kNone, kNone, kNone}};
constexpr PlacementRule kPlaceInTable = {{kNone, kNone, kNone, kNone, kNone, kNone}, {element("table"), kNone, kNone, kNone}};
// An <rt> or <rp> start tag pops everything up to an open <ruby> that a
// list item or definition would let through ("<ruby><dl><dd><rt>" closed the dd,
// and the sanitizer's </dd> the page's own; found by review).
constexpr PlacementRule kPlaceRuby = {{element("rt"), element("rp"), kNone, kNone, kNone, kNone}, {element("ruby"), kNone, kNone, kNone}};
constexpr PlacementRule kPlaceColumn = {{kNone, kNone, kNone, kNone, kNone, kNone}, {element("colgroup"), element("table"), kNone, kNone}};
struct Placement {
    unsigned char element;
    const PlacementRule* rule;
};
constexpr Placement kPlacements[] = {
    {element("li"), &kPlaceListItem}, {element("dd"), &kPlaceDefinition}, {element("dt"), &kPlaceDefinition},
    {element("tr"), &kPlaceRow}, {element("td"), &kPlaceCell}, {element("th"), &kPlaceCell},
    {element("thead"), &kPlaceSection}, {element("tbody"), &kPlaceSection}, {element("tfoot"), &kPlaceSection},
    {element("caption"), &kPlaceInTable}, {element("colgroup"), &kPlaceInTable}, {element("col"), &kPlaceColumn},
    {element("rt"), &kPlaceRuby}, {element("rp"), &kPlaceRuby},
};

constexpr unsigned char kFirstHeading = element("h1");  // h1-h6 are consecutive in kElements
constexpr unsigned char kImg = element("img");
constexpr unsigned char kPlaintext = element("plaintext");
constexpr std::size_t kHref = attribute_index("href");

constexpr bool placements_named_right() {
    for (const auto& p : kPlacements) {
        if (p.element == kNone || p.rule->parents[0] == kNone) return false;
    }
    return true;
}
static_assert(placements_named_right(), "element name typo in kPlacements");
static_assert(element("h6") == kFirstHeading + 5, "h1-h6 must be consecutive in kElements");
static_assert(kImg != kNone && kPlaintext != kNone, "element name typo");

constexpr bool contains(const unsigned char* list, std::size_t size, std::size_t value) {
    for (std::size_t i = 0; i < size; ++i) {
        if (list[i] == value) return true;
    }
    return false;
}

template <typename Spec, std::size_t kSize>
int find_by_name(const Spec (&table)[kSize], std::string_view name) {
    std::size_t low = 0;
    std::size_t high = kSize;
    while (low < high) {
        const std::size_t mid = (low + high) / 2;
        const int order = compare_names(table[mid].name, name);
        if (order == 0) return static_cast<int>(mid);
        if (order < 0) low = mid + 1;
        else high = mid;
    }
    return -1;
}

// ---- Character classes and value checks. -----------------------------------

// The HTML tokenizer's whitespace; CR is included because the input stream
// preprocessor turns it into LF before tokenizing.
bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";
constexpr std::string_view kIdPrefix = "user-content-";

std::string_view trim_html_space(std::string_view s) {
    while (!s.empty() && is_html_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_html_space(s.back())) s.remove_suffix(1);
    return s;
}

bool is_digits(std::string_view s, std::size_t max_length) {
    if (s.empty() || s.size() > max_length) return false;
    return std::all_of(s.begin(), s.end(), is_ascii_digit);
}

// Returns the canonical (lowercase) keyword that value matches, or "".
template <std::size_t kSize>
std::string_view match_keyword(std::string_view value, const std::string_view (&keywords)[kSize]) {
    for (std::string_view k : keywords) {
        if (equals_ignoring_ascii_case(value, k)) return k;
    }
    return {};
}

// Four each, so that match_keyword is one function (an empty value matches
// the padding, and "" is a refusal anyway).
constexpr std::string_view kDirValues[] = {"ltr", "rtl", "auto", ""};
constexpr std::string_view kAlignValues[] = {"left", "right", "center", "justify"};
constexpr std::string_view kScopeValues[] = {"row", "col", "rowgroup", "colgroup"};

// The value to write for a non-URL attribute (not yet escaped), or false when
// the value fails its check and the attribute is dropped.
bool checked_value(AttributeKind kind, std::string_view decoded, std::string_view& value) {
    const std::string_view t = trim_html_space(decoded);
    switch (kind) {
        case AttributeKind::text:
        case AttributeKind::prefixed:
            value = decoded;
            return kind == AttributeKind::text || !t.empty();
        case AttributeKind::boolean:
            value = {};
            return true;
        case AttributeKind::count:
            value = t;
            return is_digits(t, 9);
        case AttributeKind::integer:
            value = t;
            return is_digits(!t.empty() && t.front() == '-' ? t.substr(1) : t, 9);
        case AttributeKind::dimension:
            value = t;
            return is_digits(!t.empty() && t.back() == '%' ? t.substr(0, t.size() - 1) : t, 9);
        case AttributeKind::language:
            value = t;
            return !t.empty() && t.size() <= 35 &&
                   std::all_of(t.begin(), t.end(), [](char c) { return is_ascii_alpha(c) || is_ascii_digit(c) || c == '-'; });
        case AttributeKind::dir: value = match_keyword(t, kDirValues); return !value.empty();
        case AttributeKind::align: value = match_keyword(t, kAlignValues); return !value.empty();
        case AttributeKind::scope: value = match_keyword(t, kScopeValues); return !value.empty();
        case AttributeKind::list_type:
            value = t;  // 1 | a | A | i | I
            return t.size() == 1 && std::memchr("1aAiI", t[0], 5) != nullptr;
        case AttributeKind::url:   // handled by the caller
        case AttributeKind::ours:  // never stored
            break;
    }
    return false;
}

}  // namespace

HtmlSanitizer::HtmlSanitizer(UrlPolicy url_policy) : url_policy_(url_policy) {
    static_assert(kAttributeCount == std::size(kAttributes), "update kAttributeCount in the header");
    static_assert(kElementCount == std::size(kElements), "update kElementCount in the header");
    static_assert(Name::kCapacity < kMaxNameLength, "a name cut at kMaxNameLength must match no allow-listed name");
}

// ---- Tokenizer. ---------------------------------------------------------------

void HtmlSanitizer::feed(std::string_view raw_html, OutputBuffer& out) {
    const char* p = raw_html.data();
    const char* const end = p + raw_html.size();
    while (p < end) {
        if (state_ == State::data) {
            // Fast path: a run of text up to the next '<' (NUL bytes are dropped,
            // as the tree builder ignores them).
            const char* run = p;
            while (p < end && *p != '<' && *p != '\0') ++p;
            write_text(std::string_view(run, static_cast<std::size_t>(p - run)), out);
            if (p < end) {
                if (*p == '<') {
                    state_ = State::tag_open;
                    tag_at_ = p;
                }
                ++p;
            }
        } else if (state_ == State::raw_text) {
            p = scan_raw_text(p, end);
        } else if (!step(*p, out)) {
            ++p;
        }
    }
}

// Looks for "</name" followed by whitespace, '/' or '>' (ASCII case-insensitive)
// and drops everything before it. The match survives chunk boundaries.
const char* HtmlSanitizer::scan_raw_text(const char* p, const char* end) {
    if (raw_text_element_ == kPlaintext) return end;  // has no end tag: ends with the block
    const std::string_view name = kElements[raw_text_element_].name;
    while (p < end) {
        if (raw_text_matched_ == 0) {
            p = static_cast<const char*>(std::memchr(p, '<', static_cast<std::size_t>(end - p)));
            if (p == nullptr) return end;
            raw_text_matched_ = 1;
            ++p;
        } else if (raw_text_matched_ == 1) {
            if (*p == '/') {
                raw_text_matched_ = 2;
                ++p;
            } else {
                raw_text_matched_ = 0;  // reconsume: it may be the next '<'
            }
        } else if (raw_text_matched_ < name.size() + 2) {
            if (ascii_lower(*p) == name[raw_text_matched_ - 2]) {
                ++raw_text_matched_;
                ++p;
            } else {
                raw_text_matched_ = 0;
            }
        } else if (is_html_space(*p) || *p == '/' || *p == '>') {
            // The end tag: tokenize the rest of it (attributes and all) normally.
            begin_tag(true);
            std::memcpy(tag_name_, name.data(), name.size());
            tag_name_length_ = name.size();
            raw_text_element_ = -1;
            raw_text_matched_ = 0;
            state_ = State::tag_name;
            return p;  // reconsumed in the tag name state
        } else {
            raw_text_matched_ = 0;
        }
    }
    return end;
}

bool HtmlSanitizer::step(char c, OutputBuffer& out) {
    constexpr bool kReconsume = true;
    constexpr bool kConsumed = false;
    switch (state_) {
        case State::data:
        case State::raw_text:
            break;  // handled in feed()

        case State::tag_open:
            if (c == '!') { state_ = State::markup_declaration_open; return kConsumed; }
            if (c == '/') { state_ = State::end_tag_open; return kConsumed; }
            if (is_ascii_alpha(c)) { begin_tag(false); state_ = State::tag_name; return kReconsume; }
            if (c == '?') { state_ = State::bogus_comment; return kConsumed; }
            if (!in_dropped_content()) out.append("&lt;");  // not a tag: the '<' is text
            state_ = State::data;
            return kReconsume;

        case State::end_tag_open:
            if (is_ascii_alpha(c)) { begin_tag(true); state_ = State::tag_name; return kReconsume; }
            if (c == '>') { state_ = State::data; return kConsumed; }  // "</>" is nothing
            state_ = State::bogus_comment;
            return kReconsume;

        case State::tag_name:
            if (is_html_space(c)) { finish_tag_name(); state_ = State::before_attribute_name; return kConsumed; }
            if (c == '/') { finish_tag_name(); state_ = State::self_closing_start_tag; return kConsumed; }
            if (c == '>') { finish_tag_name(); emit_tag(out); return kConsumed; }
            // A NUL is kept as the byte 0xFF (the browser reads U+FFFD; no
            // allow-listed name holds either, and a warning shows U+FFFD). A
            // longer name keeps its first kMaxNameLength bytes, which are
            // longer than any allow-listed name.
            if (tag_name_length_ < kMaxNameLength) tag_name_[tag_name_length_++] = c == '\0' ? '\xFF' : ascii_lower(c);
            return kConsumed;

        case State::before_attribute_name:
            if (is_html_space(c)) return kConsumed;
            if (c == '/' || c == '>') { state_ = State::after_attribute_name; return kReconsume; }
            begin_attribute();
            state_ = State::attribute_name;
            if (c == '=') {  // "<a =x>": '=' starts the attribute's name
                attribute_name_[attribute_name_length_++] = '=';
                return kConsumed;
            }
            return kReconsume;

        case State::attribute_name:
            if (is_html_space(c) || c == '/' || c == '>') {
                finish_attribute_name();
                state_ = State::after_attribute_name;
                return kReconsume;
            }
            if (c == '=') { finish_attribute_name(); state_ = State::before_attribute_value; return kConsumed; }
            if (attribute_name_length_ < kMaxNameLength) {  // as for tag names
                attribute_name_[attribute_name_length_++] = c == '\0' ? '\xFF' : ascii_lower(c);
            }
            return kConsumed;

        case State::after_attribute_name:
            if (is_html_space(c)) return kConsumed;
            if (c == '/') { state_ = State::self_closing_start_tag; return kConsumed; }
            if (c == '=') { state_ = State::before_attribute_value; return kConsumed; }
            if (c == '>') { emit_tag(out); return kConsumed; }
            begin_attribute();
            state_ = State::attribute_name;
            return kReconsume;

        case State::before_attribute_value:
            if (is_html_space(c)) return kConsumed;
            if (c == '"') { state_ = State::attribute_value_double_quoted; return kConsumed; }
            if (c == '\'') { state_ = State::attribute_value_single_quoted; return kConsumed; }
            if (c == '>') { emit_tag(out); return kConsumed; }
            state_ = State::attribute_value_unquoted;
            return kReconsume;

        case State::attribute_value_double_quoted:
            if (c == '"') { state_ = State::after_attribute_value_quoted; return kConsumed; }
            append_attribute_value(c);
            return kConsumed;

        case State::attribute_value_single_quoted:
            if (c == '\'') { state_ = State::after_attribute_value_quoted; return kConsumed; }
            append_attribute_value(c);
            return kConsumed;

        case State::attribute_value_unquoted:
            if (is_html_space(c)) { state_ = State::before_attribute_name; return kConsumed; }
            if (c == '>') { emit_tag(out); return kConsumed; }
            append_attribute_value(c);  // quotes, '<', '=' and '`' included
            return kConsumed;

        case State::after_attribute_value_quoted:
            if (is_html_space(c)) { state_ = State::before_attribute_name; return kConsumed; }
            if (c == '/') { state_ = State::self_closing_start_tag; return kConsumed; }
            if (c == '>') { emit_tag(out); return kConsumed; }
            state_ = State::before_attribute_name;  // "<a x="1"y>": y is a new attribute
            return kReconsume;

        case State::self_closing_start_tag:
            if (c == '>') { tag_self_closing_ = true; emit_tag(out); return kConsumed; }
            state_ = State::before_attribute_name;
            return kReconsume;

        // "<!": a comment if "--" follows, else (doctype, CDATA, ...) a bogus
        // comment that ends at the first '>'. All are dropped.
        case State::markup_declaration_open:
            if (c == '-') { state_ = State::markup_declaration_dash; return kConsumed; }
            state_ = State::bogus_comment;
            return kReconsume;

        case State::markup_declaration_dash:
            if (c == '-') { state_ = State::comment_start; return kConsumed; }
            state_ = State::bogus_comment;
            return kReconsume;

        case State::comment_start:
            if (c == '-') { state_ = State::comment_start_dash; return kConsumed; }
            if (c == '>') { state_ = State::data; return kConsumed; }  // "<!-->"
            state_ = State::comment;
            return kReconsume;

        case State::comment_start_dash:
            if (c == '-') { state_ = State::comment_end; return kConsumed; }
            if (c == '>') { state_ = State::data; return kConsumed; }  // "<!--->"
            state_ = State::comment;
            return kReconsume;

        case State::comment:
            if (c == '-') state_ = State::comment_end_dash;
            return kConsumed;

        case State::comment_end_dash:
            state_ = c == '-' ? State::comment_end : State::comment;
            return kConsumed;

        case State::comment_end:
            if (c == '>') state_ = State::data;
            else if (c == '!') state_ = State::comment_end_bang;
            else if (c != '-') state_ = State::comment;
            return kConsumed;

        case State::comment_end_bang:  // "--!>" ends a comment too
            if (c == '>') state_ = State::data;
            else state_ = c == '-' ? State::comment_end_dash : State::comment;
            return kConsumed;

        case State::bogus_comment:
            if (c == '>') state_ = State::data;
            return kConsumed;
    }
    return kConsumed;
}

void HtmlSanitizer::write_text(std::string_view text, OutputBuffer& out) {
    if (text.empty() || in_dropped_content()) return;
    if (text.find('&') == std::string_view::npos) {
        html::append_escaped_text(out, text);
        return;
    }
    // References are read as the browser reads them, so "&amp;" stays "&amp;"
    // rather than "&amp;amp;", and one the engine does not know stays as written.
    html::append_reescaped(out, text, html::ReferenceContext::text);
}

void HtmlSanitizer::begin_tag(bool end_tag) {
    tag_is_end_ = end_tag;
    tag_self_closing_ = false;
    tag_element_ = -1;
    tag_name_length_ = 0;
    attribute_ = -1;
    attributes_present_ = 0;
    attribute_count_ = 0;
}

void HtmlSanitizer::finish_tag_name() {
    tag_element_ = find_by_name(kElements, tag_name());
}

void HtmlSanitizer::begin_attribute() {
    attribute_name_length_ = 0;
    attribute_ = -1;
}

// Only attributes that may be written are kept; a repeated one is ignored
// (the first wins), so at most kAttributeCount values are ever stored.
void HtmlSanitizer::finish_attribute_name() {
    attribute_ = -1;
    // End tags and tags that are dropped whole have no attributes to report.
    if (tag_is_end_ || tag_element_ < 0 || subtree_depth_ > 0) return;
    const ElementSpec& element = kElements[tag_element_];
    if (element.kind != ElementKind::normal && element.kind != ElementKind::void_element) return;
    const std::string_view name(attribute_name_, attribute_name_length_);
    const int index = find_by_name(kAttributes, name);
    const std::uint32_t bit = index < 0 ? 0 : std::uint32_t{1} << index;
    if (((kGlobal | element.attributes) & bit) == 0) {
        note_dropped(kDroppedAttribute, element.name, name);
        return;
    }
    if ((attributes_present_ & bit) != 0) return;
    attributes_present_ |= bit;
    if (kAttributes[index].kind == AttributeKind::ours) return;  // never stored nor written
    attribute_order_[attribute_count_++] = static_cast<unsigned char>(index);
    attribute_values_[index].clear();
    attribute_ = index;
}

void HtmlSanitizer::note_dropped(char kind, std::string_view text, std::string_view attribute) {
    if (dropped_count_ == kMaxDropped) return;
    ++dropped_count_;
    dropped.push_back(kind);
    dropped.append(reinterpret_cast<const char*>(&tag_at_), sizeof tag_at_);
    dropped.append(text);
    if (!attribute.empty()) {
        dropped.push_back(' ');
        dropped.append(attribute);
    }
    dropped.push_back('\0');
}

void HtmlSanitizer::append_attribute_value(char c) {
    if (attribute_ < 0) return;
    if (c == '\0') attribute_values_[attribute_].append(kReplacementCharacter);
    else attribute_values_[attribute_].push_back(c);
}

void HtmlSanitizer::emit_tag(OutputBuffer& out) {
    state_ = State::data;
    const int element = tag_element_;
    if (subtree_depth_ > 0) {
        // Inside svg/math only its own tags count, for nesting.
        if (element == subtree_element_) {
            if (tag_is_end_) --subtree_depth_;
            else if (!tag_self_closing_) ++subtree_depth_;
        }
        return;
    }
    const std::size_t index = static_cast<std::size_t>(element);
    const ElementKind kind = element < 0 ? ElementKind::raw_text : kElements[index].kind;
    if (tag_is_end_) {
        if (kind == ElementKind::normal && open_counts_[index] > 0 && open_in_scope(index)) close_to(index, out);
        return;
    }
    char dropped_as = kDroppedTag;
    if (element < 0) {
        // not allowed
    } else if (kind == ElementKind::raw_text) {  // "<script/>" opens a script all the same
        raw_text_element_ = element;
        raw_text_matched_ = 0;
        state_ = State::raw_text;
    } else if (kind == ElementKind::subtree) {
        if (!tag_self_closing_) {
            subtree_element_ = element;
            subtree_depth_ = 1;
        }
    } else if ((kind == ElementKind::void_element || open_elements_.size() < kMaxOpenElements) && place(index, out) &&
               !(index - kFirstHeading < 6 && heading_open())) {
        write_start_tag(index, out);
        if (kind == ElementKind::normal) {
            open_elements_.push_back(static_cast<unsigned char>(index));
            ++open_counts_[index];
        }
        return;
    } else {
        dropped_as = kMisplacedTag;
    }
    note_dropped(dropped_as, tag_name());
}

void HtmlSanitizer::write_start_tag(std::size_t element, OutputBuffer& out) {
    const std::string_view name = kElements[element].name;
    out.append_outlined("<");
    out.append_outlined(name);
    bool external_link = false;
    for (std::size_t i = 0; i < attribute_count_; ++i) {
        const AttributeSpec& spec = kAttributes[attribute_order_[i]];
        const std::string& raw = attribute_values_[attribute_order_[i]];
        scratch_.clear();
        html::append_decoded_attribute(scratch_, raw);
        std::string_view value;
        if (spec.kind == AttributeKind::url) {
            const UrlClass url_class = classify_url(scratch_);
            if (!is_url_allowed(url_class, url_policy_)) {
                note_dropped(kDroppedUrl, scratch_);
                continue;
            }
            if (attribute_order_[i] == kHref) external_link = is_external_url(url_class);
        } else if (!checked_value(spec.kind, scratch_, value)) {
            note_dropped(kDroppedAttribute, kElements[element].name, spec.name);
            continue;
        }
        out.append_outlined(" ");
        out.append_outlined(spec.name);
        out.append_outlined("=\"");
        if (spec.kind == AttributeKind::url || spec.kind == AttributeKind::text || spec.kind == AttributeKind::prefixed) {
            // Free text and URLs are written from what the author typed (unknown
            // references kept), so the browser reads the very URL classify_url()
            // judged (percent-encoded, " https://x/" became a relative URL);
            // checked values hold only the characters their check allows.
            if (spec.kind == AttributeKind::prefixed) out.append_outlined(kIdPrefix);
            html::append_reescaped(out, raw, html::ReferenceContext::attribute);
        } else {
            html::append_escaped_attribute(out, value);
        }
        out.append_outlined("\"");
    }
    if (external_link) out.append_outlined(" rel=\"noopener noreferrer\"");  // (href is on <a> only)
    if (element == kImg) out.append_outlined(" loading=\"lazy\" decoding=\"async\"");
    out.append_outlined(">");
}

bool HtmlSanitizer::open_in_scope(std::size_t element) const noexcept {
    for (std::size_t i = open_elements_.size(); i > floor_; --i) {
        if (open_elements_[i - 1] == element) return true;
    }
    return false;
}

bool HtmlSanitizer::place(std::size_t element, OutputBuffer& out) {
    for (const Placement& placement : kPlacements) {
        if (placement.element != element) continue;
        const PlacementRule& rule = *placement.rule;
        while (open_elements_.size() > floor_ && contains(rule.closes, std::size(rule.closes), open_elements_.back())) {
            close_to(open_elements_.back(), out);
        }
        return open_elements_.size() > floor_ && contains(rule.parents, std::size(rule.parents), open_elements_.back());
    }
    // No rule: nests anywhere but directly in a table, where it would be
    // foster-parented (kTableMode).
    return !in_table_mode();
}

bool HtmlSanitizer::in_table_mode() const noexcept {
    return !open_elements_.empty() && (kElements[open_elements_.back()].attributes & kTableMode) != 0;
}

// A heading start tag pops a heading that is the current node, and </hN>
// closes the innermost open heading of any level: with two raw headings open,
// the browser's element stack would not be the sanitizer's (found by review:
// "<h2><div><h3><h4>" let a </div> close the page's div). So raw headings do
// not nest; the inner tag is dropped, its text stays.
bool HtmlSanitizer::heading_open() const noexcept {
    // The six counts are 12 consecutive bytes: two loads.
    std::uint64_t h1_to_h4;
    std::uint32_t h5_h6;
    std::memcpy(&h1_to_h4, &open_counts_[kFirstHeading], sizeof h1_to_h4);
    std::memcpy(&h5_h6, &open_counts_[kFirstHeading + 4], sizeof h5_h6);
    return (h1_to_h4 | h5_h6) != 0;
}

void HtmlSanitizer::begin_scope(OutputBuffer& out) {
    // A Markdown block or span inside a raw table, outside its cells, would be
    // foster-parented as a raw element would (kTableMode): the table parts
    // are closed first, so the engine's own markup follows the table. (Such a
    // part is always of the current scope: the last begin_scope closed those
    // of the scopes around it.)
    while (in_table_mode()) close_to(open_elements_.back(), out);
    // Most blocks and spans hold no raw HTML: then the floor stays and only a
    // count says how many scopes share it.
    if (open_elements_.size() == floor_ || floor_count_ == kMaxOpenElements) {  // (the second cannot be)
        ++scopes_on_floor_;
        return;
    }
    floors_[floor_count_++] = {static_cast<std::uint16_t>(floor_), scopes_on_floor_};
    floor_ = open_elements_.size();
    scopes_on_floor_ = 0;
}

void HtmlSanitizer::end_scope(OutputBuffer& out) {
    while (open_elements_.size() > floor_) close_to(open_elements_.back(), out);
    if (scopes_on_floor_ > 0) {
        --scopes_on_floor_;
    } else if (floor_count_ > 0) {
        --floor_count_;
        floor_ = floors_[floor_count_].floor;
        scopes_on_floor_ = floors_[floor_count_].scopes;
    }
}

// Writes end tags for the open elements down to and including the innermost
// `element` (which is open). Each element is closed once, so this is amortized
// constant time per start tag.
void HtmlSanitizer::close_to(std::size_t element, OutputBuffer& out) {
    while (!open_elements_.empty()) {
        const std::size_t top = open_elements_.back();
        open_elements_.pop_back();
        --open_counts_[top];
        out.append_outlined("</");
        out.append_outlined(kElements[top].name);
        out.append_outlined(">");
        if (top == element) return;
    }
}

void HtmlSanitizer::reset_block_state() {
    state_ = State::data;
    raw_text_element_ = -1;
    raw_text_matched_ = 0;
    subtree_element_ = -1;
    subtree_depth_ = 0;
    attribute_ = -1;
    attribute_count_ = 0;
    attributes_present_ = 0;
}

void HtmlSanitizer::end_block(OutputBuffer& out) {
    // At the end of input a lone "<" or "</" is text, as in the browser; any
    // other unfinished construct is dropped.
    const State state = state_;
    // A start tag without its '>' (the states between are those of a tag).
    if (state >= State::tag_name && state <= State::self_closing_start_tag && !tag_is_end_ && subtree_depth_ == 0) {
        note_dropped(kUnfinishedTag, tag_name());
    }
    reset_block_state();
    if (state == State::tag_open) write_text("<", out);
    else if (state == State::end_tag_open) write_text("</", out);
}

void HtmlSanitizer::finish(OutputBuffer& out) {
    end_block(out);
    while (!open_elements_.empty()) close_to(open_elements_.back(), out);
    floor_count_ = 0;
    floor_ = 0;
    scopes_on_floor_ = 0;
}

}  // namespace blogreader::markdown
