// What the read phase makes of a spreadsheet, CSV or workbook: rows of cells
// as text, each with its place, for the load phase to read as inputs
// (load_case_table.hpp). The header is the table's first row.
//
// Rows come one at a time from a RowReader, so that a table of a million
// cases need not be in memory; a CellTable holds them all where that is
// needed. Each row carries its source: a CSV row's own lines, numbered as in
// the file; a workbook row, which has no text of its own, a text made for
// diagnostics (its cells written as CSV, its line numbered as its row), so
// that an error at a cell points at that row and that cell.
#pragma once

#include "core/base/source.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reckon {

struct TableCell {
    std::string text;          // the value as text: unquoted; a workbook's number as its stored decimal, its date as YYYY-MM-DD
    std::uint32_t offset = 0;  // where the cell starts in the table's source
};

struct TableRow {
    std::uint32_t number = 0;  // the row as a spreadsheet numbers it: in a CSV file the header is row 1
    std::uint32_t offset = 0;  // where the row starts in the source
    std::vector<TableCell> cells;  // by column, from A: a cell a workbook leaves out is there, empty
    // A workbook's row keeps its cells up to the header's last column and one
    // more, holding the first value past the header; this is that value's
    // column (from 0), or 0 when the cells are all there is.
    std::uint32_t past_header = 0;
    SourcePtr source;                   // where the cells' offsets point
    std::vector<Diagnostic> problems;  // why the row could not be read as it is (a NUL byte, a cell that points nowhere): it fails its case
};

// A table's rows one at a time: the header first, then each row with a value
// (blank rows are passed over and keep their numbers).
class RowReader {
public:
    virtual ~RowReader() = default;
    // The next row, or nullopt at the end. Throws std::runtime_error
    // ("FILE: error: ...") when the rest of the table cannot be read.
    virtual std::optional<TableRow> next() = 0;
};

struct CellTable {
    SourcePtr source;  // the header's
    TableRow header;
    std::vector<TableRow> rows;  // blank rows left out

    // "C17": a cell's name as a spreadsheet shows it (column index from 0).
    static std::string cell_name(std::size_t column, std::uint32_t row);
    // "C": a column's name (from 0).
    static std::string column_name(std::size_t column);
};

// Every row of a reader, in a table; an empty table (no header) when it has none.
CellTable read_all(RowReader& rows);

// A field as CSV is written: quoted when it holds a comma, a quote or a line break.
inline std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

// Whether a spreadsheet opening a CSV would take a text for a formula: it starts (after any single quotes) with
// one of OWASP's formula starters, = + - @, a tab or a carriage return.
inline bool formula_like(std::string_view s) {
    const auto at = s.find_first_not_of('\'');
    return at != std::string_view::npos && std::string_view("=+-@\t\r").find(s[at]) != std::string_view::npos;
}

// A text (not a figure) as CSV is written for people who open it in a spreadsheet: one that would be taken for a
// formula is made inert as OWASP recommends, a single quote before it and the field in quotes ("'=1+2"); so is a
// text of single quotes before a formula starter, so that reading takes exactly one quote off (csv_text_read).
inline std::string csv_text_field(const std::string& s) {
    if (!formula_like(s)) return csv_field(s);
    std::string q = "\"'";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

// A CSV field's text as reckon reads it: the single quote csv_text_field put before a formula-like text taken off
// ("'=1+2" is =1+2, "''=1" is '=1); any other text as it is ("'hello", "-5").
inline std::string csv_text_read(const std::string& s) {
    return !s.empty() && s[0] == '\'' && formula_like(s) ? s.substr(1) : s;
}

}  // namespace reckon
