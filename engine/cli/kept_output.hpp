// The outputs of a run that need every figure at the end: the report page
// (--format html, `reckon report`) and the workbook (xlsx), written from the
// figures a batch or a merge kept, with their provenance.
#pragma once

#include "cli/batch_run.hpp"
#include "cli/kept_sources.hpp"
#include "commands/output/output_file.hpp"

#include <string>
#include <vector>

namespace reckon::cli {

// What became of a report or a workbook: written whole; written with items that could not be computed (each
// named on stderr at its line, and the run exits 1); or not written.
enum class KeptWritten { whole, items_not_computed, not_written };

// Every case failed: nothing to show, so no page or workbook that looks finished: `file` discarded, and said.
bool nothing_to_show(const BatchArgs& a, const BatchSummary& s, OutputFile& file);

// The report (--format html) or the workbook (xlsx) of a run's kept figures, written into `file`, with its
// provenance (the rule files, --param, the scenarios, the tables with their blob ids). Every case failed: nothing
// is written, the file discarded and said on stderr. For batch and for merge alike.
KeptWritten write_kept(const Run& run, const BatchArgs& a, const Program& p, const std::vector<Value>& params, const BatchOptions& opt,
                const BatchSummary& s, const BatchResults& kept, const std::vector<BatchResults>& kept_each, const KeptSources& sources,
                OutputFile& file);

}  // namespace reckon::cli
