// A workbook being written with libxlsxwriter, as every workbook reckon
// writes (the results and the template) needs it: opened, given the shared
// cell formats (a header's bold on a pale ground, wrapped, dates as YYYY-MM-DD,
// wrapped text), a number format made once per code, and closed with a
// clear error. Destroyed unclosed (after a failure), it is closed for the
// caller to discard.
#pragma once

#include <xlsxwriter.h>

#include <map>
#include <string>

namespace reckon {

class WorkbookFile {
public:
    // constant_memory: rows go to disk as they are written (a million cases fit), in order only. created: the
    // run's date (YYYY-MM-DD), kept as the workbook's creation time (midnight, UTC), so that the same run gives
    // the same bytes on the same day (or under SOURCE_DATE_EPOCH); empty: now.
    WorkbookFile(const std::string& path, bool constant_memory, const std::string& created = "");
    ~WorkbookFile();
    WorkbookFile(const WorkbookFile&) = delete;
    WorkbookFile& operator=(const WorkbookFile&) = delete;

    lxw_workbook* book() const { return book_; }
    // The format of a number format code ("£"#,##0.00), made the first time it is asked for.
    lxw_format* number_format(const std::string& code);
    // Set up to print: A4 landscape, all columns fitted to the page's width, the header row on every page.
    static void print_setup(lxw_worksheet* sheet, bool header_row);
    // Writes the file; throws std::runtime_error naming `path` when it cannot.
    void close();

    // The height in points of a row holding text `t` wrapped in a column `width` wide (as set_column sets it):
    // a spreadsheet program does not fit a row to its wrapped text by itself, and the lines would overlap.
    static double wrapped_height(const std::string& t, double width);

    lxw_format* bold = nullptr;
    lxw_format* title = nullptr;  // bold, not wrapped: a line over the empty cells beside it
    lxw_format* date = nullptr;
    lxw_format* wrap = nullptr;

private:
    std::string path_;
    lxw_workbook* book_ = nullptr;
    std::map<std::string, lxw_format*> formats_;
};

}  // namespace reckon
