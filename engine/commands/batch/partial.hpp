// A shard's partial result, and its reading back: what `reckon batch --shard K/N --partial FILE` writes and
// `reckon merge` reads. JSON Lines, written atomically (output_file.hpp):
//   the header:  {"reckon_partial":4,"ruleset":ID,"settings":ID,"cases":ID,"shard":K,"shards":N,"read":{…}}
//                "read": the case tables, the list tables and the table options, for a report or a workbook
//   each case of the shard, in order: {"at":POSITION,"case":ID,"file":F,"document":D,"content":HASH,"outputs":[[…],…],
//                                      "records":[…]}  (records: each run's, what its cohort reads of the case)
//                                  or {"at":POSITION,"case":ID,"file":F,"document":D,"content":HASH,"error":TEXT}
//   the end:     {"end":{"cases":ALL,"runs":[{"cases":N,"running":[…],"records":[…]},…]}}
//   last:        {"checksum":"fnv1a64:…"}, of every line before it, so that a copy cut short or changed is refused
// Every number is exact ("n/d"); docs/scale.md describes each field.
#pragma once

#include "commands/batch/batch_sinks.hpp"
#include "commands/batch/bound_scenario.hpp"
#include "data/case_source.hpp"
#include "core/eval/cohort_fold.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace reckon {

inline constexpr int partial_version = 4;

// What a partial result was made from, each as a git blob id: the ruleset (every source file, path and text);
// the settings (each run's bound params, the table cells set, the scenarios' names); the cases (the case files in
// order, the list tables, the table options). Shards merge only when all three are the same.
struct PartialHeader {
    int version = partial_version;
    std::string ruleset, settings, cases;
    unsigned shard = 0, shards = 0;
    // How the cases were read, as a report or a workbook of the merge names them and reads them again: the case
    // tables among the case files (CSV, workbooks), in order; the list tables; the table options.
    std::vector<std::string> tables;
    std::vector<ListFile> lists;
    TableOptions options;
};
PartialHeader fingerprint(const Program& p, const std::vector<Value>& params, const std::vector<BoundScenario>& scenarios,
                          const std::vector<std::string>& files, const std::vector<ListFile>& lists, const TableOptions& tables);

// A value exactly: null, true/false, "n/d" (a number), {"t":…}, {"d":DAYS}, {"m":MEMBER}, […].
nlohmann::json value_json(const Value& v);
Value value_from_json(const nlohmann::json& j);  // throws std::runtime_error when j is none of those

// FNV-1a (64 bits) of lines, each with its line break: against a file damaged or cut short, not a forger.
class PartialChecksum {
public:
    void add(const std::string& line);
    std::string hex() const;

private:
    std::uint64_t h_ = 0xcbf29ce484222325ULL;
};

class PartialWriter {
public:
    PartialWriter(std::ostream& out, const PartialHeader& header);
    void write_case(const Outcome& r);
    void finish(std::size_t cases, const std::vector<CohortTotals>& totals);

private:
    void line(const std::string& text);
    std::ostream& out_;
    PartialChecksum checksum_;
};

// One case read back.
struct PartialCase {
    std::size_t at = 0;
    std::string id, file;
    std::uint32_t document = 0;
    bool ok = false;
    CaseFailure failure;
    std::vector<std::vector<Value>> outputs;  // each run's
    std::vector<Value> records;  // each run's record (what its cohort reads of the case); empty when no cohort reads it
    std::string content;         // the hash of the case's content as the shard read it (case_content), or empty
};

// A partial result that cannot be read, at its line: "FILE:LINE: error: what".
class PartialFileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// How an error names running total i of a plan: its aggregate's rule (and member).
std::string running_total_name(const FoldPlan& plan, std::size_t i);

class PartialReader {
public:
    // Throws std::runtime_error ("FILE:1: error: …") when the file is no partial result.
    explicit PartialReader(std::string path);
    const PartialHeader& header() const { return header_; }
    const std::string& path() const { return path_; }
    // The next case, or nullopt at the end line (then cases() and the totals can be read).
    std::optional<PartialCase> next();
    std::size_t cases() const { return cases_; }
    // The end line's totals of run k, added into `into` (whose program is that run's).
    void add_totals(std::size_t run, CohortTotals& into) const;
    // The same, read into totals of no case yet, as the end line has them.
    void read_totals(std::size_t run, CohortTotals& fresh) const;
    std::size_t runs() const { return end_.at("runs").size(); }

    // The number of case lines the file holds (known once it is opened), and the line last read.
    std::size_t case_lines() const { return case_lines_; }
    std::size_t line_number() const { return line_; }

    // An error in this file, at the line last read, or at `line`.
    [[noreturn]] void fail(const std::string& what) const;
    [[noreturn]] void fail_at(std::size_t line, const std::string& what) const;

private:
    void check_whole();

    std::string path_;
    std::ifstream in_;
    std::size_t line_ = 0;
    PartialHeader header_;
    std::string header_line_;
    nlohmann::json end_;
    std::size_t cases_ = 0;
    std::size_t case_lines_ = 0;
};

}  // namespace reckon
