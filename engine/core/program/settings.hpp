// What a run asks of a ruleset besides its files: the values it sets (--param, a scenario, a test's `given`),
// and the error of a request that names what the ruleset does not have.
#pragma once

#include <stdexcept>
#include <string>

namespace reckon {

// A --param NAME=VALUE: VALUE is written as in the language ("25%", "1607 hour/year").
struct ParamSetting {
    std::string name;
    std::string value;
};

// A request names what the ruleset does not have (a param or a table cell to set, run data for a ruleset that
// reads none): the caller's mistake, not the ruleset's. The command line reports it as a usage error (exit 2).
class RequestError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace reckon
