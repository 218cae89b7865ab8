// The import phase: reads the entry file and its imports (the entry file first), each parsed once.
#pragma once

#include "core/base/limits.hpp"
#include "core/syntax/ast.hpp"

#include <string>
#include <utility>
#include <vector>

namespace reckon {

struct ImportEdge {
    const SourceFile* from = nullptr;
    const SourceFile* to = nullptr;
    std::string written;  // the path as the import writes it
    std::vector<std::pair<std::string, Location>> names;
    Location where;
};

// The files of a ruleset, as the import phase reads them.
struct ImportedFiles {
    std::vector<SourcePtr> sources;     // the entry file first, then imports
    std::vector<ImportEdge> imports;    // every import of every file
    std::vector<ast::Module> modules;   // kept: the tree nodes point at their syntax
};

// Reads the entry file and its imports into `files`, within `limits`. Throws CompileError with every import that
// could not be followed.
void import_files(ImportedFiles& files, SourcePtr entry, const Limits& limits);

}  // namespace reckon
