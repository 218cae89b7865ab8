// The tree-walking evaluator's frames and rules: the params bound for a run, a rule evaluated at most once a case
// (by its compiled code when the run has it), and the frames of locals that a formula, a figure by member, a case's
// part of a cohort aggregate and a traced evaluation run in; and the depth and step limits that stop a runaway
// case. Each operation of a formula is evaluated in eval_operators.cpp, eval_lookup.cpp and eval_calls.cpp.
#include "core/eval/eval.hpp"

#include "core/eval/coverage_log.hpp"
#include "core/eval/run_constants.hpp"
#include "core/base/limits.hpp"

#include <algorithm>

namespace reckon {

std::vector<Value> bind_params(const Program& p, const Overrides& overrides, const RunTables* tables) {
    Evaluator e(p, overrides);
    e.set_tables(tables);
    try {
        for (std::size_t i = 0; i < p.params.size(); ++i) e.param(static_cast<int>(i));
    } catch (const EvalError& x) {  // a param no case can mend (a date before a dated param's first): reported as the ruleset's
        throw CompileError({x.diagnostic()});
    }
    return std::move(e.own_params_);
}

Overrides command_line_overrides(const Program& p) {
    Overrides o;
    for (const auto& [slot, node] : p.overrides) o[slot] = node.get();
    return o;
}

Evaluator::Evaluator(const Program& p, const Overrides& overrides)
    : p_(p), overrides_(&overrides), own_params_(p.params.size()), params_(&own_params_), param_done_(p.params.size(), 0),
      step_limit_(p_.limits.steps), depth_limit_(p_.limits.depth) {}

Evaluator::Evaluator(const Program& p, const std::vector<Value>& params, const std::vector<Value>& inputs)
    : p_(p), params_(&params), inputs_(&inputs), rules_(p.rules.size()),
      rule_state_(p.rules.size(), 0), step_limit_(p_.limits.steps), depth_limit_(p_.limits.depth) {}

Evaluator::Evaluator(const Program& p, const std::vector<Value>& params, const Value& cases, const FoldedCohort* totals,
                     std::size_t case_count)
    : p_(p), params_(&params), cases_(&cases), totals_(totals), rules_(p.rules.size()), rule_state_(p.rules.size(), 0),
      step_limit_(p_.limits.steps *
                  std::max<std::uint64_t>(1, totals ? case_count : cases.items().size())),
      depth_limit_(p_.limits.depth) {}

void Evaluator::reset(const std::vector<Value>& inputs) {
    inputs_ = &inputs;
    std::fill(rule_state_.begin(), rule_state_.end(), std::uint8_t{0});
    locals_.clear();
    base_ = 0;
    depth_ = 0;
    steps_ = 0;
    member_ = -1;
}

template <typename Run>
Value Evaluator::framed(int frame, Run&& run) {
    std::size_t saved = base_;
    const int member = member_;
    base_ = locals_.size();
    member_ = -1;
    locals_.resize(base_ + static_cast<std::size_t>(frame));
    Value v = run();
    locals_.resize(base_);
    base_ = saved;
    member_ = member;
    return v;
}

Value Evaluator::frame_eval(const Node& n, int frame) { return framed(frame, [&] { return eval(n); }); }

const Value& Evaluator::param(int i) {
    if (coverage_) coverage_->params[static_cast<std::size_t>(i)] = 1;
    if (!param_done_.empty() && !param_done_[i]) {  // empty: the params were bound before (bind_params)
        const ParamDef& d = p_.params[i];
        auto o = overrides_ ? overrides_->find(i) : Overrides::const_iterator{};
        if (overrides_ && o != overrides_->end()) own_params_[i] = frame_eval(*o->second, 0);
        else if (d.formula) own_params_[i] = frame_eval(*d.formula, d.frame);
        else  // a run input with no default, and no run data given
            throw EvalError(d.where, "run input '" + d.name + "' has no value: the ruleset reads it from the run data; give the file with --run-data FILE" +
                                         (one_value(d.type) ? ", or its value with --param " + d.name + "=VALUE" : ""));
        param_done_[i] = 1;
    }
    return (*params_)[i];
}

const Value& Evaluator::rule(int i) {
    if (rule_state_[i] == 2) return rules_[i];
    if (coverage_) coverage_->rules[static_cast<std::size_t>(i)] = 1;
    const RuleDef& r = p_.rules[i];
    if (totals_ && r.cohort && !totals_->planned(i))  // its totals were not kept: it would read no case
        throw std::logic_error("internal error: cohort rule '" + r.name + "' evaluated outside its fold's plan");
    rule_state_[i] = 1;
    try {
        if (const ValueCode* code = compiled(i)) rules_[i] = framed(r.frame, [&] { return run_compiled(*code, *this); });
        else rules_[i] = r.by ? grouped(r) : frame_eval(*r.formula, r.frame);
    } catch (EvalError& e) {
        e.add_note("while evaluating " + std::string(r.output ? "output" : "rule") + " '" + r.name + "' (" + r.where.str() + ")");
        throw;
    }
    rule_state_[i] = 2;
    return rules_[i];
}

// A new frame of `frame` locals (at least one for each factor of `by`), the member of `by` bound in its first slots
// (each factor's member in its own slot, as the parameters are bound).
void Evaluator::open_frame(int frame, int member, const EnumDef* by) {
    base_ = locals_.size();
    locals_.resize(base_ + std::max(static_cast<std::size_t>(frame), std::max<std::size_t>(by ? by->factors.size() : 0, 1)));
    if (!by) return;
    if (by->factors.empty()) {
        locals_[base_] = Value::member(member);
        return;
    }
    const auto parts = by->factor_members(static_cast<std::size_t>(member));
    for (std::size_t f = 0; f < parts.size(); ++f) locals_[base_ + f] = Value::member(static_cast<int>(parts[f]));
}

Value Evaluator::for_member(const Node& n, int frame, int member, const EnumDef& by) {
    std::size_t saved = base_;
    const int outer = member_;
    member_ = member;
    open_frame(frame, member, &by);
    Value v = eval(n);
    locals_.resize(base_);
    base_ = saved;
    member_ = outer;
    return v;
}

std::optional<Value> Evaluator::case_part(const Node& agg, int frame, int member, const EnumDef* by, const Value& record) {
    const std::size_t saved = base_;
    open_frame(frame, member, by);
    locals_[base_ + static_cast<std::size_t>(agg.slot)] = record;
    std::optional<Value> out;
    try {
        const Node* element = agg.kids[1].get();
        const Node* filter = agg.kids[2].get();
        if (!filter || eval(*filter).b()) out = agg.op == Op::count ? Value() : element ? eval(*element) : record;
    } catch (...) {
        locals_.resize(base_);
        base_ = saved;
        throw;
    }
    locals_.resize(base_);
    base_ = saved;
    return out;
}

Value Evaluator::traced(const Node& n, int frame, int member, const EnumDef* by, CallTrace& trace) {
    trace_ = &trace;
    try {
        Value v = member >= 0 && by ? for_member(n, frame, member, *by) : frame_eval(n, frame);
        trace_ = nullptr;
        return v;
    } catch (...) {
        trace_ = nullptr;
        throw;
    }
}

// The formula once for each member, with the member in local slot 0.
Value Evaluator::grouped(const RuleDef& r) {
    std::vector<Value> out;
    out.reserve(r.by->members.size());
    for (std::size_t m = 0; m < r.by->members.size(); ++m) out.push_back(for_member(*r.formula, r.frame, static_cast<int>(m), *r.by));
    return Value::list(std::move(out));
}

namespace {
// Locals a constant expression needs: one more than the highest slot it binds.
int frame_needed(const Node& n) {
    int need = (n.op == Op::let_ || n.op == Op::sum || n.op == Op::count || n.op == Op::least || n.op == Op::most ||
                n.op == Op::collect) ? n.slot + 1 : 0;
    for (const auto& k : n.kids)
        if (k) need = std::max(need, frame_needed(*k));
    return need;
}
}  // namespace

Value Evaluator::constant(const Node& n) { return frame_eval(n, frame_needed(n)); }

// Why a step was refused: the formulas nested too deep, or the case too long to evaluate.
void Evaluator::beyond_limits(const Node& n) const {
    if (depth_ >= depth_limit_)
        throw EvalError(n.where, "formulas are nested more than " + std::to_string(p_.limits.depth) +
                                     " levels deep here, through the rules they use (the limit can be raised with --limit depth=N)");
    throw EvalError(n.where, "this case takes more than " + std::to_string(step_limit_) +
                                 " steps to evaluate (the limit can be raised with --limit steps=N)");
}

const ValueCode* Evaluator::compiled(int i) const {
    if (!constants_ || !constants_->code || trace_ || coverage_ || cases_ || totals_) return nullptr;
    return constants_->code->rule(i);
}

}  // namespace reckon
