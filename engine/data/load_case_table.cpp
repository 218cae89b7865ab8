// The load phase for case tables (load_case_table.hpp): the schema, the headers of the case table and of
// each list table checked against the ruleset's inputs once, before any row is read. A column names an
// input by its path (a record input's field as its path and the field); a list table has the column of
// the `identified by` input and one for each field of its element; every input a case must have comes
// from a column, a list table or its default. Rows are read as cases in load_table_row.cpp.
#include "data/load_case_table.hpp"
#include "core/base/nearest_names.hpp"

#include "data/table_cells.hpp"

#include <algorithm>

namespace reckon {

using table_cells::trimmed;

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

}  // namespace reckon
