// `reckon check RULESET`: the ruleset parsed, its names resolved and its types
// and units checked, no case needed; what it holds counted on one line.
#include "cli/commands.hpp"

#include "cli/common_options.hpp"
#include "cli/exit_status.hpp"
#include "core/compile/compile.hpp"

#include <algorithm>
#include <iostream>
#include <memory>
#include <string>

namespace reckon::cli {

namespace {

int cmd_check(const Run& run, const std::string& ruleset) {
    auto p = compile(ruleset, {}, run.limits);
    // a param dated by a case input is computed as a rule of each case, but its author wrote a param
    const auto dated = static_cast<std::size_t>(
        std::count_if(p->rules.begin(), p->rules.end(), [](const RuleDef& r) { return r.dated.by_input; }));
    const auto n = [](std::size_t k, const std::string& one) { return std::to_string(k) + " " + one + (k == 1 ? "" : "s"); };
    std::cout << ruleset << ": ok (" << n(p->params.size() + dated, "param") << ", " << n(p->tables.size(), "table") << ", "
              << n(p->inputs.size(), "input") << ", " << n(p->rules.size() - dated, "rule") << " of which " << n(p->outputs.size(), "output")
              << " and " << n(p->cohort_outputs.size(), "cohort output") << ", " << n(p->tests.size(), "test") << ")\n";
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
