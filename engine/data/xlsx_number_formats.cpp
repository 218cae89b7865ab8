// A workbook's numbers as it shows them (xlsx_number_formats.hpp): number formats read for the dates
// they show, stored numbers written out as decimals without ever passing through a double, and serial
// numbers turned into dates as the workbook's date system counts them.
#include "data/xlsx_number_formats.hpp"

#include "core/program/types.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace reckon::xlsx {

namespace {

// Whether a format's code shows a date: a day or a year in it, outside quotes and brackets.
bool date_code(const std::string& code) {
    bool quoted = false, bracket = false, escaped = false;
    for (char c : code) {
        if (escaped) { escaped = false; continue; }
        if (c == '\\') escaped = true;
        else if (c == '"') quoted = !quoted;
        else if (!quoted && c == '[') bracket = true;
        else if (!quoted && c == ']') bracket = false;
        else if (!quoted && !bracket && (c == 'd' || c == 'D' || c == 'y' || c == 'Y')) return true;
    }
    return false;
}

bool builtin_date(long id) { return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58); }

}  // namespace

void StylesHandler::start(std::string_view name, const char** attrs) {
    if (name == "numFmt") {
        const char* id = attribute(attrs, "numFmtId");
        const char* code = attribute(attrs, "formatCode");
        if (id && code) codes_[std::atol(id)] = code;
    } else if (name == "cellXfs") {
        in_xfs_ = true;
    } else if (name == "xf" && in_xfs_) {
        const char* id = attribute(attrs, "numFmtId");
        long n = id ? std::atol(id) : 0;
        auto code = codes_.find(n);
        date_style.push_back(code != codes_.end() ? date_code(code->second) : builtin_date(n));
    }
}

void StylesHandler::end(std::string_view name) {
    if (name == "cellXfs") in_xfs_ = false;
}

std::optional<std::string> plain_decimal(const std::string& v) {
    std::size_t i = 0;
    std::string sign;
    if (i < v.size() && (v[i] == '-' || v[i] == '+')) sign = v[i++] == '-' ? "-" : "";
    std::string whole, fraction;
    while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i]))) whole += v[i++];
    if (i < v.size() && v[i] == '.') {
        ++i;
        while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i]))) fraction += v[i++];
    }
    if (whole.empty() && fraction.empty()) return std::nullopt;
    long exponent = 0;
    if (i < v.size() && (v[i] == 'e' || v[i] == 'E')) {
        ++i;
        bool negative = i < v.size() && v[i] == '-';
        if (i < v.size() && (v[i] == '-' || v[i] == '+')) ++i;
        std::size_t from = i;
        while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i])) && i - from < 4) exponent = exponent * 10 + (v[i++] - '0');
        if (i == from) return std::nullopt;
        if (negative) exponent = -exponent;
    }
    if (i != v.size()) return std::nullopt;
    std::string digits = whole + fraction;
    long point = static_cast<long>(whole.size()) + exponent;  // digits before the point
    if (point <= 0) {
        digits.insert(0, static_cast<std::size_t>(-point), '0');
        point = 0;
    } else if (point > static_cast<long>(digits.size())) {
        digits.append(static_cast<std::size_t>(point - static_cast<long>(digits.size())), '0');
    }
    std::string w = digits.substr(0, static_cast<std::size_t>(point)), f = digits.substr(static_cast<std::size_t>(point));
    w.erase(0, std::min(w.find_first_not_of('0'), w.size()));
    while (!f.empty() && f.back() == '0') f.pop_back();
    return sign + (w.empty() ? "0" : w) + (f.empty() ? "" : "." + f);
}

std::optional<std::string> serial_date(const std::string& plain, bool date1904) {
    if (plain.empty() || plain[0] == '-') return std::nullopt;
    auto point = plain.find('.');
    const std::string whole = plain.substr(0, point);
    if (whole.size() > 7) return std::nullopt;
    long serial = std::stol(whole);
    long days;  // since 1970-01-01
    if (date1904) days = days_from_civil(1904, 1, 1) + serial;
    else if (serial == 0 || serial == 60) return std::nullopt;  // 1900-01-00 and 1900-02-29: days the 1900 system counts and the calendar lacks
    else days = days_from_civil(1899, 12, serial < 60 ? 31 : 30) + serial;
    std::string date = format_date(days);
    if (point == std::string::npos) return date;
    const double fraction = std::stod("0" + plain.substr(point));  // only to show the time of day in a message
    const long minutes = std::lround(fraction * 1440);
    char hm[8];
    std::snprintf(hm, sizeof hm, "%02ld:%02ld", minutes / 60 % 24, minutes % 60);
    return date + "T" + hm;
}

}  // namespace reckon::xlsx
