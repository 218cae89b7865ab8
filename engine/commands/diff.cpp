#include "diff.hpp"

#include "canonical.hpp"
#include "core/load_case.hpp"
#include "core/eval.hpp"
#include "explain.hpp"
#include "present.hpp"

#include <algorithm>
#include <functional>
#include <map>

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
        s["params"]["param " + d.name] = {{"value", typed_value(p, d.type, params[i])},
                                          {"formula", text_of(d.syntax)},
                                          {"description", d.cite.description},
                                          {"source", d.cite.source}};
    }
    for (const auto& t : p.tables) {
        Facets f{{"key", describe(t.key, p.units)}, {"description", t.cite.description}, {"source", t.cite.source}};
        std::string cols;
        for (const auto& c : t.columns->fields) cols += (cols.empty() ? "" : ", ") + c.name + ": " + describe(c.type, p.units);
        f["columns"] = cols;
        for (const auto& k : t.order) {
            std::string key = key_shown(t, k);
            std::string row;
            const Value& v = t.rows.at(k);
            for (std::size_t c = 0; c < t.columns->fields.size(); ++c)
                row += (c ? " | " : "") + typed_value(p, t.columns->fields[c].type, (*v.items())[c]);
            f["row " + key] = row;
        }
        s["tables"]["table " + t.name] = f;
    }
    for (const auto& in : p.inputs)
        s["inputs"]["input " + in.path] = {{"type", describe(in.type, p.units)}, {"description", in.cite.description}};
    for (const auto& r : p.rules) {
        std::string kind = std::string(r.cohort ? "cohort " : "") + (r.output ? "output " : "rule ");
        s["rules"][kind + r.name + (r.by ? "(" + r.by->name + ")" : "")] = {
            {"formula", text_of(r.syntax)}, {"type", describe(r.type, p.units)}, {"label", r.label},
            {"decimals", r.output ? std::to_string(r.decimals) : ""}, {"percent", r.percent ? "yes" : ""},
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
        static const char* const kinds[] = {"section", "text", "headline", "range", "table", "chart", "cases", "list", "appendix"};
        Facets f{{"title", p.report->title}, {"description", p.report->description}};
        std::map<std::string, int> untitled;
        std::string order;
        for (const auto& item : p.report->items) {
            std::string kind = kinds[static_cast<int>(item.kind)];
            std::string key = kind + (item.title.empty() || item.kind == ast::ReportItemKind::text
                                          ? " " + std::to_string(++untitled[kind]) : " \"" + item.title + "\"");
            std::string shows = item.kind == ast::ReportItemKind::text ? item.title : "";
            for (std::size_t k = 0; k < item.rules.size(); ++k)
                shows += (k ? (item.kind == ast::ReportItemKind::range ? " to " : ", ") : "") + p.rules[item.rules[k]].name;
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
    for (const char* section : {"header", "units", "params", "tables", "inputs", "functions", "rules", "report"}) {
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

CaseEffects compare_cases(const Program& old_p, const Program& new_p, const std::vector<std::string>& files) {
    CaseEffects e;
    std::vector<Value> pa = bind_params(old_p), pb = bind_params(new_p);
    std::map<std::string, std::size_t> old_slot;  // old outputs by name
    for (std::size_t i = 0; i < old_p.outputs.size(); ++i) old_slot[old_p.rules[old_p.outputs[i]].name] = i;
    for (const auto& f : files) {
        ++e.cases;
        CaseResult ra, rb;
        try {
            ra = evaluate_outputs(old_p, pa, load_case_file(old_p, f));
            rb = evaluate_outputs(new_p, pb, load_case_file(new_p, f));
        } catch (const EvalError& err) {
            e.errors.push_back(render(err.diagnostic()));
            continue;
        } catch (const std::exception& err) {
            e.errors.push_back(err.what());
            continue;
        }
        bool affected = false;
        for (std::size_t i = 0; i < new_p.outputs.size(); ++i) {
            const RuleDef& r = new_p.rules[new_p.outputs[i]];
            FigureChange fc{rb.case_id, f, r.name, "", display_with_unit(new_p, r, rb.outputs[i]), "", 0, ""};
            auto o = old_slot.find(r.name);
            const RuleDef* ro = o == old_slot.end() ? nullptr : &old_p.rules[old_p.outputs[o->second]];
            if (ro) fc.before = display_with_unit(old_p, *ro, ra.outputs[o->second]);
            if (fc.before == fc.after) continue;
            const Value& va = ro ? ra.outputs[o->second] : Value{};
            const Value& vb = rb.outputs[i];
            if (ro && !r.by && va.kind == Value::Kind::number && vb.kind == Value::Kind::number &&
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
            e.changes.push_back(std::move(fc));
            affected = true;
        }
        e.affected += affected;
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
}  // namespace

std::string render_diff(const std::string& old_name, const std::string& new_name, const std::vector<Change>& changes,
                        const CaseEffects* effects) {
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
    if (!effects) return out;
    out += "\ncases\n";
    std::string current;
    for (const auto& c : effects->changes) {
        if (c.file != current) {
            current = c.file;
            out += "  " + c.case_id + " (" + c.file + ")\n";
        }
        out += "      " + c.output + ": " + (c.before.empty() ? "(none)" : c.before) + " -> " + c.after +
               (c.difference.empty() ? "" : "  (" + c.difference + ")") + "\n";
    }
    for (const auto& err : effects->errors) out += err + (err.empty() || err.back() == '\n' ? "" : "\n");
    out += "\n" + std::to_string(effects->cases) + " case" + (effects->cases == 1 ? "" : "s") + ", " +
           std::to_string(effects->affected) + " affected";
    if (!effects->errors.empty()) out += ", " + std::to_string(effects->errors.size()) + " could not be evaluated";
    if (const FigureChange* big = largest(*effects))
        out += "; largest change: " + big->output + " of " + big->case_id + ", " + big->difference;
    return out + "\n";
}

nlohmann::ordered_json diff_json(const std::vector<Change>& changes, const CaseEffects* effects) {
    nlohmann::ordered_json j;
    j["changes"] = nlohmann::ordered_json::array();
    for (const auto& c : changes) {
        nlohmann::ordered_json x{{"section", c.section}, {"change", c.kind}, {"name", c.name}};
        x["aspects"] = nlohmann::ordered_json::array();
        for (const auto& a : c.aspects) x["aspects"].push_back({{"what", a.what}, {"before", a.before}, {"after", a.after}});
        j["changes"].push_back(std::move(x));
    }
    if (effects) {
        j["cases"] = nlohmann::ordered_json::array();
        for (const auto& c : effects->changes)
            j["cases"].push_back({{"case", c.case_id}, {"file", c.file}, {"output", c.output}, {"before", c.before},
                                  {"after", c.after}, {"difference", c.difference}});
        nlohmann::ordered_json s{{"cases", effects->cases}, {"affected", effects->affected}, {"failed", effects->errors.size()}};
        if (const FigureChange* big = largest(*effects))
            s["largest"] = {{"case", big->case_id}, {"output", big->output}, {"difference", big->difference}};
        j["summary"] = std::move(s);
    }
    return j;
}

}  // namespace reckon
