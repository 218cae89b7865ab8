// `reckon report`, the tornado and distribution items: the cases read once more and their figures analysed as
// `reckon sensitivity` analyses them (sensitivity.hpp), under the command line's values.
#pragma once

#include "commands/sensitivity/sensitivity.hpp"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace reckon {

struct ReportUncertainty {
    std::unique_ptr<SensitivityRuns> runs;         // null when the figures could not be analysed (`error` says why)
    std::string error;
    std::map<const ReportItem*, std::size_t> target_of;  // each item's figure among the runs' targets
    std::vector<OneWay> one_way;                   // by target, when a tornado needs it
    std::map<const ReportItem*, Draws> draws;      // each distribution's draws
};

// Whether the report declares a tornado or a distribution.
bool has_uncertainty_items(const Program& p);

// The analyses the report's items need, in passes over `cases` (on `jobs` threads). EvalError and the like are kept in
// `error`, for the items to say, not thrown.
ReportUncertainty report_uncertainty(const Program& p, CasePasses cases, unsigned jobs);

}  // namespace reckon
