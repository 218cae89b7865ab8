// A workbook being written (workbook_file.hpp).
#include "commands/output/workbook_file.hpp"

#include "core/base/source.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace reckon {

WorkbookFile::WorkbookFile(const std::string& path, bool constant_memory, const std::string& created) : path_(path) {
    lxw_workbook_options options{};
    options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
    book_ = workbook_new_opt(path.c_str(), &options);
    if (!book_) throw FileError(path, "cannot write the workbook");
    // the run's date (YYYY-MM-DD) as the workbook's creation time, midnight UTC, by the calendar of <chrono>
    int y = 0;
    unsigned m = 0, d = 0;
    char rest = 0;
    using namespace std::chrono;
    if (std::sscanf(created.c_str(), "%d-%u-%u%c", &y, &m, &d, &rest) == 3) {
        const year_month_day when{year{y}, month{m}, day{d}};
        if (when.ok()) {
            lxw_doc_properties properties{};
            properties.created = system_clock::to_time_t(sys_days{when});
            workbook_set_properties(book_, &properties);
        }
    }
    bold = workbook_add_format(book_);
    format_set_bold(bold);
    format_set_bg_color(bold, 0xEEF3F6);
    format_set_text_wrap(bold);  // a long header wraps in its column, never over its neighbour
    format_set_align(bold, LXW_ALIGN_VERTICAL_TOP);
    title = workbook_add_format(book_);
    format_set_bold(title);
    date = workbook_add_format(book_);
    format_set_num_format(date, "yyyy-mm-dd");
    wrap = workbook_add_format(book_);
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
}

WorkbookFile::~WorkbookFile() {
    if (book_) workbook_close(book_);
}

void WorkbookFile::print_setup(lxw_worksheet* sheet, bool header_row) {
    worksheet_set_paper(sheet, 9);  // A4
    worksheet_set_landscape(sheet);
    worksheet_fit_to_pages(sheet, 1, 0);  // every column on the page's width, as many pages down as it takes
    if (header_row) worksheet_repeat_rows(sheet, 0, 0);
}

double WorkbookFile::wrapped_height(const std::string& t, double width) {
    const double per_line = std::max(1.0, width * 1.1 - 1);  // about 1.1 characters of text to a unit of width
    double lines = 0;
    for (std::size_t at = 0; at <= t.size();) {
        const std::size_t end = std::min(t.find('\n', at), t.size());
        lines += std::max(1.0, std::ceil(static_cast<double>(display_width(t.substr(at, end - at))) / per_line));
        at = end + 1;
    }
    return lines * 15;
}

lxw_format* WorkbookFile::number_format(const std::string& code) {
    auto [it, fresh] = formats_.try_emplace(code, nullptr);
    if (fresh) {
        it->second = workbook_add_format(book_);
        format_set_num_format(it->second, code.c_str());
    }
    return it->second;
}

void WorkbookFile::close() {
    lxw_error e = workbook_close(book_);
    book_ = nullptr;
    if (e != LXW_NO_ERROR) throw FileError(path_, std::string("cannot write the workbook: ") + lxw_strerror(e));
}

}  // namespace reckon
