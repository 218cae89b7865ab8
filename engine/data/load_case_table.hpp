// The load phase for case tables: each row of a table is one case, its
// columns named by the inputs' dotted paths (`joined`, `hostel.resident_weeks`,
// `period.from` for a field of a record input). A list input comes from a
// long table of its own (`--list offences=offences.csv`, or a workbook's
// sheet `offences`): one row per element, joined to its case by the
// ruleset's `identified by` input, in the order of the rows. Every problem
// names the file, the row, the column and the cell, in the one diagnostic
// shape.
//
// Three parts: TableSchema checks the headers against the ruleset once
// (load_case_table.cpp) and reads a row (with its list rows) as a case
// (load_table_row.cpp); CaseTable holds whole tables (any order of rows;
// case_table.cpp); CaseStream joins tables read a row at a time, in constant
// memory, when their identifiers are in order (ordered_tables; case_stream.cpp).
#pragma once

#include "data/load_case.hpp"
#include "core/program/table.hpp"

#include <map>
#include <memory>
#include <optional>
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

// The rows of one case: its row, and for each list table (in the schema's
// order) the rows that name it, in order.
struct CaseRows {
    TableRow row;
    std::vector<std::vector<TableRow>> lists;
};

class TableSchema {
public:
    // Checks every header against the schema; throws CompileError listing
    // each problem (an unknown column, with the nearest name; an input with no
    // column and no default; a list with no table). list_headers: a list
    // input's path and its table's header row, each.
    TableSchema(const Program& p, TableRow case_header, std::vector<std::pair<std::string, TableRow>> list_headers, TableOptions options);

    // A row and its list rows (for each list table, in order; none: the list's default) as a case; throws CompileError with every bad
    // cell of the row and of its list rows, and `errors` found before (an
    // identifier given twice).
    Case load(const TableRow& row, const std::vector<std::vector<const TableRow*>>& lists, std::vector<Diagnostic> errors = {}) const;
    // A row's identifier (the `identified by` input's cell), or "" when the ruleset names none.
    std::string id_of(const TableRow& row) const;
    std::size_t list_count() const { return lists_.size(); }
    // The identifier a row of list table k names.
    std::string list_id_of(std::size_t k, const TableRow& row) const;
    // A list row whose identifier is no case's.
    Diagnostic unmatched(std::size_t k, const TableRow& row) const;
    // The case's name when it has no identifier: FILE#ROW.
    std::string row_name(const TableRow& row) const;
    // The column of the `identified by` input, if the table has one.
    std::optional<std::size_t> id_column() const;

    // Where a column's values go: an input, or a field of a record input.
    struct Column {
        int input = -1;
        int field = -1;  // in the record, or -1
    };

private:
    struct List {
        int input = -1;
        TableRow header;
        int id_column = -1;
        std::vector<int> field_columns;  // by element field (a scalar element: one)
    };

    std::vector<Column> columns(std::vector<Diagnostic>& errors) const;
    void check_covered(std::vector<Diagnostic>& errors) const;
    List list_of(const std::string& input, TableRow header, std::vector<Diagnostic>& errors) const;
    std::optional<Value> cell(const TableRow& header, const TableRow& row, std::size_t column, const Type& type, const Bounds& bounds,
                              std::vector<Diagnostic>& errors) const;
    std::optional<Value> element(const List& l, const TableRow& row, std::vector<Diagnostic>& errors) const;
    static void past_header(const TableRow& header, const TableRow& row, std::vector<Diagnostic>& errors);
    std::optional<long> date_of(const std::string& text) const;

    const Program& p_;
    TableOptions options_;
    TableRow header_;
    std::vector<Column> columns_;
    std::vector<List> lists_;
};

// Whole tables in memory: rows in any order, list rows found by identifier.
class CaseTable {
public:
    CaseTable(const Program& p, CellTable cases, std::vector<ListTable> lists, TableOptions options = {});

    std::size_t size() const { return cases_.rows.size(); }
    // Row i as a case; throws CompileError with every bad cell of the row and of its list rows.
    Case load(std::size_t i) const;
    // Row i's identifier, or "" when the ruleset names none.
    std::string id_of(std::size_t i) const { return schema_->id_of(cases_.rows.at(i)); }
    // Row i's name: its identifier, or FILE#ROW.
    std::string name_of(std::size_t i) const;
    // List rows whose identifier is no case's identifier: a diagnostic each.
    std::vector<Diagnostic> unmatched_list_rows() const;

private:
    static TableSchema schema(const Program& p, const CellTable& cases, const std::vector<ListTable>& lists, TableOptions options);

    std::shared_ptr<const TableSchema> schema_;
    CellTable cases_;
    std::vector<std::vector<TableRow>> lists_;
    std::vector<std::map<std::string, std::vector<std::size_t>>> rows_by_id_;  // by list, by case identifier, in order
    std::map<std::string, std::uint32_t> first_row_;  // each identifier's first row
};

// Whether tables can be joined a row at a time: the cases' identifiers
// increase (as text, with runs of digits compared as numbers: N2 before
// N10) and each list table's identifiers never decrease. Reads each table
// once, from the readers given, keeping nothing.
bool ordered_tables(const TableSchema& schema, RowReader& cases, std::vector<std::unique_ptr<RowReader>>& lists);

// Tables read a row at a time and joined in order (ordered_tables), in
// constant memory: each case with its list rows, then the list rows that
// name no case.
class CaseStream {
public:
    // The readers are past their headers (read by the caller for the schema).
    CaseStream(std::shared_ptr<const TableSchema> schema, std::unique_ptr<RowReader> cases, std::vector<std::unique_ptr<RowReader>> lists);
    // The next case's rows, or nullopt at the end; list rows that name no
    // case are kept for unmatched(). Throws std::runtime_error when a table
    // cannot be read on.
    std::optional<CaseRows> next();
    // The list rows that named no case, once next() has ended.
    std::vector<Diagnostic> unmatched() const { return unmatched_; }
    const TableSchema& schema() const { return *schema_; }
    std::shared_ptr<const TableSchema> shared_schema() const { return schema_; }

private:
    std::shared_ptr<const TableSchema> schema_;
    std::unique_ptr<RowReader> cases_;
    std::vector<std::unique_ptr<RowReader>> lists_;
    std::vector<std::optional<TableRow>> lookahead_;  // each list's next row
    std::vector<Diagnostic> unmatched_;
    std::vector<SourcePtr> unmatched_sources_;  // what their locations point into
};

// "N2" before "N10": text compared with runs of digits as numbers; -1, 0 or 1.
int natural_compare(const std::string& a, const std::string& b);

}  // namespace reckon
