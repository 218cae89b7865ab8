#include "commands/output/replace_file.hpp"

#include <windows.h>

#include <filesystem>

namespace reckon {

void replace_file(const std::string& from, const std::string& to, std::error_code& ec) {
    ec.clear();
    // wide paths: a name in any script, as std::filesystem read it from the narrow one
    const std::wstring f = std::filesystem::path(from).wstring(), t = std::filesystem::path(to).wstring();
    if (!MoveFileExW(f.c_str(), t.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
        ec = std::error_code(static_cast<int>(GetLastError()), std::system_category());
}

}  // namespace reckon
