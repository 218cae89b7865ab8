// The check of a table: its keys (enumerations, texts, numbers, or bands of a
// quantity, in check_bands.cpp), its columns, and its rows, each row's keys
// and cells written out in the columns' types, a range on a cell, rows from
// dates, and, for a table keyed by an enumeration, a row for every member.
#include "core/check/check.hpp"

#include <algorithm>
#include <set>

namespace reckon {

// One table's rows being checked: what the steps of check_table() share.
struct Checker::TableRows {
    const ast::Decl& d;
    int i;  // the table's slot
    TableDef& t;
    std::size_t nkeys;
    bool by_member;  // keyed by one enumeration, not banded: a row for each member
    // A row in error is not also a missing row (one mistake, one error); nor, when a row's key is not a member
    // (a misspelling, most likely), is the member it was meant to be.
    std::set<std::string> in_error;
    bool key_failed = false;
};

void Checker::check_table(int i) {
    if (table_state_[i] != State::unchecked) return;
    table_state_[i] = State::checking;
    const ast::Decl& d = *table_decls_[i];
    TableDef& t = p_.tables[i];
    const bool keys_ok = check_table_keys(d, t);
    Type columns = type_of(*d.columns, nullptr);
    t.columns = columns.record;
    const std::size_t nkeys = t.keys.size();
    TableRows rows{d, i, t, nkeys, nkeys == 1 && !t.keys[0].banded && t.keys[0].type.kind == TypeKind::enumeration, {}};
    if (keys_ok && t.columns)
        for (const auto& row : d.rows) check_table_row(rows, row);
    for (std::size_t k = 0; k < nkeys; ++k)
        if (t.keys[k].banded) check_bands(d, t.keys[k]);
    const auto first_dated = std::find_if(d.rows.begin(), d.rows.end(), [](const ast::TableRow& r) { return r.from != nullptr; });
    if (!t.versions.empty() && dated_by(d).first.empty() && first_dated != d.rows.end())
        error(first_dated->from->where, "table '" + d.name + "' has rows from dates, and the ruleset does not say which date picks one",
              {"name it in the ruleset's header: dated by costing_date (a param or a case input that is a date)"});
    if (rows.by_member && keys_ok) check_every_member(rows);
    table_state_[i] = State::done;
}

// The table's keys, each of a type a table can be keyed by; false when one is not (said here, or at its type).
bool Checker::check_table_keys(const ast::Decl& d, TableDef& t) {
    bool keys_ok = true;
    for (std::size_t k = 0; k < d.keys.size(); ++k) {
        TableKey key;
        key.banded = d.key_banded[k];
        key.type = type_of(*d.keys[k], nullptr);
        if (key.banded && !key.type.is_error() && key.type.kind != TypeKind::number) {
            error(d.keys[k]->where, "a banded table's key is a number or a quantity with a unit (bands of hour), not " + describe(key.type));
            key.type = Type{};
        } else if (!key.banded && !key.type.is_error() && key.type.kind != TypeKind::enumeration &&
                   key.type.kind != TypeKind::text && key.type.kind != TypeKind::number) {
            error(d.keys[k]->where, "a table is keyed by an enumeration, text, a number or bands of a quantity, not " + describe(key.type));
            key.type = Type{};
        }
        keys_ok = keys_ok && !key.type.is_error();
        t.keys.push_back(std::move(key));
    }
    return keys_ok;
}

// One row: its keys, its cells, the date it takes effect from; added to the table when all are right.
void Checker::check_table_row(TableRows& rows, const ast::TableRow& row) {
    TableDef& t = rows.t;
    std::vector<std::size_t> bands_before;  // a row in error adds no band (its bands would be reported as gaps or overlaps too)
    for (const auto& k : t.keys) bands_before.push_back(k.bands.size());
    auto drop_bands = [&] {
        for (std::size_t k = 0; k < rows.nkeys; ++k) t.keys[k].bands.resize(bands_before[k]);
    };
    std::optional<std::string> kt = row_key_text(rows, row);
    if (!kt || !values_unbanded(rows, row)) {
        drop_bands();
        return;
    }
    std::vector<Value> cells;
    std::vector<UncertainCell> ranged;  // the row's cells with a range
    if (!row_fills_columns(rows, row) || !row_cells(rows, row, *kt, cells, ranged)) {
        rows.in_error.insert(*kt);
        drop_bands();
        return;
    }
    if (!row_version(rows, row, *kt)) return;
    add_row(rows, row, *kt, std::move(cells), std::move(ranged));
}

// The text of a row's keys, each key_text() or a band's text, joined; nullopt after an error in one.
std::optional<std::string> Checker::row_key_text(TableRows& rows, const ast::TableRow& row) {
    std::string kt;
    bool row_ok = true;
    for (std::size_t k = 0; k < rows.nkeys && k < row.entries.size(); ++k) {
        auto part = row_key(rows.d, rows.t.keys[k], row.entries[k]);
        if (!part) {
            row_ok = false;
            rows.key_failed = true;
            continue;
        }
        kt += (k ? std::string(1, key_separator) : "") + *part;
    }
    if (!row_ok) return std::nullopt;
    return kt;
}

// After the keys, no band: the cells hold values.
bool Checker::values_unbanded(const TableRows& rows, const ast::TableRow& row) {
    const std::size_t nkeys = rows.nkeys;
    bool row_ok = true;
    for (std::size_t k = nkeys; k < row.entries.size(); ++k)
        if (row.entries[k].band) {
            error(row.entries[k].where, "a band is a key, and table '" + rows.d.name + "' has " + std::to_string(nkeys) +
                                            " key" + (nkeys == 1 ? "" : "s") + ": the cells after the keys hold values, written out (as £120 or 1.5)");
            row_ok = false;
        }
    return row_ok;
}

// A value for each column after the keys, no more and no fewer.
bool Checker::row_fills_columns(const TableRows& rows, const ast::TableRow& row) {
    const std::size_t nkeys = rows.nkeys;
    const TableDef& t = rows.t;
    const std::size_t values = row.entries.size() > nkeys ? row.entries.size() - nkeys : 0;
    if (row.entries.size() < nkeys || values != t.columns->fields.size()) {
        std::string all;
        for (const auto& f : t.columns->fields) all += (all.empty() ? "" : ", ") + f.name;
        error(row.where, "this row has " + std::to_string(values) + " value" + (values == 1 ? "" : "s") +
                             (nkeys == 1 ? "" : " after its " + std::to_string(nkeys) + " keys") + " but table '" + rows.d.name + "' has " +
                             std::to_string(t.columns->fields.size()) + " column" + (t.columns->fields.size() == 1 ? "" : "s") +
                             " (" + all + ")");
        return false;
    }
    return true;
}

// The row's cells, each a value written out of its column's type, to `cells`; those with a range, to `ranged`.
// False after an error in one (or when a column's type is in error, and said so).
bool Checker::row_cells(const TableRows& rows, const ast::TableRow& row, const std::string& kt, std::vector<Value>& cells,
                        std::vector<UncertainCell>& ranged) {
    const ast::Decl& d = rows.d;
    const TableDef& t = rows.t;
    const std::size_t values = row.entries.size() - rows.nkeys;
    bool ok = true;
    for (std::size_t c = 0; c < values; ++c) {
        const FieldDef& f = t.columns->fields[c];
        if (f.type.is_error()) {  // the column's type is in error, and said so: its cells are not checked against it
            ok = false;
            continue;
        }
        const ast::Expr& x = *row.entries[rows.nkeys + c].value;
        NodePtr n = constant(x, f.type, "column '" + f.name + "' of table '" + d.name + "'");
        if (n && n->op != Op::constant) {
            error(x.where, "a table holds values written out, such as £1,361 or 1.06913");
            n = nullptr;
        }
        if (!n) { ok = false; continue; }
        if (const auto& u = row.entries[rows.nkeys + c].uncertain) {
            const std::string who = "cell " + d.name + "(" + key_shown(t, kt) + ")." + f.name;
            if (auto range = check_uncertainty(*u, who, f.type, n.get(), &x)) {
                sources_at_value(*range, n->value, row.source.empty() ? t.cite.source : row.source);
                ranged.push_back({rows.i, kt, -1, static_cast<int>(c), who.substr(5), f.type, std::move(*range)});
            }
            else
                ok = false;
        }
        cells.push_back(n->value);
    }
    return ok;
}

// A row from a date is a version of the row of its keys: `kt` becomes the version's key. False after an error
// (a second row of these keys from that date; a row from no date among rows from dates).
bool Checker::row_version(TableRows& rows, const ast::TableRow& row, std::string& kt) {
    const ast::Decl& d = rows.d;
    TableDef& t = rows.t;
    if (row.from) {  // values from a date: a version of the row of these keys
        NodePtr from = constant(*row.from, Type::of(TypeKind::date), "the date a row takes effect from");
        if (!from) return false;
        const long day = from->value.n().convert_to<long>();
        auto& versions = t.versions[kt];
        if (std::any_of(versions.begin(), versions.end(), [&](const auto& v) { return v.first == day; })) {
            error(row.from->where, "table '" + d.name + "' already has a row for " + key_shown(t, kt) + " from " + row.from->text);
            return false;
        }
        const std::string base = kt;
        kt += date_separator + std::to_string(day);
        versions.emplace_back(day, kt);
        std::sort(versions.begin(), versions.end());
        if (t.rows.count(base))
            error(row.from->where, "table '" + d.name + "' has a row for " + key_shown(t, base) +
                                       " with no date, and this one from a date: give every row of these keys the date it takes effect from");
    } else if (t.versions.count(kt)) {
        error(row.entries[0].where, "table '" + d.name + "' has rows for " + key_shown(t, kt) +
                                        " from dates, and this one has none: give it the date it takes effect from");
        return false;
    }
    return true;
}

// The row in the table, unless it has one of these keys already; its cells with a range among the program's.
void Checker::add_row(TableRows& rows, const ast::TableRow& row, const std::string& kt, std::vector<Value> cells,
                      std::vector<UncertainCell> ranged) {
    TableDef& t = rows.t;
    if (t.rows.count(kt)) {
        error(row.entries[0].where, "table '" + rows.d.name + "' already has a row for " + key_shown(t, kt));
        return;
    }
    t.rows.emplace(kt, Value::list(std::move(cells)));
    t.order.push_back(kt);
    for (auto& r : ranged) {
        if (row.from) {
            error(row.from->where, "a row from a date holds values for a time, and a range is declared in it",
                  {"declare the range on a table whose rows are not from dates"});
            break;
        }
        if (rows.by_member) r.member = std::stoi(kt.substr(1));
        t.uncertain.push_back(static_cast<int>(p_.uncertain_cells.size()));
        p_.uncertain_cells.push_back(std::move(r));
    }
    if (!row.source.empty()) t.row_sources[kt] = row.source;
}

// A table keyed by an enumeration has a row for every member (those in error aside); when it has one of each
// and no rows from dates, its rows by member too.
void Checker::check_every_member(const TableRows& rows) {
    const ast::Decl& d = rows.d;
    TableDef& t = rows.t;
    const EnumDef& e = *t.keys[0].type.enumeration;
    std::string missing;
    for (std::size_t m = 0; m < e.members.size(); ++m) {
        const std::string k = key_text(Value::member(static_cast<int>(m)));
        if (!t.rows.count(k) && !t.versions.count(k) && !rows.in_error.count(k)) missing += (missing.empty() ? "" : ", ") + e.members[m];
    }
    if (!missing.empty() && !rows.key_failed)
        error(d.name_where, "table '" + d.name + "' has no row for " + missing,
              {"a table keyed by " + e.name + " needs a row for every member"});
    if (t.rows.size() == e.members.size() && t.versions.empty())  // whole: a value for every member
        for (std::size_t m = 0; m < e.members.size(); ++m)
            t.by_member.push_back(t.rows.at(key_text(Value::member(static_cast<int>(m)))));
}

// One key of a row, as key_text() or a band's text; nullopt after an error.
std::optional<std::string> Checker::row_key(const ast::Decl& d, TableKey& key, const ast::RowEntry& entry) {
    if (key.banded) return band_key(d, key, entry);
    if (entry.band) {
        error(entry.where, "table '" + d.name + "' is keyed by " + describe(key.type) + ", not by bands: 'bands of' before the key's type makes it banded");
        return std::nullopt;
    }
    const ast::Expr& k = *entry.value;
    if (key.type.kind == TypeKind::enumeration) {
        const EnumDef& e = *key.type.enumeration;
        int m = k.kind == ast::ExprKind::name ? e.member(k.text) : -1;
        if (m < 0) {
            std::string all;
            for (const auto& x : e.members) all += (all.empty() ? "" : ", ") + x;
            error(k.where, "'" + (k.kind == ast::ExprKind::name ? k.text : std::string("this")) + "' is not a member of " + e.name,
                  {"the members of " + e.name + " are: " + all});
            return std::nullopt;
        }
        return key_text(Value::member(m));
    }
    if (key.type.kind == TypeKind::text && k.kind == ast::ExprKind::name) return key_text(Value::text(k.text));
    NodePtr n = constant(k, key.type, "the key of a row of table '" + d.name + "'");
    if (!n) return std::nullopt;
    return key_text(n->value);
}

}  // namespace reckon
