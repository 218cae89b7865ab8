// The parse phase's second half: PEGTL's parse tree to the syntax tree.
// Types, declarations and the header here; expressions in parse_tree_expr.cpp.
#include "core/syntax/parse_tree.hpp"

#include <algorithm>
#include <cctype>

namespace reckon::parse_tree {

ast::TypePtr Builder::type(const Node& n) const {
    auto t = std::make_unique<ast::TypeSyntax>();
    t->where = at(n);
    if (n.is_type<declared_type>() || n.is_type<input_type>() || n.is_type<type_body>())
        return type(*n.children.at(0));
    if (n.is_type<optional_type>()) {
        t->kind = ast::TypeSyntaxKind::optional;
        t->element = type(*n.children.at(0));
    } else if (n.is_type<enum_type>()) {
        t->kind = ast::TypeSyntaxKind::enumeration;
        for (const auto& m : n.children) {
            if (m->is_type<member_label>()) {
                t->member_labels.back() = unquote(*m);
            } else {
                t->members.emplace_back(m->string(), at(*m));
                t->member_labels.emplace_back();
            }
        }
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

void Builder::bound(ast::TypeSyntax& t, const Node& b) const {
    if (b.is_type<bound_min>()) t.min = expr(*b.children.at(0));
    else if (b.is_type<bound_max>()) t.max = expr(*b.children.at(0));
}

// description, source and decimals, wherever they follow a declaration
bool Builder::annotation(ast::Annotations& a, const Node& c) const {
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
    } else if (c.is_type<headline_step>()) {
        a.headline_step = expr(*c.children.at(0));
    } else {
        return false;
    }
    return true;
}

ast::Decl Builder::decl(const Node& n) const {
    if (n.is_type<run_input_decl>()) {
        ast::Decl d = decl(*n.children.at(0));
        d.run = true;
        d.where = at(n);
        return d;
    }
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
        } else if (c.is_type<declared_type>() || c.is_type<input_type>() || c.is_type<type_body>()) {
            d.type = type(c);
        } else if (c.is_type<table_key>()) {
            const Node& k = *c.children.at(0);
            d.key_banded.push_back(k.is_type<band_type>());
            d.keys.push_back(type(k.is_type<band_type>() ? *k.children.at(0) : k));
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
            ast::Expectation x{c.children.at(0)->string(), at(*c.children[0]), nullptr, "", {}};
            for (std::size_t k = 1; k < c.children.size(); ++k) {
                if (c.children[k]->is_type<expect_member>()) {
                    if (x.member.empty()) x.member_where = at(*c.children[k]);
                    x.member += (x.member.empty() ? "" : ", ") + c.children[k]->string();
                } else {
                    x.expected = expr(*c.children[k]);
                }
            }
            d.expects.push_back(std::move(x));
        } else if (c.is_type<dated_value>()) {
            ast::DatedValue v;
            v.where = at(c);
            for (const auto& k : c.children) {
                if (k->is_type<dated_amount>()) v.value = expr(*k->children.at(0));
                else if (k->is_type<dated_from>()) {
                    v.from = make(ast::ExprKind::date, *k);
                    v.from->text = k->string();
                }
                else if (k->is_type<dated_source>()) v.source = unquote(*k);
            }
            d.dated.push_back(std::move(v));
        } else if (c.is_type<param_range>() || c.is_type<param_distribution>()) {
            uncertainty(d.uncertain, c, "param '" + d.name + "'");
        } else if (c.is_type<import_name>()) {
            d.imported.emplace_back(c.string(), at(c));
        } else if (c.is_type<import_path>()) {
            d.name = unquote(c);
            d.name_where = at(c);
        }
    }
    return d;
}

ast::Decl Builder::report(const Node& n) const {
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
                  : c.is_type<report_cases>() ? K::cases : c.is_type<report_list>() ? K::list
                  : c.is_type<report_tornado>() ? K::tornado : c.is_type<report_distribution>() ? K::distribution : K::appendix;
        for (const auto& kp : c.children) {
            const Node& k = *kp;
            if (k.is_type<item_title>()) item.title = unquote(k);
            else if (k.is_type<axis_title>()) item.axis = unquote(k);
            else if (k.is_type<share_ref>()) item.share_of = k.string(), item.share_where = at(k);
            else if (k.is_type<member_shares>()) item.member_shares = true, item.member_shares_where = at(k);
            else if (k.is_type<draws_count>()) item.draws = k.string(), item.draws_where = at(k);
            else if (k.is_type<draws_seed>()) item.seed = k.string(), item.seed_where = at(k);
            else if (k.is_type<report_ref>() || k.is_type<range_low>() || k.is_type<range_high>()) {
                item.refs.emplace_back(k.string(), at(k));
                item.members.emplace_back("", at(k));
            } else if (k.is_type<report_member>() && !item.members.empty()) {  // two or more: "Grade.band5, Edition.x"
                auto& [text, where] = item.members.back();
                if (text.empty()) where = at(k);
                text += (text.empty() ? "" : ", ") + k.string();
            }
        }
        d.items.push_back(std::move(item));
    }
    return d;
}

ast::RowEntry Builder::row_entry(const Node& k) const {
    ast::RowEntry e;
    e.where = at(k);
    if (k.is_type<band_key>()) {
        e.band = std::make_unique<ast::BandSyntax>();
        e.band->text = k.string();
        for (const auto& b : k.children) {
            if (b->is_type<band_over>()) {
                e.band->low_in = false;
            } else if (b->is_type<band_under>()) {
                e.band->high_in = false;
            } else if (b->is_type<band_low>()) {
                e.band->low = expr(*b->children.at(0));
                e.band->low_text = b->string();
            } else if (b->is_type<band_high>()) {
                e.band->high = expr(*b->children.at(0));
                e.band->high_text = b->string();
            }
        }
    } else if (k.is_type<name>()) {
        auto x = make(ast::ExprKind::name, k);
        x->text = k.string();
        x->path = {x->text};
        e.value = std::move(x);
    } else {
        e.value = expr(k);
    }
    return e;
}

// `range LOW to HIGH` or `distributed KIND sd X`, of a param or a table cell (`who`): each said once.
void Builder::uncertainty(std::optional<ast::Uncertainty>& out, const Node& c, const std::string& who) const {
    if (!out) out.emplace();
    ast::Uncertainty& u = *out;
    const bool range = c.is_type<param_range>() || c.is_type<cell_range>();
    if (range ? u.low != nullptr : !u.distribution.empty())
        throw CompileError({Diagnostic{at(c), who + " has a " + (range ? "range" : "distribution") + " already", {}}});
    if (range) u.where = at(c);
    for (const auto& k : c.children) {
        if (k->is_type<uncertain_low>()) u.low = expr(*k->children.at(0));
        else if (k->is_type<uncertain_high>()) u.high = expr(*k->children.at(0));
        else if (k->is_type<uncertain_low_source>()) u.low_source = unquote(*k);
        else if (k->is_type<uncertain_high_source>()) u.high_source = unquote(*k);
        else if (k->is_type<distribution_name>()) u.distribution = k->string(), u.distribution_where = at(*k);
        else if (k->is_type<distribution_sd>()) u.sd = expr(*k->children.at(0));
    }
}

ast::TableRow Builder::row(const Node& n) const {
    ast::TableRow r;
    r.where = at(n);
    for (const auto& c : n.children) {
        if (c->is_type<row_key>() || c->is_type<cell>()) {
            r.entries.push_back(row_entry(*c->children.at(0)));
            for (std::size_t k = 1; k < c->children.size(); ++k)  // a value's range and distribution
                uncertainty(r.entries.back().uncertain, *c->children[k], "this cell");
        } else if (c->is_type<row_source>()) {
            r.source = unquote(*c);
        } else if (c->is_type<row_from>()) {
            r.from = make(ast::ExprKind::date, *c);
            r.from->text = c->string();
        }
    }
    return r;
}

ast::Header Builder::header_of(const Node& n) const {
    ast::Header h;
    h.where = at(n);
    ast::Annotations notes;
    for (const auto& c : n.children) {
        if (c->is_type<ruleset_name>()) h.name = unquote(*c);
        else if (c->is_type<version_text>()) h.version = unquote(*c);
        else if (c->is_type<citation>()) h.sources.push_back(unquote(*c));
        else if (c->is_type<case_id>()) h.case_id = c->string();
        else if (c->is_type<dated_by_name>()) h.dated_by = c->string(), h.dated_by_where = at(*c);
        else if (c->is_type<ignored_column>()) h.ignored_columns.push_back(unquote(*c));
        else if (c->is_type<sheets_day_first>()) h.day_first_dates = true;
        else if (c->is_type<description>()) annotation(notes, *c);
    }
    h.description = notes.description;
    return h;
}

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
