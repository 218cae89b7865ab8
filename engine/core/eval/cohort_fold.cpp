#include "core/eval/cohort_fold.hpp"

#include <algorithm>
#include <limits>
#include <set>

namespace reckon {

namespace {

// sum, count, min, max, collect: an aggregate over a list, which binds its loop's local.
bool is_aggregate(Op op) { return op == Op::sum || op == Op::count || op == Op::least || op == Op::most || op == Op::collect; }

// The locals bound within a formula (by `let` and by aggregates).
void bound_within(const Node& n, std::set<int>& out) {
    if (n.op == Op::let_ || is_aggregate(n.op)) out.insert(n.slot);
    for (const auto& k : n.kids)
        if (k) bound_within(*k, out);
}

// Whether a formula reads only what one case and the run give: no cohort rule, no `cases`, no local bound outside it
// but those in `allowed`.
bool reads_one_case(const Node& n, const std::set<int>& allowed) {
    if (n.op == Op::rule || n.op == Op::cases || n.op == Op::input) return false;
    if (n.op == Op::local && !allowed.count(n.slot)) return false;
    for (const auto& k : n.kids)
        if (k && !reads_one_case(*k, allowed)) return false;
    return true;
}

}  // namespace

FoldPlan::FoldPlan(const Program& p, std::vector<bool> only) : only_(std::move(only)) {
    for (const RuleDef& r : p.rules) {
        if (!r.cohort || !r.formula || !planned(static_cast<int>(&r - p.rules.data()))) continue;
        const std::size_t members = r.by ? r.by->members.size() : 1;
        // Every node of the formula: an aggregate over the cases folds when its element and filter read one case.
        std::vector<const Node*> todo{r.formula.get()};
        while (!todo.empty()) {
            const Node* n = todo.back();
            todo.pop_back();
            if (is_aggregate(n->op) && n->kids[0] && n->kids[0]->op == Op::cases) {
                std::set<int> allowed{n->slot};
                if (r.by)
                    for (int s = 0; s < static_cast<int>(std::max<std::size_t>(r.by->factors.size(), 1)); ++s) allowed.insert(s);
                bool folds = true;
                for (std::size_t k = 1; k < n->kids.size(); ++k)
                    if (n->kids[k]) bound_within(*n->kids[k], allowed);
                for (std::size_t k = 1; k < n->kids.size(); ++k)
                    if (n->kids[k] && !reads_one_case(*n->kids[k], allowed)) folds = false;
                if (folds) {
                    site_of_[n] = sites_.size();
                    sites_.push_back({n, &r, totals_, members});
                    totals_ += members;
                    continue;
                }
                keeps_records_ = true;  // the whole column, read at the end
                for (std::size_t k = 1; k < n->kids.size(); ++k)
                    if (n->kids[k]) todo.push_back(n->kids[k].get());
                continue;
            }
            if (n->op == Op::cases) keeps_records_ = true;  // `cases` used other than as the list of an aggregate
            for (const auto& k : n->kids)
                if (k) todo.push_back(k.get());
        }
    }
}

std::vector<bool> cohort_rules_read(const Program& p, const std::vector<int>& figures) {
    std::vector<bool> rules(p.rules.size(), false), fns(p.fns.size(), false);
    std::vector<const Node*> todo;
    const auto rule = [&](int i) {
        if (rules[static_cast<std::size_t>(i)]) return;
        rules[static_cast<std::size_t>(i)] = true;
        if (const Node* f = p.rules[static_cast<std::size_t>(i)].formula.get()) todo.push_back(f);
    };
    for (int i : figures) rule(i);
    while (!todo.empty()) {
        const Node* n = todo.back();
        todo.pop_back();
        if (n->op == Op::rule) rule(n->slot);
        if (n->op == Op::call && !fns[static_cast<std::size_t>(n->slot)]) {
            fns[static_cast<std::size_t>(n->slot)] = true;
            if (const Node* body = p.fns[static_cast<std::size_t>(n->slot)].body.get()) todo.push_back(body);
        }
        for (const auto& k : n->kids)
            if (k) todo.push_back(k.get());
    }
    for (std::size_t i = 0; i < rules.size(); ++i) rules[i] = rules[i] && p.rules[i].cohort;
    return rules;
}

std::optional<std::size_t> FoldPlan::total_of(const Node* n, int member) const {
    auto it = site_of_.find(n);
    if (it == site_of_.end()) return std::nullopt;
    const Site& s = sites_[it->second];
    if (s.rule->by) {
        if (member < 0 || static_cast<std::size_t>(member) >= s.members) return std::nullopt;
        return s.first + static_cast<std::size_t>(member);
    }
    return s.first;
}

CaseParts case_parts(const FoldPlan& plan, const Program& p, const std::vector<Value>& params, Value record,
                     const RunTables* tables, const std::string& case_note) {
    CaseParts out;
    out.parts.resize(plan.totals());
    const Value none = Value::list({});
    Evaluator ev(p, params, none);
    ev.set_tables(tables);
    for (const auto& s : plan.sites()) {
        for (std::size_t m = 0; m < s.members; ++m) {
            CasePart& part = out.parts[s.first + m];
            try {
                std::optional<Value> v = ev.case_part(*s.node, s.rule->frame, s.rule->by ? static_cast<int>(m) : -1, s.rule->by, record);
                if (v) {
                    part.kind = CasePart::Kind::element;
                    part.element = std::move(*v);
                }
            } catch (const EvalError& e) {
                part.kind = CasePart::Kind::failed;
                part.error = e;
                if (!case_note.empty()) part.error->add_note(case_note);
            }
        }
    }
    if (plan.keeps_records()) out.record = std::move(record);
    return out;
}

CohortTotals::CohortTotals(const FoldPlan& plan, const Program& p) : plan_(plan), p_(p), running_(plan.totals()) {
    for (const auto& s : plan.sites())
        for (std::size_t m = 0; m < s.members; ++m) {
            ops_.push_back(s.node->op);
            nodes_.push_back(s.node);
        }
}

namespace {

// Whether v takes the place of the best so far (a strict improvement: the first of equals stays).
bool better(Op op, const Value& v, const Value& best) { return op == Op::least ? v.n() < best.n() : v.n() > best.n(); }

}  // namespace

void CohortTotals::add(std::size_t seq, CaseParts&& parts) {
    ++cases_;
    for (std::size_t i = 0; i < running_.size(); ++i) {
        Running& r = running_[i];
        CasePart& part = parts.parts[i];
        if (r.error || part.kind == CasePart::Kind::left_out) continue;
        if (part.kind == CasePart::Kind::failed) {
            r.error.emplace(seq, std::move(*part.error));
            continue;
        }
        ++r.count;  // a count keeps only this
        const Op op = ops_[i];
        if (op == Op::sum) {
            try {
                r.sum = within_digits(r.sum + part.element.n(), *nodes_[i], p_.limits.digits);
            } catch (const EvalError& e) {
                r.error.emplace(seq, e);
            }
        } else if (op == Op::least || op == Op::most) {
            if (r.count == 1 || better(op, part.element, r.best)) r.best = std::move(part.element);
        } else if (op == Op::collect) {
            r.collected.emplace_back(seq, std::move(part.element));
        }
    }
    if (plan_.keeps_records()) records_.emplace_back(seq, std::move(parts.record));
}

namespace {

// Two lists in case order, as one.
void merge_in_order(std::vector<std::pair<std::size_t, Value>>& into, std::vector<std::pair<std::size_t, Value>>&& from) {
    std::vector<std::pair<std::size_t, Value>> out;
    out.reserve(into.size() + from.size());
    std::merge(std::make_move_iterator(into.begin()), std::make_move_iterator(into.end()), std::make_move_iterator(from.begin()),
               std::make_move_iterator(from.end()), std::back_inserter(out),
               [](const auto& a, const auto& b) { return a.first < b.first; });
    into = std::move(out);
}

}  // namespace

void CohortTotals::merge(CohortTotals&& other) {
    cases_ += other.cases_;
    for (std::size_t i = 0; i < running_.size(); ++i) {
        Running& r = running_[i];
        Running& o = other.running_[i];
        // The first error in case order stands; what either shard added after it no longer counts.
        if (o.error && (!r.error || o.error->first < r.error->first)) r.error = std::move(o.error);
        if (r.error) continue;
        const Op op = ops_[i];
        if (op == Op::sum) {
            try {
                r.sum = within_digits(r.sum + o.sum, *nodes_[i], p_.limits.digits);
            } catch (const EvalError& e) {
                r.error.emplace(std::numeric_limits<std::size_t>::max(), e);
            }
        } else if (op == Op::least || op == Op::most) {
            if (o.count && (r.count == 0 || better(op, o.best, r.best))) r.best = std::move(o.best);
        } else if (op == Op::collect) {
            merge_in_order(r.collected, std::move(o.collected));
        }
        r.count += o.count;
    }
    merge_in_order(records_, std::move(other.records_));
}

Value CohortTotals::value_of(const Node& n, int member) const {
    const std::size_t i = *plan_.total_of(&n, member);
    const Running& r = running_[i];
    if (r.error) throw EvalError(r.error->second);
    if (n.op == Op::sum) return Value::number(r.sum);
    if (n.op == Op::count) return Value::number(Number(r.count));
    if (n.op == Op::collect) {
        std::vector<Value> items;
        items.reserve(r.collected.size());
        for (const auto& [_, v] : r.collected) items.push_back(v);
        return Value::list(std::move(items));
    }
    if (n.op == Op::least || n.op == Op::most) {
        if (r.count == 0) throw EvalError(n.where, std::string(n.op == Op::least ? "min" : "max") + "() of an empty list has no value");
        return r.best;
    }
    throw EvalError(n.where, "internal error: not an aggregate");
}

Value CohortTotals::records() const {
    std::vector<Value> items;
    items.reserve(records_.size());
    for (const auto& [_, v] : records_) items.push_back(v);
    return Value::list(std::move(items));
}

std::vector<Value> cohort_figures(const Program& p, const std::vector<Value>& params, const CohortTotals& totals) {
    const Value records = totals.records();
    Evaluator ev(p, params, records, &totals, totals.cases());
    std::vector<Value> values;
    for (int slot : p.cohort_outputs) values.push_back(ev.rule(slot));
    return values;
}

}  // namespace reckon
