// The check phase, for the built-in functions of values: their names, and
// round, floor and ceil (a step in the value's unit, a mode), min and max (of
// values or of a list), abs, power, numbers, date and financial_year. Sums and
// counts over lists are in check_aggregates.cpp, calls in check_calls.cpp.
#include "core/check/check.hpp"

namespace reckon {

std::optional<Builtin> builtin_named(std::string_view name) {
    for (Builtin b : {Builtin::round, Builtin::floor, Builtin::ceil, Builtin::min, Builtin::max, Builtin::abs, Builtin::sum, Builtin::count,
                      Builtin::collect, Builtin::date, Builtin::financial_year, Builtin::power, Builtin::numbers, Builtin::mean,
                      Builtin::median, Builtin::add_months, Builtin::months_between, Builtin::end_of_month})
        if (name == builtin_name(b)) return b;
    return std::nullopt;
}

const char* builtin_name(Builtin b) {
    switch (b) {
        case Builtin::round: return "round";
        case Builtin::floor: return "floor";
        case Builtin::ceil: return "ceil";
        case Builtin::min: return "min";
        case Builtin::max: return "max";
        case Builtin::abs: return "abs";
        case Builtin::sum: return "sum";
        case Builtin::count: return "count";
        case Builtin::collect: return "collect";
        case Builtin::date: return "date";
        case Builtin::financial_year: return "financial_year";
        case Builtin::power: return "power";
        case Builtin::numbers: return "numbers";
        case Builtin::mean: return "mean";
        case Builtin::median: return "median";
        case Builtin::add_months: return "add_months";
        case Builtin::months_between: return "months_between";
        case Builtin::end_of_month: return "end_of_month";
    }
    return "";
}

// round(x), round(x, step), round(x, step, mode); floor and ceil likewise.
Checked Checker::rounding(const ast::Expr& e, Builtin b, std::vector<Checked> args) {
    if (any_failed(args)) return failed();
    if (args.empty() || args.size() > 3) {
        error(e.where, e.text + "() takes a value, then optionally a step and a mode, as in " + e.text + "(x, £0.01)");
        return failed();
    }
    if (args[0].type.kind != TypeKind::number) {
        error(e.kids[0]->where, e.text + "() needs a number, not " + describe(args[0].type));
        return failed();
    }
    auto n = node(Op::round_, e.where);
    n->mode = b == Builtin::floor ? RoundMode::floor : b == Builtin::ceil ? RoundMode::ceiling : RoundMode::half_away;
    if (args.size() >= 2) {
        if (args[1].type.kind != TypeKind::number || !p_.units.same_dimension(args[0].type.unit, args[1].type.unit)) {
            error(e.kids[1]->where, "the step of " + e.text + "() must be in the units of the value (" +
                                        unit_name(args[0].type.unit) + "), not " + describe(args[1].type));
            return failed();
        }
        if (args[1].node->op != Op::constant || args[1].node->value.n() <= 0) {
            error(e.kids[1]->where, "the step of " + e.text + "() must be a positive number written out, such as £0.01 or 8 hour");
            return failed();
        }
        n->step = args[1].node->value.n();
        const Location& w = e.kids[1]->where;
        n->value = Value::text(w.file->text().substr(w.offset, w.length));
    } else {
        n->step = p_.units.scale(args[0].type.unit);  // one of the value's own unit
        const std::string u = p_.units.name(args[0].type.unit);
        n->value = Value::text(u.empty() ? "1" : "1 " + u);
    }
    if (args.size() == 3) {
        const ast::Expr& m = *e.kids[2];
        auto mode = m.kind == ast::ExprKind::name ? round_mode_named(m.text) : std::nullopt;
        if (!mode) {
            error(m.where, "unknown rounding mode '" + m.text + "'",
                  {"the modes are half_away (the default), half_even, up, down, floor and ceiling"});
            return failed();
        }
        if (b != Builtin::round) {
            error(m.where, e.text + "() has no mode: it always rounds " + (b == Builtin::floor ? "down" : "up"));
            return failed();
        }
        n->mode = *mode;
    }
    Type t = args[0].type;
    n->kids.push_back(std::move(args[0].node));
    return {t, std::move(n)};
}

Checked Checker::extremum(const ast::Expr& e, Builtin b, std::vector<Checked> args) {
    if (any_failed(args)) return failed();
    const bool least = b == Builtin::min;
    if (args.size() == 1 && args[0].type.kind == TypeKind::list) {
        const Type& el = *args[0].type.element;
        if (el.kind != TypeKind::number && el.kind != TypeKind::date) {
            error(e.kids[0]->where, e.text + "() needs a list of numbers or dates, not " + describe(args[0].type));
            return failed();
        }
        return {el, fold(least ? Op::least : Op::most, e.where, el, std::move(args[0].node))};
    }
    if (args.size() < 2) {
        error(e.where, e.text + "() takes two or more values, or one list");
        return failed();
    }
    const Type t = args[0].type;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const Type& a = args[i].type;
        if ((a.kind != TypeKind::number && a.kind != TypeKind::date) || !same_type(t, a, p_.units)) {
            if (a.kind == TypeKind::number && t.kind == TypeKind::number) unit_mismatch(e.kids[i]->where, e.text + "() cannot take", t, a);
            else error(e.kids[i]->where, e.text + "() needs numbers of one unit or dates; argument " + std::to_string(i + 1) + " is " + describe(a));
            return failed();
        }
    }
    auto n = node(least ? Op::min_ : Op::max_, e.where);
    for (auto& a : args) n->kids.push_back(std::move(a.node));
    return {t, std::move(n)};
}

// abs(x): the size of a number or quantity, whatever its sign (a change either way).
Checked Checker::absolute(const ast::Expr& e, std::vector<Checked> args) {
    if (args.size() != 1) {
        error(e.where, "abs() takes one number, as in abs(annualised_cost - baseline_cost)");
        return failed();
    }
    if (any_failed(args)) return failed();
    if (args[0].type.kind != TypeKind::number) {
        error(e.kids[0]->where, "abs() needs a number, not " + describe(args[0].type));
        return failed();
    }
    auto n = node(Op::abs_, e.where);
    n->kids.push_back(std::move(args[0].node));
    return {args[0].type, std::move(n)};
}

// power(x, n): x to a whole power n, exactly (a rate's growth, a discount factor); numbers(a, b): the whole
// numbers from a to b, a list to sum over (the years of an appraisal). Each takes two plain numbers.
Checked Checker::power(const ast::Expr& e, std::vector<Checked> args) {
    return two_plain_numbers(e, std::move(args), "power() takes a number and a whole number, as in power(1 + discount_rate, year)",
                             Op::power, Type::number());
}

Checked Checker::numbers(const ast::Expr& e, std::vector<Checked> args) {
    return two_plain_numbers(e, std::move(args),
                             "numbers() takes the first and the last whole number, as in sum(x for year in numbers(0, years - 1))",
                             Op::numbers, Type::list_of(Type::number()));
}

Checked Checker::two_plain_numbers(const ast::Expr& e, std::vector<Checked> args, const std::string& usage, Op op, Type result) {
    if (args.size() != 2) {
        error(e.where, usage);
        return failed();
    }
    if (any_failed(args)) return failed();
    for (std::size_t i = 0; i < 2; ++i)
        if (args[i].type.kind != TypeKind::number || !args[i].type.unit.dimensionless_syntax()) {
            error(e.kids[i]->where, e.text + "() needs a plain number (no unit) as its " + (i == 0 ? "first" : "second") +
                                        " argument, not " + describe(args[i].type));
            return failed();
        }
    auto n = node(op, e.where);
    for (auto& a : args) n->kids.push_back(std::move(a.node));
    return {std::move(result), std::move(n)};
}

// add_months(date, n), months_between(date, date), end_of_month(date)
Checked Checker::month_arithmetic(const ast::Expr& e, Builtin b, std::vector<Checked> args) {
    if (any_failed(args)) return failed();
    const bool one = b == Builtin::end_of_month;
    const char* how = b == Builtin::add_months       ? "add_months() takes a date and a whole number of months, as in add_months(joined, 6)"
                      : b == Builtin::months_between ? "months_between() takes two dates, as in months_between(joined, left)"
                                                     : "end_of_month() takes one date, as in end_of_month(joined)";
    if (args.size() != (one ? 1u : 2u)) {
        error(e.where, how);
        return failed();
    }
    for (std::size_t i = 0; i < args.size(); ++i) {
        const bool want_date = i == 0 || b == Builtin::months_between;
        const bool fits = want_date ? args[i].type.kind == TypeKind::date
                                    : args[i].type.kind == TypeKind::number && args[i].type.unit.dimensionless_syntax();
        if (!fits) {
            error(e.kids[i]->where, std::string(how) + "; this is " + describe(args[i].type));
            return failed();
        }
    }
    const Op op = b == Builtin::add_months ? Op::add_months : b == Builtin::months_between ? Op::months_between : Op::end_of_month;
    auto n = node(op, e.where);
    for (auto& a : args) n->kids.push_back(std::move(a.node));
    return {op == Op::months_between ? Type::number() : Type::of(TypeKind::date), std::move(n)};
}

// date(year, month, day) and financial_year(date)
Checked Checker::builtin_date(const ast::Expr& e, Builtin b, std::vector<Checked> args) {
    if (any_failed(args)) return failed();
    if (b == Builtin::date) {
        if (args.size() != 3) {
            error(e.where, "date() takes a year, a month and a day, as in date(report_year, 4, 1)");
            return failed();
        }
        for (std::size_t i = 0; i < 3; ++i)
            if (args[i].type.kind != TypeKind::number || !args[i].type.unit.dimensionless_syntax()) {
                error(e.kids[i]->where, std::string("the ") + (i == 0 ? "year" : i == 1 ? "month" : "day") +
                                            " given to date() must be a plain number, not " + describe(args[i].type));
                return failed();
            }
        auto n = node(Op::make_date, e.where);
        for (auto& a : args) n->kids.push_back(std::move(a.node));
        return {Type::of(TypeKind::date), std::move(n)};
    }
    if (args.size() != 1 || args[0].type.kind != TypeKind::date) {
        error(e.where, "financial_year() takes one date and gives the year in which its financial year (1 April to 31 March) starts");
        return failed();
    }
    auto n = node(Op::financial_year, e.where);
    n->kids.push_back(std::move(args[0].node));
    return {Type::number(), std::move(n)};
}

}  // namespace reckon
