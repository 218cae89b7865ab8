// Where a run's cases came from, for the outputs made from its kept figures (kept_output.hpp) and the items that
// run the cases again (a tornado, a distribution, a waterfall).
#pragma once

#include "data/case_source.hpp"
#include "data/load_case_table.hpp"

#include <string>
#include <vector>

namespace reckon::cli {

// The case files (files, folders, patterns) to read again for a tornado, a distribution or a waterfall; the case
// tables among them (CSV, workbooks), in order; the list tables; the table options.
struct KeptSources {
    std::vector<std::string> cases, tables;
    std::vector<ListFile> lists;
    TableOptions options;
};

}  // namespace reckon::cli
