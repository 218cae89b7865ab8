// The writing of reckon's results workbooks (workbook.cpp, sensitivity_workbook.cpp): sheets set up to print,
// headers, text wrapped with its row made tall enough, numbers stored as numbers in their formats, and the
// Provenance sheet.
#pragma once

#include "commands/present/display.hpp"
#include "commands/present/present.hpp"
#include "commands/report/report.hpp"
#include "commands/output/excel_format.hpp"
#include "commands/output/workbook_file.hpp"

#include "core/eval/eval.hpp"
#include "commands/explain/explain.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

namespace reckon {

class Writer {
public:
    // created: the run's date, as WorkbookFile keeps it.
    Writer(const std::string& path, const Program& p, const std::string& created) : p_(p), file_(path, true, created) {}

    lxw_format* bold() const { return file_.bold; }
    // The format of a number format code ("0.0%"), made once.
    lxw_format* format(const std::string& code) { return file_.number_format(code); }

    // A sheet, set up to print (A4 landscape, fitted to the page's width, its first row repeated).
    lxw_worksheet* sheet(const char* name, bool header_row = true) {
        lxw_worksheet* s = workbook_add_worksheet(file_.book(), name);
        WorkbookFile::print_setup(s, header_row);
        return s;
    }

    void header(lxw_worksheet* s, const std::vector<std::string>& names) {
        for (std::size_t c = 0; c < names.size(); ++c) worksheet_write_string(s, 0, static_cast<lxw_col_t>(c), names[c].c_str(), file_.bold);
        worksheet_freeze_panes(s, 1, 0);
    }

    void text(lxw_worksheet* s, lxw_row_t r, lxw_col_t c, const std::string& t, lxw_format* f = nullptr) {
        worksheet_write_string(s, r, c, t.c_str(), f);
    }

    // Text wrapped within its column (`width`, as set_column sets it), its row made tall enough for every line:
    // a spreadsheet program does not fit the row to wrapped text by itself, and the lines would overlap.
    void wrapped(lxw_worksheet* s, lxw_row_t r, lxw_col_t c, const std::string& t, double width) {
        worksheet_write_string(s, r, c, t.c_str(), file_.wrap);
        const double tall = WorkbookFile::wrapped_height(t, width);
        double& height = heights_[{s, r}];
        if (tall > height) {
            height = tall;
            worksheet_set_row(s, r, height, nullptr);
        }
    }

    // A param's number, as exactly as a cell holds it, in a format that shows it whole: a percentage when it is
    // written as one (20%), money with its decimals (to 10), any other number as the spreadsheet shows numbers.
    void param(lxw_worksheet* s, lxw_row_t r, lxw_col_t c, const Type& t, const Value& v, bool percent) {
        const double x = std::strtod(display_value(p_, t, 30, false, v).c_str(), nullptr);
        const Number in_unit = v.n() / p_.units.scale(t.unit) * (percent ? 100 : 1);
        const auto exact = exact_decimal(in_unit, 10);
        const auto dot = exact ? exact->find('.') : std::string::npos;
        const int places = !exact ? 10 : dot == std::string::npos ? 0 : static_cast<int>(exact->size() - dot - 1);
        const std::string code = percent ? "0" + (places ? "." + std::string(static_cast<std::size_t>(places), '0') : "") + "%"
                                         : excel_number_format(p_, t, std::max(places, 2), p_.units.shows_money(t.unit), false);
        worksheet_write_number(s, r, c, x, file_.number_format(code));
    }

    // One value as the output shows it: a number in its format (the figure as
    // shown, rounded to its decimals), a date, a truth value or a text.
    void value(lxw_worksheet* s, lxw_row_t r, lxw_col_t c, const Type& t, int decimals, bool fixed, bool percent, const Value& v) {
        value(p_, s, r, c, t, decimals, fixed, percent, v);
    }
    // The same for a value of another program than the workbook's (the old version of a diff).
    void value(const Program& p, lxw_worksheet* s, lxw_row_t r, lxw_col_t c, const Type& t, int decimals, bool fixed, bool percent,
               const Value& v) {
        switch (v.kind) {
            case Value::Kind::none: return;  // an empty cell: not defined
            case Value::Kind::number: {
                // a percentage holds its fraction, the double nearest the figure shown over 100 (72.8 % as 0.728):
                // divided exactly, then read, not read and then divided (which gives 0.7829999999999999 for 78.3 %)
                const std::string shown = display_value(p, t, decimals, fixed, v);
                double x = std::strtod(shown.c_str(), nullptr);
                if (percent) {
                    const auto n = parse_decimal(shown);
                    const auto fraction = n ? exact_decimal(*n / 100, decimals + 2) : std::nullopt;
                    x = fraction ? std::strtod(fraction->c_str(), nullptr) : x / 100;
                }
                worksheet_write_number(s, r, c, x, file_.number_format(excel_number_format(p, t, decimals, fixed, percent)));
                return;
            }
            case Value::Kind::boolean: worksheet_write_boolean(s, r, c, v.b(), nullptr); return;
            case Value::Kind::date: {
                int y;
                unsigned m, d;
                civil_from_days(static_cast<long>(v.n().convert_to<long long>()), y, m, d);
                lxw_datetime when{y, static_cast<int>(m), static_cast<int>(d), 0, 0, 0};
                worksheet_write_datetime(s, r, c, &when, file_.date);
                return;
            }
            case Value::Kind::member:  // by its label, as a reader reads it
                if (t.enumeration) {
                    text(s, r, c, t.enumeration->shown(v.n().convert_to<std::size_t>()));
                    return;
                }
                [[fallthrough]];
            case Value::Kind::text:
            case Value::Kind::list: text(s, r, c, display_value(p, t, decimals, fixed, v)); return;
        }
    }

    // A column's width for its header (wrapped beyond 30 characters) and its widest figure or text (never cut: a
    // figure takes a little more room than its characters, in a bold header's font or a number's digits).
    static double column_width(std::size_t header, std::size_t widest) {
        return static_cast<double>(std::max<std::size_t>({10, std::min<std::size_t>(header + 2, 30), widest + 3}));
    }

    // Provenance: what produced these figures, a sheet of its own.
    void provenance(const Provenance& prov) {
        lxw_worksheet* pv = sheet("Provenance", false);
        std::vector<std::pair<std::string, std::string>> lines{
            {"ruleset", prov.ruleset}, {"version", prov.version}, {"ruleset hash", prov.hash}};
        for (const auto& [file, id] : prov.files) lines.push_back({"file", file + " (git blob " + id + ")"});
        for (const auto& [file, id] : prov.tables) lines.push_back({"table", file + " (git blob " + id + ")"});
        if (!prov.scenarios.empty()) {
            std::string names;
            for (const auto& n : prov.scenarios) names += (names.empty() ? "" : ", ") + n;
            lines.push_back({"scenarios", prov.scenarios_file.first + " (git blob " + prov.scenarios_file.second + "): " + names});
        }
        if (!prov.run_data_file.first.empty())
            lines.push_back({"run data", prov.run_data_file.first + " (git blob " + prov.run_data_file.second + ")"});
        lines.push_back({"cases", std::to_string(prov.cases)});
        lines.push_back({"failed", std::to_string(prov.failed)});
        std::string settings;
        for (const auto& s : prov.overrides) settings += (settings.empty() ? "" : ", ") + s;
        lines.push_back({"parameters overridden", settings.empty() ? "none" : settings});
        lines.push_back({"date", prov.date});
        lines.push_back({"produced by", "reckon " + prov.reckon_version});
        for (std::size_t i = 0; i < lines.size(); ++i) {
            text(pv, static_cast<lxw_row_t>(i), 0, lines[i].first, bold());
            text(pv, static_cast<lxw_row_t>(i), 1, lines[i].second);
        }
        worksheet_set_column(pv, 0, 0, 22, nullptr);
        worksheet_set_column(pv, 1, 1, 90, nullptr);
    }

    void close() { file_.close(); }

private:
    const Program& p_;
    WorkbookFile file_;
    std::map<std::pair<lxw_worksheet*, lxw_row_t>, double> heights_;  // each row's height for its wrapped text, in points
};

}  // namespace reckon
