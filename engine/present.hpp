// How a case's outputs are shown: the analyst's table and the JSON of cli.md.
#pragma once

#include "case.hpp"
#include "eval.hpp"

#include <string>

namespace reckon {

struct CaseResult {
    std::string case_id;
    std::vector<Value> outputs;  // in p.outputs order
};

// Evaluates every output of the case under the run's params.
CaseResult evaluate_outputs(const Program& p, const std::vector<Value>& params, const Case& c);

// "£2,356.36", "52 hour", "20%"-free plain numbers: the figure as an analyst pastes it.
std::string display_with_unit(const Program& p, const RuleDef& r, const Value& v);

std::string render_table(const Program& p, const CaseResult& r);
std::string render_json(const Program& p, const CaseResult& r);

}  // namespace reckon
