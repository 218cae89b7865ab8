// The exit statuses of `reckon` (0 ok, 1 bad input, 2 bad command line, 3 a
// bug; 130 a batch interrupted), and the one place that turns what a command
// throws into one of them.
#pragma once

#include <functional>

namespace reckon::cli {

constexpr int ok = 0, bad_input = 1, bad_usage = 2, bug = 3, interrupted = 130;

// Runs a command and turns what it throws into an exit status, with the
// message on stderr: a wrong command line 2, wrong input 1, anything else is
// a bug (3).
int exit_status_of(const std::function<int()>& command);

}  // namespace reckon::cli
