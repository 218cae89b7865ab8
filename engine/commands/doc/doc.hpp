// `reckon doc`: the methodology appendix, generated from the rules so that it
// can never disagree with the computation: every param with its value, unit
// and source; every table; the case schema; every rule and output with its
// description and formula; and, for a case, the worked value of each step.
#pragma once

#include "data/load_case.hpp"
#include "commands/present/html.hpp"

#include <optional>
#include <string>

namespace reckon {

// Markdown. With a case, each per-case rule shows its worked value, as
// `reckon eval` shows outputs.
std::string methodology_markdown(const Program& p, const std::vector<Value>& params, const Case* c);


}  // namespace reckon
