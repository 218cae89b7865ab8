// How one figure is shown, in every format: the analyst's table, JSON, CSV,
// reports and workbooks all take the text from here.
#pragma once

#include "core/program.hpp"

#include <string>

namespace reckon {

// The figure as shown: rounded to the output's decimals, half away from zero,
// in the output's own unit ("2356.36", "52").
// A list shows its items separated by ", "; an absent value shows as "not defined".
std::string display(const Program& p, const RuleDef& r, const Value& v);
// One value of type t, as display() shows it.
std::string display_value(const Program& p, const Type& t, int decimals, bool fixed, const Value& v);
// The exact value in the output's own unit (value / scale).
Number in_own_unit(const Program& p, const RuleDef& r, const Value& v);

}  // namespace reckon
