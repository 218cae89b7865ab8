// Case files: YAML read against the schema that the ruleset's `input`
// declarations make, with every number read exactly from its text.
#pragma once

#include "program.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reckon {

struct Case {
    SourcePtr source;
    std::string id;             // from the `identified by` input, else the file name
    std::vector<Value> inputs;  // in input slot order
    std::vector<std::uint32_t> input_at;  // where each input's value is in the file (byte offset + 1; 0 absent)
    std::vector<std::string> input_key;   // and its key path, as in police.arrests
    // From a table: the cell of each input ("row 17, column joined, C17"), or
    // the rows of a list ("offences.csv rows 2, 3, 5"); empty for a YAML case.
    std::vector<std::string> input_cell;
};

// A number read for an input (in base units) outside the input's bounds: why,
// as in "250 is above the maximum, 200 hour"; nothing when it is within them.
// `written` is the number as the case wrote it.
std::optional<std::string> out_of_bounds(const UnitTable& units, const Type& t, const Bounds& b, const Number& v,
                                         std::string_view written);

class Evaluator;
// Checks the ruleset's `require` conditions on a loaded case, with the
// evaluator of that case; throws CompileError pointing at the input's line
// in the case file.
void check_requires(const Program& p, Evaluator& ev, const Case& c);

// The keys a case file may hold, as the inputs' paths make them: made once for a program (Program::case_keys).
std::shared_ptr<const CaseKeys> make_case_keys(const std::vector<InputDef>& inputs);

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
// Throws CompileError (file:line:col) when the file is not such a mapping.
std::vector<Scenario> read_scenarios(SourcePtr source);

}  // namespace reckon
