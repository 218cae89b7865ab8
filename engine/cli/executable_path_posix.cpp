// executable_path() on Linux (and the browser engine's own build, where there is none): /proc/self/exe.
#include "cli/executable_path.hpp"

#include <system_error>

namespace reckon::cli {

std::filesystem::path executable_path() {
    std::error_code ec;
    std::filesystem::path p = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path() : p;
}

}  // namespace reckon::cli
