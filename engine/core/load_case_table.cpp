// The load phase for case tables (load_case_table.hpp). Cells are read as
// a spreadsheet shows them where that is unambiguous: thousands separators
// ("1,650"), a currency's symbol in a money cell, "20%" for a plain number,
// TRUE/FALSE and yes/no; dates only as YYYY-MM-DD.
#include "load_case_table.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace reckon {

namespace {

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string trimmed(const std::string& s) {
    auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// A whole number of up to six digits: what a spreadsheet's date serial looks like.
bool serial_like(const std::string& s) {
    return !s.empty() && s.size() <= 6 && s.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

std::vector<CaseTable::Column> CaseTable::columns(const CellTable& t, std::vector<Diagnostic>& errors) const {
    std::vector<std::string> names;
    for (const auto& in : p_.inputs) {
        if (in.type.kind == TypeKind::list) continue;
        if (in.type.kind == TypeKind::record)
            for (const auto& f : in.type.record->fields) names.push_back(in.path + "." + f.name);
        else names.push_back(in.path);
    }
    std::vector<Column> out;
    for (std::size_t c = 0; c < t.header.cells.size(); ++c) {
        const TableCell& h = t.header.cells[c];
        const std::string name = trimmed(h.text);
        Column col;
        for (std::size_t i = 0; i < p_.inputs.size() && col.input < 0; ++i) {
            const InputDef& in = p_.inputs[i];
            if (in.type.kind == TypeKind::list) continue;
            if (in.type.kind != TypeKind::record && name == in.path) col.input = static_cast<int>(i);
            if (in.type.kind == TypeKind::record && name.rfind(in.path + ".", 0) == 0) {
                col.field = in.type.record->field(name.substr(in.path.size() + 1));
                if (col.field >= 0) col.input = static_cast<int>(i);
            }
        }
        const bool ignored = std::find(options_.ignored_columns.begin(), options_.ignored_columns.end(), name) != options_.ignored_columns.end();
        if (col.input < 0 && !ignored) {
            std::vector<std::string> notes;
            std::string near = closest_name(name, names);
            if (!near.empty()) notes.push_back("did you mean '" + near + "'?");
            notes.push_back("each column names an input by its path, as in joined or hostel.resident_weeks; a list input "
                            "comes from a table of its own (--list NAME=FILE.csv); a column kept for people is left out with "
                            "--ignore-column NAME");
            errors.push_back({Location{t.source.get(), h.offset, 1},
                              "column " + CellTable::cell_name(c, 1) + " '" + name + "' names no input of the ruleset", notes});
        }
        if (ignored && col.input >= 0)
            errors.push_back({Location{t.source.get(), h.offset, 1},
                              "column '" + name + "' names an input, and --ignore-column leaves out only columns that name none", {}});
        for (std::size_t k = 0; k < out.size(); ++k)
            if (col.input >= 0 && out[k].input == col.input && out[k].field == col.field)
                errors.push_back({Location{t.source.get(), h.offset, 1}, "column '" + name + "' is given twice", {}});
        out.push_back(col);
    }
    return out;
}

// Every input a case must have comes from a column, a list table, or its default.
void CaseTable::check_covered(std::vector<Diagnostic>& errors) const {
    const Location header{cases_.source.get(), cases_.header.offset, 1};
    for (std::size_t i = 0; i < p_.inputs.size(); ++i) {
        const InputDef& in = p_.inputs[i];
        if (in.type.optional || in.fallback) continue;
        if (in.type.kind == TypeKind::list) {
            bool given = std::any_of(lists_.begin(), lists_.end(), [&](const List& l) { return l.input == static_cast<int>(i); });
            if (!given)
                errors.push_back({header, "input '" + in.path + "' is a list: give its table with --list " + in.path + "=FILE.csv", {}});
            continue;
        }
        auto has = [&](int field) {
            return std::any_of(columns_.begin(), columns_.end(), [&](const Column& c) { return c.input == static_cast<int>(i) && c.field == field; });
        };
        if (in.type.kind != TypeKind::record) {
            if (!has(-1)) errors.push_back({header, "no column for input '" + in.path + "'", {}});
            continue;
        }
        for (std::size_t f = 0; f < in.type.record->fields.size(); ++f)
            if (!has(static_cast<int>(f)) && !in.type.record->fields[f].type.optional)
                errors.push_back({header, "no column for input '" + in.path + "." + in.type.record->fields[f].name + "'", {}});
    }
}

CaseTable::List CaseTable::list_of(ListTable lt, std::vector<Diagnostic>& errors) const {
    List l;
    l.table = std::move(lt.table);
    const Location header{l.table.source.get(), l.table.header.offset, 1};
    for (std::size_t i = 0; i < p_.inputs.size(); ++i)
        if (p_.inputs[i].path == lt.input) l.input = static_cast<int>(i);
    if (l.input < 0 || p_.inputs[l.input].type.kind != TypeKind::list) {
        errors.push_back({header, "--list " + lt.input + ": the ruleset has no list input of that name", {}});
        return l;
    }
    if (p_.case_id_input < 0) {
        errors.push_back({header, "a list table is joined to its cases by the input the ruleset is 'identified by', and this ruleset names none", {}});
        return l;
    }
    const Type& el = *p_.inputs[l.input].type.element;
    std::vector<std::string> wanted;
    if (el.kind == TypeKind::record)
        for (const auto& f : el.record->fields) wanted.push_back(f.name);
    else wanted.push_back(ast::split_path(lt.input).back());
    const std::string id = p_.inputs[p_.case_id_input].path;
    l.field_columns.assign(wanted.size(), -1);
    for (std::size_t c = 0; c < l.table.header.cells.size(); ++c) {
        const std::string name = trimmed(l.table.header.cells[c].text);
        auto w = std::find(wanted.begin(), wanted.end(), name);
        if (name == id) l.id_column = static_cast<int>(c);
        else if (w != wanted.end()) l.field_columns[static_cast<std::size_t>(w - wanted.begin())] = static_cast<int>(c);
        else {
            std::vector<std::string> known = wanted;
            known.push_back(id);
            std::string near = closest_name(name, known);
            errors.push_back({Location{l.table.source.get(), l.table.header.cells[c].offset, 1},
                              "column " + CellTable::cell_name(c, 1) + " '" + name + "' is not " + id + " or a field of " + lt.input,
                              near.empty() ? std::vector<std::string>{} : std::vector<std::string>{"did you mean '" + near + "'?"}});
        }
    }
    if (l.id_column < 0) errors.push_back({header, "the table of " + lt.input + " has no column " + id + " naming each row's case", {}});
    for (std::size_t f = 0; f < wanted.size(); ++f)
        if (l.field_columns[f] < 0) errors.push_back({header, "the table of " + lt.input + " has no column " + wanted[f], {}});
    for (std::size_t r = 0; r < l.table.rows.size() && l.id_column >= 0; ++r) {
        const auto& cells = l.table.rows[r].cells;
        const std::size_t c = static_cast<std::size_t>(l.id_column);
        l.rows[c < cells.size() ? trimmed(cells[c].text) : ""].push_back(r);
    }
    return l;
}

CaseTable::CaseTable(const Program& p, CellTable cases, std::vector<ListTable> lists, TableOptions options)
    : p_(p), options_(std::move(options)), cases_(std::move(cases)) {
    std::vector<Diagnostic> errors;
    columns_ = columns(cases_, errors);
    for (auto& lt : lists) lists_.push_back(list_of(std::move(lt), errors));
    check_covered(errors);
    if (!errors.empty()) throw CompileError(std::move(errors));
    for (std::size_t i = 0; i < cases_.rows.size(); ++i)
        if (std::string id = id_of(i); !id.empty()) first_row_.emplace(id, cases_.rows[i].number);
}

std::optional<Value> CaseTable::cell(const CellTable& t, const TableRow& row, std::size_t column, const Type& type,
                                     const Bounds& bounds, std::vector<Diagnostic>& errors) const {
    const std::string text = column < row.cells.size() ? trimmed(row.cells[column].text) : "";
    const std::uint32_t at = column < row.cells.size() ? row.cells[column].offset : row.offset;
    const std::string where = "column " + trimmed(t.header.cells[column].text) + " (" + CellTable::cell_name(column, row.number) + ")";
    auto fail = [&](const std::string& why) {
        errors.push_back({Location{t.source.get(), at, 1}, where + ": " + why, {}});
        return std::nullopt;
    };
    if (text.empty()) {
        if (type.optional) return Value{};
        return fail("a value is required");
    }
    switch (type.kind) {
        case TypeKind::number: {
            std::string digits = text;
            Number scale = 1;
            if (auto money = p_.units.money_shape(type.unit); money && digits.rfind(money->symbol, 0) == 0)
                digits = digits.substr(money->symbol.size());
            if (type.unit.dimensionless_syntax() && digits.size() > 1 && digits.back() == '%') {
                digits.pop_back();
                scale = Number::ratio(1, 100);
            }
            if (digits.size() > p_.limits.digits) return fail("a number of more than " + std::to_string(p_.limits.digits) + " digits");
            auto x = parse_decimal(digits, true);
            if (!x) {
                std::string u = p_.units.name(type.unit);
                return fail("'" + text + "' is not a number" + (u.empty() ? "" : " (in " + u + ")"));
            }
            Number v = *x * scale * p_.units.scale(type.unit);
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
void CaseTable::past_header(const CellTable& t, const TableRow& row, std::vector<Diagnostic>& errors) {
    for (std::size_t k = t.header.cells.size(); k < row.cells.size(); ++k)
        if (!trimmed(row.cells[k].text).empty()) {
            const std::size_t column = row.past_header ? row.past_header : k;
            errors.push_back({Location{t.source.get(), row.cells[k].offset, 1},
                              "cell " + CellTable::cell_name(column, row.number) + " has a value, and its column has no name in row " +
                                  std::to_string(t.header.number),
                              {}});
            return;
        }
}

std::optional<Value> CaseTable::element(const List& l, const TableRow& row, std::vector<Diagnostic>& errors) const {
    past_header(l.table, row, errors);
    const InputDef& in = p_.inputs[l.input];
    const Type& el = *in.type.element;
    if (el.kind != TypeKind::record) return cell(l.table, row, static_cast<std::size_t>(l.field_columns[0]), el, in.bounds, errors);
    std::vector<Value> fields;
    bool ok = true;
    for (std::size_t f = 0; f < el.record->fields.size(); ++f) {
        const FieldDef& fd = el.record->fields[f];
        auto v = cell(l.table, row, static_cast<std::size_t>(l.field_columns[f]), fd.type, fd.bounds, errors);
        ok = ok && v.has_value();
        fields.push_back(v.value_or(Value{}));
    }
    if (!ok) return std::nullopt;
    return Value::list(std::move(fields));
}

Case CaseTable::load(std::size_t i) const {
    const TableRow& row = cases_.rows.at(i);
    std::vector<Diagnostic> errors;
    Case c;
    c.source = cases_.source;
    c.inputs.assign(p_.inputs.size(), Value{});
    c.input_at.assign(p_.inputs.size(), 0);
    c.input_key.assign(p_.inputs.size(), "");
    c.input_cell.assign(p_.inputs.size(), "");
    std::map<int, std::vector<Value>> records;  // input -> its fields, as columns give them
    for (std::size_t k = 0; k < columns_.size(); ++k) {
        const Column& col = columns_[k];
        if (col.input < 0) continue;  // a column kept for people (--ignore-column)
        const InputDef& in = p_.inputs[col.input];
        const Type& type = col.field < 0 ? in.type : in.type.record->fields[col.field].type;
        const Bounds& bounds = col.field < 0 ? in.bounds : in.type.record->fields[col.field].bounds;
        const bool defaulted = col.field < 0 && in.fallback;
        const bool empty = k >= row.cells.size() || trimmed(row.cells[k].text).empty();
        std::optional<Value> v = empty && defaulted ? std::optional<Value>(in.fallback->value) : cell(cases_, row, k, type, bounds, errors);
        if (!v) continue;
        if (col.field < 0) {
            c.inputs[col.input] = std::move(*v);
        } else {
            records[col.input].resize(in.type.record->fields.size());
            records[col.input][static_cast<std::size_t>(col.field)] = std::move(*v);
        }
        c.input_at[col.input] = (k < row.cells.size() ? row.cells[k].offset : row.offset) + 1;
        c.input_key[col.input] = trimmed(cases_.header.cells[k].text);
        c.input_cell[col.input] = "row " + std::to_string(row.number) + ", column " + c.input_key[col.input] + ", " +
                                  CellTable::cell_name(k, row.number) + (col.field < 0 ? "" : " and the other fields' columns");
    }
    past_header(cases_, row, errors);
    for (auto& [input, fields] : records) c.inputs[input] = Value::list(std::move(fields));
    for (std::size_t k = 0; k < p_.inputs.size(); ++k)
        if (c.inputs[k].kind == Value::Kind::none && p_.inputs[k].fallback) c.inputs[k] = p_.inputs[k].fallback->value;
    std::string id = p_.case_id_input >= 0 && c.inputs[p_.case_id_input].kind == Value::Kind::text ? *c.inputs[p_.case_id_input].s() : "";
    for (const List& l : lists_) {
        auto rows = l.rows.find(id);
        if (rows == l.rows.end() || id.empty()) {  // no rows: the list's default, or else no elements
            if (c.inputs[l.input].kind == Value::Kind::none) c.inputs[l.input] = Value::list({});
            continue;
        }
        std::vector<Value> items;
        for (std::size_t r : rows->second)
            if (auto v = element(l, l.table.rows[r], errors)) items.push_back(std::move(*v));
        c.inputs[l.input] = Value::list(std::move(items));
        std::string shown = std::filesystem::path(l.table.source->path()).filename().string() + " row" + (rows->second.size() > 1 ? "s" : "");
        for (std::size_t k = 0; k < rows->second.size() && k < 12; ++k)
            shown += (k ? ", " : " ") + std::to_string(l.table.rows[rows->second[k]].number);
        if (rows->second.size() > 12) shown += ", …";
        c.input_cell[l.input] = shown;  // input_at stays 0: it points into the case table, and these rows are in another
    }
    if (auto first = first_row_.find(id); !id.empty() && first != first_row_.end() && first->second != row.number) {
        const std::uint32_t at = c.input_at[p_.case_id_input] ? c.input_at[p_.case_id_input] - 1 : row.offset;
        errors.push_back({Location{cases_.source.get(), at, 1},
                          "row " + std::to_string(row.number) + ": '" + id + "' identifies row " + std::to_string(first->second) +
                              " already; each case needs an identifier of its own",
                          {}});
    }
    if (!errors.empty()) throw CompileError(std::move(errors));
    c.id = !id.empty() ? id : std::filesystem::path(cases_.source->path()).stem().string() + "#" + std::to_string(row.number);
    return c;
}

// YYYY-MM-DD always; DD/MM/YYYY only when the sheet is said to write dates day first.
std::optional<long> CaseTable::date_of(const std::string& text) const {
    if (auto d = parse_date(text)) return d;
    if (!options_.day_first_dates || text.size() != 10 || text[2] != '/' || text[5] != '/') return std::nullopt;
    return parse_date(text.substr(6, 4) + "-" + text.substr(3, 2) + "-" + text.substr(0, 2));
}

std::string CaseTable::id_of(std::size_t i) const {
    const TableRow& row = cases_.rows.at(i);
    for (std::size_t k = 0; k < columns_.size() && k < row.cells.size(); ++k)
        if (p_.case_id_input >= 0 && columns_[k].input == p_.case_id_input) return trimmed(row.cells[k].text);
    return "";
}

std::vector<Diagnostic> CaseTable::unmatched_list_rows() const {
    std::vector<std::string> ids;  // a case with no identifier matches no list row
    for (std::size_t i = 0; i < cases_.rows.size(); ++i)
        if (std::string id = id_of(i); !id.empty()) ids.push_back(std::move(id));
    std::sort(ids.begin(), ids.end());
    std::vector<Diagnostic> out;
    for (const List& l : lists_) {
        std::vector<Diagnostic> mine;
        for (const auto& [id, rows] : l.rows)
            if (!std::binary_search(ids.begin(), ids.end(), id))
                for (std::size_t r : rows) {
                    const TableRow& row = l.table.rows[r];
                    const std::size_t c = static_cast<std::size_t>(l.id_column);
                    std::uint32_t at = c < row.cells.size() ? row.cells[c].offset : row.offset;
                    mine.push_back({Location{l.table.source.get(), at, 1},
                                    "row " + std::to_string(row.number) + " (" + CellTable::cell_name(c, row.number) +
                                        "): no case is identified by '" + id + "'",
                                    {}});
                }
        std::sort(mine.begin(), mine.end(), [](const Diagnostic& a, const Diagnostic& b) { return a.where.offset < b.where.offset; });
        out.insert(out.end(), mine.begin(), mine.end());
    }
    return out;
}

}  // namespace reckon
