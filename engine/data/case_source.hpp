// Where a batch's cases come from, file by file: the documents of a YAML
// file (one, or a stream), or the rows of a case table with its list tables:
// a CSV file (`--list NAME=FILE.csv`) or a workbook's sheets. A table whose
// identifiers are in order is read a row at a time (constant memory), one in
// any other order whole. A file that cannot be read at all is one failed
// case; so is each list row that matches no case.
#pragma once

#include "data/load_case_table.hpp"
#include "data/read_case_stream.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace reckon {

class Workbook;

// `--list offences=offences.csv`
struct ListFile {
    std::string input, path;
};

// One case to load: a YAML document, a row of a table, or a failure already known.
struct CaseItem {
    CaseDocument doc;                         // YAML
    std::shared_ptr<const CaseTable> table;   // a whole table and the row
    std::size_t row = 0;
    std::shared_ptr<const TableSchema> schema;  // a table read a row at a time, and the case's rows
    std::shared_ptr<const CaseRows> rows;
    std::string failure;                      // rendered diagnostics: this item failed before it was loaded
    std::string name;                         // how a failure names it: its identifier, or FILE#ROW

    // The case, loaded; throws CompileError or std::runtime_error as load_case does.
    Case load(const Program& p) const;
};

// The tables of a case table: the cases' and each list input's, each opened
// afresh as a reader for every pass over it. For a workbook, the cases are in
// sheet `cases` (else the first sheet) and each list input's elements in the
// sheet named by its path; a --list file takes the place of that sheet.
class TableFiles {
public:
    // Throws std::runtime_error for a workbook that cannot be read or has a sheet that is no table of the ruleset.
    TableFiles(const Program& p, std::string file, const std::vector<ListFile>& lists, const TableOptions& options);
    std::unique_ptr<RowReader> cases() const;
    // Each list table that has rows, with its list input's path.
    std::vector<std::pair<std::string, std::unique_ptr<RowReader>>> lists() const;

private:
    std::unique_ptr<RowReader> open(const std::string& path, const std::string& sheet) const;

    const Program& p_;
    std::string file_;
    std::shared_ptr<const Workbook> book_;
    std::string case_sheet_;
    struct List {
        std::string input, path, sheet;  // a file, or (path empty) the workbook's sheet
    };
    std::vector<List> lists_;
};

// The case table of a CSV file or a workbook, with its list tables, whole.
// Throws CompileError or std::runtime_error.
CaseTable read_case_table(const Program& p, const std::string& file, const std::vector<ListFile>& lists, const TableOptions& options);

class CaseSource {
public:
    CaseSource(const Program& p, std::string file, const std::vector<ListFile>& lists, const TableOptions& options);
    std::optional<CaseItem> next();
    // Whether the file holds many cases (a stream or a table): the count is known only once read.
    bool many() const { return many_; }

private:
    void open_table();

    const Program& p_;
    std::string file_;
    std::string stem_;  // how the file's cases are named when they have no identifier
    const std::vector<ListFile>& lists_;
    const TableOptions& options_;
    std::optional<CaseReader> yaml_;
    std::shared_ptr<const CaseTable> table_;  // a table read whole
    std::optional<CaseStream> stream_;        // or a row at a time
    std::vector<std::pair<std::string, std::string>> pending_;  // failures to hand out, by name: a table that could not be read, unmatched list rows
    std::size_t row_ = 0;
    bool opened_ = false, many_ = false, streamed_ = false;
};

// Whether a file is read as a case table (by its name: *.csv, or *.xlsx, a workbook).
bool is_case_table(const std::string& file);

// The case identified by `id` in a case table, with its list tables.
// Throws CompileError for a table that cannot be read, and RequestError when no row has that identifier.
Case case_in_table(const Program& p, const std::string& file, const std::vector<ListFile>& lists, const TableOptions& options,
                   const std::string& id);

}  // namespace reckon
