// A run's report page or workbook, from its kept figures: the provenance
// gathered (rule files, settings, scenarios, tables and their blob ids), then
// the workbook, or the page with its tornado and distribution, the cases
// read once more for them.
#include "cli/kept_output.hpp"

#include "cli/case_files.hpp"
#include "cli/kept_waterfalls.hpp"
#include "commands/report/report.hpp"
#include "commands/report/report_computable.hpp"
#include "commands/report/report_uncertainty.hpp"
#include "commands/workbook/workbook.hpp"
#include "data/git_blob.hpp"
#include "data/load_case.hpp"
#include "version.hpp"

#include <iostream>
#include <optional>

namespace reckon::cli {

namespace {

bool uncertainty_item(const ReportItem& item) {
    return item.kind == ast::ReportItemKind::tornado || item.kind == ast::ReportItemKind::distribution;
}

// The figures of the report's tornado and distribution items, analysed over the cases read once more; not
// analysed when one of them cannot be over these cases (the page then says why). An analysis that fails is said on
// stderr, and each of its items added to `not_computed`.
ReportUncertainty kept_uncertainty(const Program& p, std::size_t cases, const BatchArgs& a, const KeptSources& sources,
                                   std::vector<Diagnostic>& not_computed) {
    ReportUncertainty uncertainty;
    if (!has_uncertainty_items(p)) return uncertainty;
    for (const auto& item : p.report->items)
        if (auto why = why_not_computed(p, item, cases)) {
            uncertainty.error = *why;
            return uncertainty;
        }
    uncertainty = report_uncertainty(p, case_passes(p, sources.cases, sources.lists, sources.options), a.jobs);
    if (uncertainty.runs) return uncertainty;
    std::cerr << "reckon: the report's tornado and distribution could not be computed: " << uncertainty.error
              << (uncertainty.error.empty() || uncertainty.error.back() == '\n' ? "" : "\n");
    for (const auto& item : p.report->items)
        if (uncertainty_item(item))
            not_computed.push_back({item.where, "this " + std::string(ast::report_item_kind_name(item.kind)) + " could not be computed (why is said above)", {}});
    return uncertainty;
}

}  // namespace

bool nothing_to_show(const BatchArgs& a, const BatchSummary& s, OutputFile& file) {
    if (s.cases == 0 || s.failed != s.cases) return false;
    file.discard();
    std::cerr << "reckon: error: every one of the " << s.cases << " case" << (s.cases == 1 ? "" : "s")
              << " failed (the errors are above); " << a.out << " was not written\n";
    return true;
}

KeptWritten write_kept(const Run& run, const BatchArgs& a, const Program& p, const std::vector<Value>& params, const BatchOptions& opt,
                const BatchSummary& s, const BatchResults& kept, const std::vector<BatchResults>& kept_each, const KeptSources& sources,
                OutputFile& file) {
    if (nothing_to_show(a, s, file)) return KeptWritten::not_written;  // no page or workbook that looks finished
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
        return KeptWritten::whole;
    }
    // the items that cannot be computed over these cases, each said at its line; then a tornado or a distribution: the
    // cases read once more and analysed, under the command line's values
    std::vector<Diagnostic> not_computed = items_not_computed(p, s.cases);
    ReportUncertainty uncertainty = kept_uncertainty(p, s.cases, a, sources, not_computed);
    const ReportWaterfalls waterfalls = kept_waterfalls(run, p, a, opt, kept_each, sources, not_computed);
    if (!not_computed.empty()) std::cerr << render(not_computed);
    if (!runs.empty()) {
        file.stream() << report_html(p, params, runs, prov, &uncertainty, &waterfalls);
    } else {
        std::optional<Case> only;  // one case: the appendix shows its worked values
        if (kept.cases.size() == 1 && kept.cases[0].ok && !is_case_table(kept.cases[0].file)) only = load_case_file(p, kept.cases[0].file);
        file.stream() << report_html(p, params, kept, prov, only ? &*only : nullptr, &uncertainty);
    }
    return not_computed.empty() ? KeptWritten::whole : KeptWritten::items_not_computed;
}

}  // namespace reckon::cli
