// The cohort rules folded as the cases stream: each `sum`, `count`, `min`,
// `max` and `collect` over `cases` whose formula reads only the case (and
// params, tables, functions, the member of a figure by member) is an exact
// running total, updated as each case completes, so that a batch need not
// keep every case's record to the end. What truly needs the whole column (an
// aggregate that reads another cohort figure, or `cases` used any other way)
// keeps the records, as before. Shards of a run fold on their own, and their
// totals merge (partial.cpp) into what one run over every case gives.
#pragma once

#include "core/eval/eval.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace reckon {

// Where the fold applies: the aggregates over `cases` of a program's cohort rules.
class FoldPlan {
public:
    // Every cohort rule's aggregates, or (`only`, by rule) those of the rules some figures need: cohort_rules_read.
    explicit FoldPlan(const Program& p, std::vector<bool> only = {});

    // An aggregate that folds: its node, and the rule it is in (for a figure by member, a total per member).
    struct Site {
        const Node* node = nullptr;
        const RuleDef* rule = nullptr;
        std::size_t first = 0;    // its first running total
        std::size_t members = 1;  // its running totals: one, or one per member
    };
    const std::vector<Site>& sites() const { return sites_; }
    std::size_t totals() const { return totals_; }
    // The running total of an aggregate node for a member (-1: not by member); nullopt when it does not fold.
    std::optional<std::size_t> total_of(const Node* n, int member) const;
    // Whether the cases' records must be kept to the end (some aggregate needs the whole column).
    bool keeps_records() const { return keeps_records_; }
    // Whether there is anything to fold or keep: the program has cohort rules that read the cases.
    bool any() const { return !sites_.empty() || keeps_records_; }
    // Whether rule i's aggregates are in the plan (an evaluator with these totals may evaluate it).
    bool planned(int rule) const { return only_.empty() || only_[static_cast<std::size_t>(rule)]; }

private:
    std::vector<bool> only_;  // by rule; empty: every rule
    std::vector<Site> sites_;
    std::map<const Node*, std::size_t> site_of_;
    std::size_t totals_ = 0;
    bool keeps_records_ = false;
};

// The cohort rules that `figures` (rules) read, themselves included, through other rules and functions, by rule:
// a plan for these alone folds what those figures need and nothing else (reckon sensitivity's runs).
std::vector<bool> cohort_rules_read(const Program& p, const std::vector<int>& figures);

// One case's part of each running total: left out by the filter, an element, or the error its formula met.
struct CasePart {
    enum class Kind : std::uint8_t { left_out, element, failed };
    Kind kind = Kind::left_out;
    Value element;                 // sum, min, max, collect: the element's value
    std::optional<EvalError> error;
};
struct CaseParts {
    std::vector<CasePart> parts;   // in FoldPlan total order
    Value record;                  // kept when the plan keeps records (else none)
};

// The parts of a case whose record (p.cohort_fields' values) is `record`, under the run's params (and tables:
// null, the program's). `case_note`: noted on an element's error, which case met it, so that a cohort figure
// that fails says so ("in case N0005 (cases/iom/N0005.yaml)"); empty, nothing.
CaseParts case_parts(const FoldPlan& plan, const Program& p, const std::vector<Value>& params, Value record,
                     const RunTables* tables = nullptr, const std::string& case_note = "");

// The exact running totals of a cohort: every case that succeeded, folded in the order given.
class CohortTotals final : public FoldedCohort {
public:
    // One running total. The first error is kept with the case it was met in; an aggregate stops there, as it
    // does over the whole column, so what follows is not added.
    struct Running {
        std::size_t count = 0;
        Number sum;
        Value best;  // min, max: the least or greatest so far
        std::vector<std::pair<std::size_t, Value>> collected;  // collect: (case position, element), in case order
        std::optional<std::pair<std::size_t, EvalError>> error;
    };

    CohortTotals(const FoldPlan& plan, const Program& p);

    // The case at position `seq` in the run (positions increase with each call).
    void add(std::size_t seq, CaseParts&& parts);
    // Another shard's totals: every position in one is in neither the other.
    void merge(CohortTotals&& other);
    // The cohort's cases, as the evaluator reads them: the aggregate's value for a member, or its error thrown.
    Value value_of(const Node& n, int member) const;
    std::size_t cases() const { return cases_; }
    // The kept records, in case order (empty unless the plan keeps them).
    Value records() const;

    bool planned(int rule) const override { return plan_.planned(rule); }
    std::optional<Value> folded(const Node& n, int member) const override {
        if (!plan_.total_of(&n, member)) return std::nullopt;
        return value_of(n, member);
    }

    const FoldPlan& plan() const { return plan_; }
    const Program& program() const { return p_; }
    std::vector<Running>& running() { return running_; }
    const std::vector<Running>& running() const { return running_; }
    std::vector<std::pair<std::size_t, Value>>& kept_records() { return records_; }
    const std::vector<std::pair<std::size_t, Value>>& kept_records() const { return records_; }
    void set_cases(std::size_t n) { cases_ = n; }

private:
    const FoldPlan& plan_;
    const Program& p_;
    std::vector<Running> running_;
    std::vector<Op> ops_;  // each running total's aggregate
    std::vector<const Node*> nodes_;
    std::vector<std::pair<std::size_t, Value>> records_;
    std::size_t cases_ = 0;
};

// The cohort's output figures (p.cohort_outputs order) from the totals; throws EvalError as the rules do.
std::vector<Value> cohort_figures(const Program& p, const std::vector<Value>& params, const CohortTotals& totals);

}  // namespace reckon
