// The parse phase: text to syntax tree. The only entry points into the
// grammar; everything after them works on ast:: and knows nothing of PEGTL.
#pragma once

#include "core/syntax/ast.hpp"
#include "core/base/limits.hpp"

namespace reckon {

// Parses a whole rule file. Throws CompileError with the syntax error.
ast::Module parse_module(SourcePtr source, const Limits& limits);

// Parses one expression (a --param value). Throws CompileError.
ast::ExprPtr parse_expression(SourcePtr source, const Limits& limits);

}  // namespace reckon
