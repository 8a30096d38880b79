#include "comments/punycode.h"

#include <cstdint>

namespace blogreader::punycode {
namespace {

// Bootstring parameters for Punycode (RFC 3492 section 5).
constexpr std::uint32_t kBase = 36;
constexpr std::uint32_t kTMin = 1;
constexpr std::uint32_t kTMax = 26;
constexpr std::uint32_t kSkew = 38;
constexpr std::uint32_t kDamp = 700;
constexpr std::uint32_t kInitialBias = 72;
constexpr std::uint32_t kInitialN = 0x80;
constexpr std::uint32_t kMaxInt = 0xFFFFFFFFu;

char encode_digit(std::uint32_t d) {
    // 0..25 -> 'a'..'z', 26..35 -> '0'..'9'
    return static_cast<char>(d < 26 ? 'a' + d : '0' + (d - 26));
}

// Returns kBase for a byte that is not a Punycode digit.
std::uint32_t decode_digit(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0' + 26;
    if (c >= 'a' && c <= 'z') return c - 'a';
    if (c >= 'A' && c <= 'Z') return c - 'A';
    return kBase;
}

std::uint32_t adapt(std::uint32_t delta, std::uint32_t num_points, bool first_time) {
    delta = first_time ? delta / kDamp : delta / 2;
    delta += delta / num_points;
    std::uint32_t k = 0;
    while (delta > ((kBase - kTMin) * kTMax) / 2) {
        delta /= kBase - kTMin;
        k += kBase;
    }
    return k + (kBase - kTMin + 1) * delta / (delta + kSkew);
}

std::uint32_t threshold(std::uint32_t k, std::uint32_t bias) {
    if (k <= bias) return kTMin;
    if (k >= bias + kTMax) return kTMax;
    return k - bias;
}

bool is_scalar_value(char32_t c) { return c <= 0x10FFFF && (c < 0xD800 || c > 0xDFFF); }

}  // namespace

std::optional<std::string> encode(std::u32string_view input) {
    std::string out;
    out.reserve(input.size() * 2);
    for (char32_t c : input) {
        if (!is_scalar_value(c)) return std::nullopt;
        if (c < 0x80) out.push_back(static_cast<char>(c));
    }
    const std::uint32_t basic_count = static_cast<std::uint32_t>(out.size());
    std::uint32_t handled = basic_count;
    if (basic_count > 0) out.push_back('-');

    std::uint32_t n = kInitialN, delta = 0, bias = kInitialBias;
    const auto length = static_cast<std::uint32_t>(input.size());
    while (handled < length) {
        // The smallest code point not yet handled.
        std::uint32_t m = kMaxInt;
        for (char32_t c : input)
            if (c >= n && c < m) m = c;
        if (m - n > (kMaxInt - delta) / (handled + 1)) return std::nullopt;
        delta += (m - n) * (handled + 1);
        n = m;
        for (char32_t c : input) {
            if (c < n && ++delta == 0) return std::nullopt;
            if (c != n) continue;
            std::uint32_t q = delta;
            for (std::uint32_t k = kBase;; k += kBase) {
                const std::uint32_t t = threshold(k, bias);
                if (q < t) break;
                out.push_back(encode_digit(t + (q - t) % (kBase - t)));
                q = (q - t) / (kBase - t);
            }
            out.push_back(encode_digit(q));
            bias = adapt(delta, handled + 1, handled == basic_count);
            delta = 0;
            ++handled;
        }
        ++delta;
        ++n;
    }
    return out;
}

std::optional<std::u32string> decode(std::string_view input) {
    std::u32string out;
    // Everything before the last '-' is basic code points copied as they are.
    const std::size_t last_dash = input.rfind('-');
    std::size_t in = 0;
    if (last_dash != std::string_view::npos) {
        for (std::size_t j = 0; j < last_dash; ++j) {
            const auto c = static_cast<unsigned char>(input[j]);
            if (c >= 0x80) return std::nullopt;
            out.push_back(c);
        }
        in = last_dash + 1;
    }

    std::uint32_t n = kInitialN, i = 0, bias = kInitialBias;
    while (in < input.size()) {
        const std::uint32_t old_i = i;
        std::uint32_t w = 1;
        for (std::uint32_t k = kBase;; k += kBase) {
            if (in >= input.size()) return std::nullopt;  // truncated number
            const std::uint32_t digit = decode_digit(static_cast<unsigned char>(input[in++]));
            if (digit >= kBase) return std::nullopt;
            if (digit > (kMaxInt - i) / w) return std::nullopt;
            i += digit * w;
            const std::uint32_t t = threshold(k, bias);
            if (digit < t) break;
            if (w > kMaxInt / (kBase - t)) return std::nullopt;
            w *= kBase - t;
        }
        const auto count = static_cast<std::uint32_t>(out.size()) + 1;
        bias = adapt(i - old_i, count, old_i == 0);
        if (i / count > kMaxInt - n) return std::nullopt;
        n += i / count;
        i %= count;
        if (!is_scalar_value(n) || n < kInitialN) return std::nullopt;
        out.insert(out.begin() + i, static_cast<char32_t>(n));
        ++i;
    }
    return out;
}

}  // namespace blogreader::punycode
