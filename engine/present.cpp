#include "present.hpp"

#include <nlohmann/json.hpp>

namespace reckon {

CaseResult evaluate_outputs(const Program& p, const std::vector<Value>& params, const Case& c) {
    Evaluator ev(p, params, c.inputs);
    CaseResult r;
    r.case_id = c.id;
    for (int slot : p.outputs) r.outputs.push_back(ev.rule(slot));
    return r;
}

std::string display_with_unit(const Program& p, const RuleDef& r, const Value& v) {
    std::string text = display(p, r, v);
    if (v.kind != Value::Kind::number) return text;
    bool negative = !text.empty() && text[0] == '-';
    std::string grouped = group_thousands(negative ? text.substr(1) : text);
    // money, and money per something: "£2,356.36", "£449.02/week"
    for (const auto& [id, power] : r.type.unit.terms()) {
        const UnitDef& cur = p.units.def(id);
        if (!cur.currency || power != 1 || cur.symbol.empty()) continue;
        std::string per = p.units.name(r.type.unit.times(Unit::of(id), -1));
        if (!per.empty() && per.rfind("1/", 0) != 0) break;  // not a plain rate
        std::string body = cur.symbol + grouped + (per.empty() ? "" : per.substr(1));
        return negative ? "-" + body : body;
    }
    std::string unit = p.units.name(r.type.unit);
    return (negative ? "-" : "") + grouped + (unit.empty() ? "" : " " + unit);
}

namespace {
std::size_t width(const std::string& s) {
    std::size_t w = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++w;
    return w;
}
}  // namespace

std::string render_table(const Program& p, const CaseResult& r) {
    std::vector<std::pair<std::string, std::string>> rows;
    std::size_t lw = 0, vw = 0;
    for (std::size_t i = 0; i < p.outputs.size(); ++i) {
        const RuleDef& d = p.rules[p.outputs[i]];
        rows.emplace_back(d.label.empty() ? d.name : d.label, display_with_unit(p, d, r.outputs[i]));
        lw = std::max(lw, width(rows.back().first));
        vw = std::max(vw, width(rows.back().second));
    }
    std::string out = p.name + (p.version.empty() ? "" : ", version " + p.version) + "\n";
    out += "Case: " + r.case_id + "\n\n";
    for (const auto& [label, value] : rows) {
        out += "  " + label + std::string(lw - width(label) + 2, ' ');
        out += std::string(vw - width(value), ' ') + value + "\n";
    }
    return out;
}

std::string render_json(const Program& p, const CaseResult& r) {
    nlohmann::ordered_json j;
    j["case"] = r.case_id;
    j["ruleset"] = {{"name", p.name}, {"version", p.version}};
    nlohmann::ordered_json outs = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < p.outputs.size(); ++i) {
        const RuleDef& d = p.rules[p.outputs[i]];
        nlohmann::ordered_json o;
        o["value"] = display(p, d, r.outputs[i]);
        if (d.type.kind == TypeKind::number) {
            std::string unit = p.units.name(d.type.unit);
            if (!unit.empty()) o["unit"] = unit;
        }
        if (!d.label.empty()) o["label"] = d.label;
        outs[d.name] = std::move(o);
    }
    j["outputs"] = std::move(outs);
    return j.dump() + "\n";
}

}  // namespace reckon
