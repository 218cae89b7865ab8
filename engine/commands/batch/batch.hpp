// `reckon batch`: many cases evaluated in parallel, results written in the
// order the cases were given, then the cohort rules over the cases that
// succeeded. A case that fails is reported and the others go on.
#pragma once

#include "commands/batch/batch_sinks.hpp"
#include "commands/batch/bound_scenario.hpp"
#include "data/case_source.hpp"
#include "core/eval/cohort_fold.hpp"
#include "core/program/program.hpp"

#include <atomic>
#include <deque>
#include <ostream>
#include <string>
#include <vector>

namespace reckon {

// Case files named by files, folders (searched for *.yaml, *.yml and *.csv,
// sorted; the list tables of --list left out) and glob patterns, in the order
// given. Throws RequestError for a folder or a pattern with no case files, or a
// path that does not exist.
std::vector<std::string> find_case_files(const std::vector<std::string>& args, const std::vector<std::string>& list_tables = {});

// Each case's figures and the cohort's, kept in memory for a report or a
// workbook (which need them all at the end), in the order the cases were given.
struct CaseRecord {
    std::string id, file;
    bool ok = false;
    std::vector<Value> outputs;  // in p.outputs order
    CaseFailure failure;         // why a failed case failed
};
struct BatchResults {
    std::vector<CaseRecord> cases;
    std::vector<Value> cohort;   // in p.cohort_outputs order; empty when the cohort failed
};

struct BatchOptions {
    unsigned jobs = 1;
    BatchFormat format = BatchFormat::table; // kept: nothing written to `out`
    BatchResults* keep = nullptr;            // keep every case's figures here
    std::vector<BatchResults>* keep_each = nullptr;  // under scenarios: the same for each scenario, in their order
    std::vector<Value>* cohort = nullptr;    // the cohort's figures (p.cohort_outputs order), when they were computed
    // When given, each case is read once and evaluated under each scenario
    // a result per case and scenario, a cohort per scenario.
    std::vector<BoundScenario> scenarios;
    std::vector<ListFile> lists;             // --list: the tables of list inputs, for CSV case tables
    TableOptions tables;                     // --ignore-column, --dates
    bool progress = false;                   // a progress bar on `err`
    const std::atomic<bool>* stop = nullptr; // set by a signal: finish no more cases
    // --shard K/N: only the cases at positions K-1, K-1+N, K-1+2N, … of the whole list (counted from 0), and
    // their results written to `partial` instead of `out` (merged with the other shards' by `reckon merge`).
    unsigned shard = 0, shards = 0;          // 0/0: every case
    class PartialWriter* partial = nullptr;
};

struct BatchSummary {
    std::size_t cases = 0;   // given (when interrupted: read, plus a case for each file not yet opened)
    bool cases_exact = true; // false when interrupted inside a stream of cases: `cases` is then a lower bound
    std::size_t done = 0;    // evaluated, well or not, before any stop
    std::size_t failed = 0;
    bool cohort_failed = false;
    bool interrupted = false;
};

// The writing end of a run: each case's outcome in the order given, folded into the cohort's running totals,
// then the table, the cohort and the summary. A run's scheduler and `reckon merge` write through it.
class BatchWriter {
public:
    BatchWriter(const Program& p, const std::vector<Value>& params, const BatchOptions& o, std::ostream& out, std::ostream& err);
    // The fold of each run's cohort: the program's, or each scenario's, in order.
    const std::vector<FoldPlan>& plans() const { return plans_; }
    std::vector<CohortTotals>& totals() { return totals_; }
    const BatchSink& sink() const { return sink_; }
    // Before the first case: the csv header or the jsonl nothing (a table's title comes with the table).
    void open();
    // The next case in order: written (or its line of a partial result), its parts added to the totals.
    void write(Outcome& r);
    // After the last case: the table, the cohort of each run and the summary; or the partial's totals.
    // `cases`: the cases given (a shard: in the whole list, every shard's).
    void finish(std::size_t cases);
    BatchSummary& summary() { return s_; }

private:
    std::vector<Value> cohort_of(std::size_t run, const std::string* scenario);

    const Program& p_;
    const std::vector<Value>& params_;
    const BatchOptions& o_;
    std::ostream& out_;
    std::ostream& err_;
    BatchSink sink_;
    std::vector<FoldPlan> plans_;
    std::vector<CohortTotals> totals_;
    std::vector<Outcome> table_rows_;
    BatchSummary s_;
};

// Results go to `out` in the chosen format; diagnostics and progress to `err`.
BatchSummary run_batch(const Program& p, const std::vector<Value>& params, const std::vector<std::string>& files,
                       const BatchOptions& options, std::ostream& out, std::ostream& err);

}  // namespace reckon
