// The read phase for spreadsheets saved as CSV: a table of cells, each with
// its place in the file, read as Excel and LibreOffice write it (UTF-8 with
// or without a byte-order mark, CRLF or LF, quoted fields holding the
// separator, doubled quotes and line breaks, `,` or `;` between fields).
#pragma once

#include "source.hpp"

#include <optional>
#include <string>
#include <vector>

namespace reckon {

struct CsvCell {
    std::string text;          // unquoted
    std::uint32_t offset = 0;  // where the field starts in the file
};

struct CsvRow {
    std::uint32_t number = 0;  // the row as a spreadsheet numbers it: the header is row 1
    std::uint32_t offset = 0;  // where the row starts
    std::vector<CsvCell> cells;
};

struct CsvTable {
    SourcePtr source;
    char separator = ',';
    CsvRow header;
    std::vector<CsvRow> rows;  // blank rows left out

    // "C17": the cell's name as a spreadsheet shows it (column index from 0).
    static std::string cell_name(std::size_t column, std::uint32_t row);
};

// A field as CSV is written: quoted when it holds a comma, a quote or a line break.
inline std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

// separator: ',' or ';', or nullopt to take the one the header row uses.
// Throws CompileError (file:line:col) for a file that is not UTF-8 text or a
// quote left open.
CsvTable read_csv(SourcePtr source, std::optional<char> separator);

}  // namespace reckon
