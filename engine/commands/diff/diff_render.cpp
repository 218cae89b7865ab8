// `reckon diff`, written out: the changes to the methodology, section by section, then the effects on the cases
// under each scenario, as text people read (the cases with the largest changes, --rows of them) and as JSON (all).
#include "commands/diff/diff.hpp"

#include "core/program/table.hpp"

#include <algorithm>
#include <set>
#include <string>

namespace reckon {

const char* change_kind_name(ChangeKind k) {
    switch (k) {
        case ChangeKind::added: return "added";
        case ChangeKind::removed: return "removed";
        case ChangeKind::changed: return "changed";
    }
    return "";
}

namespace {

// An aspect of a change, on its own lines: what an added declaration says, what a removed one said, or what a
// changed one said before and says after (on two lines, for a formula or a long text).
std::string aspect_text(ChangeKind kind, const Aspect& a) {
    switch (kind) {
        case ChangeKind::added: return "      " + a.what + ": " + a.after + "\n";
        case ChangeKind::removed: return "      " + a.what + ": " + a.before + "\n";
        case ChangeKind::changed: break;
    }
    if (a.what == "formula" || a.before.size() + a.after.size() > 60)
        return "      " + a.what + " before: " + (a.before.empty() ? "(none)" : a.before) + "\n" +
               "      " + a.what + " after:  " + (a.after.empty() ? "(none)" : a.after) + "\n";
    return "      " + a.what + ": " + (a.before.empty() ? "(none)" : a.before) + " -> " + (a.after.empty() ? "(none)" : a.after) + "\n";
}

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

// --attribute: how the changes were split among, before the figures.
void render_attribution_note(const AttributionNote& a, std::string& out) {
    out += "\nattribution: each figure's change split among the changes by exact Shapley values (each change's effect averaged "
           "over every order of applying them; the parts add up exactly to the change)\n  players: " + a.method + "\n";
    for (const auto& p : a.players) out += "    " + p + "\n";
    for (const auto& g : a.grouped) out += "  grouped: " + g + "\n";
    for (const auto& u : a.unattributed) out += "  not a player (no figure depends on it): " + u + "\n";
    out += "  \"together\": what two changes make only together, f(both) - f(first) - f(second) + f(neither), where it is not zero\n";
}

// A cohort figure's change case by case: the cases that add to it in both runs and in one alone (the groups that
// have any), then the `largest` cases whose part changed most.
std::string case_split_lines(const CaseSplit& s, std::size_t largest, const std::string& indent, const std::string& title = "case by case:") {
    std::string out = indent + title;
    const char* sep = " ";
    for (const CaseMove m : {CaseMove::both, CaseMove::new_only, CaseMove::old_only}) {
        const auto& g = s.groups[static_cast<std::size_t>(m)];
        if (g.cases == 0) continue;
        out += sep + std::to_string(g.cases) + (g.cases == 1 ? " case adds" : " cases add") + " to it " + case_move_text(m) + " (" + g.shown + ")";
        sep = "; ";
    }
    out += "\n";
    for (std::size_t i = 0; i < s.largest.size() && i < largest; ++i) {
        const CaseChange& c = s.largest[i];
        out += indent + "  " + c.case_id + " (" + c.file + ")  " + c.shown + (c.move == CaseMove::both ? "" : std::string(", ") + case_move_text(c.move)) + "\n";
    }
    return out;
}

// A figure made of other figures: their changes (a ratio's numerator's and denominator's, which its change is not
// split among), then each one's change case by case (each once).
std::string parts_lines(const PartsSplit& s, std::size_t case_rows, const std::string& indent) {
    auto terms = [](const SideChange& side) {
        std::string out;
        for (const auto& t : side.terms) out += (out.empty() ? "" : ", ") + t.name + " " + t.shown;
        return out;
    };
    std::string out;
    switch (s.kind) {
        case PartsKind::sum: out += indent + "through its parts: " + terms(s.sides.front()) + "  (" + s.sides.front().formula + ")\n"; break;
        case PartsKind::ratio:
            out += indent + "through its parts, a ratio: its change is not the sum of theirs, and is not split among them\n";
            for (std::size_t i = 0; i < s.sides.size(); ++i) {
                const SideChange& side = s.sides[i];
                out += indent + (i == 0 ? "  numerator " : "  denominator ") + side.formula + ": " + side.shown +
                       (side.terms.size() > 1 ? "  (" + terms(side) + ")" : "") + "\n";
            }
            break;
    }
    std::set<std::string> split;
    for (const auto& side : s.sides)
        for (const auto& t : side.terms)
            if (split.insert(t.name).second) out += case_split_lines(t.by_case, case_rows, indent, t.name + " case by case:");
    return out;
}

// A figure's change and, with --attribute, its parts under it: each change's, then each pair's interaction.
std::string figure_lines(const FigureChange& c, const std::string& indent, std::size_t case_rows = 0) {
    std::string out = indent + c.output + ": " + (c.before.empty() ? "(none)" : c.before) + " -> " + c.after +
                      (c.difference.empty() ? "" : "  (" + c.difference + ")") + "\n";
    std::size_t width = 0;
    for (const auto& s : c.attribution) width = std::max(width, s.change.size());
    for (const auto& s : c.attribution) out += indent + "    " + s.change + std::string(width - s.change.size() + 2, ' ') + s.shown + "\n";
    for (const auto& s : c.interactions) out += indent + "    together: " + s.change + "  " + s.shown + "\n";
    if (!c.unattributed.empty()) out += indent + "    " + c.unattributed + "\n";
    if (c.by_case) out += case_split_lines(*c.by_case, case_rows, indent + "    ");
    if (c.parts) out += parts_lines(*c.parts, case_rows, indent + "    ");
    return out;
}

// The effects on the cases: the cohort's figures, then the cases with the largest changes, then a summary line.
void render_effects(const CaseEffects& effects, std::size_t rows, std::string& out) {
    if (effects.attribution) render_attribution_note(*effects.attribution, out);
    if (!effects.cohort.empty()) {
        out += "\ncohort\n";
        for (const auto& c : effects.cohort) out += figure_lines(c, "  ", std::min<std::size_t>(rows, 5));
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
        out += figure_lines(c, "      ");
    }
    for (const auto& err : effects.errors) out += err + (err.empty() || err.back() == '\n' ? "" : "\n");
    out += "\n" + std::to_string(effects.cases) + " case" + (effects.cases == 1 ? "" : "s") + ", " +
           std::to_string(effects.affected) + " affected";
    if (!effects.errors.empty()) out += ", " + std::to_string(effects.errors.size()) + " could not be evaluated";
    if (effects.only_new + effects.only_old > 0)
        out += "; not compared: " + std::to_string(effects.only_new) + " of the new run alone, " + std::to_string(effects.only_old) +
               " of the old run alone";
    if (const FigureChange* big = largest(effects))
        out += "; largest change: " + big->output + " of " + big->case_id + ", " + big->difference;
    out += "\n";
}

// --attribute: a figure's parts, each {change, amount (as shown), exact (in the figure's own unit)}.
void attribution_json(const FigureChange& c, bool attributing, nlohmann::ordered_json& x) {
    if (!attributing) return;
    auto parts = [](const std::vector<Share>& shares) {
        nlohmann::ordered_json a = nlohmann::ordered_json::array();
        for (const auto& s : shares) a.push_back({{"change", s.change}, {"amount", s.shown}, {"exact", s.amount.str()}});
        return a;
    };
    x["attribution"] = parts(c.attribution);
    x["interactions"] = parts(c.interactions);
    if (!c.unattributed.empty()) x["unattributed"] = c.unattributed;
}

// A cohort figure's change case by case: {both, new_only, old_only: {cases, change, exact}, largest: [{case, file, in, change, exact}]}.
nlohmann::ordered_json case_split_json(const CaseSplit& s) {
    nlohmann::ordered_json j;
    const std::pair<CaseMove, const char*> keys[] = {{CaseMove::both, "both"}, {CaseMove::new_only, "new_only"}, {CaseMove::old_only, "old_only"}};
    for (const auto& [m, key] : keys) {
        const auto& g = s.groups[static_cast<std::size_t>(m)];
        j[key] = {{"cases", g.cases}, {"change", g.shown}, {"exact", g.amount.str()}};
    }
    j["largest"] = nlohmann::ordered_json::array();
    for (const auto& c : s.largest)
        j["largest"].push_back({{"case", c.case_id}, {"file", c.file}, {"in", case_move_text(c.move)}, {"change", c.shown}, {"exact", c.amount.str()}});
    return j;
}

// A figure made of others: a sum {kind, formula, change, exact, terms}, or a ratio {kind, numerator, denominator},
// each side {formula, change, exact, terms}; each term {name, sign, change, exact, by_case}.
nlohmann::ordered_json parts_json(const PartsSplit& s) {
    auto side = [](const SideChange& x) {
        nlohmann::ordered_json j{{"formula", x.formula}, {"change", x.shown}, {"exact", x.amount.str()}, {"terms", nlohmann::ordered_json::array()}};
        for (const auto& t : x.terms)
            j["terms"].push_back({{"name", t.name}, {"sign", t.sign}, {"change", t.shown}, {"exact", t.amount.str()}, {"by_case", case_split_json(t.by_case)}});
        return j;
    };
    switch (s.kind) {
        case PartsKind::sum: {
            nlohmann::ordered_json j{{"kind", "sum"}};
            j.update(side(s.sides.front()));
            return j;
        }
        case PartsKind::ratio: return {{"kind", "ratio"}, {"numerator", side(s.sides.at(0))}, {"denominator", side(s.sides.at(1))}};
    }
    return {};
}

void effects_json(const CaseEffects& effects, nlohmann::ordered_json& j) {
    const bool attributing = effects.attribution.has_value();
    if (attributing)
        j["attribution"] = {{"method", "shapley"}, {"players", effects.attribution->method}, {"changes", effects.attribution->players},
                            {"grouped", effects.attribution->grouped}, {"not_players", effects.attribution->unattributed}};
    j["cohort"] = nlohmann::ordered_json::array();
    for (const auto& c : effects.cohort) {
        nlohmann::ordered_json x{{"output", c.output}, {"before", c.before}, {"after", c.after}, {"difference", c.difference}};
        attribution_json(c, attributing, x);
        if (c.by_case) x["by_case"] = case_split_json(*c.by_case);
        if (c.parts) x["parts"] = parts_json(*c.parts);
        j["cohort"].push_back(std::move(x));
    }
    j["cases"] = nlohmann::ordered_json::array();
    for (const auto& c : effects.changes) {
        nlohmann::ordered_json x{{"case", c.case_id}, {"file", c.file}, {"output", c.output}, {"before", c.before},
                                 {"after", c.after}, {"difference", c.difference}};
        attribution_json(c, attributing, x);
        j["cases"].push_back(std::move(x));
    }
    nlohmann::ordered_json s{{"cases", effects.cases}, {"affected", effects.affected}, {"failed", effects.errors.size()},
                             {"only_new", effects.only_new}, {"only_old", effects.only_old}};
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
        out += "  " + std::string(change_kind_name(c.kind)) + " " + c.name + "\n";
        for (const auto& a : c.aspects) out += aspect_text(c.kind, a);
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
        nlohmann::ordered_json x{{"section", c.section}, {"change", change_kind_name(c.kind)}, {"name", c.name}};
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

std::string diff_csv(const std::vector<ScenarioEffects>& effects) {
    std::string out = "scenario,case,file,output,before,after,difference,change,amount,exact\n";
    auto row = [&](const std::string& scenario, const FigureChange& c, const std::string& change, const std::string& amount, const std::string& exact) {
        for (const std::string* x : {&scenario, &c.case_id, &c.file, &c.output, &c.before, &c.after, &c.difference, &change, &amount})
            out += csv_text_field(*x) + ",";
        out += csv_text_field(exact) + "\n";
    };
    for (const auto& e : effects)
        for (const auto* list : {&e.effects.cohort, &e.effects.changes})
            for (const auto& c : *list) {
                if (c.attribution.empty()) row(e.scenario, c, "", "", "");
                for (const auto& s : c.attribution) row(e.scenario, c, s.change, s.shown, s.amount.str());
                for (const auto& s : c.interactions) row(e.scenario, c, "together: " + s.change, s.shown, s.amount.str());
            }
    return out;
}

}  // namespace reckon
