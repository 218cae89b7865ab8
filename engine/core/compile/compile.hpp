// The pipeline, in one place: import (read, parse) → declare → check → program.
#pragma once

#include "core/base/limits.hpp"
#include "core/program/program.hpp"
#include "core/program/settings.hpp"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace reckon {

// Compiles the ruleset whose entry file is `path`, with its imports, within
// `limits` (kept in the program for the later phases: cases, evaluation).
// Throws CompileError with every diagnostic found.
// The run data file (--run-data), a reader of data, is applied after: data/run_data.hpp.
std::shared_ptr<Program> compile(const std::string& path, const std::vector<ParamSetting>& settings = {},
                                 const Limits& limits = {});
std::shared_ptr<Program> compile(SourcePtr entry, const std::vector<ParamSetting>& settings = {}, const Limits& limits = {});

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
