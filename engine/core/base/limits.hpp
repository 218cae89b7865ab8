// Limits on what reckon accepts, so that hostile or broken input ends in a
// clear error rather than exhausting the stack, memory or time. Each default
// is far beyond any honest methodology or case; each can be raised on the
// command line (`--limit NAME=VALUE`). See docs/reliability.md. The command
// line fills one Limits; compile() keeps it in the program, and every later
// phase reads it there.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace reckon {

struct Limits {
    std::uint64_t file_size = 16u << 20;     // bytes of a rule file or a case file
    std::uint64_t nesting = 600;             // the grammar's recursion in a rule file: a parenthesis, if, let, not or type counts 1 to 3
    std::uint64_t expression_depth = 2000;   // depth of one expression, long chains of operators included
    std::uint64_t yaml_depth = 100;          // mappings and lists one inside another, in a case file, the run data or a scenarios file
    std::uint64_t yaml_values = 1000000;     // values read from a case file, YAML aliases expanded
    std::uint64_t list_length = 1000000;     // elements of one list in a case file
    std::uint64_t digits = 1000;             // digits of a number written, or of an exact result (numerator or denominator)
    std::uint64_t steps = 10000000;          // evaluation steps for one case (a cohort: per case of the batch)
    std::uint64_t depth = 4000;              // formulas within formulas, through rules and functions, when checking or evaluating
    std::uint64_t scenarios = 1000;          // scenarios in a scenarios file (each is a compiled copy of the ruleset)
    std::uint64_t attribution = 12;          // players of `reckon diff --attribute` (the cases are run 2^N times)
};

struct LimitInfo {
    const char* name;
    std::uint64_t Limits::*field;
    const char* what;
};
const std::vector<LimitInfo>& limit_table();

// "digits=5000" -> sets it in `limits`; returns an error message, or nothing when done.
std::optional<std::string> set_limit(Limits& limits, const std::string& setting);

}  // namespace reckon
