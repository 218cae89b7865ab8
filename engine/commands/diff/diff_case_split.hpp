// `reckon diff --cases`, a cohort figure's change down to the cases: for a figure that is a sum or a count over
// the cases (as explain splits it), each case's part under the old run and under the new, the change case by case
// (exact), and the cases that add to it in one run alone: the cohort's membership change, apart from the change
// within the cases that add to it in both.
#pragma once

#include "commands/diff/diff.hpp"
#include "commands/explain/explain.hpp"

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

}  // namespace reckon
