// The run data phase: the file that gives a ruleset's `run input`s their values for a whole run (the
// partnership's contributions for the year), read and checked as a case is, then held as the run's values
// of those params.
#pragma once

#include "program.hpp"

#include <string>

namespace reckon {

// Reads the run data file at `path` against the ruleset's `run input`s and sets each for the run (in
// p.overrides, as --param does), naming the file in each one's ParamDef::run_data. Throws CompileError with
// every problem at its line, or UsageError when the ruleset reads no run data.
void apply_run_data(Program& p, const std::string& path);

}  // namespace reckon
