// `reckon sensitivity --format xlsx`: a workbook with a sheet for each analysis (sensitivity_workbook.cpp).
#pragma once

#include "commands/report/report.hpp"
#include "commands/sensitivity/sensitivity_format.hpp"

#include <string>

namespace reckon {

// Throws std::runtime_error when the file cannot be written.
void write_sensitivity_workbook(const std::string& path, const SensitivityRuns& runs, const SensitivityFindings& f, const Provenance& prov);

}  // namespace reckon
