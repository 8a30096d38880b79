#include "markdown/front_matter.h"

#include <cstring>
#include <iterator>
#include <utility>
#include <vector>

#include "common/ascii.h"
#include "common/json.h"
#include "common/utf8.h"

namespace blogreader::markdown {
namespace {

// A scalar on its way to JSON: a string's text, or the JSON text of a literal
// (null, true, false or a number).
struct Scalar {
    bool is_string = false;
    std::string text = "null";
};

void append_scalar_json(std::string& out, const Scalar& scalar) {
    if (scalar.is_string) blogreader::json::append_string(out, scalar.text);
    else out.append(scalar.text);
}

Scalar literal(const char* json_text) { return Scalar{false, json_text}; }

// A key's value: one scalar, or a list kept as the JSON of its items. Flat,
// instead of a tree of values (a vector of values that may be lists), which
// cost the Markdown engine about 1 kB of code for what one level of list needs.
struct Value {
    bool is_list = false;
    Scalar scalar;      ///< when !is_list
    std::string items;  ///< when is_list: the items' JSON, comma-separated
    /// tags and categories (`strings_only`) keep only non-empty strings.
    void add_item(const Scalar& item, bool strings_only) {
        if (strings_only && (!item.is_string || item.text.empty())) return;
        if (!items.empty()) items.push_back(',');
        append_scalar_json(items, item);
    }
};

constexpr const char* kSyntax = "front_matter_syntax";
constexpr const char* kUnsupported = "front_matter_unsupported";

// More digits than this and JavaScript's numbers would round the integer.
constexpr std::size_t kMaxIntegerDigits = 15;

struct Line {
    std::string_view text;  ///< without its line ending
    std::size_t next;       ///< offset of the following line
};

Line read_line(std::string_view document, std::size_t offset) {
    std::size_t end = offset;
    while (end < document.size() && document[end] != '\n' && document[end] != '\r') ++end;
    std::size_t next = end;
    if (next < document.size()) {
        next += (document[next] == '\r' && next + 1 < document.size() && document[next + 1] == '\n') ? 2 : 1;
    }
    return {document.substr(offset, end - offset), next};
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }
// ASCII letters and digits, '_', '-', '.' ("og.image") and every non-ASCII
// character (the bytes of one: letters of any script): plain YAML keys.
bool is_key_char(char c) {
    return is_ascii_alnum(c) || c == '_' || c == '-' || c == '.' || static_cast<unsigned char>(c) >= 0x80;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
    return s;
}

bool is_marker(std::string_view line, std::string_view marker) {
    if (line.substr(0, 3) != marker) return false;
    for (std::size_t i = 3; i < line.size(); ++i) {
        if (!is_blank(line[i])) return false;
    }
    return true;
}


// A mapping entry: a key (any: "og.image", "\"title\"", "a key") followed by
// ": " or by the end of the line. As the block's first line (`first`), also a
// list item or a line that runs into its first ':' without a blank
// ("title:x"): what an author meant as YAML. Prose rarely starts so ("Updated
// 2024-01-01 at 10:30" does not): a '---' with a line of prose under it is a
// thematic break (found by review: such a line and everything to the next
// '---' vanished into front matter).
bool looks_like_entry(std::string_view line, bool first = false) {
    std::size_t i = 0;
    while (i < line.size() && is_blank(line[i])) ++i;
    if (first && line[i] == '-') return i + 1 == line.size() || is_blank(line[i + 1]);
    bool blank_before = false;
    while (++i < line.size()) {
        if (line[i] == ':') return i + 1 == line.size() || is_blank(line[i + 1]) || (first && !blank_before);
        blank_before |= is_blank(line[i]);
    }
    return false;
}

// Keys whose values are never typed ("title: 1984" stays a string); the last
// two are also always lists of strings.
constexpr std::string_view kTextKeys[] = {"title", "author", "date", "description", "lang", "tags", "categories"};
bool is_text_key(std::string_view key) {
    for (const std::string_view k : kTextKeys) {
        if (key == k) return true;
    }
    return false;
}
bool is_list_key(std::string_view key) { return key == kTextKeys[5] || key == kTextKeys[6]; }

// The document is valid UTF-8 (see parse_front_matter), and a value is either
// a run of it cut at ASCII delimiters or built by escapes that write whole
// code points, so every string is valid UTF-8 too: no check here.
Scalar make_string(std::string text) { return Scalar{true, std::move(text)}; }

// YAML 1.2 core schema numbers, written so that JSON accepts them: "+1" -> 1,
// ".5" -> 0.5, "1." -> 1.0. False (the text stays a string) for anything else,
// for leading zeros ("007": an id, or YAML 1.1 octal?) and for integers that
// JavaScript cannot hold exactly.
bool parse_number(std::string_view t, Scalar& out) {
    std::size_t i = 0;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    const std::size_t int_start = i;
    while (i < t.size() && is_ascii_digit(t[i])) ++i;
    const std::size_t int_length = i - int_start;
    bool has_fraction = false;
    std::size_t fraction_start = 0, fraction_length = 0;
    if (i < t.size() && t[i] == '.') {
        has_fraction = true;
        fraction_start = ++i;
        while (i < t.size() && is_ascii_digit(t[i])) ++i;
        fraction_length = i - fraction_start;
    }
    if (int_length == 0 && fraction_length == 0) return false;
    if (int_length > 1 && t[int_start] == '0') return false;
    const std::size_t exponent_start = i;
    long exponent = 0;
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        const bool negative = i < t.size() && t[i] == '-';
        if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
        const std::size_t digits = i;
        for (; i < t.size() && is_ascii_digit(t[i]); ++i) {
            if (exponent < 100000) exponent = exponent * 10 + (t[i] - '0');
        }
        if (i == digits) return false;
        if (negative) exponent = -exponent;
    }
    if (i != t.size()) return false;
    const bool is_integer = !has_fraction && exponent_start == t.size();
    if (is_integer && int_length > kMaxIntegerDigits) return false;
    // Out of a double's range (1e999: JSON.parse would give Infinity, 1e-999 a
    // silent 0) the text stays a string. The value is about 10^magnitude.
    std::size_t first_digit = int_start;
    while (first_digit < exponent_start && (t[first_digit] == '0' || t[first_digit] == '.')) ++first_digit;
    if (first_digit < exponent_start) {  // not zero
        const long magnitude = first_digit < int_start + int_length
                                   ? exponent + static_cast<long>(int_start + int_length - first_digit) - 1
                                   : exponent - static_cast<long>(first_digit - fraction_start) - 1;
        if (magnitude > 300 || magnitude < -300) return false;
    }
    std::string normalized(t[0] == '-' ? "-" : "");  // a '+' is dropped
    normalized.append(int_length ? t.data() + int_start : "0", int_length ? int_length : 1);
    if (has_fraction) {
        normalized.push_back('.');
        normalized.append(fraction_length ? t.data() + fraction_start : "0", fraction_length ? fraction_length : 1);
    }
    normalized.append(t.data() + exponent_start, t.size() - exponent_start);
    out = Scalar{false, std::move(normalized)};
    return true;
}

Scalar plain_scalar(std::string_view text, bool text_only) {
    if (!text_only) {
        // YAML 1.2 core schema: ~ and null, true and false in their three spellings.
        static constexpr std::string_view kWords[] = {"~",    "null", "Null",  "NULL",  "true",
                                                      "True", "TRUE", "false", "False", "FALSE"};
        for (std::size_t i = 0; i < std::size(kWords); ++i) {
            if (text == kWords[i]) return i < 4 ? Scalar{} : literal(i < 7 ? "true" : "false");
        }
        Scalar number;
        if (parse_number(text, number)) return number;
    }
    return make_string(std::string(text));
}

// Reads the value of one 'key: value' or '- item' line (trimmed, not empty).
class ValueReader {
public:
    /// `list_key`: tags or categories, whose values are text and whose lists
    /// keep only non-empty strings.
    ValueReader(std::string_view text, bool text_only, bool list_key)
        : s_(text), text_only_(text_only), list_key_(list_key) {}

    bool read(Value& out, bool list_item) {
        const char c = s_[0];
        if (c == '"' || c == '\'') {
            std::string text;
            if (!read_quoted(text)) return false;
            out.scalar = make_string(std::move(text));
            return expect_end();
        }
        if (c == '[') {
            if (list_item) return fail(kUnsupported, "lists inside lists are not supported");
            return read_flow_list(out) && expect_end();
        }
        if (c == '{') return fail(kUnsupported, "maps ({...}) are not supported");
        if (c == '|' || c == '>') return fail(kUnsupported, "multi-line values (| and >) are not supported");
        if (c == '&' || c == '*' || c == '!') {
            return fail(kUnsupported, "anchors (&), aliases (*) and tags (!) are not supported");
        }
        if (c == '@' || c == '`') return fail(kSyntax, "a value cannot start with '@' or '`'; put it in quotes");
        if (c == '-' && (s_.size() == 1 || is_blank(s_[1]))) {
            if (list_item) return fail(kUnsupported, "lists inside lists are not supported");
            return fail(kSyntax, "a list item ('- ') must go on a line of its own, below the key");
        }
        if (list_item && looks_like_entry(s_)) return fail(kUnsupported, "maps inside lists are not supported");
        std::string_view text = s_;
        for (std::size_t i = 1; i < text.size(); ++i) {
            if (text[i] == '#' && is_blank(text[i - 1])) {
                text = trim(text.substr(0, i));
                break;
            }
        }
        out.scalar = plain_scalar(text, text_only_);
        return true;
    }

    const char* error_code() const { return error_code_; }
    const char* error() const { return error_; }

private:
    bool fail(const char* code, const char* message) {
        error_code_ = code;
        error_ = message;
        return false;
    }

    void skip_blanks() {
        while (pos_ < s_.size() && is_blank(s_[pos_])) ++pos_;
    }

    // After a quoted value or a flow list only a comment may follow.
    bool expect_end() {
        skip_blanks();
        if (pos_ == s_.size() || s_[pos_] == '#') return true;
        return fail(kSyntax, "unexpected text after the value; put the whole value in quotes");
    }

    bool read_quoted(std::string& out) {
        const char quote = s_[pos_++];
        while (pos_ < s_.size()) {
            const char c = s_[pos_];
            if (c == quote) {
                if (quote == '\'' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '\'') {  // '' is a quote
                    out.push_back('\'');
                    pos_ += 2;
                    continue;
                }
                ++pos_;
                return true;
            }
            if (c == '\\' && quote == '"') {
                if (!read_escape(out)) return false;
                continue;
            }
            out.push_back(c);
            ++pos_;
        }
        return fail(kSyntax, "unterminated quoted string (a quoted value must end on the same line)");
    }

    bool read_hex(std::size_t digits, char32_t& cp) {
        cp = 0;
        for (std::size_t i = 0; i < digits; ++i, ++pos_) {
            if (pos_ >= s_.size()) return false;
            const int v = ascii_hex_value(s_[pos_]);
            if (v < 0) return false;
            cp = cp * 16 + static_cast<char32_t>(v);
        }
        return true;
    }

    // YAML's double-quoted escapes. \0 and escaped surrogates become U+FFFD,
    // as NUL and invalid UTF-8 are everywhere else in the input.
    bool read_escape(std::string& out) {
        if (pos_ + 1 >= s_.size()) return fail(kSyntax, "unterminated quoted string (a quoted value must end on the same line)");
        const char e = s_[pos_ + 1];
        pos_ += 2;
        // The single-character escapes and what they stand for, by position.
        static constexpr char kNames[] = "0abt\tnvfre \"/\\N_LP";
        static constexpr char16_t kValues[] = {0xFFFD, 0x07, 0x08, 0x09, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B,
                                               ' ',    '"',  '/',  '\\', 0x85, 0xA0, 0x2028, 0x2029};
        static_assert(std::size(kNames) - 1 == std::size(kValues), "one value per escape");
        char32_t cp;
        if (e == 'x' || e == 'u' || e == 'U') {
            if (!read_hex(e == 'x' ? 2 : e == 'u' ? 4 : 8, cp)) return fail(kSyntax, "bad \\x, \\u or \\U escape");
            if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF || cp == 0) cp = utf8::kReplacementCharacter;
        } else if (const char* found = e != '\0' ? std::strchr(kNames, e) : nullptr) {
            cp = kValues[found - kNames];
        } else {
            return fail(kSyntax, "unknown escape sequence in a double-quoted string");
        }
        utf8::append(out, cp);
        return true;
    }

    bool read_flow_list(Value& out) {
        out.is_list = true;
        ++pos_;  // '['
        for (;;) {
            skip_blanks();
            if (pos_ == s_.size()) return fail(kSyntax, "missing ']' (a [...] list must end on the same line)");
            const char c = s_[pos_];
            if (c == ']') {  // also after a trailing comma, as YAML allows
                ++pos_;
                return true;
            }
            if (c == ',') return fail(kSyntax, "empty item in a [...] list");
            if (c == '[' || c == '{') return fail(kUnsupported, "lists and maps inside lists are not supported");
            if (c == '"' || c == '\'') {
                std::string text;
                if (!read_quoted(text)) return false;
                out.add_item(make_string(std::move(text)), list_key_);
            } else {
                const std::size_t start = pos_;
                while (pos_ < s_.size() && s_[pos_] != ',' && s_[pos_] != ']') ++pos_;
                out.add_item(plain_scalar(trim(s_.substr(start, pos_ - start)), text_only_), list_key_);
            }
            skip_blanks();
            if (pos_ < s_.size() && s_[pos_] == ',') {
                ++pos_;
            } else if (pos_ < s_.size() && s_[pos_] != ']') {
                return fail(kSyntax, "expected ',' or ']' in a [...] list");
            }
        }
    }

    std::string_view s_;
    std::size_t pos_ = 0;
    bool text_only_;
    bool list_key_;
    const char* error_code_ = kSyntax;
    const char* error_ = "";
};

// tags and categories given as one scalar ("rust, c++ , wasm"): a list of its
// comma-separated parts, trimmed (add_item leaves the empty ones out).
Value split_list(const Scalar& value) {
    Value list;
    list.is_list = true;
    if (!value.is_string) return list;
    std::string_view rest = value.text;
    for (;;) {
        const std::size_t comma = rest.find(',');
        list.add_item(Scalar{true, std::string(trim(rest.substr(0, comma)))}, true);
        if (comma == std::string_view::npos) return list;
        rest.remove_prefix(comma + 1);
    }
}

// Reads the lines between the two markers, one at a time.
class BlockParser {
public:
    explicit BlockParser(FrontMatter& out) : out_(out) {}

    void parse_line(std::string_view text, std::size_t number) {
        std::size_t spaces = 0;
        while (spaces < text.size() && text[spaces] == ' ') ++spaces;
        std::size_t content = spaces;
        while (content < text.size() && is_blank(text[content])) ++content;
        if (content == text.size() || text[content] == '#') return;  // blank line or comment
        const bool tab_indented = content != spaces;
        const std::string_view rest = text.substr(content);
        const bool list_item = rest[0] == '-' && (rest.size() == 1 || is_blank(rest[1]));
        if (content == 0 && !list_item) return parse_key_line(text, number);

        // An indented line or a list item: it belongs to the key above, if any.
        switch (state_) {
            case State::skipping: return;
            case State::idle:
                return warn(number, kSyntax,
                            tab_indented ? "tabs cannot indent YAML; use spaces"
                            : list_item  ? "list item without a key above it"
                                         : "unexpected indentation");
            case State::empty_value:
            case State::list:
                if (tab_indented) return skip_key(number, kSyntax, "tabs cannot indent YAML; use spaces");
                if (list_item) return parse_list_item(rest.substr(1), number);
                if (state_ == State::list) return skip_key(number, kUnsupported, "values nested in lists are not supported");
                if (looks_like_entry(rest)) return skip_key(number, kUnsupported, "nested maps are not supported");
                return skip_key(number, kUnsupported, "multi-line values are not supported");
            case State::value:
                return skip_key(number, kSyntax,
                                tab_indented ? "tabs cannot indent YAML; use spaces"
                                : list_item  ? "a list item cannot follow a value on the key's line"
                                             : "unexpected indentation (multi-line values are not supported)");
        }
    }

    void finish() { commit(); }


private:
    enum class State {
        idle,         ///< no key yet, or the last one was committed
        empty_value,  ///< 'key:' with nothing after it: list items may follow
        list,         ///< 'key:' followed by '- item' lines
        value,        ///< 'key: value', complete
        skipping,     ///< a broken entry: its indented lines are skipped silently
    };

    // render_markdown reports kMaxWarnings, then that there were more: one
    // more than that is kept, so that a long block of bad lines costs no memory
    // per line (found by review: 10M lines of it exhausted the engine's).
    void warn(std::size_t line, const char* code, std::string message) {
        if (out_.warnings.size() <= kMaxWarnings) out_.warnings.push_back(FrontMatterWarning{line, code, std::move(message)});
    }

    // A message is a literal; the skipped key is named after it.
    void skip_key(std::size_t line, const char* code, const char* message) {
        std::string text = message;
        text.append("; '").append(key_).append("' skipped");
        warn(line, code, std::move(text));
        state_ = State::skipping;
    }

    void commit() {
        if (state_ == State::empty_value || state_ == State::list || state_ == State::value) {
            if (list_key_ && !value_.is_list) value_ = split_list(value_.scalar);
            std::string text;
            if (value_.is_list) {
                text.push_back('[');
                text.append(value_.items);
                text.push_back(']');
            } else {
                append_scalar_json(text, value_.scalar);
            }
            // A repeated key keeps its first place and takes the last value.
            if (std::string* existing = find_field(key_)) *existing = std::move(text);
            else out_.fields.emplace_back(key_, std::move(text));
        }
        state_ = State::idle;
        value_ = Value{};
    }

    void parse_key_line(std::string_view text, std::size_t number) {
        commit();
        std::size_t key_end = 0;
        while (key_end < text.size() && is_key_char(text[key_end])) ++key_end;
        std::size_t colon = key_end;
        while (colon < text.size() && text[colon] == ' ') ++colon;
        if (key_end == 0 || colon == text.size() || text[colon] != ':' ||
            (colon + 1 < text.size() && !is_blank(text[colon + 1]))) {
            state_ = State::skipping;  // lines indented below it belong to it
            return warn(number, kSyntax,
                        "expected 'key: value' (letters, digits, '_', '-' or '.', then ': ')");
        }
        key_ = std::string(text.substr(0, key_end));
        list_key_ = is_list_key(key_);
        text_key_ = is_text_key(key_);
        if (find_field(key_) != nullptr) {
            std::string text = "'";
            text.append(key_).append("' is given more than once; the last valid value is used");
            warn(number, "front_matter_duplicate_key", std::move(text));
        }
        const std::string_view value_text = trim(text.substr(colon + 1));
        if (value_text.empty() || value_text[0] == '#') {
            state_ = State::empty_value;
            return;
        }
        ValueReader reader(value_text, text_key_, list_key_);
        if (!reader.read(value_, false)) return skip_key(number, reader.error_code(), reader.error());
        state_ = State::value;
    }

    void parse_list_item(std::string_view item_text, std::size_t number) {
        if (state_ == State::empty_value) {
            value_.is_list = true;
            state_ = State::list;
        }
        const std::string_view text = trim(item_text);
        if (text.empty() || text[0] == '#') {
            value_.add_item(Scalar{}, list_key_);  // an empty item is null
            return;
        }
        Value item;
        ValueReader reader(text, text_key_, list_key_);
        if (!reader.read(item, true)) return skip_key(number, reader.error_code(), reader.error());
        value_.add_item(item.scalar, list_key_);
    }

    std::string* find_field(std::string_view key) {
        for (auto& [name, value] : out_.fields) {
            if (name == key) return &value;
        }
        return nullptr;
    }

    FrontMatter& out_;
    State state_ = State::idle;
    std::string key_;
    bool list_key_ = false;
    bool text_key_ = false;
    Value value_;
};

}  // namespace

void append_fields_json(std::string& out, const FrontMatter& front_matter) {
    out.push_back('{');
    for (std::size_t i = 0; i < front_matter.fields.size(); ++i) {
        if (i) out.push_back(',');
        blogreader::json::append_string(out, front_matter.fields[i].first);
        out.push_back(':');
        out.append(front_matter.fields[i].second);
    }
    out.push_back('}');
}

void parse_front_matter(std::string_view document, FrontMatter& result) {
    const std::size_t start = document.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    result.clear();
    result.body_offset = start;
    const Line opening = read_line(document, start);
    if (!is_marker(opening.text, "---")) return;

    // Find the closing line first: until it is seen, this may be Markdown. The
    // first line that is neither blank nor a comment decides whether the block
    // is front matter at all (looks_like_entry). The block ends at the
    // first closing line however far down, as in Jekyll, Hugo and gray-matter:
    // a limit would publish a long block as text (found by review: 1000 comment
    // lines, or one 70 KB description, put the whole block into the article).
    std::size_t offset = opening.next;
    std::size_t line_count = 0;
    std::string_view first_content;
    bool closed = false;
    while (offset < document.size()) {
        const Line line = read_line(document, offset);
        if (is_marker(line.text, "---") || is_marker(line.text, "...")) {
            closed = true;
            break;
        }
        ++line_count;
        if (first_content.empty()) {
            const std::string_view text = trim(line.text);
            if (!text.empty() && text[0] != '#') first_content = line.text;
        }
        offset = line.next;
    }

    // Front matter only when the author clearly meant it; otherwise the '---'
    // is a thematic break ("---\n\nHello\n---": and a setext heading).
    const bool meant = first_content.empty() ? closed : looks_like_entry(first_content, true);
    if (!closed) {
        // Either way, everything is body.
        if (meant) {
            result.present = true;
            result.warnings.push_back(FrontMatterWarning{
                1, "front_matter_unclosed", "front matter has no closing '---' line; it is shown as text"});
        }
        return;
    }

    if (!meant) return;

    // Parse the lines between the markers (the opening is line 1).
    BlockParser parser(result);
    std::size_t at = opening.next;
    for (std::size_t i = 0; i < line_count; ++i) {
        const Line line = read_line(document, at);
        parser.parse_line(line.text, i + 2);
        at = line.next;
    }
    parser.finish();
    result.present = true;
    result.body_offset = read_line(document, offset).next;  // past the closing line
    result.body_first_line = line_count + 3;
}

}  // namespace blogreader::markdown
