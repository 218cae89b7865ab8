// `reckon sensitivity RULESET CASES…`: the command line's figures, thresholds and analyses checked, the cases read
// once, then one-way (always), switching values (--threshold), two-way (--two-way) and probabilistic runs
// (--draws), written as text, JSON or CSV.
#include "cli/commands.hpp"

#include "commands/output/output_file.hpp"
#include "commands/present/present.hpp"
#include "commands/sensitivity/sensitivity_workbook.hpp"
#include "commands/sensitivity/sensitivity_format.hpp"
#include "core/eval/eval.hpp"
#include "version.hpp"

#include <iostream>
#include <optional>

namespace reckon::cli {

namespace {

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

}  // namespace

int cmd_sensitivity(const Run& run, const SensitivityArgs& a) {
    if (a.format == SensitivityFormat::xlsx && a.out.empty()) throw RequestError("--format xlsx writes a workbook: name it with --out FILE.xlsx");
    auto p = compile_run(a.ruleset, parse_settings(a.params), run.limits, run.run_data);
    // the cases read once here, to say those that cannot be read and to count the others; each analysis reads
    // them again, a pass at a time
    std::size_t failed = 0, read = 0;
    const std::vector<ListFile> lists = parse_lists(a.lists);
    each_case(*p, a.cases, lists, a.tables, failed, false, [&](Case&&, const std::string&) { ++read; });
    if (read == 0) throw std::runtime_error("reckon: error: no case could be read: there is nothing to analyse");

    // the figures: as named, then those the thresholds name; by default every figure that is a number
    std::vector<Target> targets;
    const auto add = [&](Target t) {
        for (const auto& x : targets)
            if (x.rule == t.rule && x.member == t.member) return;
        targets.push_back(std::move(t));
    };
    for (const auto& o : a.outputs) add(target_named(*p, o, a.ruleset, read));
    std::vector<std::pair<std::string, std::string>> thresholds;
    for (const auto& raw : a.thresholds) {
        thresholds.push_back(setting(raw, "--threshold", "total=£60,000"));
        add(target_named(*p, thresholds.back().first, a.ruleset, read));
    }
    const bool chosen = !targets.empty();
    if (!chosen)
        for (int slot : read == 1 && !p->outputs.empty() ? p->outputs : p->cohort_outputs) {
            const RuleDef& r = p->rules[static_cast<std::size_t>(slot)];
            if (!r.by && r.type.kind == TypeKind::number) targets.push_back({slot, -1, r.name});
        }
    if (targets.empty()) throw RequestError("the ruleset has no figure that is a number to analyse: name one with --output");

    SensitivityRuns runs(*p, case_passes(*p, a.cases, lists, a.tables), std::move(targets));
    for (const auto& text : runs.failures()) std::cerr << text;
    failed += runs.failures().size();
    SensitivityFindings f;
    try {
        f.one_way = one_way(runs, a.jobs);
        if (!chosen) {  // by default, only the figures that some range moves
            std::erase_if(f.one_way, [](const OneWay& w) {
                return std::all_of(w.rows.begin(), w.rows.end(), [](const OneWayRow& r) { return r.swing() == 0; });
            });
        }
        for (const auto& [name, text] : thresholds) {
            std::size_t t = 0;
            while (runs.targets()[t].name != name) ++t;
            const RuleDef& r = p->rules[static_cast<std::size_t>(runs.targets()[t].rule)];
            const auto written = p->units.written_number(r.shown().unit, text);
            if (!written)
                throw RequestError("--threshold " + name + "=" + text + ": expected " + describe(r.shown(), p->units) + ", as the figure is, such as " +
                                 target_text(runs, t, runs.base()[t]));
            const Number value = *written * p->units.scale(r.shown().unit);
            f.thresholds.push_back({t, value, switching_values(runs, t, value)});
        }
        if (!a.two_way.empty()) {
            const auto comma = a.two_way.find(',');
            if (comma == std::string::npos) throw RequestError("--two-way " + a.two_way + ": expected two params with ranges, as in --two-way A,B");
            const std::size_t x = value_named(runs.values(), a.two_way.substr(0, comma), "--two-way");
            const std::size_t y = value_named(runs.values(), a.two_way.substr(comma + 1), "--two-way");
            if (x == y) throw RequestError("--two-way " + a.two_way + ": name two different params");
            f.grid = two_way(runs, 0, x, y, a.steps, a.jobs);
        }
        if (a.draws > 0) {
            f.draws = draw_runs(runs, a.draws, a.seed, a.jobs);
            for (std::size_t t = 0; t < runs.targets().size(); ++t) {
                std::optional<Number> threshold;
                for (const auto& th : f.thresholds)
                    if (th.target == t) threshold = th.value;
                f.summaries.push_back(summarise(runs, *f.draws, t, threshold));
            }
        }
    } catch (const EvalError& e) {
        std::cerr << render(e.diagnostic());
        return bad_input;
    }
    std::optional<OutputFile> file;  // written to a temporary and renamed, or not at all
    if (!a.out.empty()) file.emplace(a.out);
    std::ostream& out = file ? file->stream() : std::cout;
    switch (a.format) {
    case SensitivityFormat::text: out << sensitivity_text(runs, f); break;
    case SensitivityFormat::json: out << json_text(sensitivity_json(runs, f), 2) << "\n"; break;
    case SensitivityFormat::csv: out << sensitivity_csv(runs, f); break;
    case SensitivityFormat::xlsx: {
        BatchResults none;
        Provenance prov = provenance_of(*p, a.params, none, RECKON_VERSION, run.date);
        prov.cases = runs.cases() + failed;
        prov.failed = failed;
        write_sensitivity_workbook(file->writer_path(), runs, f, prov);
        break;
    }
    }
    if (file) file->commit();
    return failed ? bad_input : ok;
}

}  // namespace reckon::cli
