// `reckon explain` of a cohort figure: the figure over the cases of a batch. A sum or a count over the cases says
// how many cases give a part of it, then the largest parts and the rest, which add up on the page to the figure as
// shown; with --case ID, that case's part, followed down to the case's own inputs.
#include "commands/explain/explainer.hpp"

#include "commands/present/present.hpp"

#include <algorithm>
#include <optional>
#include <utility>

namespace reckon {

// A cohort rule whose formula is a sum or a count over the cases: each
// case's part, found by the same formula over that case alone.
void Explainer::parts(Derivation& d, const RuleDef& r, const Value& total, int depth, int member) {
    const Node& f = *r.formula;
    const bool over_cases = (f.op == Op::sum || f.op == Op::count) && !f.kids.empty() && f.kids[0] && f.kids[0]->op == Op::cases;
    if (!over_cases || total.kind != Value::Kind::number) return;
    std::vector<Part> nonzero = nonzero_parts(r, f, member);
    const std::size_t all = cohort_->size();
    if (followed_) follow_case(d, r, f, nonzero, depth, member);
    if (f.op == Op::count) {
        d.over_cases = "counts " + std::to_string(nonzero.size()) + " of the " + std::to_string(all) + " cases";
        return;
    }
    const std::string largest = nonzero.size() > largest_ ? "; the " + std::to_string(largest_) + " largest parts:" : ":";
    if (!f.kids[2]) {
        d.over_cases = std::to_string(nonzero.size()) + " of the " + std::to_string(all) + " cases add to it" + largest;
    } else {  // a sum over the cases that pass its `where`: those, and of them the cases that give more than nothing
        const std::size_t passing = cases_passing(r, f, member);
        d.over_cases = std::to_string(passing) + " of the " + std::to_string(all) + " cases pass its where; " +
                       (passing == nonzero.size() ? "each adds to it"
                                                  : std::to_string(nonzero.size()) + " of them add to it, the other " +
                                                        std::to_string(passing - nonzero.size()) + " give " +
                                                        display_with_unit(p_, r, Value::number(0))) +
                       largest;
    }
    largest_parts(d, r, total, std::move(nonzero));
}

// Each case's part of the figure (formula f over that case alone), in the cohort's order: those that are not zero.
std::vector<Explainer::Part> Explainer::nonzero_parts(const RuleDef& r, const Node& f, int member) const {
    std::vector<Part> nonzero;
    for (std::size_t k = 0; k < cohort_->size(); ++k) {
        const Value one = Value::list({(*cohort_)[k].row});
        Evaluator alone(p_, params_, one);
        Value v = member >= 0 ? alone.for_member(f, r.frame, member, *r.by) : alone.in_frame(f, r.frame);
        if (v.kind == Value::Kind::number && v.n() != 0) nonzero.push_back({k, v.n()});
    }
    return nonzero;
}

namespace {
// A copy of a formula's tree, to evaluate it another way (its `where` alone, as a count) without touching the program.
NodePtr copy_of(const Node& n) {
    auto c = std::make_unique<Node>();
    c->op = n.op;
    c->where = n.where;
    c->slot = n.slot;
    c->mode = n.mode;
    c->step = n.step;
    c->value = n.value;
    c->constant = n.constant;
    for (const auto& k : n.kids) c->kids.push_back(k ? copy_of(*k) : nullptr);
    return c;
}
}  // namespace

// How many cases pass the `where` of a sum over the cases: the same formula counted, over each case alone.
std::size_t Explainer::cases_passing(const RuleDef& r, const Node& f, int member) const {
    NodePtr counter = copy_of(f);
    counter->op = Op::count;
    std::size_t passing = 0;
    for (std::size_t k = 0; k < cohort_->size(); ++k) {
        const Value one = Value::list({(*cohort_)[k].row});
        Evaluator alone(p_, params_, one);
        const Value v = member >= 0 ? alone.for_member(*counter, r.frame, member, *r.by) : alone.in_frame(*counter, r.frame);
        passing += v.kind == Value::Kind::number && v.n() != 0;
    }
    return passing;
}

// The largest parts of a sum (kind case), then the rest (kind cases), each as shown: rounded as the figure is,
// so that the lines add up on the page to the figure as shown.
void Explainer::largest_parts(Derivation& d, const RuleDef& r, const Value& total, std::vector<Part> nonzero) const {
    std::stable_sort(nonzero.begin(), nonzero.end(), [](const Part& a, const Part& b) { return abs(a.n) > abs(b.n); });
    const Number scale = p_.units.scale(r.shown().unit);
    const Number step(1, boost::multiprecision::pow(Integer(10), static_cast<unsigned>(r.decimals)));
    auto as_shown = [&](const Number& x) { return round_to(x / scale, step, RoundMode::half_away) * scale; };
    Number shown = 0;
    for (std::size_t i = 0; i < nonzero.size() && i < largest_; ++i) {
        const CohortCase& c = (*cohort_)[nonzero[i].k];
        Derivation part;
        part.kind = DerivationKind::case_;
        part.name = c.id;
        part.value = display_with_unit(p_, r, Value::number(as_shown(nonzero[i].n)));
        part.where = c.file;
        d.parts.push_back(std::move(part));
        shown += as_shown(nonzero[i].n);
    }
    if (nonzero.size() > largest_) {
        Derivation rest;
        rest.kind = DerivationKind::cases;
        rest.name = "the other " + std::to_string(nonzero.size() - largest_);
        rest.value = display_with_unit(p_, r, Value::number(as_shown(total.n()) - shown));
        d.parts.push_back(std::move(rest));
    }
}

// The followed case's part of a sum (or whether a count counts it), then
// the case's own derivation of each figure the formula reads from it.
// For one member of a cohort figure by member, the case's figures by the same enumeration show that member.
void Explainer::follow_case(Derivation& d, const RuleDef& r, const Node& f, const std::vector<Part>& nonzero, int depth, int member) {
    const CohortCase& cc = (*cohort_)[followed_->index];
    Derivation part;
    part.kind = DerivationKind::case_;
    part.name = cc.id;
    part.where = cc.file;
    auto mine = std::find_if(nonzero.begin(), nonzero.end(), [&](const Part& x) { return x.k == followed_->index; });
    if (f.op == Op::count) part.value = mine == nonzero.end() ? "not counted" : "counted";
    else part.value = display_with_unit(p_, r, Value::number(mine == nonzero.end() ? Number(0) : mine->n));
    std::vector<int> fields;
    case_fields(f, f.slot, fields);
    for (int k : fields) {  // a level below the figure, as what its formula uses is (--depth)
        if (depth == 1) break;
        const auto& [is_input, slot] = p_.cohort_fields[k];
        const int next = depth == 0 ? 0 : depth - 1;
        if (is_input) part.uses.push_back(in_case_->input(slot));
        else if (member >= 0 && p_.rules[slot].by == r.by) part.uses.push_back(in_case_->member(slot, member, next));
        else part.uses.push_back(in_case_->rule(slot, next));
    }
    d.followed.push_back(std::move(part));
}

Derivation explain_cohort(const Program& p, const std::vector<Value>& params, const std::vector<CohortCase>& cases, int slot, int depth,
                          std::size_t largest, const FollowedCase* followed, std::size_t entries, int member) {
    std::vector<Value> rows;
    for (const auto& c : cases) rows.push_back(c.row);
    const Value all = Value::list(std::move(rows));
    Evaluator ev(p, params, all);
    const Case none;
    Explainer cohort(p, ev, params, none, &cases, largest, entries);
    std::optional<Evaluator> in_case_ev;
    std::optional<Explainer> in_case;
    if (followed) {
        in_case_ev.emplace(p, params, followed->c->inputs);
        in_case.emplace(p, *in_case_ev, params, *followed->c, nullptr, largest, entries);
        cohort.follow(followed, &*in_case);
    }
    return member >= 0 ? cohort.member(slot, member, depth) : cohort.rule(slot, depth);
}

}  // namespace reckon
