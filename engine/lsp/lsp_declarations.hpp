// What a ruleset declares, as an editor shows it: every named thing of a program (its own file's and its
// imports'), with its place, how it is written and what it says of itself, for hover, go to definition,
// references, rename, completion and the outline.
#pragma once

#include "core/program/program.hpp"

#include <string>
#include <vector>

namespace reckon::lsp {

enum class DeclarationKind { param, run_input, input, rule, output, cohort_rule, cohort_output, fn, table, enumeration, member, record, unit, test };

struct Declaration {
    DeclarationKind kind;
    std::string name;       // as a formula names it: `unit_costs`, `Status.pro_rata` for a member, an input's path
    Location where;         // the name where it is declared
    std::string signature;  // as the language writes it: "param on_costs: number", "fn cost(t: OffenceType) -> GBP"
    std::string about;      // its description, label and source, for people
    int slot = -1;          // params: the param's slot (for its value)
};

// Every declaration of the program, in the order of its files and then of the text.
std::vector<Declaration> declarations_of(const Program& p);

// "param", "cohort output", "type": the word people use for a kind.
const char* kind_word(DeclarationKind k);
// The protocol's SymbolKind and CompletionItemKind of a kind.
int symbol_kind(DeclarationKind k);
int completion_kind(DeclarationKind k);

}  // namespace reckon::lsp
