// The tree-walking evaluator's calls and aggregates: a function called in a frame of its own (Evaluator::invoke,
// with the run's memo of the functions of one enumeration), and sum, count, min, max and collect over a list, each
// element bound to the loop's local and the filter asked (over the cohort's cases, read from the folded totals when
// they are kept).
#include "core/eval/eval.hpp"

namespace reckon {

CallMemo::CallMemo(const Program& p) : by_fn_(p.fns.size()) {
    for (std::size_t i = 0; i < p.fns.size(); ++i) {
        const FnDef& f = p.fns[i];
        if (f.param_types.size() == 1 && f.param_types[0].kind == TypeKind::enumeration && f.param_types[0].enumeration)
            by_fn_[i].resize(f.param_types[0].enumeration->members.size());
    }
}

const Value* CallMemo::find(int fn, const Value& arg) const {
    const auto& kept = by_fn_[static_cast<std::size_t>(fn)];
    if (kept.empty() || arg.kind != Value::Kind::member) return nullptr;
    const auto& v = kept[arg.n().convert_to<std::size_t>()];
    return v ? &*v : nullptr;
}

void CallMemo::keep(int fn, const Value& arg, const Value& v) {
    auto& kept = by_fn_[static_cast<std::size_t>(fn)];
    if (!kept.empty() && arg.kind == Value::Kind::member) kept[arg.n().convert_to<std::size_t>()] = v;
}

Value Evaluator::call(const Node& n) {
    return invoke(
        n,
        [&] {
            for (const auto& k : n.kids) {
                Value v = eval(*k);
                locals_.push_back(std::move(v));
            }
        },
        [&] { return eval(*p_.fns[static_cast<std::size_t>(n.slot)].body); });
}

Value Evaluator::aggregate(const Node& n) {
    if (totals_ && n.kids[0]->op == Op::cases)
        if (std::optional<Value> v = totals_->folded(n, member_)) return std::move(*v);
    Value list = eval(*n.kids[0]);
    const Node* element = n.kids[1].get();
    const Node* filter = n.kids[2].get();
    Number total = 0;
    std::size_t count = 0;
    Value best;
    std::vector<Value> collected;
    for (const Value& item : *list.items()) {
        locals_[base_ + n.slot] = item;
        if (filter && !eval(*filter).b()) continue;
        ++count;
        if (n.op == Op::count) continue;
        Value v = element ? eval(*element) : item;
        if (n.op == Op::collect) collected.push_back(std::move(v));
        else if (n.op == Op::sum) total = within_digits(total + v.n(), n, p_.limits.digits);
        else if (count == 1 || (n.op == Op::least ? v.n() < best.n() : v.n() > best.n())) best = std::move(v);
    }
    if (n.op == Op::sum) return Value::number(total);
    if (n.op == Op::count) return Value::number(Number(count));
    if (n.op == Op::collect) return Value::list(std::move(collected));
    if (count == 0)  // least, most
        throw EvalError(n.where, std::string(n.op == Op::least ? "min" : "max") + "() of an empty list has no value");
    return best;
}

}  // namespace reckon
