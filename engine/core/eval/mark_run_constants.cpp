// Marking the run constants, a pass of compile (fold_constants.hpp): the largest parts of each per-case formula that
// read nothing of a case (only constants, params, tables, functions of those, and rules of those) are each given a
// slot in the program's constants, for a run to evaluate once (fold_constants.cpp) instead of once per case.
#include "core/eval/fold_constants.hpp"

namespace reckon {

namespace {

// What only a case gives: an input, a local (a function's parameter, a loop's element, a let's name) or the cohort's
// cases.
bool reads_the_case(Op op) { return op == Op::input || op == Op::local || op == Op::cases; }

class Marker {
public:
    explicit Marker(Program& p) : p_(p), rule_state_(p.rules.size(), 0) {}

    // Whether n reads only the run; marks the largest such parts under a part that does not.
    bool run_only(Node& n) {
        if (n.op == Op::constant || n.op == Op::param) return true;
        const bool only = n.op == Op::rule ? rule_run_only(n.slot) : !reads_the_case(n.op);
        std::vector<Node*> kids_only;
        bool all = true;
        for (auto& k : n.kids) {
            if (!k) continue;
            if (run_only(*k)) kids_only.push_back(k.get());
            else all = false;
        }
        if (only && all) return true;
        for (Node* k : kids_only) mark(*k);  // n reads the case: its parts that do not are folded
        return false;
    }

    void mark(Node& n) {
        if (n.op == Op::constant || n.op == Op::param || n.constant >= 0) return;
        n.constant = static_cast<int>(p_.constants.size());
        p_.constants.push_back(&n);
    }

    // A rule reads only the run when its formula does (a rule of the cohort, or picked by a case's date, never).
    bool rule_run_only(int i) {
        auto& state = rule_state_[static_cast<std::size_t>(i)];
        if (state) return state == 2;
        RuleDef& r = p_.rules[static_cast<std::size_t>(i)];
        state = 1;  // rules do not recurse (the checker refuses it): a rule met again while open reads the case
        const bool only = !r.cohort && !r.dated.by_input && r.formula && !r.by && run_only(*r.formula);
        state = only ? 2 : 1;
        if (only) mark(*r.formula);
        return only;
    }

private:
    Program& p_;
    std::vector<std::uint8_t> rule_state_;  // 0 not seen, 1 reads the case, 2 reads only the run
};

}  // namespace

void mark_run_constants(Program& p) {
    Marker m(p);
    for (std::size_t i = 0; i < p.rules.size(); ++i) {
        RuleDef& r = p.rules[i];
        if (r.cohort || !r.formula) continue;
        if (!m.rule_run_only(static_cast<int>(i))) m.run_only(*r.formula);  // its parts that read only the run
    }
    for (auto& f : p.fns)
        if (f.body) m.run_only(*f.body);  // its parameters are locals: only the parts without them fold
    for (auto& r : p.requires_)
        if (r.condition) m.run_only(*r.condition);
}

}  // namespace reckon
