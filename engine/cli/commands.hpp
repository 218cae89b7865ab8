// The commands of `reckon`, a file each (check_command.cpp, eval_command.cpp,
// …): each one's add_* declares its subcommand on the app, with its options
// and its help, and binds the callback that chooses it. main.cpp calls them in
// the order --help lists the commands, parses, then runs the command chosen.
#pragma once

#include "cli/run_options.hpp"

#include <CLI/CLI.hpp>

#include <functional>

namespace reckon::cli {

// The command the command line chose, with its arguments: run once the run's settings are known, its exit
// status returned (exit_status.hpp).
using Command = std::function<int(const Run& run)>;

// Each declares its subcommand on `app`; an option that sets the run's own settings (--run-data) sets them in
// `run`, and once the command line is parsed, the subcommand given sets `chosen`.
void add_check(CLI::App& app, Run& run, Command& chosen);
void add_eval(CLI::App& app, Run& run, Command& chosen);
void add_batch(CLI::App& app, Run& run, Command& chosen);
void add_merge(CLI::App& app, Run& run, Command& chosen);
void add_report(CLI::App& app, Run& run, Command& chosen);
void add_explain(CLI::App& app, Run& run, Command& chosen);
void add_sensitivity(CLI::App& app, Run& run, Command& chosen);
void add_diff(CLI::App& app, Run& run, Command& chosen);
void add_doc(CLI::App& app, Run& run, Command& chosen);
void add_fmt(CLI::App& app, Run& run, Command& chosen);
void add_lsp(CLI::App& app, Run& run, Command& chosen);
void add_test(CLI::App& app, Run& run, Command& chosen);
void add_template(CLI::App& app, Run& run, Command& chosen);
void add_playground(CLI::App& app, Run& run, Command& chosen);
void add_help(CLI::App& app, Run& run, Command& chosen);

}  // namespace reckon::cli
