// A scenario bound for a run: the program compiled with its values and its params bound.
#pragma once

#include "core/program/program.hpp"

#include <memory>
#include <string>
#include <vector>

namespace reckon {

// One named set of param values (--scenarios): the program compiled with
// them (its tables carry the scenario's cells) and its params bound.
struct BoundScenario {
    std::string name;
    std::shared_ptr<const Program> program;
    std::vector<Value> params;
};

}  // namespace reckon
