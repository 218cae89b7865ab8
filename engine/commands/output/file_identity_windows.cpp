#include "commands/output/file_identity.hpp"

#include <windows.h>

#include <filesystem>

namespace reckon {

std::optional<FileIdentity> file_identity(const std::string& path) {
    if (path.empty()) return std::nullopt;
    const std::wstring wide = std::filesystem::path(path).wstring();
    // no access asked, every sharing allowed: a file another program holds open is still looked up
    HANDLE h = CreateFileW(wide.c_str(), 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr, OPEN_EXISTING,
                           FILE_FLAG_BACKUP_SEMANTICS, nullptr);
    if (h == INVALID_HANDLE_VALUE) return std::nullopt;
    BY_HANDLE_FILE_INFORMATION info{};
    const BOOL ok = GetFileInformationByHandle(h, &info);
    CloseHandle(h);
    if (!ok) return std::nullopt;
    return FileIdentity{info.dwVolumeSerialNumber,
                        (static_cast<std::uint64_t>(info.nFileIndexHigh) << 32) | info.nFileIndexLow};
}

}  // namespace reckon
