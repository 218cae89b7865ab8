// `reckon sensitivity`, the runs: what each uncertain value moves (the rules, params, functions and requirements
// that read it, directly or through others), found once, so that a pass evaluates the rest once for each case; and
// the first pass over the cases, which finds the cases left out and the figures under the ruleset's values.
#include "commands/sensitivity/sensitivity.hpp"

#include "core/eval/eval.hpp"
#include "core/program/settings.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace reckon {

namespace {
// Which per-case rules, params, functions and requirements read an uncertain value, directly or through others.
class MovedBy {
public:
    // The values that a run may set: values[i] where `set(i)`.
    template <typename Set>
    MovedBy(const Program& p, const std::vector<UncertainValue>& values, const Set& set)
        : p_(p), params_(p.params.size(), State::unknown), rules_(p.rules.size(), State::unknown), fns_(p.fns.size(), State::unknown),
          columns_(p.tables.size()) {
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (!set(i)) continue;
            if (values[i].param >= 0) {
                params_[static_cast<std::size_t>(values[i].param)] = State::moved;
            } else {
                const UncertainCell& c = p.uncertain_cells[static_cast<std::size_t>(values[i].cell)];
                columns_[static_cast<std::size_t>(c.table)].insert(c.column);
            }
        }
    }
    bool rule(int i) { return of(rules_, i, [&] { return reads(p_.rules[static_cast<std::size_t>(i)].formula.get()); }); }
    bool node(const Node* n) { return reads(n); }

private:
    enum class State : std::uint8_t { unknown, visiting, moved, fixed };
    template <typename F> bool of(std::vector<State>& states, int i, const F& compute) {
        State& s = states[static_cast<std::size_t>(i)];
        if (s == State::unknown) {
            s = State::visiting;  // a cycle (a recursive function) reads what its other parts read
            const bool moved = compute();
            states[static_cast<std::size_t>(i)] = moved ? State::moved : State::fixed;
        }
        return states[static_cast<std::size_t>(i)] == State::moved;
    }
    // Whether node n, or what is below it, reads a value that a run may set.
    bool reads(const Node* n) {
        if (!n) return false;
        if (n->op == Op::field && n->kids[0]->op == Op::lookup) return reads_column(*n);
        if (names_moved(*n)) return true;
        for (const auto& k : n->kids)
            if (reads(k.get())) return true;
        return false;
    }
    // Whether what node n names itself (not what is below it) reads a value that a run may set: a param, rule or
    // function that does, or a table with a cell that may be set.
    bool names_moved(const Node& n) {
        if (n.op == Op::param)
            return of(params_, n.slot, [&] { return reads(p_.params[static_cast<std::size_t>(n.slot)].formula.get()); });
        if (n.op == Op::rule) return rule(n.slot);
        if (n.op == Op::call) return of(fns_, n.slot, [&] { return reads(p_.fns[static_cast<std::size_t>(n.slot)].body.get()); });
        if (n.op == Op::lookup) return !columns_[static_cast<std::size_t>(n.slot)].empty();
        return false;
    }
    // A column of a row looked up: moved when a cell of that column may be set, or when what picks the row is.
    bool reads_column(const Node& field) {
        const Node& lookup = *field.kids[0];
        if (columns_[static_cast<std::size_t>(lookup.slot)].count(field.slot)) return true;
        for (const auto& k : lookup.kids)
            if (reads(k.get())) return true;
        return false;
    }
    const Program& p_;
    std::vector<State> params_, rules_, fns_;
    std::vector<std::set<int>> columns_;  // by table: the columns with a cell that may be set
};
}  // namespace

SensitivityRuns::SensitivityRuns(const Program& p, CasePasses cases, std::vector<Target> targets)
    : p_(p), pass_over_(std::move(cases)), params_(bind_params(p_, command_line_overrides(p_))), targets_(std::move(targets)),
      values_(uncertain_values(p_, params_)) {
    bool by_case = false;
    for (const auto& t : targets_) (p_.rules[static_cast<std::size_t>(t.rule)].cohort ? cohort_ : by_case) = true;
    MovedBy moved(p_, values_, [](std::size_t) { return true; });
    MovedBy drawn(p_, values_, [&](std::size_t i) { return values_[i].range->distribution != Distribution::none; });
    for (const auto& r : p_.requires_) {
        requires_moved_[0] = requires_moved_[0] || moved.node(r.condition.get());
        requires_moved_[1] = requires_moved_[1] || drawn.node(r.condition.get());
    }
    for (std::size_t r = 0; r < p_.rules.size(); ++r) {
        const bool case_rule = !p_.rules[r].cohort;
        moved_[0].push_back(case_rule && moved.rule(static_cast<int>(r)));
        moved_[1].push_back(case_rule && drawn.rule(static_cast<int>(r)));
    }
    if (cohort_) {  // only what the figures read is folded: not the collect lists of other figures
        std::vector<int> figures;
        for (const auto& t : targets_) figures.push_back(t.rule);
        fold_.emplace(p_, cohort_rules_read(p_, figures));
    }
    // the first pass: the cases that fail under the ruleset's values are left out, as in batch; the others give
    // the base figures
    FirstPass found;
    std::vector<Figures> base = pass({Settings(values_.size())}, 1, &found);
    if (by_case && found.cases + found.failed.size() != 1)
        throw RequestError("'" + std::find_if(targets_.begin(), targets_.end(), [&](const Target& t) { return !p_.rules[static_cast<std::size_t>(t.rule)].cohort; })->name +
                         "' is a figure of one case: give one case, or name cohort figures");
    cases_ = found.cases;
    failed_ = std::move(found.failed);
    failures_ = std::move(found.failures);
    if (cases_ == 0) throw std::runtime_error("reckon: error: every case failed: there is nothing to analyse");
    if (base[0].error) std::rethrow_exception(base[0].error);
    base_ = std::move(base[0].values);
}

std::vector<Number> SensitivityRuns::at(std::size_t value, const Number& setting) const {
    Settings settings(values_.size());
    settings.at(value) = setting;
    return at(settings);
}

std::vector<Number> SensitivityRuns::at(const Settings& settings) const {
    std::vector<Figures> f = at_each({settings});
    if (f[0].error) std::rethrow_exception(f[0].error);
    return std::move(f[0].values);
}

std::vector<SensitivityRuns::Figures> SensitivityRuns::at_each(const std::vector<Settings>& settings, unsigned jobs) const {
    return pass(settings, jobs, nullptr);
}

}  // namespace reckon
