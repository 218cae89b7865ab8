// The read phase for spreadsheets saved as CSV: rows of cells, each with its
// place in the file, read as Excel and LibreOffice write them (UTF-8 with or
// without a byte-order mark, CRLF or LF, quoted fields holding the
// separator, doubled quotes and line breaks, `,` or `;` between fields).
#pragma once

#include "core/program/table.hpp"

#include <memory>
#include <optional>

namespace reckon {

// The rows of a CSV file, read a block at a time: only the row being read is
// in memory. Each row's source is its own lines, numbered as in the file.
// separator: ',' or ';', or nullopt to take the one the header row uses.
// max_bytes (the file-size limit) bounds one row. A row that is not UTF-8
// text, holds a NUL, leaves a quote open or is over max_bytes has a problem
// (it fails its case); the others are read. A file that cannot be opened
// throws std::runtime_error when the first row is asked for.
std::unique_ptr<RowReader> csv_rows(const std::string& path, std::uint64_t max_bytes, std::optional<char> separator);

// A CSV text already in memory, as one table whose rows all point into
// `source`. Throws CompileError (file:line:col) for text that is not UTF-8 or
// a quote left open.
CellTable read_csv(SourcePtr source, std::optional<char> separator);

}  // namespace reckon
