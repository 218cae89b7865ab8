// The run data phase: the file that gives a ruleset's `run input`s their values for a whole run (the
// partnership's contributions for the year), read and checked as a case is, then held as the run's values
// of those params.
#pragma once

#include "core/compile/compile.hpp"

#include <string>

namespace reckon {

// Reads the run data file at `path` against the ruleset's `run input`s and sets each for the run (in
// p.overrides, as --param does), naming the file in each one's ParamDef::run_data; a run input --param set keeps that value
// (the file is checked whole all the same). Throws CompileError with
// every problem at its line, or RequestError when the ruleset reads no run data.
void apply_run_data(Program& p, const std::string& path);

// The ruleset compiled (core/compile/compile.hpp), then the run data file applied when `run_data` names one.
std::shared_ptr<Program> compile_run(const std::string& path, const std::vector<ParamSetting>& settings, const Limits& limits,
                                     const std::string& run_data);

}  // namespace reckon
