#include "commands/output/replace_file.hpp"

#include <cerrno>
#include <cstdio>

namespace reckon {

void replace_file(const std::string& from, const std::string& to, std::error_code& ec) {
    ec.clear();
    if (std::rename(from.c_str(), to.c_str()) != 0) ec = std::error_code(errno, std::generic_category());
}

}  // namespace reckon
