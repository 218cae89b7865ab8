// `reckon batch` and `reckon report`: the run's cases evaluated in parallel,
// then written as text, a workbook or the report page; scenarios bound.
#include "cli/commands.hpp"

#include "commands/batch/batch.hpp"
#include "commands/batch/batch_sinks.hpp"
#include "commands/diff/diff.hpp"
#include "commands/doc/doc.hpp"
#include "commands/explain/explain.hpp"
#include "commands/fmt/fmt.hpp"
#include "commands/batch/merge.hpp"
#include "commands/output/output_file.hpp"
#include "commands/batch/partial.hpp"
#include "commands/present/present.hpp"
#include "commands/report/report.hpp"
#include "commands/report/report_uncertainty.hpp"
#include "commands/tests/rule_tests.hpp"
#include "commands/workbook/workbook.hpp"
#include "core/compile/compile.hpp"
#include "core/eval/eval.hpp"
#include "data/load_case.hpp"
#include "cli/revision.hpp"
#include "version.hpp"

#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>

namespace reckon::cli {

namespace {

// Set by SIGINT or SIGTERM (a signal handler can reach nothing else): the
// batch finishes no more cases.
std::atomic<bool> stop_requested{false};
extern "C" void on_signal(int) { stop_requested.store(true); }

}  // namespace

// The params of each scenario: the command line's settings, then the
// scenario's, checked as --param values are; an error points at the value
// in the scenarios file.
std::shared_ptr<Program> compile_scenario(const Scenario& sc, const std::vector<ParamSetting>& command_line,
                                          const std::function<std::shared_ptr<Program>(const std::vector<ParamSetting>&)>& compile_with) {
    std::vector<ParamSetting> settings = command_line;
    for (const auto& v : sc.settings) settings.push_back({v.param, v.value});
    auto fail = [&](const std::string& param, const std::string& why) {
        Location where = sc.where;
        for (const auto& v : sc.settings)
            if (v.param == param) where = v.where;
        throw CompileError({Diagnostic{where, "scenario '" + sc.name + "': " + why, {}}});
    };
    try {
        return compile_with(settings);
    } catch (const RequestError& e) {  // "--param NAME: the ruleset has no param named 'NAME'"
        std::string text = e.what();
        std::string name = text.substr(8, text.find(": ") - 8);
        fail(name, text.substr(text.find(": ") + 2));
    } catch (const CompileError& e) {
        // The diagnostics point into the program that failed, which is gone: read the text.
        // "--param NAME:1:5: error: MESSAGE\n…" (a value), or an error in the rule file itself.
        std::string text = e.what();
        std::string first = text.substr(0, text.find('\n'));
        if (first.rfind("--param ", 0) != 0) throw std::runtime_error(text.substr(0, text.size() - 1));
        auto at = first.find(": error: ");
        std::string name = first.substr(8, at == std::string::npos ? std::string::npos : at - 8);
        name = name.substr(0, name.rfind(':', name.rfind(':') - 1));  // without ":LINE:COL"
        fail(name, at == std::string::npos ? first : first.substr(at + 9));
    }
    return nullptr;  // not reached: fail() throws
}

std::vector<BoundScenario> bind_scenarios(const Run& run, const BatchArgs& a, const std::vector<Scenario>& scenarios) {
    std::vector<BoundScenario> out;
    for (const auto& sc : scenarios) {
        std::shared_ptr<Program> q = compile_scenario(sc, parse_settings(a.params), [&](const std::vector<ParamSetting>& settings) {
            return compile_run(a.ruleset, settings, run.limits, run.run_data);
        });
        std::vector<Value> params = bind_params(*q, command_line_overrides(*q));
        out.push_back({sc.name, std::move(q), std::move(params)});
    }
    return out;
}

bool bind_run(const Run& run, const BatchArgs& a, const Program& p, std::vector<Value>& params, std::vector<BoundScenario>& scenarios) {
    try {
        params = bind_params(p, command_line_overrides(p));
        if (!a.scenarios.empty()) scenarios = bind_scenarios(run, a, read_scenarios(read_source(a.scenarios, run.limits.file_size)));
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

void check_cohort_out(const Program& p, const BatchArgs& a) {
    if (a.cohort_out.empty()) return;
    if (p.cohort_outputs.empty()) throw RequestError("--cohort-out " + a.cohort_out + ": the ruleset has no cohort outputs");
    if (!a.scenarios.empty()) throw RequestError("--cohort-out with --scenarios: the cohort of each scenario is in the jsonl output, a line each");
    if (!a.out.empty() && std::filesystem::path(a.out) == std::filesystem::path(a.cohort_out))
        throw RequestError("--cohort-out " + a.cohort_out + ": the same file as --out");
}

void write_cohort_out(const Program& p, const BatchArgs& a, const std::vector<Value>& cohort) {
    if (a.cohort_out.empty()) return;
    if (cohort.empty()) {
        std::cerr << "reckon: error: the cohort's figures could not be computed (above); " << a.cohort_out << " was not written\n";
        return;
    }
    OutputFile cohort_file(a.cohort_out);
    cohort_file.stream() << BatchSink(p, BatchFormat::csv, false).cohort_csv(cohort);
    cohort_file.commit();
}

namespace {

// --shard K/N: K and N.
std::pair<unsigned, unsigned> parse_shard(const std::string& text) {
    const auto slash = text.find('/');
    auto whole = [&](const std::string& t) -> unsigned long {
        if (t.empty() || t.size() > 6 || t.find_first_not_of("0123456789") != std::string::npos) return 0;
        return std::stoul(t);
    };
    const unsigned long k = slash == std::string::npos ? 0 : whole(text.substr(0, slash));
    const unsigned long n = slash == std::string::npos ? 0 : whole(text.substr(slash + 1));
    if (k == 0 || n == 0 || k > n)
        throw RequestError("--shard " + text + ": expected K/N, shard K of N with 1 <= K <= N, as in --shard 2/4");
    return {static_cast<unsigned>(k), static_cast<unsigned>(n)};
}

// --shard K/N --partial FILE: this shard's cases, and their results and running totals written to FILE.
int run_shard(const Program& p, const std::vector<Value>& params, const std::vector<std::string>& files, const BatchArgs& a,
              BatchOptions& opt) {
    const auto [k, n] = parse_shard(a.shard);
    PartialHeader header = fingerprint(p, params, opt.scenarios, files, opt.lists, opt.tables);
    header.shard = k;
    header.shards = n;
    OutputFile file(a.partial);
    PartialWriter writer(file.stream(), header);
    opt.partial = &writer;
    opt.shard = k;
    opt.shards = n;
    BatchSummary s = run_batch(p, params, files, opt, file.stream(), std::cerr);
    if (s.interrupted) {
        file.discard();
        std::cerr << "reckon: interrupted after " << s.done << " cases of shard " << a.shard << "; " << a.partial << " was not written\n";
        return interrupted;
    }
    file.commit();
    std::cerr << "shard " << a.shard << ": " << s.cases << " case" << (s.cases == 1 ? "" : "s") << ", " << s.failed
              << " failed; partial result in " << a.partial << " (merge the shards with reckon merge)\n";
    return ok;
}

}  // namespace

bool write_kept(const Run& run, const BatchArgs& a, const Program& p, const std::vector<Value>& params, const BatchOptions& opt,
                const BatchSummary& s, const BatchResults& kept, const std::vector<BatchResults>& kept_each, const KeptSources& sources,
                OutputFile& file) {
    if (s.cases > 0 && s.failed == s.cases) {  // nothing to show: no page or workbook that looks finished
        file.discard();
        std::cerr << "reckon: error: every one of the " << s.cases << " case" << (s.cases == 1 ? "" : "s")
                  << " failed (the errors are above); " << a.out << " was not written\n";
        return false;
    }
    Provenance prov = provenance_of(p, a.params, opt.scenarios.empty() ? kept : kept_each.at(0), RECKON_VERSION, run.date);
    if (!opt.scenarios.empty()) {
        prov.scenarios_file = {a.scenarios, git_blob_id_of_file(a.scenarios)};
        for (const auto& sc : opt.scenarios) prov.scenarios.push_back(sc.name);
    }
    for (const auto& t : sources.tables) prov.tables.emplace_back(t, git_blob_id_of_file(t));
    for (const auto& l : sources.lists) prov.tables.emplace_back(l.path, git_blob_id_of_file(l.path));
    std::vector<ReportRun> runs;
    for (std::size_t k = 0; k < opt.scenarios.size(); ++k)
        runs.push_back({opt.scenarios[k].name, opt.scenarios[k].program.get(), &opt.scenarios[k].params, &kept_each[k]});
    if (a.format == BatchOutput::xlsx) {
        if (runs.empty()) write_workbook(file.writer_path(), p, params, kept, prov);
        else write_workbook(file.writer_path(), p, params, runs, prov);
        return true;
    }
    // a tornado or a distribution: the cases read once more and analysed, under the command line's values
    ReportUncertainty uncertainty;
    if (has_uncertainty_items(p)) {
        uncertainty = report_uncertainty(p, case_passes(p, sources.cases, sources.lists, sources.options), a.jobs);
        if (!uncertainty.runs) std::cerr << "reckon: the report's tornado and distribution could not be computed: " << uncertainty.error
                                         << (uncertainty.error.empty() || uncertainty.error.back() == '\n' ? "" : "\n");
    }
    if (!runs.empty()) {
        file.stream() << report_html(p, params, runs, prov, &uncertainty);
    } else {
        std::optional<Case> only;  // one case: the appendix shows its worked values
        if (kept.cases.size() == 1 && kept.cases[0].ok && !is_case_table(kept.cases[0].file)) only = load_case_file(p, kept.cases[0].file);
        file.stream() << report_html(p, params, kept, prov, only ? &*only : nullptr, &uncertainty);
    }
    return true;
}

// `reckon batch` and `reckon report` (format "html"): the cases evaluated in
// parallel, then written as text, a workbook or the report page.
int cmd_batch(const Run& run, const BatchArgs& a) {
    namespace fs = std::filesystem;
    std::signal(SIGINT, on_signal);  // from the start: an interrupt is always answered the same way
    std::signal(SIGTERM, on_signal);
    auto p = compile_run(a.ruleset, parse_settings(a.params), run.limits, run.run_data);
    if (a.format == BatchOutput::xlsx && a.out.empty())
        throw RequestError("--format xlsx writes a workbook, which is not text: give the file with --out FILE.xlsx");
    std::vector<ListFile> lists = parse_lists(a.lists);
    std::vector<std::string> list_paths;
    for (const auto& l : lists) list_paths.push_back(l.path);
    std::vector<std::string> files = find_case_files(a.cases, list_paths);
    if (!a.out.empty()) {
        std::error_code ec;
        for (const auto& f : files)
            if (fs::equivalent(f, a.out, ec))
                throw RequestError("--out " + a.out + ": this is one of the case files; choose another output file");
    }
    check_cohort_out(*p, a);
    if (a.shard.empty() != a.partial.empty())
        throw RequestError(a.shard.empty() ? "--partial " + a.partial + " without --shard K/N: a partial result is a shard's"
                                         : "--shard " + a.shard + " without --partial FILE: a shard writes a partial result, for reckon merge");
    if (!a.partial.empty()) {
        if (a.format_given) throw RequestError("--format with --partial: a shard writes a partial result; give --format to reckon merge");
        if (!a.out.empty()) throw RequestError("--out with --partial: a shard writes its partial result; give --out to reckon merge");
        if (!a.cohort_out.empty()) throw RequestError("--cohort-out with --partial: give --cohort-out to reckon merge");
        std::error_code ec;
        for (const auto& f : files)
            if (fs::equivalent(f, a.partial, ec))
                throw RequestError("--partial " + a.partial + ": this is one of the case files; choose another file");
    }
    std::vector<Value> params;
    std::vector<BoundScenario> scenarios;
    if (!bind_run(run, a, *p, params, scenarios)) return bad_input;
    // A workbook and a report need every figure at the end; the text formats stream.
    const BatchFormat written = text_format(a.format);
    const bool keep_all = written == BatchFormat::kept;
    BatchOptions opt;
    opt.jobs = a.jobs;
    opt.format = written;
    opt.progress = ::isatty(STDERR_FILENO) != 0;
    opt.stop = &stop_requested;
    BatchResults kept;
    std::vector<BatchResults> kept_each(scenarios.size());  // under scenarios: each one's figures
    if (keep_all && scenarios.empty()) opt.keep = &kept;
    if (keep_all && !scenarios.empty()) opt.keep_each = &kept_each;
    opt.scenarios = std::move(scenarios);
    opt.lists = std::move(lists);
    opt.tables = a.tables;
    std::vector<Value> cohort;
    if (!a.cohort_out.empty()) opt.cohort = &cohort;
    if (!a.partial.empty()) return run_shard(*p, params, files, a, opt);
    std::optional<OutputFile> file;
    if (!a.out.empty()) file.emplace(a.out);
    BatchSummary s = run_batch(*p, params, files, opt, file ? file->stream() : std::cout, std::cerr);
    if (s.interrupted) {
        if (file) file->discard();
        std::cerr << "reckon: interrupted after " << s.done << " of " << (s.cases_exact ? "" : "at least ") << s.cases << " cases"
                  << (file ? "; " + a.out + " was not written" : "") << "\n";
        return interrupted;
    }
    if (keep_all) {
        std::vector<std::string> tables;  // the spreadsheet tables the cases came from
        for (const auto& f : files)
            if (is_case_table(f)) tables.push_back(f);
        if (!write_kept(run, a, *p, params, opt, s, kept, kept_each, {a.cases, tables, opt.lists, a.tables}, *file)) return bad_input;
    }
    if (file) file->commit();
    write_cohort_out(*p, a, cohort);
    if (a.format != BatchOutput::table || file)
        std::cerr << s.cases << " case" << (s.cases == 1 ? "" : "s") << ", " << s.failed << " failed"
                  << (file ? (a.format == BatchOutput::html ? "; report in " : "; results in ") + a.out : "") << "\n";
    return s.failed || s.cohort_failed ? bad_input : ok;
}


}  // namespace reckon::cli
