// The HTML output buffer: appends, inserts, growth and reuse.
#include <catch2/catch.hpp>

#include <string>

#include "common/output_buffer.h"

using blogreader::OutputBuffer;

TEST_CASE("OutputBuffer appends, inserts and compares like a string", "[output_buffer]") {
    OutputBuffer out;
    CHECK(out.empty());
    CHECK(out == "");
    CHECK(out.data() != nullptr);  // never null, even before the first byte
    out.append("<h2>");
    out.append("Kop", 3);
    out.push_back('<');
    out.append(std::string_view("/h2>"));
    CHECK(out == "<h2>Kop</h2>");
    out.insert(3, " id=\"kop\"");
    CHECK(out == "<h2 id=\"kop\">Kop</h2>");
    out.insert(out.size(), "\n");
    CHECK(out.str() == "<h2 id=\"kop\">Kop</h2>\n");
    CHECK_FALSE(out.failed());
}

TEST_CASE("OutputBuffer grows across many small appends and keeps every byte", "[output_buffer]") {
    OutputBuffer out;
    std::string expected;
    for (int i = 0; i < 100000; ++i) {
        const char c = static_cast<char>('a' + i % 26);
        out.push_back(c);
        out.append("&amp;", 5);
        expected.push_back(c);
        expected += "&amp;";
    }
    CHECK(out.size() == expected.size());
    CHECK(out == expected);
}

TEST_CASE("OutputBuffer clear() keeps capacity; moves transfer ownership", "[output_buffer]") {
    OutputBuffer out;
    out.reserve(1000);
    out.append("x");
    const char* before = out.data();
    out.clear();
    CHECK(out.empty());
    out.append("y");
    CHECK(out.data() == before);
    OutputBuffer moved(std::move(out));
    CHECK(moved == "y");
    CHECK(out.empty());  // NOLINT(bugprone-use-after-move): a moved-from buffer is empty by contract
    out = std::move(moved);
    CHECK(out == "y");
}
