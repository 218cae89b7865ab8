// executable_path() on Windows: GetModuleFileNameW of the program itself, in UTF-16 (any path, any language).
#include "cli/executable_path.hpp"

#include <windows.h>

#include <vector>

namespace reckon::cli {

std::filesystem::path executable_path() {
    std::vector<wchar_t> buffer(MAX_PATH);
    for (;;) {
        const DWORD n = GetModuleFileNameW(nullptr, buffer.data(), static_cast<DWORD>(buffer.size()));
        if (n == 0) return {};
        if (n < buffer.size()) return std::filesystem::path(std::wstring(buffer.data(), n));
        buffer.resize(buffer.size() * 2);
    }
}

}  // namespace reckon::cli
