// `reckon explain RULESET CASE OUTPUT`: how one output of one case is derived
// (rules, params with their sources, inputs), as an indented tree or JSON; for
// a cohort figure over the cases given, the cases that give the largest parts
// of it; with --draw, under the values of one draw of a probabilistic run.
#include "cli/commands.hpp"

#include "cli/case_files.hpp"
#include "cli/choice_option.hpp"
#include "cli/common_options.hpp"
#include "cli/exit_status.hpp"
#include "cli/named_figure.hpp"
#include "commands/explain/explain.hpp"
#include "commands/present/present.hpp"
#include "commands/sensitivity/sensitivity.hpp"
#include "core/eval/eval.hpp"
#include "data/run_data.hpp"

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

namespace reckon::cli {

namespace {

enum class ExplainFormat { text, json };

struct ExplainArgs {
    std::string ruleset;
    std::vector<std::string> args;  // CASES… OUTPUT: the case (or the cases of a cohort figure), then the figure
    ExplainFormat format = ExplainFormat::text;
    int depth = 0;                  // levels of the tree shown; 0: all
    std::size_t entries = 5;        // entries of a list input shown
    std::vector<std::string> params;
    std::string case_id;            // --case ID: the row of a case table
    std::vector<std::string> lists;
    TableOptions tables;
    std::uint64_t draw = 0, seed = 1;  // --draw K --seed S: the uncertain values of that draw; 0: the run's own
};

// The tree written as asked: text after the heading (the draw, if any), or JSON.
void write_derivation(const Derivation& d, ExplainFormat format, const std::string& heading) {
    switch (format) {
        case ExplainFormat::text: std::cout << heading << render_derivation(d); break;
        case ExplainFormat::json: std::cout << json_text(derivation_json(d), 2) << "\n"; break;
    }
}

// With --draw K, the params of draw K of a probabilistic run set in `params` (and its table cells in `p`); the
// heading that says so, for the text. Without, the params stay the run's and the heading is empty.
std::string set_draw(Program& p, std::vector<Value>& params, const ExplainArgs& a) {
    if (a.draw == 0) return "";
    const auto values = uncertain_values(p, params);
    const auto settings = drawn_settings(values, a.seed, a.draw);
    params = run_values(p, values, settings).params;
    const std::string with = settings_text(p, values, settings);
    set_cells(p, values, settings);
    return "Draw " + std::to_string(a.draw) + " of seed " + std::to_string(a.seed) + (with.empty() ? ": no param has a distribution" : ", " + with) + "\n\n";
}

// `reckon explain RULESET CASES… FIGURE` for a cohort figure: every case read
// and evaluated as batch does, then the figure's tree over those that succeeded.
int explain_cohort_figure(const Program& p, const std::vector<Value>& params, const std::string& heading, const std::vector<std::string>& cases,
                          int slot, int member, const ExplainArgs& a) {
    std::optional<Case> followed;  // --case ID: that case, followed down to its inputs
    FollowedCase follow;
    std::size_t failed = 0;
    const std::vector<CohortCase> rows = cohort_cases(p, params, cases, parse_lists(a.lists), a.tables, failed, false, [&](Case& c, std::size_t at) {
        if (a.case_id.empty() || c.id != a.case_id || followed) return;
        follow.index = at;
        followed.emplace(std::move(c));
    });
    if (!a.case_id.empty() && !followed)
        throw RequestError("--case " + a.case_id + ": no case of the batch is named " + a.case_id +
                         (failed ? " (or it is one of the cases that failed, above)" : ""));
    follow.c = followed ? &*followed : nullptr;
    try {
        write_derivation(explain_cohort(p, params, rows, slot, a.depth, 5, followed ? &follow : nullptr, a.entries, member), a.format, heading);
    } catch (const EvalError& e) {
        std::cerr << render(e.diagnostic());
        return bad_input;
    }
    if (failed)
        std::cerr << failed << " case" << (failed == 1 ? "" : "s") << " failed and " << (failed == 1 ? "is" : "are")
                  << " left out of the cohort, as in batch\n";
    return failed ? bad_input : ok;
}

// A figure of one case: the case (a YAML case, or a case table's row --case ID), its requirements checked, then the
// figure's tree.
int explain_case_figure(const Program& p, const std::vector<Value>& params, const std::string& heading, const std::vector<std::string>& cases,
                        const std::string& output, int slot, int member, const ExplainArgs& a) {
    if (cases.size() != 1)
        throw RequestError("'" + output + "' is a figure of one case: give one case file (or a case table with --case ID), not " +
                         std::to_string(cases.size()));
    const std::string& case_file = cases.front();
    if (!std::filesystem::is_regular_file(case_file)) throw RequestError(case_file + ": no such file");
    if (is_case_table(case_file) && a.case_id.empty())
        throw RequestError(case_file + ": a case table holds a case a row: name the one to explain with --case ID");
    if (!is_case_table(case_file) && !a.case_id.empty())
        throw RequestError("--case " + a.case_id + ": --case names a row of a CSV case table, and " + case_file + " is a YAML case");
    Case c = is_case_table(case_file) ? case_in_table(p, case_file, parse_lists(a.lists), a.tables, a.case_id) : one_case(p, case_file);
    try {
        Evaluator ev(p, params, c.inputs);
        check_requires(p, ev, c);
        write_derivation(explain(p, ev, params, c, slot, a.depth, a.entries, member), a.format, heading);
    } catch (const EvalError& e) {
        std::cerr << render(e.diagnostic());
        return bad_input;
    }
    return ok;
}

int cmd_explain(const Run& run, const ExplainArgs& a) {
    std::vector<std::string> cases = a.args;
    const std::string output = cases.back();
    cases.pop_back();
    auto p = compile_run(a.ruleset, parse_settings(a.params), run.limits, run.run_data);
    const auto [case_slot, cohort_slot, name, member] = figure_named(*p, output, a.ruleset);
    // the params of the run, or of one draw of a probabilistic run (said first, in the text)
    std::vector<Value> params = bind_params(*p, command_line_overrides(*p));
    const std::string heading = set_draw(*p, params, a);
    // the cohort's figure when the cases are many (several files, a folder, a table without --case)
    const bool many = cases.size() > 1 || std::filesystem::is_directory(cases.front()) || (is_case_table(cases.front()) && a.case_id.empty());
    if (cohort_slot >= 0 && (case_slot < 0 || many))
        return explain_cohort_figure(*p, params, heading, cases, cohort_slot, member_named(*p, cohort_slot, output, member), a);
    return explain_case_figure(*p, params, heading, cases, output, case_slot, member_named(*p, case_slot, output, member), a);
}

// The options of `reckon explain` that pick the case: --case ID of a case table, its --list tables, and how the
// table is read.
void add_case_table_options(CLI::App& explain, ExplainArgs& a) {
    explain.add_option("--case", a.case_id, "ID: with a case table (CSV or workbook) as CASE, the row whose identifier is ID");
    explain.add_option("--list", a.lists, "NAME=FILE: with a case table, the table of list input NAME; repeatable");
    add_table_options(explain, a.tables);
}

}  // namespace

void add_explain(CLI::App& app, Run& run, Command& chosen) {
    auto a = std::make_shared<ExplainArgs>();
    auto* explain = app.add_subcommand("explain", "Show how one output of one case, or one cohort figure of a batch, is derived: "
                                                  "rules, params with their sources, inputs; for a cohort figure, the cases that "
                                                  "give the largest parts of it");
    add_ruleset_argument(*explain, a->ruleset);
    explain->add_option("CASE OUTPUT", a->args, "the case file (a YAML case, or a case table with --case ID) and the "
                                                "output (or rule) to explain, by name; for a cohort figure, the cases as "
                                                "for batch (files, folders, patterns), then the figure")
        ->required()
        ->expected(2, 1000000);
    add_choice(*explain, "--format", a->format, Choices<ExplainFormat>{{"text", ExplainFormat::text}, {"json", ExplainFormat::json}},
               "text (an indented tree, the default) or json");
    explain->add_option("--depth", a->depth, "show N levels of the tree (default: all)")->check(CLI::Range(1, 1000));
    explain->add_option("--entries", a->entries, "show the first N entries of a list input, each with its fields' names (default 5)")
        ->check(CLI::Range(0u, 1000000u));
    add_param_option(*explain, a->params);
    add_run_data_option(*explain, run);
    add_case_table_options(*explain, *a);
    explain->add_option("--draw", a->draw, "K: explain with the uncertain values of draw K of a probabilistic run (reckon "
                                           "sensitivity --draws), as drawn with --seed")
        ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1000000000}));
    add_seed_option(*explain, a->seed, "S: the seed of the draw (default 1), from 0 to 2^64 - 1");
    explain->callback([&chosen, a] { chosen = [a](const Run& run) { return cmd_explain(run, *a); }; });
}

}  // namespace reckon::cli
