#include "commands/present/canonical.hpp"

#include "core/base/number.hpp"

#include <algorithm>

namespace reckon {
namespace {

// Binding strength, loosest first, as in the grammar.
int strength(ast::Operator op) {
    using O = ast::Operator;
    switch (op) {
        case O::or_: return 1;
        case O::and_: return 2;
        case O::not_: return 3;
        case O::eq:
        case O::ne:
        case O::lt:
        case O::le:
        case O::gt:
        case O::ge:
        case O::is_given: return 4;
        case O::otherwise: return 6;
        case O::add:
        case O::sub: return 7;
        case O::mul:
        case O::div: return 8;
        case O::neg: return 9;
    }
    return 10;
}

int strength(const ast::Expr& e) {
    using K = ast::ExprKind;
    switch (e.kind) {
        case K::if_:
        case K::let_: return 0;
        case K::binary:
        case K::unary: return strength(e.op);
        case K::convert: return 5;
        case K::number:
        case K::percent:
        case K::money:
        case K::text:
        case K::boolean:
        case K::date:
        case K::none:
        case K::empty_list:
        case K::name:
        case K::field:
        case K::call:
        case K::aggregate: return 10;
    }
    return 10;
}

std::string wrap(const ast::Expr& e, int at_least) {
    std::string s = canonical(e);
    return strength(e) < at_least ? "(" + s + ")" : s;
}

// after `in` (a list, a let's body) a conversion or an if needs parentheses
std::string before_in(const ast::Expr& e) {
    std::string s = canonical(e);
    int k = strength(e);
    return k == 0 || k == 5 ? "(" + s + ")" : s;
}

std::string unit_text(const ast::UnitSyntax& u) {
    std::string out;
    for (std::size_t i = 0; i < u.terms.size(); ++i) {
        const auto& t = u.terms[i];
        int p = t.power < 0 ? -t.power : t.power;
        if (i) out += t.power < 0 ? "/" : "*";
        out += t.name + (p != 1 ? "^" + std::to_string(p) : "");
    }
    return out;
}

// A number as written, without its thousands separators.
std::string ungrouped(std::string digits) {
    digits.erase(std::remove(digits.begin(), digits.end(), ','), digits.end());
    return digits;
}

// An amount of money, grouped in threes however it was written, with what it is per: "£5,543/year".
std::string money_text(const ast::Expr& money, const std::string& per) {
    return money.text + group_thousands(ungrouped(money.value_text)) + per;
}

// A text in quotes, as written in a rule file.
std::string quoted(const std::string& text) {
    std::string q = "\"";
    for (char c : text) q += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
    return q + "\"";
}

}  // namespace

std::string canonical(const ast::Expr& e) {
    using K = ast::ExprKind;
    switch (e.kind) {
        case K::number: return ungrouped(e.text) + (e.unit.terms.empty() ? "" : " " + unit_text(e.unit));  // 1,650 is 1650
        case K::percent: return ungrouped(e.text) + "%";
        case K::money: return money_text(e, e.unit.text);  // a rate's unit as written: "/year"
        case K::text: return quoted(e.text);
        case K::boolean:
        case K::date: return e.text;
        case K::none: return "none";
        case K::empty_list: return "[]";
        case K::name: return e.text;
        case K::field: return wrap(*e.kids[0], 10) + "." + e.text;
        case K::unary:
            if (e.op == ast::Operator::is_given) return wrap(*e.kids[0], 5) + " is given";
            if (e.op == ast::Operator::not_) return "not " + wrap(*e.kids[0], 3);
            return "-" + wrap(*e.kids[0], 9);
        case K::binary: {
            // `£32,000 / 1 year` is the money rate `£32,000/year`, as fmt writes it
            if (e.op == ast::Operator::div && e.kids[0]->kind == K::money && e.kids[0]->unit.terms.empty() &&
                e.kids[1]->kind == K::number && e.kids[1]->text == "1" && e.kids[1]->unit.terms.size() == 1 &&
                e.kids[1]->unit.terms[0].power == 1)
                return money_text(*e.kids[0], "/" + e.kids[1]->unit.terms[0].name);
            int s = strength(e);
            // left-associative: the right operand binds tighter unless it is of a stronger level
            return wrap(*e.kids[0], s) + " " + ast::operator_text(e.op) + " " + wrap(*e.kids[1], s + 1);
        }
        case K::if_:
            return "if " + canonical(*e.kids[0]) + " then " + canonical(*e.kids[1]) + " else " + canonical(*e.kids[2]);
        case K::let_: return "let " + e.var + " = " + before_in(*e.kids[0]) + " in " + canonical(*e.kids[1]);
        case K::call: {
            std::string out = e.text + "(";
            for (std::size_t i = 0; i < e.kids.size(); ++i) out += (i ? ", " : "") + canonical(*e.kids[i]);
            return out + ")";
        }
        case K::aggregate: {
            std::string out = e.text + "(";
            if (e.kids[0]) out += canonical(*e.kids[0]) + " for ";
            out += e.var + " in " + before_in(*e.kids[1]);
            if (e.kids[2]) out += " where " + canonical(*e.kids[2]);
            return out + ")";
        }
        case K::convert: return wrap(*e.kids[0], 6) + " in " + unit_text(e.unit);
    }
    return "";
}

std::string canonical(const ast::TypeSyntax& t) {
    std::string bounds = (t.min ? " min " + canonical(*t.min) : "") + (t.max ? " max " + canonical(*t.max) : "");
    switch (t.kind) {
        case ast::TypeSyntaxKind::named: return unit_text(t.unit) + bounds;
        case ast::TypeSyntaxKind::list: return "list of " + canonical(*t.element) + bounds;
        case ast::TypeSyntaxKind::optional: return "optional " + canonical(*t.element);
        case ast::TypeSyntaxKind::record: {
            std::string out = "{";
            for (std::size_t i = 0; i < t.fields.size(); ++i) out += (i ? ", " : "") + t.fields[i].name + ": " + canonical(*t.fields[i].type);
            return out + "}";
        }
        case ast::TypeSyntaxKind::enumeration: {
            std::string out = "one of ";
            for (std::size_t i = 0; i < t.members.size(); ++i)  // with its label: a new label changes what readers see
                out += (i ? ", " : "") + t.members[i].first +
                       (i < t.member_labels.size() && !t.member_labels[i].empty() ? " " + quoted(t.member_labels[i]) : "");
            return out;
        }
    }
    return "";
}

}  // namespace reckon
