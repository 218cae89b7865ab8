// `reckon merge RULESET PARTIALS…`: the shards' partial results (batch --shard
// K/N --partial FILE) checked against each other and the run, and written as
// one batch over every case would write them: text, a workbook or the report.
#include "cli/commands.hpp"

#include "cli/batch_run.hpp"
#include "cli/choice_option.hpp"
#include "cli/common_options.hpp"
#include "cli/exit_status.hpp"
#include "cli/kept_output.hpp"
#include "commands/batch/merge.hpp"
#include "commands/batch/partial.hpp"
#include "commands/report/report_uncertainty.hpp"
#include "data/run_data.hpp"

#include <charconv>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

namespace reckon::cli {

namespace {

// --verify N|all as given, and --seed S.
struct VerifyArgs {
    std::string verify = "0";
    std::uint64_t seed = 1;
};

// A whole number from 0 to 2^64 - 1, or a RequestError naming the option.
std::uint64_t whole_number(const std::string& option, const std::string& text, const std::string& expected) {
    std::uint64_t n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size())
        throw RequestError(option + " " + text + ": expected " + expected);
    return n;
}

MergeChecks merge_checks(const VerifyArgs& v) {
    MergeChecks c;
    if (v.verify == "all") c.verify_all = true;
    else c.verify = whole_number("--verify", v.verify, "a number of cases (0 to 2^64 - 1) or `all`");
    c.seed = v.seed;
    return c;
}

// `reckon merge RULESET PARTIALS…`: `a.cases` holds the partial results.
int cmd_merge(const Run& run, const BatchArgs& a, const VerifyArgs& v) {
    const MergeChecks checks = merge_checks(v);
    namespace fs = std::filesystem;
    if ((a.format == BatchOutput::xlsx || a.format == BatchOutput::html) && a.out.empty())
        throw RequestError("--format " + batch_output_name(a.format) + " writes " + (a.format == BatchOutput::xlsx ? "a workbook" : "a report page") +
                         ": give the file with --out FILE." + batch_output_name(a.format));
    auto p = compile_run(a.ruleset, parse_settings(a.params), run.limits, run.run_data);
    const RunInputs inputs = inputs_of(*p, run.run_data, a.scenarios, {}, a.cases, InputKind::partial);
    if (!a.out.empty()) check_output_target(a.out, "--out", inputs);
    check_cohort_out(*p, a, inputs);
    std::vector<Value> params;
    std::vector<BoundScenario> scenarios;
    if (!bind_run(run, a, *p, params, scenarios)) return bad_input;
    const PartialHeader expected = fingerprint(*p, params, scenarios, {}, {}, {});
    BatchOptions opt;
    KeptFigures k;  // a workbook or a report: every figure kept
    keep_figures(a, std::move(scenarios), opt, k);
    std::optional<OutputFile> file;
    if (!a.out.empty()) file.emplace(a.out, "--out", inputs);
    PartialHeader read;  // how the shards read their cases
    BatchSummary s = merge_partials(*p, params, expected, a.cases, opt, file ? file->stream() : std::cout, std::cerr, checks, &read);
    KeptWritten written = KeptWritten::whole;
    if (k.all) {
        std::vector<std::string> cases;  // the case files, in order, as the partials name them
        for (const auto& c : (opt.scenarios.empty() ? k.kept : k.kept_each.at(0)).cases)
            if (cases.empty() || cases.back() != c.file) cases.push_back(c.file);
        if (a.format == BatchOutput::html && has_uncertainty_items(*p))  // read again: every one, or the page would mix two sets
            for (const auto& c : cases)
                if (std::error_code ec; !fs::exists(c, ec)) {
                    file->discard();
                    std::cerr << c << ": error: this case file, which the partials name, is not at hand: the page's tornado and distribution "
                              << "read every case again; merge where the shards' paths lead to the case files\n";
                    return bad_input;
                }
        written = write_kept(run, a, *p, params, opt, s, k.kept, k.kept_each, {cases, read.tables, read.lists, read.options}, *file);
        if (written == KeptWritten::not_written) return bad_input;
    }
    const int status = end_run(*p, a, s, k.cohort, file, inputs);
    return written == KeptWritten::items_not_computed ? bad_input : status;
}

}  // namespace

void add_merge(CLI::App& app, Run& run, Command& chosen) {
    auto a = std::make_shared<BatchArgs>();
    auto v = std::make_shared<VerifyArgs>();
    auto* merge = app.add_subcommand("merge", "Write the output of a run split into shards (batch --shard K/N --partial FILE) from "
                                              "the shards' partial results, byte for byte as one batch over every case writes it");
    add_ruleset_argument(*merge, a->ruleset, "the ruleset's entry file (*.reckon), as the shards were given it");
    merge->add_option("PARTIALS", a->cases, "every shard's partial result, in any order")->required()->check(CLI::ExistingFile);
    add_choice(*merge, "--format", a->format,
               Choices<BatchOutput>{{"table", BatchOutput::table}, {"jsonl", BatchOutput::jsonl}, {"csv", BatchOutput::csv},
                                    {"xlsx", BatchOutput::xlsx}, {"html", BatchOutput::html}},
               "table (the default), jsonl or csv, as for batch; xlsx, the workbook batch "
               "writes; or html, the page reckon report writes (both need --out)");
    merge->add_option("--out,-o", a->out, "write the results to FILE, atomically");
    merge->add_option("--jobs,-j", a->jobs, "html: the cases of a tornado or a distribution evaluated on N threads (default: "
                                            "the number of cores); they are read again from the case files the partials name")
        ->check(CLI::Range(1u, 1024u));
    add_param_option(*merge, a->params, "; the shards' own");
    add_run_data_option(*merge, run, "; the shards' own");
    merge->add_option("--scenarios", a->scenarios, "FILE.yaml: the shards' scenarios")->check(CLI::ExistingFile);
    merge->add_option("--cohort-out", a->cohort_out, "FILE.csv: also write the cohort's figures as a CSV of their own, as for batch");
    merge->add_option("--verify", v->verify, "N or all: evaluate N cases drawn at random (or every case) again from their files, "
                                             "and refuse the merge if any figure differs from its partial's (default: 0, none)");
    add_seed_option(*merge, v->seed, "S: which cases --verify draws (default 1); the same seed draws the same cases");
    merge->footer("Each partial is checked: made by this ruleset under the same params, scenarios and table cells, of the\n"
                  "same list of cases, each shard once and none missing, each count within the run, each running total the\n"
                  "sum of the case lines, each case's content its file's where the file is at hand; otherwise the error\n"
                  "names the file and the line, and nothing is written. The exit status is 1 when a case failed in any\n"
                  "shard, as for batch. See docs/scale.md.");
    merge->callback([&chosen, a, v] { chosen = [a, v](const Run& run) { return cmd_merge(run, *a, *v); }; });
}

}  // namespace reckon::cli
