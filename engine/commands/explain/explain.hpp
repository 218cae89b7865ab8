// `reckon explain`: the derivation of one output of one case (or of the
// cohort of a batch), as a tree: each
// rule with its formula as written, its value, where it is declared, its
// description and source; each function, param (with its source), table and
// input (with where it is in the case file) that it used; rounding steps.
#pragma once

#include "data/load_case.hpp"
#include "core/eval/eval.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace reckon {

// What an entry of the tree is. A rule's entry is an output or a rule, of a case or of the cohort; a part of a
// cohort figure over the cases is one case (case_) or the rest of them (cases).
enum class DerivationKind { output, rule, cohort_output, cohort_rule, fn, param, table, input, case_, cases };
// The words the text and the JSON name it with: "output", "cohort rule", "case", …
const char* derivation_kind_name(DerivationKind k);

struct Derivation {
    DerivationKind kind = DerivationKind::rule;
    std::string name;
    std::string value;               // with its unit; empty for fn and table
    // A number's value exactly, in the base units of its unit (Number::str(): 2356 or 25920/11), and those units
    // ("GBP/minute"; empty for a plain number): every step can be recomputed from its uses' exact values.
    std::string exact, exact_unit;
    std::string where;               // file:line:col of the declaration, or of the value in the case
    std::string formula;             // as written
    std::string description, source;
    std::vector<std::string> rounding;  // "round to £0.01, half away from zero"
    // A table: each row looked up by a key with one value here, with its
    // columns' names ("2023: {index: 1.49168}"), and each cell set for this run.
    std::vector<std::string> rows;
    // A function called more than once with different arguments: "6 calls:", then each call with its value.
    std::vector<std::string> calls;
    std::vector<Derivation> uses;
    bool cut = false;                // more below, not shown (--depth)
    bool shown_above = false;        // met before in the tree, where what it uses is shown: not again
    // A cohort figure summed or counted over the cases: how many give a part
    // of it, then the largest parts (kind "case": the case's identifier, its
    // part, its file) and the rest (kind "cases": "the other N cases"), which
    // add up to the figure exactly.
    std::string over_cases;
    std::vector<Derivation> parts;
    // With --case ID: that case's part (kind "case"), and under it the
    // derivation, in the case, of each figure the formula reads from it.
    std::vector<Derivation> followed;
};

// A case of a batch as the cohort rules read it (what p.cohort_fields holds for it).
struct CohortCase {
    std::string id, file;
    Value row;
};

// The tree for rule `slot`, `depth` levels deep (0: no limit); a list input of records shows its first `entries` entries.
// With `member` (>= 0), one member of a figure by member: its value, and the
// values of the calls its formula makes for that member.
Derivation explain(const Program& p, Evaluator& ev, const std::vector<Value>& params, const Case& c, int slot, int depth,
                   std::size_t entries = 5, int member = -1);

// One case of the batch followed down to its inputs (--case ID): the case,
// as loaded, and its index in the cohort's cases.
struct FollowedCase {
    const Case* c = nullptr;
    std::size_t index = 0;
};

// The tree for cohort rule `slot` over the cases of a batch, the `largest`
// parts of each sum over the cases shown; with `followed`, that case's part
// of each sum, followed down to its inputs.
Derivation explain_cohort(const Program& p, const std::vector<Value>& params, const std::vector<CohortCase>& cases, int slot, int depth,
                          std::size_t largest = 5, const FollowedCase* followed = nullptr, std::size_t entries = 5, int member = -1);

std::string render_derivation(const Derivation& d);

// A formula as written, on one line (the parentheses around it kept).
std::string formula_text(const ast::Expr* e);
// A value of type t shown with its unit: money to the penny, other numbers to
// 2 decimals, a list of records as its number of entries.
std::string typed_value(const Program& p, const Type& t, const Value& v);
// A param's value as an auditor reads it: a percentage when it is written as one (20%); exactly when it ends
// within 10 decimals; else cut to 10 decimals with "…", and, for a plain number, the exact fraction
// ("1.3952278955… (exactly 149168/106913)"), so that every figure can be recomputed by hand.
std::string param_text(const Program& p, int slot, const Value& v);
// …with no note of its exact value: as an interactive report's panel shows it, for --param to take again.
std::string param_setting_text(const Program& p, int slot, const Value& v);
// Whether param `slot` is written as a percentage (`deadweight = 20%`): then readers see its values as one.
bool written_as_percent(const Program& p, int slot);
// A fraction as a percentage, to `places` decimals and "…" where more follow: 0.054321142016… is "5.432114…%".
std::string percent_text(const Program& p, const Type& t, const Value& v, int places);
// d.exact and d.exact_unit of a value of type t, when it is a number.
void set_exact(const Program& p, const Type& t, const Value& v, Derivation& d);
nlohmann::ordered_json derivation_json(const Derivation& d);

}  // namespace reckon
