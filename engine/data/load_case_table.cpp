// The load phase for case tables (load_case_table.hpp). Cells are read as
// a spreadsheet shows them where that is unambiguous: thousands separators
// ("1,650"), a currency's symbol in a money cell, "20%" for a plain number,
// TRUE/FALSE and yes/no; dates only as YYYY-MM-DD.
#include "data/load_case_table.hpp"

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

std::string cell_text(const TableRow& row, std::size_t column) { return column < row.cells.size() ? trimmed(row.cells[column].text) : ""; }

std::uint32_t cell_offset(const TableRow& row, std::size_t column) { return column < row.cells.size() ? row.cells[column].offset : row.offset; }

std::string file_stem(const TableRow& row) {
    std::string path = row.source ? row.source->path() : "";
    if (auto sheet = path.find('['); sheet != std::string::npos && path.back() == ']') path = path.substr(0, sheet);
    return std::filesystem::path(path).stem().string();
}

}  // namespace

int natural_compare(const std::string& a, const std::string& b) {
    std::size_t i = 0, j = 0;
    auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
    while (i < a.size() && j < b.size()) {
        if (digit(a[i]) && digit(b[j])) {
            std::size_t ie = i, je = j;
            while (ie < a.size() && digit(a[ie])) ++ie;
            while (je < b.size() && digit(b[je])) ++je;
            std::size_t is = i, js = j;  // leading zeros say nothing of the number
            while (is + 1 < ie && a[is] == '0') ++is;
            while (js + 1 < je && b[js] == '0') ++js;
            if (ie - is != je - js) return ie - is < je - js ? -1 : 1;
            if (int c = a.compare(is, ie - is, b, js, je - js)) return c < 0 ? -1 : 1;
            if (ie - i != je - j) return ie - i < je - j ? -1 : 1;  // N01 and N1: the same number, told apart
            i = ie;
            j = je;
        } else {
            if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]) ? -1 : 1;
            ++i;
            ++j;
        }
    }
    if (i < a.size()) return 1;
    if (j < b.size()) return -1;
    return 0;
}

// ---- the schema: headers checked once; a row read as a case

std::vector<TableSchema::Column> TableSchema::columns(std::vector<Diagnostic>& errors) const {
    std::vector<std::string> names;
    for (const auto& in : p_.inputs) {
        if (in.type.kind == TypeKind::list) continue;
        if (in.type.kind == TypeKind::record)
            for (const auto& f : in.type.record->fields) names.push_back(in.path + "." + f.name);
        else names.push_back(in.path);
    }
    std::vector<Column> out;
    for (std::size_t c = 0; c < header_.cells.size(); ++c) {
        const TableCell& h = header_.cells[c];
        const std::string name = trimmed(h.text);
        const Location at{header_.source.get(), h.offset, 1};
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
                            "--ignore-column NAME, or in the ruleset's header: sheets ignore columns \"NAME\"");
            errors.push_back({at, "column " + CellTable::cell_name(c, header_.number) + " '" + name + "' names no input of the ruleset", notes});
        }
        if (ignored && col.input >= 0)
            errors.push_back({at, "column '" + name + "' names an input, and --ignore-column leaves out only columns that name none", {}});
        for (std::size_t k = 0; k < out.size(); ++k)
            if (col.input >= 0 && out[k].input == col.input && out[k].field == col.field)
                errors.push_back({at, "column '" + name + "' is given twice", {}});
        out.push_back(col);
    }
    return out;
}

// Every input a case must have comes from a column, a list table, or its default.
void TableSchema::check_covered(std::vector<Diagnostic>& errors) const {
    const Location header{header_.source.get(), header_.offset, 1};
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

TableSchema::List TableSchema::list_of(const std::string& input, TableRow header_row, std::vector<Diagnostic>& errors) const {
    List l;
    l.header = std::move(header_row);
    const Location header{l.header.source.get(), l.header.offset, 1};
    for (std::size_t i = 0; i < p_.inputs.size(); ++i)
        if (p_.inputs[i].path == input) l.input = static_cast<int>(i);
    if (l.input < 0 || p_.inputs[l.input].type.kind != TypeKind::list) {
        errors.push_back({header, "--list " + input + ": the ruleset has no list input of that name", {}});
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
    else wanted.push_back(ast::split_path(input).back());
    const std::string id = p_.inputs[p_.case_id_input].path;
    l.field_columns.assign(wanted.size(), -1);
    for (std::size_t c = 0; c < l.header.cells.size(); ++c) {
        const std::string name = trimmed(l.header.cells[c].text);
        auto w = std::find(wanted.begin(), wanted.end(), name);
        if (name == id) l.id_column = static_cast<int>(c);
        else if (w != wanted.end()) l.field_columns[static_cast<std::size_t>(w - wanted.begin())] = static_cast<int>(c);
        else {
            std::vector<std::string> known = wanted;
            known.push_back(id);
            std::string near = closest_name(name, known);
            errors.push_back({Location{l.header.source.get(), l.header.cells[c].offset, 1},
                              "column " + CellTable::cell_name(c, l.header.number) + " '" + name + "' is not " + id + " or a field of " + input,
                              near.empty() ? std::vector<std::string>{} : std::vector<std::string>{"did you mean '" + near + "'?"}});
        }
    }
    if (l.id_column < 0) errors.push_back({header, "the table of " + input + " has no column " + id + " naming each row's case", {}});
    for (std::size_t f = 0; f < wanted.size(); ++f)
        if (l.field_columns[f] < 0) errors.push_back({header, "the table of " + input + " has no column " + wanted[f], {}});
    return l;
}

TableSchema::TableSchema(const Program& p, TableRow case_header, std::vector<std::pair<std::string, TableRow>> list_headers,
                         TableOptions options)
    : p_(p), options_(std::move(options)), header_(std::move(case_header)) {
    // what the ruleset says of its sheets, with what the command line says
    options_.ignored_columns.insert(options_.ignored_columns.end(), p.sheet_ignored_columns.begin(), p.sheet_ignored_columns.end());
    options_.day_first_dates = options_.day_first_dates || p.sheet_day_first_dates;
    std::vector<Diagnostic> errors;
    for (auto& problem : header_.problems) errors.push_back(problem);
    columns_ = columns(errors);
    for (auto& [input, header] : list_headers) {
        for (auto& problem : header.problems) errors.push_back(problem);
        lists_.push_back(list_of(input, std::move(header), errors));
    }
    check_covered(errors);
    if (!errors.empty()) throw CompileError(std::move(errors));
}

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

// ---- whole tables

TableSchema CaseTable::schema(const Program& p, const CellTable& cases, const std::vector<ListTable>& lists, TableOptions options) {
    std::vector<std::pair<std::string, TableRow>> headers;
    for (const auto& l : lists) headers.emplace_back(l.input, l.table.header);
    return TableSchema(p, cases.header, std::move(headers), std::move(options));
}

CaseTable::CaseTable(const Program& p, CellTable cases, std::vector<ListTable> lists, TableOptions options)
    : schema_(std::make_shared<const TableSchema>(schema(p, cases, lists, std::move(options)))), cases_(std::move(cases)) {
    for (std::size_t k = 0; k < lists.size(); ++k) {
        lists_.push_back(std::move(lists[k].table.rows));
        rows_by_id_.emplace_back();
        for (std::size_t r = 0; r < lists_[k].size(); ++r) rows_by_id_[k][schema_->list_id_of(k, lists_[k][r])].push_back(r);
    }
    for (std::size_t i = 0; i < cases_.rows.size(); ++i)
        if (std::string id = id_of(i); !id.empty()) first_row_.emplace(id, cases_.rows[i].number);
}

Case CaseTable::load(std::size_t i) const {
    const TableRow& row = cases_.rows.at(i);
    const std::string id = id_of(i);
    std::vector<std::vector<const TableRow*>> lists(lists_.size());
    for (std::size_t k = 0; k < lists_.size() && !id.empty(); ++k)
        if (auto rows = rows_by_id_[k].find(id); rows != rows_by_id_[k].end())
            for (std::size_t r : rows->second) lists[k].push_back(&lists_[k][r]);
    std::vector<Diagnostic> errors;
    if (auto first = first_row_.find(id); !id.empty() && first != first_row_.end() && first->second != row.number) {
        errors.push_back({Location{row.source.get(), cell_offset(row, schema_->id_column().value_or(0)), 1},
                          "row " + std::to_string(row.number) + ": '" + id + "' identifies row " + std::to_string(first->second) +
                              " already; each case needs an identifier of its own",
                          {}});
    }
    return schema_->load(row, lists, std::move(errors));
}

std::string CaseTable::name_of(std::size_t i) const {
    std::string id = id_of(i);
    return !id.empty() ? id : schema_->row_name(cases_.rows.at(i));
}

std::vector<Diagnostic> CaseTable::unmatched_list_rows() const {
    std::vector<std::string> ids;  // a case with no identifier matches no list row
    for (std::size_t i = 0; i < cases_.rows.size(); ++i)
        if (std::string id = id_of(i); !id.empty()) ids.push_back(std::move(id));
    std::sort(ids.begin(), ids.end());
    std::vector<Diagnostic> out;
    for (std::size_t k = 0; k < lists_.size(); ++k)
        for (std::size_t r = 0; r < lists_[k].size(); ++r) {
            const std::string id = schema_->list_id_of(k, lists_[k][r]);
            if (id.empty() || !std::binary_search(ids.begin(), ids.end(), id)) out.push_back(schema_->unmatched(k, lists_[k][r]));
        }
    return out;
}

// ---- tables joined a row at a time

bool ordered_tables(const TableSchema& schema, RowReader& cases, std::vector<std::unique_ptr<RowReader>>& lists) {
    std::optional<std::string> last;
    while (auto row = cases.next()) {
        std::string id = schema.id_of(*row);
        if (schema.list_count() > 0 && id.empty()) return false;  // a case with no identifier: joined by none
        if (!id.empty() && last && natural_compare(*last, id) >= 0) return false;
        if (!id.empty()) last = std::move(id);
    }
    for (std::size_t k = 0; k < lists.size(); ++k) {
        std::optional<std::string> previous;
        while (auto row = lists[k]->next()) {
            std::string id = schema.list_id_of(k, *row);
            if (previous && natural_compare(*previous, id) > 0) return false;
            previous = std::move(id);
        }
    }
    return true;
}

CaseStream::CaseStream(std::shared_ptr<const TableSchema> schema, std::unique_ptr<RowReader> cases,
                       std::vector<std::unique_ptr<RowReader>> lists)
    : schema_(std::move(schema)), cases_(std::move(cases)), lists_(std::move(lists)) {
    for (auto& l : lists_) lookahead_.push_back(l->next());
}

std::optional<CaseRows> CaseStream::next() {
    std::optional<TableRow> row = cases_->next();
    CaseRows out;
    out.lists.resize(lists_.size());
    const std::string id = row ? schema_->id_of(*row) : "";
    for (std::size_t k = 0; k < lists_.size(); ++k) {
        auto& ahead = lookahead_[k];
        while (ahead) {
            const std::string lid = schema_->list_id_of(k, *ahead);
            const int order = row ? natural_compare(lid, id) : -1;  // after the last case, every row left names none
            if (order > 0) break;  // a later case's
            if (order == 0) out.lists[k].push_back(std::move(*ahead));
            else {
                unmatched_.push_back(schema_->unmatched(k, *ahead));
                unmatched_sources_.push_back(ahead->source);
            }
            ahead = lists_[k]->next();
        }
    }
    if (!row) return std::nullopt;
    out.row = std::move(*row);
    return out;
}

}  // namespace reckon
