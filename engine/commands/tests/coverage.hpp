// `reckon test --coverage`: what a rule file's tests exercised and what they
// never did: its rules (of one case: a test runs one case), params, table rows
// (a band is a row) and the branches of each `if` (a `then` and an `else`
// each), each at its file and line; written as text, JSON, or an HTML page in
// the look of `reckon doc`.
#pragma once

#include "core/eval/coverage_log.hpp"
#include "core/eval/eval.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace reckon {

enum class CoverageKind { rule, param, row, branch };

// One thing the tests could exercise, at its place (kept as text: the program and its sources are gone once its
// file's tests have run).
struct CoverageItem {
    CoverageKind kind;
    std::string what;  // "rule 'total'", "row 'band6' of table 'salaries'", "'else' of the if at 12:5"
    std::string file;
    std::uint32_t line = 0, column = 0, offset = 0;
    bool exercised = false;
};

// A rule file's items, in the order of the file (imports' items under their own file).
struct FileCoverage {
    std::string file;  // the rule file tested
    std::vector<CoverageItem> items;
    std::size_t exercised() const;
};

// The items of `p` and which of them `log` shows reached.
// Params are worked out before a case is (bind_params), out of the evaluator's sight: each param the tests read,
// unless `overridden` (a test's given), has its formula evaluated again by `ev`, which logs what it reaches (other
// params, rows, branches), until no new param is reached.
void log_param_formulas(const Program& p, Evaluator& ev, const std::set<int>& overridden, CoverageLog& log);

FileCoverage coverage_of(const std::string& file, const Program& p, const CoverageLog& log);

enum class CoverageFormat { text, json, html };

std::string coverage_text(const std::vector<FileCoverage>& files);
std::string coverage_json(const std::vector<FileCoverage>& files);
std::string coverage_html(const std::vector<FileCoverage>& files);

// A share required, as written ("87.5%"): numerator / denominator percent.
struct Percent {
    long long numerator = 0, denominator = 1;
    std::string written;
};
// "90%", "87.5%" or "90" (0 to 100, at most 6 decimals); nullopt for anything else.
std::optional<Percent> read_percent(const std::string& written);

// The files whose share exercised is under `least` (exactly: exercised * 100 < least * items), a line each saying by
// how much; "" when every file reaches it.
std::string coverage_below(const std::vector<FileCoverage>& files, const Percent& least);

}  // namespace reckon
