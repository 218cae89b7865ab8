// The run's settings (--param, a scenario's values), checked against the
// program: a param's value as a constant of its type, a table cell's value
// as a constant of its column's type, in a row the table has.
#pragma once

#include "core/check/check.hpp"
#include "core/program/settings.hpp"

namespace reckon {

// Each setting checked and kept in the program: a param's in p.overrides,
// a table cell's applied to p.tables and kept in p.cell_settings. A name the
// ruleset lacks is a SettingError; a value of the wrong kind a diagnostic in `diags`, and the same by setting in
// `problems`.
// The cell `name` (TABLE(KEY).COLUMN, as --param and a test's `given` write it) names in p; a SettingError saying
// what p lacks (the table, the row, the column) when it names none.
CellRef find_cell(Program& p, Checker& checker, const std::string& name);

// Why run input d, a list or a record, is not set for a run as --param, a scenario or a test's `given` would set it.
std::string run_input_not_set(const Program& p, const ParamDef& d);

void check_settings(Program& p, Checker& checker, const std::vector<ParamSetting>& settings, std::vector<Diagnostic>& diags,
                    std::vector<SettingProblem>& problems);

}  // namespace reckon
