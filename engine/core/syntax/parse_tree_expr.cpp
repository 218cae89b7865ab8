// The parse phase's second half, for expressions: literals, names, operators
// (folded to the left), conditions, calls and folds over lists, each with its
// source range and its depth (checked against the expression-depth limit).
#include "core/syntax/parse_tree.hpp"

#include <algorithm>
#include <cctype>

namespace reckon::parse_tree {

Location Builder::at(const Node& n) const {
    // m_begin, not begin(): begin() would copy the input's name, which the tree outlives
    auto b = static_cast<std::uint32_t>(n.m_begin.byte);
    auto len = n.has_content() ? static_cast<std::uint32_t>(n.string_view().size()) : 1u;
    return Location{file_, b, len ? len : 1u};
}

std::string Builder::text_of(const Node& n) { return n.string(); }

// A small whole number written in the grammar (a power, decimals), at most `max`.
int Builder::small_number(const Node& n, const std::string& digits, int max, const char* what) const {
    bool negative = !digits.empty() && digits[0] == '-';
    std::string d = negative ? digits.substr(1) : digits;
    if (d.size() > 3 || std::stoi(d) > max)
        throw CompileError({Diagnostic{at(n), std::string(what) + " must be at most " + std::to_string(max), {}}});
    return negative ? -std::stoi(d) : std::stoi(d);
}

// "a \"b\"" -> a "b"
std::string Builder::unquote(const Node& n) {
    std::string_view s = n.string_view();
    s = s.substr(1, s.size() - 2);
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            char c = s[++i];
            out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
        } else {
            out += s[i];
        }
    }
    return out;
}

ast::UnitSyntax Builder::unit(const Node& n) const {
    ast::UnitSyntax u;
    u.where = at(n);
    u.text = text_of(n);
    int sign = 1;
    for (const auto& c : n.children) {
        if (c->is_type<unit_op>()) {
            sign = c->string_view() == "/" ? -1 : 1;
        } else if (c->is_type<unit_term>()) {
            ast::UnitTerm t;
            t.where = at(*c);
            t.name = c->children.at(0)->string();
            int power = 1;
            if (c->children.size() > 1) power = small_number(*c->children[1], c->children[1]->string().substr(1), 12, "a unit's power");
            t.power = sign * power;
            u.terms.push_back(std::move(t));
        }
    }
    return u;
}

ast::ExprPtr Builder::make(ast::ExprKind kind, const Node& n) const {
    auto e = std::make_unique<ast::Expr>();
    e->kind = kind;
    e->where = at(n);
    return e;
}

bool Builder::is_op(const Node& n) {
    return n.is_type<mul_op>() || n.is_type<add_op>() || n.is_type<cmp_op>() || n.is_type<and_op>() ||
           n.is_type<or_op>() || n.is_type<otherwise_op>();
}

// Sets e's depth from its kids'; an expression deeper than the limit is an error.
ast::ExprPtr Builder::deepen(ast::ExprPtr e) const {
    for (const auto& k : e->kids)
        if (k) e->depth = std::max(e->depth, k->depth + 1);
    if (e->depth > expression_depth_)
        throw CompileError({Diagnostic{e->where, "this expression is more than " + std::to_string(expression_depth_) +
                                                     " levels deep (the limit can be raised with --limit expression-depth=N)", {}}});
    return e;
}

ast::ExprPtr Builder::expr(const Node& n) const { return deepen(expr_node(n)); }

// A number (with its unit or %), an amount of money, a date, a text, none, []; null for anything else.
ast::ExprPtr Builder::literal(const Node& n) const {
    using K = ast::ExprKind;
    if (n.is_type<number_lit>()) {
        const Node& digits = *n.children.at(0);
        bool percent = n.children.size() > 1 && n.children[1]->is_type<percent_sign>();
        auto e = make(percent ? K::percent : K::number, n);
        e->text = digits.string();
        if (n.children.size() > 1 && n.children[1]->is_type<unit_suffix>()) e->unit = unit(*n.children[1]);
        return e;
    }
    if (n.is_type<money_lit>()) {
        auto e = make(K::money, n);
        e->text = n.children.at(0)->string();
        e->value_text = n.children.at(1)->string();
        if (n.children.size() > 2) {  // per a unit: £5,543/year
            e->unit = unit(*n.children[2]);
            for (auto& t : e->unit.terms) t.power = -t.power;
        }
        return e;
    }
    if (n.is_type<date_lit>()) {
        auto e = make(K::date, n);
        e->text = n.string();
        return e;
    }
    if (n.is_type<string_lit>()) {
        auto e = make(K::text, n);
        e->text = unquote(n);
        return e;
    }
    if (n.is_type<none_lit>()) return make(K::none, n);
    if (n.is_type<empty_list>()) return make(K::empty_list, n);
    return nullptr;
}

// f(a, b), a table's row, a figure's member; sum(x.hours for x in list where …)
ast::ExprPtr Builder::call_node(const Node& n) const {
    using K = ast::ExprKind;
    const std::string fname = n.children.at(0)->string();
    const Location callee_at = at(*n.children[0]);
    if (n.children.size() > 1 && (n.children[1]->is_type<for_form>() || n.children[1]->is_type<where_form>())) {
        const Node& f = *n.children[1];
        auto e = make(K::aggregate, n);
        e->text = fname;
        e->var_where = callee_at;
        std::size_t i = 0;
        if (f.is_type<for_form>()) e->kids.push_back(expr(*f.children.at(i++)));
        else e->kids.push_back(nullptr);
        e->var = f.children.at(i)->string();
        e->var_where = at(*f.children[i]);
        ++i;
        e->kids.push_back(expr(*f.children.at(i++)));
        e->kids.push_back(i < f.children.size() ? expr(*f.children[i]) : nullptr);
        return e;
    }
    auto e = make(K::call, n);
    e->text = fname;
    e->path = ast::split_path(fname);
    e->var_where = callee_at;
    for (std::size_t i = 1; i < n.children.size(); ++i) e->kids.push_back(expr(*n.children[i]));
    return e;
}

ast::ExprPtr Builder::expr_node(const Node& n) const {
    using K = ast::ExprKind;
    if (n.is_type<name_ref>()) {
        auto e = make(K::name, n);
        e->text = n.string();
        e->path = ast::split_path(e->text);
        return e;
    }
    if (ast::ExprPtr e = literal(n)) return e;
    if (n.is_type<selection>()) {
        ast::ExprPtr base = expr(*n.children.at(0));
        for (std::size_t i = 1; i < n.children.size(); ++i) {
            auto e = make(K::field, *n.children[i]);
            e->text = n.children[i]->string();
            e->kids.push_back(std::move(base));
            base = deepen(std::move(e));
        }
        return base;
    }
    if (n.children.size() == 2 && n.children[1]->is_type<given_test>()) {
        auto e = make(K::unary, *n.children[1]);
        e->op = ast::Operator::is_given;
        e->kids.push_back(expr(*n.children[0]));
        return e;
    }
    if (n.is_type<true_lit>() || n.is_type<false_lit>()) {
        auto e = make(K::boolean, n);
        e->text = n.is_type<true_lit>() ? "true" : "false";
        return e;
    }
    if (n.is_type<negation>()) {
        auto e = make(K::unary, n);
        e->op = ast::Operator::neg;
        e->kids.push_back(expr(*n.children.at(0)));
        return e;
    }
    if (!n.children.empty() && n.children[0]->is_type<not_op>()) {
        auto e = make(K::unary, n);
        e->op = ast::Operator::not_;
        e->kids.push_back(expr(*n.children.at(1)));
        return e;
    }
    if (n.children.size() >= 3 && is_op(*n.children[1])) {
        // a op b op c ... folds to the left
        ast::ExprPtr left = expr(*n.children[0]);
        for (std::size_t i = 1; i + 1 < n.children.size(); i += 2) {
            auto e = make(K::binary, *n.children[i]);
            e->op = *ast::binary_operator(n.children[i]->string_view());  // the grammar admits only these
            e->kids.push_back(std::move(left));
            e->kids.push_back(expr(*n.children[i + 1]));
            left = deepen(std::move(e));
        }
        return left;
    }
    if (n.children.size() == 2 && n.children[1]->is_type<target_unit>()) {
        auto e = make(K::convert, *n.children[1]);
        e->kids.push_back(expr(*n.children[0]));
        e->unit = unit(*n.children[1]);
        return e;
    }
    if (n.is_type<if_expr>()) {
        auto e = make(K::if_, n);
        for (const auto& c : n.children) e->kids.push_back(expr(*c));
        return e;
    }
    if (n.is_type<let_expr>()) {
        auto e = make(K::let_, n);
        e->var = n.children.at(0)->string();
        e->var_where = at(*n.children[0]);
        e->kids.push_back(expr(*n.children.at(1)));
        e->kids.push_back(expr(*n.children.at(2)));
        return e;
    }
    if (n.is_type<call>()) return call_node(n);
    if (n.children.size() == 1) return expr(*n.children[0]);  // a kept wrapper
    throw CompileError({Diagnostic{at(n), "internal error: unexpected syntax node " + std::string(n.type), {}}});
}

}  // namespace reckon::parse_tree
