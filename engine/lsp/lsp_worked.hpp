// Worked values: each rule and output of a rule file evaluated for one case, as a spreadsheet shows each
// cell's value, for the editor to show beside its declaration.
#pragma once

#include "core/program/program.hpp"

#include <string>
#include <vector>

namespace reckon::lsp {

struct WorkedValue {
    int rule = -1;
    std::string text;  // "£60,805.55", or "error: division by zero"
};

struct Worked {
    std::string case_path;
    std::string error;  // why there are none: the case does not load, a param has no value…
    std::vector<WorkedValue> values;
};

// The value of every rule of each case declared in `file` (a program's source), for the case at case_path,
// evaluated exactly as `reckon eval` evaluates it (its `require`s first). The program must have checked without an error.
Worked worked_values(const Program& p, const SourceFile* file, const std::string& case_path);

}  // namespace reckon::lsp
