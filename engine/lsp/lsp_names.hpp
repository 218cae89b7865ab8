// The names an editor meets in a rule file, for the language server's features: the language's keywords,
// its built-in functions (each with how it is called), and the declarations of a ruleset that a word under
// the cursor names. Private to the server's files (lsp_server.hpp).
#pragma once

#include "lsp/lsp_declarations.hpp"
#include "lsp/lsp_text.hpp"

#include <string>
#include <vector>

namespace reckon::lsp {

// The language's keywords: never a name of the ruleset's own, and offered by completion.
inline constexpr const char* keywords[] = {"ruleset", "unit", "currency", "param", "input", "rule", "let", "output", "fn", "type", "test",
                                           "given", "expect", "import", "source", "decimals", "if", "then", "else", "in", "for", "where",
                                           "and", "or", "not", "true", "false", "list", "of", "none", "is", "otherwise", "table", "require",
                                           "cohort", "report", "run", "range", "to", "distributed", "percent", "optional", "one"};

// Each built-in function: its name, and how it is called (its signature, as completion and signature help show it).
inline constexpr const char* builtins[][2] = {
    {"round", "round(x, step, mode)"}, {"floor", "floor(x, step)"}, {"ceil", "ceil(x, step)"}, {"min", "min(a, b, …)"},
    {"max", "max(a, b, …)"}, {"abs", "abs(x)"}, {"sum", "sum(e for x in list where c)"}, {"count", "count(x in list where c)"},
    {"collect", "collect(e for x in list where c)"}, {"date", "date(year, month, day)"}, {"financial_year", "financial_year(d)"},
    {"power", "power(x, n)"}, {"numbers", "numbers(first, last)"}, {"mean", "mean(e for x in list where c)"},
    {"median", "median(e for x in list where c)"}, {"add_months", "add_months(d, n)"}, {"months_between", "months_between(a, b)"},
    {"end_of_month", "end_of_month(d)"}};

bool is_keyword(const std::string& w);

// The declarations a word names: `Status.pro_rata` a member, `police.arrests` an input's path, else by name.
std::vector<Declaration> named(const std::vector<Declaration>& all, const Word& w);

}  // namespace reckon::lsp
