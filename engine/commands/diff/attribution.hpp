// The arithmetic of `reckon diff --attribute`, apart from any program: a figure's change split among the changes
// between two versions by their exact Shapley values (every order of applying the changes averaged, in rationals),
// and the part of it that two changes make only together. A "coalition" is a set of players, as a mask: bit i
// for player i; a game's values are the figure under each coalition applied, values[mask], 2^n of them.
#pragma once

#include "core/base/number.hpp"

#include <cstddef>
#include <vector>

namespace reckon {

// Each player's Shapley value: the sum over the coalitions S without i of |S|!(n-|S|-1)!/n! (v(S+i) - v(S)).
// `values` holds 2^players values (players at most 20). The shares add up exactly to values[all] - values[none]:
// checked, std::logic_error if they did not.
std::vector<Number> shapley_shares(std::size_t players, const std::vector<Number>& values);

// What players i and j make only together: v({i,j}) - v({i}) - v({j}) + v({}). Zero when each one's effect
// does not depend on the other's being applied.
Number pair_interaction(const std::vector<Number>& values, std::size_t i, std::size_t j);

}  // namespace reckon
