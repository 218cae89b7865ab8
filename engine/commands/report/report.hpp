// `reckon report`: the figures of a run as one self-contained HTML page laid
// out as the ruleset's `report` declares (headlines, tables, charts, lists,
// the methodology appendix), with a provenance block saying exactly what
// produced them. No script, no request to any network: inline CSS and SVG.
#pragma once

#include "commands/batch/batch.hpp"
#include "commands/report/provenance.hpp"
#include "data/load_case.hpp"

#include <map>
#include <string>
#include <vector>

namespace reckon {

struct ReportUncertainty;
struct Waterfall;
using ReportWaterfalls = std::map<const ReportItem*, Waterfall>;


// The page. `only_case`, when the run has a single case, gives the
// appendix its worked values.
// `uncertainty`: the figures of the tornado and distribution items (report_uncertainty.hpp), when it has any.
std::string report_html(const Program& p, const std::vector<Value>& params, const BatchResults& results,
                        const Provenance& prov, const Case* only_case, const ReportUncertainty* uncertainty = nullptr);

// One run of the cases under a scenario (--scenarios): its program (with the scenario's params and
// cells), its params bound, and every figure.
struct ReportRun {
    std::string scenario;
    const Program* program = nullptr;
    const std::vector<Value>* params = nullptr;
    const BatchResults* results = nullptr;
};
// What the scenarios set: each param whose value in some scenario differs from the command line's, and each
// table cell a scenario sets, with its value in each scenario (as exactly as the appendix shows params; a cell
// a scenario leaves alone has the ruleset's value). The report's appendix and the workbook show them.
struct ScenarioSet {
    std::string name;                 // "uprating", "unit_costs(homicide).fiscal"
    std::vector<std::string> values;  // in the runs' order
};
std::vector<ScenarioSet> scenario_settings(const Program& p, const std::vector<Value>& params, const std::vector<ReportRun>& runs);

// The page of a run under scenarios: each figure of each scenario side by side, a trend chart when the
// scenarios are years in order, and in the appendix what each scenario sets. `p` and `params` are the
// ruleset as the command line sets it, which the methodology shows. `waterfalls`: the changes of the waterfall items
// (report_waterfall.hpp), when it has any.
std::string report_html(const Program& p, const std::vector<Value>& params, const std::vector<ReportRun>& runs, const Provenance& prov,
                        const ReportUncertainty* uncertainty = nullptr, const ReportWaterfalls* waterfalls = nullptr);

}  // namespace reckon
