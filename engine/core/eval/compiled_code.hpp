// Compiled code's common parts, private to engine/core/eval (run_constants.hpp says what compiled code is): the
// three kinds of closure (one that gives a Number, one that gives a bool, one that gives a Value), what a closure
// may touch of the evaluator that runs it (Machine), the step it takes where the tree takes one (Step), the two
// closures that give either a number or a value (If, Let), and the compiler that makes them. Each kind's closures
// and its part of the compiler are a file of their own: compiled_numbers.cpp, compiled_conditions.cpp and
// compiled_values.cpp.
#pragma once

#include "core/eval/eval.hpp"
#include "core/eval/run_constants.hpp"

#include <cstdint>
#include <memory>
#include <utility>

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

namespace compiled {

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

// Gives a truth value: a condition.
struct TruthCode : Code {
    using Code::Code;
    virtual bool truth(Evaluator& ev) const = 0;
};

}  // namespace compiled

// Gives a value: in place or in tmp.
struct ValueCode : compiled::Code {
    using Code::Code;
    using Result = Value;
    virtual const Value& get(Evaluator& ev, Value& tmp) const = 0;
};

namespace compiled {

using NumberPtr = std::unique_ptr<NumberCode>;
using TruthPtr = std::unique_ptr<TruthCode>;
using ValuePtr = std::unique_ptr<ValueCode>;

enum class Held { param, input, rule };

// A param's, an input's or a rule's value, where the evaluator holds it.
inline const Value& held_value(Evaluator& ev, Held where, int slot) {
    const Machine m{ev};
    switch (where) {
        case Held::param: return m.param(slot);
        case Held::input: return m.input(slot);
        case Held::rule: return m.rule(slot);
    }
    return m.rule(slot);
}

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

}  // namespace compiled

// Turns a program's formulas into closures, against the run's constants: each part as the kind of closure its
// place asks for (a number, a condition or a value), reached as the tree reaches it.
class Compiler {
public:
    Compiler(const Program& p, const RunConstants& k) : p_(p), k_(k) {}

    // Every function's body and every rule's formula that compiles (not a rule by member, nor of the cohort).
    void compile(CompiledRules& out);

private:
    // The run's value of a part that reads only the run, or null.
    const Value* folded(const Node& n) const { return k_.of(n); }
    static bool held(const Node& n) { return n.op == Op::constant || n.op == Op::param || n.op == Op::input || n.op == Op::rule; }
    // Whether the tree takes a step into n, reached so.
    bool counted(const Node& n, compiled::Reach how) const { return !folded(n) && !(how == compiled::Reach::operand && held(n)); }

    compiled::ValuePtr value(const Node& n, compiled::Reach how);     // compiled_values.cpp
    compiled::NumberPtr number(const Node& n, compiled::Reach how);   // compiled_numbers.cpp
    compiled::TruthPtr truth(const Node& n, compiled::Reach how);     // compiled_conditions.cpp
    // Anything not compiled: a closure that asks the tree (compiled_values.cpp).
    static compiled::ValuePtr by_tree(const Node& n);
    // Whether the tree's value of n is surely a number (not a date or a member, which hold numbers too)
    // (compiled_numbers.cpp).
    bool gives_number(const Node& n) const;

    const Program& p_;
    const RunConstants& k_;
};

}  // namespace reckon
