// `reckon check RULESET`: the ruleset parsed, its names resolved and its types
// and units checked, no case needed; what it holds counted on one line.
#include "cli/commands.hpp"

#include "cli/common_options.hpp"
#include "cli/exit_status.hpp"
#include "core/compile/compile.hpp"

#include <iostream>
#include <memory>

namespace reckon::cli {

namespace {

int cmd_check(const Run& run, const std::string& ruleset) {
    auto p = compile(ruleset, {}, run.limits);
    std::cout << ruleset << ": ok (" << p->params.size() << " params, " << p->tables.size() << " tables, "
              << p->inputs.size() << " inputs, " << p->rules.size() << " rules of which " << p->outputs.size()
              << " outputs and " << p->cohort_outputs.size() << " cohort outputs, " << p->tests.size() << " tests)\n";
    return ok;
}

}  // namespace

void add_check(CLI::App& app, Run&, Command& chosen) {
    auto ruleset = std::make_shared<std::string>();
    auto* check = app.add_subcommand("check", "Parse, resolve names and check types and units; no case needed");
    add_ruleset_argument(*check, *ruleset);
    check->callback([&chosen, ruleset] { chosen = [ruleset](const Run& run) { return cmd_check(run, *ruleset); }; });
}

}  // namespace reckon::cli
