// `reckon diff --cases`, a cohort figure's change down to the cases: for a figure that is a sum or a count over
// the cases (as explain splits it), each case's part under the old run and under the new, the change case by case
// (exact), and the cases that add to it in one run alone: the cohort's membership change, apart from the change
// within the cases that add to it in both.
#pragma once

#include "commands/diff/diff.hpp"
#include "commands/explain/explain.hpp"

#include <optional>
#include <vector>

namespace reckon {

// One run's cohort: its program, its params (bind_params) and its cases as the cohort rules read them.
struct CohortRun {
    const Program& p;
    const std::vector<Value>& params;
    const std::vector<CohortCase>& cases;
};

// Each cohort figure of `effects` that changed and is a sum or a count over the cases in both versions gets its
// FigureChange::by_case: every case whose part changed (the largest first), and the totals of the cases that add
// to it in both runs, in the new alone and in the old alone. Cases are matched by file and id.
void split_by_case(const CohortRun& old_run, const CohortRun& new_run, CaseEffects& effects);

// A change in the figure's own unit as a case's part is shown: "+£38,765.48", rounded to its decimals; "no change".
std::string shown_change(const Program& p, const RuleDef& r, const Number& own);
// The change of a figure from `before` to `after` (exact, in its own unit) as the diff shows a figure's change: the
// difference of the two as shown, each rounded to its decimals.
Number shown_delta(const RuleDef& r, const Number& before, const Number& after);

// A cohort rule's change case by case, where it is a sum or a count over the cases in both runs (and no figure by
// member); none otherwise. EvalError when a case's part fails to evaluate.
std::optional<CaseSplit> rule_by_case(const CohortRun& old_run, const RuleDef& old_rule, const CohortRun& new_run, const RuleDef& new_rule);

// Each cohort figure of `effects` that changed, whose formula (where it is defined: `if C then X else none` is X)
// is cohort figures over the cases added and taken away (A - B) or a ratio of such ((A - B) / A * 100, scaled by
// numbers), in both versions alike, gets its FigureChange::parts: each of those figures' change, exact, and case by
// case. A sum's parts are given only where they add up exactly to the figure's change.
void split_by_parts(const CohortRun& old_run, const CohortRun& new_run, CaseEffects& effects);

}  // namespace reckon
