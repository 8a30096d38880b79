#include "common/output_buffer.h"

#include <cstdint>
#include <cstdlib>

namespace blogreader {

OutputBuffer::OutputBuffer(OutputBuffer&& other) noexcept
    : data_(other.data_), size_(other.size_), capacity_(other.capacity_), failed_(other.failed_) {
    other.data_ = nullptr;
    other.size_ = other.capacity_ = 0;
    other.failed_ = false;
}

OutputBuffer& OutputBuffer::operator=(OutputBuffer&& other) noexcept {
    if (this != &other) {
        std::free(data_);
        data_ = other.data_;
        size_ = other.size_;
        capacity_ = other.capacity_;
        failed_ = other.failed_;
        other.data_ = nullptr;
        other.size_ = other.capacity_ = 0;
        other.failed_ = false;
    }
    return *this;
}

OutputBuffer::~OutputBuffer() { std::free(data_); }

bool OutputBuffer::grow(std::size_t extra) noexcept {
    if (failed_) return false;
    if (extra > SIZE_MAX / 2 - size_) {
        failed_ = true;
        return false;
    }
    // Doubling keeps appends amortized O(1); at least 256 bytes to skip tiny steps.
    std::size_t wanted = capacity_ * 2;
    if (wanted < size_ + extra) wanted = size_ + extra;
    if (wanted < 256) wanted = 256;
    char* bigger = static_cast<char*>(std::realloc(data_, wanted));
    if (bigger == nullptr) {
        failed_ = true;
        return false;
    }
    data_ = bigger;
    capacity_ = wanted;
    return true;
}

__attribute__((noinline)) void OutputBuffer::append_outlined(std::string_view text) { append(text); }

void OutputBuffer::reserve(std::size_t capacity) {
    if (capacity > capacity_) grow(capacity - size_);
}

void OutputBuffer::insert(std::size_t at, std::string_view text) {
    if (text.empty()) return;
    if (at > size_) at = size_;
    if (text.size() > capacity_ - size_ && !grow(text.size())) return;
    std::memmove(data_ + at + text.size(), data_ + at, size_ - at);
    std::memcpy(data_ + at, text.data(), text.size());
    size_ += text.size();
}

}  // namespace blogreader
