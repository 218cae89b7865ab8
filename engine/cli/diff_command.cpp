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
#include "commands/diff/diff.hpp"
#include "commands/present/present.hpp"
#include "core/eval/eval.hpp"
#include "data/load_case.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>
#include <thread>

namespace reckon::cli {

namespace {

enum class DiffFormat { text, json, csv };

// `reckon diff OLD NEW [--cases CASES…]`: the methodology's changes; with cases, the cohort's and each case's figures that change.
struct DiffArgs {
    std::string old_version, new_version;
    DiffFormat format = DiffFormat::text;
    std::vector<std::string> cases, params, lists;
    std::string scenarios;  // --scenarios FILE.yaml: the effects under each scenario
    std::size_t rows = 20;  // affected cases shown in the text
    bool attribute = false;           // --attribute: each figure's change split among the changes
    std::vector<std::string> groups;  // --group NAME=CHANGE,CHANGE
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

// The cases, as batch reads them, under a program (and the run's --param settings).
BatchResults run_cases(const Program& p, const std::vector<std::string>& files, const std::vector<ListFile>& lists) {
    BatchResults kept;
    std::ostringstream none;
    BatchOptions opt;
    opt.jobs = std::max(1u, std::thread::hardware_concurrency());
    opt.format = BatchFormat::kept;
    opt.keep = &kept;
    opt.lists = lists;
    run_batch(p, bind_params(p, command_line_overrides(p)), files, opt, none, none);
    return kept;
}

// The same cases under each version (and each scenario's settings): the figures that change.
CaseEffects effects_of(const Program& old_p, const Program& new_p, const std::vector<std::string>& files, const std::vector<ListFile>& lists) {
    return compare_results(old_p, run_cases(old_p, files, lists), new_p, run_cases(new_p, files, lists));
}

// Two versions of the ruleset, each compiled once with the run's settings (and again with each scenario's).
struct Versions {
    const Run& run;
    const DiffArgs& d;
    std::vector<ParamSetting> settings;
    Checkout old_checkout, new_checkout;
    std::shared_ptr<Program> old_p, new_p;

    Versions(const Run& r, const DiffArgs& args) : run(r), d(args), settings(parse_settings(args.params)) {
        old_p = compile_version(run, d.old_version, old_checkout, settings);
        new_p = compile_version(run, d.new_version, new_checkout, settings);
    }

    // The effects on the cases of --cases: under the run's settings, or a section for each scenario.
    std::vector<ScenarioEffects> effects_on_cases() {
        const auto lists = parse_lists(d.lists);
        std::vector<std::string> list_paths;
        for (const auto& l : lists) list_paths.push_back(l.path);
        const std::vector<std::string> files = find_case_files(d.cases, list_paths);
        if (d.scenarios.empty() && d.attribute) return {ScenarioEffects{"", attributed(files, lists)}};
        if (d.scenarios.empty()) return {ScenarioEffects{"", effects_of(*old_p, *new_p, files, lists)}};
        std::vector<ScenarioEffects> effects;
        const SourcePtr file = read_source(d.scenarios, run.limits.file_size);  // the scenarios' places point into it
        for (const auto& sc : read_scenarios(file, run.limits)) {
            // each version compiled with the scenario's settings; an error points at the value in the scenarios file
            auto old_q = compile_scenario(sc, settings, [&](const std::vector<ParamSetting>& s) {
                return compile_version(run, d.old_version, old_checkout, s);
            });
            auto new_q = compile_scenario(sc, settings, [&](const std::vector<ParamSetting>& s) {
                return compile_version(run, d.new_version, new_checkout, s);
            });
            effects.push_back({sc.name, effects_of(*old_q, *new_q, files, lists)});
        }
        return effects;
    }

    // --attribute: the effects, each figure's change split among the changes (the cases run under every coalition).
    CaseEffects attributed(const std::vector<std::string>& files, const std::vector<ListFile>& lists) {
        std::vector<ChangeGroup> groups;
        for (const auto& g : d.groups) groups.push_back(parse_change_group(g));
        const std::vector<Change> changes = compare_rulesets(*old_p, *new_p);
        const CoalitionPrograms coalitions(*old_p, *new_p, changes, settings);
        const Players players = choose_players(coalitions, groups, run.limits.attribution);
        CaseEffects e = effects_of(*old_p, *new_p, files, lists);
        attribute_effects(coalitions, players, [&](const Program& p) { return run_cases(p, files, lists); }, e);
        return e;
    }
};

int cmd_diff(const Run& run, const DiffArgs& d) {
    Versions versions(run, d);
    std::vector<Change> changes = compare_rulesets(*versions.old_p, *versions.new_p);
    if (!d.scenarios.empty() && d.cases.empty()) throw RequestError("--scenarios gives the effect on cases under each scenario: give the cases with --cases");
    if (d.attribute && d.cases.empty()) throw RequestError("--attribute splits the change of each figure of the cases: give the cases with --cases");
    if (d.attribute && !d.scenarios.empty()) throw RequestError("--attribute with --scenarios is not done yet: attribute one scenario's settings at a time (--param)");
    if (!d.groups.empty() && !d.attribute) throw RequestError("--group makes changes one player of --attribute: give --attribute too");
    std::vector<ScenarioEffects> effects;
    if (!d.cases.empty()) effects = versions.effects_on_cases();
    switch (d.format) {
        case DiffFormat::text: std::cout << render_diff(d.old_version, d.new_version, changes, effects, d.rows); break;
        case DiffFormat::json: std::cout << json_text(diff_json(changes, effects), 2) << "\n"; break;
        case DiffFormat::csv: std::cout << diff_csv(effects); break;
    }
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
    diff->add_option("--param", d->params, "NAME=VALUE: a param or table cell set for both versions in this run (--param report_year=2023); repeatable");
    diff->add_option("--scenarios", d->scenarios, "FILE.yaml: with --cases, the effect under each named set of param and table cell "
                                                  "values (as for batch), a section each")
        ->check(CLI::ExistingFile);
    diff->add_option("--rows", d->rows, "with --cases, how many affected cases the text shows, the largest changes first (default 20)")
        ->check(CLI::Range(1u, 1000000u));
    diff->add_flag("--attribute", d->attribute, "with --cases, each figure's change split exactly among the changes (Shapley values; "
                                                "at most --limit attribution=12 of them, else grouped by section)");
    diff->add_option("--group", d->groups, "NAME=CHANGE,CHANGE: with --attribute, these changes (as the diff names them) one part; repeatable");
    add_choice(*diff, "--format", d->format, Choices<DiffFormat>{{"text", DiffFormat::text}, {"json", DiffFormat::json}, {"csv", DiffFormat::csv}},
               "text (the default), json (every case) or csv (every changed figure, and with --attribute each part of it, a row)");
    diff->callback([&chosen, d] { chosen = [d](const Run& run) { return cmd_diff(run, *d); }; });
}

}  // namespace reckon::cli
