// `reckon sensitivity`: how sure a figure is, and which assumption moves it most. Every analysis evaluates the
// chosen figures again with some uncertain values set, exactly, in passes over the cases: a pass reads them one at
// a time and evaluates each under every setting it has (the one-way's ends, a grid, a batch of draws), so that
// memory does not grow with the cohort:
//   - one-way: each uncertain value at the low and the high end of its range, the others at their values (the
//     tornado, largest swing first);
//   - switching values: the value at which a figure reaches a threshold, solved exactly where the figure is
//     linear in it (and checked by evaluating there), else by bisection to a stated tolerance;
//   - two-way: a grid of the figure over the ranges of two values;
//   - probabilistic: every value with a distribution drawn, draw by draw, keyed by seed, draw and name.
#pragma once

#include "core/eval/cohort_fold.hpp"
#include "core/eval/eval.hpp"
#include "data/load_case.hpp"
#include "core/program/program.hpp"

#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace reckon {

// One pass over an analysis's cases: each case that can be read, in order, handed to `each`. The cases are
// read afresh for each pass (cli: case_passes), so that no more than a few are held at once; a case that
// cannot be read is left out of every pass, and said once, by whoever read them first.
using EachCase = std::function<void(Case&&)>;
using CasePasses = std::function<void(const EachCase& each)>;

// Some uncertain values set: settings[i] for values[i] (below), or nothing (its value in the ruleset).
using Settings = std::vector<std::optional<Number>>;

// A value of the ruleset declared uncertain: a param or a table cell with a range.
struct UncertainValue {
    std::string name;  // "arrest_time", "unit_costs(homicide).social"
    int param = -1;    // a param's slot, or
    int cell = -1;     // an index into Program::uncertain_cells
    const Uncertain* range = nullptr;
    Value value;  // its value in this run
    Type type;
};

// The ruleset's uncertain values: every param and table cell with a range that --param does not set, with its
// value in `params` (a cell's in its table).
std::vector<UncertainValue> uncertain_values(const Program& p, const std::vector<Value>& params);

// A run's values with some uncertain values set (settings[i] for values[i], where it has one): the params bound,
// and the tables for the evaluators (Evaluator::set_tables).
struct RunValues {
    std::vector<Value> params;
    std::vector<std::unique_ptr<TableDef>> changed;  // the tables with cells set
    RunTables tables;                                // each table: the program's, or its copy in `changed`
};
RunValues run_values(const Program& p, const std::vector<UncertainValue>& values, const Settings& settings);
// The settings as people read them, for a message or a heading: "with arrest_time = 3.5 hour", or "" for none.
std::string settings_text(const Program& p, const std::vector<UncertainValue>& values, const Settings& settings);
// The cells of `settings` written into the program's tables, for a command that evaluates once (explain --draw).
void set_cells(Program& p, const std::vector<UncertainValue>& values, const Settings& settings);

// The values of draw `draw` of `seed`: one for each value with a distribution, the others unset.
Settings drawn_settings(const std::vector<UncertainValue>& values, std::uint64_t seed, std::uint64_t draw);

// A figure analysed: an output of the one case, or a cohort figure; one member of a figure by member.
struct Target {
    int rule = -1;
    int member = -1;
    std::string name;  // as named: "total", "saving_by_type(OffenceType.homicide)"
};

// The figures under some uncertain values set: the cases evaluated again, pass by pass, for each setting.
// Thread-safe: each call evaluates on its own.
class SensitivityRuns {
public:
    // The uncertain values are every param with a range that --param does not set. Cases that fail under the
    // ruleset's values are left out (failures()), as in batch; a case figure needs exactly one case. The first
    // pass, here, finds them and the base figures.
    SensitivityRuns(const Program& p, CasePasses cases, std::vector<Target> targets);

    const Program& program() const { return p_; }
    const std::vector<UncertainValue>& values() const { return values_; }
    const std::vector<Target>& targets() const { return targets_; }
    std::size_t cases() const { return cases_; }
    // The cases left out: each one's diagnostics, rendered.
    const std::vector<std::string>& failures() const { return failures_; }
    const std::vector<Number>& base() const { return base_; }

    // The targets' figures with values[i] set to settings[i] where it has one, the others at their values.
    // Throws EvalError (noting the setting) when a case or the cohort fails, and std::runtime_error when a
    // figure is not defined.
    std::vector<Number> at(const Settings& settings) const;
    // …with one value set.
    std::vector<Number> at(std::size_t value, const Number& setting) const;
    // Each setting's figures, or what at() would throw for it, in one pass over the cases (on `jobs` threads,
    // each taking some of the settings).
    struct Figures {
        std::vector<Number> values;
        std::exception_ptr error;
    };
    std::vector<Figures> at_each(const std::vector<Settings>& settings, unsigned jobs = 1) const;

private:
    struct SettingRun;  // one setting's run in a pass
    class Pass;         // a pass over the cases, step by step (sensitivity_pass.cpp)
    struct FirstPass {  // what the first pass finds: the cases analysed, and those that fail (position, diagnostics)
        std::size_t cases = 0;
        std::vector<std::size_t> failed;
        std::vector<std::string> failures;
    };
    // A pass for `settings`; the first (`first` given) finds the cases that fail under the ruleset's values, which
    // every later pass leaves out.
    std::vector<Figures> pass(const std::vector<Settings>& settings, unsigned jobs, FirstPass* first) const;

    const Program& p_;
    CasePasses pass_over_;
    std::size_t cases_ = 0;             // the cases analysed (those that did not fail)
    std::vector<std::size_t> failed_;   // the positions, in a pass, of those that failed: left out of every pass
    std::vector<Value> params_;         // the ruleset's values (the command line's)
    // What no uncertain value moves is evaluated once for each case in a pass: the rules it evaluated under the
    // ruleset's values that read no uncertain value, given again to each setting's evaluator; the requirements
    // are checked again only when one reads an uncertain value.
    // [0]: what no uncertain value moves; [1]: what no value with a distribution moves, for the draws.
    std::vector<bool> moved_[2];  // by rule
    bool requires_moved_[2] = {false, false};
    std::vector<Target> targets_;
    std::vector<UncertainValue> values_;
    std::vector<Number> base_;
    std::vector<std::string> failures_;
    std::optional<FoldPlan> fold_;  // the cohort's, when a target is a cohort figure: folded case by case in each run
    bool cohort_ = false;
};

// One-way: for a target, each value at its low and high end, largest swing first (ties in declaration order); one
// pass, on `jobs` threads.
struct OneWayRow {
    std::size_t value;
    Number at_low, at_high;
    Number swing() const;
};
struct OneWay {
    std::size_t target;
    std::vector<OneWayRow> rows;
};
std::vector<OneWay> one_way(const SensitivityRuns& runs, unsigned jobs = 1);

// Switching value: where a target reaches a threshold as one value moves over its range.
enum class SwitchMethod {
    exact,        // linear in the value: solved, and the solution evaluated gives the threshold exactly
    bisection,    // not linear: bisection until the bracket is within `tolerance`
    not_reached,  // the threshold is not crossed between the ends of the range
    no_effect,    // the value does not move the figure
    ends_only,    // the figure cannot be evaluated between the ends (a value that picks a table's row): `why` says so
};
const char* switch_method_name(SwitchMethod m);
struct Switching {
    std::size_t target, value;
    Number threshold;
    SwitchMethod method = SwitchMethod::not_reached;
    Number at;         // exact or bisection: the value at which the figure reaches the threshold
    Number tolerance;  // bisection: the width of the last bracket
    Number at_low, at_high;
    std::string why;   // ends_only: the first line of the error between the ends
};
std::vector<Switching> switching_values(const SensitivityRuns& runs, std::size_t target, const Number& threshold);

// Two-way: the target over `steps` points of each of two values' ranges (ends included); one pass, on `jobs` threads.
struct Grid {
    std::size_t target, a, b;
    std::vector<Number> a_values, b_values;
    std::vector<std::vector<Number>> cells;  // [i over a][j over b]
};
Grid two_way(const SensitivityRuns& runs, std::size_t target, std::size_t a, std::size_t b, std::size_t steps, unsigned jobs = 1);

// Probabilistic: `draws` draws of every value with a distribution, on `jobs` threads; each draw's figures, in
// draw order (the same whatever `jobs` is). The draws are evaluated in batches, one pass over the cases each.
struct Draws {
    std::uint64_t seed = 0;
    std::vector<std::size_t> drawn;             // the values drawn (those with a distribution)
    std::vector<std::vector<Number>> figures;   // [draw][target]
};
Draws draw_runs(const SensitivityRuns& runs, std::size_t draws, std::uint64_t seed, unsigned jobs);

// A target's figures over the draws: mean (exact), median, the 2.5th and 97.5th percentiles (by nearest rank),
// and, with a threshold, the share of draws on the far side of it from the ruleset's figure.
struct DrawSummary {
    std::size_t target;
    Number mean, median, p2_5, p97_5, lowest, highest;
    std::optional<Number> threshold;
    bool below = false;  // the share counts draws below the threshold (else at or above it)
    Number share;        // in [0, 1]
};
DrawSummary summarise(const SensitivityRuns& runs, const Draws& d, std::size_t target, const std::optional<Number>& threshold);

}  // namespace reckon
