// The load phase for case tables (load_case_table.hpp): a row read as a case, against the schema its
// headers were checked to. Cells are read as a spreadsheet shows them where that is unambiguous:
// thousands separators ("1,650"), a currency's symbol in a money cell, "20%" for a plain number,
// TRUE/FALSE and yes/no; dates only as YYYY-MM-DD (or day first, when the sheet is said to write them so).
// A list input's elements come from its rows in its own table; every bad cell of a case is reported.
#include "core/base/nearest_names.hpp"
#include "data/load_case_table.hpp"

#include "data/table_cells.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace reckon {

using table_cells::cell_offset;
using table_cells::cell_text;
using table_cells::trimmed;

namespace {

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// A whole number of up to six digits: what a spreadsheet's date serial looks like.
bool serial_like(const std::string& s) {
    return !s.empty() && s.size() <= 6 && s.find_first_not_of("0123456789") == std::string::npos;
}

std::string file_stem(const TableRow& row) {
    std::string path = row.source ? row.source->path() : "";
    if (auto sheet = path.find('['); sheet != std::string::npos && path.back() == ']') path = path.substr(0, sheet);
    return std::filesystem::path(path).stem().string();
}

}  // namespace

std::optional<Value> TableSchema::cell(const TableRow& header, const TableRow& row, std::size_t column, const Type& type,
                                       const Bounds& bounds, std::vector<Diagnostic>& errors) const {
    const std::string text = cell_text(row, column);
    auto fail = [&](const std::string& why) {  // the cell's name is made only for a message
        errors.push_back({Location{row.source.get(), cell_offset(row, column), 1},
                          "column " + trimmed(header.cells[column].text) + " (" + CellTable::cell_name(column, row.number) + "): " + why, {}});
        return std::nullopt;
    };
    if (text.empty()) {
        if (type.optional) return Value{};
        return fail("a value is required");
    }
    switch (type.kind) {
        case TypeKind::number: {
            if (text.size() > p_.limits.digits) return fail("a number of more than " + std::to_string(p_.limits.digits) + " digits");
            auto x = p_.units.written_number(type.unit, text);
            if (!x) {
                std::string u = p_.units.name(type.unit);
                return fail("'" + text + "' is not a number" + (u.empty() ? "" : " (in " + u + ")"));
            }
            Number v = *x * p_.units.scale(type.unit);
            if (auto why = out_of_bounds(p_.units, type, bounds, v, text)) return fail(*why);
            return Value::number(std::move(v));
        }
        case TypeKind::boolean: {
            const std::string b = lower(text);
            if (b == "true" || b == "yes") return Value::boolean(true);
            if (b == "false" || b == "no") return Value::boolean(false);
            return fail("'" + text + "' is not TRUE or FALSE (yes or no)");
        }
        case TypeKind::text: return Value::text(text);
        case TypeKind::date: {
            if (auto d = date_of(text)) return Value::date(*d);
            if (serial_like(text))
                return fail("'" + text + "' looks like a spreadsheet's serial number for a date: format the column as a date, YYYY-MM-DD");
            if (options_.day_first_dates) return fail("'" + text + "' is not a date (DD/MM/YYYY, or YYYY-MM-DD)");
            if (text.find('/') != std::string::npos)
                return fail("'" + text + "' is not a date (YYYY-MM-DD); a sheet that writes dates day first is read with --dates day-first");
            return fail("'" + text + "' is not a date (YYYY-MM-DD)");
        }
        case TypeKind::enumeration: {
            int m = type.enumeration->member(text);
            if (m >= 0) return Value::member(m);
            std::string near = closest_name(text, type.enumeration->members);
            return fail("'" + text + "' is not one of " + type.enumeration->name + (near.empty() ? "" : " (did you mean '" + near + "'?)"));
        }
        case TypeKind::list:
        case TypeKind::record:
        case TypeKind::grouped:
        case TypeKind::error: break;
    }
    return fail("this input cannot be read from one cell");
}

// A value in a column with no name would be dropped: it is an error instead.
void TableSchema::past_header(const TableRow& header, const TableRow& row, std::vector<Diagnostic>& errors) {
    for (std::size_t k = header.cells.size(); k < row.cells.size(); ++k)
        if (!trimmed(row.cells[k].text).empty()) {
            const std::size_t column = row.past_header ? row.past_header : k;
            errors.push_back({Location{row.source.get(), row.cells[k].offset, 1},
                              "cell " + CellTable::cell_name(column, row.number) + " has a value, and its column has no name in row " +
                                  std::to_string(header.number),
                              {}});
            return;
        }
}

std::optional<Value> TableSchema::element(const List& l, const TableRow& row, std::vector<Diagnostic>& errors) const {
    if (!row.problems.empty()) {
        errors.insert(errors.end(), row.problems.begin(), row.problems.end());
        return std::nullopt;
    }
    past_header(l.header, row, errors);
    const InputDef& in = p_.inputs[l.input];
    const Type& el = *in.type.element;
    if (el.kind != TypeKind::record) return cell(l.header, row, static_cast<std::size_t>(l.field_columns[0]), el, in.bounds, errors);
    std::vector<Value> fields;
    bool ok = true;
    for (std::size_t f = 0; f < el.record->fields.size(); ++f) {
        const FieldDef& fd = el.record->fields[f];
        auto v = cell(l.header, row, static_cast<std::size_t>(l.field_columns[f]), fd.type, fd.bounds, errors);
        ok = ok && v.has_value();
        fields.push_back(v.value_or(Value{}));
    }
    if (!ok) return std::nullopt;
    return Value::list(std::move(fields));
}

Case TableSchema::load(const TableRow& row, const std::vector<std::vector<const TableRow*>>& lists, std::vector<Diagnostic> errors) const {
    if (!row.problems.empty()) {
        errors.insert(errors.begin(), row.problems.begin(), row.problems.end());
        throw CompileError(std::move(errors));
    }
    Case c;
    c.source = row.source;
    c.inputs.assign(p_.inputs.size(), Value{});
    c.input_at.assign(p_.inputs.size(), 0);
    c.input_key.assign(p_.inputs.size(), "");
    c.input_cell.assign(p_.inputs.size(), "");
    std::vector<Diagnostic> found;
    std::map<int, std::vector<Value>> records;  // input -> its fields, as columns give them
    for (std::size_t k = 0; k < columns_.size(); ++k) {
        const Column& col = columns_[k];
        if (col.input < 0) continue;  // a column kept for people (--ignore-column)
        const InputDef& in = p_.inputs[col.input];
        const Type& type = col.field < 0 ? in.type : in.type.record->fields[col.field].type;
        const Bounds& bounds = col.field < 0 ? in.bounds : in.type.record->fields[col.field].bounds;
        const bool defaulted = col.field < 0 && in.fallback;
        const bool empty = cell_text(row, k).empty();
        std::optional<Value> v = empty && defaulted ? std::optional<Value>(in.fallback->value) : cell(header_, row, k, type, bounds, found);
        if (!v) continue;
        if (col.field < 0) {
            c.inputs[col.input] = std::move(*v);
        } else {
            records[col.input].resize(in.type.record->fields.size());
            records[col.input][static_cast<std::size_t>(col.field)] = std::move(*v);
        }
        c.input_at[col.input] = cell_offset(row, k) + 1;
        c.input_key[col.input] = trimmed(header_.cells[k].text);
        c.input_cell[col.input] = "row " + std::to_string(row.number) + ", column " + c.input_key[col.input] + ", " +
                                  CellTable::cell_name(k, row.number) + (col.field < 0 ? "" : " and the other fields' columns");
    }
    past_header(header_, row, found);
    for (auto& [input, fields] : records) c.inputs[input] = Value::list(std::move(fields));
    for (std::size_t k = 0; k < p_.inputs.size(); ++k)
        if (c.inputs[k].kind == Value::Kind::none && p_.inputs[k].fallback) c.inputs[k] = p_.inputs[k].fallback->value;
    for (std::size_t k = 0; k < lists_.size(); ++k) {
        const List& l = lists_[k];
        const std::vector<const TableRow*> none;
        const auto& rows = k < lists.size() ? lists[k] : none;
        if (rows.empty()) {  // no rows: the list's default, or else no elements
            if (c.inputs[l.input].kind == Value::Kind::none) c.inputs[l.input] = Value::list({});
            continue;
        }
        std::vector<Value> items;
        for (const TableRow* r : rows)
            if (auto v = element(l, *r, found)) items.push_back(std::move(*v));
        c.inputs[l.input] = Value::list(std::move(items));
        std::string path = rows.front()->source ? rows.front()->source->path() : "";
        std::string shown = std::filesystem::path(path).filename().string() + " row" + (rows.size() > 1 ? "s" : "");
        for (std::size_t r = 0; r < rows.size() && r < 12; ++r) shown += (r ? ", " : " ") + std::to_string(rows[r]->number);
        if (rows.size() > 12) shown += ", …";
        c.input_cell[l.input] = shown;  // input_at stays 0: it points into the case's row, and these rows are elsewhere
    }
    errors.insert(errors.begin(), found.begin(), found.end());
    if (!errors.empty()) throw CompileError(std::move(errors));
    std::string id = id_of(row);
    c.id = !id.empty() ? id : row_name(row);
    return c;
}

std::optional<std::size_t> TableSchema::id_column() const {
    for (std::size_t k = 0; k < columns_.size(); ++k)
        if (p_.case_id_input >= 0 && columns_[k].input == p_.case_id_input) return k;
    return std::nullopt;
}

std::string TableSchema::id_of(const TableRow& row) const {
    auto k = id_column();
    return k ? cell_text(row, *k) : "";
}

std::string TableSchema::list_id_of(std::size_t k, const TableRow& row) const {
    const int c = lists_.at(k).id_column;
    return c < 0 ? "" : cell_text(row, static_cast<std::size_t>(c));
}

Diagnostic TableSchema::unmatched(std::size_t k, const TableRow& row) const {
    const std::size_t c = static_cast<std::size_t>(std::max(lists_.at(k).id_column, 0));
    if (!row.problems.empty()) return row.problems.front();
    return {Location{row.source.get(), cell_offset(row, c), 1},
            "row " + std::to_string(row.number) + " (" + CellTable::cell_name(c, row.number) + "): no case is identified by '" +
                list_id_of(k, row) + "'",
            {}};
}

std::string TableSchema::row_name(const TableRow& row) const { return file_stem(row) + "#" + std::to_string(row.number); }

// YYYY-MM-DD always; DD/MM/YYYY only when the sheet is said to write dates day first.
std::optional<long> TableSchema::date_of(const std::string& text) const {
    if (auto d = parse_date(text)) return d;
    if (!options_.day_first_dates || text.size() != 10 || text[2] != '/' || text[5] != '/') return std::nullopt;
    return parse_date(text.substr(6, 4) + "-" + text.substr(3, 2) + "-" + text.substr(0, 2));
}

}  // namespace reckon
