// One way of writing each expression: the form `reckon diff` compares and
// shows, so that a change of layout (spaces, line breaks, redundant
// parentheses) is no change at all.
#pragma once

#include "core/syntax/ast.hpp"

#include <string>

namespace reckon {

std::string canonical(const ast::Expr& e);
std::string canonical(const ast::TypeSyntax& t);

}  // namespace reckon
