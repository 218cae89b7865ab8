// Finding the figure a command line names: the rule by its name (a case's
// figure, the cohort's, or both), and the member named inside its
// parentheses; a name that is neither is an error that lists the outputs.
#include "cli/named_figure.hpp"
#include "core/base/nearest_names.hpp"

#include "core/base/source.hpp"
#include "core/program/settings.hpp"

#include <algorithm>
#include <vector>

namespace reckon::cli {

NamedFigure figure_named(const Program& p, const std::string& output, const std::string& ruleset) {
    NamedFigure f;
    // `per_hour(Band.band5)`: one member of a figure by member
    const auto open = output.find('(');
    const bool names_member = open != std::string::npos && open > 0 && output.back() == ')';
    f.name = names_member ? output.substr(0, open) : output;
    f.member = names_member ? output.substr(open + 1, output.size() - open - 2) : "";
    for (std::size_t i = 0; i < p.rules.size(); ++i)
        if (p.rules[i].name == f.name) (p.rules[i].cohort ? f.cohort_slot : f.case_slot) = static_cast<int>(i);
    if (f.case_slot < 0 && f.cohort_slot < 0) {
        std::string names;
        std::vector<std::string> all;
        for (int o : p.outputs) all.push_back(p.rules[o].name);
        for (int o : p.cohort_outputs)
            if (std::find(all.begin(), all.end(), p.rules[o].name) == all.end()) all.push_back(p.rules[o].name);
        for (const auto& n : all) names += (names.empty() ? "" : ", ") + n;
        std::string near = closest_name(f.name, all);
        throw RequestError("'" + output + "' is not an output or rule of " + ruleset + (near.empty() ? "" : " (did you mean '" + near + "'?)") +
                         "; its outputs are: " + names);
    }
    return f;
}

// The member named in `name(member)` or `name(Enumeration.member)` of figure `slot`, or -1 when the name has none.
int member_named(const Program& p, int slot, const std::string& written, const std::string& member) {
    if (member.empty()) return -1;
    const RuleDef& r = p.rules[slot];
    if (!r.by) throw RequestError("'" + written + "': '" + r.name + "' is one figure, not a figure by member: name it without '(…)'");
    const EnumDef& e = *r.by;
    const int m = e.member_written(member, true);
    if (m < 0 && !e.factors.empty())
        throw RequestError("'" + written + "': name a member of each of " + e.name + ", in order, as in " + r.name + "(" + e.example() + ")");
    if (m < 0) {
        const std::string bare = member.rfind(e.name + ".", 0) == 0 ? member.substr(e.name.size() + 1) : member;
        std::string all;
        for (const auto& x : e.members) all += (all.empty() ? "" : ", ") + x;
        throw RequestError("'" + written + "': '" + bare + "' is not a member of " + e.name + " (its members: " + all + ")");
    }
    return m;
}

}  // namespace reckon::cli
