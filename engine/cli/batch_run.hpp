// What `reckon batch`, `reckon report` and `reckon merge` share: their
// arguments (struct BatchArgs), what they write (enum class BatchOutput), and
// the steps around the run: the params and scenarios bound, --cohort-out.
#pragma once

#include "cli/run_options.hpp"
#include "commands/batch/batch.hpp"
#include "data/load_case_table.hpp"

#include "commands/output/output_file.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace reckon::cli {

// What `reckon batch` and `reckon report` write.
enum class BatchOutput { table, jsonl, csv, xlsx, html };
// The name --format gives it ("table", …, "html").
std::string batch_output_name(BatchOutput f);

struct BatchArgs {
    std::string ruleset, out, scenarios;
    std::string cohort_out;  // --cohort-out FILE.csv
    BatchOutput format = BatchOutput::table;  // --format, or html for report
    std::vector<std::string> cases, params;
    std::vector<std::string> lists;  // --list NAME=FILE.csv
    TableOptions tables;             // --ignore-column, --dates
    std::string shard, partial;      // --shard K/N --partial FILE
    bool format_given = false;       // --format was given (a shard writes no format of its own)
    bool interactive = false;        // report --interactive: the page recomputes (docs/browser.md)
    bool keep_ids = false;           // …and carries the case files as they are, identifiers included
    unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
};

// `reckon batch` and `reckon report` (format html). SIGINT and SIGTERM stop it
// between cases: nothing is written, and it returns `interrupted`.
int cmd_batch(const Run& run, const BatchArgs& a);

// What batch and merge share: the params and scenarios bound (false: an error, reported); the text format
// written; --cohort-out checked, and written.
bool bind_run(const Run& run, const BatchArgs& a, const Program& p, std::vector<Value>& params, std::vector<BoundScenario>& scenarios);
BatchFormat text_format(BatchOutput f);
void check_cohort_out(const Program& p, const BatchArgs& a, const RunInputs& inputs);
void write_cohort_out(const Program& p, const BatchArgs& a, const std::vector<Value>& cohort, const RunInputs& inputs);

// What a run keeps of its figures: every case's, for a workbook or a report (under scenarios, each one's, in their
// order), and the cohort's, for --cohort-out.
struct KeptFigures {
    bool all = false;  // every case's figures kept: the output is written from them at the end
    BatchResults kept;
    std::vector<BatchResults> kept_each;
    std::vector<Value> cohort;
};
// The run's format (a.format's stream, or kept), its scenarios, and where it keeps its figures, set in `opt`.
void keep_figures(const BatchArgs& a, std::vector<BoundScenario> scenarios, BatchOptions& opt, KeptFigures& k);
// After a run: `file` committed, --cohort-out written, the count of cases and failures on stderr (but under a table
// on the screen, which ends with them); the exit status, 1 when a case or the cohort failed.
int end_run(const Program& p, const BatchArgs& a, const BatchSummary& s, const std::vector<Value>& cohort, std::optional<OutputFile>& file,
            const RunInputs& inputs);

}  // namespace reckon::cli
