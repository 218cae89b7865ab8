// Probabilistic runs: the value of an uncertain figure in one draw. The random numbers are keyed by the seed, the
// draw and the figure's name (a counter-based generator, not a shared stream), so a draw is the same on every
// machine, whatever the number of threads and whichever draws are made: draw 1,234 alone, for explain, is the
// draw 1,234 of the whole run.
#pragma once

#include "core/program/program.hpp"

#include <cstdint>
#include <string>

namespace reckon {

// A uniform number in (0, 1), the `k`-th of the stream of (seed, draw, name).
double keyed_uniform(std::uint64_t seed, std::uint64_t draw, const std::string& name, std::uint64_t k);

// The value of an uncertain figure `name` (value: its declared value, the mode or mean) in draw `draw` of seed
// `seed`, as an exact number in base units: the sample rounded to a millionth of the range, and within it.
// Throws std::runtime_error when the range holds too little of the distribution to draw from.
Number draw_value(const Uncertain& u, const Number& value, std::uint64_t seed, std::uint64_t draw, const std::string& name);

}  // namespace reckon
