// Compiled code that gives a Value, and the compiler of values: a constant, a value the evaluator holds (read where
// it is held), a local, a record's field, a call, a number or a condition given as a value, and, for the few
// operations not compiled, a closure that asks the tree-walking evaluator. Also where compiled code starts: a
// run's rules and functions compiled (CompiledRules), and a rule's code run in the frame its evaluator opened
// (run_compiled).
#include "core/eval/compiled_code.hpp"

namespace reckon {

using namespace compiled;

namespace {

struct ValueConstant final : ValueCode {
    ValueConstant(const Node& n, bool counted, Value v) : ValueCode(n, counted), v(std::move(v)) {}
    const Value& get(Evaluator& ev, Value&) const override {
        Step s(ev, node, counted);
        return v;
    }
    Value v;
};

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

}  // namespace

void Compiler::compile(CompiledRules& out) {
    for (const auto& f : p_.fns) out.fns_.push_back(f.body ? value(*f.body, Reach::eval) : nullptr);
    for (const auto& r : p_.rules)
        out.rules_.push_back(r.formula && !r.by && !r.cohort ? value(*r.formula, Reach::eval) : nullptr);
}

ValuePtr Compiler::value(const Node& n, Reach how) {
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
        case Op::mean_of:
        case Op::median_of:
        case Op::add_months:
        case Op::months_between:
        case Op::end_of_month:
        case Op::numbers: return by_tree(n);
    }
    return by_tree(n);
}

ValuePtr Compiler::by_tree(const Node& n) { return std::make_unique<ValueByTree>(n); }

CompiledRules::CompiledRules(const Program& p, const RunConstants& constants) { Compiler(p, constants).compile(*this); }
CompiledRules::~CompiledRules() = default;

Value run_compiled(const ValueCode& code, Evaluator& ev) {
    Value tmp;
    const Value& v = code.get(ev, tmp);
    return &v == &tmp ? std::move(tmp) : v;
}

}  // namespace reckon
