// The steps batch, report and merge take alike around a run: each scenario's
// program compiled and its params bound, the stream format of what they
// write, and the cohort's own CSV of --cohort-out checked and written.
#include "cli/batch_run.hpp"

#include "cli/common_options.hpp"
#include "cli/exit_status.hpp"
#include "cli/scenario_settings.hpp"
#include "commands/output/output_file.hpp"
#include "core/eval/eval.hpp"
#include "data/load_case.hpp"
#include "data/run_data.hpp"

#include <filesystem>
#include <iostream>

namespace reckon::cli {

std::string batch_output_name(BatchOutput f) {
    switch (f) {
        case BatchOutput::table: return "table";
        case BatchOutput::jsonl: return "jsonl";
        case BatchOutput::csv: return "csv";
        case BatchOutput::xlsx: return "xlsx";
        case BatchOutput::html: return "html";
    }
    return "table";
}

namespace {

std::vector<BoundScenario> bind_scenarios(const Run& run, const BatchArgs& a, const std::vector<Scenario>& scenarios) {
    std::vector<BoundScenario> out;
    for (const auto& sc : scenarios) {
        std::shared_ptr<Program> q = compile_scenario(sc, parse_settings(a.params), [&](const std::vector<ParamSetting>& settings) {
            return compile_run(a.ruleset, settings, run.limits, run.run_data);
        });
        std::vector<Value> params = bind_scenario_params(sc, *q);
        out.push_back({sc.name, std::move(q), std::move(params)});
    }
    return out;
}

}  // namespace

bool bind_run(const Run& run, const BatchArgs& a, const Program& p, std::vector<Value>& params, std::vector<BoundScenario>& scenarios) {
    try {
        params = bind_params(p, command_line_overrides(p));
        if (!a.scenarios.empty()) scenarios = bind_scenarios(run, a, read_scenarios(read_source(a.scenarios, run.limits.file_size), run.limits));
    } catch (const EvalError& e) {
        std::cerr << render(e.diagnostic());
        return false;
    }
    return true;
}

BatchFormat text_format(BatchOutput f) {
    switch (f) {
        case BatchOutput::table: return BatchFormat::table;
        case BatchOutput::jsonl: return BatchFormat::jsonl;
        case BatchOutput::csv: return BatchFormat::csv;
        case BatchOutput::xlsx:
        case BatchOutput::html: return BatchFormat::kept;
    }
    return BatchFormat::kept;
}

void check_cohort_out(const Program& p, const BatchArgs& a, const RunInputs& inputs) {
    if (a.cohort_out.empty()) return;
    if (p.cohort_outputs.empty()) throw RequestError("--cohort-out " + a.cohort_out + ": the ruleset has no cohort outputs");
    if (!a.scenarios.empty()) throw RequestError("--cohort-out with --scenarios: the cohort of each scenario is in the jsonl output, a line each");
    if (!a.out.empty() && std::filesystem::path(a.out) == std::filesystem::path(a.cohort_out))
        throw RequestError("--cohort-out " + a.cohort_out + ": the same file as --out");
    check_output_target(a.cohort_out, "--cohort-out", inputs);
}

void write_cohort_out(const Program& p, const BatchArgs& a, const std::vector<Value>& cohort, const RunInputs& inputs) {
    if (a.cohort_out.empty()) return;
    if (cohort.empty()) {
        std::cerr << "reckon: error: the cohort's figures could not be computed (above); " << a.cohort_out << " was not written\n";
        return;
    }
    OutputFile cohort_file(a.cohort_out, "--cohort-out", inputs);
    cohort_file.stream() << BatchSink(p, BatchFormat::csv, false).cohort_csv(cohort);
    cohort_file.commit();
}

void keep_figures(const BatchArgs& a, std::vector<BoundScenario> scenarios, BatchOptions& opt, KeptFigures& k) {
    opt.format = text_format(a.format);
    k.all = opt.format == BatchFormat::kept;  // a workbook or a report: every figure kept
    k.kept_each.resize(scenarios.size());
    if (k.all && scenarios.empty()) opt.keep = &k.kept;
    if (k.all && !scenarios.empty()) opt.keep_each = &k.kept_each;
    opt.scenarios = std::move(scenarios);
    if (!a.cohort_out.empty()) opt.cohort = &k.cohort;
}

int end_run(const Program& p, const BatchArgs& a, const BatchSummary& s, const std::vector<Value>& cohort, std::optional<OutputFile>& file,
            const RunInputs& inputs) {
    if (file) file->commit();
    write_cohort_out(p, a, cohort, inputs);
    if (a.format != BatchOutput::table || file)
        std::cerr << s.cases << " case" << (s.cases == 1 ? "" : "s") << ", " << s.failed << " failed"
                  << (file ? (a.format == BatchOutput::html ? "; report in " : "; results in ") + a.out : "") << "\n";
    return s.failed || s.cohort_failed ? bad_input : ok;
}

}  // namespace reckon::cli
