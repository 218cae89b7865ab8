// `reckon diff`: what changed between two versions of a ruleset, in the
// methodology's own terms (params, units, tables, inputs, rules, outputs,
// functions), compared in canonical form so that layout is no change; and,
// with cases, the effect on every output of every case.
#pragma once

#include "commands/batch/batch.hpp"
#include "core/program/program.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace reckon {

struct Aspect {
    std::string what;  // "value", "formula", "source", ...
    std::string before, after;
};

// What became of a declaration: new in the new version, gone from it, or in both and different.
enum class ChangeKind { added, removed, changed };
// The words the text and the JSON name it with: "added", "removed", "changed".
const char* change_kind_name(ChangeKind k);

struct Change {
    std::string section;  // header, units, types, params, tables, inputs, rules, functions
    ChangeKind kind = ChangeKind::changed;
    std::string name;     // "param working_hours", "output total"
    std::vector<Aspect> aspects;
};

std::vector<Change> compare_rulesets(const Program& old_p, const Program& new_p);

// --attribute: a part of a figure's change, in the figure's own unit, and as shown ("+£32.30").
struct Share {
    std::string change;  // the player's name: a change, or a group of them
    Number amount;
    std::string shown;
};

// A cohort figure's change case by case (split_by_case): whether a case adds to it (its part is not zero) in
// both runs, in the new run alone or in the old alone.
enum class CaseMove { both, new_only, old_only };
// The words the text and the JSON name it with: "in both runs", "only in the new run", "only in the old run".
const char* case_move_text(CaseMove m);
struct CaseChange {
    std::string case_id, file;
    CaseMove move = CaseMove::both;
    Number amount;  // the new part less the old, in the figure's own unit, exact
    std::string shown;
};
struct CaseSplit {
    std::vector<CaseChange> largest;  // every case whose part changed, the largest first (the text shows 5, or --rows)
    struct Group {
        std::size_t cases = 0;
        Number amount;
        std::string shown;
    };
    Group groups[3];  // by CaseMove: their parts' change, adding up exactly to the figure's change (unrounded)
    Number before, after;  // the figure under each run: the sum of its cases' parts, exact
};

// A cohort figure whose formula is other cohort figures added or taken away (saving_pnc = baseline_cost -
// annualised_cost), or a ratio of such ((baseline_offences - annualised_offences) / baseline_offences * 100), each a
// sum or a count over the cases: the change of each figure it is made of (split_by_parts).
struct TermChange {
    std::string name;   // the cohort rule or output it names: "baseline_cost"
    int sign = 1;       // in its side: +1 added, -1 taken away
    Number amount;      // its change, new less old, in its own unit, exact
    Number delta;       // its change as the diff shows a figure's: each version's value rounded to its decimals first
    std::string shown;  // delta shown: "+£541,877.90"
    CaseSplit by_case;  // its change case by case
};
// A side of the figure's formula (the whole of a sum or difference; a ratio's numerator or its denominator).
struct SideChange {
    std::string formula;  // "baseline_cost - annualised_cost"
    std::vector<TermChange> terms;
    Number amount;  // its change: the terms' changes with their signs, exact
    Number delta;       // and as shown, as a term's
    std::string shown;
};
// What a figure made of others is: terms added and taken away (its change theirs with their signs, exactly), or a
// ratio, whose change is not the sum of its numerator's and its denominator's and is not split among them.
enum class PartsKind { sum, ratio };
struct PartsSplit {
    PartsKind kind = PartsKind::sum;
    std::vector<SideChange> sides;  // a sum: one; a ratio: its numerator, then its denominator
};

// One output of one case (or of the cohort: case_id and file empty) whose shown figure changed.
struct FigureChange {
    std::string case_id, file, output;
    std::string before, after, difference;  // as shown; difference empty when not numeric
    Number delta;                           // in the output's unit, for "the largest change"
    std::string unit;
    // --attribute: the change split among the changes (adding up exactly to delta), and what each pair of them
    // makes only together (the pairs whose part is not zero); or why it could not be split.
    std::vector<Share> attribution;
    std::vector<Share> interactions;  // change: "A × B"
    std::string unattributed;
    std::optional<CaseSplit> by_case;  // a cohort figure over the cases: its change case by case
    Value old_value, new_value;        // the figure under each version (none where it has none), for a workbook's number cells
    std::optional<PartsSplit> parts;   // a cohort figure made of other cohort figures: their changes
};

// The output a figure change is of ("x", or "x[member]" of a figure by member), among the program's cohort outputs
// or its case outputs; null when the program has none of that name (an output one version alone has).
const RuleDef* figure_rule(const Program& p, const std::string& output, bool cohort);
// An amount in the figure's own unit, as its change is shown ("+£32.30"); one that is no whole number of its last
// decimal also exactly: "+£0.00 (exactly 1/300)".
std::string shown_amount(const Program& p, const RuleDef& r, const Number& own);
// The member of figure by member `r` that a figure change of output "x[member]" is of; -1 for "x", or a member `r` lacks.
int figure_member(const RuleDef& r, const std::string& output);

// --attribute: among what the figures' changes were split, and how the players were made.
struct AttributionNote {
    std::string method;
    std::vector<std::string> players, grouped, unattributed;  // grouped: why changes were made one player
};

struct CaseEffects {
    std::size_t cases = 0, affected = 0;  // the cases of both runs (matched by file and id), and those whose figures changed
    std::size_t only_old = 0, only_new = 0;  // the cases of one run alone (--old-cases), not compared
    std::vector<FigureChange> cohort;   // the cohort's outputs that changed, in declaration order
    std::vector<FigureChange> changes;  // each case's, the case with the largest change first
    std::vector<std::string> errors;    // cases that could not be evaluated under one version, and a cohort that could not
    std::optional<AttributionNote> attribution;
};

// The effect of the change on the cases, run under each version: each case of the new run compared with the old
// run's case of the same file and id; a case of one run alone is counted, not compared.
CaseEffects compare_results(const Program& old_p, const BatchResults& old_r, const Program& new_p, const BatchResults& new_r);

// The effects under one scenario of --scenarios (scenario "" when there are none).
struct ScenarioEffects {
    std::string scenario;
    CaseEffects effects;
};

// rows: how many affected cases the text shows, and (at most 5) the cases of a cohort figure's split (the JSON has them all).
// `effects`: none without cases; one, named "", without scenarios; else one per scenario.
std::string render_diff(const std::string& old_name, const std::string& new_name, const std::vector<Change>& changes,
                        const std::vector<ScenarioEffects>& effects, std::size_t rows = 20);
nlohmann::ordered_json diff_json(const std::vector<Change>& changes, const std::vector<ScenarioEffects>& effects);
// The figures that changed, a row each (with --attribute, a row for each part of each): the cohort's (case and file
// empty), then each case's; the methodology's changes are in the text and the JSON.
std::string diff_csv(const std::vector<ScenarioEffects>& effects);

}  // namespace reckon
