// The check phase, for folds over lists: sum, count, mean and median of a list, and
// sum, count, min, max, collect, mean and median over `x in list where …`, the loop's
// variable bound while its element and its condition are checked.
#include "core/check/check.hpp"

namespace reckon {

// A fold over a list (sum, count, least, most, collect): the loop variable in
// `slot`; kids: the list, the element (or null: the item itself), the filter (or null).
NodePtr Checker::fold_node(Op op, Location where, int slot, NodePtr list, NodePtr element, NodePtr filter) {
    auto n = node(op, where);
    n->slot = slot;
    n->kids.push_back(std::move(list));
    n->kids.push_back(std::move(element));
    n->kids.push_back(std::move(filter));
    return n;
}

// The same over every item of a list as it is: sum(list), min(list).
NodePtr Checker::fold(Op op, Location where, const Type& item, NodePtr list) {
    int slot = bind("", item);
    unbind();
    return fold_node(op, where, slot, std::move(list), nullptr, nullptr);
}

// sum(list), count(list)
Checked Checker::list_total(const ast::Expr& e, Builtin b, std::vector<Checked> args) {
    const bool sum = b == Builtin::sum;
    {
        if (args.size() != 1) {
            error(e.where, e.text + "() takes one list, as in " + e.text + "(x.hours for x in list)");
            return failed();
        }
        if (any_failed(args)) return failed();
        if (args[0].type.kind != TypeKind::list) {
            error(e.kids[0]->where, e.text + "() needs a list, not " + describe(args[0].type));
            return failed();
        }
        const Type& el = *args[0].type.element;
        if (sum && el.kind != TypeKind::number) {
            error(e.kids[0]->where, "sum() needs a list of numbers, not " + describe(args[0].type));
            return failed();
        }
        return {sum ? el : Type::number(), fold(sum ? Op::sum : Op::count, e.where, el, std::move(args[0].node))};
    }
}

// What a loop ranges over: a list, or an enumeration named bare (`for t in OffenceType`): its members in order.
Checked Checker::members_or_list(const ast::Expr& e) {
    if (e.kind == ast::ExprKind::name && e.path.size() == 1 && enums_.count(e.path[0])) {
        const EnumDef& en = *p_.enums[enums_.at(e.path[0])];
        if (!sees(en.name, en.where, e.where)) return failed();
        std::vector<Value> members;
        for (std::size_t m = 0; m < en.members.size(); ++m) members.push_back(Value::member(static_cast<int>(m)));
        auto n = node(Op::constant, e.where);
        n->value = Value::list(std::move(members));
        return {Type::list_of(Type::enum_of(&en)), std::move(n)};
    }
    return expr(e);
}

// sum(x.hours for x in list where ...), count(x in list where ...), min(...), max(...), collect(...), mean(...), median(...)
Checked Checker::aggregate(const ast::Expr& e) {
    const std::optional<Builtin> b = builtin_named(e.text);
    switch (b.value_or(Builtin::round)) {
        case Builtin::sum: return aggregate_as(e, Op::sum);
        case Builtin::count: return aggregate_as(e, Op::count);
        case Builtin::min: return aggregate_as(e, Op::least);
        case Builtin::max: return aggregate_as(e, Op::most);
        case Builtin::collect: return aggregate_as(e, Op::collect);
        case Builtin::mean:
        case Builtin::median: return average(e, *b);
        case Builtin::round:
        case Builtin::floor:
        case Builtin::ceil:
        case Builtin::abs:
        case Builtin::date:
        case Builtin::financial_year:
        case Builtin::power:
        case Builtin::numbers:
        case Builtin::add_months:
        case Builtin::months_between:
        case Builtin::end_of_month: break;
    }
    error(e.where, "'" + e.text + "' cannot aggregate over a list: use sum, count, min, max, mean, median or collect");
    return failed();
}

// An aggregate over `x in list where …` as `op` folds it.
Checked Checker::aggregate_as(const ast::Expr& e, Op op) {
    Checked list = members_or_list(*e.kids[1]);
    if (list.type.is_error()) return failed();
    if (list.type.kind != TypeKind::list) {
        error(e.kids[1]->where, "'" + e.var + "' must range over a list; this is " + describe(list.type));
        return failed();
    }
    int slot = bind(e.var, *list.type.element);
    Checked element = e.kids[0] ? expr(*e.kids[0]) : Checked{*list.type.element, nullptr};
    Checked filter = e.kids[2] ? expr(*e.kids[2]) : Checked{Type::of(TypeKind::boolean), nullptr};
    unbind();
    if (element.type.is_error() || filter.type.is_error()) return failed();
    if (e.kids[2] && !expect_kind(filter, TypeKind::boolean, e.kids[2]->where, "the condition after 'where'")) return failed();
    Type result = Type::number();
    if (op == Op::collect) {
        result = Type::list_of(element.type);
    } else if (op != Op::count) {
        bool dates = op != Op::sum && element.type.kind == TypeKind::date;
        if (element.type.kind != TypeKind::number && !dates) {
            error(e.kids[0] ? e.kids[0]->where : e.where, e.text + "() needs numbers" + (op == Op::sum ? "" : " or dates") +
                                                            ", not " + describe(element.type));
            return failed();
        }
        result = element.type;
    }
    return {result, fold_node(op, e.where, slot, std::move(list.node), std::move(element.node), std::move(filter.node))};
}

// mean(e for x in list where c) and median(…), of numbers: a mean is a sum over a count (each folds over the cases as
// a sum and a count do), a median the middle of the elements collected. The loop is checked once for each part.
Checked Checker::average(const ast::Expr& e, Builtin b) {
    Checked all = aggregate_as(e, Op::collect);
    if (all.type.is_error()) return failed();
    const Type el = *all.type.element;
    if (el.kind != TypeKind::number) {
        error(e.kids[0] ? e.kids[0]->where : e.where, e.text + "() needs numbers, not " + describe(el));
        return failed();
    }
    auto n = node(b == Builtin::median ? Op::median_of : Op::mean_of, e.where);
    if (b == Builtin::median) {
        n->kids.push_back(std::move(all.node));
        return {el, std::move(n)};
    }
    Checked total = aggregate_as(e, Op::sum), count = aggregate_as(e, Op::count);
    if (total.type.is_error() || count.type.is_error()) return failed();
    count.node->kids[1] = nullptr;  // every element that passes the filter is counted
    n->kids.push_back(std::move(total.node));
    n->kids.push_back(std::move(count.node));
    return {el, std::move(n)};
}

// mean(list), median(list): of a list of numbers.
Checked Checker::list_average(const ast::Expr& e, Builtin b, std::vector<Checked> args) {
    if (args.size() != 1) {
        error(e.where, e.text + "() takes one list, as in " + e.text + "(o.hours for o in offences)");
        return failed();
    }
    if (any_failed(args)) return failed();
    if (args[0].type.kind != TypeKind::list || args[0].type.element->kind != TypeKind::number) {
        error(e.kids[0]->where, e.text + "() needs a list of numbers, not " + describe(args[0].type));
        return failed();
    }
    const Type el = *args[0].type.element;
    auto n = node(b == Builtin::median ? Op::median_of : Op::mean_of, e.where);
    if (b == Builtin::median) {
        n->kids.push_back(fold(Op::collect, e.where, el, std::move(args[0].node)));
        return {el, std::move(n)};
    }
    Checked again = expr(*e.kids[0]);  // the list once more, for the count
    n->kids.push_back(fold(Op::sum, e.where, el, std::move(args[0].node)));
    n->kids.push_back(fold(Op::count, e.where, el, std::move(again.node)));
    return {el, std::move(n)};
}

}  // namespace reckon
