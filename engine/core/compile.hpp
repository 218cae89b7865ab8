// The pipeline, in one place: import (read, parse) → declare → check → program.
#pragma once

#include "limits.hpp"
#include "program.hpp"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace reckon {

// A --param NAME=VALUE: VALUE is written as in the language ("25%", "1607 hour/year").
struct ParamSetting {
    std::string name;
    std::string value;
};

// The command line named a param the ruleset does not have.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Compiles the ruleset whose entry file is `path`, with its imports, within
// `limits` (kept in the program for the later phases: cases, evaluation).
// Throws CompileError with every diagnostic found.
// run_data: the run data file (--run-data) that gives the ruleset's `run input`s their values, or "".
std::shared_ptr<Program> compile(const std::string& path, const std::vector<ParamSetting>& settings = {},
                                 const Limits& limits = {}, const std::string& run_data = "");
std::shared_ptr<Program> compile(SourcePtr entry, const std::vector<ParamSetting>& settings = {}, const Limits& limits = {},
                                 const std::string& run_data = "");

// For an editor: the same pipeline on a text that may be half typed. Every diagnostic is returned rather than
// thrown; the program is there (its declarations, some with errors) unless a file did not parse, and `ok` when
// it checked without an error, so that it may be evaluated.
struct Analysis {
    std::shared_ptr<Program> program;
    std::vector<Diagnostic> diagnostics;
    bool ok = false;
};
Analysis analyse(SourcePtr entry, const Limits& limits = {});

}  // namespace reckon
