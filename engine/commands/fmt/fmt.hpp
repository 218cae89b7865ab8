// `reckon fmt`: the one canonical layout of rule files. Declarations start at
// the left margin, every other line of a declaration is indented two spaces,
// runs of spaces become one (a comment after code has two before its '#'),
// blank lines are at most one, table rows are aligned in columns, and lines
// end without trailing spaces. The line breaks an author chose are kept, and
// every comment stays on its line. Formatting a formatted file changes
// nothing.
#pragma once

#include "core/base/limits.hpp"
#include "core/base/source.hpp"

#include <string>

namespace reckon {

// The canonical text of a rule file. Throws CompileError when it does not
// parse: a file is formatted only once it is valid syntax.
std::string format_rules(const SourcePtr& source, const Limits& limits);

}  // namespace reckon
