// `reckon eval RULESET CASE`: one case evaluated and its outputs printed, as a
// table for people or JSON for tools; with --scenarios, the case under each
// named set of values, a column each.
#include "cli/commands.hpp"

#include "cli/case_files.hpp"
#include "cli/choice_option.hpp"
#include "cli/common_options.hpp"
#include "cli/exit_status.hpp"
#include "cli/scenario_settings.hpp"
#include "commands/present/present.hpp"
#include "core/eval/eval.hpp"
#include "core/eval/fold_constants.hpp"
#include "data/load_case.hpp"
#include "data/run_data.hpp"

#include <iostream>
#include <memory>

namespace reckon::cli {

namespace {

enum class EvalFormat { table, json };

struct EvalArgs {
    std::string ruleset, case_file;
    EvalFormat format = EvalFormat::table;
    std::vector<std::string> params;
    std::string scenarios;  // --scenarios FILE.yaml: the case under each, a column each
};

// The case under one scenario: its name, its program and the case's outputs.
struct ScenarioColumn {
    std::string name;
    std::shared_ptr<Program> program;
    CaseResult result;
};

// The columns as JSON: the case, then each scenario's outputs.
std::string columns_json(const std::vector<ScenarioColumn>& columns) {
    const Program& p = *columns.front().program;
    nlohmann::ordered_json j;
    j["case"] = columns.front().result.case_id;
    j["scenarios"] = nlohmann::ordered_json::array();
    for (const auto& c : columns)
        j["scenarios"].push_back({{"scenario", c.name}, {"outputs", outputs_json(*c.program, p.outputs, c.result.outputs)}});
    return json_text(j, 2) + "\n";
}

// The columns as a table: the ruleset and the case, then a row per output and a column per scenario.
std::string columns_table(const std::vector<ScenarioColumn>& columns) {
    const Program& p = *columns.front().program;
    std::vector<std::string> names;
    std::vector<std::vector<Value>> values;
    for (const auto& c : columns) {
        names.push_back(c.name);
        values.push_back(c.result.outputs);
    }
    return p.name + (p.version.empty() ? "" : ", version " + p.version) + "\nCase: " + columns.front().result.case_id + "\n\n" +
           render_scenario_outputs(p, p.outputs, names, values);
}

// `reckon eval --scenarios`: the case under each scenario; a table with a column per scenario, or JSON.
int eval_scenarios(const Run& run, const EvalArgs& a) {
    const SourcePtr file = read_source(a.scenarios, run.limits.file_size);  // the scenarios' places point into it
    const std::vector<ParamSetting> settings = parse_settings(a.params);
    std::vector<ScenarioColumn> columns;
    for (const auto& sc : read_scenarios(file, run.limits)) {
        auto q = compile_scenario(sc, settings, [&](const std::vector<ParamSetting>& s) { return compile_run(a.ruleset, s, run.limits, run.run_data); });
        Case c = one_case(*q, a.case_file);
        const std::vector<Value> params = bind_scenario_params(sc, *q);
        try {
            const RunConstants constants = run_constants(*q, params);
            columns.push_back({sc.name, q, evaluate_outputs(*q, params, c, nullptr, &constants)});
        } catch (EvalError& e) {
            e.add_note("under scenario '" + sc.name + "'");
            std::cerr << render(e.diagnostic());
            return bad_input;
        }
    }
    switch (a.format) {
        case EvalFormat::table: std::cout << columns_table(columns); break;
        case EvalFormat::json: std::cout << columns_json(columns); break;
    }
    return ok;
}

int cmd_eval(const Run& run, const EvalArgs& a) {
    if (!a.scenarios.empty()) return eval_scenarios(run, a);
    auto p = compile_run(a.ruleset, parse_settings(a.params), run.limits, run.run_data);
    Case c = one_case(*p, a.case_file);
    std::vector<Value> params = bind_params(*p, command_line_overrides(*p));
    CaseResult r;
    try {
        const RunConstants constants = run_constants(*p, params);  // as batch does: one evaluator, one answer
        r = evaluate_outputs(*p, params, c, nullptr, &constants);
    } catch (const EvalError& e) {
        std::cerr << render(e.diagnostic());  // while the program's sources are alive
        return bad_input;
    }
    switch (a.format) {
        case EvalFormat::table: std::cout << render_table(*p, r, a.params); break;
        case EvalFormat::json: std::cout << render_json(*p, r); break;
    }
    return ok;
}

}  // namespace

void add_eval(CLI::App& app, Run& run, Command& chosen) {
    auto a = std::make_shared<EvalArgs>();
    auto* eval = app.add_subcommand("eval", "Evaluate one case file and print its outputs");
    add_ruleset_argument(*eval, a->ruleset);
    eval->add_option("CASE", a->case_file, "the case file (YAML)")->required()->check(CLI::ExistingFile);
    add_choice(*eval, "--format", a->format, Choices<EvalFormat>{{"table", EvalFormat::table}, {"json", EvalFormat::json}},
               "table (for people, the default) or json (for tools)");
    add_param_option(*eval, a->params);
    add_run_data_option(*eval, run);
    eval->add_option("--scenarios", a->scenarios, "FILE.yaml: evaluate the case under each named set of param and table cell "
                                                  "values (as for batch), a column each")
        ->check(CLI::ExistingFile);
    eval->callback([&chosen, a] { chosen = [a](const Run& run) { return cmd_eval(run, *a); }; });
}

}  // namespace reckon::cli
