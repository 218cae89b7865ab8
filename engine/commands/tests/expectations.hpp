// One `expect` of a test block against the figure it names: met when the figure, as displayed (to its own
// decimals), equals the expected value exactly. A test of one case and a test of the cohort check alike.
#pragma once

#include "core/program/program.hpp"

#include <ostream>
#include <string>

namespace reckon {

struct TestTally {
    int passed = 0;  // expectations met
    int failed = 0;  // expectations not met, and files or cases that could not be read
};

// Whether the figure `actual` (the whole figure, or its one member the expectation names) meets `expected`;
// when not, the diagnostic at the expectation, with the exact value and `what_ran` (the case, or the cases), to out.
bool expectation_met(const Program& p, const Expectation& x, const Value& actual, const Value& expected, const std::string& what_ran,
                     std::ostream& out);

}  // namespace reckon
