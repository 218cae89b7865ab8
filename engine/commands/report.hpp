// `reckon report`: the figures of a run as one self-contained HTML page laid
// out as the ruleset's `report` declares (headlines, tables, charts, lists,
// the methodology appendix), with a provenance block saying exactly what
// produced them. No script, no request to any network: inline CSS and SVG.
#pragma once

#include "batch.hpp"
#include "core/load_case.hpp"

#include <string>
#include <vector>

namespace reckon {

struct ReportUncertainty;

// What produced a report or a workbook.
struct Provenance {
    std::string ruleset, version;
    // Each file of the ruleset with its git blob id (what `git hash-object FILE`
    // prints), and the ruleset's hash: SHA-1 of the lines "BLOBID PATH\n",
    // each PATH relative to the entry file's folder, entry file first.
    std::vector<std::pair<std::string, std::string>> files;
    std::string hash;
    std::vector<std::string> overrides;  // the --param settings, as given
    // Each spreadsheet table the cases came from (CSV case tables and --list tables) with its git blob id.
    std::vector<std::pair<std::string, std::string>> tables;
    // Under --scenarios: the scenarios file with its git blob id, and the scenarios' names in order.
    std::pair<std::string, std::string> scenarios_file;
    std::vector<std::string> scenarios;
    // With --run-data: the run data file with its git blob id.
    std::pair<std::string, std::string> run_data_file;
    std::size_t cases = 0, failed = 0;
    std::string date;                    // YYYY-MM-DD, UTC: the run's date, as the command line gives it
    std::string reckon_version;
};

Provenance provenance_of(const Program& p, const std::vector<std::string>& settings, const BatchResults& results,
                         const std::string& reckon_version, const std::string& date);

// The git blob id of some bytes: SHA-1 of "blob SIZE\0" and the bytes, in hex.
std::string git_blob_id(const std::string& bytes);
// The same of a file, read a block at a time (a table of any size); throws std::runtime_error when it cannot be read.
std::string git_blob_id_of_file(const std::string& path);

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
// ruleset as the command line sets it, which the methodology shows.
std::string report_html(const Program& p, const std::vector<Value>& params, const std::vector<ReportRun>& runs, const Provenance& prov,
                        const ReportUncertainty* uncertainty = nullptr);

}  // namespace reckon
