// The commands of `reckon`, one function each: the command line's
// arguments in, an exit status out (0 ok, 1 bad input, 2 bad command line,
// 3 a bug; 130 a batch interrupted). main.cpp declares the options.
#pragma once

#include "commands/batch/batch.hpp"
#include "data/case_source.hpp"
#include "commands/output/output_file.hpp"
#include "commands/sensitivity/sensitivity_format.hpp"
#include "core/compile/compile.hpp"
#include "data/run_data.hpp"
#include "core/base/limits.hpp"

#include <atomic>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace reckon::cli {

constexpr int ok = 0, bad_input = 1, bad_usage = 2, bug = 3, interrupted = 130;

// What every command of this run is given: the limits set with --limit, and
// the date that reports and workbooks carry.
struct Run {
    Limits limits;
    std::string date;  // YYYY-MM-DD, UTC
    std::string run_data;  // --run-data FILE: the values of the ruleset's `run input`s, or ""
};

// Runs a command and turns what it throws into an exit status, with the
// message on stderr: a wrong command line 2, wrong input 1, anything else is
// a bug (3).
int exit_status_of(const std::function<int()>& command);

// Today (UTC), or SOURCE_DATE_EPOCH's day for a reproducible page.
std::string run_date();

// What `reckon batch` and `reckon report` write.
enum class BatchOutput { table, jsonl, csv, xlsx, html };
BatchOutput batch_output(const std::string& name);  // one of the names --format accepts

struct BatchArgs {
    std::string ruleset, format_name = "table", out, scenarios;
    std::string cohort_out;  // --cohort-out FILE.csv
    BatchOutput format = BatchOutput::table;  // from format_name, once parsed
    std::vector<std::string> cases, params;
    std::vector<std::string> lists;  // --list NAME=FILE.csv
    TableOptions tables;             // --ignore-column, --dates
    std::string shard, partial;      // --shard K/N --partial FILE
    bool format_given = false;       // --format was given (a shard writes no format of its own)
    unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
};

// INPUT=FILE settings of --list, each FILE a file; RequestError when one is not.
std::vector<ListFile> parse_lists(const std::vector<std::string>& raw);

// NAME=VALUE settings of --param; RequestError when one is not.
std::vector<ParamSetting> parse_settings(const std::vector<std::string>& raw);

// The program for one scenario: `compile_with` given the command line's
// settings, then the scenario's. A setting the ruleset rejects is an error
// at the scenario's value in its file.
std::shared_ptr<Program> compile_scenario(const Scenario& sc, const std::vector<ParamSetting>& command_line,
                                          const std::function<std::shared_ptr<Program>(const std::vector<ParamSetting>&)>& compile_with);

// Every case of CASES (files, folders, patterns; case tables with their --list tables), each read once; a case
// that cannot be read is reported on stderr and counted in `failed`.
struct LoadedCase {
    Case c;
    std::string file;
};
// quiet: the failures counted, not reported (a second reading, whose failures the first reported).
std::vector<LoadedCase> load_cases(const Program& p, const std::vector<std::string>& cases, const std::vector<ListFile>& lists,
                                   const TableOptions& tables, std::size_t& failed, bool quiet = false);
// The same, each case handed to `f` with its file as it is read, none held.
void each_case(const Program& p, const std::vector<std::string>& cases, const std::vector<ListFile>& lists, const TableOptions& tables,
               std::size_t& failed, bool quiet, const std::function<void(Case&&, const std::string& file)>& f);
// Passes over the same cases for an analysis (sensitivity.hpp), each reading them afresh, quietly.
CasePasses case_passes(const Program& p, std::vector<std::string> cases, std::vector<ListFile> lists, TableOptions tables);

// Where a run's cases came from, for its report or workbook: the case files (files, folders, patterns) to read
// again for a tornado or a distribution; the case tables among them (CSV, workbooks), in order; the list tables;
// the table options.
struct KeptSources {
    std::vector<std::string> cases, tables;
    std::vector<ListFile> lists;
    TableOptions options;
};
// The report (--format html) or the workbook (xlsx) of a run's kept figures, written into `file`, with its
// provenance (the rule files, --param, the scenarios, the tables with their blob ids). Every case failed: nothing
// is written, the file discarded and said on stderr, and false returned. For batch and for merge alike.
bool write_kept(const Run& run, const BatchArgs& a, const Program& p, const std::vector<Value>& params, const BatchOptions& opt,
                const BatchSummary& s, const BatchResults& kept, const std::vector<BatchResults>& kept_each, const KeptSources& sources,
                OutputFile& file);

// A figure as the command line names it: `total`, `saving_by_type(OffenceType.homicide)`. A name may be both a
// figure of each case and the cohort's. RequestError, with the outputs and the nearest name, when it is neither.
struct NamedFigure {
    int case_slot = -1, cohort_slot = -1;
    std::string name, member;  // member: as written inside the parentheses, or ""
};
NamedFigure figure_named(const Program& p, const std::string& output, const std::string& ruleset);
// The member index a figure's name writes (member), or -1 for the whole figure; RequestError when it names none.
int member_named(const Program& p, int slot, const std::string& written, const std::string& member);

int cmd_check(const Run& run, const std::string& ruleset);
// With scenarios (a scenarios file), the case under each, a column each.
int cmd_eval(const Run& run, const std::string& ruleset, const std::string& case_file, const std::string& format,
             const std::vector<std::string>& raw_params, const std::string& scenarios = "");
// `reckon batch` and `reckon report` (format html). SIGINT and SIGTERM stop it
// between cases: nothing is written, and it returns `interrupted`.
int cmd_batch(const Run& run, const BatchArgs& a);
// What batch and merge share: the params and scenarios bound (false: an error, reported); the text format
// written; --cohort-out checked, and written.
bool bind_run(const Run& run, const BatchArgs& a, const Program& p, std::vector<Value>& params, std::vector<BoundScenario>& scenarios);
BatchFormat text_format(BatchOutput f);
void check_cohort_out(const Program& p, const BatchArgs& a);
void write_cohort_out(const Program& p, const BatchArgs& a, const std::vector<Value>& cohort);
// `reckon merge RULESET PARTIALS…`: `a.cases` holds the partial results.
int cmd_merge(const Run& run, const BatchArgs& a);
// CASE is a YAML case, or a CSV case table with the row named by case_id (and its --list tables).
// CASES: one case (a YAML case, or a case table with the row case_id); for a cohort figure, the cases as for batch.
// draw > 0: with the uncertain values of that draw of `seed`, as `reckon sensitivity --draws` draws them.
int cmd_explain(const Run& run, const std::string& ruleset, const std::vector<std::string>& cases, const std::string& output,
                const std::string& format, int depth, const std::vector<std::string>& raw_params, const std::string& case_id,
                const std::vector<std::string>& raw_lists, const TableOptions& tables, std::size_t entries = 5,
                std::uint64_t draw = 0, std::uint64_t seed = 1);
int cmd_doc(const Run& run, const std::string& ruleset, const std::string& case_file, const std::string& format,
            const std::vector<std::string>& raw_params);
// `reckon diff OLD NEW [--cases CASES…]`: the methodology's changes; with cases, the cohort's and each case's figures that change.
struct DiffArgs {
    std::string old_version, new_version, format = "text";
    std::vector<std::string> cases, params, lists;
    std::string scenarios;  // --scenarios FILE.yaml: the effects under each scenario
    std::size_t rows = 20;  // affected cases shown in the text
};
int cmd_diff(const Run& run, const DiffArgs& d);
// `reckon sensitivity RULESET CASES…`: one-way always; switching values, two-way and draws when asked.
struct SensitivityArgs {
    std::string ruleset, two_way, out;  // out: the file to write, atomically (xlsx needs one)
    std::vector<std::string> cases, outputs, thresholds, params, lists;
    TableOptions tables;
    std::size_t steps = 5, draws = 0;
    std::uint64_t seed = 1;
    unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
    SensitivityFormat format = SensitivityFormat::text;
};
int cmd_sensitivity(const Run& run, const SensitivityArgs& a);
int cmd_fmt(const Run& run, const std::vector<std::string>& paths, bool check);
// `reckon lsp`: the language server over stdio (LSP 3.17), until `exit`.
int cmd_lsp(const Run& run);
int cmd_test(const Run& run, const std::vector<std::string>& paths);
// yaml: one case file (to stdout, or out); csv: the tables of a case table, in the folder out.
int cmd_template(const Run& run, const std::string& ruleset, const std::string& format, const std::string& out);

}  // namespace reckon::cli
