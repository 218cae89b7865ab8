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

// A program of declarations drawn from versions of one ruleset, checked as one (`reckon diff --attribute`: the
// old version with some of the new one's declarations in place of its own). `base` gives the header, the limits
// and its files; `others`, the versions the other declarations are drawn from, their files; an output of any of
// their entry files is an output. The declarations stay theirs: `base` and `others` must outlive the program.
// Throws CompileError as compile() does.
std::shared_ptr<Program> compile_declarations(const Program& base, const std::vector<const Program*>& others,
                                              const std::vector<const ast::Decl*>& decls, const std::vector<ParamSetting>& settings = {});

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
