#include "core/base/file_kind.hpp"

#include <filesystem>
#include <system_error>

namespace reckon {
namespace fs = std::filesystem;

FileKind file_kind(const std::string& path) {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);  // as std::filesystem sees it, on POSIX and Windows alike
    switch (st.type()) {
        case fs::file_type::regular: return FileKind::regular;
        case fs::file_type::directory: return FileKind::folder;
        case fs::file_type::fifo: return FileKind::fifo;
        case fs::file_type::character: return FileKind::character_device;
        case fs::file_type::block: return FileKind::block_device;
        case fs::file_type::socket: return FileKind::socket;
        case fs::file_type::none:
        case fs::file_type::not_found: return FileKind::missing;
        case fs::file_type::symlink:
        case fs::file_type::unknown: return FileKind::other;
    }
    return FileKind::other;
}

const char* file_kind_words(FileKind k) {
    switch (k) {
        case FileKind::missing: return "no file";
        case FileKind::regular: return "a file";
        case FileKind::folder: return "a folder";
        case FileKind::fifo: return "a named pipe (FIFO)";
        case FileKind::character_device: return "a character device";
        case FileKind::block_device: return "a block device";
        case FileKind::socket: return "a socket";
        case FileKind::other: return "not a file";
    }
    return "not a file";
}

std::optional<std::string> not_a_regular_file(const std::string& path) {
    const FileKind k = file_kind(path);
    if (k == FileKind::regular) return std::nullopt;
    if (k == FileKind::missing) return "there is no file '" + path + "'";
    return "'" + path + "' is " + std::string(file_kind_words(k)) + ", not a regular file";
}

}  // namespace reckon
