#include "core/eval/fold_constants.hpp"

#include "core/eval/eval.hpp"

namespace reckon {

namespace {

class Marker {
public:
    explicit Marker(Program& p) : p_(p), rule_state_(p.rules.size(), 0) {}

    // Whether n reads only the run; marks the largest such parts under a part that does not.
    bool run_only(Node& n) {
        bool only = true;
        switch (n.op) {
            case Op::constant:
            case Op::param: return true;
            case Op::input:
            case Op::local:
            case Op::cases: only = false; break;
            case Op::rule: only = rule_run_only(n.slot); break;
            default: break;
        }
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

RunConstants run_constants(const Program& p, const std::vector<Value>& params) {
    RunConstants out;
    out.values.resize(p.constants.size());
    out.known.assign(p.constants.size(), 0);
    const std::vector<Value> no_inputs(p.inputs.size());
    Evaluator ev(p, params, no_inputs);
    for (std::size_t i = 0; i < p.constants.size(); ++i) {
        try {
            out.values[i] = ev.constant(*p.constants[i]);
            out.known[i] = 1;
        } catch (const EvalError&) {
            // left to each case, which meets the error with its chain of rules
        }
    }
    out.code = std::make_shared<const CompiledRules>(p, out);
    return out;
}

}  // namespace reckon
