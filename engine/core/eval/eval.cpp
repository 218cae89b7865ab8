#include "core/eval/eval.hpp"

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
    if (!param_done_.empty() && !param_done_[i]) {  // empty: the params were bound before (bind_params)
        const ParamDef& d = p_.params[i];
        auto o = overrides_ ? overrides_->find(i) : Overrides::const_iterator{};
        if (overrides_ && o != overrides_->end()) own_params_[i] = frame_eval(*o->second, 0);
        else if (d.formula) own_params_[i] = frame_eval(*d.formula, d.frame);
        else  // a run input with no default, and no run data given
            throw EvalError(d.where, "run input '" + d.name + "' has no value: the ruleset reads it from the run data; give the file with --run-data FILE");
        param_done_[i] = 1;
    }
    return (*params_)[i];
}

const Value& Evaluator::rule(int i) {
    if (rule_state_[i] == 2) return rules_[i];
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

// An exact result too large to be a figure: a runaway calculation, stopped
// before it takes all the memory (the digits limit).
const Number& big_within_digits(const Number& x, const Node& n, std::uint64_t digits) {
    const std::size_t limbs = x.limbs();
    if (limbs * 19 > digits + 19)  // a 64-bit limb holds 19 decimal digits and a bit
        throw EvalError(n.where, "this calculation gives a number of more than " + std::to_string(digits) +
                                     " digits (the limit can be raised with --limit digits=N)");
    return x;
}

namespace {
// Lowers the depth that enter() raised.
struct DepthGuard {
    std::uint64_t& depth;
    explicit DepthGuard(std::uint64_t& d) : depth(d) {}
    ~DepthGuard() { --depth; }
};
}  // namespace

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

const Value* Evaluator::folded(const Node& n) const { return constants_ ? constants_->of(n) : nullptr; }

void Evaluator::beyond_limits(const Node& n) const {
    if (depth_ >= depth_limit_)
        throw EvalError(n.where, "formulas are nested more than " + std::to_string(p_.limits.depth) +
                                     " levels deep here, through the rules they use (the limit can be raised with --limit depth=N)");
    throw EvalError(n.where, "this case takes more than " + std::to_string(step_limit_) +
                                 " steps to evaluate (the limit can be raised with --limit steps=N)");
}

const ValueCode* Evaluator::compiled(int i) const {
    if (!constants_ || !constants_->code || trace_ || cases_ || totals_) return nullptr;
    return constants_->code->rule(i);
}

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
        case Op::div:
        case Op::eq:
        case Op::ne:
        case Op::lt:
        case Op::le:
        case Op::gt:
        case Op::ge: return binary(n);
        case Op::and_: return Value::boolean(eval(*n.kids[0]).b() && eval(*n.kids[1]).b());
        case Op::or_: return Value::boolean(eval(*n.kids[0]).b() || eval(*n.kids[1]).b());
        case Op::if_: return eval(*n.kids[0]).b() ? eval(*n.kids[1]) : eval(*n.kids[2]);
        case Op::let_:
            locals_[base_ + n.slot] = eval(*n.kids[0]);
            return eval(*n.kids[1]);
        case Op::call: return call(n);
        case Op::round_: {
            Value before = eval(*n.kids[0]);
            Value after = Value::number(round_to(before.n(), n.step, n.mode));
            if (trace_) trace_->roundings.push_back({&n, before.n(), after.n(), trace_->open.empty() ? -1 : trace_->open.back()});
            return after;
        }
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
        case Op::dated: {  // the latest value whose date is not after the date that picks
            const long day = eval(*n.kids[0]).n().convert_to<long>();
            const auto& froms = *n.value.items();
            std::size_t i = 0;
            while (i < froms.size() && froms[i].n() <= day) ++i;
            if (i == 0) {
                const std::string name = n.where.file ? n.where.file->text().substr(n.where.offset, n.where.length) : "";
                throw EvalError(n.where, "param '" + name + "' has no value on " + format_date(day) + ": its first takes effect from " +
                                             format_date(froms[0].n().convert_to<long>()));
            }
            return eval(*n.kids[i]);
        }
        case Op::pick: {  // of a product: the members of its factors, the first slowest
            Value g = eval(*n.kids[0]);
            std::size_t m = 0;
            for (std::size_t k = 1; k < n.kids.size(); ++k) {
                const std::size_t size = n.slot >= 0 ? p_.enums[n.slot]->factors[k - 1]->members.size() : 0;
                m = m * size + eval(*n.kids[k]).n().convert_to<std::size_t>();
            }
            return (*g.items())[m];
        }
        case Op::make_date: return make_date(n);
        case Op::financial_year: {
            int y;
            unsigned m, d;
            civil_from_days(eval(*n.kids[0]).n().convert_to<long>(), y, m, d);
            return Value::number(Number(m >= 4 ? y : y - 1));
        }
        case Op::collect: return aggregate(n);
        case Op::cases: return *cases_;
        case Op::power: return power(n);
        case Op::numbers: return numbers(n);
    }
    throw EvalError(n.where, "internal error: unknown operation");
}

// + - * / and comparisons. Operands that are already held (a constant, a
// param, an input, a rule's value) are read in place.
Value Evaluator::binary(const Node& n) {
    Value ta, tb;
    const Value& a = operand(*n.kids[0], ta);
    const Value& b = operand(*n.kids[1], tb);
    switch (n.op) {
        case Op::add:
        case Op::sub:
        case Op::mul:
        case Op::div: {
            Number r;
            arithmetic(r, n, a.n(), b.n(), p_.limits.digits);
            return Value::number(std::move(r));
        }
        case Op::lt:
        case Op::le:
        case Op::gt:
        case Op::ge: return Value::boolean(ordered(n.op, a.n(), b.n()));
        default: return Value::boolean(same_value(a, b) == (n.op == Op::eq));  // eq, ne
    }
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

// date ± a number of days
Value Evaluator::date_shift(const Node& n) {
    Value d = eval(*n.kids[0]);
    Number days = eval(*n.kids[1]).n() / n.step;
    if (!days.is_integer())
        throw EvalError(n.where, "a date can only move by whole days");
    d.n() = n.op == Op::date_add ? d.n() + days : d.n() - days;
    return d;
}

// date(year, month, day)
Value Evaluator::make_date(const Node& n) {
    Number parts[3];
    for (int i = 0; i < 3; ++i) parts[i] = eval(*n.kids[static_cast<std::size_t>(i)]).n();
    bool whole = true;
    for (const auto& x : parts) whole = whole && x.is_integer() && abs(x) < 100000;
    int y = whole ? parts[0].convert_to<int>() : 0;
    int m = whole ? parts[1].convert_to<int>() : 0;
    int d = whole ? parts[2].convert_to<int>() : 0;
    if (!whole || m < 1 || d < 1 || !valid_date(y, static_cast<unsigned>(m), static_cast<unsigned>(d)))
        throw EvalError(n.where, "date(" + format_trimmed(parts[0], 6) + ", " + format_trimmed(parts[1], 6) + ", " +
                                     format_trimmed(parts[2], 6) + ") is not a date in the calendar");
    return Value::date(days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)));
}

// table(key), table(key, key): a row; a banded key finds the band that holds its value
Value Evaluator::lookup(const Node& n) {
    const TableDef& t = tables_ ? *(*tables_)[static_cast<std::size_t>(n.slot)] : p_.tables[n.slot];
    if (!t.by_member.empty()) return t.by_member[eval(*n.kids[0]).n().convert_to<std::size_t>()];  // every member has a row
    std::vector<Value> values;
    for (std::size_t k = 0; k < t.keys.size(); ++k) values.push_back(eval(*n.kids[k]));
    auto shown = [&](std::size_t k) {  // a key's value, for a message
        const Value& v = values[k];
        const Type& type = t.keys[k].type;
        if (v.kind == Value::Kind::text) return "'" + *v.s() + "'";
        if (v.kind == Value::Kind::member) return type.enumeration->members.at(v.n().convert_to<std::size_t>());
        return format_trimmed(v.n() / p_.units.scale(type.unit), 10) + (type.unit.dimensionless_syntax() ? "" : " " + p_.units.name(type.unit));
    };
    auto all_shown = [&] {
        std::string all;
        for (std::size_t k = 0; k < values.size(); ++k) all += (k ? ", " : "") + shown(k);
        return all;
    };
    int no_band = -1;
    const std::string key = t.row_key(values, &no_band);
    if (no_band >= 0)
        throw EvalError(n.kids[static_cast<std::size_t>(no_band)]->where, "no band of table '" + t.name + "' holds " + shown(static_cast<std::size_t>(no_band)));
    if (t.versions.count(key)) {  // rows from dates: the one in effect on the date that picks
        const long day = eval(*n.kids.back()).n().convert_to<long>();
        const std::string row = t.version_on(key, day);
        if (row.empty())
            throw EvalError(n.where, "table '" + t.name + "' has no row for " + all_shown() + " on " + format_date(day) + ": its first takes effect from " +
                                         format_date(t.versions.at(key).front().first));
        return t.rows.at(row);
    }
    auto it = t.rows.find(key);
    if (it == t.rows.end()) throw EvalError(n.where, "table '" + t.name + "' has no row for " + all_shown());
    return it->second;
}

CallMemo::CallMemo(const Program& p) : by_fn_(p.fns.size()) {
    for (std::size_t i = 0; i < p.fns.size(); ++i) {
        const FnDef& f = p.fns[i];
        if (f.param_types.size() == 1 && f.param_types[0].kind == TypeKind::enumeration && f.param_types[0].enumeration)
            by_fn_[i].resize(f.param_types[0].enumeration->members.size());
    }
}

const Value* CallMemo::find(int fn, const Value& arg) const {
    const auto& kept = by_fn_[static_cast<std::size_t>(fn)];
    if (kept.empty() || arg.kind != Value::Kind::member) return nullptr;
    const auto& v = kept[arg.n().convert_to<std::size_t>()];
    return v ? &*v : nullptr;
}

void CallMemo::keep(int fn, const Value& arg, const Value& v) {
    auto& kept = by_fn_[static_cast<std::size_t>(fn)];
    if (!kept.empty() && arg.kind == Value::Kind::member) kept[arg.n().convert_to<std::size_t>()] = v;
}

Value Evaluator::call(const Node& n) {
    return invoke(
        n,
        [&] {
            for (const auto& k : n.kids) {
                Value v = eval(*k);
                locals_.push_back(std::move(v));
            }
        },
        [&] { return eval(*p_.fns[static_cast<std::size_t>(n.slot)].body); });
}

Value Evaluator::aggregate(const Node& n) {
    if (totals_ && n.kids[0]->op == Op::cases)
        if (std::optional<Value> v = totals_->folded(n, member_)) return std::move(*v);
    Value list = eval(*n.kids[0]);
    const Node* element = n.kids[1].get();
    const Node* filter = n.kids[2].get();
    Number total = 0;
    std::size_t count = 0;
    Value best;
    std::vector<Value> collected;
    for (const Value& item : *list.items()) {
        locals_[base_ + n.slot] = item;
        if (filter && !eval(*filter).b()) continue;
        ++count;
        if (n.op == Op::count) continue;
        Value v = element ? eval(*element) : item;
        if (n.op == Op::collect) collected.push_back(std::move(v));
        else if (n.op == Op::sum) total = within_digits(total + v.n(), n, p_.limits.digits);
        else if (count == 1 || (n.op == Op::least ? v.n() < best.n() : v.n() > best.n())) best = std::move(v);
    }
    if (n.op == Op::sum) return Value::number(total);
    if (n.op == Op::count) return Value::number(Number(count));
    if (n.op == Op::collect) return Value::list(std::move(collected));
    if (count == 0)  // least, most
        throw EvalError(n.where, std::string(n.op == Op::least ? "min" : "max") + "() of an empty list has no value");
    return best;
}


}  // namespace reckon
