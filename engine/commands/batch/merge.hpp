// `reckon merge`: the partial results of a run's shards (`reckon batch --shard K/N --partial FILE`) written as
// one run over every case writes them: each case in its place, the cohort from the shards' running totals.
#pragma once

#include "commands/batch/batch.hpp"
#include "commands/batch/merge_check.hpp"
#include "commands/batch/partial.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace reckon {

// `expected`: the fingerprint of this ruleset under these settings (its cases field unused). Throws
// std::runtime_error naming the partial at fault: another ruleset or other settings, shards of another run,
// a shard given twice, a shard missing, a file cut short, a partial not true to itself or to the case files
// (merge_check.hpp). `read`: the shards' header, with how they read their cases (for a report or a workbook).
BatchSummary merge_partials(const Program& p, const std::vector<Value>& params, const PartialHeader& expected,
                            const std::vector<std::string>& partials, const BatchOptions& o, std::ostream& out, std::ostream& err,
                            const MergeChecks& checks, PartialHeader* read = nullptr);

}  // namespace reckon
