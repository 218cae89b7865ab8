// `reckon test`: runs the `test` blocks of every rule file found.
#pragma once

#include "commands/tests/expectations.hpp"
#include "core/base/limits.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace reckon {

struct FileCoverage;

// Rule files (*.reckon) under the given files and folders, sorted.
std::vector<std::string> find_rule_files(const std::vector<std::string>& paths);

// Results and failures go to out; the caller prints the closing tally. With `coverage`, what each file's tests
// exercised is added to it, a FileCoverage for each file whose rules compiled (coverage.hpp).
TestTally run_tests(const std::vector<std::string>& files, const Limits& limits, std::ostream& out,
                    std::vector<FileCoverage>* coverage = nullptr);

}  // namespace reckon
