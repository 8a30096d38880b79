#include "common/json.h"

#include <cmath>
#include <cstring>

#include "common/ascii.h"
#include "common/utf8.h"

namespace blogreader::json {

const Value* Value::find(std::string_view key) const {
    // Last match wins, so a duplicated key behaves as in most JSON parsers.
    for (auto it = members_.rbegin(); it != members_.rend(); ++it) {
        if (it->first == key) return &it->second;
    }
    return nullptr;
}

void Value::set(std::string key, Value v) { member_slot(std::move(key)) = std::move(v); }

void Value::reset(Type type) {
    type_ = type;
    boolean_ = false;
    number_ = 0;
    string_.clear();
    items_.clear();
    members_.clear();
}

void Value::assign_string(std::string&& text) {
    reset(Type::string);
    string_ = std::move(text);
}

Value& Value::append_item() {
    if (items_.capacity() == 0) items_.reserve(4);  // most arrays here are short: one allocation
    items_.emplace_back();
    return items_.back();
}

Value& Value::member_slot(std::string&& key) {
    for (auto& member : members_) {
        if (member.first == key) {
            member.second.reset(Type::null);
            return member.second;
        }
    }
    if (members_.capacity() == 0) members_.reserve(4);
    members_.emplace_back(std::move(key), Value());
    return members_.back().second;
}

bool Value::erase(std::string_view key) {
    for (auto it = members_.begin(); it != members_.end(); ++it) {
        if (it->first == key) {
            members_.erase(it);
            return true;
        }
    }
    return false;
}

// ---- reading --------------------------------------------------------------

namespace {

constexpr int kMaxDepth = 64;

// Exact powers of ten as doubles (10^0 .. 10^22 are exactly representable).
constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                             1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

class Reader {
public:
    Reader(std::string_view text, ParseError& error) : s_(text), error_(error) {}

    bool whole_number(double& out) {
        Value v;
        if (s_.empty() || !number(v) || pos_ != s_.size()) return false;
        out = v.as_number();
        return true;
    }

    bool document(Value& out) {
        skip_space();
        if (!value(out, 0)) return false;
        skip_space();
        if (pos_ != s_.size()) return fail("unexpected text after the JSON value");
        return true;
    }

private:
    bool fail(const char* message) {
        error_.offset = pos_;
        error_.message = message;
        return false;
    }

    void skip_space() {
        while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) ++pos_;
    }

    bool literal(std::string_view word) {
        if (s_.substr(pos_, word.size()) != word) return fail("invalid literal (expected true, false or null)");
        pos_ += word.size();
        return true;
    }

    bool value(Value& out, int depth) {
        if (pos_ >= s_.size()) return fail("unexpected end of JSON");
        switch (s_[pos_]) {
            case '{': return object(out, depth);
            case '[': return array(out, depth);
            case '"': {
                std::string text;
                if (!string(text)) return false;
                out.assign_string(std::move(text));
                return true;
            }
            case 't': out.assign_bool(true); return literal("true");
            case 'f': out.assign_bool(false); return literal("false");
            case 'n': out.reset(Value::Type::null); return literal("null");
            default: return number(out);
        }
    }

    bool object(Value& out, int depth) {
        if (depth >= kMaxDepth) return fail("JSON nested too deeply");
        out.reset(Value::Type::object);
        ++pos_;
        skip_space();
        if (pos_ < s_.size() && s_[pos_] == '}') { ++pos_; return true; }
        for (;;) {
            skip_space();
            if (pos_ >= s_.size() || s_[pos_] != '"') return fail("expected a string as object key");
            std::string key;
            if (!string(key)) return false;
            skip_space();
            if (pos_ >= s_.size() || s_[pos_] != ':') return fail("expected ':' after an object key");
            ++pos_;
            skip_space();
            if (!value(out.member_slot(std::move(key)), depth + 1)) return false;
            skip_space();
            if (pos_ < s_.size() && s_[pos_] == ',') { ++pos_; continue; }
            if (pos_ < s_.size() && s_[pos_] == '}') { ++pos_; return true; }
            return fail("expected ',' or '}' in an object");
        }
    }

    bool array(Value& out, int depth) {
        if (depth >= kMaxDepth) return fail("JSON nested too deeply");
        out.reset(Value::Type::array);
        ++pos_;
        skip_space();
        if (pos_ < s_.size() && s_[pos_] == ']') { ++pos_; return true; }
        for (;;) {
            skip_space();
            if (!value(out.append_item(), depth + 1)) return false;
            skip_space();
            if (pos_ < s_.size() && s_[pos_] == ',') { ++pos_; continue; }
            if (pos_ < s_.size() && s_[pos_] == ']') { ++pos_; return true; }
            return fail("expected ',' or ']' in an array");
        }
    }

    bool hex4(unsigned& value) {
        if (pos_ + 4 > s_.size()) return fail("truncated \\u escape");
        value = 0;
        for (int i = 0; i < 4; ++i) {
            const int digit = ascii_hex_value(s_[pos_++]);
            if (digit < 0) return fail("invalid \\u escape");
            value = value << 4 | static_cast<unsigned>(digit);
        }
        return true;
    }

    bool string(std::string& out) {
        ++pos_;  // opening quote
        std::size_t run = pos_;
        for (;;) {
            if (pos_ >= s_.size()) return fail("unterminated string");
            const unsigned char c = static_cast<unsigned char>(s_[pos_]);
            if (c == '"') {
                out.append(s_.data() + run, pos_ - run);
                ++pos_;
                return true;
            }
            if (c < 0x20) return fail("control character in a string (must be escaped)");
            if (c >= 0x80) {
                const auto d = utf8::decode(s_, pos_);
                if (!d.valid) return fail("invalid UTF-8 in a string");
                pos_ += d.length;
                continue;
            }
            if (c != '\\') { ++pos_; continue; }
            out.append(s_.data() + run, pos_ - run);
            if (++pos_ >= s_.size()) return fail("unterminated escape");
            const char e = s_[pos_++];
            switch (e) {
                case '"': out.push_back('"'); break;
                case '\\': out.push_back('\\'); break;
                case '/': out.push_back('/'); break;
                case 'b': out.push_back('\b'); break;
                case 'f': out.push_back('\f'); break;
                case 'n': out.push_back('\n'); break;
                case 'r': out.push_back('\r'); break;
                case 't': out.push_back('\t'); break;
                case 'u': {
                    unsigned cp;
                    if (!hex4(cp)) return false;
                    if (cp >= 0xDC00 && cp <= 0xDFFF) return fail("lone low surrogate escape");
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        unsigned low;
                        if (pos_ + 2 > s_.size() || s_[pos_] != '\\' || s_[pos_ + 1] != 'u') {
                            return fail("lone high surrogate escape");
                        }
                        pos_ += 2;
                        if (!hex4(low)) return false;
                        if (low < 0xDC00 || low > 0xDFFF) return fail("lone high surrogate escape");
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    }
                    utf8::append(out, static_cast<char32_t>(cp));
                    break;
                }
                default: return fail("invalid escape in a string");
            }
            run = pos_;
        }
    }

    bool number(Value& out) {
        const std::size_t start = pos_;
        bool negative = false;
        if (s_[pos_] == '-') { negative = true; ++pos_; }
        auto digit = [&] { return pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9'; };
        if (!digit()) return fail(start == pos_ ? "unexpected character" : "expected a digit");
        std::uint64_t mantissa = 0;
        int exponent = 0;
        int digits = 0;
        auto take = [&](bool fraction) {
            const unsigned d = static_cast<unsigned>(s_[pos_++] - '0');
            if (digits < 19) {
                if (mantissa != 0 || d != 0) ++digits;
                mantissa = mantissa * 10 + d;
                if (fraction) --exponent;
            } else if (!fraction) {
                ++exponent;  // digits beyond 19 only scale the value
            }
        };
        if (s_[pos_] == '0') {
            ++pos_;
            if (digit()) return fail("leading zero in a number");
        } else {
            while (digit()) take(false);
        }
        if (pos_ < s_.size() && s_[pos_] == '.') {
            ++pos_;
            if (!digit()) return fail("expected a digit after '.'");
            while (digit()) take(true);
        }
        if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
            ++pos_;
            bool exp_negative = false;
            if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) exp_negative = s_[pos_++] == '-';
            if (!digit()) return fail("expected a digit in the exponent");
            int e = 0;
            while (digit()) {
                e = e < 10000 ? e * 10 + (s_[pos_] - '0') : e;
                ++pos_;
            }
            exponent += exp_negative ? -e : e;
        }
        // Clinger's fast path is exact for mantissas below 2^53 and |exponent| <= 22;
        // beyond that repeated scaling is within a few ulps, plenty for options.
        double value = static_cast<double>(mantissa);
        // Zero stays zero whatever the exponent ("0e-99999"), and so does a value
        // that underflows while scaling down: kPow10 is only ever indexed by
        // -22..22 (the fuzzer found "0e-99999" reading far outside it).
        if (value != 0) {
            while (exponent > 22 && value < 1e308) { value *= 1e22; exponent -= 22; }
            while (exponent < -22 && value != 0) { value /= 1e22; exponent += 22; }
            if (value == 0) {
                // underflow: the nearest double is 0
            } else if (exponent > 22) {
                value = HUGE_VAL;
            } else if (exponent > 0) {
                value *= kPow10[exponent];
            } else if (exponent < 0) {
                value /= kPow10[-exponent];
            }
        }
        if (std::isinf(value)) return fail("number out of range");
        out.assign_number(negative ? -value : value, s_.substr(start, pos_ - start));
        return true;
    }

    std::string_view s_;
    std::size_t pos_ = 0;
    ParseError& error_;
};

}  // namespace

bool parse_number(std::string_view text, double& out) {
    ParseError error;
    Reader reader(text, error);
    return reader.whole_number(out);
}

bool parse(std::string_view text, Value& out, ParseError& error) {
    Reader reader(text, error);
    return reader.document(out);
}

// ---- writing --------------------------------------------------------------

namespace {
// Bytes that a JSON string can hold as they are: printable ASCII but '"' and '\\'.
struct PlainBytes {
    bool plain[256];
    constexpr PlainBytes() : plain() {
        for (unsigned c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
    }
};
constexpr PlainBytes kPlain;
}  // namespace

void append_string(std::string& out, std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    out.push_back('"');
    std::size_t run = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (kPlain.plain[c]) { ++i; continue; }
        if (c >= 0x80) {
            const auto d = utf8::decode(s, i);
            if (d.valid) { i += d.length; continue; }
            out.append(s.data() + run, i - run);
            out.append("\xEF\xBF\xBD");
            i += d.length;
            run = i;
            continue;
        }
        out.append(s.data() + run, i - run);
        // The characters with a short escape, and the letter that names each.
        static constexpr char kShort[] = "\"\\\n\r\t";
        static constexpr char kShortNames[] = "\"\\nrt";
        out.push_back('\\');
        if (const char* found = c != 0 ? std::strchr(kShort, c) : nullptr) {
            out.push_back(kShortNames[found - kShort]);
        } else {
            out.append("u00");
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 15]);
        }
        run = ++i;
    }
    out.append(s.data() + run, s.size() - run);
    out.push_back('"');
}

void append_number(std::string& out, double d) {
    if (!std::isfinite(d)) {
        out.append("null");
        return;
    }
    if (d < 0) {
        out.push_back('-');
        d = -d;
    }
    if (d == std::floor(d) && d < 9007199254740992.0) {
        append_unsigned(out, static_cast<std::uint64_t>(d));
        return;
    }
    // 15 significant digits: m * 10^(e-14) with 10^14 <= m < 10^15.
    int e = static_cast<int>(std::floor(std::log10(d)));
    // Scale to 15 integer digits in steps that neither overflow nor underflow.
    int shift = 14 - e;
    double scaled = d;
    while (shift > 200) { scaled *= 1e100; shift -= 100; }
    scaled = shift >= 0 ? scaled * std::pow(10.0, shift) : scaled / std::pow(10.0, -shift);
    std::uint64_t m = static_cast<std::uint64_t>(std::llround(scaled));
    if (m >= 1000000000000000ull) { m /= 10; ++e; }
    char digits[16];
    int n = 15;
    for (int i = 14; i >= 0; --i) { digits[i] = static_cast<char>('0' + m % 10); m /= 10; }
    while (n > 1 && digits[n - 1] == '0') --n;  // trailing zeros say nothing
    if (e >= -6 && e < 15) {
        if (e < 0) {
            out.append("0.");
            out.append(static_cast<std::size_t>(-e - 1), '0');
            out.append(digits, static_cast<std::size_t>(n));
        } else {
            const int int_digits = e + 1;
            for (int i = 0; i < int_digits; ++i) out.push_back(i < n ? digits[i] : '0');
            if (n > int_digits) {
                out.push_back('.');
                out.append(digits + int_digits, static_cast<std::size_t>(n - int_digits));
            }
        }
    } else {
        out.push_back(digits[0]);
        if (n > 1) {
            out.push_back('.');
            out.append(digits + 1, static_cast<std::size_t>(n - 1));
        }
        out.push_back('e');
        if (e < 0) out.push_back('-');
        append_unsigned(out, static_cast<std::uint64_t>(e < 0 ? -e : e));
    }
}

void append_value(std::string& out, const Value& v) {
    switch (v.type()) {
        case Value::Type::null: out.append("null"); break;
        case Value::Type::boolean: out.append(v.as_bool() ? "true" : "false"); break;
        case Value::Type::number: out.append(v.number_text()); break;
        case Value::Type::string: append_string(out, v.as_string()); break;
        case Value::Type::array:
            append_array(out, v.items(), [&](const Value& item) { append_value(out, item); });
            break;
        case Value::Type::object: {
            out.push_back('{');
            bool first = true;
            for (const auto& [key, member] : v.members()) {
                append_key(out, key, first);
                first = false;
                append_value(out, member);
            }
            out.push_back('}');
            break;
        }
    }
}

void append_key(std::string& out, std::string_view key, bool first) {
    if (!first) out.push_back(',');
    append_string(out, key);
    out.push_back(':');
}

}  // namespace blogreader::json
