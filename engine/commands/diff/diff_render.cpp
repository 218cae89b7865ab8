// `reckon diff`, written out: the changes to the methodology, section by section, then the effects on the cases
// under each scenario, as text people read (the cases with the largest changes, --rows of them) and as JSON (all).
#include "commands/diff/diff.hpp"

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

}  // namespace reckon
