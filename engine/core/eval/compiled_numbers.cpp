// Compiled code that gives a Number, and the compiler of numbers: a part whose value is surely a number is code
// that gives the Number itself (no Value around it, no test of its kind), made where it is kept: a constant, a held
// number read in place, arithmetic, negation, abs and rounding, a difference of dates, min and max, and sum,
// count, min and max over a list. Anything else that gives a number is a value (compiled_values.cpp) whose number
// is read.
#include "core/eval/compiled_code.hpp"

namespace reckon {

using namespace compiled;

namespace {

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
        if (node.op == Op::neg) return tmp = -v;
        if (node.op == Op::abs_) return v < 0 ? tmp = -v : v;
        return tmp = round_to(v, node.step, node.mode);  // round_
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

}  // namespace

NumberPtr Compiler::number(const Node& n, Reach how) {
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
        case Op::mean_of:
        case Op::median_of:
        case Op::add_months:
        case Op::months_between:
        case Op::end_of_month:
        case Op::numbers: break;
    }
    return std::make_unique<NumberOfValue>(value(n, how));
}

bool Compiler::gives_number(const Node& n) const {
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
        case Op::mean_of:
        case Op::median_of:
        case Op::add_months:
        case Op::months_between:
        case Op::end_of_month:
        case Op::numbers: return false;
    }
    return false;
}

}  // namespace reckon
