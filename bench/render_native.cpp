// Native throughput of the C++ engine (no WebAssembly, no JS): the ceiling the
// WASM build is measured against, and the harness for profiling the writer with
// perf or callgrind.
//   build/native/br_bench_render FILE.md [iterations] [--commonmark]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "markdown/render.h"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FILE.md [iterations] [--commonmark]\n", argv[0]);
        return 2;
    }
    std::FILE* f = std::fopen(argv[1], "rb");
    if (!f) {
        std::perror(argv[1]);
        return 1;
    }
    std::string input;
    char buffer[65536];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) input.append(buffer, n);
    std::fclose(f);
    const int iterations = argc > 2 ? std::atoi(argv[2]) : 100;
    const bool commonmark = argc > 3 && std::strcmp(argv[3], "--commonmark") == 0;
    const auto options = commonmark ? blogreader::markdown::unsafe_commonmark_options() : blogreader::markdown::RenderOptions{};
    blogreader::markdown::RenderResult result;
    std::size_t checksum = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < iterations; ++i) {
        blogreader::markdown::render_markdown(input, options, result);
        checksum += result.html.size() + blogreader::markdown::render_metadata_json(result).size();
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%s: %zu bytes x %d in %.3f s = %.1f MB/s (checksum %zu)\n", argv[1], input.size(), iterations,
                seconds, input.size() * double(iterations) / seconds / 1e6, checksum);
    return 0;
}
