// Evaluation of the tree against one case: rules are evaluated lazily,
// at most once each, and only when an output needs them.
#pragma once

#include "core/program/case.hpp"
#include "core/program/program.hpp"

#include <map>
#include <optional>
#include <vector>

namespace reckon {

struct CoverageLog;
struct RunConstants;
struct ValueCode;

// An exact result no larger than the digits limit allows (a runaway calculation is stopped before it takes all
// the memory); throws EvalError at n.
const Number& big_within_digits(const Number& x, const Node& n, std::uint64_t digits);
inline const Number& within_digits(const Number& x, const Node& n, std::uint64_t digits) {
    return x.small() ? x : big_within_digits(x, n, digits);  // a small form has at most 19 digits
}

// out = a + b, a - b, a * b or a / b, as n's operation says: exact, made where out is kept, and within the digits
// limit; throws EvalError at n (division by zero, a runaway result).
inline const Number& arithmetic(Number& out, const Node& n, const Number& a, const Number& b, std::uint64_t digits) {
    if (n.op == Op::add) Number::add(out, a, b);
    else if (n.op == Op::sub) Number::subtract(out, a, b);
    else if (n.op == Op::mul) Number::multiply(out, a, b);
    else if (b == 0) throw EvalError(n.where, "division by zero");
    else Number::divide(out, a, b);
    return within_digits(out, n, digits);
}
// a < b, a <= b, a > b or a >= b, as op says.
inline bool ordered(Op op, const Number& a, const Number& b) {
    if (op == Op::lt) return a < b;
    if (op == Op::le) return a <= b;
    if (op == Op::gt) return a > b;
    return a >= b;  // ge
}
// Whether two values of one type are equal: texts, truth values, or what numbers, dates and members hold.
inline bool same_value(const Value& a, const Value& b) {
    return a.kind == Value::Kind::text ? *a.s() == *b.s() : a.kind == Value::Kind::boolean ? a.b() == b.b() : a.n() == b.n();
}

// Param values for a run: each param's formula, or its override (a param
// slot mapped to a checked constant node).
using Overrides = std::map<int, const Node*>;
// The run's tables, one for each of the program's: the program's own, or a copy with some cells set, as `reckon
// sensitivity` sets the cells with a range for each run.
using RunTables = std::vector<const TableDef*>;
std::vector<Value> bind_params(const Program& p, const Overrides& overrides = {}, const RunTables* tables = nullptr);
// The run's --param settings (p.overrides) as Overrides.
Overrides command_line_overrides(const Program& p);

// What one traced evaluation of a formula did, for explain: each function
// call (the one it was made in, its arguments and value) and each rounding
// (the value before and after), in the order made.
struct CallTrace {
    struct Rounding {
        const Node* node;
        Number before, after;
        int call;  // the call it was made in, or -1
    };
    struct Call {
        int fn;
        int parent;  // the call it was made in, or -1
        std::vector<Value> args;
        Value result;
    };
    // A table's row looked up: its key_text(), whatever gave the key (a loop's element, a function's argument).
    struct Lookup {
        int table;
        std::string row;
        int call;  // the call it was made in, or -1
    };
    std::vector<Call> calls;
    std::vector<Rounding> roundings;
    std::vector<Lookup> lookups;
    std::vector<int> open;  // the calls under way, innermost last
};

// Function results kept across the evaluators of one run. A function sees only its arguments, params and tables,
// which a run fixes, so a function of one enumeration has one value for each member in the whole run, whatever
// the case: `cost(t)` priced once for each offence type rather than once for each offence.
class CallMemo {
public:
    explicit CallMemo(const Program& p);
    const Value* find(int fn, const Value& arg) const;
    void keep(int fn, const Value& arg, const Value& v);

private:
    std::vector<std::vector<std::optional<Value>>> by_fn_;  // by member; empty for a function not kept
};

// The cohort's aggregates over `cases` folded as the cases streamed (cohort_fold.hpp's CohortTotals): what the
// evaluator of the cohort rules reads instead of the cases' records.
class FoldedCohort {
public:
    virtual ~FoldedCohort() = default;
    // Whether rule i's aggregates were folded (an evaluator with these totals may evaluate it).
    virtual bool planned(int rule) const = 0;
    // Aggregate n's value for a member (-1: not by member), or its error thrown; nullopt when n did not fold.
    virtual std::optional<Value> folded(const Node& n, int member) const = 0;

protected:
    FoldedCohort() = default;
    FoldedCohort(const FoldedCohort&) = default;
    FoldedCohort(FoldedCohort&&) = default;
    FoldedCohort& operator=(const FoldedCohort&) = default;
    FoldedCohort& operator=(FoldedCohort&&) = default;
};

class Evaluator {
public:
    // params: from bind_params; inputs: from load_case, in input slot order. Both are
    // read in place: they must outlive the evaluator.
    Evaluator(const Program& p, const std::vector<Value>& params, const std::vector<Value>& inputs);
    // For the cohort rules: `cases` is a list with, for each case, the values of p.cohort_fields. With totals,
    // an aggregate over the cases that folds is read from them (cohort_fold.hpp), and `cases` holds only the
    // records kept; case_count is then the number of cases, for the step limit.
    Evaluator(const Program& p, const std::vector<Value>& params, const Value& cases, const FoldedCohort* totals = nullptr,
              std::size_t case_count = 0);

    // Ready for the next case of the same run (program and params), its storage kept: the case's inputs.
    void reset(const std::vector<Value>& inputs);

    // The run's tables (read in place); null: the program's.
    void set_tables(const RunTables* tables) { tables_ = tables; }
    // The run's function results, shared by its evaluators on one thread; null: none kept.
    void set_memo(CallMemo* memo) { memo_ = memo; }
    // The values of the parts of formulas that read only the run (fold_constants.hpp), computed under the same
    // params and the program's tables; null: every part evaluated.
    void set_constants(const RunConstants* constants) { constants_ = constants; }
    // What the evaluation reaches, recorded in `log` (coverage_log.hpp); null: nothing recorded. With a log, every
    // formula is walked as written: no compiled code and no folded parts.
    void set_coverage(CoverageLog* log) { coverage_ = log; }

    // Throws EvalError at the first error, with the chain of rules in its notes.
    const Value& rule(int i);
    // Whether rule i has been evaluated; and a rule's value given, as if evaluated (a value known from another run
    // with the same inputs and the same values of what it reads).
    bool evaluated(int i) const { return rule_state_[static_cast<std::size_t>(i)] == 2; }
    void preset(int i, const Value& v) {
        rules_[static_cast<std::size_t>(i)] = v;
        rule_state_[static_cast<std::size_t>(i)] = 2;
    }
    // A constant expression (expected figures, given values).
    Value constant(const Node& n);
    // A formula whose locals the checker counted (a `require`'s condition).
    Value in_frame(const Node& n, int frame) { return frame_eval(n, frame); }
    // A part of a figure by member's formula, for one member of `by` (bound, as when the figure is evaluated, to
    // local slot 0; a product's, each factor's member to a slot of its own).
    Value for_member(const Node& n, int frame, int member, const EnumDef& by);
    // One case's part of an aggregate over the cases (`agg`, in a cohort rule whose formula needs `frame` locals),
    // for a member of a figure by member (`by`) or, with member -1, for a figure of its own: its element, or
    // nullopt when the filter leaves the case out. Throws EvalError.
    std::optional<Value> case_part(const Node& agg, int frame, int member, const EnumDef* by, const Value& record);
    // A formula evaluated again with each call and rounding it makes recorded (member >= 0: for that member).
    // What it reads should be evaluated first: the rules it reads are not traced again.
    Value traced(const Node& n, int frame, int member, const EnumDef* by, CallTrace& trace);

private:
    friend std::vector<Value> bind_params(const Program&, const Overrides&, const RunTables*);
    friend struct Machine;  // what compiled code reads and runs (compiled_code.hpp)
    // A step into n, as eval() takes one: throws EvalError past the depth or step limit, else raises the depth and
    // gives it, to be lowered when the step is done.
    std::uint64_t* enter(const Node& n) {
        if (depth_ >= depth_limit_ || steps_ >= step_limit_) beyond_limits(n);
        ++steps_;
        ++depth_;
        return &depth_;
    }
    [[noreturn]] void beyond_limits(const Node& n) const;
    // Rule i's compiled formula, when this evaluator runs compiled code; else null.
    const ValueCode* compiled(int i) const;
    // A call of function n.slot, by the tree or by compiled code: push_args() pushes its arguments onto the locals,
    // which become the start of the callee's frame; body() gives its value in that frame. The run's memo, the trace
    // and the note that names the call are kept here.
    template <typename PushArgs, typename Body> Value invoke(const Node& n, PushArgs&& push_args, Body&& body);
    Evaluator(const Program& p, const Overrides& overrides);
    const Value& param(int i);
    // A step into n: its operation evaluated, the larger ones by a function of their own (eval_operators.cpp).
    Value eval(const Node& n);
    const Value& operand(const Node& n, Value& tmp);
    // Operators and arithmetic (eval_operators.cpp).
    Value calculation(const Node& n);
    Value comparison(const Node& n);
    Value rounded(const Node& n);
    Value extremum(const Node& n);
    Value power(const Node& n);
    Value numbers(const Node& n);
    // Lookups and dates (eval_lookup.cpp).
    Value lookup(const Node& n);
    Value dated(const Node& n);
    Value pick(const Node& n);
    Value date_shift(const Node& n);
    Value make_date(const Node& n);
    Value financial_year(const Node& n);
    Value months(const Node& n);    // add_months, months_between, end_of_month (eval_months.cpp)
    Value average(const Node& n);   // mean_of, median_of (eval_months.cpp)
    // Calls and aggregates (eval_calls.cpp).
    Value call(const Node& n);
    Value aggregate(const Node& n);
    Value grouped(const RuleDef& r);
    Value frame_eval(const Node& n, int frame);
    // run() in a new frame of `frame` locals, as no figure by member.
    template <typename Run> Value framed(int frame, Run&& run);
    void open_frame(int frame, int member, const EnumDef* by);
    // The run's value of a part that reads only the run, when it is known; else null.
    const Value* folded(const Node& n) const;

    const Program& p_;
    const Overrides* overrides_ = nullptr;
    std::vector<Value> own_params_;           // while binding params (bind_params)
    const std::vector<Value>* params_ = nullptr;  // the run's params: bound, or own_params_
    std::vector<std::uint8_t> param_done_;
    const std::vector<Value>* inputs_ = nullptr;
    const Value* cases_ = nullptr;
    const FoldedCohort* totals_ = nullptr;
    int member_ = -1;  // the member of the figure by member being evaluated, or -1
    CallTrace* trace_ = nullptr;  // while traced() runs
    const RunTables* tables_ = nullptr;
    CallMemo* memo_ = nullptr;
    const RunConstants* constants_ = nullptr;
    CoverageLog* coverage_ = nullptr;
    std::vector<Value> rules_;
    std::vector<std::uint8_t> rule_state_;  // 0 not yet, 1 evaluating, 2 done
    std::vector<Value> locals_;
    std::size_t base_ = 0;
    std::uint64_t depth_ = 0, steps_ = 0, step_limit_ = 0;  // the program's limits: depth and steps
    std::uint64_t depth_limit_ = 0;
};

template <typename PushArgs, typename Body>
Value Evaluator::invoke(const Node& n, PushArgs&& push_args, Body&& body) {
    const FnDef& f = p_.fns[static_cast<std::size_t>(n.slot)];
    // The arguments go straight into the callee's frame at the end of the locals; a call inside an argument makes
    // its frame after them and leaves them as they were.
    const std::size_t saved = base_;
    const std::size_t frame_base = locals_.size();
    push_args();
    const bool memo = memo_ && !trace_ && n.kids.size() == 1;  // a function of one enumeration: priced once a run
    if (memo)
        if (const Value* kept = memo_->find(n.slot, locals_[frame_base])) {
            Value v = *kept;
            locals_.resize(frame_base);
            return v;
        }
    int traced = -1;
    if (trace_) {
        traced = static_cast<int>(trace_->calls.size());
        trace_->calls.push_back({n.slot, trace_->open.empty() ? -1 : trace_->open.back(),
                                 std::vector<Value>(locals_.begin() + static_cast<std::ptrdiff_t>(frame_base), locals_.end()), {}});
        trace_->open.push_back(traced);
    }
    locals_.resize(frame_base + static_cast<std::size_t>(f.frame));
    base_ = frame_base;
    try {
        Value v = body();
        if (memo) memo_->keep(n.slot, locals_[frame_base], v);
        locals_.resize(frame_base);
        base_ = saved;
        if (trace_ && traced >= 0) {
            trace_->calls[static_cast<std::size_t>(traced)].result = v;
            trace_->open.pop_back();
        }
        return v;
    } catch (EvalError& e) {
        if (trace_ && traced >= 0) trace_->open.pop_back();
        locals_.resize(frame_base);
        base_ = saved;
        e.add_note("in function '" + f.name + "' called at " + n.where.str());
        throw;
    }
}

// Checks the ruleset's `require` conditions on a loaded case, with the evaluator of that case; throws
// CompileError pointing at the input's line in the case file.
void check_requires(const Program& p, Evaluator& ev, const Case& c);

// A case's outputs, evaluated.
struct CaseResult {
    std::string case_id;
    std::vector<Value> outputs;  // in p.outputs order
};

// Evaluates every output of the case under the run's params (after checking
// the ruleset's `require`s). With cohort_row, also what the cohort rules read
// from the case (p.cohort_fields), from the same evaluation.
// With constants (run_constants() of the same program and params), what reads only the run is read from them.
CaseResult evaluate_outputs(const Program& p, const std::vector<Value>& params, const Case& c,
                            std::vector<Value>* cohort_row = nullptr, const RunConstants* constants = nullptr);
// The same in an evaluator kept from case to case of one run (made for p and params on first use), so that each
// case reuses the storage of the one before.
CaseResult evaluate_outputs(std::optional<Evaluator>& kept, const Program& p, const std::vector<Value>& params, const Case& c,
                            std::vector<Value>* cohort_row = nullptr, const RunConstants* constants = nullptr);

}  // namespace reckon
