// --param NAME=VALUE and --param TABLE(KEY).COLUMN=VALUE: each value parsed
// as written in the language and checked as a constant of the param's (a run input's) or
// the column's type; a table cell's value replaces the ruleset's for the run, and so does the value of a param
// dated by a case input (a rule of each case) its values from dates. A setting given twice is refused.
#include "core/check/check_settings.hpp"
#include "core/base/nearest_names.hpp"

#include "core/syntax/parse.hpp"

#include <algorithm>
#include <iterator>
#include <set>

namespace reckon {

namespace {

std::string trimmed(const std::string& s) {
    auto b = s.find_first_not_of(" \t");
    auto e = s.find_last_not_of(" \t");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// The value as written, parsed and checked as a constant of `want`'s type (null on an error, in diags).
NodePtr checked_value(Program& p, Checker& checker, const ParamSetting& s, const Type& want, const std::string& what,
                      std::vector<Diagnostic>& diags) {
    auto src = std::make_shared<SourceFile>("--param " + s.name, s.value);
    p.setting_sources.push_back(src);
    ast::ExprPtr e;
    try {
        e = parse_expression(src, p.limits);
    } catch (const CompileError& err) {
        for (const auto& d : err.diagnostics()) diags.push_back(d);
        return nullptr;
    }
    NodePtr n = checker.constant(*e, want, what);
    for (auto& d : checker.take_diagnostics()) diags.push_back(std::move(d));
    return n;
}

// The row of table t that `key` (as written on the command line) names, as key_text(); a RequestError when it has none.
std::string row_named(Program& p, Checker& checker, const TableDef& t, const std::string& setting, const std::string& key) {
    auto fail = [&](const std::string& why) { throw SettingError(setting, why); };
    auto no_row = [&] {
        std::string rows;
        for (const auto& k : t.order) rows += (rows.empty() ? "" : ", ") + (t.keys.size() > 1 ? "(" + key_shown(t, k) + ")" : key_shown(t, k));
        fail("table '" + t.name + "' has no row " + key + " (its rows: " + rows + ")");
    };
    if (!t.single_key()) {  // two keys or more, or bands: the row as key_shown() writes it, spaces aside
        auto squeezed = [](const std::string& x) {
            std::string out;
            for (char c : x)
                if (c != ' ') out += c;
            return out;
        };
        for (const auto& k : t.order)
            if (squeezed(key_shown(t, k)) == squeezed(key)) return k;
        no_row();
    }
    const Type& type = t.keys.at(0).type;
    Value v;
    switch (type.kind) {
        case TypeKind::enumeration: {
            const EnumDef& e = *type.enumeration;
            std::string member = key.rfind(e.name + ".", 0) == 0 ? key.substr(e.name.size() + 1) : key;
            int m = e.member(member);
            if (m < 0) no_row();
            v = Value::member(m);
            break;
        }
        case TypeKind::text:
            if (key.empty() || key.front() != '"') {
                v = Value::text(key);
                break;
            }
            [[fallthrough]];
        case TypeKind::number:
        case TypeKind::boolean:
        case TypeKind::date:
        case TypeKind::record:
        case TypeKind::list:
        case TypeKind::grouped:
        case TypeKind::error: {
            std::vector<Diagnostic> bad;
            NodePtr n = checked_value(p, checker, {setting, key}, type, "the key of a row of table '" + t.name + "'", bad);
            if (!n || n->op != Op::constant) no_row();
            v = n->value;
            break;
        }
    }
    std::string k = key_text(v);
    if (!t.rows.count(k)) no_row();
    return k;
}

}  // namespace

std::string run_input_not_set(const Program& p, const ParamDef& d) {
    return "run input '" + d.name + "' is a " + (d.type.kind == TypeKind::list ? "list" : "record") + " (" + describe(d.type, p.units) +
           "): give it in the run data file (--run-data FILE); only a run input of one value is set for a run (declared at " +
           d.where.str() + ")";
}

CellRef find_cell(Program& p, Checker& checker, const std::string& name) {
    auto fail = [&](const std::string& why) { throw SettingError(name, why); };
    const auto open = name.find('('), close = name.rfind(')');
    if (open == std::string::npos || close == std::string::npos || close < open || name.compare(close, 2, ").") != 0 ||
        close + 2 >= name.size())
        fail("expected a param's name, or a table's cell as TABLE(KEY).COLUMN, as in unit_costs(homicide).fiscal");
    const std::string table = trimmed(name.substr(0, open)), key = trimmed(name.substr(open + 1, close - open - 1)),
                      column = trimmed(name.substr(close + 2));
    CellRef c;
    for (std::size_t i = 0; i < p.tables.size(); ++i)
        if (p.tables[i].name == table) c.table = static_cast<int>(i);
    if (c.table < 0) fail("the ruleset has no table named '" + table + "'");
    const TableDef& t = p.tables[static_cast<std::size_t>(c.table)];
    c.key = row_named(p, checker, t, name, key);
    if (!t.by_member.empty()) c.member = static_cast<int>(std::stoul(c.key.substr(1)));
    std::string columns;
    for (std::size_t f = 0; f < t.columns->fields.size(); ++f) {
        if (t.columns->fields[f].name == column) c.column = static_cast<int>(f);
        columns += (columns.empty() ? "" : ", ") + t.columns->fields[f].name;
    }
    if (c.column < 0) fail("table '" + t.name + "' has no column '" + column + "' (its columns: " + columns + ")");
    return c;
}

namespace {

// TABLE(KEY).COLUMN=VALUE: the cell found, its value checked, then set in the program's table.
void set_cell(Program& p, Checker& checker, const ParamSetting& s, std::vector<Diagnostic>& diags) {
    const std::string& name = s.name;
    const CellRef c = find_cell(p, checker, name);
    TableDef& t = p.tables[static_cast<std::size_t>(c.table)];
    NodePtr n = checked_value(p, checker, s, t.columns->fields[static_cast<std::size_t>(c.column)].type, "the value of " + name, diags);
    if (!n) return;
    if (n->op != Op::constant) {
        diags.push_back({n->where, "a table cell holds a value written out, such as £200,000 or 1.06913", {}});
        return;
    }
    const std::string shown = t.name + "(" + key_shown(t, c.key) + ")." + t.columns->fields[static_cast<std::size_t>(c.column)].name;
    if (!p.cell_setting(c.table, c.key, c.column))
        p.cell_settings.push_back({c.table, c.key, c.column, t.rows.at(c.key).items()->at(static_cast<std::size_t>(c.column)), shown});
    reckon::set_cell(t, c, n->value);
}

// NAME=VALUE of a param dated by a case input, a rule of each case: its formula becomes the value, for every case.
void set_dated(Program& p, Checker& checker, const ParamSetting& s, int slot, std::vector<Diagnostic>& diags) {
    RuleDef& r = p.rules[slot];
    NodePtr n = checked_value(p, checker, s, r.type, "the value of param '" + s.name + "'", diags);
    if (!n) return;
    if (n->op != Op::constant) {
        diags.push_back({n->where, "a param with values from dates holds values written out, such as 1,607 hour/year", {}});
        return;
    }
    r.formula = std::move(n);
    if (!p.rule_set(slot)) p.rule_settings.push_back(slot);
}

// One setting: a table cell's, a param's, or a dated param's.
void check_setting(Program& p, Checker& checker, const ParamSetting& s, std::vector<Diagnostic>& diags) {
    if (s.name.find('(') != std::string::npos) return set_cell(p, checker, s, diags);
    int slot = p.param_slot(s.name);
    const int dated = p.rule_slot(s.name);
    if (slot < 0 && dated >= 0 && p.rules[dated].dated.by_input) return set_dated(p, checker, s, dated, diags);
    if (slot < 0) {
        std::vector<std::string> names;
        for (const auto& d : p.params) names.push_back(d.name);
        const std::string near = closest_name(s.name, names);
        throw SettingError(s.name, "the ruleset has no param named '" + s.name + "'" + (near.empty() ? "" : "; did you mean '" + near + "'?"));
    }
    const ParamDef& d = p.params[slot];
    if (d.run_input >= 0 && !one_value(d.type)) throw SettingError(s.name, run_input_not_set(p, d));
    NodePtr n = checked_value(p, checker, s, d.type, "the value of param '" + s.name + "'", diags);
    if (n) p.overrides.emplace_back(slot, std::move(n));
}

}  // namespace

void check_settings(Program& p, Checker& checker, const std::vector<ParamSetting>& settings, std::vector<Diagnostic>& diags,
                    std::vector<SettingProblem>& problems) {
    std::set<std::string> given;  // each setting's name without spaces: `t(k).c` and `t( k ).c` are one cell
    for (const auto& s : settings) {
        std::string bare;
        std::copy_if(s.name.begin(), s.name.end(), std::back_inserter(bare), [](char c) { return c != ' ' && c != '\t'; });
        if (!given.insert(bare).second) throw SettingError(bare, "given twice; give each param or table cell once");
        const std::size_t before = diags.size();
        check_setting(p, checker, s, diags);
        for (std::size_t i = before; i < diags.size(); ++i) problems.push_back({s.name, diags[i].message});
    }
}

}  // namespace reckon
