// The check phase, for operators: - and not, arithmetic with units and
// dates (dimensional analysis), comparisons, and/or.
#include "core/check/check.hpp"

namespace reckon {

Checked Checker::unary(const ast::Expr& e) {
    Checked v = expr(*e.kids[0]);
    if (v.type.is_error()) return failed();
    if (e.op == ast::Operator::not_) {
        if (!expect_kind(v, TypeKind::boolean, e.where, "the operand of 'not'")) return failed();
        auto n = node(Op::not_, e.where);
        n->kids.push_back(std::move(v.node));
        return {v.type, std::move(n)};
    }
    if (!expect_kind(v, TypeKind::number, e.where, "the operand of '-'")) return failed();
    if (v.node->op == Op::constant) {  // a negative literal
        v.node->value.n() = -v.node->value.n();
        v.node->where = e.where;
        return v;
    }
    auto n = node(Op::neg, e.where);
    n->kids.push_back(std::move(v.node));
    return {v.type, std::move(n)};
}

// `£5,543 / year`: an amount divided by a unit's bare name, meant as a rate.
std::optional<std::string> Checker::spaced_rate(const ast::Expr& e) const {
    const ast::Expr& l = *e.kids[0];
    const ast::Expr& r = *e.kids[1];
    if (e.op != ast::Operator::div || r.kind != ast::ExprKind::name || r.path.size() != 1) return std::nullopt;
    const std::string& unit = r.path[0];
    if (p_.units.find(unit) < 0 || params_.count(unit) || find_rule(unit) >= 0 || inputs_.count(unit)) return std::nullopt;
    if (l.kind == ast::ExprKind::money) return l.text + l.value_text + "/" + unit;
    if (l.kind == ast::ExprKind::number && !l.unit.text.empty()) return l.text + " " + l.unit.text + "/" + unit;
    return std::nullopt;
}

Checked Checker::binary(const ast::Expr& e) {
    if (auto rate = spaced_rate(e)) {
        error(e.kids[1]->where, "'" + e.kids[1]->path[0] + "' is a unit, not a value: a rate is one quantity, with the unit right after the '/'",
              {"write " + *rate});
        return failed();
    }
    Checked a = expr(*e.kids[0]);
    const ast::Expr* guarded = e.op == ast::Operator::and_ ? given_name(*e.kids[0]) : nullptr;  // `left is given and left > x`
    if (guarded) narrowed_.push_back(guarded->text);
    Checked b = expr(*e.kids[1]);
    if (guarded) narrowed_.pop_back();
    if (a.type.is_error() || b.type.is_error()) return failed();
    using O = ast::Operator;
    switch (e.op) {
        case O::and_:
        case O::or_: {
            const std::string op = ast::operator_text(e.op);
            bool ok = expect_kind(a, TypeKind::boolean, e.kids[0]->where, "the left of '" + op + "'");
            ok = expect_kind(b, TypeKind::boolean, e.kids[1]->where, "the right of '" + op + "'") && ok;
            if (!ok) return failed();
            auto n = node(e.op == O::and_ ? Op::and_ : Op::or_, e.where);
            n->kids.push_back(std::move(a.node));
            n->kids.push_back(std::move(b.node));
            return {a.type, std::move(n)};
        }
        case O::add:
        case O::sub:
        case O::mul:
        case O::div: return arithmetic(e, std::move(a), std::move(b));
        case O::eq: return comparison(e, Op::eq, std::move(a), std::move(b));
        case O::ne: return comparison(e, Op::ne, std::move(a), std::move(b));
        case O::lt: return comparison(e, Op::lt, std::move(a), std::move(b));
        case O::le: return comparison(e, Op::le, std::move(a), std::move(b));
        case O::gt: return comparison(e, Op::gt, std::move(a), std::move(b));
        case O::ge: return comparison(e, Op::ge, std::move(a), std::move(b));
        case O::otherwise:  // optional_ops()
        case O::neg:        // unary operators
        case O::not_:
        case O::is_given: break;
    }
    return failed();
}

Checked Checker::arithmetic(const ast::Expr& e, Checked a, Checked b) {
    const ast::Operator op = e.op;
    using O = ast::Operator;
    const std::string verb = op == O::add ? "cannot add" : op == O::sub ? "cannot subtract" : op == O::mul ? "cannot multiply" : "cannot divide";
    auto make = [&](Op o, Type t) {
        auto n = node(o, e.where);
        n->kids.push_back(std::move(a.node));
        n->kids.push_back(std::move(b.node));
        return Checked{std::move(t), std::move(n)};
    };
    int day = p_.units.find("day");
    if (a.type.kind == TypeKind::date || b.type.kind == TypeKind::date) {
        if (day < 0) {
            error(e.where, "arithmetic on dates needs the unit day: declare it, as in 'unit day = 24 hour'");
            return failed();
        }
        Type days = Type::number(Unit::of(day));
        Number per_day = p_.units.def(day).scale;
        if (op == O::sub && a.type.kind == TypeKind::date && b.type.kind == TypeKind::date) {
            auto c = make(Op::date_diff, days);
            c.node->step = per_day;
            return c;
        }
        if ((op == O::add || op == O::sub) && a.type.kind == TypeKind::date && b.type.kind == TypeKind::number &&
            p_.units.same_dimension(b.type.unit, days.unit)) {
            auto c = make(op == O::add ? Op::date_add : Op::date_sub, Type::of(TypeKind::date));
            c.node->step = per_day;
            return c;
        }
        error(e.where, verb + " " + describe(a.type) + " and " + describe(b.type) +
                           ": a date takes + or - a number of days, and a date minus a date gives days");
        return failed();
    }
    if (a.type.kind != TypeKind::number || b.type.kind != TypeKind::number) {
        error(e.where, verb + " " + describe(a.type) + " and " + describe(b.type) + ": arithmetic needs numbers");
        return failed();
    }
    if (op == O::add || op == O::sub) {
        if (!p_.units.same_dimension(a.type.unit, b.type.unit)) {
            unit_mismatch(e.where, verb, a.type, b.type);
            return failed();
        }
        Unit u = a.type.unit.dimensionless_syntax() ? b.type.unit : a.type.unit;
        return make(op == O::add ? Op::add : Op::sub, Type::number(u));
    }
    if (op == O::mul) return make(Op::mul, Type::number(p_.units.cancelled_to_money(a.type.unit.times(b.type.unit))));
    return make(Op::div, Type::number(p_.units.cancelled_to_money(a.type.unit.times(b.type.unit, -1))));
}

Checked Checker::comparison(const ast::Expr& e, Op o, Checked a, Checked b) {
    const std::string op = ast::operator_text(e.op);
    bool ordered = o != Op::eq && o != Op::ne;
    if (a.type.kind != b.type.kind) {
        error(e.where, "cannot compare " + describe(a.type) + " with " + describe(b.type));
        return failed();
    }
    switch (a.type.kind) {
        case TypeKind::number:
            if (!p_.units.same_dimension(a.type.unit, b.type.unit)) {
                unit_mismatch(e.where, "cannot compare", a.type, b.type);
                return failed();
            }
            break;
        case TypeKind::date: break;
        case TypeKind::enumeration:
            if (a.type.enumeration != b.type.enumeration) {
                error(e.where, "cannot compare " + describe(a.type) + " with " + describe(b.type));
                return failed();
            }
            [[fallthrough]];
        case TypeKind::boolean:
        case TypeKind::text:
            if (ordered) {
                error(e.where, "'" + op + "' needs numbers or dates; " + describe(a.type) + " can only be compared with == or !=");
                return failed();
            }
            break;
        case TypeKind::list:
        case TypeKind::record:
        case TypeKind::grouped:
        case TypeKind::error:
            error(e.where, "cannot compare values of type " + describe(a.type));
            return failed();
    }
    auto n = node(o, e.where);
    n->kids.push_back(std::move(a.node));
    n->kids.push_back(std::move(b.node));
    return {Type::of(TypeKind::boolean), std::move(n)};
}

}  // namespace reckon
