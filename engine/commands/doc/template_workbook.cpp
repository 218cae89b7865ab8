// `reckon template --format xlsx` (template.hpp): the template tables as a
// workbook, written with libxlsxwriter. Each column is checked as it is typed
// (Excel's and LibreOffice's data validation), so that a filled template
// reads back with no editing:
//   - an enumeration: a drop-down of its members (listed on the
//     instructions sheet, so that a long list is not cut at 255 characters);
//   - a date: a date cell, formatted YYYY-MM-DD;
//   - a number: a decimal within its bounds, in money's format where it is money;
//   - true or false: a drop-down of TRUE and FALSE.
#include "commands/doc/template.hpp"

#include "commands/output/excel_format.hpp"

#include "commands/output/workbook_file.hpp"

#include "core/program/table.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <map>
#include <stdexcept>

namespace reckon {

namespace {

constexpr lxw_row_t last_row = LXW_ROW_MAX - 1;

// The instructions sheet holds each enumeration's members in a column from here, under the instructions, for the drop-downs.
constexpr lxw_col_t members_column = 8;

class TemplateWriter {
public:
    TemplateWriter(const std::string& path, const Program& p, const std::string& created)
        : p_(p), file_(path, false, created), book_(file_.book()), bold_(file_.bold), date_(file_.date), wrap_(file_.wrap) {}

    void write() {
        const auto tables = template_tables(p_);
        std::vector<lxw_worksheet*> sheets;
        for (const auto& t : tables) sheets.push_back(workbook_add_worksheet(book_, t.name.c_str()));
        instructions_ = workbook_add_worksheet(book_, "instructions");
        // the members' lists go under the instructions, where every row is one line high
        names_row_ = static_cast<lxw_row_t>(how_to(tables).size() + 3);
        for (const auto& t : tables) names_row_ += static_cast<lxw_row_t>(t.columns.size());
        for (std::size_t i = 0; i < tables.size(); ++i) table(sheets[i], tables[i]);
        instructions(tables);
        file_.close();
    }

private:
    void table(lxw_worksheet* s, const TemplateTable& t) {
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            const TemplateColumn& tc = t.columns[c];
            worksheet_write_string(s, 0, col, tc.header.c_str(), bold_);
            worksheet_set_column(s, col, col, std::max<double>(12, static_cast<double>(tc.header.size()) + 2), cell_format(*tc.type));
            validate(s, col, tc);
        }
        worksheet_freeze_panes(s, 1, 0);
    }

    lxw_format* cell_format(const Type& t) {
        if (t.kind == TypeKind::date) return date_;
        if (t.kind != TypeKind::number || !p_.units.money_shape(t.unit)) return nullptr;
        return file_.number_format(excel_number_format(p_, t, 2, true, false));
    }

    // The check as the column is typed into, with the column's description as its prompt.
    void validate(lxw_worksheet* s, lxw_col_t col, const TemplateColumn& tc) {
        lxw_data_validation v{};
        std::string formula;
        static char yes[] = "TRUE", no[] = "FALSE";
        static char* truth[] = {yes, no, nullptr};
        const Type& t = *tc.type;
        const Number scale = t.kind == TypeKind::number ? p_.units.scale(t.unit) : Number(1);
        switch (t.kind) {
            case TypeKind::enumeration: {
                v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
                formula = "=instructions!$" + CellTable::column_name(members_column + members(t)) + "$" + std::to_string(names_row_ + 2) + ":$" +
                          CellTable::column_name(members_column + members(t)) + "$" + std::to_string(names_row_ + 1 + t.enumeration->members.size());
                v.value_formula = formula.data();
                break;
            }
            case TypeKind::boolean:
                v.validate = LXW_VALIDATION_TYPE_LIST;
                v.value_list = truth;
                break;
            case TypeKind::date:
                v.validate = LXW_VALIDATION_TYPE_DATE;
                v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
                v.minimum_datetime = lxw_datetime{1900, 1, 1, 0, 0, 0};
                v.maximum_datetime = lxw_datetime{9999, 12, 31, 0, 0, 0};
                break;
            case TypeKind::number:
                v.validate = LXW_VALIDATION_TYPE_DECIMAL;
                if (tc.bounds && tc.bounds->min && tc.bounds->max) {
                    v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
                    v.minimum_number = (*tc.bounds->min / scale).convert_to<double>();
                    v.maximum_number = (*tc.bounds->max / scale).convert_to<double>();
                } else if (tc.bounds && tc.bounds->min) {
                    v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
                    v.value_number = (*tc.bounds->min / scale).convert_to<double>();
                } else if (tc.bounds && tc.bounds->max) {
                    v.criteria = LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO;
                    v.value_number = (*tc.bounds->max / scale).convert_to<double>();
                } else {
                    v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
                    v.minimum_number = -1e15;
                    v.maximum_number = 1e15;
                }
                break;
            case TypeKind::text:
            case TypeKind::list:
            case TypeKind::record:
            case TypeKind::grouped:
            case TypeKind::error: v.validate = LXW_VALIDATION_TYPE_ANY; break;
        }
        // Excel's limits: a title of 32 characters, a message of 255.
        const std::string what = t.kind == TypeKind::enumeration
                                     ? "one of " + t.enumeration->name + ": pick from the list (the members are on sheet instructions)"
                                     : tc.what;
        std::string title = tc.header.substr(0, 32), message = what + (tc.note.empty() ? "" : ". " + tc.note);
        if (message.size() > 255) message = message.substr(0, 252) + "...";
        v.input_title = title.data();
        v.input_message = message.data();
        std::string error = "Expected " + what, error_title = "reckon: not accepted";
        if (error.size() > 255) error = error.substr(0, 252) + "...";
        v.error_title = error_title.data();
        v.error_message = error.data();
        v.ignore_blank = LXW_VALIDATION_ON;
        worksheet_data_validation_range(s, 1, col, last_row, col, &v);
    }

    // The column of the instructions sheet holding an enumeration's members (written once), from members_column.
    lxw_col_t members(const Type& t) {
        for (std::size_t i = 0; i < enums_.size(); ++i)
            if (enums_[i] == t.enumeration) return static_cast<lxw_col_t>(i);
        enums_.push_back(t.enumeration);
        return static_cast<lxw_col_t>(enums_.size() - 1);
    }

    // The lines under the title that say how to fill in the workbook.
    static std::vector<std::string> how_to(const std::vector<TemplateTable>& tables) {
        std::vector<std::string> how = {"Fill in sheet cases, one row per case."};
        if (tables.size() > 1)
            how.push_back("Fill in each list's sheet, one row per element, with the case's " + tables[1].columns[0].header + " first.");
        how.push_back("Leave the first row of each sheet as it is: it names the columns.");
        how.push_back("Read the cases with: reckon batch RULESET THIS-FILE.xlsx");
        return how;
    }

    void instructions(const std::vector<TemplateTable>& tables) {
        lxw_worksheet* s = instructions_;
        std::size_t widest = 12;
        for (const auto& t : tables)
            for (const auto& c : t.columns) widest = std::max(widest, c.header.size());
        worksheet_set_column(s, 0, 0, 24, nullptr);
        worksheet_set_column(s, 1, 1, static_cast<double>(widest) + 2, nullptr);
        worksheet_set_column(s, 2, 3, 48, wrap_);
        worksheet_set_landscape(s);
        worksheet_fit_to_pages(s, 1, 0);
        lxw_row_t r = 0;
        std::string title = "Cases of " + p_.name + (p_.version.empty() ? "" : ", version " + p_.version);
        worksheet_write_string(s, r++, 0, title.c_str(), file_.title);  // one line, over the empty cells beside it
        for (const auto& line : how_to(tables)) worksheet_write_string(s, r++, 0, line.c_str(), nullptr);
        ++r;
        const char* heads[] = {"sheet", "column", "what goes in it", "default and description"};
        for (lxw_col_t c = 0; c < 4; ++c) worksheet_write_string(s, r, c, heads[c], bold_);
        ++r;
        for (const auto& t : tables)
            for (const auto& c : t.columns) {
                worksheet_write_string(s, r, 0, t.name.c_str(), wrap_);  // at the top of the row, beside its first line
                worksheet_write_string(s, r, 1, c.header.c_str(), wrap_);
                worksheet_write_string(s, r, 2, c.what.c_str(), wrap_);
                if (!c.note.empty()) worksheet_write_string(s, r, 3, c.note.c_str(), wrap_);
                // the row as tall as its longer wrapped text, so that no line is printed over the next row's
                worksheet_set_row(s, r, std::max(WorkbookFile::wrapped_height(c.what, 48), WorkbookFile::wrapped_height(c.note, 48)), nullptr);
                ++r;
            }
        for (std::size_t i = 0; i < enums_.size(); ++i) {
            const auto col = static_cast<lxw_col_t>(members_column + i);
            std::size_t longest = enums_[i]->name.size();  // the column wide enough for its name and every member
            for (const auto& m : enums_[i]->members) longest = std::max(longest, m.size());
            worksheet_set_column(s, col, col, static_cast<double>(longest) + 3, nullptr);
            worksheet_write_string(s, names_row_, col, enums_[i]->name.c_str(), bold_);
            for (std::size_t m = 0; m < enums_[i]->members.size(); ++m)
                worksheet_write_string(s, static_cast<lxw_row_t>(names_row_ + 1 + m), col, enums_[i]->members[m].c_str(), nullptr);
        }
    }

    const Program& p_;
    WorkbookFile file_;
    lxw_workbook* book_;
    lxw_format *bold_, *date_, *wrap_;
    lxw_worksheet* instructions_ = nullptr;
    std::vector<const EnumDef*> enums_;
    lxw_row_t names_row_ = 0;  // the row of the instructions sheet heading each enumeration's members (under the instructions)
};

}  // namespace

void write_template_workbook(const std::string& path, const Program& p, const std::string& created) {
    TemplateWriter(path, p, created).write();
}

}  // namespace reckon
