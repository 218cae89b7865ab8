// The meaning of a checked formula: each node by what it does, the declarations it reads by name (slots differ
// between versions), constants exactly, and arithmetic on constants done, as `£32,000 / 1 year` is `£32,000/year`.
#include "commands/diff/diff_meaning.hpp"

#include <optional>

namespace reckon {
namespace {

// What a node does, in a word of its own.
const char* op_word(Op op) {
    switch (op) {
        case Op::constant: return "constant";
        case Op::param: return "param";
        case Op::input: return "input";
        case Op::rule: return "rule";
        case Op::local: return "local";
        case Op::field: return "field";
        case Op::neg: return "neg";
        case Op::not_: return "not";
        case Op::abs_: return "abs";
        case Op::add: return "add";
        case Op::sub: return "sub";
        case Op::mul: return "mul";
        case Op::div: return "div";
        case Op::eq: return "eq";
        case Op::ne: return "ne";
        case Op::lt: return "lt";
        case Op::le: return "le";
        case Op::gt: return "gt";
        case Op::ge: return "ge";
        case Op::and_: return "and";
        case Op::or_: return "or";
        case Op::if_: return "if";
        case Op::let_: return "let";
        case Op::call: return "call";
        case Op::round_: return "round";
        case Op::min_: return "min";
        case Op::max_: return "max";
        case Op::sum: return "sum";
        case Op::count: return "count";
        case Op::least: return "least";
        case Op::most: return "most";
        case Op::date_add: return "date_add";
        case Op::date_sub: return "date_sub";
        case Op::date_diff: return "date_diff";
        case Op::is_given: return "is_given";
        case Op::otherwise: return "otherwise";
        case Op::lookup: return "lookup";
        case Op::pick: return "pick";
        case Op::make_date: return "make_date";
        case Op::financial_year: return "financial_year";
        case Op::collect: return "collect";
        case Op::cases: return "cases";
        case Op::dated: return "dated";
        case Op::power: return "power";
        case Op::numbers: return "numbers";
        case Op::mean_of: return "mean";
        case Op::median_of: return "median";
        case Op::add_months: return "add_months";
        case Op::months_between: return "months_between";
        case Op::end_of_month: return "end_of_month";
    }
    return "?";
}

// The name of what a node's slot refers to: a param, input, rule, function or table by its name (slots differ
// between versions); a local or a field by its place.
std::string slot_name(const Program& p, const Node& n) {
    const auto at = static_cast<std::size_t>(n.slot);
    auto named = [&](const auto& decls, auto name) { return at < decls.size() ? name(decls[at]) : std::string("?"); };
    if (n.op == Op::param) return named(p.params, [](const ParamDef& d) { return d.name; });
    if (n.op == Op::input) return named(p.inputs, [](const InputDef& d) { return d.path; });
    if (n.op == Op::rule) return named(p.rules, [](const RuleDef& d) { return d.name; });
    if (n.op == Op::call) return named(p.fns, [](const FnDef& d) { return d.name; });
    if (n.op == Op::lookup) return named(p.tables, [](const TableDef& d) { return d.name; });
    return "#" + std::to_string(n.slot);
}

// A node's meaning, and its number when it is a number known without a case (a constant, or arithmetic on them).
struct Meant {
    std::string text;
    std::optional<Number> number;
};

Meant constant_number(const Number& x) { return {"constant " + x.str(), x}; }

// Arithmetic on two numbers known without a case, done (division by zero is left for the run to report).
std::optional<Number> folded(Op op, const Number& a, const Number& b) {
    if (op == Op::add) return a + b;
    if (op == Op::sub) return a - b;
    if (op == Op::mul) return a * b;
    if (op == Op::div && b.sign() != 0) return a / b;
    return std::nullopt;
}

Meant meant(const Program& p, const Node& n) {
    std::vector<Meant> kids;
    for (const auto& k : n.kids) kids.push_back(k ? meant(p, *k) : Meant{"null", std::nullopt});
    if (n.op == Op::constant && n.value.kind == Value::Kind::number) return constant_number(n.value.n());
    if (n.op == Op::neg && kids.size() == 1 && kids[0].number) return constant_number(-*kids[0].number);
    if (kids.size() == 2 && kids[0].number && kids[1].number)
        if (auto x = folded(n.op, *kids[0].number, *kids[1].number)) return constant_number(*x);
    std::string out = op_word(n.op);
    if (n.slot >= 0) out += " " + slot_name(p, n);
    if (n.op == Op::round_) out += std::string(" mode ") + std::string(round_mode_name(n.mode));  // its value is the step as written
    else if (n.value.kind != Value::Kind::none) out += " " + exact_value(n.value);
    if (n.step.sign() != 0) out += " step " + n.step.str();
    out += "(";
    for (std::size_t i = 0; i < kids.size(); ++i) out += (i ? ", " : "") + kids[i].text;
    return {out + ")", std::nullopt};
}

}  // namespace

std::string exact_value(const Value& v) {
    switch (v.kind) {
        case Value::Kind::none: return "none";
        case Value::Kind::number: return v.n().str();
        case Value::Kind::boolean: return v.b() ? "true" : "false";
        case Value::Kind::text: return "\"" + *v.s() + "\"";
        case Value::Kind::date: return format_date(v.n().convert_to<long>());
        case Value::Kind::member: return "member " + v.n().str();
        case Value::Kind::list: {
            std::string out = "[";
            for (std::size_t i = 0; i < v.items().size(); ++i) out += (i ? ", " : "") + exact_value(v.items()[i]);
            return out + "]";
        }
    }
    return "";
}

std::string meaning(const Program& p, const Node* formula) { return formula ? meant(p, *formula).text : ""; }

}  // namespace reckon
