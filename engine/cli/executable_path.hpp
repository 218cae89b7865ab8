// The path of the running program, as the system knows it (not argv[0], which a shell may give as a bare name):
// where reckon looks for what is installed beside it, the browser engine (interactive_report.cpp).
#pragma once

#include <filesystem>

namespace reckon::cli {

// Empty when the system cannot say.
std::filesystem::path executable_path();

}  // namespace reckon::cli
