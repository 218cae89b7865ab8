// `reckon report … --scenarios FILE`, its waterfall items worked out: for each, the scenarios it compares, the
// settings that differ between them made the changes of two runs (compare_runs), and the figure's change split
// among them exactly as `reckon diff --attribute` splits it, the cases run again under every coalition of them.
#pragma once

#include "cli/batch_run.hpp"
#include "cli/kept_sources.hpp"
#include "commands/report/report_waterfall.hpp"

#include <vector>

namespace reckon::cli {

// The report's waterfalls over a run under scenarios (opt.scenarios, their figures in kept_each). A waterfall that
// cannot be drawn (a scenario the file lacks, more settings than --limit attribution, a run whose cases are not at
// hand) has its note, and is added to `not_computed` at its line. None without scenarios: the page says how.
ReportWaterfalls kept_waterfalls(const Run& run, const Program& p, const BatchArgs& a, const BatchOptions& opt,
                                 const std::vector<BatchResults>& kept_each, const KeptSources& sources,
                                 std::vector<Diagnostic>& not_computed);

}  // namespace reckon::cli
