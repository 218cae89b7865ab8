// `reckon sensitivity RULESET CASES…`: the command line's figures, thresholds and analyses checked, the cases read
// once, then one-way (always), switching values (--threshold), two-way (--two-way) and probabilistic runs
// (--draws), written as text, JSON, CSV or a workbook.
#include "cli/commands.hpp"

#include "cli/case_files.hpp"
#include "cli/choice_option.hpp"
#include "cli/common_options.hpp"
#include "cli/exit_status.hpp"
#include "cli/named_figure.hpp"
#include "commands/output/output_file.hpp"
#include "commands/present/present.hpp"
#include "commands/report/provenance.hpp"
#include "commands/sensitivity/sensitivity_format.hpp"
#include "commands/sensitivity/sensitivity_workbook.hpp"
#include "core/eval/eval.hpp"
#include "data/run_data.hpp"
#include "version.hpp"

#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>

namespace reckon::cli {

namespace {

// `reckon sensitivity RULESET CASES…`: one-way always; switching values, two-way and draws when asked.
struct SensitivityArgs {
    std::string ruleset, two_way, out;  // out: the file to write, atomically (xlsx needs one)
    std::vector<std::string> cases, outputs, thresholds, params, lists;
    TableOptions tables;
    std::size_t steps = 5, draws = 0;
    std::uint64_t seed = 1;
    unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
    SensitivityFormat format = SensitivityFormat::text;
};

// NAME=VALUE, split at the first '='.
std::pair<std::string, std::string> setting(const std::string& raw, const char* option, const char* example) {
    const auto eq = raw.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == raw.size())
        throw RequestError(std::string(option) + " " + raw + ": expected NAME=VALUE, as in " + option + " " + example);
    return {raw.substr(0, eq), raw.substr(eq + 1)};
}

// The figure named on the command line, as a target: of the one case, or the cohort's.
Target target_named(const Program& p, const std::string& written, const std::string& ruleset, std::size_t cases) {
    const NamedFigure f = figure_named(p, written, ruleset);
    const int slot = f.case_slot >= 0 && (cases == 1 || f.cohort_slot < 0) ? f.case_slot : f.cohort_slot;
    const RuleDef& r = p.rules[static_cast<std::size_t>(slot)];
    const int member = member_named(p, slot, written, f.member);
    if (r.by && member < 0)
        throw RequestError("'" + written + "' is a figure by member: name one, as in " + r.name + "(" + r.by->example() + ")");
    if (r.shown().kind != TypeKind::number)
        throw RequestError("'" + written + "' is " + describe(r.shown(), p.units) + ": only a number, a quantity or an amount of money is analysed");
    return {slot, member, written};
}

std::size_t value_named(const std::vector<UncertainValue>& values, const std::string& name, const char* option) {
    for (std::size_t i = 0; i < values.size(); ++i)
        if (values[i].name == name) return i;
    std::string all;
    for (const auto& v : values) all += (all.empty() ? "" : ", ") + v.name;
    throw RequestError(std::string(option) + ": '" + name + "' is not a param or a table cell with a range" +
                     (all.empty() ? " (the ruleset declares none)" : " (those with a range: " + all + ")"));
}

// What the command line asks to analyse: the figures, as named (--output), then those the thresholds name; by
// default (chosen false) every figure that is a number, the case's outputs for one case, else the cohort's.
struct Asked {
    std::vector<Target> targets;
    std::vector<std::pair<std::string, std::string>> thresholds;  // --threshold NAME=VALUE, as written
    bool chosen = false;
};

Asked asked(const Program& p, const SensitivityArgs& a, std::size_t read) {
    Asked asked;
    const auto add = [&](Target t) {
        for (const auto& x : asked.targets)
            if (x.rule == t.rule && x.member == t.member) return;
        asked.targets.push_back(std::move(t));
    };
    for (const auto& o : a.outputs) add(target_named(p, o, a.ruleset, read));
    for (const auto& raw : a.thresholds) {
        asked.thresholds.push_back(setting(raw, "--threshold", "total=£60,000"));
        add(target_named(p, asked.thresholds.back().first, a.ruleset, read));
    }
    asked.chosen = !asked.targets.empty();
    if (!asked.chosen)
        for (int slot : read == 1 && !p.outputs.empty() ? p.outputs : p.cohort_outputs) {
            const RuleDef& r = p.rules[static_cast<std::size_t>(slot)];
            if (!r.by && r.type.kind == TypeKind::number) asked.targets.push_back({slot, -1, r.name});
        }
    if (asked.targets.empty()) throw RequestError("the ruleset has no figure that is a number to analyse: name one with --output");
    return asked;
}

// --threshold NAME=VALUE: VALUE read in the figure's unit, and where each value with a range makes the figure reach it.
SensitivityFindings::Threshold threshold_finding(const SensitivityRuns& runs, const std::string& name, const std::string& text) {
    const Program& p = runs.program();
    std::size_t t = 0;
    while (runs.targets()[t].name != name) ++t;
    const RuleDef& r = p.rules[static_cast<std::size_t>(runs.targets()[t].rule)];
    // A percentage figure (`percent`: 72.8 is shown 72.8 %) takes 50% as 50, as it shows it; any other figure that
    // is a plain number takes 50% as 0.5.
    std::string_view number = text;
    if (r.percent && number.size() > 1 && number.back() == '%') {
        number.remove_suffix(1);
        while (!number.empty() && number.back() == ' ') number.remove_suffix(1);
        if (!number.empty() && number.back() == '%') number = text;  // 50%%: not a percentage, refused below
    }
    const auto written = p.units.written_number(r.shown().unit, number);
    if (!written)
        throw RequestError("--threshold " + name + "=" + text + ": expected " + describe(r.shown(), p.units) + ", as the figure is, such as " +
                         target_text(runs, t, runs.base()[t]));
    const Number value = *written * p.units.scale(r.shown().unit);
    return {t, value, switching_values(runs, t, value)};
}

// --two-way A,B: the first figure over a grid of the two ranges.
Grid two_way_grid(const SensitivityRuns& runs, const SensitivityArgs& a) {
    const auto comma = a.two_way.find(',');
    if (comma == std::string::npos) throw RequestError("--two-way " + a.two_way + ": expected two params with ranges, as in --two-way A,B");
    const std::size_t x = value_named(runs.values(), a.two_way.substr(0, comma), "--two-way");
    const std::size_t y = value_named(runs.values(), a.two_way.substr(comma + 1), "--two-way");
    if (x == y) throw RequestError("--two-way " + a.two_way + ": name two different params");
    return two_way(runs, 0, x, y, a.steps, a.jobs);
}

// --draws N: the probabilistic runs, and each figure's summary over them (with the share beyond its threshold).
void draw_findings(const SensitivityRuns& runs, const SensitivityArgs& a, SensitivityFindings& f) {
    f.draws = draw_runs(runs, a.draws, a.seed, a.jobs);
    for (std::size_t t = 0; t < runs.targets().size(); ++t) {
        std::optional<Number> threshold;
        for (const auto& th : f.thresholds)
            if (th.target == t) threshold = th.value;
        f.summaries.push_back(summarise(runs, *f.draws, t, threshold));
    }
}

// Every analysis asked: one-way (by default, only the figures that some range moves), then the thresholds, the
// two-way grid and the draws. EvalError when a case or the cohort fails under a setting.
SensitivityFindings findings(const SensitivityRuns& runs, const SensitivityArgs& a, const Asked& asked) {
    SensitivityFindings f;
    f.one_way = one_way(runs, a.jobs);
    if (!asked.chosen) {
        std::erase_if(f.one_way, [](const OneWay& w) {
            return std::all_of(w.rows.begin(), w.rows.end(), [](const OneWayRow& r) { return r.swing() == 0; });
        });
    }
    for (const auto& [name, text] : asked.thresholds) f.thresholds.push_back(threshold_finding(runs, name, text));
    if (!a.two_way.empty()) f.grid = two_way_grid(runs, a);
    if (a.draws > 0) draw_findings(runs, a, f);
    return f;
}

// The findings in the format asked, to the screen or the file of --out (written to a temporary and renamed).
void write_findings(const Run& run, const SensitivityArgs& a, const SensitivityRuns& runs, const SensitivityFindings& f, std::size_t failed,
                    const RunInputs& inputs) {
    std::optional<OutputFile> file;
    if (!a.out.empty()) file.emplace(a.out, "--out", inputs);
    std::ostream& out = file ? file->stream() : std::cout;
    switch (a.format) {
    case SensitivityFormat::text: out << sensitivity_text(runs, f); break;
    case SensitivityFormat::json: out << json_text(sensitivity_json(runs, f), 2) << "\n"; break;
    case SensitivityFormat::csv: out << sensitivity_csv(runs, f); break;
    case SensitivityFormat::xlsx: {
        BatchResults none;
        Provenance prov = provenance_of(runs.program(), a.params, none, RECKON_VERSION, run.date);
        prov.cases = runs.cases() + failed;
        prov.failed = failed;
        write_sensitivity_workbook(file->writer_path(), runs, f, prov);
        break;
    }
    }
    if (file) file->commit();
}

int cmd_sensitivity(const Run& run, const SensitivityArgs& a) {
    if (a.format == SensitivityFormat::xlsx && a.out.empty()) throw RequestError("--format xlsx writes a workbook: name it with --out FILE.xlsx");
    auto p = compile_run(a.ruleset, parse_settings(a.params), run.limits, run.run_data);
    // the cases read once here, to say those that cannot be read and to count the others; each analysis reads
    // them again, a pass at a time
    std::size_t failed = 0, read = 0;
    const std::vector<ListFile> lists = parse_lists(a.lists);
    std::vector<std::string> list_paths;
    for (const auto& l : lists) list_paths.push_back(l.path);
    const RunInputs inputs = inputs_of(*p, run.run_data, "", lists, find_case_files(a.cases, list_paths), InputKind::case_file);
    if (!a.out.empty()) check_output_target(a.out, "--out", inputs);
    each_case(*p, a.cases, lists, a.tables, failed, false, [&](Case&&, const std::string&) { ++read; });
    if (read == 0) throw std::runtime_error("reckon: error: no case could be read: there is nothing to analyse");
    Asked what = asked(*p, a, read);
    SensitivityRuns runs(*p, case_passes(*p, a.cases, lists, a.tables), std::move(what.targets));
    for (const auto& text : runs.failures()) std::cerr << text;
    failed += runs.failures().size();
    SensitivityFindings f;
    try {
        f = findings(runs, a, what);
    } catch (const EvalError& e) {
        std::cerr << render(e.diagnostic());
        return bad_input;
    }
    write_findings(run, a, runs, f, failed, inputs);
    return failed ? bad_input : ok;
}

// --output, --threshold, --two-way with --steps, --draws with --seed: what is analysed.
void add_analysis_options(CLI::App& sensitivity, SensitivityArgs& a) {
    sensitivity.add_option("--output", a.outputs, "NAME: a figure to analyse (repeatable; name(Enum.member) for one member of a figure "
                                                  "by member); default: every figure that is a number and that a range moves "
                                                  "(the case's outputs for one case, else the cohort's)");
    sensitivity.add_option("--threshold", a.thresholds, "NAME=VALUE: the value of each param or table cell with a range at which the "
                                                        "figure reaches VALUE (total=£60,000; saving_pnc=£0): exact where the figure is linear in "
                                                        "it, else by bisection; with --draws, also the share of draws beyond it");
    sensitivity.add_option("--two-way", a.two_way, "A,B: the first figure over a grid of two ranges (params or cells, as --param names them)");
    sensitivity.add_option("--steps", a.steps, "N: points of each range in the two-way grid, ends included (default 5)")
        ->check(CLI::Range(std::size_t{2}, std::size_t{101}));
    sensitivity.add_option("--draws", a.draws, "N: a probabilistic run of N draws of every param and cell with a distribution: mean, "
                                               "median, 2.5% and 97.5% of each figure")
        ->check(CLI::Range(std::size_t{1}, std::size_t{10000000}));
    add_seed_option(sensitivity, a.seed, "S: the seed of the draws (default 1), from 0 to 2^64 - 1; the same seed gives the same "
                                          "draws on every machine and with any --jobs");
}

}  // namespace

void add_sensitivity(CLI::App& app, Run& run, Command& chosen) {
    auto a = std::make_shared<SensitivityArgs>();
    auto* sensitivity = app.add_subcommand(
        "sensitivity", "How sure a figure is, and which assumption moves it most, over the ranges and distributions the ruleset "
                       "declares (param NAME = V range LOW to HIGH [distributed KIND], and the same in a table's cell): one-way (a tornado, largest swing "
                       "first), switching values, a two-way grid, and probabilistic runs");
    add_ruleset_argument(*sensitivity, a->ruleset);
    sensitivity->add_option("CASES", a->cases, "one case for the figures of a case; for cohort figures, the cases as for batch (files, "
                                               "folders, patterns, case tables); each read once")
        ->required();
    add_analysis_options(*sensitivity, *a);
    sensitivity->add_option("--jobs,-j", a->jobs, "threads: each pass over the cases shares its settings (the one-way ends, a grid's points, the draws) among them (default: the number of cores)")->check(CLI::Range(1u, 1024u));
    add_choice(*sensitivity, "--format", a->format,
               Choices<SensitivityFormat>{{"text", SensitivityFormat::text}, {"json", SensitivityFormat::json},
                                          {"csv", SensitivityFormat::csv}, {"xlsx", SensitivityFormat::xlsx}},
               "text (for people, the default), json, csv, or xlsx (a workbook with a "
               "sheet for each analysis and each draw's values; needs --out)");
    sensitivity->add_option("--out,-o", a->out, "FILE: write there, atomically, rather than to the screen");
    add_param_option(*sensitivity, a->params, "; a param set so is held, not varied");
    add_run_data_option(*sensitivity, run);
    add_list_option(*sensitivity, a->lists);
    add_table_options(*sensitivity, a->tables);
    sensitivity->footer("Every figure is evaluated exactly, as eval and batch evaluate it. A case that fails under the ruleset's\n"
                        "values is reported and left out, as in batch, and the exit status is 1. See docs/uncertainty.md.");
    sensitivity->callback([&chosen, a] { chosen = [a](const Run& run) { return cmd_sensitivity(run, *a); }; });
}

}  // namespace reckon::cli
