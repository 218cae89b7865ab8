// The check phase, for expressions: each is resolved, typed and
// unit-checked, and becomes a node of the evaluation tree with its names
// bound to slots. This file dispatches on the kind of expression and checks
// literals and optional values; names, operators and calls have files of
// their own (check_names.cpp, check_operators.cpp, check_builtins.cpp).
#include "core/check/check.hpp"

#include "core/base/limits.hpp"

#include <algorithm>

namespace reckon {

NodePtr Checker::node(Op op, Location where) {
    auto n = std::make_unique<Node>();
    n->op = op;
    n->where = where;
    return n;
}

int Checker::bind(const std::string& name, const Type& t) {
    int slot = frame_.next++;
    frame_.size = std::max(frame_.size, frame_.next);
    frame_.scope.push_back(Local{name, slot, t});
    return slot;
}

std::string Checker::unit_name(const Unit& u) const {
    std::string n = p_.units.name(u);
    return n.empty() ? "a plain number" : n;
}

bool Checker::expect_kind(const Checked& c, TypeKind k, Location where, const std::string& what) {
    if (c.type.is_error()) return false;
    if (c.type.kind == k) return true;
    error(where, what + " must be " + describe(Type::of(k)) + ", not " + describe(c.type));
    return false;
}

Type Checker::unit_mismatch(Location where, const std::string& what, const Type& a, const Type& b) {
    error(where, what + " " + unit_name(a.unit) + " and " + unit_name(b.unit) + ": the units differ");
    return Type{};
}

Checked Checker::expr(const ast::Expr& e) {
    Checked c = expr_any(e);
    if (c.type.optional) {
        const std::string x = e.kind == ast::ExprKind::name ? e.text : "x";
        error(e.where, (e.kind == ast::ExprKind::name ? "'" + x + "'" : std::string("this value")) + " may be absent (it is " +
                           (c.type.is_error() ? std::string("none") : describe(c.type)) + "): give a fallback, as in '" + x +
                           " otherwise ...', or test it first, as in 'if " + x + " is given then ... else ...'");
        return failed();
    }
    return c;
}

namespace {
bool is_none(const Type& t) { return t.kind == TypeKind::error && t.optional; }
}  // namespace

// `x is given`, where x is a name: within what it guards, x is known to be given
const ast::Expr* Checker::given_name(const ast::Expr& cond) {
    if (cond.kind == ast::ExprKind::unary && cond.op == ast::Operator::is_given && cond.kids[0]->kind == ast::ExprKind::name)
        return cond.kids[0].get();
    return nullptr;
}

Checked Checker::optional_ops(const ast::Expr& e) {
    if (e.kind == ast::ExprKind::none) {
        auto n = node(Op::constant, e.where);
        Type t;
        t.optional = true;
        return {t, std::move(n)};
    }
    if (e.kind == ast::ExprKind::unary) {  // x is given
        Checked v = expr_any(*e.kids[0]);
        if (v.type.is_error() && !is_none(v.type)) return failed();
        auto n = node(Op::is_given, e.where);
        n->kids.push_back(std::move(v.node));
        return {Type::of(TypeKind::boolean), std::move(n)};
    }
    if (e.kind == ast::ExprKind::binary) {  // a otherwise b
        Checked a = expr_any(*e.kids[0]);
        Checked b = expr_any(*e.kids[1]);
        if ((a.type.is_error() && !is_none(a.type)) || (b.type.is_error() && !is_none(b.type))) return failed();
        if (!is_none(a.type) && !is_none(b.type) && !same_type(a.type, b.type, p_.units)) {
            error(e.where, "the value is " + describe(a.type.required()) + " but the fallback after 'otherwise' is " +
                               describe(b.type.required()) + ": they must be of one type");
            return failed();
        }
        Type t = is_none(a.type) ? b.type : a.type;
        t.optional = b.type.optional;
        auto n = node(Op::otherwise, e.where);
        n->kids.push_back(std::move(a.node));
        n->kids.push_back(std::move(b.node));
        return {t, std::move(n)};
    }
    // if c then a else b, where a branch may be none
    Checked c = expr(*e.kids[0]);
    expect_kind(c, TypeKind::boolean, e.kids[0]->where, "the condition of 'if'");
    const ast::Expr* guarded = given_name(*e.kids[0]);
    if (guarded) narrowed_.push_back(guarded->text);
    Checked a = expr_any(*e.kids[1]);
    if (guarded) narrowed_.pop_back();
    Checked b = expr_any(*e.kids[2]);
    auto bad = [](const Type& t) { return t.is_error() && !is_none(t); };
    if (bad(a.type) || bad(b.type) || c.type.is_error()) return failed();
    Type t;
    if (is_none(a.type)) t = b.type;
    else if (is_none(b.type)) t = a.type;
    else if (!same_type(a.type, b.type, p_.units)) {
        error(e.kids[2]->where, "'then' gives " + describe(a.type) + " but 'else' gives " + describe(b.type) +
                                    ": both branches must be of one type");
        return failed();
    } else t = a.type;
    t.optional = a.type.optional || b.type.optional;
    auto n = node(Op::if_, e.where);
    n->kids.push_back(std::move(c.node));
    n->kids.push_back(std::move(a.node));
    n->kids.push_back(std::move(b.node));
    return {t, std::move(n)};
}

Checked Checker::expr_any(const ast::Expr& e) {
    struct Guard {
        std::uint64_t& d;
        ~Guard() { --d; }
    } guard{++depth_};
    if (depth_ > p_.limits.depth) {
        if (depth_ == p_.limits.depth + 1)
            error(e.where, "formulas are nested more than " + std::to_string(p_.limits.depth) +
                               " levels deep here, through the rules they use (the limit can be raised with --limit depth=N)");
        return failed();
    }
    switch (e.kind) {
        case ast::ExprKind::number:
        case ast::ExprKind::percent:
        case ast::ExprKind::money:
        case ast::ExprKind::text:
        case ast::ExprKind::boolean:
        case ast::ExprKind::date: return literal(e);
        case ast::ExprKind::none: return optional_ops(e);
        case ast::ExprKind::empty_list:
            error(e.where, "an empty list '[]' can only be the default of a list input, as in 'input offences: list of Offence = []'");
            return failed();
        case ast::ExprKind::name: return name(e);
        case ast::ExprKind::field: return field_access(expr(*e.kids[0]), e.text, e.where);
        case ast::ExprKind::unary: return e.op == ast::Operator::is_given ? optional_ops(e) : unary(e);
        case ast::ExprKind::binary: return e.op == ast::Operator::otherwise ? optional_ops(e) : binary(e);
        case ast::ExprKind::if_: return optional_ops(e);
        case ast::ExprKind::let_: {
            Checked v = expr(*e.kids[0]);
            int slot = bind(e.var, v.type);
            Checked body = expr(*e.kids[1]);
            unbind();
            if (v.type.is_error() || body.type.is_error()) return failed();
            auto n = node(Op::let_, e.where);
            n->slot = slot;
            n->kids.push_back(std::move(v.node));
            n->kids.push_back(std::move(body.node));
            return {body.type, std::move(n)};
        }
        case ast::ExprKind::call: return call(e);
        case ast::ExprKind::aggregate: return aggregate(e);
        case ast::ExprKind::convert: {
            Checked v = expr(*e.kids[0]);
            Unit target = unit_of(e.unit);
            if (v.type.is_error()) return failed();
            if (v.type.kind != TypeKind::number) {
                error(e.where, "only numbers can be converted to a unit; this is " + describe(v.type));
                return failed();
            }
            if (!p_.units.same_dimension(v.type.unit, target)) {
                error(e.where, "cannot convert " + unit_name(v.type.unit) + " to " + unit_name(target) + ": the units differ");
                return failed();
            }
            return {Type::number(target), std::move(v.node)};  // values are in base units: nothing to do at run time
        }
    }
    return failed();
}

Checked Checker::literal(const ast::Expr& e) {
    const std::string& digits = e.kind == ast::ExprKind::money ? e.value_text : e.text;
    if ((e.kind == ast::ExprKind::number || e.kind == ast::ExprKind::percent || e.kind == ast::ExprKind::money) &&
        digits.size() > p_.limits.digits) {
        error(e.where, "a number of more than " + std::to_string(p_.limits.digits) + " digits (the limit can be raised with --limit digits=N)");
        return failed();
    }
    auto n = node(Op::constant, e.where);
    Type t;
    switch (e.kind) {
        case ast::ExprKind::number: {
            const std::size_t before = diags_.size();
            Unit u = unit_of(e.unit);
            if (diags_.size() != before) return failed();  // an unknown unit: one error, not a unit mismatch after it
            n->value = Value::number(*parse_decimal(e.text, true) * p_.units.scale(u));
            t = Type::number(u);
            break;
        }
        case ast::ExprKind::percent:
            n->value = Value::number(*parse_decimal(e.text, true) / 100);
            t = Type::number();
            break;
        case ast::ExprKind::money: {
            int id = p_.units.find_symbol(e.text);
            if (id < 0) {
                error(e.where, "no currency with the symbol '" + e.text + "' is declared",
                      {"declare it, as in: currency GBP \"£\""});
                return failed();
            }
            if (!sees(p_.units.def(id).name + " (" + e.text + ")", p_.units.def(id).where, e.where)) return failed();
            auto amount = parse_decimal(e.value_text, true);
            if (!amount) {
                error(e.where, "malformed amount '" + e.value_text + "': group thousands by three digits, as in £1,234.56");
                return failed();
            }
            const std::size_t before = diags_.size();
            const Unit per = unit_of(e.unit);  // £5,543/year: per a unit; none written: money
            if (diags_.size() != before) return failed();
            n->value = Value::number(*amount * p_.units.def(id).scale * p_.units.scale(per));
            t = Type::number(Unit::of(id).times(per));
            break;
        }
        case ast::ExprKind::text:
            n->value = Value::text(e.text);
            t = Type::of(TypeKind::text);
            break;
        case ast::ExprKind::boolean:
            n->value = Value::boolean(e.text == "true");
            t = Type::of(TypeKind::boolean);
            break;
        case ast::ExprKind::date: {
            auto d = parse_date(e.text);
            if (!d) {
                error(e.where, "'" + e.text + "' is not a date in the calendar");
                return failed();
            }
            n->value = Value::date(*d);
            t = Type::of(TypeKind::date);
            break;
        }
        case ast::ExprKind::none:  // not literals: expr_any() sends only the kinds above here
        case ast::ExprKind::empty_list:
        case ast::ExprKind::name:
        case ast::ExprKind::field:
        case ast::ExprKind::unary:
        case ast::ExprKind::binary:
        case ast::ExprKind::if_:
        case ast::ExprKind::let_:
        case ast::ExprKind::call:
        case ast::ExprKind::aggregate:
        case ast::ExprKind::convert: return failed();
    }
    return {t, std::move(n)};
}

}  // namespace reckon
