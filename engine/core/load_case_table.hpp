// The load phase for case tables: each row of a CSV table is one case, its
// columns named by the inputs' dotted paths (`joined`, `hostel.resident_weeks`,
// `period.from` for a field of a record input). A list input comes from a
// long table of its own (`--list offences=offences.csv`): one row per
// element, joined to its case by the ruleset's `identified by` input, in the
// order of the rows. Every problem names the file, the row, the column and the
// cell, in the one diagnostic shape.
#pragma once

#include "load_case.hpp"
#include "table.hpp"

#include <map>
#include <string>
#include <vector>

namespace reckon {

// How a sheet is read where the ruleset cannot tell: columns kept for people
// (notes, officers' names), named so that they are left out on purpose, and
// dates written day first (03/07/2023), which are never guessed.
struct TableOptions {
    std::vector<std::string> ignored_columns;
    std::vector<std::string> ignored_sheets;  // a workbook's sheets kept for people
    bool day_first_dates = false;
};

// A list input and the table its elements come from.
struct ListTable {
    std::string input;  // the list input's path, as in offences or probation.activities
    CellTable table;
};

class CaseTable {
public:
    // Checks every header against the schema; throws CompileError listing
    // each problem (an unknown column, with the nearest name; an input with no
    // column and no default; a list with no table).
    CaseTable(const Program& p, CellTable cases, std::vector<ListTable> lists, TableOptions options = {});

    std::size_t size() const { return cases_.rows.size(); }
    const CellTable& table() const { return cases_; }
    // Row i as a case; throws CompileError with every bad cell of the row and of its list rows.
    Case load(std::size_t i) const;
    // Row i's identifier (the `identified by` input's cell), or "" when the ruleset names none.
    std::string id_of(std::size_t i) const;
    // List rows whose identifier is no case's identifier: a diagnostic each.
    std::vector<Diagnostic> unmatched_list_rows() const;

    // Where a column's values go: an input, or a field of a record input.
    struct Column {
        int input = -1;
        int field = -1;  // in the record, or -1
    };

private:
    struct List {
        int input = -1;
        CellTable table;
        int id_column = -1;
        std::vector<int> field_columns;                      // by element field (a scalar element: one)
        std::map<std::string, std::vector<std::size_t>> rows;  // by case identifier, in order
    };

    std::vector<Column> columns(const CellTable& t, std::vector<Diagnostic>& errors) const;
    void check_covered(std::vector<Diagnostic>& errors) const;
    List list_of(ListTable lt, std::vector<Diagnostic>& errors) const;
    std::optional<Value> cell(const CellTable& t, const TableRow& row, std::size_t column, const Type& type, const Bounds& bounds,
                              std::vector<Diagnostic>& errors) const;
    static void past_header(const CellTable& t, const TableRow& row, std::vector<Diagnostic>& errors);
    std::optional<Value> element(const List& l, const TableRow& row, std::vector<Diagnostic>& errors) const;

    std::optional<long> date_of(const std::string& text) const;

    const Program& p_;
    TableOptions options_;
    CellTable cases_;
    std::vector<Column> columns_;
    std::map<std::string, std::uint32_t> first_row_;  // each identifier's first row
    std::vector<List> lists_;
};

}  // namespace reckon
