// A scenario's params on top of the command line's (eval, batch, report,
// merge and diff --scenarios): the program compiled with both, and a setting
// the ruleset rejects reported at the scenario's value in its file.
#pragma once

#include "core/compile/compile.hpp"
#include "core/program/settings.hpp"
#include "data/load_case.hpp"

#include <functional>
#include <memory>
#include <vector>

namespace reckon::cli {

// The program for one scenario: `compile_with` given the command line's
// settings, then the scenario's. A setting the ruleset rejects is an error
// at the scenario's value in its file.
std::shared_ptr<Program> compile_scenario(const Scenario& sc, const std::vector<ParamSetting>& command_line,
                                          const std::function<std::shared_ptr<Program>(const std::vector<ParamSetting>&)>& compile_with);

// The scenario's params bound (bind_params, with the command line's overrides): an error in working one out (a
// table with no row for the scenario's year; a CompileError) gets a note naming the scenario and its place in
// the scenarios file.
std::vector<Value> bind_scenario_params(const Scenario& sc, const Program& q);

}  // namespace reckon::cli
