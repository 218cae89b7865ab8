// The check phase, for calls: the built-in functions (round, floor, ceil,
// min, max, abs, sum, count, collect, date, financial_year, power, numbers), the ruleset's own
// functions, table lookups and one member of a figure by member.
#include "core/check/check.hpp"

#include <algorithm>

namespace reckon {

std::optional<Builtin> builtin_named(std::string_view name) {
    for (Builtin b : {Builtin::round, Builtin::floor, Builtin::ceil, Builtin::min, Builtin::max, Builtin::abs, Builtin::sum, Builtin::count,
                      Builtin::collect, Builtin::date, Builtin::financial_year, Builtin::power, Builtin::numbers})
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
    }
    return "";
}

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

Checked Checker::call(const ast::Expr& e) {
    if (e.path.size() > 1 || tables_.count(e.text) || find_rule(e.text) >= 0) {
        std::vector<Checked> args;
        for (const auto& k : e.kids) args.push_back(expr(*k));
        return call_value(e, std::move(args));
    }
    const std::optional<Builtin> builtin = builtin_named(e.text);
    if (builtin) {
        switch (*builtin) {
            case Builtin::date:
            case Builtin::financial_year:
                if (fns_.count(e.text)) break;  // a function of the ruleset's own by that name
                return builtin_date(e, *builtin, arguments(e, std::nullopt));
            case Builtin::round:
            case Builtin::floor:
            case Builtin::ceil: return rounding(e, *builtin, arguments(e, *builtin));
            case Builtin::min:
            case Builtin::max: return extremum(e, *builtin, arguments(e, *builtin));
            case Builtin::abs:
                if (fns_.count(e.text)) break;  // a function of the ruleset's own by that name
                return absolute(e, arguments(e, std::nullopt));
            case Builtin::sum:
            case Builtin::count: return list_total(e, *builtin, arguments(e, *builtin));
            case Builtin::collect: break;  // only as collect(x for x in list)
            case Builtin::power:
                if (fns_.count(e.text)) break;
                return power(e, arguments(e, std::nullopt));
            case Builtin::numbers:
                if (fns_.count(e.text)) break;
                return numbers(e, arguments(e, std::nullopt));
        }
    }
    return function_call(e, arguments(e, std::nullopt));
}

// The arguments of a call, each checked; the third of round/floor/ceil is a
// mode, written as a bare name, and is read by rounding().
std::vector<Checked> Checker::arguments(const ast::Expr& e, std::optional<Builtin> builtin) {
    const bool mode = builtin == Builtin::round || builtin == Builtin::floor || builtin == Builtin::ceil;
    std::vector<Checked> args;
    for (std::size_t i = 0; i < e.kids.size(); ++i) {
        if (i == 2 && mode && e.kids[i]->kind == ast::ExprKind::name) args.push_back(Checked{Type::of(TypeKind::text), nullptr});
        else args.push_back(expr(*e.kids[i]));
    }
    return args;
}

bool Checker::any_failed(const std::vector<Checked>& args) {
    return std::any_of(args.begin(), args.end(), [](const Checked& a) { return a.type.is_error(); });
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

namespace {
// What reckon writes for a spreadsheet's function (IF, SUM, …), for an author who writes the habit; null for others.
const char* spreadsheet_function(const std::string& name) {
    static const std::pair<const char*, const char*> habits[] = {
        {"IF", "a spreadsheet's IF is written 'if CONDITION then A else B', as in: if n > 3 then 1 else 0"},
        {"IFS", "a spreadsheet's IFS is written 'if A then X else if B then Y else Z'"},
        {"SUM", "a sum over a list is written 'sum(x.cost for x in list)', and of two figures 'a + b'"},
        {"SUMIF", "a spreadsheet's SUMIF is written 'sum(x.cost for x in list where x.kind == Kind.a)'"},
        {"SUMIFS", "a spreadsheet's SUMIFS is written 'sum(x.cost for x in list where A and B)'"},
        {"COUNT", "counting is written 'count(x in list)', or 'count(x in list where CONDITION)'"},
        {"COUNTIF", "a spreadsheet's COUNTIF is written 'count(x in list where CONDITION)'"},
        {"COUNTIFS", "a spreadsheet's COUNTIFS is written 'count(x in list where A and B)'"},
        {"AVERAGE", "an average is written 'sum(x.cost for x in list) / count(list)'"},
        {"MIN", "reckon's names are lower case: min(a, b)"},
        {"MAX", "reckon's names are lower case: max(a, b)"},
        {"ABS", "reckon's names are lower case: abs(x)"},
        {"POWER", "reckon's names are lower case: power(x, n), n a whole number"},
        {"ROUND", "reckon's names are lower case: round(x, £0.01), to a step in x's unit"},
        {"ROUNDUP", "a spreadsheet's ROUNDUP is written 'round(x, step, up)' (away from zero)"},
        {"ROUNDDOWN", "a spreadsheet's ROUNDDOWN is written 'round(x, step, down)' (toward zero)"},
        {"CEILING", "a spreadsheet's CEILING is written 'ceil(x, step)'"},
        {"FLOOR", "reckon's names are lower case: floor(x, step)"},
        {"DATE", "reckon's names are lower case: date(2024, 3, 31), or the date written out: 2024-03-31"},
        {"AND", "'and' goes between two conditions: a > 1 and b < 2"},
        {"OR", "'or' goes between two conditions: a > 1 or b < 2"},
        {"NOT", "'not' goes before a condition: not a"},
        {"VLOOKUP", "a lookup is a table: declare 'table rates: Kind -> {cost: GBP}' and write 'rates(kind).cost'"},
        {"XLOOKUP", "a lookup is a table: declare 'table rates: Kind -> {cost: GBP}' and write 'rates(kind).cost'"},
        {"INDEX", "a lookup is a table: declare 'table rates: Kind -> {cost: GBP}' and write 'rates(kind).cost'"},
    };
    for (const auto& [upper, hint] : habits)
        if (name == upper) return hint;
    return nullptr;
}
}  // namespace

// A call of one of the ruleset's functions (fn).
Checked Checker::function_call(const ast::Expr& e, std::vector<Checked> args) {
    auto it = fns_.find(e.text);
    if (it == fns_.end()) {
        std::vector<std::string> notes;
        if (const char* habit = spreadsheet_function(e.text)) {  // a spreadsheet's habit: how reckon writes it, and nothing else
            error(e.where, "unknown function '" + e.text + "'", {habit});
            return failed();
        }
        std::string s = suggestion(e.text);
        if (!s.empty()) notes.push_back("did you mean '" + s + "'?");
        notes.push_back("the built-in functions are round, floor, ceil, min, max, abs, sum, count, collect, date, financial_year, power and numbers");
        error(e.where, "unknown function '" + e.text + "'", notes);
        return failed();
    }
    int fi = it->second;
    if (!sees(e.text, p_.fns[fi].where, e.where)) return failed();
    if (fn_state_[fi] == State::checking) {
        error(e.where, "function '" + e.text + "' calls itself", {"functions cannot be recursive"});
        return failed();
    }
    check_fn(fi);
    const FnDef& f = p_.fns[fi];
    if (args.size() != f.param_types.size()) {
        error(e.where, "function '" + e.text + "' takes " + std::to_string(f.param_types.size()) + " argument" +
                           (f.param_types.size() == 1 ? "" : "s") + ", not " + std::to_string(args.size()));
        return failed();
    }
    bool bad = any_failed(args);
    if (bad) return failed();
    for (std::size_t i = 0; i < args.size(); ++i)
        if (!same_type(f.param_types[i], args[i].type, p_.units)) {
            error(e.kids[i]->where, "argument '" + f.param_names[i] + "' of '" + e.text + "' must be " +
                                        describe(f.param_types[i]) + ", not " + describe(args[i].type));
            bad = true;
        }
    if (bad) return failed();
    auto n = node(Op::call, e.where);
    n->slot = fi;
    for (auto& a : args) n->kids.push_back(std::move(a.node));
    return {f.result, std::move(n)};
}

// unit_costs(t): a row of a table; saving(t), c.saving(t): a grouped figure's value for one member
Checked Checker::call_value(const ast::Expr& e, std::vector<Checked> args) {
    if (any_failed(args)) return failed();
    if (auto t = tables_.find(e.text); t != tables_.end() && e.path.size() == 1) {
        if (!sees(e.text, p_.tables[t->second].where, e.where)) return failed();
        check_table(t->second);
        const TableDef& table = p_.tables[t->second];
        if (!table.columns) return failed();
        for (const auto& k : table.keys)
            if (k.type.is_error()) return failed();
        if (args.size() != table.keys.size()) {
            std::string keys;
            for (const auto& k : table.keys) keys += (keys.empty() ? "" : ", ") + std::string(k.type.kind == TypeKind::enumeration ? k.type.enumeration->name : "key");
            error(e.where, "table '" + e.text + "' is looked up by " + (table.keys.size() == 1 ? "one key" : std::to_string(table.keys.size()) + " keys") +
                               ", as in " + e.text + "(" + keys + "), not " + std::to_string(args.size()));
            return failed();
        }
        bool bad = false;
        for (std::size_t k = 0; k < args.size(); ++k)
            if (!same_type(table.keys[k].type, args[k].type, p_.units) || args[k].type.optional) {
                error(e.kids[k]->where, "table '" + e.text + "' is keyed by " + (table.keys[k].banded ? "bands of " : "") +
                                            describe(table.keys[k].type) + (table.keys.size() > 1 ? " in its key " + std::to_string(k + 1) : "") +
                                            ", not " + describe(args[k].type));
                bad = true;
            }
        if (bad) return failed();
        auto n = node(Op::lookup, e.where);
        n->slot = t->second;
        for (auto& a : args) n->kids.push_back(std::move(a.node));
        if (!table.versions.empty()) {  // rows from dates: the date that picks, after the keys
            const auto [by, by_where] = dated_by(*table_decls_[t->second]);
            if (by.empty()) return failed();  // said at the table
            NodePtr date = picking_date(by, by_where);
            if (!date) return failed();
            n->kids.push_back(std::move(date));
        }
        Type row;
        row.kind = TypeKind::record;
        row.record = table.columns;
        return {row, std::move(n)};
    }
    ast::Expr callee;
    callee.kind = ast::ExprKind::name;
    callee.where = e.var_where;
    callee.text = e.text;
    callee.path = e.path;
    Checked base = name(callee);
    if (base.type.is_error()) return failed();
    if (base.type.kind != TypeKind::grouped) {
        error(e.var_where, "'" + e.text + "' is " + describe(base.type) + ", not a function or a table: it takes no arguments");
        return failed();
    }
    const EnumDef* by = base.type.enumeration;
    const std::vector<const EnumDef*> factors = by->factors.empty() ? std::vector<const EnumDef*>{by} : by->factors;
    bool fits = args.size() == factors.size();
    for (std::size_t k = 0; fits && k < args.size(); ++k)
        fits = args[k].type.kind == TypeKind::enumeration && args[k].type.enumeration == factors[k] && !args[k].type.optional;
    if (!fits) {
        error(e.where, "'" + e.text + "' has a value for each member of " + by->name + ": name " +
                           (factors.size() == 1 ? "one" : "one of each, in order") + ", as in " + e.text + "(" + by->example() + ")");
        return failed();
    }
    auto n = node(Op::pick, e.where);
    n->kids.push_back(std::move(base.node));
    for (auto& a : args) n->kids.push_back(std::move(a.node));
    if (!by->factors.empty())
        for (std::size_t i = 0; i < p_.enums.size(); ++i)
            if (p_.enums[i].get() == by) n->slot = static_cast<int>(i);
    return {*base.type.element, std::move(n)};
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

// sum(x.hours for x in list where ...), count(x in list where ...), min(...), max(...)
Checked Checker::aggregate(const ast::Expr& e) {
    const std::optional<Builtin> b = builtin_named(e.text);
    Op op = Op::count;
    switch (b.value_or(Builtin::round)) {
        case Builtin::sum: op = Op::sum; break;
        case Builtin::count: op = Op::count; break;
        case Builtin::min: op = Op::least; break;
        case Builtin::max: op = Op::most; break;
        case Builtin::collect: op = Op::collect; break;
        case Builtin::round:
        case Builtin::floor:
        case Builtin::ceil:
        case Builtin::abs:
        case Builtin::date:
        case Builtin::financial_year:
        case Builtin::power:
        case Builtin::numbers:
            error(e.where, "'" + e.text + "' cannot aggregate over a list: use sum, count, min, max or collect");
            return failed();
    }
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

}  // namespace reckon
