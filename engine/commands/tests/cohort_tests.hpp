// A test of the cohort's figures (`test "…" cases "folder"`): its cases run as `reckon batch` runs them, under
// the test's params, then each `expect` checked against the cohort's output it names.
#pragma once

#include "commands/tests/expectations.hpp"
#include "core/program/program.hpp"

#include <ostream>
#include <string>

namespace reckon {

// t: one of p's tests, over cases; rule_file: the file that declares it (its cases' paths are relative to its
// folder). Its results and failures go to out, its expectations met and not met to tally.
void run_cohort_test(const Program& p, const TestDef& t, const std::string& rule_file, std::ostream& out, TestTally& tally);

}  // namespace reckon
