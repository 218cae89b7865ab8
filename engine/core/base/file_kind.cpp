#include "core/base/file_kind.hpp"

#include <sys/stat.h>

namespace reckon {

FileKind file_kind(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return FileKind::missing;
    const mode_t m = st.st_mode;
    if (S_ISREG(m)) return FileKind::regular;
    if (S_ISDIR(m)) return FileKind::folder;
    if (S_ISFIFO(m)) return FileKind::fifo;
    if (S_ISCHR(m)) return FileKind::character_device;
    if (S_ISBLK(m)) return FileKind::block_device;
    if (S_ISSOCK(m)) return FileKind::socket;
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
