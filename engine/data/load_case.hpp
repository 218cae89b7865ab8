// Case files: YAML read against the schema that the ruleset's `input`
// declarations make, with every number read exactly from its text.
#pragma once

#include "core/base/limits.hpp"
#include "core/program/case.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reckon {


// A number read for an input (in base units) outside the input's bounds: why,
// as in "250 is above the maximum, 200 hour"; nothing when it is within them.
// `written` is the number as the case wrote it.
std::optional<std::string> out_of_bounds(const UnitTable& units, const Type& t, const Bounds& b, const Number& v,
                                         std::string_view written);



// Throws CompileError listing every problem found in the case (unknown keys,
// missing keys, wrong types, values out of range), each with file:line:col
// and the key path.
Case load_case(const Program& p, SourcePtr source);
Case load_case_file(const Program& p, const std::string& path);

// The run data file (--run-data): YAML read against the schema of the ruleset's `run input`s, checked as a case
// is, every problem at its line; the values in Program::run_inputs order.
Case load_run_data(const Program& p, SourcePtr source);

// A scenarios file (`reckon batch --scenarios FILE.yaml`): named sets of
// param values, each value written as in the language, in the file's order:
//   low:
//     arrest_hours: 3.5 hour
//   high:
//     arrest_hours: 6.5 hour
struct ScenarioSetting {
    std::string param, value;
    Location where;  // the value in the file
};
struct Scenario {
    std::string name;
    Location where;
    std::vector<ScenarioSetting> settings;
};
// Throws CompileError (file:line:col) when the file is not such a mapping, holds a second document, gives a
// name twice or a param twice in one scenario, or nests deeper than limits.yaml_depth, or holds more than limits.scenarios scenarios.
std::vector<Scenario> read_scenarios(SourcePtr source, const Limits& limits);

}  // namespace reckon
