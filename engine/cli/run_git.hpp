// git run as a child process, for the REV:PATH arguments of `reckon diff` (revision.hpp): one function, its
// platform's own file (run_git_posix.cpp, run_git_windows.cpp).
#pragma once

#include <string>
#include <vector>

namespace reckon::cli {

// Runs git with `args`; returns its stdout; throws with the first line of its stderr if it fails, or with
// "cannot run git: is it installed?" if there is no git to run.
std::string run_git(const std::vector<std::string>& args);

}  // namespace reckon::cli
