// A workbook's sheet as rows of cells (read_xlsx.hpp): the sheet's XML parsed a block at a time as rows
// are asked for, each cell read exactly as the workbook shows it. Private to the workbook reader's files.
#pragma once

#include "core/program/table.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace reckon::xlsx {

// The rows of the sheet named `sheet`, whose part is `member` of the workbook at `path`; the workbook's
// shared strings and which of its cell styles show a date are kept while the rows are read. Throws
// std::runtime_error when the workbook has no such part.
std::unique_ptr<RowReader> sheet_rows(const std::string& path, const std::string& member, const std::string& sheet,
                                      std::shared_ptr<const std::vector<std::string>> strings,
                                      std::shared_ptr<const std::vector<bool>> date_style, bool date1904, std::uint64_t max_bytes);

}  // namespace reckon::xlsx
