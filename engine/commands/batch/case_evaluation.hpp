// One case of a batch evaluated into its outcome: read from its file, evaluated under each run (the program's, or
// each scenario's), its line or cells for the sink, its parts of each cohort's running totals. The batch's
// scheduler evaluates every case with it; `reckon merge --verify` evaluates again the cases it draws.
#pragma once

#include "commands/batch/batch_sinks.hpp"
#include "commands/batch/bound_scenario.hpp"
#include "core/eval/cohort_fold.hpp"
#include "data/case_source.hpp"
#include "core/eval/run_constants.hpp"

#include <optional>
#include <string>
#include <vector>

namespace reckon {

// One case to evaluate: a document of a case file or a row of a table, numbered in the batch.
struct CaseTask {
    std::size_t seq = 0;       // the order written in
    std::string file;
    CaseItem item;
    std::size_t position = 0;  // its position in the whole list (a shard's cases are not all of it)
};

// Which case met an error, as a rule's or the cohort's error says it: "in case ID (FILE[, document D])".
std::string case_note(const std::string& id, const std::string& file, std::uint32_t document);

// The hash of a case's content as its shard read it (a YAML document's text, as a git blob id); empty for a row
// of a table or a case that could not be read.
std::string case_content(const CaseItem& item);

class CaseEvaluator {
public:
    // plans: the fold of the cohort of each run (the program's, or each scenario's, in order). `keep`: each run's
    // outputs kept in the outcome (a report, a workbook, a partial result); `partial`: each run's record (what
    // the cohort reads of the case) and the hash of its content kept too.
    // `format`: the sink's; `scenarios`: the runs (none: the program's own, under `params`).
    CaseEvaluator(const Program& p, const std::vector<Value>& params, BatchFormat format, const std::vector<BoundScenario>& scenarios,
                  const std::vector<FoldPlan>& plans, bool keep, bool partial);

    // What a worker keeps from case to case: an evaluator for each run (the program's, or each scenario's).
    using Scratch = std::vector<std::optional<Evaluator>>;

    Outcome evaluate(const CaseTask& t, Scratch& scratch) const;

private:
    const Program& p_;
    const std::vector<Value>& params_;
    const std::vector<BoundScenario>& scenarios_;
    const std::vector<FoldPlan>& plans_;
    bool keep_, partial_;
    BatchSink sink_;
    std::vector<RunConstants> constants_;  // each run's: the program's, or each scenario's
};

}  // namespace reckon
