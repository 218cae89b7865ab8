// A workbook's sheet as rows of cells (xlsx_sheet.hpp). Its XML is parsed as rows are asked for: each
// row's cells are checked to be in order and within the sheet's end (XFD1048576), each cell's value read
// exactly (a shared string's text, a number's decimal text, a date as YYYY-MM-DD), and a row is handed
// out once it ends, with a source made for diagnostics. A cell that cannot be read is a problem of its row.
#include "data/xlsx_sheet.hpp"

#include "data/xlsx_number_formats.hpp"
#include "data/xlsx_part.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <deque>
#include <optional>
#include <stdexcept>

namespace reckon::xlsx {

namespace {

constexpr std::uint32_t max_rows = 1048576, max_columns = 16384;  // XFD1048576: the sheet's end

// "C17" -> column 2, row 17; nullopt when it is not a cell's name within the sheet.
std::optional<std::pair<std::uint32_t, std::uint32_t>> cell_ref(std::string_view r) {
    std::size_t i = 0;
    std::uint64_t col = 0, row = 0;
    while (i < r.size() && std::isupper(static_cast<unsigned char>(r[i])) && i < 4) col = col * 26 + static_cast<std::uint64_t>(r[i++] - 'A' + 1);
    std::size_t digits = i;
    while (i < r.size() && std::isdigit(static_cast<unsigned char>(r[i])) && i - digits < 8) row = row * 10 + static_cast<std::uint64_t>(r[i++] - '0');
    if (col == 0 || i == digits || i != r.size() || row == 0 || row > max_rows || col > max_columns) return std::nullopt;
    return std::make_pair(static_cast<std::uint32_t>(col - 1), static_cast<std::uint32_t>(row));
}

// A sheet's rows, as they are parsed. Each row's source is made for
// diagnostics: its cells written as CSV (line breaks in a cell shown as
// spaces), its line numbered as the row.
class SheetHandler : public Handler {
public:
    SheetHandler(std::string name, std::shared_ptr<const std::vector<std::string>> strings,
                 std::shared_ptr<const std::vector<bool>> date_style, bool date1904)
        : name_(std::move(name)), strings_holder_(std::move(strings)), styles_holder_(std::move(date_style)),
          strings_(*strings_holder_), date_style_(*styles_holder_), date1904_(date1904) {}

    std::deque<TableRow> ready;  // rows parsed and not yet taken

    void start(std::string_view name, const char** attrs) override {
        if (name == "row") {
            start_row(attribute(attrs, "r"));
        } else if (name == "c" && in_row_) {
            start_cell(attrs);
        } else if (in_cell_ && (name == "v" || (name == "t" && type_ == "inlineStr"))) {
            in_value_ = true;
        } else if (in_cell_ && name == "rPh") {
            ++phonetic_;
        }
    }

    void end(std::string_view name) override {
        if (name == "v" || name == "t") {
            in_value_ = false;
        } else if (name == "rPh") {
            --phonetic_;
        } else if (name == "c" && in_cell_) {
            in_cell_ = false;
            next_column_ = column_ + 1;
            add_cell(column_, value());
        } else if (name == "row" && in_row_) {
            in_row_ = false;
            last_row_ = row_.number;
            finish_row();
        }
    }

    void text(std::string_view s) override {
        if (in_value_ && phonetic_ == 0) value_ += s;
    }

private:
    // A row begins: its number (r, or the next), which comes after the last row's.
    void start_row(const char* r) {
        std::uint64_t n = r ? std::strtoull(r, nullptr, 10) : last_row_ + 1;
        if (n == 0 || n > max_rows) return fail(std::string("row ") + (r ? r : "?") + " is past the sheet's end (row 1048576)");
        if (n <= last_row_) return fail("row " + std::to_string(n) + " comes after row " + std::to_string(last_row_) + ": rows are out of order");
        row_ = TableRow{};
        row_.number = static_cast<std::uint32_t>(n);
        next_column_ = 0;
        in_row_ = true;
    }

    // A cell begins: its column (from its name r, or the next), in its row and to the right of the last
    // cell; its type (t) and its style (s), for its value once it is read.
    void start_cell(const char** attrs) {
        const char* r = attribute(attrs, "r");
        std::uint32_t column = next_column_;
        if (r) {
            auto ref = cell_ref(r);
            if (!ref) return fail(std::string("cell ") + r + " is past the sheet's end (XFD1048576), or is not a cell's name");
            if (ref->second != row_.number) return fail(std::string("cell ") + r + " is in row " + std::to_string(row_.number));
            column = ref->first;
        }
        if (column >= max_columns) return fail("a cell of row " + std::to_string(row_.number) + " is past the sheet's end (column XFD)");
        if (column < next_column_) return fail(std::string("cell ") + (r ? r : "?") + " comes after a cell to its right");
        const char* t = attribute(attrs, "t");
        const char* s = attribute(attrs, "s");
        type_ = t ? t : "n";
        style_ = s ? std::strtoul(s, nullptr, 10) : 0;
        column_ = column;
        value_.clear();
        in_cell_ = true;
    }

    // The cell's value as the workbook shows it: a shared string's text, TRUE or FALSE, a date, a number
    // written out plainly; a problem (a shared string that is not there) is kept for its row.
    std::string value() {
        if (type_ == "s") {
            const bool index = !value_.empty() && value_.size() <= 9 && value_.find_first_not_of("0123456789") == std::string::npos;
            const std::size_t i = index ? std::stoul(value_) : strings_.size();
            if (!index) {
                problem_ = "has '" + value_.substr(0, 40) + "' where the number of a shared string belongs";
                return "";
            }
            if (i >= strings_.size()) {
                problem_ = "points to shared string " + value_ + ", and the workbook has " + std::to_string(strings_.size());
                return "";
            }
            return strings_[i];
        }
        if (type_ == "b") return value_ == "1" ? "TRUE" : value_ == "0" ? "FALSE" : value_;
        if (type_ == "d") return value_.size() >= 10 && value_.substr(10).find_first_not_of("T0:.Z") == std::string::npos ? value_.substr(0, 10) : value_;
        if (type_ == "n") {
            auto plain = plain_decimal(value_);
            if (!plain) return value_;
            if (style_ < date_style_.size() && date_style_[style_])
                if (auto date = serial_date(*plain, date1904_)) return *date;
            return *plain;
        }
        return value_;  // inlineStr, str (a formula's text), e (an error such as #N/A)
    }

    // A cell's value put in its column of the row (and a problem kept for the row to report).
    void add_cell(std::uint32_t column, std::string v) {
        if (!problem_.empty()) {
            pending_.emplace_back(column, std::move(problem_));
            problem_.clear();
        }
        if (v.empty()) return;
        // A row is kept up to the header's width and one cell past it, so that a value with no column is reported, not dropped.
        const std::size_t width = header_width_ ? header_width_ + 1 : max_columns;
        if (column >= width) {
            if (row_.cells.size() < width) row_.cells.resize(width);
            if (row_.cells.back().text.empty()) {
                row_.cells.back().text = std::move(v);
                row_.past_header = column;
            }
            return;
        }
        if (row_.cells.size() <= column) row_.cells.resize(column + 1);
        row_.cells[column].text = std::move(v);
    }

    // A row ended: unless it is blank, its source made (its cells as CSV), its problems placed, and it is ready.
    void finish_row() {
        const bool blank = std::all_of(row_.cells.begin(), row_.cells.end(), [](const TableCell& c) { return c.text.empty(); });
        if (blank && pending_.empty()) return;
        std::string text;
        for (std::size_t c = 0; c < row_.cells.size(); ++c) {
            if (c) text += ',';
            row_.cells[c].offset = static_cast<std::uint32_t>(text.size());
            std::string shown = row_.cells[c].text;
            std::replace(shown.begin(), shown.end(), '\n', ' ');
            std::replace(shown.begin(), shown.end(), '\r', ' ');
            text += csv_field(shown);
        }
        auto source = std::make_shared<SourceFile>(name_, std::move(text), row_.number - 1, 0, true);
        row_.source = source;
        for (auto& [column, why] : pending_) {
            std::uint32_t at = column < row_.cells.size() ? row_.cells[column].offset : 0;
            row_.problems.push_back({Location{source.get(), at, 1}, "cell " + CellTable::cell_name(column, row_.number) + " " + why, {}});
        }
        pending_.clear();
        if (!header_width_) header_width_ = std::max<std::size_t>(row_.cells.size(), 1);
        ready.push_back(std::move(row_));
    }

    const std::string name_;
    const std::shared_ptr<const std::vector<std::string>> strings_holder_;  // the workbook's, kept while its sheet is read
    const std::shared_ptr<const std::vector<bool>> styles_holder_;
    const std::vector<std::string>& strings_;
    const std::vector<bool>& date_style_;
    const bool date1904_;
    TableRow row_;
    std::uint64_t last_row_ = 0;
    std::uint32_t next_column_ = 0, column_ = 0;
    std::size_t header_width_ = 0;
    std::string type_, value_, problem_;
    std::vector<std::pair<std::uint32_t, std::string>> pending_;
    unsigned long style_ = 0;
    bool in_row_ = false, in_cell_ = false, in_value_ = false;
    int phonetic_ = 0;
};

// A sheet's rows, parsed a block at a time as they are asked for.
class SheetRows : public RowReader {
public:
    SheetRows(const std::string& path, const std::string& member, const std::string& sheet,
              std::shared_ptr<const std::vector<std::string>> strings, std::shared_ptr<const std::vector<bool>> date_style, bool date1904,
              std::uint64_t max_bytes)
        : handler_(path + "[" + sheet + "]", strings, date_style, date1904),
          part_(path, member, handler_, "sheet '" + sheet + "'", max_bytes, true) {
        if (!part_.found()) throw FileError(path, "the workbook has no part " + member + " for sheet '" + sheet + "'");
    }
    std::optional<TableRow> next() override {
        while (handler_.ready.empty() && part_.step()) {
        }
        if (handler_.ready.empty()) return std::nullopt;
        TableRow r = std::move(handler_.ready.front());
        handler_.ready.pop_front();
        return r;
    }

private:
    SheetHandler handler_;
    PartReader part_;
};

}  // namespace

std::unique_ptr<RowReader> sheet_rows(const std::string& path, const std::string& member, const std::string& sheet,
                                      std::shared_ptr<const std::vector<std::string>> strings,
                                      std::shared_ptr<const std::vector<bool>> date_style, bool date1904, std::uint64_t max_bytes) {
    return std::make_unique<SheetRows>(path, member, sheet, std::move(strings), std::move(date_style), date1904, max_bytes);
}

}  // namespace reckon::xlsx
