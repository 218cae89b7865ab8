// The read phase for spreadsheets saved as CSV: a table of cells, each with
// its place in the file, read as Excel and LibreOffice write it (UTF-8 with
// or without a byte-order mark, CRLF or LF, quoted fields holding the
// separator, doubled quotes and line breaks, `,` or `;` between fields).
#pragma once

#include "table.hpp"

#include <optional>

namespace reckon {

// separator: ',' or ';', or nullopt to take the one the header row uses.
// Throws CompileError (file:line:col) for a file that is not UTF-8 text or a
// quote left open.
CellTable read_csv(SourcePtr source, std::optional<char> separator);

}  // namespace reckon
