// A cohort figure's change case by case: each case's part found by the figure's formula over that case alone (as
// explain finds it), under each run; the parts of the cases of both runs compared, those of one run alone taken
// whole. The parts add up to the figure (a sum or a count over the cases is the sum of its parts), so their
// changes add up exactly to the figure's change before it is rounded to be shown.
#include "commands/diff/diff_case_split.hpp"
#include "commands/diff/diff_runs.hpp"

#include "commands/present/display.hpp"
#include "commands/present/present.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace reckon {

const char* case_move_text(CaseMove m) {
    switch (m) {
        case CaseMove::both: return "in both runs";
        case CaseMove::new_only: return "only in the new run";
        case CaseMove::old_only: return "only in the old run";
    }
    return "";
}

namespace {

// Whether a cohort rule is a sum or a count over the cases (as explain splits one).
bool over_cases(const RuleDef& r) {
    if (!r.formula) return false;
    const Node& f = *r.formula;
    return (f.op == Op::sum || f.op == Op::count) && !f.kids.empty() && f.kids[0] && f.kids[0]->op == Op::cases;
}

// The cohort output a figure change is of ("x" or "x[member]"), and the member's index (-1: none); null when the
// run has no such output, or it is no sum or count over the cases.
struct Site {
    const RuleDef* rule = nullptr;
    int member = -1;
};
Site site_of(const Program& p, const std::string& output) {
    const RuleDef* r = figure_rule(p, output, true);
    if (!r || !over_cases(*r)) return {};
    if (output.find('[') == std::string::npos) return r->by ? Site{} : Site{r, -1};
    const int member = figure_member(*r, output);
    return member < 0 ? Site{} : Site{r, member};
}

// Each case's part of the figure, in the figure's own unit, in the run's order of its cases.
std::vector<Number> parts_of(const CohortRun& run, const Site& s) {
    std::vector<Number> out;
    const Node& f = *s.rule->formula;
    for (const auto& c : run.cases) {
        const Value one = Value::list({c.row});
        Evaluator alone(run.p, run.params, one);
        const Value v = s.member >= 0 ? alone.for_member(f, s.rule->frame, s.member, *s.rule->by) : alone.in_frame(f, s.rule->frame);
        out.push_back(v.kind == Value::Kind::number ? in_own_unit(run.p, *s.rule, v) : Number(0));
    }
    return out;
}

// The figure's change case by case; EvalError when a case's part fails to evaluate.
CaseSplit split(const CohortRun& a, const Site& sa, const CohortRun& b, const Site& sb) {
    const auto old_parts = parts_of(a, sa), new_parts = parts_of(b, sb);
    std::vector<CaseChange> changes;
    CaseSplit out;
    auto add = [&](const CohortCase& c, CaseMove m, const Number& amount) {
        auto& g = out.groups[static_cast<std::size_t>(m)];
        ++g.cases;
        g.amount += amount;
        if (amount != 0) changes.push_back({c.id, c.file, m, amount, shown_change(b.p, *sb.rule, amount)});
    };
    std::vector<CaseKey> old_keys, new_keys;  // each case of the new run matched to the old run's (match_cases)
    for (const auto& c : a.cases) old_keys.push_back({c.file, c.id});
    for (const auto& c : b.cases) new_keys.push_back({c.file, c.id});
    const auto match = match_cases(old_keys, new_keys);
    std::vector<bool> matched(a.cases.size(), false);
    for (std::size_t k = 0; k < b.cases.size(); ++k) {
        const Number before = match[k] ? old_parts[*match[k]] : Number(0), after = new_parts[k];
        if (match[k]) matched[*match[k]] = true;
        if (before == 0 && after == 0) continue;
        add(b.cases[k], before == 0 ? CaseMove::new_only : after == 0 ? CaseMove::old_only : CaseMove::both, after - before);
    }
    for (std::size_t k = 0; k < a.cases.size(); ++k)
        if (!matched[k] && old_parts[k] != 0) add(a.cases[k], CaseMove::old_only, -old_parts[k]);
    for (auto& g : out.groups) g.shown = shown_change(b.p, *sb.rule, g.amount);
    for (const auto& x : old_parts) out.before += x;
    for (const auto& x : new_parts) out.after += x;
    std::stable_sort(changes.begin(), changes.end(), [](const CaseChange& x, const CaseChange& y) { return abs(x.amount) > abs(y.amount); });
    out.largest = std::move(changes);
    return out;
}

}  // namespace

std::string shown_change(const Program& p, const RuleDef& r, const Number& own) {
    if (own == 0) return "no change";
    return (own > 0 ? "+" : "") + display_with_unit(p, r, Value::number(own * p.units.scale(r.type.unit)));
}

Number shown_delta(const RuleDef& r, const Number& before, const Number& after) {
    const Number step(1, boost::multiprecision::pow(Integer(10), static_cast<unsigned>(r.decimals)));
    return round_to(after, step, RoundMode::half_away) - round_to(before, step, RoundMode::half_away);
}

std::optional<CaseSplit> rule_by_case(const CohortRun& old_run, const RuleDef& old_rule, const CohortRun& new_run, const RuleDef& new_rule) {
    if (old_rule.by || new_rule.by || !over_cases(old_rule) || !over_cases(new_rule)) return std::nullopt;
    return split(old_run, Site{&old_rule, -1}, new_run, Site{&new_rule, -1});
}

void split_by_case(const CohortRun& old_run, const CohortRun& new_run, CaseEffects& effects) {
    for (auto& fc : effects.cohort) {
        if (fc.difference.empty()) continue;
        const Site sa = site_of(old_run.p, fc.output), sb = site_of(new_run.p, fc.output);
        if (!sa.rule || !sb.rule) continue;
        try {
            fc.by_case = split(old_run, sa, new_run, sb);
        } catch (const EvalError&) {
            continue;  // a case's part that fails fails the figure too: the figure says so, not its split
        }
    }
}

}  // namespace reckon
