// How one figure is shown, in every format: the analyst's table, JSON, CSV,
// reports and workbooks all take the text from here.
#pragma once

#include "core/program/program.hpp"

#include <string>
#include <utility>
#include <vector>

namespace reckon {

// The figure as shown: rounded to the output's decimals, half away from zero,
// in the output's own unit ("2356.36", "52").
// A list shows its items separated by ", "; an absent value shows as "not defined".
std::string display(const Program& p, const RuleDef& r, const Value& v);
// One value of type t, as display() shows it.
std::string display_value(const Program& p, const Type& t, int decimals, bool fixed, const Value& v);
// A column's header in CSV: the output's name and its unit, "total (GBP)", "hostel_weekly (GBP/week)",
// "offence_reduction_pct (%)"; a figure with no unit by its name alone.
std::string csv_header(const Program& p, const RuleDef& r, const std::string& name);
// The exact value in the output's own unit (value / scale).
Number in_own_unit(const Program& p, const RuleDef& r, const Value& v);

}  // namespace reckon
