// What `reckon batch` writes, format by format: each case's line (jsonl, csv)
// or row (table), a failed case's line, and the closing cohort and summary.
// The scheduling of the cases is batch.cpp's; this file only writes.
#pragma once

#include "core/eval/cohort_fold.hpp"
#include "core/eval/eval.hpp"
#include "commands/present/failure.hpp"
#include "commands/present/present.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace reckon {

// The text formats of a batch, and `kept`: nothing written while the cases
// run, every figure kept for a report or a workbook.
enum class BatchFormat { table, jsonl, csv, kept };

// One case, evaluated (or not), ready to be written in its place.
struct Outcome {
    bool ok = false;
    std::string id;
    std::string line;                // jsonl: the whole line; csv: the row
    std::vector<std::string> cells;  // table: the figures
    CaseFailure failure;             // why a failed case failed
    std::size_t position = 0;        // its position in the run's whole list of cases (a shard's or not)
    std::vector<CaseParts> parts;    // its parts of the cohort's running totals: one run's, or each scenario's
    std::vector<Value> outputs;      // kept for a report or a workbook
    std::vector<std::vector<Value>> scenario_outputs;  // the same under each scenario
    std::uint32_t document = 0;      // its number in a stream of cases, or 0
    std::string file;
    std::vector<Value> records;      // a partial result: each run's record (what the cohort reads of the case), or none
    std::string content;             // a partial result: the hash of the case's content (case_content), or empty
};

class BatchSink {
public:
    BatchSink(const Program& p, BatchFormat format, bool scenarios);

    // Before the first case: the csv header, or the table's title.
    std::string opening() const;
    // Appends the case's line (jsonl, csv) or sets its cells (table); under a scenario, names it.
    void succeeded(Outcome& out, const CaseResult& r, const std::string* scenario) const;
    // The line or cell of a case that failed (out.failure set).
    void failed(Outcome& out) const;
    // The table of every case (format table), after the last.
    std::string table(const std::vector<Outcome>& rows) const;
    // After the cases: the cohort (values empty when it failed) and the summary.
    // The cohort's figures as a CSV of their own (--cohort-out): output, member, label, value, unit; a row per
    // figure, and per member of a figure by member; a figure not defined has an empty value.
    std::string cohort_csv(const std::vector<Value>& values) const;
    void cohort(std::ostream& out, const std::vector<Value>& values, bool shown, std::size_t cases, std::size_t failed) const;
    // The same under each scenario: a cohort line each (jsonl), then the summary; in a table, the cohort's
    // figures with a column per scenario (`values` in the names' order, empty where the cohort failed).
    void scenario_cohort(std::ostream& out, const std::string& scenario, const std::vector<Value>& values) const;
    void scenario_summary(std::ostream& out, const std::vector<std::string>& names, const std::vector<std::vector<Value>>& values,
                          std::size_t cases, std::size_t failed) const;

private:
    std::size_t csv_columns() const { return columns_.size() + grouped_.size(); }

    const Program& p_;
    BatchFormat format_;
    bool scenarios_;
    std::vector<std::size_t> columns_;  // per-case outputs shown as columns (not by member)
    std::vector<std::pair<std::string, std::pair<std::size_t, std::size_t>>> grouped_;  // csv: "name.member", output, member
    OutputsJson json_;
    std::string ruleset_json_;
};

}  // namespace reckon
