// What depends only on the run: the parts of formulas that read nothing of a case (only constants, params,
// tables, functions of those, and rules of those), folded once per run instead of once per case. Compile marks
// each largest such part with a slot (Node::constant); a run evaluates them once under its params
// (RunConstants), and the evaluator of each case reads them from there. `reckon sensitivity`, which changes
// params and tables from run to run within one program, and explain, which traces every call, do not use them.
#pragma once

#include "core/eval/run_constants.hpp"
#include "core/program/program.hpp"

#include <cstdint>
#include <memory>
#include <vector>

namespace reckon {

// Marks the largest parts of every per-case formula (rules, function bodies, requirements) that read only the
// run, each with a slot in p.constants. A pass of compile: mark_run_constants.cpp.
void mark_run_constants(Program& p);

// The values of a program's run constants under a run's params (and the program's tables). A part whose
// evaluation fails is left unknown: each case then evaluates it, and meets the error as it did before.
// With them, the run's rules and functions compiled against them (run_constants.hpp), shared by its evaluators.
// Computed in fold_constants.cpp.
RunConstants run_constants(const Program& p, const std::vector<Value>& params);

}  // namespace reckon
