// Evaluation of the tree against one case: rules are evaluated lazily,
// at most once each, and only when an output needs them.
#pragma once

#include "program.hpp"

#include <map>
#include <vector>

namespace reckon {

// Param values for a run: each param's formula, or its override (a param
// slot mapped to a checked constant node).
using Overrides = std::map<int, const Node*>;
std::vector<Value> bind_params(const Program& p, const Overrides& overrides = {});
// The run's --param settings (p.overrides) as Overrides.
Overrides command_line_overrides(const Program& p);

class Evaluator {
public:
    // params: from bind_params; inputs: from load_case, in input slot order. Both are
    // read in place: they must outlive the evaluator.
    Evaluator(const Program& p, const std::vector<Value>& params, const std::vector<Value>& inputs);
    // For the cohort rules: `cases` is a list with, for each case, the values of p.cohort_fields.
    Evaluator(const Program& p, const std::vector<Value>& params, const Value& cases);

    // Throws EvalError at the first error, with the chain of rules in its notes.
    const Value& rule(int i);
    // A constant expression (expected figures, given values).
    Value constant(const Node& n);
    // A formula whose locals the checker counted (a `require`'s condition).
    Value in_frame(const Node& n, int frame) { return frame_eval(n, frame); }

private:
    friend std::vector<Value> bind_params(const Program&, const Overrides&);
    Evaluator(const Program& p, const Overrides& overrides);
    const Value& param(int i);
    Value eval(const Node& n);
    const Value& operand(const Node& n, Value& tmp);
    Value call(const Node& n);
    Value aggregate(const Node& n);
    Value grouped(const RuleDef& r);
    Value frame_eval(const Node& n, int frame);

    const Program& p_;
    const Overrides* overrides_ = nullptr;
    std::vector<Value> own_params_;           // while binding params (bind_params)
    const std::vector<Value>* params_ = nullptr;  // the run's params: bound, or own_params_
    std::vector<std::uint8_t> param_done_;
    const std::vector<Value>* inputs_ = nullptr;
    const Value* cases_ = nullptr;
    std::vector<Value> rules_;
    std::vector<std::uint8_t> rule_state_;  // 0 not yet, 1 evaluating, 2 done
    std::vector<Value> locals_;
    std::size_t base_ = 0;
    std::uint64_t depth_ = 0, steps_ = 0, step_limit_ = 0;  // limits().depth and .steps
    std::uint64_t depth_limit_ = 0;
};

// The figure as shown: rounded to the output's decimals, half away from zero,
// in the output's own unit ("2356.36", "52").
// A list shows its items separated by ", "; an absent value shows as "not defined".
std::string display(const Program& p, const RuleDef& r, const Value& v);
// One value of type t, as display() shows it.
std::string display_value(const Program& p, const Type& t, int decimals, bool fixed, const Value& v);
// The exact value in the output's own unit (value / scale).
Number in_own_unit(const Program& p, const RuleDef& r, const Value& v);

}  // namespace reckon
