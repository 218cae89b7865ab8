// The import phase: reads the entry file and its imports into the program's
// sources and modules (the entry file first), each parsed once.
#pragma once

#include "program.hpp"

namespace reckon {

// Throws CompileError with every import that could not be followed.
void import_files(Program& p, SourcePtr entry);

}  // namespace reckon
