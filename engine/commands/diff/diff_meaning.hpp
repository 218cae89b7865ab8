// What a checked formula means, as `reckon diff` compares it: the tree the check phase built, with every
// declaration it reads by name and every value written out exactly in base units, so that two spellings of one
// formula (`7,689 GBP/year` and `£7,689/year`, `£32,000 / 1 year` and `£32,000/year`, `1650` and `1,650`,
// redundant parentheses, a conversion to the unit the value is held in) mean the same and are no change.
#pragma once

#include "core/program/program.hpp"

#include <string>

namespace reckon {

// The meaning of a checked formula of `p`; "" for none.
std::string meaning(const Program& p, const Node* formula);
// A value exactly, as the meaning of a formula writes a constant: "7689/52", "2023-04-01", "[1, 2]".
std::string exact_value(const Value& v);

}  // namespace reckon
