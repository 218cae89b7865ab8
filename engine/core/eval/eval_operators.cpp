// The tree-walking evaluator's step into a node (Evaluator::eval), which hands each operation to its own
// function, and the operators and arithmetic: + - * / and comparisons (their operands read where they are held),
// rounding, min and max, power() and numbers(), each exact and within the digits limit. Every step counts against
// the depth and step limits; a part that reads only the run is read from the run's constants.
#include "core/eval/eval.hpp"

#include "core/eval/coverage_log.hpp"
#include "core/eval/run_constants.hpp"

namespace reckon {

namespace {
// Lowers the depth that enter() raised.
struct DepthGuard {
    std::uint64_t& depth;
    explicit DepthGuard(std::uint64_t& d) : depth(d) {}
    ~DepthGuard() { --depth; }
};
}  // namespace

Value Evaluator::eval(const Node& n) {
    if (const Value* v = folded(n)) return *v;
    const DepthGuard guard(*enter(n));
    switch (n.op) {
        case Op::constant: return n.value;
        case Op::param: return param(n.slot);
        case Op::input: return (*inputs_)[n.slot];
        case Op::rule: return rule(n.slot);
        case Op::local: return locals_[base_ + n.slot];
        case Op::field: {  // a.hours: the record read in place when it is held (a local too: nothing runs before the copy)
            const Node& k = *n.kids[0];
            if (k.op == Op::local) return (*locals_[base_ + static_cast<std::size_t>(k.slot)].items())[n.slot];
            Value tmp;
            return (*operand(k, tmp).items())[n.slot];
        }
        case Op::neg: {
            Value v = eval(*n.kids[0]);
            v.n() = -v.n();
            return v;
        }
        case Op::not_: return Value::boolean(!eval(*n.kids[0]).b());
        case Op::abs_: {
            Value v = eval(*n.kids[0]);
            if (v.n() < 0) v.n() = -v.n();
            return v;
        }
        case Op::add:
        case Op::sub:
        case Op::mul:
        case Op::div: return calculation(n);
        case Op::eq:
        case Op::ne:
        case Op::lt:
        case Op::le:
        case Op::gt:
        case Op::ge: return comparison(n);
        case Op::and_: return Value::boolean(eval(*n.kids[0]).b() && eval(*n.kids[1]).b());
        case Op::or_: return Value::boolean(eval(*n.kids[0]).b() || eval(*n.kids[1]).b());
        case Op::if_: {
            const bool held = eval(*n.kids[0]).b();
            if (coverage_) (held ? coverage_->then_taken : coverage_->else_taken).insert(&n);
            return eval(*n.kids[held ? 1 : 2]);
        }
        case Op::let_:
            locals_[base_ + n.slot] = eval(*n.kids[0]);
            return eval(*n.kids[1]);
        case Op::call: return call(n);
        case Op::round_: return rounded(n);
        case Op::min_:
        case Op::max_: return extremum(n);
        case Op::sum:
        case Op::count:
        case Op::least:
        case Op::most: return aggregate(n);
        case Op::date_add:
        case Op::date_sub: return date_shift(n);
        case Op::date_diff: return Value::number((eval(*n.kids[0]).n() - eval(*n.kids[1]).n()) * n.step);
        case Op::is_given: return Value::boolean(eval(*n.kids[0]).kind != Value::Kind::none);
        case Op::otherwise: {
            Value v = eval(*n.kids[0]);
            return v.kind != Value::Kind::none ? v : eval(*n.kids[1]);
        }
        case Op::lookup: return lookup(n);
        case Op::dated: return dated(n);
        case Op::pick: return pick(n);
        case Op::make_date: return make_date(n);
        case Op::financial_year: return financial_year(n);
        case Op::collect: return aggregate(n);
        case Op::cases: return *cases_;
        case Op::power: return power(n);
        case Op::numbers: return numbers(n);
        case Op::add_months:
        case Op::months_between:
        case Op::end_of_month: return months(n);
        case Op::mean_of:
        case Op::median_of: return average(n);
    }
    throw EvalError(n.where, "internal error: unknown operation");
}

// A value held where it is (rules_, params and inputs do not move while a
// case is evaluated); anything else is evaluated into tmp. Locals are
// copied: a call in the other operand may move them.
const Value& Evaluator::operand(const Node& n, Value& tmp) {
    if (n.op == Op::constant) return n.value;
    if (const Value* v = folded(n)) return *v;
    if (n.op == Op::param) return param(n.slot);
    if (n.op == Op::input) return (*inputs_)[n.slot];
    if (n.op == Op::rule) return rule(n.slot);
    return tmp = eval(n);
}

const Value* Evaluator::folded(const Node& n) const { return constants_ && !coverage_ ? constants_->of(n) : nullptr; }

// + - * /. Operands that are already held (a constant, a param, an input, a
// rule's value) are read in place.
Value Evaluator::calculation(const Node& n) {
    Value ta, tb;
    const Value& a = operand(*n.kids[0], ta);
    const Value& b = operand(*n.kids[1], tb);
    Number r;
    arithmetic(r, n, a.n(), b.n(), p_.limits.digits);
    return Value::number(std::move(r));
}

// == != < <= > >=, their operands read in place as calculation()'s are.
Value Evaluator::comparison(const Node& n) {
    Value ta, tb;
    const Value& a = operand(*n.kids[0], ta);
    const Value& b = operand(*n.kids[1], tb);
    if (n.op == Op::eq || n.op == Op::ne) return Value::boolean(same_value(a, b) == (n.op == Op::eq));
    return Value::boolean(ordered(n.op, a.n(), b.n()));  // lt, le, gt, ge
}

// round(x, …), floor, ceil: the value before and after recorded when traced.
Value Evaluator::rounded(const Node& n) {
    Value before = eval(*n.kids[0]);
    Value after = Value::number(round_to(before.n(), n.step, n.mode));
    if (trace_) trace_->roundings.push_back({&n, before.n(), after.n(), trace_->open.empty() ? -1 : trace_->open.back()});
    return after;
}

// An exact result too large to be a figure: a runaway calculation, stopped
// before it takes all the memory (the digits limit).
const Number& big_within_digits(const Number& x, const Node& n, std::uint64_t digits) {
    const std::size_t limbs = x.limbs();
    if (limbs * 19 > digits + 19)  // a 64-bit limb holds 19 decimal digits and a bit
        throw EvalError(n.where, "this calculation gives a number of more than " + std::to_string(digits) +
                                     " digits (the limit can be raised with --limit digits=N)");
    return x;
}

// power(x, n): x multiplied by itself n times (1 when n is 0, 1 / x^-n when n is below 0), exactly.
Value Evaluator::power(const Node& n) {
    const Number x = eval(*n.kids[0]).n();
    const Number k = eval(*n.kids[1]).n();
    if (!k.is_integer() || abs(k) > Number(1000000))
        throw EvalError(n.kids[1]->where, "power() takes a whole power from -1,000,000 to 1,000,000, not " + format_trimmed(k, 6));
    if (k < 0 && x == 0) throw EvalError(n.where, "division by zero: 0 to a power below 0");
    const std::uint64_t digits = p_.limits.digits;
    long e = abs(k).convert_to<long>();
    Number out = 1, base = x;
    while (e > 0) {  // by squaring: every product kept within the digits limit
        if (e & 1) out = within_digits(out * base, n, digits);
        e >>= 1;
        if (e > 0) base = within_digits(base * base, n, digits);
    }
    return Value::number(k < 0 ? Number(1) / out : out);
}

// numbers(a, b): the whole numbers from a to b; empty when b is below a.
Value Evaluator::numbers(const Node& n) {
    const Number a = eval(*n.kids[0]).n();
    const Number b = eval(*n.kids[1]).n();
    for (const Number* x : {&a, &b})
        if (!x->is_integer())
            throw EvalError(n.kids[x == &a ? 0 : 1]->where, "numbers() counts in whole numbers, not " + format_trimmed(*x, 6));
    std::vector<Value> out;
    if (b >= a) {
        if (b - a >= Number(100000))
            throw EvalError(n.where, "numbers() gives at most 100,000 numbers; this asks for " + format_trimmed(b - a + 1, 0));
        steps_ += (b - a).convert_to<std::uint64_t>();
        if (steps_ > step_limit_)
            throw EvalError(n.where, "this case takes more than " + std::to_string(step_limit_) +
                                         " steps to evaluate (the limit can be raised with --limit steps=N)");
        for (Number x = a; x <= b; x += 1) out.push_back(Value::number(x));
    }
    return Value::list(std::move(out));
}

// min(a, b, …), max(a, b, …)
Value Evaluator::extremum(const Node& n) {
    Value best = eval(*n.kids[0]);
    for (std::size_t i = 1; i < n.kids.size(); ++i) {
        Value v = eval(*n.kids[i]);
        if (n.op == Op::min_ ? v.n() < best.n() : v.n() > best.n()) best = std::move(v);
    }
    return best;
}

}  // namespace reckon
