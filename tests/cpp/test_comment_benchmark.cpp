// Throughput of the comment API's hot path: one typical Dutch comment,
// validated whole, as the browser does on submit. Hidden (not run by default):
//   ./build/native/br_tests "[.benchmark]"
// Goal: <= 5 µs per call in WebAssembly; natively it should be well below.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "comments/comment_api.h"

using namespace blogreader::comments;

namespace {

// The request the JS layer sends for a typical comment: field ranges into one
// byte buffer, the page's locales and the elapsed time.
struct TypicalComment {
    std::string bytes;
    std::string request;

    TypicalComment() {
        const std::string author = "Jan de Vries";
        const std::string email = "jan@voorbeeld.nl";
        const std::string url = "https://voorbeeld.nl/blog";
        const std::string content =
            "Dank voor dit heldere stuk! Ik heb de stappen gevolgd op mijn eigen blog en het werkte meteen, "
            "al moest ik de configuratie iets aanpassen voor mijn server. Voor wie dezelfde vraag heeft: de "
            "uitleg op https://voorbeeld.nl/handleiding hielp mij verder. Misschien een idee om dat in een "
            "volgend artikel uit te werken? Groeten uit Gent.";
        request = "{\"fields\":{";
        const std::string* values[] = {&author, &email, &url, &content};
        const char* names[] = {"author", "email", "url", "content"};
        for (int i = 0; i < 4; ++i) {
            if (i) request += ',';
            request += '"';
            request += names[i];
            request += "\":[" + std::to_string(bytes.size()) + ',' + std::to_string(values[i]->size()) + ']';
            bytes += *values[i];
        }
        request += ",\"honeypot\":[" + std::to_string(bytes.size()) + ",0]";
        request += R"(},"options":{"locale":["nl-BE","en"],"elapsedSeconds":42}})";
    }
};

}  // namespace

TEST_CASE("benchmark: whole-form validation of a typical Dutch comment", "[.benchmark][comments]") {
    const TypicalComment comment;
    const std::string response = validate_comment_request(comment.request, comment.bytes);
    REQUIRE(response.find("\"valid\":true") != std::string::npos);
    REQUIRE(response.find("\"locale\":\"nl\"") != std::string::npos);

    constexpr int kCalls = 100000;
    std::size_t sink = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < kCalls; ++i) sink += validate_comment_request(comment.request, comment.bytes).size();
    const auto elapsed = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start);
    CHECK(sink == response.size() * kCalls);
    WARN("validate_comment_request: " << elapsed.count() / kCalls << " us/call (" << kCalls << " calls, "
                                      << comment.bytes.size() << " field bytes)");
}
