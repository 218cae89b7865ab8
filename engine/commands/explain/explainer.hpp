// `reckon explain`, inside: the Explainer that builds a derivation tree, and what its parts share: what a formula
// refers to (explain_refs.cpp), values as the tree shows them (explain_values.cpp). The Explainer builds the tree
// of a figure of one case in explainer.cpp, and a cohort figure's cases and parts in explain_cohort.cpp; the tree
// is written out in explain.cpp.
#pragma once

#include "commands/explain/explain.hpp"

#include <cstddef>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace reckon {

// A table's line when the figure's evaluation looked up none of its rows (a branch not taken, a function not called).
inline constexpr const char* no_row_looked_up = "no row looked up: the evaluation did not reach a lookup of this table";

// What a tree of nodes refers to, each once, in the order first met; for a
// function, its first call.
struct Refs {
    std::vector<std::pair<Op, int>> seen;
    std::map<int, const Node*> first_call;
    std::map<int, std::vector<const Node*>> lookups;  // by table: every lookup
    std::map<int, const Node*> picks;                 // by rule: its first `figure(member)`, a figure by member's member
    std::vector<const Node*> rounding;  // each round(), floor() and ceil(), in the order met
};

// What a formula refers to, added to `r`.
void collect_refs(const Node& n, Refs& r);

// Whether a formula reads a local (a loop's element, a let, a function's argument) from slot `from` on: then it has
// no one value here. The slots below `from` hold the members of a figure by member, explained for one member.
bool reads_local(const Node& n, int from = 0);

// The figures a sum over the cases reads from each case (`c.baseline_cost`):
// indexes into p.cohort_fields, each once, in the order first met.
void case_fields(const Node& n, int loop, std::vector<int>& out);

// Whether a formula makes a call, rounds or looks up a table's row: then its traced evaluation shows the values
// (and the rows, whatever gave the key).
bool shown_by_trace(const Node& n);

// The lines of a formula's roundings: how each rounds, and, from its traced evaluation, the value before and after
// (the first three, when it rounds several values).
std::vector<std::string> rounding_lines(const std::vector<const Node*>& rounds, const CallTrace* trace, const std::vector<int>& in);

// A record with its fields' names: {date: 2023-03-20, type: shoplifting, css: 13}.
std::string record_text(const Program& p, const RecordDef& r, const Value& v);

// An input's value: a list of records with its first `entries` entries, a record with its fields' names.
std::string input_text(const Program& p, const Type& t, const Value& v, std::size_t entries);

// The kind of a rule's entry: output or rule, of the cohort or of a case.
DerivationKind rule_kind(const RuleDef& r);

// The parts every entry has: what it is, its name, where, and its citation.
Derivation derivation_entry(DerivationKind kind, std::string name, const Location& where, const Citation& cite);

// What a formula did when it was evaluated: its traced evaluation, and which
// of the calls recorded there it is the body of (-1: the formula itself).
struct Made {
    std::shared_ptr<const CallTrace> trace;
    std::vector<int> in{-1};
};

// Builds the derivation tree of a figure: each figure met is shown in full once, and named again after.
class Explainer {
public:
    Explainer(const Program& p, Evaluator& ev, const std::vector<Value>& params, const Case& c,
              const std::vector<CohortCase>* cohort = nullptr, std::size_t largest = 5, std::size_t entries = 5)
        : p_(p), ev_(ev), params_(params), c_(c), cohort_(cohort), largest_(largest), entries_(entries) {}

    // With --case: the case followed, and the explainer of its own figures (one, so that what two sums share is shown once).
    void follow(const FollowedCase* f, Explainer* in_case) {
        followed_ = f;
        in_case_ = in_case;
    }

    Derivation rule(int slot, int depth);
    // One member of a figure by member: `offences_of(OffenceType.shoplifting) = 2`, the calls its formula makes valued for it.
    Derivation member(int slot, int m, int depth);

private:
    struct Part {
        std::size_t k;  // index of the case in the cohort
        Number n;
    };

    // The member a formula names of figure `slot` (`figure(Enumeration.member)`, or `figure(t)` in the formula
    // of one member `member`, t being that member), or -1: the whole figure is shown.
    int picked(const Refs& refs, int slot, int member, const EnumDef* by) const;
    // Whether this rule, param or function was met before in the tree: then it is named with its value, and what it uses is not shown again.
    bool again(Op op, int slot, Derivation& d);
    // A formula's traced evaluation (for one member of a figure by member, member >= 0; of a whole figure by member,
    // `by` and member -1, for each member in turn), when it calls, rounds or looks up.
    Made made_by(const Node& formula, int frame, int member, const EnumDef* by);
    // What a formula uses, each a level below `d` (down to `depth`; 0: no limit).
    void uses(Derivation& d, const Node& formula, int depth, const Made& made);

    Derivation param(int slot, int depth);
    // Values from dates: all of them as the formula, and the one in effect on `day` with its period and its own source.
    static void dated(Derivation& d, const DatedValues& dv, const Value& day);
    Derivation fn(int slot, int depth, const Made& made);
    Derivation table(int slot, const std::vector<const Node*>& lookups, int member, const EnumDef* by, const Made& made);
    Derivation input(int slot);

    // explain_cohort.cpp: a cohort figure's parts over the cases, and the case followed.
    void parts(Derivation& d, const RuleDef& r, const Value& total, int depth, int member);
    std::vector<Part> nonzero_parts(const RuleDef& r, const Node& f, int member) const;
    std::size_t cases_passing(const RuleDef& r, const Node& f, int member) const;
    void largest_parts(Derivation& d, const RuleDef& r, const Value& total, std::vector<Part> nonzero) const;
    void follow_case(Derivation& d, const RuleDef& r, const Node& f, const std::vector<Part>& nonzero, int depth, int member);

    const Program& p_;
    Evaluator& ev_;
    const std::vector<Value>& params_;
    const Case& c_;
    const std::vector<CohortCase>* cohort_;
    std::size_t largest_, entries_;
    std::set<std::pair<Op, int>> shown_;  // what the tree has shown in full
    const FollowedCase* followed_ = nullptr;
    Explainer* in_case_ = nullptr;
    int member_ = -1;  // for the formula of one member about to be explained: the member
    const EnumDef* member_by_ = nullptr;  // …and its enumeration
};

}  // namespace reckon
