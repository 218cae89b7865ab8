// The parse phase's second half: PEGTL's parse tree to the syntax tree.
// The builder reads the nodes the selector kept (parse_tree.hpp) by position.
#include "parse_tree.hpp"

#include <algorithm>
#include <cctype>

namespace reckon::parse_tree {
namespace {

class Builder {
public:
    Builder(const SourceFile* file, std::uint64_t expression_depth) : file_(file), expression_depth_(expression_depth) {}

    Location at(const Node& n) const {
        // m_begin, not begin(): begin() would copy the input's name, which the tree outlives
        auto b = static_cast<std::uint32_t>(n.m_begin.byte);
        auto len = n.has_content() ? static_cast<std::uint32_t>(n.string_view().size()) : 1u;
        return Location{file_, b, len ? len : 1u};
    }

    static std::string text_of(const Node& n) { return n.string(); }

    // A small whole number written in the grammar (a power, decimals), at most `max`.
    int small_number(const Node& n, const std::string& digits, int max, const char* what) const {
        bool negative = !digits.empty() && digits[0] == '-';
        std::string d = negative ? digits.substr(1) : digits;
        if (d.size() > 3 || std::stoi(d) > max)
            throw CompileError({Diagnostic{at(n), std::string(what) + " must be at most " + std::to_string(max), {}}});
        return negative ? -std::stoi(d) : std::stoi(d);
    }

    // "a \"b\"" -> a "b"
    static std::string unquote(const Node& n) {
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

    ast::UnitSyntax unit(const Node& n) const {
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

    ast::ExprPtr make(ast::ExprKind kind, const Node& n) const {
        auto e = std::make_unique<ast::Expr>();
        e->kind = kind;
        e->where = at(n);
        return e;
    }

    static bool is_op(const Node& n) {
        return n.is_type<mul_op>() || n.is_type<add_op>() || n.is_type<cmp_op>() || n.is_type<and_op>() ||
               n.is_type<or_op>() || n.is_type<otherwise_op>();
    }

    // Sets e's depth from its kids'; an expression deeper than the limit is an error.
    ast::ExprPtr deepen(ast::ExprPtr e) const {
        for (const auto& k : e->kids)
            if (k) e->depth = std::max(e->depth, k->depth + 1);
        if (e->depth > expression_depth_)
            throw CompileError({Diagnostic{e->where, "this expression is more than " + std::to_string(expression_depth_) +
                                                         " levels deep (the limit can be raised with --limit expression-depth=N)", {}}});
        return e;
    }

    ast::ExprPtr expr(const Node& n) const { return deepen(expr_node(n)); }

    // A number (with its unit or %), an amount of money, a date, a text, none, []; null for anything else.
    ast::ExprPtr literal(const Node& n) const {
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
    ast::ExprPtr call_node(const Node& n) const {
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

    ast::ExprPtr expr_node(const Node& n) const {
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

    ast::TypePtr type(const Node& n) const {
        auto t = std::make_unique<ast::TypeSyntax>();
        t->where = at(n);
        if (n.is_type<declared_type>() || n.is_type<input_type>() || n.is_type<type_body>() || n.is_type<table_key>())
            return type(*n.children.at(0));
        if (n.is_type<optional_type>()) {
            t->kind = ast::TypeSyntaxKind::optional;
            t->element = type(*n.children.at(0));
        } else if (n.is_type<enum_type>()) {
            t->kind = ast::TypeSyntaxKind::enumeration;
            for (const auto& m : n.children) t->members.emplace_back(m->string(), at(*m));
        } else if (n.is_type<named_type>()) {
            t->kind = ast::TypeSyntaxKind::named;
            t->unit = unit(n);
        } else if (n.is_type<list_type>()) {
            t->kind = ast::TypeSyntaxKind::list;
            t->element = type(*n.children.at(0));
            for (std::size_t i = 1; i < n.children.size(); ++i) bound(*t->element, *n.children[i]);
        } else {  // record_type, type_body
            t->kind = ast::TypeSyntaxKind::record;
            for (const auto& f : n.children) {
                ast::Field field;
                field.name = f->children.at(0)->string();
                field.where = at(*f->children[0]);
                field.type = type(*f->children.at(1));
                for (std::size_t i = 2; i < f->children.size(); ++i) bound(*field.type, *f->children[i]);
                t->fields.push_back(std::move(field));
            }
        }
        return t;
    }

    void bound(ast::TypeSyntax& t, const Node& b) const {
        if (b.is_type<bound_min>()) t.min = expr(*b.children.at(0));
        else if (b.is_type<bound_max>()) t.max = expr(*b.children.at(0));
    }

    // description, source and decimals, wherever they follow a declaration
    bool annotation(ast::Annotations& a, const Node& c) const {
        if (c.is_type<description>()) {
            if (!a.description.empty()) a.description += " ";
            a.description += unquote(c);
        } else if (c.is_type<citation>()) {
            if (!a.source.empty()) a.source += "; ";
            a.source += unquote(c);
        } else if (c.is_type<decimals_value>()) {
            a.decimals = small_number(c, c.string(), 30, "decimals");
            a.decimals_where = at(c);
        } else if (c.is_type<percent_note>()) {
            a.percent = true;
            a.percent_where = at(c);
        } else {
            return false;
        }
        return true;
    }

    ast::Decl decl(const Node& n) const {
        if (n.is_type<cohort_decl>()) {
            ast::Decl d = decl(*n.children.at(0));
            d.cohort = true;
            d.where = at(n);
            return d;
        }
        ast::Decl d;
        d.where = at(n);
        if (n.is_type<unit_decl>()) d.kind = ast::DeclKind::unit;
        else if (n.is_type<currency_decl>()) d.kind = ast::DeclKind::currency;
        else if (n.is_type<param_decl>()) d.kind = ast::DeclKind::param;
        else if (n.is_type<input_decl>()) d.kind = ast::DeclKind::input;
        else if (n.is_type<rule_decl>()) d.kind = ast::DeclKind::rule;
        else if (n.is_type<output_decl>()) d.kind = ast::DeclKind::output;
        else if (n.is_type<fn_decl>()) d.kind = ast::DeclKind::fn;
        else if (n.is_type<type_decl>()) d.kind = ast::DeclKind::type;
        else if (n.is_type<table_decl>()) d.kind = ast::DeclKind::table;
        else if (n.is_type<require_decl>()) d.kind = ast::DeclKind::require;
        else if (n.is_type<test_decl>()) d.kind = ast::DeclKind::test;
        else if (n.is_type<report_decl>()) return report(n);
        else d.kind = ast::DeclKind::import;

        for (const auto& cp : n.children) {
            const Node& c = *cp;
            if (annotation(d.notes, c)) continue;
            if (c.is_type<decl_name>() || c.is_type<input_path>()) {
                d.name = c.string();
                d.name_where = at(c);
            } else if (c.is_type<unit_factor>()) {
                d.factor_text = c.string();
            } else if (c.is_type<unit_base>()) {
                d.base = unit(c);
            } else if (c.is_type<currency_symbol_text>()) {
                d.symbol = unquote(c);
            } else if (c.is_type<declared_type>() || c.is_type<input_type>() || c.is_type<type_body>() ||
                       c.is_type<table_key>()) {
                d.type = type(c);
            } else if (c.is_type<table_columns>()) {
                d.columns = type(c);
            } else if (c.is_type<table_row>()) {
                d.rows.push_back(row(c));
            } else if (c.is_type<require_message>()) {
                d.label = unquote(c);
            } else if (c.is_type<bound_min>() || c.is_type<bound_max>()) {
                bound(*d.type, c);
            } else if (c.is_type<output_label>()) {
                d.label = unquote(c);
            } else if (c.is_type<formula>() || c.is_type<input_default>()) {
                d.body = expr(*c.children.at(0));
            } else if (c.is_type<fn_param>()) {
                ast::Param p;
                p.name = c.children.at(0)->string();
                p.where = at(*c.children[0]);
                p.type = type(*c.children.at(1));
                d.params.push_back(std::move(p));
            } else if (c.is_type<test_name>()) {
                d.name = unquote(c);
                d.name_where = at(c);
            } else if (c.is_type<test_case_path>()) {
                d.case_path = unquote(c);
                d.case_where = at(c);
            } else if (c.is_type<given>()) {
                d.givens.push_back({c.children.at(0)->string(), at(*c.children[0]), expr(*c.children.at(1))});
            } else if (c.is_type<expectation>()) {
                d.expects.push_back({c.children.at(0)->string(), at(*c.children[0]), expr(*c.children.at(1))});
            } else if (c.is_type<import_path>()) {
                d.name = unquote(c);
                d.name_where = at(c);
            }
        }
        return d;
    }

    ast::Decl report(const Node& n) const {
        ast::Decl d;
        d.kind = ast::DeclKind::report;
        d.where = at(n);
        using K = ast::ReportItemKind;
        for (const auto& cp : n.children) {
            const Node& c = *cp;
            if (c.is_type<report_title>()) {
                d.label = unquote(c);
                d.name_where = at(c);
                continue;
            }
            if (annotation(d.notes, c)) continue;
            ast::ReportItem item;
            item.where = at(c);
            item.kind = c.is_type<report_section>() ? K::section : c.is_type<report_text>() ? K::text
                      : c.is_type<report_headline>() ? K::headline : c.is_type<report_range>() ? K::range
                      : c.is_type<report_table>() ? K::table : c.is_type<report_chart>() ? K::chart
                      : c.is_type<report_cases>() ? K::cases : c.is_type<report_list>() ? K::list : K::appendix;
            for (const auto& kp : c.children) {
                const Node& k = *kp;
                if (k.is_type<item_title>()) item.title = unquote(k);
                else if (k.is_type<axis_title>()) item.axis = unquote(k);
                else if (k.is_type<share_ref>()) item.share_of = k.string(), item.share_where = at(k);
                else if (k.is_type<report_ref>() || k.is_type<range_low>() || k.is_type<range_high>())
                    item.refs.emplace_back(k.string(), at(k));
            }
            d.items.push_back(std::move(item));
        }
        return d;
    }

    ast::TableRow row(const Node& n) const {
        ast::TableRow r;
        r.where = at(n);
        for (const auto& c : n.children) {
            if (c->is_type<row_key>()) {
                const Node& k = *c->children.at(0);
                if (k.is_type<name>()) {
                    auto e = make(ast::ExprKind::name, k);
                    e->text = k.string();
                    e->path = {e->text};
                    r.key = std::move(e);
                } else {
                    r.key = expr(k);
                }
            } else if (c->is_type<cell>()) {
                r.cells.push_back(expr(*c->children.at(0)));
            }
        }
        return r;
    }

    ast::Header header_of(const Node& n) const {
        ast::Header h;
        h.where = at(n);
        ast::Annotations notes;
        for (const auto& c : n.children) {
            if (c->is_type<ruleset_name>()) h.name = unquote(*c);
            else if (c->is_type<version_text>()) h.version = unquote(*c);
            else if (c->is_type<citation>()) h.sources.push_back(unquote(*c));
            else if (c->is_type<case_id>()) h.case_id = c->string();
            else if (c->is_type<description>()) annotation(notes, *c);
        }
        h.description = notes.description;
        return h;
    }

private:
    const SourceFile* file_;
    std::uint64_t expression_depth_;
};

}  // namespace

ast::Module module_of(const Node& root, SourcePtr source, std::uint64_t expression_depth) {
    Builder b(source.get(), expression_depth);
    ast::Module m;
    m.source = source;
    for (const auto& c : root.children) {
        if (c->is_type<grammar::header>()) m.header = b.header_of(*c);
        else m.decls.push_back(b.decl(*c));
    }
    return m;
}

ast::ExprPtr expression_of(const Node& root, const SourceFile* file, std::uint64_t expression_depth) {
    return Builder(file, expression_depth).expr(*root.children.at(0));
}

}  // namespace reckon::parse_tree
