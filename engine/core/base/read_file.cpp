// read_file (read_file.hpp): open, then read in blocks with a count, never trusting a size looked up beforehand;
// read_source (source.hpp) reads through it.
#include "core/base/read_file.hpp"

#include "core/base/signals.hpp"
#include "core/base/source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <optional>

namespace reckon {

namespace {
// Bytes as they are: on Windows the C runtime would otherwise read CRLF as LF (the readers take either).
#ifdef _WIN32
constexpr int read_flags = O_RDONLY | O_BINARY;
#else
constexpr int read_flags = O_RDONLY | O_CLOEXEC;
#endif

struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};
}  // namespace

std::string over_size_limit(std::optional<std::uint64_t> size, std::uint64_t max_bytes) {
    const std::string raise = " (it can be raised with --limit file-size=N)";
    if (size) return "the file is " + std::to_string(*size) + " bytes, more than the limit of " + std::to_string(max_bytes) + raise;
    return "the file is more than " + std::to_string(max_bytes) + " bytes, the limit" + raise;
}

bool is_stream(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

std::string read_file(const std::string& path, std::uint64_t max_bytes) {
    const bool stream = is_stream(path);
    std::optional<BlockingRead> waiting;
    if (stream) waiting.emplace();  // opening a pipe waits for its writer
    Fd f;
    f.fd = ::open(path.c_str(), read_flags);
    if (f.fd < 0) throw FileError(path, "cannot open file");
    struct stat st {};
    if (::fstat(f.fd, &st) != 0) throw FileError(path, "cannot read file");
    const bool regular = S_ISREG(st.st_mode);
    if (regular && static_cast<std::uint64_t>(st.st_size) > max_bytes)
        throw FileError(path, over_size_limit(static_cast<std::uint64_t>(st.st_size), max_bytes));
    if (!regular && !waiting) waiting.emplace();
    std::string bytes;
    const std::uint64_t limit_plus_one = max_bytes + 1;  // one byte more than the limit shows it is passed
    char block[1 << 16];
    while (true) {
        const std::uint64_t room = limit_plus_one - bytes.size();
        const auto n = ::read(f.fd, block, static_cast<unsigned>(std::min<std::uint64_t>(sizeof block, room)));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw FileError(path, "cannot read file");
        if (n == 0) break;
        bytes.append(block, static_cast<std::size_t>(n));
        if (bytes.size() > max_bytes)
            throw FileError(path, over_size_limit(std::nullopt, max_bytes));  // a stream, or a file that grew
    }
    return bytes;
}

SourcePtr read_source(const std::string& path, std::uint64_t max_bytes) {
    return std::make_shared<SourceFile>(path, read_file(path, max_bytes));
}

}  // namespace reckon
