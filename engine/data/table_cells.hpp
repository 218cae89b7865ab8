// A case table's cells as text (load_case_table.hpp): a cell's text trimmed of the spaces around it, and
// where in its row's source it is, for diagnostics. Private to the case table reader's files.
#pragma once

#include "core/program/table.hpp"

#include <cstdint>
#include <string>

namespace reckon::table_cells {

inline std::string trimmed(const std::string& s) {
    auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// A cell's text, trimmed; "" for a cell past the row's end.
inline std::string cell_text(const TableRow& row, std::size_t column) { return column < row.cells.size() ? trimmed(row.cells[column].text) : ""; }

// Where a cell starts in its row's source; the row's start for a cell past its end.
inline std::uint32_t cell_offset(const TableRow& row, std::size_t column) { return column < row.cells.size() ? row.cells[column].offset : row.offset; }

}  // namespace reckon::table_cells
