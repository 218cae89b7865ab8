// What makes a file the same file whatever path names it: on POSIX its device and inode (stat); on Windows its
// volume's serial number and its file index (GetFileInformationByHandle), since stat there gives no inode. A
// file a platform each: file_identity_posix.cpp, file_identity_windows.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace reckon {

struct FileIdentity {
    std::uint64_t volume = 0, index = 0;
    bool operator==(const FileIdentity&) const = default;
};

// The identity of the file at `path`; none if it cannot be looked up (not there, not readable).
std::optional<FileIdentity> file_identity(const std::string& path);

}  // namespace reckon
