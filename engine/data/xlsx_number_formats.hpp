// A workbook's numbers as it shows them (read_xlsx.hpp): which cell styles show a date (the styles
// part's number formats), a stored number written out as a plain decimal, exactly, and a date cell's
// serial number as its date. Private to the workbook reader's files.
#pragma once

#include "data/xlsx_part.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace reckon::xlsx {

// The styles part (xl/styles.xml): for each cell style (the s attribute of a cell), whether it shows a
// date: a built-in date format, or a format of the workbook's own whose code has a day or a year in it.
class StylesHandler : public Handler {
public:
    std::vector<bool> date_style;  // by cell style
    void start(std::string_view name, const char** attrs) override;
    void end(std::string_view name) override;

private:
    std::map<long, std::string> codes_;
    bool in_xfs_ = false;
};

// A number as SpreadsheetML stores it ("-1.5E-3") written out as a plain
// decimal ("-0.0015"), exactly; nullopt when it is not a number.
std::optional<std::string> plain_decimal(const std::string& v);

// A date cell's serial number (a plain decimal) as the date it shows, YYYY-MM-DD, in the 1900 or the 1904
// date system; with a time of day, as YYYY-MM-DDThh:mm (which is not a date input).
std::optional<std::string> serial_date(const std::string& plain, bool date1904);

}  // namespace reckon::xlsx
