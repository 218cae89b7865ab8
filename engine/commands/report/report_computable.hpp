// `reckon report`, what its items can show over the cases given. A tornado, a distribution or a waterfall of a figure of each
// case is analysed over one case: over several it cannot be computed, and the report refuses it at its line, before
// any case is read when the case files already say so, else after the run (exit status 1). Over more than ten cases
// an item of each case's figures shows their totals, so a figure that does not add up over cases (a rate, a
// percentage, a text, a list) has none to show: an item left with none says so in its place.
#pragma once

#include "core/base/source.hpp"
#include "core/program/program.hpp"

#include <optional>
#include <string>
#include <vector>

namespace reckon {

// Over more cases than this, an item of each case's figures is shown once, with their totals.
inline constexpr std::size_t most_shown_per_case = 10;

// Whether a figure adds up over cases: money, a count, a time; not a rate (£/week), a percentage or a text.
bool adds_up(const RuleDef& r);

// Why a tornado, distribution or waterfall `item` cannot be computed over `cases` cases, or nullopt when it can (and for any
// other item).
std::optional<std::string> why_not_computed(const Program& p, const ReportItem& item, std::size_t cases);

// Each item of p's report that cannot be computed over `cases` cases, as an error at the item.
std::vector<Diagnostic> items_not_computed(const Program& p, std::size_t cases);

// Why an item of each case's figures has nothing to show over `evaluated` cases (more than ten: by totals, and
// none of its figures has one), or nullopt when it has.
std::optional<std::string> why_no_totals(const Program& p, const ReportItem& item, std::size_t evaluated);

}  // namespace reckon
