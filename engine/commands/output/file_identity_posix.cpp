#include "commands/output/file_identity.hpp"

#include <sys/stat.h>

namespace reckon {

std::optional<FileIdentity> file_identity(const std::string& path) {
    struct stat st {};
    if (path.empty() || ::stat(path.c_str(), &st) != 0) return std::nullopt;
    return FileIdentity{static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)};
}

}  // namespace reckon
