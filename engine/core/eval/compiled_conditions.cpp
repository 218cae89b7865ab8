// Compiled code that gives a truth value, and the compiler of conditions: an order of two numbers, the equality of
// two values, and, or, not, and whether a value is given, each a bool with no Value around it. Any other condition
// is a value (compiled_values.cpp) whose truth is read.
#include "core/eval/compiled_code.hpp"

namespace reckon {

using namespace compiled;

namespace {

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

// and, or, not.
struct TruthLogic final : TruthCode {
    TruthLogic(const Node& n, bool counted, TruthPtr a, TruthPtr b) : TruthCode(n, counted), a(std::move(a)), b(std::move(b)) {}
    bool truth(Evaluator& ev) const override {
        Step s(ev, node, counted);
        if (node.op == Op::and_) return a->truth(ev) && b->truth(ev);
        if (node.op == Op::or_) return a->truth(ev) || b->truth(ev);
        return !a->truth(ev);  // not_
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

}  // namespace

TruthPtr Compiler::truth(const Node& n, Reach how) {
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
        case Op::constant:
        case Op::param:
        case Op::input:
        case Op::rule:
        case Op::local:
        case Op::field:
        case Op::neg:
        case Op::abs_:
        case Op::add:
        case Op::sub:
        case Op::mul:
        case Op::div:
        case Op::if_:
        case Op::let_:
        case Op::call:
        case Op::round_:
        case Op::min_:
        case Op::max_:
        case Op::sum:
        case Op::count:
        case Op::least:
        case Op::most:
        case Op::date_add:
        case Op::date_sub:
        case Op::date_diff:
        case Op::otherwise:
        case Op::lookup:
        case Op::pick:
        case Op::make_date:
        case Op::financial_year:
        case Op::collect:
        case Op::cases:
        case Op::dated:
        case Op::power:
        case Op::mean_of:
        case Op::median_of:
        case Op::add_months:
        case Op::months_between:
        case Op::end_of_month:
        case Op::numbers: break;
    }
    return std::make_unique<TruthOfValue>(value(n, how));  // a truth value the value's code gives
}

}  // namespace reckon
