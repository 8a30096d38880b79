// The engine's string hash for its small open-addressing tables (entity names,
// heading slugs): FNV-1a, 32 bits. Cheap for short keys and spreads them well
// enough for tables kept at most half full.
#pragma once

#include <cstdint>
#include <string_view>

namespace blogreader {

constexpr std::uint32_t fnv1a(std::string_view s) noexcept {
    std::uint32_t h = 2166136261u;
    for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
}

}  // namespace blogreader
