// `reckon merge`: the shards' partial results written as one run over every case would write them.
#include "cli/commands.hpp"

#include "commands/batch/merge.hpp"
#include "commands/output/output_file.hpp"
#include "commands/batch/partial.hpp"
#include "core/compile/compile.hpp"

#include <filesystem>
#include <iostream>
#include <optional>

namespace reckon::cli {

int cmd_merge(const Run& run, const BatchArgs& a) {
    namespace fs = std::filesystem;
    if ((a.format == BatchOutput::xlsx || a.format == BatchOutput::html) && a.out.empty())
        throw RequestError("--format " + a.format_name + " writes " + (a.format == BatchOutput::xlsx ? "a workbook" : "a report page") +
                         ": give the file with --out FILE." + a.format_name);
    auto p = compile_run(a.ruleset, parse_settings(a.params), run.limits, run.run_data);
    check_cohort_out(*p, a);
    if (!a.out.empty()) {
        std::error_code ec;
        for (const auto& f : a.cases)
            if (fs::equivalent(f, a.out, ec)) throw RequestError("--out " + a.out + ": this is one of the partial results; choose another output file");
    }
    std::vector<Value> params;
    std::vector<BoundScenario> scenarios;
    if (!bind_run(run, a, *p, params, scenarios)) return bad_input;
    const PartialHeader expected = fingerprint(*p, params, scenarios, {}, {}, {});
    BatchOptions opt;
    opt.format = text_format(a.format);
    const bool keep_all = opt.format == BatchFormat::kept;  // a workbook or a report: every figure kept
    BatchResults kept;
    std::vector<BatchResults> kept_each(scenarios.size());
    if (keep_all && scenarios.empty()) opt.keep = &kept;
    if (keep_all && !scenarios.empty()) opt.keep_each = &kept_each;
    opt.scenarios = std::move(scenarios);
    std::vector<Value> cohort;
    if (!a.cohort_out.empty()) opt.cohort = &cohort;
    std::optional<OutputFile> file;
    if (!a.out.empty()) file.emplace(a.out);
    PartialHeader read;  // how the shards read their cases
    BatchSummary s = merge_partials(*p, params, expected, a.cases, opt, file ? file->stream() : std::cout, std::cerr, &read);
    if (keep_all) {
        std::vector<std::string> cases;  // the case files, in order, as the partials name them
        for (const auto& c : (opt.scenarios.empty() ? kept : kept_each.at(0)).cases)
            if (cases.empty() || cases.back() != c.file) cases.push_back(c.file);
        if (!write_kept(run, a, *p, params, opt, s, kept, kept_each, {cases, read.tables, read.lists, read.options}, *file)) return bad_input;
    }
    if (file) file->commit();
    write_cohort_out(*p, a, cohort);
    if (a.format != BatchOutput::table || file)
        std::cerr << s.cases << " case" << (s.cases == 1 ? "" : "s") << ", " << s.failed << " failed"
                  << (file ? (a.format == BatchOutput::html ? "; report in " : "; results in ") + a.out : "") << "\n";
    return s.failed || s.cohort_failed ? bad_input : ok;
}

}  // namespace reckon::cli
