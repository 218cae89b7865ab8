// `reckon batch RULESET CASES…`: the run's cases evaluated in parallel, then
// written as text (a table, JSON Lines, CSV) or a workbook; a shard of a run
// split across machines (--shard K/N --partial FILE) writes its partial
// result for `reckon merge`. `reckon report` runs the same (report_command.cpp).
#include "cli/commands.hpp"

#include "cli/batch_run.hpp"
#include "cli/choice_option.hpp"
#include "cli/common_options.hpp"
#include "cli/exit_status.hpp"
#include "cli/interactive_report.hpp"
#include "cli/kept_output.hpp"
#include "commands/batch/partial.hpp"
#include "commands/report/report_computable.hpp"
#include "core/base/signals.hpp"
#include "data/run_data.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <iostream>
#include <memory>

namespace reckon::cli {

namespace {

// --shard K/N: K and N, each a whole number of at most six digits (N up to 999,999 shards).
std::pair<unsigned, unsigned> parse_shard(const std::string& text) {
    constexpr std::size_t most_digits = 6;
    const auto slash = text.find('/');
    bool too_many = false;
    auto whole = [&](const std::string& t) -> unsigned long {
        if (t.empty() || t.find_first_not_of("0123456789") != std::string::npos) return 0;
        const std::size_t zeros = std::min(t.find_first_not_of('0'), t.size());
        if (t.size() - zeros > most_digits) too_many = true;
        return too_many ? 0 : std::stoul(t);
    };
    const unsigned long k = slash == std::string::npos ? 0 : whole(text.substr(0, slash));
    const unsigned long n = slash == std::string::npos ? 0 : whole(text.substr(slash + 1));
    if (too_many) throw RequestError("--shard " + text + ": a run is split into at most 999999 shards (K and N of at most six digits)");
    if (k == 0 || n == 0 || k > n)
        throw RequestError("--shard " + text + ": expected K/N, shard K of N with 1 <= K <= N <= 999999, as in --shard 2/4");
    return {static_cast<unsigned>(k), static_cast<unsigned>(n)};
}

// --shard K/N --partial FILE: this shard's cases, and their results and running totals written to FILE.
int run_shard(const Program& p, const std::vector<Value>& params, const std::vector<std::string>& files, const BatchArgs& a,
              BatchOptions& opt, const RunInputs& inputs) {
    const auto [k, n] = parse_shard(a.shard);
    PartialHeader header = fingerprint(p, params, opt.scenarios, files, opt.lists, opt.tables);
    header.shard = k;
    header.shards = n;
    OutputFile file(a.partial, "--partial", inputs);
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

// The files the run would write, checked before a case is read: none of them a case file, --cohort-out possible,
// and --shard with --partial and none of the outputs merge writes.
void check_written_files(const Program& p, const BatchArgs& a, const RunInputs& inputs) {
    if (!a.out.empty()) check_output_target(a.out, "--out", inputs);
    check_cohort_out(p, a, inputs);
    if (a.shard.empty() != a.partial.empty())
        throw RequestError(a.shard.empty() ? "--partial " + a.partial + " without --shard K/N: a partial result is a shard's"
                                         : "--shard " + a.shard + " without --partial FILE: a shard writes a partial result, for reckon merge");
    if (!a.partial.empty()) {
        if (a.format_given) throw RequestError("--format with --partial: a shard writes a partial result; give --format to reckon merge");
        if (!a.out.empty()) throw RequestError("--out with --partial: a shard writes its partial result; give --out to reckon merge");
        if (!a.cohort_out.empty()) throw RequestError("--cohort-out with --partial: give --cohort-out to reckon merge");
        check_output_target(a.partial, "--partial", inputs);
    }
}

// A report's items that cannot be computed over these case files, refused at their lines before a case is read.
// The rows of a case table are counted only as it is read: with one, the run says so after (kept_output.cpp).
void refuse_items_not_computed(const Program& p, const BatchArgs& a, const std::vector<std::string>& files) {
    if (a.format != BatchOutput::html || std::any_of(files.begin(), files.end(), is_case_table)) return;
    std::vector<Diagnostic> not_computed = items_not_computed(p, files.size());
    if (!not_computed.empty()) throw CompileError(std::move(not_computed));
}

// --interactive: the browser engine; case tables only with --keep-ids (their rows are not yet reduced to the inputs
// the ruleset declares).
WebEngine interactive_engine(const Run& run, const BatchArgs& a, const std::vector<std::string>& files) {
    if (!a.keep_ids)
        for (const auto& f : files)
            if (is_case_table(f))
                throw RequestError("--interactive: " + f + " is a case table, which the page can carry only as it is, "
                                   "every column and identifier included: give --keep-ids to do so");
    return load_web_engine(run.limits);
}

}  // namespace

// `reckon batch` and `reckon report` (format html): the cases evaluated in
// parallel, then written as text, a workbook or the report page.
int cmd_batch(const Run& run, const BatchArgs& a) {
    std::atomic<bool> stop_requested{false};  // set by SIGINT or SIGTERM: the batch finishes no more cases
    StopOnSignal on_signal(stop_requested);   // from the start: an interrupt is always answered the same way
    auto p = compile_run(a.ruleset, parse_settings(a.params), run.limits, run.run_data);
    if (a.format == BatchOutput::xlsx && a.out.empty())
        throw RequestError("--format xlsx writes a workbook, which is not text: give the file with --out FILE.xlsx");
    std::vector<ListFile> lists = parse_lists(a.lists);
    std::vector<std::string> list_paths;
    for (const auto& l : lists) list_paths.push_back(l.path);
    std::vector<std::string> files = find_case_files(a.cases, list_paths);
    const RunInputs inputs = inputs_of(*p, run.run_data, a.scenarios, lists, files, InputKind::case_file);
    check_written_files(*p, a, inputs);
    refuse_items_not_computed(*p, a, files);
    std::vector<Value> params;
    std::vector<BoundScenario> scenarios;
    if (!bind_run(run, a, *p, params, scenarios)) return bad_input;
    // A workbook and a report need every figure at the end; the text formats stream.
    BatchOptions opt;
    KeptFigures k;
    keep_figures(a, std::move(scenarios), opt, k);
    opt.jobs = a.jobs;
    opt.progress = ::isatty(STDERR_FILENO) != 0;
    opt.stop = &stop_requested;
    opt.lists = std::move(lists);
    opt.tables = a.tables;
    if (!a.partial.empty()) return run_shard(*p, params, files, a, opt, inputs);
    std::optional<OutputFile> file;
    if (!a.out.empty()) file.emplace(a.out, "--out", inputs);
    std::optional<WebEngine> engine;  // --interactive: found before a case is read
    if (a.interactive) engine = interactive_engine(run, a, files);
    BatchSummary s = run_batch(*p, params, files, opt, file ? file->stream() : std::cout, std::cerr);
    if (s.interrupted) {
        if (file) file->discard();
        std::cerr << "reckon: interrupted after " << s.done << " of " << (s.cases_exact ? "" : "at least ") << s.cases << " cases"
                  << (file ? "; " + a.out + " was not written" : "") << "\n";
        return interrupted;
    }
    KeptWritten written = KeptWritten::whole;
    if (engine) {
        if (nothing_to_show(a, s, *file)) return bad_input;
        const BatchResults& results = opt.scenarios.empty() ? k.kept : k.kept_each.at(0);  // a case fails under every scenario or none
        file->stream() << interactive_html(interactive_page_of(run, a, *p, params, files, results), *engine);
    } else if (k.all) {
        std::vector<std::string> tables;  // the spreadsheet tables the cases came from
        for (const auto& f : files)
            if (is_case_table(f)) tables.push_back(f);
        written = write_kept(run, a, *p, params, opt, s, k.kept, k.kept_each, {a.cases, tables, opt.lists, a.tables}, *file);
        if (written == KeptWritten::not_written) return bad_input;
    }
    const int status = end_run(*p, a, s, k.cohort, file, inputs);
    return written == KeptWritten::items_not_computed ? bad_input : status;
}

void add_batch(CLI::App& app, Run& run, Command& chosen) {
    auto a = std::make_shared<BatchArgs>();
    auto* batch = app.add_subcommand("batch", "Evaluate many case files in parallel, then the cohort rules");
    add_ruleset_argument(*batch, a->ruleset);
    add_cases_argument(*batch, a->cases);
    batch->add_option("--jobs,-j", a->jobs, "cases evaluated at once (default: the number of cores, here " + std::to_string(a->jobs) + ")")
        ->check(CLI::Range(1u, 1024u));
    add_choice(*batch, "--format", a->format,
               Choices<BatchOutput>{{"table", BatchOutput::table}, {"jsonl", BatchOutput::jsonl}, {"csv", BatchOutput::csv}, {"xlsx", BatchOutput::xlsx}},
               "table (for people, the default), jsonl (a JSON object per case, then the "
               "cohort), csv (a row per case) or xlsx (a workbook: sheets Cases, Cohort, "
               "Parameters, Provenance; needs --out)");
    batch->add_option("--out,-o", a->out, "write the results to FILE, atomically (nothing is written unless the run completes)");
    add_param_option(*batch, a->params);
    add_run_data_option(*batch, run);
    add_list_option(*batch, a->lists);
    add_table_options(*batch, a->tables);
    batch->add_option("--scenarios", a->scenarios, "FILE.yaml: named sets of param values (low: {arrest_hours: 3.5 hour}, "
                                                   "high: …); each case is read once and evaluated under each, with a "
                                                   "result per case and scenario and a cohort per scenario (in a table, "
                                                   "a line per case and scenario and the cohort with a column per scenario; "
                                                   "in a workbook, a column per scenario)")
        ->check(CLI::ExistingFile);
    batch->add_option("--cohort-out", a->cohort_out, "FILE.csv: also write the cohort's figures as a CSV of their own (output, member, "
                                                     "label, value, unit), a row per figure and per member of a figure by member");
    batch->add_option("--shard", a->shard, "K/N: evaluate only shard K of N (the cases at positions K-1, K-1+N, … of the whole "
                                           "list given, counted from 0), for a run split across machines; needs --partial");
    batch->add_option("--partial", a->partial, "FILE: with --shard, write the shard's partial result (its cases' figures, "
                                               "failures and the cohort's exact running totals) to FILE, atomically; "
                                               "reckon merge writes the run's output from every shard's");
    batch->footer("A case that fails is reported on stderr with its file and line; the others go on, the cohort is\n"
                  "computed over the cases that succeeded, and the exit status is 1. A shard (--shard, --partial)\n"
                  "exits 0 once its partial result is written, failed cases and all: merge reports them. See docs/scale.md.");
    batch->callback([&chosen, a, batch] {
        a->format_given = batch->get_option("--format")->count() > 0;
        chosen = [a](const Run& run) { return cmd_batch(run, *a); };
    });
}

}  // namespace reckon::cli
