// What an evaluator reached, for `reckon test --coverage`: each rule
// evaluated, each param read, each branch of an `if` taken, each table row
// looked up. Kept only when an evaluator is given one (set_coverage), which
// then walks every formula as written (no compiled code, no folded parts), so
// a plain run pays for a null pointer's test at these few places.
#pragma once

#include "core/program/program.hpp"

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace reckon {

struct CoverageLog {
    explicit CoverageLog(const Program& p)
        : rules(p.rules.size(), 0), params(p.params.size(), 0), rows(p.tables.size()) {}
    std::vector<std::uint8_t> rules;    // by slot: evaluated
    std::vector<std::uint8_t> params;   // by slot: read by a formula
    std::set<const Node*> then_taken;   // each `if` whose condition held
    std::set<const Node*> else_taken;   // each `if` whose condition did not
    std::vector<std::set<std::string>> rows;  // by table: the key_text() of each row looked up
};

}  // namespace reckon
