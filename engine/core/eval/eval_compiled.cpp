#include "core/eval/run_constants.hpp"

#include "core/eval/eval.hpp"
#include "core/eval/fold_constants.hpp"

namespace reckon {

// What compiled code may touch of the evaluator that runs it.
struct Machine {
    Evaluator& ev;
    const Value& param(int i) const { return ev.param(i); }
    const Value& input(int i) const { return (*ev.inputs_)[static_cast<std::size_t>(i)]; }
    const Value& rule(int i) const { return ev.rule(i); }
    Value& local(int slot) const { return ev.locals_[ev.base_ + static_cast<std::size_t>(slot)]; }
    Value tree(const Node& n) const { return ev.eval(n); }
    std::uint64_t digits() const { return ev.p_.limits.digits; }
    void push(const Value& v) const { ev.locals_.push_back(v); }
    void push(Value&& v) const { ev.locals_.push_back(std::move(v)); }
    template <typename PushArgs, typename Body> Value invoke(const Node& n, PushArgs&& push_args, Body&& body) const {
        return ev.invoke(n, std::forward<PushArgs>(push_args), std::forward<Body>(body));
    }
    const CompiledRules& code() const { return *ev.constants_->code; }
    std::uint64_t* enter(const Node& n) const { return ev.enter(n); }
};

namespace {

// A step into a node, as the tree's eval() takes one (the depth and step limits), when the tree would take it:
// not for a run constant, nor for a held value the tree reads in place.
class Step {
public:
    Step(Evaluator& ev, const Node& n, bool counted) : depth_(counted ? Machine{ev}.enter(n) : nullptr) {}
    ~Step() {
        if (depth_) --*depth_;
    }
    Step(const Step&) = delete;
    Step& operator=(const Step&) = delete;

private:
    std::uint64_t* depth_;
};

// How the tree reaches a part: eval() takes a step; operand() (an operand of + - * / and comparisons, a record
// whose field is read) reads a constant, param, input or rule where it is held, without one.
enum class Reach { eval, operand };

struct Code {
    Code(const Node& n, bool counted) : node(n), counted(counted) {}
    virtual ~Code() = default;
    Code(const Code&) = delete;
    Code& operator=(const Code&) = delete;
    const Node& node;
    const bool counted;
};

// Gives a number: in place (a constant, a held value) or in tmp.
struct NumberCode : Code {
    using Code::Code;
    using Result = Number;
    virtual const Number& get(Evaluator& ev, Number& tmp) const = 0;
};

struct TruthCode : Code {
    using Code::Code;
    virtual bool truth(Evaluator& ev) const = 0;
};

}  // namespace

// Gives a value: in place or in tmp.
struct ValueCode : Code {
    using Code::Code;
    using Result = Value;
    virtual const Value& get(Evaluator& ev, Value& tmp) const = 0;
};

namespace {

using NumberPtr = std::unique_ptr<NumberCode>;
using TruthPtr = std::unique_ptr<TruthCode>;
using ValuePtr = std::unique_ptr<ValueCode>;

// ---- Values -------------------------------------------------------------------------------------------------------

struct ValueConstant final : ValueCode {
    ValueConstant(const Node& n, bool counted, Value v) : ValueCode(n, counted), v(std::move(v)) {}
    const Value& get(Evaluator& ev, Value&) const override {
        Step s(ev, node, counted);
        return v;
    }
    Value v;
};

enum class Held { param, input, rule };

// A param's, an input's or a rule's value, where the evaluator holds it.
const Value& held_value(Evaluator& ev, Held where, int slot) {
    const Machine m{ev};
    switch (where) {
        case Held::param: return m.param(slot);
        case Held::input: return m.input(slot);
        case Held::rule: return m.rule(slot);
    }
    return m.rule(slot);
}

struct ValueHeld final : ValueCode {
    ValueHeld(const Node& n, bool counted, Held where) : ValueCode(n, counted), where(where) {}
    const Value& get(Evaluator& ev, Value&) const override {
        Step s(ev, node, counted);
        return held_value(ev, where, node.slot);
    }
    Held where;
};

// A local (a let's name, a loop's element, a parameter) is copied: a call may move the locals.
struct ValueLocal final : ValueCode {
    using ValueCode::ValueCode;
    const Value& get(Evaluator& ev, Value& tmp) const override {
        Step s(ev, node, counted);
        return tmp = Machine{ev}.local(node.slot);
    }
};

// a.hours: the record read where it is held.
struct ValueField final : ValueCode {
    ValueField(const Node& n, bool counted, ValuePtr record) : ValueCode(n, counted), record(std::move(record)) {}
    const Value& get(Evaluator& ev, Value& tmp) const override {
        Step s(ev, node, counted);
        const Node& k = *node.kids[0];
        if (k.op == Op::local) return tmp = (*Machine{ev}.local(k.slot).items())[static_cast<std::size_t>(node.slot)];
        Value r;
        const Value& held = record->get(ev, r);
        return tmp = (*held.items())[static_cast<std::size_t>(node.slot)];
    }
    ValuePtr record;  // null for a local
};

struct ValueOfNumber final : ValueCode {
    explicit ValueOfNumber(NumberPtr x) : ValueCode(x->node, false), x(std::move(x)) {}
    const Value& get(Evaluator& ev, Value& tmp) const override {
        Number t;
        const Number& v = x->get(ev, t);
        if (tmp.kind == Value::Kind::number) tmp.n() = v;
        else tmp = Value::number(v);
        return tmp;
    }
    NumberPtr x;
};

struct ValueOfTruth final : ValueCode {
    explicit ValueOfTruth(TruthPtr x) : ValueCode(x->node, false), x(std::move(x)) {}
    const Value& get(Evaluator& ev, Value& tmp) const override { return tmp = Value::boolean(x->truth(ev)); }
    TruthPtr x;
};

// A call: the arguments, then the body, in the callee's frame (Evaluator::invoke, as the tree calls).
struct ValueCall final : ValueCode {
    ValueCall(const Node& n, bool counted, std::vector<ValuePtr> args) : ValueCode(n, counted), args(std::move(args)) {}
    const Value& get(Evaluator& ev, Value& tmp) const override {
        Step s(ev, node, counted);
        const Machine m{ev};
        return tmp = m.invoke(
                   node,
                   [&] {
                       for (const auto& a : args) {
                           Value t;
                           const Value& v = a->get(ev, t);
                           if (&v == &t) m.push(std::move(t));
                           else m.push(v);
                       }
                   },
                   [&] { return run_compiled(m.code().body(node.slot), ev); });
    }
    std::vector<ValuePtr> args;
};

// Anything not compiled: the tree evaluates it (and takes its own step).
struct ValueByTree final : ValueCode {
    explicit ValueByTree(const Node& n) : ValueCode(n, false) {}
    const Value& get(Evaluator& ev, Value& tmp) const override { return tmp = Machine{ev}.tree(node); }
};

// ---- Numbers ------------------------------------------------------------------------------------------------------

struct NumberConstant final : NumberCode {
    NumberConstant(const Node& n, bool counted, Number x) : NumberCode(n, counted), x(std::move(x)) {}
    const Number& get(Evaluator& ev, Number&) const override {
        Step s(ev, node, counted);
        return x;
    }
    Number x;
};

// A param, input or rule: the number it holds, read in place.
struct NumberHeld final : NumberCode {
    NumberHeld(const Node& n, bool counted, Held where) : NumberCode(n, counted), where(where) {}
    const Number& get(Evaluator& ev, Number&) const override {
        Step s(ev, node, counted);
        return held_value(ev, where, node.slot).n();
    }
    Held where;
};

// A local or a field (copied), anything else the tree evaluates: the number its value holds.
struct NumberOfValue final : NumberCode {
    explicit NumberOfValue(ValuePtr v) : NumberCode(v->node, false), v(std::move(v)) {}
    const Number& get(Evaluator& ev, Number& tmp) const override {
        Value t;
        const Value& x = v->get(ev, t);
        if (&x != &t) return x.n();
        tmp = std::move(t.n());
        return tmp;
    }
    ValuePtr v;
};

struct NumberArithmetic final : NumberCode {
    NumberArithmetic(const Node& n, bool counted, NumberPtr a, NumberPtr b) : NumberCode(n, counted), a(std::move(a)), b(std::move(b)) {}
    const Number& get(Evaluator& ev, Number& tmp) const override {
        Step s(ev, node, counted);
        Number ta, tb;
        const Number& x = a->get(ev, ta);
        const Number& y = b->get(ev, tb);
        return arithmetic(tmp, node, x, y, Machine{ev}.digits());
    }
    NumberPtr a, b;
};

// -x, abs(x), round(x, …), floor, ceil.
struct NumberOfOne final : NumberCode {
    NumberOfOne(const Node& n, bool counted, NumberPtr x) : NumberCode(n, counted), x(std::move(x)) {}
    const Number& get(Evaluator& ev, Number& tmp) const override {
        Step s(ev, node, counted);
        const Number& v = x->get(ev, tmp);
        switch (node.op) {
            case Op::neg: return tmp = -v;
            case Op::abs_: return v < 0 ? tmp = -v : v;
            default: return tmp = round_to(v, node.step, node.mode);  // round_
        }
    }
    NumberPtr x;
};

struct NumberDateDiff final : NumberCode {
    NumberDateDiff(const Node& n, bool counted, NumberPtr a, NumberPtr b) : NumberCode(n, counted), a(std::move(a)), b(std::move(b)) {}
    const Number& get(Evaluator& ev, Number& tmp) const override {
        Step s(ev, node, counted);
        Number ta, tb;
        const Number& x = a->get(ev, ta);
        const Number& y = b->get(ev, tb);
        return tmp = (x - y) * node.step;
    }
    NumberPtr a, b;
};

// min(a, b, …), max(a, b, …): the first of equals.
struct NumberExtremum final : NumberCode {
    NumberExtremum(const Node& n, bool counted, std::vector<NumberPtr> xs) : NumberCode(n, counted), xs(std::move(xs)) {}
    const Number& get(Evaluator& ev, Number& tmp) const override {
        Step s(ev, node, counted);
        tmp = xs[0]->get(ev, tmp);
        for (std::size_t i = 1; i < xs.size(); ++i) {
            Number t;
            const Number& v = xs[i]->get(ev, t);
            if (node.op == Op::min_ ? v < tmp : v > tmp) tmp = v;
        }
        return tmp;
    }
    std::vector<NumberPtr> xs;
};

// sum, count, min and max over a list: each element bound to the loop's local, the filter asked.
struct NumberAggregate final : NumberCode {
    NumberAggregate(const Node& n, bool counted, ValuePtr list, NumberPtr element, TruthPtr filter)
        : NumberCode(n, counted), list(std::move(list)), element(std::move(element)), filter(std::move(filter)) {}
    const Number& get(Evaluator& ev, Number& tmp) const override {
        Step s(ev, node, counted);
        const Machine m{ev};
        Value held;
        const Value& xs = list->get(ev, held);  // in place or in `held`: alive while the elements are bound
        Number& total = tmp;  // made where it is kept
        total = Number();
        std::size_t count = 0;
        for (const Value& item : *xs.items()) {
            m.local(node.slot) = item;
            if (filter && !filter->truth(ev)) continue;
            ++count;
            if (node.op == Op::count) continue;
            Number t;
            const Number& v = element ? element->get(ev, t) : item.n();
            if (node.op == Op::sum) within_digits(Number::add(total, total, v), node, m.digits());
            else if (count == 1 || (node.op == Op::least ? v < total : v > total)) total = v;
        }
        if (node.op == Op::count) return tmp = Number(count);
        if (node.op != Op::sum && count == 0)
            throw EvalError(node.where, std::string(node.op == Op::least ? "min" : "max") + "() of an empty list has no value");
        return total;
    }
    ValuePtr list;
    NumberPtr element;
    TruthPtr filter;
};

// ---- Truths -------------------------------------------------------------------------------------------------------

struct TruthOfValue final : TruthCode {
    explicit TruthOfValue(ValuePtr v) : TruthCode(v->node, false), v(std::move(v)) {}
    bool truth(Evaluator& ev) const override {
        Value t;
        return v->get(ev, t).b();
    }
    ValuePtr v;
};

struct TruthOrder final : TruthCode {
    TruthOrder(const Node& n, bool counted, NumberPtr a, NumberPtr b) : TruthCode(n, counted), a(std::move(a)), b(std::move(b)) {}
    bool truth(Evaluator& ev) const override {
        Step s(ev, node, counted);
        Number ta, tb;
        const Number& x = a->get(ev, ta);
        const Number& y = b->get(ev, tb);
        return ordered(node.op, x, y);
    }
    NumberPtr a, b;
};

struct TruthEqual final : TruthCode {
    TruthEqual(const Node& n, bool counted, ValuePtr a, ValuePtr b) : TruthCode(n, counted), a(std::move(a)), b(std::move(b)) {}
    bool truth(Evaluator& ev) const override {
        Step s(ev, node, counted);
        Value ta, tb;
        const Value& x = a->get(ev, ta);
        const Value& y = b->get(ev, tb);
        return same_value(x, y) == (node.op == Op::eq);
    }
    ValuePtr a, b;
};

// and, or, not, is_given.
struct TruthLogic final : TruthCode {
    TruthLogic(const Node& n, bool counted, TruthPtr a, TruthPtr b) : TruthCode(n, counted), a(std::move(a)), b(std::move(b)) {}
    bool truth(Evaluator& ev) const override {
        Step s(ev, node, counted);
        switch (node.op) {
            case Op::and_: return a->truth(ev) && b->truth(ev);
            case Op::or_: return a->truth(ev) || b->truth(ev);
            default: return !a->truth(ev);  // not_
        }
    }
    TruthPtr a, b;
};

struct TruthGiven final : TruthCode {
    TruthGiven(const Node& n, bool counted, ValuePtr v) : TruthCode(n, counted), v(std::move(v)) {}
    bool truth(Evaluator& ev) const override {
        Step s(ev, node, counted);
        Value t;
        return v->get(ev, t).kind != Value::Kind::none;
    }
    ValuePtr v;
};

// ---- Either: a number or a value --------------------------------------------------------------------------------

// if c then a else b, giving what its branches give (Base: NumberCode or ValueCode).
template <typename Base>
struct If final : Base {
    using T = typename Base::Result;
    If(const Node& n, bool counted, TruthPtr c, std::unique_ptr<Base> a, std::unique_ptr<Base> b)
        : Base(n, counted), c(std::move(c)), a(std::move(a)), b(std::move(b)) {}
    const T& get(Evaluator& ev, T& tmp) const override {
        Step s(ev, this->node, this->counted);
        return c->truth(ev) ? a->get(ev, tmp) : b->get(ev, tmp);
    }
    TruthPtr c;
    std::unique_ptr<Base> a, b;
};

// let x = bound in body: the bound value in the let's local.
template <typename Base>
struct Let final : Base {
    using T = typename Base::Result;
    Let(const Node& n, bool counted, ValuePtr bound, std::unique_ptr<Base> body)
        : Base(n, counted), bound(std::move(bound)), body(std::move(body)) {}
    const T& get(Evaluator& ev, T& tmp) const override {
        Step s(ev, this->node, this->counted);
        Value t;
        const Value& v = bound->get(ev, t);
        Machine{ev}.local(this->node.slot) = &v == &t ? std::move(t) : v;
        return body->get(ev, tmp);
    }
    ValuePtr bound;
    std::unique_ptr<Base> body;
};

}  // namespace

// ---- The compiler -------------------------------------------------------------------------------------------------

class Compiler {
public:
    Compiler(const Program& p, const RunConstants& k) : p_(p), k_(k) {}

    void compile(CompiledRules& out) {
        for (const auto& f : p_.fns) out.fns_.push_back(f.body ? value(*f.body, Reach::eval) : nullptr);
        for (const auto& r : p_.rules)
            out.rules_.push_back(r.formula && !r.by && !r.cohort ? value(*r.formula, Reach::eval) : nullptr);
    }

private:
    // The run's value of a part that reads only the run, or null.
    const Value* folded(const Node& n) const { return k_.of(n); }
    static bool held(const Node& n) { return n.op == Op::constant || n.op == Op::param || n.op == Op::input || n.op == Op::rule; }
    // Whether the tree takes a step into n, reached so.
    bool counted(const Node& n, Reach how) const { return !folded(n) && !(how == Reach::operand && held(n)); }

    ValuePtr value(const Node& n, Reach how) {
        const bool c = counted(n, how);
        if (const Value* v = folded(n)) return std::make_unique<ValueConstant>(n, false, *v);
        switch (n.op) {
            case Op::constant: return std::make_unique<ValueConstant>(n, c, n.value);
            case Op::param: return std::make_unique<ValueHeld>(n, c, Held::param);
            case Op::input: return std::make_unique<ValueHeld>(n, c, Held::input);
            case Op::rule: return std::make_unique<ValueHeld>(n, c, Held::rule);
            case Op::local: return std::make_unique<ValueLocal>(n, c);
            case Op::field:
                return std::make_unique<ValueField>(n, c, n.kids[0]->op == Op::local ? nullptr : value(*n.kids[0], Reach::operand));
            case Op::add:
            case Op::sub:
            case Op::mul:
            case Op::div:
            case Op::round_:
            case Op::date_diff:
            case Op::sum:
            case Op::count: return n.kids[0]->op == Op::cases ? by_tree(n) : std::make_unique<ValueOfNumber>(number(n, how));
            case Op::eq:
            case Op::ne:
            case Op::lt:
            case Op::le:
            case Op::gt:
            case Op::ge:
            case Op::and_:
            case Op::or_:
            case Op::not_:
            case Op::is_given: return std::make_unique<ValueOfTruth>(truth(n, how));
            case Op::if_:
                return std::make_unique<If<ValueCode>>(n, c, truth(*n.kids[0], Reach::eval), value(*n.kids[1], Reach::eval),
                                                 value(*n.kids[2], Reach::eval));
            case Op::let_:
                return std::make_unique<Let<ValueCode>>(n, c, value(*n.kids[0], Reach::eval), value(*n.kids[1], Reach::eval));
            case Op::call: {
                std::vector<ValuePtr> args;
                for (const auto& k : n.kids) args.push_back(value(*k, Reach::eval));
                return std::make_unique<ValueCall>(n, c, std::move(args));
            }
            case Op::neg:
            case Op::abs_:  // keep the kind of what they negate
            case Op::min_:
            case Op::max_:  // give the value that is least or most, of whatever kind
            case Op::least:
            case Op::most: return gives_number(n) ? std::make_unique<ValueOfNumber>(number(n, how)) : by_tree(n);
            case Op::otherwise:
            case Op::lookup:
            case Op::dated:
            case Op::pick:
            case Op::make_date:
            case Op::financial_year:
            case Op::collect:
            case Op::cases:
            case Op::date_add:
            case Op::date_sub:
            case Op::power:
            case Op::numbers: return by_tree(n);
        }
        return by_tree(n);
    }

    NumberPtr number(const Node& n, Reach how) {
        const bool c = counted(n, how);
        if (const Value* v = folded(n)) return std::make_unique<NumberConstant>(n, false, v->n());
        switch (n.op) {
            case Op::constant: return std::make_unique<NumberConstant>(n, c, n.value.n());
            case Op::add:
            case Op::sub:
            case Op::mul:
            case Op::div:
                return std::make_unique<NumberArithmetic>(n, c, number(*n.kids[0], Reach::operand), number(*n.kids[1], Reach::operand));
            case Op::neg:
            case Op::abs_:
            case Op::round_: return std::make_unique<NumberOfOne>(n, c, number(*n.kids[0], Reach::eval));
            case Op::date_diff:
                return std::make_unique<NumberDateDiff>(n, c, number(*n.kids[0], Reach::eval), number(*n.kids[1], Reach::eval));
            case Op::min_:
            case Op::max_: {
                std::vector<NumberPtr> xs;
                for (const auto& k : n.kids) xs.push_back(number(*k, Reach::eval));
                return std::make_unique<NumberExtremum>(n, c, std::move(xs));
            }
            case Op::if_:
                return std::make_unique<If<NumberCode>>(n, c, truth(*n.kids[0], Reach::eval), number(*n.kids[1], Reach::eval),
                                                  number(*n.kids[2], Reach::eval));
            case Op::let_:
                return std::make_unique<Let<NumberCode>>(n, c, value(*n.kids[0], Reach::eval), number(*n.kids[1], Reach::eval));
            case Op::sum:
            case Op::count:
            case Op::least:
            case Op::most:
                if (n.kids[0]->op == Op::cases) break;  // the cohort's: the tree reads its totals
                return std::make_unique<NumberAggregate>(n, c, value(*n.kids[0], Reach::eval),
                                                         n.kids[1] ? number(*n.kids[1], Reach::eval) : nullptr,
                                                         n.kids[2] ? truth(*n.kids[2], Reach::eval) : nullptr);
            case Op::param: return std::make_unique<NumberHeld>(n, c, Held::param);
            case Op::input: return std::make_unique<NumberHeld>(n, c, Held::input);
            case Op::rule: return std::make_unique<NumberHeld>(n, c, Held::rule);
            case Op::local:
            case Op::field:
            case Op::call:
            case Op::eq:
            case Op::ne:
            case Op::lt:
            case Op::le:
            case Op::gt:
            case Op::ge:
            case Op::and_:
            case Op::or_:
            case Op::not_:
            case Op::is_given:
            case Op::otherwise:
            case Op::lookup:
            case Op::dated:
            case Op::pick:
            case Op::make_date:
            case Op::financial_year:
            case Op::collect:
            case Op::cases:
            case Op::date_add:
            case Op::date_sub:
            case Op::power:
            case Op::numbers: break;
        }
        return std::make_unique<NumberOfValue>(value(n, how));
    }

    TruthPtr truth(const Node& n, Reach how) {
        const bool c = counted(n, how);
        if (folded(n)) return std::make_unique<TruthOfValue>(value(n, how));
        switch (n.op) {
            case Op::lt:
            case Op::le:
            case Op::gt:
            case Op::ge:
                return std::make_unique<TruthOrder>(n, c, number(*n.kids[0], Reach::operand), number(*n.kids[1], Reach::operand));
            case Op::eq:
            case Op::ne: return std::make_unique<TruthEqual>(n, c, value(*n.kids[0], Reach::operand), value(*n.kids[1], Reach::operand));
            case Op::and_:
            case Op::or_: return std::make_unique<TruthLogic>(n, c, truth(*n.kids[0], Reach::eval), truth(*n.kids[1], Reach::eval));
            case Op::not_: return std::make_unique<TruthLogic>(n, c, truth(*n.kids[0], Reach::eval), nullptr);
            case Op::is_given: return std::make_unique<TruthGiven>(n, c, value(*n.kids[0], Reach::eval));
            default: return std::make_unique<TruthOfValue>(value(n, how));
        }
    }

    static ValuePtr by_tree(const Node& n) { return std::make_unique<ValueByTree>(n); }

    // Whether the tree's value of n is surely a number (not a date or a member, which hold numbers too).
    bool gives_number(const Node& n) const {
        if (const Value* v = folded(n)) return v->kind == Value::Kind::number;
        switch (n.op) {
            case Op::constant: return n.value.kind == Value::Kind::number;
            case Op::add:
            case Op::sub:
            case Op::mul:
            case Op::div:
            case Op::round_:
            case Op::date_diff:
            case Op::sum:
            case Op::count:
            case Op::power:
            case Op::financial_year: return true;
            case Op::neg:
            case Op::abs_: return gives_number(*n.kids[0]);
            case Op::if_: return gives_number(*n.kids[1]) && gives_number(*n.kids[2]);
            case Op::let_: return gives_number(*n.kids[1]);
            case Op::min_:
            case Op::max_:
                for (const auto& k : n.kids)
                    if (!gives_number(*k)) return false;
                return true;
            case Op::least:
            case Op::most: return n.kids[1] && gives_number(*n.kids[1]);
            case Op::param:
            case Op::input:
            case Op::rule:
            case Op::local:
            case Op::field:
            case Op::call:
            case Op::eq:
            case Op::ne:
            case Op::lt:
            case Op::le:
            case Op::gt:
            case Op::ge:
            case Op::and_:
            case Op::or_:
            case Op::not_:
            case Op::is_given:
            case Op::otherwise:
            case Op::lookup:
            case Op::dated:
            case Op::pick:
            case Op::make_date:
            case Op::collect:
            case Op::cases:
            case Op::date_add:
            case Op::date_sub:
            case Op::numbers: return false;
        }
        return false;
    }

    const Program& p_;
    const RunConstants& k_;
};

CompiledRules::CompiledRules(const Program& p, const RunConstants& constants) { Compiler(p, constants).compile(*this); }
CompiledRules::~CompiledRules() = default;

Value run_compiled(const ValueCode& code, Evaluator& ev) {
    Value tmp;
    const Value& v = code.get(ev, tmp);
    return &v == &tmp ? std::move(tmp) : v;
}

}  // namespace reckon
