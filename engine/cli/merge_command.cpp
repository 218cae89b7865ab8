// `reckon merge`: the shards' partial results written as one run over every case would write them.
#include "commands.hpp"

#include "commands/merge.hpp"
#include "commands/output_file.hpp"
#include "commands/partial.hpp"
#include "core/compile.hpp"

#include <filesystem>
#include <iostream>
#include <optional>

namespace reckon::cli {

int cmd_merge(const Run& run, const BatchArgs& a) {
    namespace fs = std::filesystem;
    if (a.format == BatchOutput::xlsx || a.format == BatchOutput::html)
        throw UsageError("--format " + a.format_name + ": merge writes table, jsonl or csv");
    auto p = compile(a.ruleset, parse_settings(a.params), run.limits, run.run_data);
    check_cohort_out(*p, a);
    if (!a.out.empty()) {
        std::error_code ec;
        for (const auto& f : a.cases)
            if (fs::equivalent(f, a.out, ec)) throw UsageError("--out " + a.out + ": this is one of the partial results; choose another output file");
    }
    std::vector<Value> params;
    std::vector<BoundScenario> scenarios;
    if (!bind_run(run, a, *p, params, scenarios)) return bad_input;
    const PartialHeader expected = fingerprint(*p, params, scenarios, {}, {}, {});
    BatchOptions opt;
    opt.format = text_format(a.format);
    opt.scenarios = std::move(scenarios);
    std::vector<Value> cohort;
    if (!a.cohort_out.empty()) opt.cohort = &cohort;
    std::optional<OutputFile> file;
    if (!a.out.empty()) file.emplace(a.out);
    BatchSummary s = merge_partials(*p, params, expected, a.cases, opt, file ? file->stream() : std::cout, std::cerr);
    if (file) file->commit();
    write_cohort_out(*p, a, cohort);
    if (a.format != BatchOutput::table || file)
        std::cerr << s.cases << " case" << (s.cases == 1 ? "" : "s") << ", " << s.failed << " failed"
                  << (file ? "; results in " + a.out : "") << "\n";
    return s.failed || s.cohort_failed ? bad_input : ok;
}

}  // namespace reckon::cli
