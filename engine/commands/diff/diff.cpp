#include "commands/diff/diff.hpp"

#include "commands/present/canonical.hpp"
#include "data/load_case.hpp"
#include "core/eval/eval.hpp"
#include "commands/explain/explain.hpp"
#include "commands/present/present.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>

namespace reckon {
namespace {

// The declarations of a version, by section and name, each with what it says.
using Facets = std::map<std::string, std::string>;  // aspect -> canonical text
using Section = std::map<std::string, Facets>;      // "param x" -> facets

std::string text_of(const ast::Expr* e) { return e ? canonical(*e) : ""; }

std::map<std::string, Section> describe_program(const Program& p) {
    std::map<std::string, Section> s;
    std::vector<Value> params = bind_params(p);
    s["header"]["ruleset"] = {{"name", p.name}, {"version", p.version}};
    for (const auto& u : p.units.all())
        s["units"][(u.currency ? "currency " : "unit ") + u.name] = {
            {"size", format_trimmed(u.scale, 12) + " of its base unit"}, {"symbol", u.symbol}};
    for (std::size_t i = 0; i < p.params.size(); ++i) {
        const ParamDef& d = p.params[i];
        Facets& facets = s["params"]["param " + d.name] = {{"value", typed_value(p, d.type, params[i])},
                                          {"formula", d.dated.empty() ? text_of(d.syntax) : d.dated.written()},
                                          {"description", d.cite.description},
                                          {"source", d.cite.source}};
        if (d.uncertain) facets["range"] = d.uncertain->written();
        for (const auto& v : d.dated.values)  // a value from a new date is a change of its own
            facets["value from " + format_date(v.from)] = v.text + (v.source.empty() ? "" : " (source: " + v.source + ")");
    }
    for (const auto& t : p.tables) {
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
            f["range of " + cell.name] = cell.range.written();
        }
        s["tables"]["table " + t.name] = f;
    }
    for (const auto& e : p.enums) {  // each member with its label: a new label changes what readers see
        Facets f;
        for (std::size_t m = 0; m < e->members.size(); ++m) f["member " + e->members[m]] = e->labels[m].empty() ? "(no label)" : "\"" + e->labels[m] + "\"";
        s["types"]["type " + e->name] = f;
    }
    for (const auto& in : p.inputs)
        s["inputs"]["input " + in.path] = {{"type", describe(in.type, p.units)}, {"description", in.cite.description}};
    for (const auto& r : p.rules) {
        std::string kind = std::string(r.cohort ? "cohort " : "") + (r.output ? "output " : "rule ");
        s["rules"][kind + r.name + (r.by ? "(" + r.by->name + ")" : "")] = {
            {"formula", text_of(r.syntax)}, {"type", describe(r.type, p.units)}, {"label", r.label},
            {"decimals", r.output ? std::to_string(r.decimals) : ""}, {"percent", r.percent ? "yes" : ""}, {"headline to", r.headline_step_text},
            {"description", r.cite.description}, {"source", r.cite.source}};
    }
    for (const auto& f : p.fns) {
        std::string sig;
        for (std::size_t k = 0; k < f.param_names.size(); ++k)
            sig += (k ? ", " : "") + f.param_names[k] + ": " + describe(f.param_types[k], p.units);
        s["functions"]["fn " + f.name] = {{"parameters", sig}, {"result", describe(f.result, p.units)},
                                          {"formula", text_of(f.syntax)}, {"description", f.cite.description},
                                          {"source", f.cite.source}};
    }
    if (p.report) {  // the layout of `reckon report`: each item by its kind and title, and their order
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
            f["item " + key] = shows;
            order += (order.empty() ? "" : "; ") + key;
        }
        f["order"] = order;
        s["report"]["report"] = f;
    }
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
            Change c{section, in_a && in_b ? "changed" : in_a ? "removed" : "added", n, {}};
            const Facets empty;
            const Facets& fa = in_a ? sa[n] : empty;
            const Facets& fb = in_b ? sb[n] : empty;
            std::vector<std::string> aspects;
            for (const auto& [k, _] : fa) aspects.push_back(k);
            for (const auto& [k, _] : fb)
                if (!fa.count(k)) aspects.push_back(k);
            for (const auto& k : aspects) {
                std::string x = fa.count(k) ? fa.at(k) : "", y = fb.count(k) ? fb.at(k) : "";
                if (x != y && (in_a && in_b ? true : (k == "formula" || k == "value" || k == "source")))
                    if (!(x.empty() && y.empty())) c.aspects.push_back({k, x, y});
            }
            if (c.kind != "changed" || !c.aspects.empty()) out.push_back(std::move(c));
        }
    }
    return out;
}

namespace {

// A figure under each version (an output's, or one member's of a figure by
// member), compared as shown; nothing when it shows the same.
std::optional<FigureChange> figure_change(const Program& old_p, const RuleDef* ro, const Value& va, const Program& new_p, const RuleDef& r,
                                          const Value& vb) {
    FigureChange fc{"", "", r.name, "", display_with_unit(new_p, r, vb), "", 0, ""};
    if (ro) fc.before = display_with_unit(old_p, *ro, va);
    if (fc.before == fc.after) return std::nullopt;
    if (ro && va.kind == Value::Kind::number && vb.kind == Value::Kind::number &&
        new_p.units.name(r.type.unit) == old_p.units.name(ro->type.unit)) {
        // the difference of the figures as shown, so that it adds up on the page
        const Number step(1, boost::multiprecision::pow(Integer(10), static_cast<unsigned>(r.decimals)));
        Number shown_a = round_to(in_own_unit(old_p, *ro, va), step, RoundMode::half_away);
        Number shown_b = round_to(in_own_unit(new_p, r, vb), step, RoundMode::half_away);
        fc.delta = shown_b - shown_a;
        Value d = Value::number(fc.delta * new_p.units.scale(r.type.unit));
        std::string text = display_with_unit(new_p, r, d);
        fc.difference = (fc.delta > 0 ? "+" : "") + text;
        fc.unit = new_p.units.name(r.type.unit);
    }
    return fc;
}

// An output's changes: one, or for a figure by member (of the same members in both versions) one per member that changed.
std::vector<FigureChange> figure_changes(const Program& old_p, const RuleDef* ro, const Value& va, const Program& new_p, const RuleDef& r,
                                         const Value& vb) {
    std::vector<FigureChange> out;
    const bool by_member = r.by && ro && ro->by && r.by->members == ro->by->members && va.kind == Value::Kind::list &&
                           vb.kind == Value::Kind::list && va.items()->size() == r.by->members.size() &&
                           vb.items()->size() == r.by->members.size();
    if (!by_member) {
        if (auto fc = figure_change(old_p, ro, va, new_p, r, vb)) out.push_back(std::move(*fc));
        return out;
    }
    for (std::size_t m = 0; m < r.by->members.size(); ++m)
        if (auto fc = figure_change(old_p, ro, (*va.items())[m], new_p, r, (*vb.items())[m])) {
            fc->output = r.name + "[" + r.by->members[m] + "]";
            out.push_back(std::move(*fc));
        }
    return out;
}

// Whether change a is larger than b: money before other units, then by size.
bool larger(const FigureChange& a, const FigureChange& b) {
    const bool ma = !a.difference.empty() && a.unit == "GBP", mb = !b.difference.empty() && b.unit == "GBP";
    if (ma != mb) return ma;
    if (a.difference.empty() != b.difference.empty()) return !a.difference.empty();
    return abs(a.delta) > abs(b.delta);
}

}  // namespace

CaseEffects compare_results(const Program& old_p, const BatchResults& old_r, const Program& new_p, const BatchResults& new_r) {
    CaseEffects e;
    std::map<std::string, std::size_t> old_slot;  // old outputs by name
    for (std::size_t i = 0; i < old_p.outputs.size(); ++i) old_slot[old_p.rules[old_p.outputs[i]].name] = i;
    std::vector<std::vector<FigureChange>> by_case;
    for (std::size_t k = 0; k < new_r.cases.size() && k < old_r.cases.size(); ++k) {
        const CaseRecord& ra = old_r.cases[k];
        const CaseRecord& rb = new_r.cases[k];
        ++e.cases;
        if (!ra.ok || !rb.ok) {
            e.errors.push_back(!ra.ok ? ra.failure.text : rb.failure.text);
            continue;
        }
        std::vector<FigureChange> mine;
        for (std::size_t i = 0; i < new_p.outputs.size(); ++i) {
            const RuleDef& r = new_p.rules[new_p.outputs[i]];
            auto o = old_slot.find(r.name);
            const RuleDef* ro = o == old_slot.end() ? nullptr : &old_p.rules[old_p.outputs[o->second]];
            for (auto& fc : figure_changes(old_p, ro, ro ? ra.outputs[o->second] : Value{}, new_p, r, rb.outputs[i])) {
                fc.case_id = rb.id;
                fc.file = rb.file;
                mine.push_back(std::move(fc));
            }
        }
        if (mine.empty()) continue;
        ++e.affected;
        by_case.push_back(std::move(mine));
    }
    // the case with the largest change first (money first); cases alike keep their order
    auto biggest = [](const std::vector<FigureChange>& v) { return *std::min_element(v.begin(), v.end(), larger); };
    std::stable_sort(by_case.begin(), by_case.end(), [&](const auto& x, const auto& y) { return larger(biggest(x), biggest(y)); });
    for (auto& v : by_case) e.changes.insert(e.changes.end(), v.begin(), v.end());
    // the cohort
    const bool old_cohort = !old_p.cohort_outputs.empty(), new_cohort = !new_p.cohort_outputs.empty();
    if (old_cohort && old_r.cohort.empty()) e.errors.push_back("the cohort could not be evaluated under the old version");
    if (new_cohort && new_r.cohort.empty()) e.errors.push_back("the cohort could not be evaluated under the new version");
    if (new_cohort && !new_r.cohort.empty()) {
        std::map<std::string, std::size_t> old_cohort_slot;
        for (std::size_t i = 0; i < old_p.cohort_outputs.size(); ++i) old_cohort_slot[old_p.rules[old_p.cohort_outputs[i]].name] = i;
        for (std::size_t i = 0; i < new_p.cohort_outputs.size(); ++i) {
            const RuleDef& r = new_p.rules[new_p.cohort_outputs[i]];
            auto o = old_cohort_slot.find(r.name);
            const bool known = o != old_cohort_slot.end() && !old_r.cohort.empty();
            const RuleDef* ro = known ? &old_p.rules[old_p.cohort_outputs[o->second]] : nullptr;
            for (auto& fc : figure_changes(old_p, ro, known ? old_r.cohort[o->second] : Value{}, new_p, r, new_r.cohort[i]))
                e.cohort.push_back(std::move(fc));
        }
    }
    return e;
}

namespace {
const FigureChange* largest(const CaseEffects& e) {
    const FigureChange* best = nullptr;
    for (const auto& c : e.changes) {
        if (c.difference.empty()) continue;
        if (!best || (best->unit != "GBP" && c.unit == "GBP") ||
            (best->unit == c.unit && abs(c.delta) > abs(best->delta)))
            best = &c;
    }
    return best;
}

// The effects on the cases: the cohort's figures, then the cases with the largest changes, then a summary line.
void render_effects(const CaseEffects& effects, std::size_t rows, std::string& out) {
    auto line = [](const FigureChange& c) {
        return c.output + ": " + (c.before.empty() ? "(none)" : c.before) + " -> " + c.after +
               (c.difference.empty() ? "" : "  (" + c.difference + ")") + "\n";
    };
    if (!effects.cohort.empty()) {
        out += "\ncohort\n";
        for (const auto& c : effects.cohort) out += "  " + line(c);
    }
    out += "\ncases";
    if (effects.affected > rows)
        out += " (the " + std::to_string(rows) + " of " + std::to_string(effects.affected) +
               " affected with the largest changes; --rows N shows more)";
    out += "\n";
    std::string current;
    std::size_t shown = 0;
    for (const auto& c : effects.changes) {
        if (c.file + "#" + c.case_id != current) {
            if (shown == rows) break;
            ++shown;
            current = c.file + "#" + c.case_id;
            out += "  " + c.case_id + " (" + c.file + ")\n";
        }
        out += "      " + line(c);
    }
    for (const auto& err : effects.errors) out += err + (err.empty() || err.back() == '\n' ? "" : "\n");
    out += "\n" + std::to_string(effects.cases) + " case" + (effects.cases == 1 ? "" : "s") + ", " +
           std::to_string(effects.affected) + " affected";
    if (!effects.errors.empty()) out += ", " + std::to_string(effects.errors.size()) + " could not be evaluated";
    if (const FigureChange* big = largest(effects))
        out += "; largest change: " + big->output + " of " + big->case_id + ", " + big->difference;
    out += "\n";
}

void effects_json(const CaseEffects& effects, nlohmann::ordered_json& j) {
    j["cohort"] = nlohmann::ordered_json::array();
    for (const auto& c : effects.cohort)
        j["cohort"].push_back({{"output", c.output}, {"before", c.before}, {"after", c.after}, {"difference", c.difference}});
    j["cases"] = nlohmann::ordered_json::array();
    for (const auto& c : effects.changes)
        j["cases"].push_back({{"case", c.case_id}, {"file", c.file}, {"output", c.output}, {"before", c.before},
                              {"after", c.after}, {"difference", c.difference}});
    nlohmann::ordered_json s{{"cases", effects.cases}, {"affected", effects.affected}, {"failed", effects.errors.size()}};
    if (const FigureChange* big = largest(effects))
        s["largest"] = {{"case", big->case_id}, {"output", big->output}, {"difference", big->difference}};
    j["summary"] = std::move(s);
}

}  // namespace

std::string render_diff(const std::string& old_name, const std::string& new_name, const std::vector<Change>& changes,
                        const std::vector<ScenarioEffects>& effects, std::size_t rows) {
    std::string out = "--- " + old_name + "\n+++ " + new_name + "\n";
    if (changes.empty()) out += "\nNo change to the methodology.\n";
    std::string section;
    for (const auto& c : changes) {
        if (c.section != section) {
            section = c.section;
            out += "\n" + section + "\n";
        }
        out += "  " + c.kind + " " + c.name + "\n";
        for (const auto& a : c.aspects) {
            if (c.kind != "changed") {
                out += "      " + a.what + ": " + (c.kind == "added" ? a.after : a.before) + "\n";
                continue;
            }
            if (a.what == "formula" || a.before.size() + a.after.size() > 60) {
                out += "      " + a.what + " before: " + (a.before.empty() ? "(none)" : a.before) + "\n";
                out += "      " + a.what + " after:  " + (a.after.empty() ? "(none)" : a.after) + "\n";
            } else {
                out += "      " + a.what + ": " + (a.before.empty() ? "(none)" : a.before) + " -> " + (a.after.empty() ? "(none)" : a.after) + "\n";
            }
        }
    }
    for (const auto& e : effects) {
        if (!e.scenario.empty()) out += "\n=== scenario " + e.scenario + "\n";
        render_effects(e.effects, rows, out);
    }
    return out;
}

nlohmann::ordered_json diff_json(const std::vector<Change>& changes, const std::vector<ScenarioEffects>& effects) {
    nlohmann::ordered_json j;
    j["changes"] = nlohmann::ordered_json::array();
    for (const auto& c : changes) {
        nlohmann::ordered_json x{{"section", c.section}, {"change", c.kind}, {"name", c.name}};
        x["aspects"] = nlohmann::ordered_json::array();
        for (const auto& a : c.aspects) x["aspects"].push_back({{"what", a.what}, {"before", a.before}, {"after", a.after}});
        j["changes"].push_back(std::move(x));
    }
    if (effects.size() == 1 && effects.front().scenario.empty()) {
        effects_json(effects.front().effects, j);
    } else if (!effects.empty()) {
        j["scenarios"] = nlohmann::ordered_json::array();
        for (const auto& e : effects) {
            nlohmann::ordered_json x{{"scenario", e.scenario}};
            effects_json(e.effects, x);
            j["scenarios"].push_back(std::move(x));
        }
    }
    return j;
}

}  // namespace reckon
