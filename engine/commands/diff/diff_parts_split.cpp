// A cohort figure made of other cohort figures, down to them (diff_case_split.hpp, split_by_parts): its formula
// read as terms added and taken away, or as a ratio of two such sides scaled by numbers; each term a cohort figure
// that is a sum or a count over the cases, whose change is found case by case (rule_by_case) and so exactly. A
// sum's change is its terms' with their signs; a ratio's is not the sum of anything, and is not split.
#include "commands/diff/diff_case_split.hpp"

#include "commands/present/display.hpp"

#include <map>

namespace reckon {

namespace {

// A term of a side: the rule it names (its slot), added (+1) or taken away (-1).
struct Term {
    int slot;
    int sign;
};
struct Shape {
    PartsKind kind;
    std::vector<std::vector<Term>> sides;
};

// The formula where it is defined: `if C then X else none` is X.
const Node& unguarded(const Node& f) {
    const Node* n = &f;
    while (n->op == Op::if_ && n->kids.size() == 3 && n->kids[1] && n->kids[2] && n->kids[2]->op == Op::constant &&
           n->kids[2]->value.kind == Value::Kind::none)
        n = n->kids[1].get();
    return *n;
}

// The rules that `n` adds and takes away, with their signs, into `out`; false when it is anything else.
bool terms_of(const Node& n, int sign, std::vector<Term>& out) {
    if (n.op == Op::rule) {
        out.push_back({n.slot, sign});
        return true;
    }
    if ((n.op != Op::add && n.op != Op::sub) || n.kids.size() != 2 || !n.kids[0] || !n.kids[1]) return false;
    return terms_of(*n.kids[0], sign, out) && terms_of(*n.kids[1], n.op == Op::sub ? -sign : sign, out);
}

bool is_number(const Node* n) { return n && n->op == Op::constant && n->value.kind == Value::Kind::number; }

// The division of a ratio scaled by numbers (N / D * 100, N / D / 1000); null when `n` is none.
const Node* ratio_of(const Node& n) {
    if (n.kids.size() != 2 || !n.kids[0] || !n.kids[1]) return nullptr;
    if (n.op == Op::mul && is_number(n.kids[1].get())) return ratio_of(*n.kids[0]);
    if (n.op == Op::mul && is_number(n.kids[0].get())) return ratio_of(*n.kids[1]);
    if (n.op == Op::div) return is_number(n.kids[1].get()) ? ratio_of(*n.kids[0]) : &n;
    return nullptr;
}

// A cohort output's formula as terms (at least two), or as a ratio of two sides of terms; none otherwise.
std::optional<Shape> shape_of(const RuleDef& r) {
    if (!r.formula || r.by) return std::nullopt;
    const Node& f = unguarded(*r.formula);
    std::vector<Term> terms;
    if (terms_of(f, 1, terms)) return terms.size() < 2 ? std::nullopt : std::optional<Shape>(Shape{PartsKind::sum, {terms}});
    const Node* q = ratio_of(f);
    std::vector<Term> top, bottom;
    if (!q || !terms_of(*q->kids[0], 1, top) || !terms_of(*q->kids[1], 1, bottom)) return std::nullopt;
    return Shape{PartsKind::ratio, {top, bottom}};
}

// Whether two versions' shapes are the same: the same kind, and the same rules by name with the same signs.
bool same_shape(const Program& a, const Shape& x, const Program& b, const Shape& y) {
    if (x.kind != y.kind || x.sides.size() != y.sides.size()) return false;
    for (std::size_t s = 0; s < x.sides.size(); ++s) {
        if (x.sides[s].size() != y.sides[s].size()) return false;
        for (std::size_t t = 0; t < x.sides[s].size(); ++t)
            if (x.sides[s][t].sign != y.sides[s][t].sign ||
                a.rules[static_cast<std::size_t>(x.sides[s][t].slot)].name != b.rules[static_cast<std::size_t>(y.sides[s][t].slot)].name)
                return false;
    }
    return true;
}

// A side's terms, each with its change case by case (each rule's split found once, in `splits`); none when a term
// is no sum or count over the cases.
std::optional<SideChange> side_change(const CohortRun& a, const std::vector<Term>& old_terms, const CohortRun& b, const std::vector<Term>& terms,
                                      std::map<std::string, CaseSplit>& splits) {
    SideChange side;
    Number before, after;  // the side under each run
    for (std::size_t t = 0; t < terms.size(); ++t) {
        const RuleDef& ra = a.p.rules[static_cast<std::size_t>(old_terms[t].slot)];
        const RuleDef& rb = b.p.rules[static_cast<std::size_t>(terms[t].slot)];
        auto known = splits.find(rb.name);
        if (known == splits.end()) {
            auto split = rule_by_case(a, ra, b, rb);
            if (!split) return std::nullopt;
            known = splits.emplace(rb.name, std::move(*split)).first;
        }
        const CaseSplit& split = known->second;
        side.formula += std::string(t == 0 ? (terms[t].sign < 0 ? "-" : "") : terms[t].sign < 0 ? " - " : " + ") + rb.name;
        before += terms[t].sign * split.before;
        after += terms[t].sign * split.after;
        const Number delta = shown_delta(rb, split.before, split.after);
        side.terms.push_back({rb.name, terms[t].sign, split.after - split.before, delta, shown_change(b.p, rb, delta), split});
    }
    const RuleDef& first = b.p.rules[static_cast<std::size_t>(terms.front().slot)];
    side.amount = after - before;
    side.delta = shown_delta(first, before, after);
    side.shown = shown_change(b.p, first, side.delta);
    return side;
}

// The figure's parts, where both versions make it alike of figures over the cases; a sum's only where its terms'
// changes add up exactly to the figure's. EvalError when a case's part fails to evaluate.
std::optional<PartsSplit> parts_of(const CohortRun& a, const CohortRun& b, const FigureChange& fc) {
    const RuleDef* ra = figure_rule(a.p, fc.output, true);
    const RuleDef* rb = figure_rule(b.p, fc.output, true);
    if (!ra || !rb || fc.old_value.kind != Value::Kind::number || fc.new_value.kind != Value::Kind::number) return std::nullopt;
    const auto x = shape_of(*ra), y = shape_of(*rb);
    if (!x || !y || !same_shape(a.p, *x, b.p, *y)) return std::nullopt;
    PartsSplit parts{y->kind, {}};
    std::map<std::string, CaseSplit> splits;
    for (std::size_t s = 0; s < y->sides.size(); ++s) {
        auto side = side_change(a, x->sides[s], b, y->sides[s], splits);
        if (!side) return std::nullopt;
        parts.sides.push_back(std::move(*side));
    }
    const Number change = in_own_unit(b.p, *rb, fc.new_value) - in_own_unit(a.p, *ra, fc.old_value);
    if (parts.kind == PartsKind::sum && parts.sides.front().amount != change) return std::nullopt;  // never a part that does not add up
    return parts;
}

}  // namespace

void split_by_parts(const CohortRun& old_run, const CohortRun& new_run, CaseEffects& effects) {
    for (auto& fc : effects.cohort) {
        if (fc.difference.empty() || fc.by_case) continue;
        try {
            fc.parts = parts_of(old_run, new_run, fc);
        } catch (const EvalError&) {
            continue;  // a case's part that fails fails the figure too: the figure says so, not its parts
        }
    }
}

}  // namespace reckon
