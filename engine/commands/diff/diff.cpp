// `reckon diff`, the methodology compared: each version described section by section (its header, units, types,
// params, tables, inputs, functions, rules and report), each declaration by name with what it says in canonical
// form, so that layout is no change; then the declarations added, removed and changed, and how. Formulas, dated
// values, ranges and steps are compared by what they mean (diff_meaning.hpp), so that a respelling is no change.
#include "commands/diff/diff.hpp"

#include "commands/diff/diff_meaning.hpp"
#include "commands/present/canonical.hpp"
#include "core/eval/eval.hpp"
#include "commands/explain/explain.hpp"
#include "commands/present/present.hpp"

#include <algorithm>
#include <map>

namespace reckon {
namespace {

// What a declaration says of one aspect: as shown (in canonical form), and what is compared (its meaning, where
// two spellings may say the same).
struct Facet {
    Facet(std::string text = "") : shown(text), meant(std::move(text)) {}
    Facet(const char* text) : Facet(std::string(text)) {}
    Facet(std::string text, std::string meaning) : shown(std::move(text)), meant(std::move(meaning)) {}
    std::string shown, meant;
};

// The declarations of a version, by section and name, each with what it says.
using Facets = std::map<std::string, Facet>;  // aspect -> what it says
using Section = std::map<std::string, Facets>;      // "param x" -> facets

std::string text_of(const ast::Expr* e) { return e ? canonical(*e) : ""; }

// The ruleset's name and version.
Section header_section(const Program& p) {
    Section s;
    s["ruleset"] = {{"name", p.name}, {"version", p.version}};
    return s;
}

// Each unit and currency: its size in its base unit and its symbol.
Section units_section(const Program& p) {
    Section s;
    for (const auto& u : p.units.all())
        s[(u.currency ? "currency " : "unit ") + u.name] = {{"size", format_trimmed(u.scale, 12) + " of its base unit"}, {"symbol", u.symbol}};
    return s;
}

// The meaning of a range: its ends and spread exactly, each end's source.
std::string range_meaning(const Uncertain& u) {
    return exact_value(u.low) + " (" + u.low_source + ") to " + exact_value(u.high) + " (" + u.high_source + ") " +
           distribution_name(u.distribution) + (u.sd.kind == Value::Kind::none ? "" : " sd " + exact_value(u.sd));
}

// The meaning of values from dates: each value exactly from its date, and what picks one.
std::string dated_meaning(const DatedValues& d) {
    std::string out = "by " + d.by;
    for (const auto& v : d.values) out += ", " + exact_value(v.value) + " from " + format_date(v.from);
    return out;
}

// Each param: its value, formula, citation and range; each of its values from a date.
Section params_section(const Program& p) {
    Section s;
    // A run input with no default has its value only from the run data: then the formulas are compared, not the values.
    const bool needs_run_data = std::any_of(p.params.begin(), p.params.end(), [](const ParamDef& d) { return d.run_input >= 0 && !d.formula; });
    const std::vector<Value> params = needs_run_data ? std::vector<Value>{} : bind_params(p);
    for (std::size_t i = 0; i < p.params.size(); ++i) {
        const ParamDef& d = p.params[i];
        Facets& facets = s["param " + d.name] = {{"value", needs_run_data ? "(from the run data)" : typed_value(p, d.type, params[i])},
                                                {"formula", d.dated.empty() ? Facet(text_of(d.syntax), meaning(p, d.formula.get()))
                                                                            : Facet(d.dated.written(), dated_meaning(d.dated))},
                                                {"description", d.cite.description},
                                                {"source", d.cite.source}};
        if (d.uncertain) facets["range"] = Facet(d.uncertain->written(), range_meaning(*d.uncertain));
        for (const auto& v : d.dated.values) {  // a value from a new date is a change of its own
            const std::string source = v.source.empty() ? "" : " (source: " + v.source + ")";
            facets["value from " + format_date(v.from)] = Facet(v.text + source, exact_value(v.value) + source);
        }
    }
    return s;
}

// A table: its keys, columns and citation, each row (with its own source), each cell's range.
Facets table_facets(const Program& p, const TableDef& t) {
    Facets f{{"key", describe_keys(t, p.units)}, {"description", t.cite.description}, {"source", t.cite.source}};
    std::string cols;
    for (const auto& c : t.columns->fields) cols += (cols.empty() ? "" : ", ") + c.name + ": " + describe(c.type, p.units);
    f["columns"] = cols;
    for (const auto& k : t.order) {
        std::string key = key_shown(t, k);
        std::string row;
        const Value& v = t.rows.at(k);
        for (std::size_t c = 0; c < t.columns->fields.size(); ++c)
            row += (c ? " | " : "") + typed_value(p, t.columns->fields[c].type, (*v.items())[c]);
        const auto own = t.row_sources.find(k);
        f["row " + key] = row + (own == t.row_sources.end() ? "" : " (source: " + own->second + ")");
    }
    for (int c : t.uncertain) {  // a cell's range is a change of its own
        const UncertainCell& cell = p.uncertain_cells[static_cast<std::size_t>(c)];
        f["range of " + cell.name] = Facet(cell.range.written(), range_meaning(cell.range));
    }
    return f;
}

Section tables_section(const Program& p) {
    Section s;
    for (const auto& t : p.tables) s["table " + t.name] = table_facets(p, t);
    return s;
}

// Each enumeration: each member with its label (a new label changes what readers see).
Section types_section(const Program& p) {
    Section s;
    for (const auto& e : p.enums) {
        Facets f;
        for (std::size_t m = 0; m < e->members.size(); ++m) f["member " + e->members[m]] = e->labels[m].empty() ? "(no label)" : "\"" + e->labels[m] + "\"";
        s["type " + e->name] = f;
    }
    return s;
}

Section inputs_section(const Program& p) {
    Section s;
    for (const auto& in : p.inputs) s["input " + in.path] = {{"type", describe(in.type, p.units)}, {"description", in.cite.description}};
    return s;
}

// Each rule and output (of a case or of the cohort): its formula, type, how it is shown, and its citation.
Section rules_section(const Program& p) {
    Section s;
    for (const auto& r : p.rules) {
        std::string kind = std::string(r.cohort ? "cohort " : "") + (r.output ? "output " : "rule ");
        s[kind + r.name + (r.by ? "(" + r.by->name + ")" : "")] = {
            {"formula", Facet(text_of(r.syntax), meaning(p, r.formula.get()))}, {"type", describe(r.type, p.units)}, {"label", r.label},
            {"decimals", r.output ? std::to_string(r.decimals) : ""}, {"percent", r.percent ? "yes" : ""},
            {"headline to", Facet(r.headline_step_text, r.headline_step.str())},
            {"description", r.cite.description}, {"source", r.cite.source}};
    }
    return s;
}

// Each function: its parameters, result, formula and citation.
Section functions_section(const Program& p) {
    Section s;
    for (const auto& f : p.fns) {
        std::string sig;
        for (std::size_t k = 0; k < f.param_names.size(); ++k)
            sig += (k ? ", " : "") + f.param_names[k] + ": " + describe(f.param_types[k], p.units);
        s["fn " + f.name] = {{"parameters", sig}, {"result", describe(f.result, p.units)},
                             {"formula", Facet(text_of(f.syntax), meaning(p, f.body.get()))}, {"description", f.cite.description},
                             {"source", f.cite.source}};
    }
    return s;
}

// The layout of `reckon report`: each item by its kind and title, what it shows, and their order.
Section report_section(const Program& p) {
    Facets f{{"title", p.report->title}, {"description", p.report->description}};
    std::map<std::string, int> untitled;
    std::string order;
    for (const auto& item : p.report->items) {
        std::string kind = ast::report_item_kind_name(item.kind);
        std::string key = kind + (item.title.empty() || item.kind == ast::ReportItemKind::text
                                      ? " " + std::to_string(++untitled[kind]) : " \"" + item.title + "\"");
        std::string shows = item.kind == ast::ReportItemKind::text ? item.title : "";
        for (std::size_t k = 0; k < item.rules.size(); ++k)
            shows += (k ? (item.kind == ast::ReportItemKind::range ? " to " : ", ") : "") + p.rules[item.rules[k]].name +
                     (item.members[k] < 0 ? "" : "(" + p.rules[item.rules[k]].by->members[item.members[k]] + ")");
        if (item.share_of >= 0) shows += " share of " + p.rules[item.share_of].name;
        if (!item.axis.empty()) shows += " axis \"" + item.axis + "\"";
        if (!item.from.empty()) shows += " from \"" + item.from + "\" to \"" + item.to + "\"";
        f["item " + key] = shows;
        order += (order.empty() ? "" : "; ") + key;
    }
    f["order"] = order;
    Section s;
    s["report"] = f;
    return s;
}

// The declarations of a version, section by section.
std::map<std::string, Section> describe_program(const Program& p) {
    std::map<std::string, Section> s;
    s["header"] = header_section(p);
    s["units"] = units_section(p);
    s["params"] = params_section(p);
    s["tables"] = tables_section(p);
    s["types"] = types_section(p);
    s["inputs"] = inputs_section(p);
    s["rules"] = rules_section(p);
    s["functions"] = functions_section(p);
    if (p.report) s["report"] = report_section(p);
    return s;
}

}  // namespace

std::vector<Change> compare_rulesets(const Program& old_p, const Program& new_p) {
    auto a = describe_program(old_p), b = describe_program(new_p);
    std::vector<Change> out;
    for (const char* section : {"header", "units", "types", "params", "tables", "inputs", "functions", "rules", "report"}) {
        Section& sa = a[section];
        Section& sb = b[section];
        std::vector<std::string> names;  // in the new version's order... maps are by name
        for (const auto& [n, _] : sa) names.push_back(n);
        for (const auto& [n, _] : sb)
            if (!sa.count(n)) names.push_back(n);
        std::sort(names.begin(), names.end());
        for (const auto& n : names) {
            bool in_a = sa.count(n), in_b = sb.count(n);
            Change c{section, in_a && in_b ? ChangeKind::changed : in_a ? ChangeKind::removed : ChangeKind::added, n, {}};
            const Facets empty;
            const Facets& fa = in_a ? sa[n] : empty;
            const Facets& fb = in_b ? sb[n] : empty;
            std::vector<std::string> aspects;
            for (const auto& [k, _] : fa) aspects.push_back(k);
            for (const auto& [k, _] : fb)
                if (!fa.count(k)) aspects.push_back(k);
            for (const auto& k : aspects) {
                const Facet x = fa.count(k) ? fa.at(k) : Facet(), y = fb.count(k) ? fb.at(k) : Facet();
                if (x.meant != y.meant && (in_a && in_b ? true : (k == "formula" || k == "value" || k == "source")))
                    if (!(x.shown.empty() && y.shown.empty())) c.aspects.push_back({k, x.shown, y.shown});
            }
            if (c.kind != ChangeKind::changed || !c.aspects.empty()) out.push_back(std::move(c));
        }
    }
    return out;
}

}  // namespace reckon
