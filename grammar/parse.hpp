// Text to syntax tree. The only entry points into the grammar; everything
// after them works on ast:: and knows nothing of PEGTL.
#pragma once

#include "../engine/ast.hpp"

namespace reckon {

// Parses a whole rule file. Throws CompileError with the syntax error.
ast::Module parse_module(SourcePtr source);

// Parses one expression (a --param value). Throws CompileError.
ast::ExprPtr parse_expression(SourcePtr source);

}  // namespace reckon
