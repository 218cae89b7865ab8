// A case as the language sees it: the values of the ruleset's inputs, with where each came from, and the keys
// a case may hold (the schema the inputs' paths make). Readers of case files (data/) fill it; evaluation reads it.
#pragma once

#include "core/program/program.hpp"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace reckon {

struct Case {
    SourcePtr source;
    std::string id;             // from the `identified by` input, else the file name
    std::vector<Value> inputs;  // in input slot order
    std::vector<std::uint32_t> input_at;  // where each input's value is in the file (byte offset + 1; 0 absent)
    std::vector<std::string> input_key;   // and its key path, as in police.arrests
    // From a table: the cell of each input ("row 17, column joined, C17"), or
    // the rows of a list ("offences.csv rows 2, 3, 5"); empty for a YAML case.
    std::vector<std::string> input_cell;
};

// The keys a case may hold: a tree whose leaves are inputs.
struct SchemaNode {
    int input = -1;
    std::map<std::string, SchemaNode, std::less<>> children;  // found by a key's text where the tree holds it
};
struct CaseKeys {
    SchemaNode root;
};

// The keys a case file may hold, as the inputs' paths make them: made once for a program (Program::case_keys).
std::shared_ptr<const CaseKeys> make_case_keys(const std::vector<InputDef>& inputs);

}  // namespace reckon
