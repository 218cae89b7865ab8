// The check phase, for calls: which function a call names (a built-in, the
// ruleset's own, a table or a figure by member), its arguments, and a call of
// one of the ruleset's functions; a spreadsheet's function names get a word
// on how reckon writes them.
#include "core/check/check.hpp"

#include <algorithm>

namespace reckon {

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
            case Builtin::count:
                if (loop_without_body(e)) return failed();
                return list_total(e, *builtin, arguments(e, *builtin));
            case Builtin::collect: break;  // only as collect(x for x in list)
            case Builtin::power:
                if (fns_.count(e.text)) break;
                return power(e, arguments(e, std::nullopt));
            case Builtin::numbers:
                if (fns_.count(e.text)) break;
                return numbers(e, arguments(e, std::nullopt));
            case Builtin::add_months:
            case Builtin::months_between:
            case Builtin::end_of_month:
                if (fns_.count(e.text)) break;
                return month_arithmetic(e, *builtin, arguments(e, std::nullopt));
            case Builtin::mean:
            case Builtin::median:
                if (fns_.count(e.text)) break;
                if (loop_without_body(e)) return failed();
                return list_average(e, *builtin, arguments(e, std::nullopt));
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

// `count(c in cases)`, `sum(o in offences)`: a loop with neither `where` nor
// `for`, read as a conversion to a unit; says what to write instead.
bool Checker::loop_without_body(const ast::Expr& e) {
    if (e.kids.size() != 1 || e.kids[0]->kind != ast::ExprKind::convert) return false;
    const ast::Expr& loop = *e.kids[0];
    const ast::Expr& var = *loop.kids[0];
    if (var.kind != ast::ExprKind::name || var.path.size() != 1 || loop.unit.terms.size() != 1) return false;
    const std::string& list = loop.unit.text;
    if (p_.units.find(list) >= 0 || enums_.count(list) || records_.count(list)) return false;
    if (list == "cases" && frame_.context != Context::cohort) return false;  // 'cases' is not known here: said as such
    const std::string& v = var.path[0];
    if (e.text == "count")
        error(e.where, "count(" + v + " in " + list + ") needs a condition: count(" + v + " in " + list + " where …) counts those that meet it",
              {"to count all of them, write count(" + list + ")"});
    else
        error(e.where, "sum(" + v + " in " + list + ") needs what to add up: sum(" + v + ".FIELD for " + v + " in " + list + ")",
              {"to add up a list of numbers as it is, write sum(" + list + ")"});
    return true;
}

bool Checker::any_failed(const std::vector<Checked>& args) {
    return std::any_of(args.begin(), args.end(), [](const Checked& a) { return a.type.is_error(); });
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

}  // namespace reckon
