// The read phase for workbooks (.xlsx, Office Open XML spreadsheets): each
// sheet as a table of cells (table.hpp), for the load phase to read as cases.
//
// A workbook is a zip of XML parts (minizip reads the zip, expat the XML). It
// is read as a stream: a part is inflated a block at a time straight into the
// XML parser, and a sheet's rows are handed out as they are parsed, so
// neither the zip nor a sheet is ever whole in memory; only the shared
// strings (the texts the sheets point to) are kept.
//
// Cells are read exactly:
//   - a number as the decimal text the file stores, never through a double
//     (1.5E-3 is written out as 0.0015);
//   - a number whose cell has a date format as the date, YYYY-MM-DD (the
//     1900 and the 1904 date systems);
//   - shared strings and inline strings as their text (rich text joined, the
//     phonetic guides left out); TRUE and FALSE; an error (#N/A) as its text;
//   - a formula as the value the spreadsheet saved with it.
//
// A workbook is hostile input. The file is at most the file-size limit, and
// every part inflates only up to that limit or 200 times its size in the zip
// (a zip bomb inflates by a thousand); a DOCTYPE is refused, so no entity is ever declared,
// expanded or fetched; a member's name that would escape the zip (/x, ../x,
// a backslash) is refused; a cell past the sheet's end (XFD1048576) is refused.
// Each problem is an error naming the file, and the sheet, row and cell.
//
// The reader's files: the workbook's index (read_xlsx.cpp), its zip members
// read as XML (xlsx_part), the shared strings (xlsx_shared_strings), number
// formats and dates (xlsx_number_formats), and a sheet's cells (xlsx_sheet).
#pragma once

#include "core/base/limits.hpp"
#include "core/program/table.hpp"

#include <memory>
#include <string>
#include <vector>

namespace reckon {

class Workbook {
public:
    // Opens the workbook and reads its index: the sheets' names and parts, the
    // date formats, the shared strings. Throws std::runtime_error
    // ("FILE: error: ...") for a file that is not a workbook or is damaged.
    Workbook(const std::string& path, const Limits& limits);
    ~Workbook();
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    const std::string& path() const;
    // The sheets' names, in the workbook's order.
    const std::vector<std::string>& sheets() const;
    // A sheet's rows, read as they are asked for: its first row with a value
    // is the header. Each row's source is named FILE[SHEET], its line numbered
    // as the row. A cell that cannot be read is a problem of its row; the
    // reader throws std::runtime_error for a damaged part.
    std::unique_ptr<RowReader> rows(const std::string& name) const;

private:
    struct Parts;
    std::unique_ptr<Parts> parts_;
};

// Whether a file is read as a workbook (by its name: *.xlsx).
bool is_workbook(const std::string& file);

}  // namespace reckon
