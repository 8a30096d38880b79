// A small JSON value, reader and writer for what crosses the C ABI.
//
// Why not nlohmann/json in the engine: measured in the WebAssembly build, it and
// the libc number parsing/printing it pulls in (strtod with long double soft
// float, printf) cost about 60 kB of code, more than md4c itself, against a
// 40 kB gzip budget for the whole engine (see bench/README.md). The engine's JSON
// is small and regular (metadata out; options in), so this file does it in a
// few hundred lines. nlohmann/json stays the reference: the native tests parse
// everything this writer produces with it (tests/cpp/test_json.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/decimal.h"

namespace blogreader::json {

/// Appends a finite number: integers exactly (up to 2^53), other values with up
/// to 15 significant digits (round-trips every value the engine produces);
/// NaN and infinities, which JSON cannot express, become null.
void append_number(std::string& out, double d);

/// A JSON value. Objects keep their members in insertion order (duplicate keys
/// on input: the last one wins on lookup, like most parsers).
class Value {
public:
    enum class Type : std::uint8_t { null, boolean, number, string, array, object };

    Value() = default;
    static Value boolean(bool b) { Value v; v.type_ = Type::boolean; v.boolean_ = b; return v; }
    /// Numbers carry the JSON text they are written as: parsed ones their source
    /// text, number(d) the text append_number() gives. So writing a value never
    /// formats a double, and the Markdown engine, whose numbers all come as text,
    /// links no double formatting at all (~1 kB gzip).
    static Value number(double d) {
        Value v; v.type_ = Type::number; v.number_ = d; append_number(v.string_, d); return v;
    }
    /// A number given as its JSON text (RFC 8259 syntax, finite as a double),
    /// written as it is; as_number() is 0 for it (for values that only pass through).
    static Value number_text(std::string json_number) {
        Value v; v.type_ = Type::number; v.string_ = std::move(json_number); return v;
    }
    static Value string(std::string s) { Value v; v.type_ = Type::string; v.string_ = std::move(s); return v; }
    static Value array() { Value v; v.type_ = Type::array; return v; }
    static Value object() { Value v; v.type_ = Type::object; return v; }

    Type type() const { return type_; }
    bool is_null() const { return type_ == Type::null; }
    bool is_bool() const { return type_ == Type::boolean; }
    bool is_number() const { return type_ == Type::number; }
    bool is_string() const { return type_ == Type::string; }
    bool is_array() const { return type_ == Type::array; }
    bool is_object() const { return type_ == Type::object; }

    bool as_bool() const { return boolean_; }
    double as_number() const { return number_; }
    const std::string& as_string() const { return string_; }
    /// The JSON text of a number (empty unless a number).
    const std::string& number_text() const { return string_; }

    /// Array elements (empty unless an array).
    const std::vector<Value>& items() const { return items_; }
    /// Object members in order (empty unless an object).
    const std::vector<std::pair<std::string, Value>>& members() const { return members_; }

    /// The member named key, or nullptr (also for non-objects).
    const Value* find(std::string_view key) const;

    /// Appends to an array.
    void push_back(Value v) { items_.push_back(std::move(v)); }
    /// Sets an object member (replaces an existing one).
    void set(std::string key, Value v);

    /// For the reader, which builds values in place instead of moving them:
    /// makes this an empty value of `type`, keeping no old content.
    void reset(Type type);
    /// Makes this a string value holding `text`.
    void assign_string(std::string&& text);
    /// Makes this a number or boolean value (no temporary Value is built).
    void assign_number(double d, std::string_view text) { reset(Type::number); number_ = d; string_.assign(text); }
    void assign_bool(bool b) { reset(Type::boolean); boolean_ = b; }
    /// A new null element at the end of an array.
    Value& append_item();
    /// The member `key` of an object, reset to null, appended if it is new
    /// (an existing key keeps its place, as set() does).
    Value& member_slot(std::string&& key);
    /// Removes an object member; returns whether it existed.
    bool erase(std::string_view key);

private:
    Type type_ = Type::null;
    bool boolean_ = false;
    double number_ = 0;
    std::string string_;
    std::vector<Value> items_;
    std::vector<std::pair<std::string, Value>> members_;
};

/// Where and why parsing failed.
struct ParseError {
    std::size_t offset = 0;  ///< byte offset in the input
    std::string message;     ///< e.g. "expected ':' after an object key"
};

/// Parses RFC 8259 JSON (UTF-8; strings must be valid UTF-8 and escapes
/// well-formed, lone surrogate escapes are errors; nesting at most 64 deep so a
/// hostile input cannot exhaust the stack). Numbers are parsed to the nearest
/// double for up to 17 significant digits and exponents within ±308; that is
/// every number the engine's options use. Returns false and fills `error` on
/// failure; never throws.
bool parse(std::string_view text, Value& out, ParseError& error);

/// Parses one JSON number (the whole of `text`, RFC 8259 syntax, the same rules
/// as parse()); false when `text` is not exactly a number or is out of range.
bool parse_number(std::string_view text, double& out);

/// Appends `s` as a JSON string literal: quotes, \" \\ and control characters
/// escaped; invalid UTF-8 becomes U+FFFD so the output is always valid JSON.
void append_string(std::string& out, std::string_view s);

/// Appends an unsigned integer in decimal (a JSON number).
inline void append_unsigned(std::string& out, std::uint64_t n) { append_decimal(out, n); }


/// Appends any value (compact, no white space).
void append_value(std::string& out, const Value& v);

/// Writes `"key":` (with a leading comma unless first is true).
void append_key(std::string& out, std::string_view key, bool first = false);

/// Appends `[a,b,...]`: '[', each item written by write(item) with commas
/// between, ']'. The one place that lays out a JSON array.
template <typename Items, typename Write>
void append_array(std::string& out, const Items& items, Write&& write) {
    out.push_back('[');
    bool first = true;
    for (const auto& item : items) {
        if (!first) out.push_back(',');
        first = false;
        write(item);
    }
    out.push_back(']');
}

}  // namespace blogreader::json
