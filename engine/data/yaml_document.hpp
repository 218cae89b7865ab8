// The load phase's one door to a YAML file (a case, the run data, a scenarios file): its text checked (UTF-8,
// nesting no deeper than the limit) before the parser sees it, then parsed as exactly one document. yaml-cpp
// would take the first document and drop the rest; here a second one is an error at its start, so that a
// file means what it shows. A key given twice is found by the readers of the tree, which keep every key.
#pragma once

#include "data/read_yaml.hpp"

#include "core/base/limits.hpp"
#include "core/base/source.hpp"

#include <string_view>

namespace reckon {

// Where a mark of the parser is in `src` (its start when the mark is none).
Location yaml_place(const SourceFile& src, const YamlMark& m);

// The one document of `src`. `one_document` says, for the error at a second document, what the file holds (as in
// "the run data is one document"). Throws CompileError: text that is not UTF-8, nesting deeper than
// limits.yaml_depth, YAML that does not parse, a second document.
YamlTree read_yaml_document(const SourceFile& src, const Limits& limits, std::string_view one_document);

}  // namespace reckon
