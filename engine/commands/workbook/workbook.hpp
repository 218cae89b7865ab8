// `reckon batch --format xlsx`: the figures as a workbook for analysts, with
// numbers stored as numbers in their number formats (money, percentages,
// dates), never as text. Written with libxlsxwriter.
#pragma once

#include "commands/report/report.hpp"

#include <string>

namespace reckon {

// Sheets: Cases (a row per case, failures with their error), Cohort (a row
// per cohort figure), Parameters (value, unit, description, source) and
// Provenance. Throws std::runtime_error when the file cannot be written.
void write_workbook(const std::string& path, const Program& p, const std::vector<Value>& params, const BatchResults& results,
                    const Provenance& prov);
// The same under scenarios (--scenarios): in Cases a row per case and scenario, named in a column of its own;
// in Cohort a column of values per scenario; a Scenarios sheet of what each one sets, exactly.
void write_workbook(const std::string& path, const Program& p, const std::vector<Value>& params, const std::vector<ReportRun>& runs,
                    const Provenance& prov);

}  // namespace reckon
