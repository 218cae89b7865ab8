// Evaluation, compiled: each rule's checked formula, and each function's body, turned once per run into typed
// closures. A part that gives a number is code that gives a Number (no Value around it, no test of its kind), a
// condition code that gives a bool, anything else code that gives a Value; what the run fixes (the run constants
// of fold_constants.hpp) is a constant in the code, and a value held by the evaluator (a param, an input, a rule's
// value) is read where it is held, never copied or counted. The few operations not compiled (a lookup, a date
// built or moved, a pick, a power, a list of numbers, collect, the cases of a cohort) are a closure that asks the
// tree-walking evaluator (Evaluator::eval), so that both give one answer and one error.
// The closures and their compiler: compiled_code.hpp, compiled_numbers.cpp, compiled_conditions.cpp and
// compiled_values.cpp.
//
// The code counts steps and depth exactly as the tree does, node for node, so that the limits stop a runaway case
// at the same place with the same message; it is used for a case's rules (not for a rule by member, not while
// explain traces, not in a cohort rule) when the run has its constants (batch, bench_eval).
#pragma once

#include "core/program/program.hpp"

#include <cstdint>
#include <memory>
#include <vector>

namespace reckon {

class Evaluator;
class CompiledRules;

// What a run fixes (fold_constants.hpp): the value of each part of a formula that reads only the run, where it is
// known, and the run's rules and functions compiled against them (compiled_values.cpp), shared by its evaluators.
struct RunConstants {
    std::vector<Value> values;
    std::vector<std::uint8_t> known;
    std::shared_ptr<const CompiledRules> code;
    // The run's value of a part that reads only the run, when it is known; else null.
    const Value* of(const Node& n) const {
        if (n.constant < 0 || !known[static_cast<std::size_t>(n.constant)]) return nullptr;
        return &values[static_cast<std::size_t>(n.constant)];
    }
};


// A compiled part that gives a Value (its base type is private to compiled_code.hpp).
struct ValueCode;

class CompiledRules {
public:
    // The program's rules and functions compiled against the run's constants (copied into the code).
    CompiledRules(const Program& p, const RunConstants& constants);
    ~CompiledRules();
    CompiledRules(const CompiledRules&) = delete;
    CompiledRules& operator=(const CompiledRules&) = delete;

    // Rule i's formula, or null when the tree evaluates it (a rule by member, or of the cohort).
    const ValueCode* rule(int i) const { return rules_[static_cast<std::size_t>(i)].get(); }
    // Function i's body.
    const ValueCode& body(int fn) const { return *fns_[static_cast<std::size_t>(fn)]; }

private:
    friend class Compiler;
    std::vector<std::unique_ptr<ValueCode>> rules_;
    std::vector<std::unique_ptr<ValueCode>> fns_;
};

// The value of compiled code, run by ev in the frame it has opened for it.
Value run_compiled(const ValueCode& code, Evaluator& ev);

}  // namespace reckon
