// What a run asks of a ruleset besides its files: the values it sets (--param, a scenario, a test's `given`),
// and the error of a request that names what the ruleset does not have.
#pragma once

#include "core/base/source.hpp"

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

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

// A setting that names what the ruleset does not have, or that it may not set: which setting, and why, as data
// (a scenarios file points at its own line with them); what() is the command line's "--param NAME: why".
class SettingError : public RequestError {
public:
    SettingError(std::string setting, std::string why)
        : RequestError("--param " + setting + ": " + why), setting_(std::move(setting)), why_(std::move(why)) {}
    const std::string& setting() const { return setting_; }
    const std::string& why() const { return why_; }

private:
    std::string setting_, why_;
};

// A setting's value that did not check (of the wrong kind or unit, or not written out): the setting and the message.
struct SettingProblem {
    std::string setting;
    std::string message;
};
// compile()'s error when every diagnostic is about a setting's value: the diagnostics (pointing into the values as
// written, for the command line) and the same problems by setting, which outlive the program they were found in.
class SettingValueError : public CompileError {
public:
    SettingValueError(std::vector<Diagnostic> ds, std::vector<SettingProblem> problems)
        : CompileError(std::move(ds)), problems_(std::move(problems)) {}
    const std::vector<SettingProblem>& problems() const { return problems_; }

private:
    std::vector<SettingProblem> problems_;
};

}  // namespace reckon
