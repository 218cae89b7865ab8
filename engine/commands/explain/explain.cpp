// `reckon explain`, written out: the derivation tree as indented text people read (each entry on a line of its
// own, what it uses indented below it), and as JSON. Both name each entry's kind with the same words.
#include "commands/explain/explain.hpp"

namespace reckon {

const char* derivation_kind_name(DerivationKind k) {
    switch (k) {
        case DerivationKind::output: return "output";
        case DerivationKind::rule: return "rule";
        case DerivationKind::cohort_output: return "cohort output";
        case DerivationKind::cohort_rule: return "cohort rule";
        case DerivationKind::fn: return "fn";
        case DerivationKind::param: return "param";
        case DerivationKind::table: return "table";
        case DerivationKind::input: return "input";
        case DerivationKind::case_: return "case";
        case DerivationKind::cases: return "cases";
    }
    return "";
}

namespace {

void render(const Derivation& d, const std::string& indent, std::string& out) {
    out += indent + derivation_kind_name(d.kind) + " " + d.name + (d.value.empty() ? "" : " = " + d.value) + "    (" + d.where +
           (d.shown_above ? "; shown above" : "") + ")\n";
    std::string more = indent + "    ";
    if (!d.formula.empty()) out += more + "formula: " + d.formula + "\n";
    if (!d.description.empty()) out += more + d.description + "\n";
    if (!d.source.empty()) out += more + "source: " + d.source + "\n";
    for (const auto& r : d.rounding) out += more + r + "\n";
    for (const auto& c : d.calls) out += more + c + "\n";
    for (const auto& r : d.rows) out += more + r + "\n";
    if (!d.over_cases.empty()) out += more + d.over_cases + "\n";
    for (const auto& c : d.parts)
        out += more + "  " + c.name + (c.kind == DerivationKind::cases ? " cases" : "") + " " + c.value + (c.where.empty() ? "" : "    (" + c.where + ")") + "\n";
    for (const auto& c : d.followed) {
        out += more + "case " + c.name + (c.value == "counted" || c.value == "not counted" ? ": " : "'s part: ") + c.value + "    (" + c.where + ")\n";
        for (const auto& u : c.uses) render(u, more + "  ", out);
    }
    for (const auto& u : d.uses) render(u, indent + "  ", out);
    if (d.cut) out += indent + "  ...\n";
}

}  // namespace

std::string render_derivation(const Derivation& d) {
    std::string out;
    render(d, "", out);
    return out;
}

nlohmann::ordered_json derivation_json(const Derivation& d) {
    nlohmann::ordered_json j;
    j["kind"] = derivation_kind_name(d.kind);
    j["name"] = d.name;
    if (!d.value.empty()) j["value"] = d.value;
    if (!d.exact.empty()) j["exact"] = d.exact;
    if (!d.exact_unit.empty()) j["exact_unit"] = d.exact_unit;
    j["where"] = d.where;
    if (!d.formula.empty()) j["formula"] = d.formula;
    if (!d.description.empty()) j["description"] = d.description;
    if (!d.source.empty()) j["source"] = d.source;
    if (!d.rounding.empty()) j["rounding"] = d.rounding;
    if (!d.calls.empty()) j["calls"] = d.calls;
    if (!d.rows.empty()) j["rows"] = d.rows;
    if (!d.uses.empty()) {
        j["uses"] = nlohmann::ordered_json::array();
        for (const auto& u : d.uses) j["uses"].push_back(derivation_json(u));
    }
    if (!d.over_cases.empty()) j["over_cases"] = d.over_cases;
    if (!d.parts.empty()) {
        j["parts"] = nlohmann::ordered_json::array();
        for (const auto& c : d.parts) {
            nlohmann::ordered_json x{{"kind", derivation_kind_name(c.kind)}, {"name", c.name}, {"value", c.value}};
            if (!c.where.empty()) x["file"] = c.where;
            j["parts"].push_back(std::move(x));
        }
    }
    if (!d.followed.empty()) {
        j["case"] = nlohmann::ordered_json::array();
        for (const auto& c : d.followed) {
            nlohmann::ordered_json x{{"case", c.name}, {"file", c.where}, {"part", c.value}, {"uses", nlohmann::ordered_json::array()}};
            for (const auto& u : c.uses) x["uses"].push_back(derivation_json(u));
            j["case"].push_back(std::move(x));
        }
    }
    if (d.cut) j["more"] = true;
    if (d.shown_above) j["shown_above"] = true;
    return j;
}

}  // namespace reckon
