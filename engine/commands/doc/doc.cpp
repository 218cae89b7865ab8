// `reckon doc`: the methodology appendix in Markdown, section by section: the heading, the params (and the
// ranges that sensitivity varies), the tables, the case schema, the rules and outputs (of a case, then of the
// cohort), the functions. Every value and formula is the one the computation uses.
#include "commands/doc/doc.hpp"
#include "commands/present/html.hpp"

#include "core/eval/eval.hpp"
#include "commands/explain/explain.hpp"
#include "commands/present/present.hpp"

#include <optional>
#include <utility>

namespace reckon {
namespace {

// Text safe in a Markdown table cell.
std::string cell(std::string s) {
    std::string out;
    for (char c : s) out += c == '|' ? std::string("\\|") : c == '\n' ? std::string(" ") : std::string(1, c);
    return out;
}

std::string code(const std::string& s) { return s.empty() ? "" : "`" + cell(s) + "`"; }

// Each value from a date with its period and its own source, the one in effect on `day` marked.
std::string dated_text(const DatedValues& dv, const Value& day) {
    std::string out;
    const int used = dv.on(day);
    for (std::size_t k = 0; k < dv.values.size(); ++k)
        out += (out.empty() ? "" : "; ") + dv.values[k].text + " " + dv.period(k) +
               (dv.values[k].source.empty() ? "" : " (source: " + dv.values[k].source + ")") + (static_cast<int>(k) == used ? ", used here" : "");
    return out + " — the value in effect on " + dv.by;
}

// The title, the description and the sources cited, and the case whose values are worked.
std::string heading_markdown(const Program& p, const Case* c) {
    std::string out = "# " + p.name + (p.version.empty() ? "" : ", version " + p.version) + "\n\n";
    if (!p.description.empty()) out += p.description + "\n\n";
    for (const auto& s : p.sources_cited) out += "- Source: " + s + "\n";
    if (!p.sources_cited.empty()) out += "\n";
    if (c) out += "Worked values are for the case `" + c->id + "` (" + c->source->path() + ").\n\n";
    return out;
}

// Each param: its value in this run, its formula (or its values from dates), description and source.
std::string params_markdown(const Program& p, const std::vector<Value>& params) {
    std::string out = "## Parameters\n\n| param | value | formula | description | source |\n|---|---|---|---|---|\n";
    for (std::size_t i = 0; i < p.params.size(); ++i) {
        const ParamDef& d = p.params[i];
        const std::string source = param_source(p, static_cast<int>(i), params);
        std::string formula = code(formula_text(d.syntax));
        std::string value = param_text(p, static_cast<int>(i), params[i]);
        if (!d.dated.empty() && d.dated.slot >= 0) formula = cell(dated_text(d.dated, params[d.dated.slot]));
        out += "| " + d.name + " | " + cell(value) + " | " + formula + " | " + cell(d.cite.description) + " | " + cell(source) + " |\n";
    }
    return out;
}

// Each param dated by a case input (a rule the checker made of it): its values from dates, each with its own source,
// description; set for the run, that value; with a case, the value in effect on its date.
std::string dated_params_markdown(const Program& p, std::optional<Evaluator>& ev) {
    std::string out;
    for (std::size_t i = 0; i < p.rules.size(); ++i) {
        const RuleDef& r = p.rules[i];
        if (r.dated.empty() || !r.dated.by_input) continue;
        if (out.empty())
            out = "\n### Parameters dated by a case input\n\nEach value holds from its date; a case takes the one in effect on its own "
                  "date.\n\n| param | values | description |" + std::string(ev ? " for this case |\n|---|---|---|---|\n" : "\n|---|---|---|\n");
        std::string values = dated_text(r.dated, Value{}) + " (" + r.where.str() + ")";
        if (p.rule_set(static_cast<int>(i)))
            values += "; set for this run (--param " + r.name + "): " + typed_value(p, r.type, r.formula->value) + ", whatever the case's " + r.dated.by;
        out += "| " + r.name + " | " + cell(values) + " | " + cell(r.cite.description) + " |";
        if (ev) out += " " + cell(typed_value(p, r.type, ev->rule(static_cast<int>(i)))) + " |";
        out += "\n";
    }
    return out;
}

// What reckon sensitivity varies: each param's and table cell's range, with the sources of its ends.
std::string ranges_markdown(const Program& p) {
    std::vector<std::pair<std::string, const Uncertain*>> ranged;
    for (const auto& d : p.params)
        if (d.uncertain) ranged.emplace_back(d.name, &*d.uncertain);
    for (const auto& c : p.uncertain_cells) ranged.emplace_back(c.name, &c.range);
    if (ranged.empty()) return "";
    std::string out = "\n### Ranges\n\nThe values that `reckon sensitivity` varies, each end of each range with its source.\n\n"
                      "| value | low | high | distribution | source of the low end | source of the high end |\n|---|---|---|---|---|---|\n";
    for (const auto& [name, u] : ranged)
        out += "| " + cell(name) + " | " + cell(u->low_text) + " | " + cell(u->high_text) + " | " +
               cell(u->distribution == Distribution::none ? "" : std::string(distribution_name(u->distribution)) + (u->sd_text.empty() ? "" : ", sd " + u->sd_text)) +
               " | " + cell(u->low_source) + " | " + cell(u->high_source) + " |\n";
    return out;
}

// A table's head: a column for each key, each of its columns, and, when rows have sources of their own, a source.
std::string table_head(const Program& p, const TableDef& t) {
    std::string out = "|";
    std::string rule = "|";
    for (const auto& k : t.keys) {
        out += " " + cell(t.single_key() ? "key" : k.banded ? "bands of " + describe(k.type, p.units) : k.type.kind == TypeKind::enumeration ? k.type.enumeration->name : "key") + " |";
        rule += "---|";
    }
    for (const auto& f : t.columns->fields) {
        out += " " + f.name + " |";
        rule += "---|";
    }
    if (!t.row_sources.empty()) {
        out += " source |";
        rule += "---|";
    }
    return out + "\n" + rule + "\n";
}

// A row of table `ti`: its key, each cell (noting a cell set for this run), and its source.
std::string table_row(const Program& p, std::size_t ti, const std::string& k) {
    const TableDef& t = p.tables[ti];
    const Value& row = t.rows.at(k);
    std::string out = "|";
    for (const auto& part : key_parts_shown(t, k)) out += " " + cell(part) + " |";
    for (std::size_t f = 0; f < t.columns->fields.size(); ++f) {
        const Type& type = t.columns->fields[f].type;
        const CellSetting* set = p.cell_setting(static_cast<int>(ti), k, static_cast<int>(f));
        out += " " + cell(typed_value(p, type, (*row.items())[f]) +
                          (set ? " (set for this run, --param " + set->name + "; the ruleset has " + typed_value(p, type, set->was) + ")" : "")) +
               " |";
    }
    if (!t.row_sources.empty()) {  // the row's own, or the table's, given above the table
        const auto own = t.row_sources.find(k);
        out += " " + cell(own == t.row_sources.end() ? "the table's source, above" : own->second) + " |";
    }
    return out + "\n";
}

std::string tables_markdown(const Program& p) {
    std::string out = p.tables.empty() ? "" : "\n## Tables\n";
    for (std::size_t ti = 0; ti < p.tables.size(); ++ti) {
        const TableDef& t = p.tables[ti];
        out += "\n### " + t.name + "\n\n";
        if (!t.cite.description.empty()) out += t.cite.description + "\n\n";
        if (!t.cite.source.empty()) out += "Source: " + t.cite.source + "\n\n";
        out += table_head(p, t);
        for (const auto& k : t.order) out += table_row(p, ti, k);
    }
    return out;
}

// An input's declared bounds, in its own unit: "at least 0 hour", "0 hour to 24 hour"; "" for none.
std::string bounds_text(const Program& p, const InputDef& in) {
    const auto shown = [&](const Number& n) { return typed_value(p, in.type, in.type.kind == TypeKind::date ? Value::date(n.convert_to<long>()) : Value::number(n)); };
    const Bounds& b = in.bounds;
    if (b.min && b.max) return shown(*b.min) + " to " + shown(*b.max);
    if (b.min) return "at least " + shown(*b.min);
    if (b.max) return "at most " + shown(*b.max);
    return "";
}

// The case schema: each input's type, bounds and description, and, for a case, its value; then what every case must
// meet (`require`).
std::string case_markdown(const Program& p, const Case* c) {
    std::string out = "\n## The case\n\n| input | type | bounds | description |" + std::string(c ? " value |\n|---|---|---|---|---|\n" : "\n|---|---|---|---|\n");
    for (std::size_t i = 0; i < p.inputs.size(); ++i) {
        const InputDef& in = p.inputs[i];
        out += "| " + in.path + " | " + cell(describe(in.type, p.units)) + " | " + cell(bounds_text(p, in)) + " | " + cell(in.cite.description) + " |";
        if (c) out += " " + cell(c->inputs[i].kind == Value::Kind::none ? "not given" : typed_value(p, in.type, c->inputs[i])) + " |";
        out += "\n";
    }
    if (!p.requires_.empty()) out += "\nEvery case must meet these, or it fails with the message:\n\n";
    for (const auto& r : p.requires_) out += "- " + r.message + " (" + r.where.str() + ")\n";
    return out;
}

// The worked values of a figure by member as a reader reads them: by one enumeration, a row for each member; by two,
// a grid, the first enumeration's members down and the second's across (the first changing slowest, as the figure
// holds them); each member by its label. By more, or a value not of the figure's shape: one line, as explain shows.
std::string worked_by_member(const Program& p, const RuleDef& r, const Value& v) {
    const EnumDef& by = *r.by;
    if (v.kind != Value::Kind::list || v.items()->size() != by.members.size() || by.factors.size() > 2)
        return "\nWorked value: **" + display_by_member(p, r, v) + "**\n";
    const auto& items = *v.items();
    auto value = [&](std::size_t m) { return cell(display_with_unit(p, r, items[m])); };
    std::string out = "\nWorked values:\n\n";
    if (by.factors.empty()) {
        out += "| " + cell(by.name) + " | " + cell(r.label.empty() ? r.name : r.label) + " |\n|---|---|\n";
        for (std::size_t m = 0; m < items.size(); ++m) out += "| " + cell(by.shown(m)) + " | " + value(m) + " |\n";
        return out;
    }
    const EnumDef& down = *by.factors[0];
    const EnumDef& across = *by.factors[1];
    const std::size_t width = across.members.size();
    out += "| " + cell(down.name) + " ↓ " + cell(across.name) + " → |";  // as a report's grid heads it
    for (std::size_t a = 0; a < width; ++a) out += " " + cell(across.shown(a)) + " |";
    out += "\n|---|";
    for (std::size_t a = 0; a < width; ++a) out += "---|";
    out += "\n";
    for (std::size_t d = 0; d < down.members.size(); ++d) {
        out += "| " + cell(down.shown(d)) + " |";
        for (std::size_t a = 0; a < width; ++a) out += " " + value(d * width + a) + " |";
        out += "\n";
    }
    return out;
}

// The rules and outputs of a case (or, `cohort`, of the cohort): each with its description, source and formula,
// and, with an evaluator of a case, its worked value.
std::string rules_markdown(const Program& p, bool cohort, std::optional<Evaluator>& ev) {
    std::string out;
    for (std::size_t i = 0; i < p.rules.size(); ++i) {
        const RuleDef& r = p.rules[i];
        if (r.cohort != cohort || (!r.dated.empty() && r.dated.by_input)) continue;  // a dated param: under Parameters
        out += "\n### " + std::string(r.output ? "output " : "rule ") + r.name + (r.label.empty() ? "" : ": " + r.label) + "\n\n";
        if (!r.cite.description.empty()) out += r.cite.description + "\n\n";
        if (!r.cite.source.empty()) out += "Source: " + r.cite.source + "\n\n";
        out += "Formula: " + (r.dated.empty() ? code(formula_text(r.syntax)) : cell(dated_text(r.dated, Value{}))) + " (" + r.where.str() + ")\n";
        if (ev && !cohort) {
            const Value& v = ev->rule(static_cast<int>(i));
            out += r.by ? worked_by_member(p, r, v) : "\nWorked value: **" + (r.output ? display_with_unit(p, r, v) : typed_value(p, r.type, v)) + "**\n";
        }
    }
    return out;
}

// Each function: its signature, description and formula.
std::string functions_markdown(const Program& p) {
    std::string out = p.fns.empty() ? "" : "\n## Functions\n";
    for (const auto& f : p.fns) {
        std::string sig = f.name + "(";
        for (std::size_t k = 0; k < f.param_names.size(); ++k)
            sig += (k ? ", " : "") + f.param_names[k] + ": " + describe(f.param_types[k], p.units);
        out += "\n### " + sig + ") -> " + describe(f.result, p.units) + "\n\n";
        if (!f.cite.description.empty()) out += f.cite.description + "\n\n";
        out += "Formula: " + code(formula_text(f.syntax)) + " (" + f.where.str() + ")\n";
    }
    return out;
}

}  // namespace

std::string methodology_markdown(const Program& p, const std::vector<Value>& params, const Case* c) {
    std::string out = heading_markdown(p, c);
    std::optional<Evaluator> ev;
    if (c) ev.emplace(p, params, c->inputs);
    out += params_markdown(p, params);
    out += dated_params_markdown(p, ev);
    out += ranges_markdown(p);
    out += tables_markdown(p);
    out += case_markdown(p, c);
    out += "\n## Rules and outputs\n";
    out += rules_markdown(p, false, ev);
    bool any_cohort = false;
    for (const auto& r : p.rules) any_cohort = any_cohort || r.cohort;
    if (any_cohort) {
        out += "\n## Cohort rules and outputs (over every case of a batch)\n";
        out += rules_markdown(p, true, ev);
    }
    out += functions_markdown(p);
    return out;
}

}  // namespace reckon
