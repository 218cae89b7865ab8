// `reckon diff OLD NEW`: what changed between two versions of a ruleset, in
// its own terms (each a rule file, or REV:PATH in git); with --cases, the
// effect on the cohort's figures and on every output of every case, under the
// run's settings or under each scenario.
#include "cli/commands.hpp"

#include "cli/choice_option.hpp"
#include "cli/common_options.hpp"
#include "cli/exit_status.hpp"
#include "cli/revision.hpp"
#include "cli/scenario_settings.hpp"
#include "commands/batch/batch.hpp"
#include "commands/diff/attribution_programs.hpp"
#include "cli/case_files.hpp"
#include "commands/diff/diff.hpp"
#include "commands/diff/diff_case_split.hpp"
#include "commands/diff/diff_runs.hpp"
#include "commands/diff/diff_workbook.hpp"
#include "commands/output/output_file.hpp"
#include "commands/present/present.hpp"
#include "core/base/nearest_names.hpp"
#include "core/eval/eval.hpp"
#include "data/load_case.hpp"
#include "version.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <thread>

namespace reckon::cli {

namespace {

enum class DiffFormat { text, json, csv, xlsx };

// `reckon diff OLD NEW [--cases CASES…]`: the methodology's changes; with cases, the cohort's and each case's figures that change.
struct DiffArgs {
    std::string old_version, new_version;
    DiffFormat format = DiffFormat::text;
    std::vector<std::string> cases, params, lists;
    std::vector<std::string> old_cases, old_params;  // --old-cases, --old-param: the old run's own (two runs of one ruleset)
    std::vector<std::string> new_params;             // --new-param: the new run's own
    std::string scenarios;  // --scenarios FILE.yaml: the effects under each scenario
    std::string old_scenario, new_scenario;  // --old-scenario, --new-scenario: two runs, each under a scenario of the file
    bool pairing() const { return !old_scenario.empty() || !new_scenario.empty(); }
    std::size_t rows = 20;  // affected cases shown in the text
    bool attribute = false;           // --attribute: each figure's change split among the changes
    std::vector<std::string> groups;  // --group NAME=CHANGE,CHANGE
    std::string out;                  // --out FILE: written atomically (a workbook needs one)
};

// OLD or NEW of `reckon diff`: a rule file, or REV:PATH in git.
std::shared_ptr<Program> compile_version(const Run& run, const std::string& arg, Checkout& checkout, const std::vector<ParamSetting>& settings) {
    namespace fs = std::filesystem;
    auto colon = arg.find(':');
    if (fs::exists(arg) || colon == std::string::npos) {
        if (!fs::exists(arg)) throw RequestError(arg + ": no such file (give a rule file, or REV:PATH for a git revision)");
        return compile(arg, settings, run.limits);
    }
    try {
        checkout_revision(arg.substr(0, colon), arg.substr(colon + 1), checkout);
    } catch (const std::runtime_error& e) {
        throw RequestError(arg + ": " + e.what());
    }
    try {
        return compile(checkout.entry, settings, run.limits);
    } catch (const CompileError& e) {  // show the revision, not the temporary folder
        std::string text = e.what();
        for (std::size_t at; (at = text.find(checkout.folder + "/")) != std::string::npos;)
            text.replace(at, checkout.folder.size() + 1, arg.substr(0, colon) + ":");
        throw std::runtime_error(text.substr(0, text.size() - (text.empty() || text.back() != '\n' ? 0 : 1)));
    }
}

BatchResults run_cases(const Program& p, const std::vector<std::string>& files, const std::vector<ListFile>& lists) {
    return std::move(run_cases_under({Coalition{std::shared_ptr<const Program>(std::shared_ptr<const Program>{}, &p), ""}}, files, lists).front());
}

// Each run's cases under its version (and each scenario's settings): the figures that change, each cohort figure
// over the cases split case by case (as explain splits a cohort figure into its cases' parts), and each made of
// such figures (a difference, a ratio) split through them.
CaseEffects effects_of(const Program& old_p, const Program& new_p, const DiffRun& old_run, const DiffRun& new_run,
                       const std::vector<ListFile>& lists) {
    CaseEffects e = compare_results(old_p, run_cases(old_p, old_run.files, lists), new_p, run_cases(new_p, new_run.files, lists));
    if (e.cohort.empty()) return e;
    const auto old_params = bind_params(old_p, command_line_overrides(old_p));
    const auto new_params = bind_params(new_p, command_line_overrides(new_p));
    std::size_t failed = 0;  // counted, and reported, by the runs above
    const auto old_rows = cohort_cases(old_p, old_params, old_run.files, lists, TableOptions{}, failed, true);
    const auto new_rows = cohort_cases(new_p, new_params, new_run.files, lists, TableOptions{}, failed, true);
    split_by_case({old_p, old_params, old_rows}, {new_p, new_params, new_rows}, e);
    split_by_parts({old_p, old_params, old_rows}, {new_p, new_params, new_rows}, e);
    return e;
}

// A run's settings: --param, each name that the run's own (--old-param, --new-param) sets taken from its own.
std::vector<ParamSetting> run_settings(const DiffArgs& d, const std::vector<std::string>& own_args, const char* option) {
    const std::vector<ParamSetting> own = parse_settings(own_args, option);
    std::vector<ParamSetting> out;
    for (auto& s : parse_settings(d.params))
        if (std::none_of(own.begin(), own.end(), [&](const ParamSetting& o) { return setting_key(o.name) == setting_key(s.name); }))
            out.push_back(std::move(s));
    out.insert(out.end(), own.begin(), own.end());
    return out;
}

// Whether a setting's name is one of those the run's own option gave.
bool own_setting(const std::vector<std::string>& own_args, const std::string& name) {
    for (const auto& s : parse_settings(own_args))
        if (s.name == name || name.rfind(s.name + "=", 0) == 0) return true;
    return false;
}

// A version compiled with its run's settings: a setting of the run's own option (--old-param, --new-param) that it
// refuses named with that option.
std::shared_ptr<Program> compile_side(const Run& run, const std::string& version, Checkout& checkout, const std::vector<ParamSetting>& settings,
                                      const std::vector<std::string>& own_args, const char* option) {
    try {
        return compile_version(run, version, checkout, settings);
    } catch (const SettingError& e) {
        if (own_setting(own_args, e.setting())) throw RequestError(std::string(option) + " " + e.setting() + ": " + e.why());
        throw;
    } catch (const SettingValueError& e) {  // a value of the run's own that does not check: named with its option
        for (const auto& problem : e.problems())
            if (own_setting(own_args, problem.setting)) throw RequestError(std::string(option) + " " + problem.setting + ": " + problem.message);
        throw;
    }
}

// The scenario --old-scenario or --new-scenario names; a RequestError with the names nearest when there is none.
const Scenario& named_scenario(const std::vector<Scenario>& all, const std::string& name, const char* option, const std::string& file) {
    std::vector<std::string> names;
    for (const auto& sc : all) {
        if (sc.name == name) return sc;
        names.push_back(sc.name);
    }
    const std::string near = did_you_mean(nearest_names(name, names));
    std::string listed;
    for (const auto& n : names) listed += (listed.empty() ? "" : ", ") + n;
    throw RequestError(std::string(option) + " " + name + ": " + file + " has no scenario of that name" + (near.empty() ? "" : "; " + near) +
                       " (its scenarios: " + listed + ")");
}

// A run's settings with its scenario's after them.
void add_scenario_settings(const Scenario& sc, std::vector<ParamSetting>& settings) {
    for (const auto& v : sc.settings) settings.push_back({v.param, v.value});
}

bool same_settings(const std::vector<ParamSetting>& a, const std::vector<ParamSetting>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const ParamSetting& x, const ParamSetting& y) { return x.name == y.name && x.value == y.value; });
}

// Two versions of the ruleset, each compiled once with its run's settings (and again with each scenario's), and
// the cases each run is over.
struct Versions {
    const Run& run;
    const DiffArgs& d;
    DiffRun old_run, new_run;
    std::vector<ListFile> lists;
    Checkout old_checkout, new_checkout;
    std::shared_ptr<Program> old_p, new_p;
    SourcePtr scenarios_file;  // with --old-scenario or --new-scenario: the scenarios' places point into it

    Versions(const Run& r, const DiffArgs& args) : run(r), d(args), lists(parse_lists(args.lists)) {
        old_run.settings = run_settings(d, d.old_params, "--old-param");
        new_run.settings = run_settings(d, d.new_params, "--new-param");
        if (d.pairing()) {
            compile_scenario_pair();
        } else {
            old_p = compile_old(old_run.settings);
            new_p = compile_new(new_run.settings);
        }
        std::vector<std::string> list_paths;
        for (const auto& l : lists) list_paths.push_back(l.path);
        if (!d.cases.empty()) new_run.files = find_case_files(d.cases, list_paths);
        old_run.files = d.old_cases.empty() ? new_run.files : find_case_files(d.old_cases, list_paths);
    }

    std::shared_ptr<Program> compile_old(const std::vector<ParamSetting>& s) {
        return compile_side(run, d.old_version, old_checkout, s, d.old_params, "--old-param");
    }
    std::shared_ptr<Program> compile_new(const std::vector<ParamSetting>& s) {
        return compile_side(run, d.new_version, new_checkout, s, d.new_params, "--new-param");
    }

    // --old-scenario A --new-scenario B: each version compiled with its run's settings and its scenario's (an error
    // at the scenario's value in its file), which are then the run's settings. A run without one has the others.
    void compile_scenario_pair() {
        scenarios_file = read_source(d.scenarios, run.limits.file_size);
        const std::vector<Scenario> all = read_scenarios(scenarios_file, run.limits);
        const Scenario none;
        const Scenario& a = d.old_scenario.empty() ? none : named_scenario(all, d.old_scenario, "--old-scenario", d.scenarios);
        const Scenario& b = d.new_scenario.empty() ? none : named_scenario(all, d.new_scenario, "--new-scenario", d.scenarios);
        old_p = compile_scenario(a, old_run.settings, [&](const std::vector<ParamSetting>& s) { return compile_old(s); });
        new_p = compile_scenario(b, new_run.settings, [&](const std::vector<ParamSetting>& s) { return compile_new(s); });
        add_scenario_settings(a, old_run.settings);
        add_scenario_settings(b, new_run.settings);
    }

    // The files the run reads, which --out may not be: each version's rule files, the scenarios, the lists, each run's cases.
    RunInputs inputs() const {
        RunInputs in = inputs_of(*new_p, run.run_data, d.scenarios, lists, new_run.files, InputKind::case_file);
        for (std::size_t i = 0; i < old_p->sources.size(); ++i) in.add(old_p->sources[i]->path(), i == 0 ? InputKind::ruleset : InputKind::imported_rules);
        in.add(old_run.files, InputKind::case_file);
        return in;
    }

    // What changed: in the methodology, then between the runs. The methodologies are compared under the same
    // settings (the new run's), so that a table cell set differently in each run is a change of the run alone.
    std::vector<Change> changes() {
        std::shared_ptr<Program> old_as_run = old_p;
        if (!same_settings(old_run.settings, new_run.settings)) try {
                old_as_run = compile_version(run, d.old_version, old_checkout, new_run.settings);
            } catch (const std::exception&) {  // a setting the old version does not have: compared as each run has it
            }
        std::vector<Change> out = compare_rulesets(*old_as_run, *new_p);
        for (auto& c : compare_runs(old_run, new_run)) out.push_back(std::move(c));
        return out;
    }

    // The effects on the cases of --cases: under the run's settings, or a section for each scenario.
    std::vector<ScenarioEffects> effects_on_cases() {
        if ((d.scenarios.empty() || d.pairing()) && d.attribute) return {ScenarioEffects{"", attributed()}};
        if (d.scenarios.empty() || d.pairing()) return {ScenarioEffects{"", effects_of(*old_p, *new_p, old_run, new_run, lists)}};
        std::vector<ScenarioEffects> effects;
        const SourcePtr file = read_source(d.scenarios, run.limits.file_size);  // the scenarios' places point into it
        for (const auto& sc : read_scenarios(file, run.limits)) {
            // each version compiled with the scenario's settings; an error points at the value in the scenarios file
            auto old_q = compile_scenario(sc, old_run.settings, [&](const std::vector<ParamSetting>& s) { return compile_old(s); });
            auto new_q = compile_scenario(sc, new_run.settings, [&](const std::vector<ParamSetting>& s) { return compile_new(s); });
            effects.push_back({sc.name, effects_of(*old_q, *new_q, old_run, new_run, lists)});
        }
        return effects;
    }

    // --attribute: the effects, each figure's change split among the changes (the cases run under every coalition).
    CaseEffects attributed() {
        std::vector<ChangeGroup> groups;
        for (const auto& g : d.groups) groups.push_back(parse_change_group(g));
        const std::vector<Change> all = changes();
        const CoalitionPrograms coalitions(*old_p, *new_p, all, old_run, new_run);
        const Players players = choose_players(coalitions, groups, run.limits.attribution);
        CaseEffects e = effects_of(*old_p, *new_p, old_run, new_run, lists);
        attribute_effects(coalitions, players, [&](const std::vector<Coalition>& cs, const std::vector<std::size_t>& applied) {
            return run_cases_under(cs, files_with(old_run, new_run, all, applied), lists);
        }, e);
        return e;
    }
};

int cmd_diff(const Run& run, const DiffArgs& d) {
    if (d.format == DiffFormat::xlsx && d.out.empty())
        throw RequestError("--format xlsx writes a workbook, which is not text: give the file with --out FILE.xlsx");
    if (d.pairing() && d.scenarios.empty()) throw RequestError("--old-scenario and --new-scenario name scenarios of a file: give it with --scenarios FILE.yaml");
    if (!d.old_cases.empty() && d.cases.empty()) throw RequestError("--old-cases are the old run's cases, compared with the new run's: give those with --cases");
    Versions versions(run, d);
    const std::vector<Change> changes = versions.changes();
    if (!d.scenarios.empty() && d.cases.empty()) throw RequestError("--scenarios gives the effect on cases under each scenario: give the cases with --cases");
    if (d.attribute && d.cases.empty()) throw RequestError("--attribute splits the change of each figure of the cases: give the cases with --cases");
    if (d.attribute && !d.scenarios.empty() && !d.pairing())
        throw RequestError("--attribute with --scenarios attributes one run against another: name them with --old-scenario NAME --new-scenario NAME");
    if (!d.groups.empty() && !d.attribute) throw RequestError("--group makes changes one player of --attribute: give --attribute too");
    const RunInputs inputs = versions.inputs();
    if (!d.out.empty()) check_output_target(d.out, "--out", inputs);
    std::vector<ScenarioEffects> effects;
    if (!d.cases.empty()) effects = versions.effects_on_cases();
    std::optional<OutputFile> file;
    if (!d.out.empty()) file.emplace(d.out, "--out", inputs);
    std::ostream& out = file ? file->stream() : std::cout;
    switch (d.format) {
        case DiffFormat::text: out << render_diff(d.old_version, d.new_version, changes, effects, d.rows); break;
        case DiffFormat::json: out << json_text(diff_json(changes, effects), 2) << "\n"; break;
        case DiffFormat::csv: out << diff_csv(effects); break;
        case DiffFormat::xlsx:
            write_diff_workbook(file->writer_path(), {*versions.old_p, *versions.new_p, d.old_version, d.new_version, run.date, RECKON_VERSION, d.out},
                                changes, effects);
            break;
    }
    if (file) file->commit();
    bool failed = false;
    for (const auto& e : effects) failed = failed || !e.effects.errors.empty();
    return failed ? bad_input : ok;
}

}  // namespace

void add_diff(CLI::App& app, Run&, Command& chosen) {
    auto d = std::make_shared<DiffArgs>();
    auto* diff = app.add_subcommand("diff", "What changed between two versions of a ruleset, in its own terms; with --cases, "
                                            "the effect on the cohort's figures and on every output of every case");
    diff->add_option("OLD", d->old_version, "a rule file, or REV:PATH (a git revision, as in HEAD~1:rulesets/x.reckon)")->required();
    diff->add_option("NEW", d->new_version, "a rule file, or REV:PATH")->required();
    diff->add_option("--cases", d->cases, "cases to evaluate under both versions, given as for batch (files, folders, patterns, "
                                          "case tables)");
    add_list_option(*diff, d->lists);
    diff->add_option("--old-cases", d->old_cases, "the old run's cases, when they are not those of --cases (last year's cohort): "
                                                  "a case file in one run alone is a change of its own, \"cases in\" or \"cases out\"");
    diff->add_option("--param", d->params, "NAME=VALUE: a param or table cell set for both runs (--param report_year=2023); repeatable");
    diff->add_option("--new-param", d->new_params, "NAME=VALUE: a param or table cell set for the new run alone, over --param (the old "
                                                   "run keeps the ruleset's value); repeatable");
    diff->add_option("--old-param", d->old_params, "NAME=VALUE: a param or table cell set for the old run alone, over --param (two runs "
                                                   "of one ruleset: diff R R --old-param report_year=2022 --param report_year=2023); repeatable");
    diff->add_option("--scenarios", d->scenarios, "FILE.yaml: with --cases, the effect under each named set of param and table cell "
                                                  "values (as for batch), a section each")
        ->check(CLI::ExistingFile);
    diff->add_option("--old-scenario", d->old_scenario, "NAME: with --scenarios, the old run under this scenario alone (and the new run under "
                                                        "--new-scenario's): two runs, not a section each; the settings that differ are changes");
    diff->add_option("--new-scenario", d->new_scenario, "NAME: with --scenarios, the new run under this scenario (see --old-scenario)");
    diff->add_option("--rows", d->rows, "with --cases, how many affected cases the text shows, the largest changes first (default 20)")
        ->check(CLI::Range(1u, 1000000u));
    diff->add_flag("--attribute", d->attribute, "with --cases, each figure's change split exactly among the changes (Shapley values; "
                                                "at most --limit attribution=12 of them, else grouped by section)");
    diff->add_option("--group", d->groups, "NAME=CHANGE,CHANGE: with --attribute, these changes (as the diff names them) one part; repeatable");
    add_choice(*diff, "--format", d->format,
               Choices<DiffFormat>{{"text", DiffFormat::text}, {"json", DiffFormat::json}, {"csv", DiffFormat::csv}, {"xlsx", DiffFormat::xlsx}},
               "text (the default), json (every case), csv (every changed figure, and with --attribute each part of it, a row) or xlsx "
               "(a workbook: sheets Failures, Changes, Figures, Attribution, Parts, By case, Compared; needs --out)");
    diff->add_option("--out,-o", d->out, "write the diff to FILE, atomically (nothing is written unless the run completes)");
    diff->callback([&chosen, d] { chosen = [d](const Run& run) { return cmd_diff(run, *d); }; });
}

}  // namespace reckon::cli
