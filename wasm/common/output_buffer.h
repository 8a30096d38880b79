// The buffer the HTML writer, the sanitizer and the escaping functions append
// to: the rendered HTML, which the C ABI hands to JS as pointer + size.
//
// Why not std::string: the writer appends millions of small pieces per
// megabyte, and in the WebAssembly build each std::string::append is an out-of-
// line libc++ call (measured: the cost of those calls exceeded the escaping
// itself). Here the common path (enough room) is a few inlined instructions in
// every caller, whatever optimization level its file is compiled at; only
// growth is a call. It also reports running out of memory instead of aborting:
// after a failed growth the buffer stops taking bytes and failed() is true.
#pragma once

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

// BR_ALWAYS_INLINE: the hot path of a tiny function, inlined into every caller,
// also in the sources compiled for size. Measured on the Markdown engine with the
// HTML writer at -Oz (2026-12-02): +1,201 B gzip, 4-6 % faster on blog-200k and
// 6-11 % on post-5k; with md4c at -Oz too, the engine is as fast as with md4c at
// -O2 and calls here (0-3 %, alternating batches) and 1,443 B smaller.
#if defined(__GNUC__)
#define BR_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define BR_ALWAYS_INLINE inline
#endif

namespace blogreader {

class OutputBuffer {
public:
    OutputBuffer() = default;
    OutputBuffer(const OutputBuffer&) = delete;
    OutputBuffer& operator=(const OutputBuffer&) = delete;
    OutputBuffer(OutputBuffer&& other) noexcept;
    OutputBuffer& operator=(OutputBuffer&& other) noexcept;
    ~OutputBuffer();

    BR_ALWAYS_INLINE void append(const char* bytes, std::size_t count) {
        if (count == 0) return;  // memcpy with a null pointer is undefined, even for 0 bytes
        if (count > capacity_ - size_ && !grow(count)) return;
        std::memcpy(data_ + size_, bytes, count);
        size_ += count;
    }
    BR_ALWAYS_INLINE void append(std::string_view text) { append(text.data(), text.size()); }
    /// The same append, as a call: for markup written once per tag or block
    /// (the writer's and the sanitizer's), where an inlined copy at each of
    /// dozens of sites cost the Markdown engine 755 B gzip for ~1.5 % speed.
    void append_outlined(std::string_view text);
    BR_ALWAYS_INLINE void push_back(char c) {
        if (size_ == capacity_ && !grow(1)) return;
        data_[size_++] = c;
    }
    /// Inserts at byte offset `at` (<= size()); moves the bytes after it.
    void insert(std::size_t at, std::string_view text);
    /// Makes room for at least `capacity` bytes in all.
    void reserve(std::size_t capacity);
    /// Empties the buffer and clears failed(); keeps the memory for the next use.
    void clear() noexcept {
        size_ = 0;
        failed_ = false;
    }

    const char* data() const noexcept { return data_ != nullptr ? data_ : ""; }
    std::size_t size() const noexcept { return size_; }
    bool empty() const noexcept { return size_ == 0; }
    std::string_view view() const noexcept { return {data(), size_}; }
    std::string str() const { return std::string(view()); }
    /// True when memory ran out: some bytes were dropped, the output is incomplete.
    bool failed() const noexcept { return failed_; }

    friend bool operator==(const OutputBuffer& buffer, std::string_view text) noexcept { return buffer.view() == text; }
    friend bool operator!=(const OutputBuffer& buffer, std::string_view text) noexcept { return buffer.view() != text; }

private:
    bool grow(std::size_t extra) noexcept;  // out of line: the rare path

    char* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
    bool failed_ = false;
};

}  // namespace blogreader
