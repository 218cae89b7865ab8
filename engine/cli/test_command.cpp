// `reckon test PATH…`: the test blocks of the rule files found under the
// paths run, each failure shown, then the tally; exit 1 if any failed or no
// rule file was found.
#include "cli/commands.hpp"

#include "cli/exit_status.hpp"
#include "commands/tests/rule_tests.hpp"

#include <iostream>
#include <memory>

namespace reckon::cli {

namespace {

int cmd_test(const Run& run, const std::vector<std::string>& paths) {
    auto files = find_rule_files(paths);
    TestTally t = run_tests(files, run.limits, std::cout);
    if (files.empty()) std::cout << "no rule files (*.reckon) found\n";
    std::cout << t.passed << " passed, " << t.failed << " failed\n";
    return t.failed == 0 && !files.empty() ? ok : bad_input;
}

}  // namespace

void add_test(CLI::App& app, Run&, Command& chosen) {
    auto paths = std::make_shared<std::vector<std::string>>();
    auto* test = app.add_subcommand("test", "Run the test blocks of the rule files found under PATHs");
    test->add_option("PATH", *paths, "rule files or folders (searched for *.reckon)")->required()->check(CLI::ExistingPath);
    test->callback([&chosen, paths] { chosen = [paths](const Run& run) { return cmd_test(run, *paths); }; });
}

}  // namespace reckon::cli
