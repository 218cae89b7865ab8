// The parse phase's second half, for declarations: each kind's parts read
// into an ast::Decl (its name, its type and value, a unit's size, a table's
// keys and rows, a test's givens and expectations, a param's values from
// dates and its range), and a report layout item by item.
#include "core/syntax/parse_tree.hpp"

namespace reckon::parse_tree {

// One declaration: `run` and `cohort` mark the declaration they precede; a
// report is read item by item; any other is its kind, then each of its parts.
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
    if (n.is_type<report_decl>()) return report(n);
    ast::Decl d;
    d.where = at(n);
    d.kind = decl_kind(n);
    for (const auto& c : n.children) decl_part(d, *c);
    return d;
}

// The kind of a declaration by its grammar rule (a report's is read by report()).
ast::DeclKind Builder::decl_kind(const Node& n) {
    if (n.is_type<unit_decl>()) return ast::DeclKind::unit;
    if (n.is_type<currency_decl>()) return ast::DeclKind::currency;
    if (n.is_type<param_decl>()) return ast::DeclKind::param;
    if (n.is_type<input_decl>()) return ast::DeclKind::input;
    if (n.is_type<rule_decl>()) return ast::DeclKind::rule;
    if (n.is_type<output_decl>()) return ast::DeclKind::output;
    if (n.is_type<fn_decl>()) return ast::DeclKind::fn;
    if (n.is_type<type_decl>()) return ast::DeclKind::type;
    if (n.is_type<table_decl>()) return ast::DeclKind::table;
    if (n.is_type<require_decl>()) return ast::DeclKind::require;
    if (n.is_type<test_decl>()) return ast::DeclKind::test;
    return ast::DeclKind::import;
}

// One part of a declaration, by the family of declarations it belongs to; a
// node no family reads is left (each node is of one grammar rule, so at most
// one family reads it).
void Builder::decl_part(ast::Decl& d, const Node& c) const {
    if (annotation(d.notes, c) || name_part(d, c) || unit_part(d, c) || value_part(d, c) || table_part(d, c) || test_part(d, c)) return;
    if (c.is_type<dated_value>()) d.dated.push_back(dated_value_of(c));
    else if (c.is_type<param_range>() || c.is_type<param_distribution>()) uncertainty(d.uncertain, c, "param '" + d.name + "'");
}

// What the declaration is called: its name, an input's path, a test's name in
// quotes, an import's file and the names it brings in.
bool Builder::name_part(ast::Decl& d, const Node& c) const {
    if (c.is_type<decl_name>() || c.is_type<input_path>()) {
        d.name = c.string();
        d.name_where = at(c);
    } else if (c.is_type<test_name>() || c.is_type<import_path>()) {
        d.name = unquote(c);
        d.name_where = at(c);
    } else if (c.is_type<import_name>()) {
        d.imported.emplace_back(c.string(), at(c));
    } else {
        return false;
    }
    return true;
}

// A unit's size in another (`unit day = 7.5 hour`), a currency's symbol.
bool Builder::unit_part(ast::Decl& d, const Node& c) const {
    if (c.is_type<unit_factor>()) d.factor_text = c.string();
    else if (c.is_type<unit_base>()) d.base = unit(c);
    else if (c.is_type<currency_symbol_text>()) d.symbol = unquote(c);
    else return false;
    return true;
}

// The type, its bounds, a function's or a figure's parameters, an output's or
// a requirement's label, and the formula or an input's default.
bool Builder::value_part(ast::Decl& d, const Node& c) const {
    if (c.is_type<declared_type>() || c.is_type<input_type>() || c.is_type<type_body>()) {
        d.type = type(c);
    } else if (c.is_type<bound_min>() || c.is_type<bound_max>()) {
        bound(*d.type, c);
    } else if (c.is_type<fn_param>()) {
        ast::Param p;
        p.name = c.children.at(0)->string();
        p.where = at(*c.children[0]);
        p.type = type(*c.children.at(1));
        d.params.push_back(std::move(p));
    } else if (c.is_type<output_label>() || c.is_type<require_message>()) {
        d.label = unquote(c);
    } else if (c.is_type<formula>() || c.is_type<input_default>()) {
        d.body = expr(*c.children.at(0));
    } else {
        return false;
    }
    return true;
}

// A table's keys (each banded or not), its columns and its rows.
bool Builder::table_part(ast::Decl& d, const Node& c) const {
    if (c.is_type<table_key>()) {
        const Node& k = *c.children.at(0);
        d.key_banded.push_back(k.is_type<band_type>());
        d.keys.push_back(type(k.is_type<band_type>() ? *k.children.at(0) : k));
    } else if (c.is_type<table_columns>()) {
        d.columns = type(c);
    } else if (c.is_type<table_row>()) {
        d.rows.push_back(row(c));
    } else {
        return false;
    }
    return true;
}

// A test's case file (or cases, and run data), the values it gives params and the outputs it expects.
bool Builder::test_part(ast::Decl& d, const Node& c) const {
    if (c.is_type<test_case_path>()) {
        d.case_path = unquote(c);
        d.case_where = at(c);
    } else if (c.is_type<test_cases_path>()) {
        d.cases.emplace_back(unquote(c), at(c));
    } else if (c.is_type<test_run_data>()) {
        d.run_data = unquote(c);
        d.run_data_where = at(c);
    } else if (c.is_type<given>()) {
        d.givens.push_back({c.children.at(0)->string(), at(*c.children[0]), expr(*c.children.at(1))});
    } else if (c.is_type<expectation>()) {
        d.expects.push_back(expectation_of(c));
    } else {
        return false;
    }
    return true;
}

// `expect saving == £120`, or of one member of a figure by member: `expect per_hour(Band.band5) == …`
// (of two or more enumerations, their members joined by ", ").
ast::Expectation Builder::expectation_of(const Node& c) const {
    ast::Expectation x{c.children.at(0)->string(), at(*c.children[0]), nullptr, "", {}};
    for (std::size_t k = 1; k < c.children.size(); ++k) {
        if (c.children[k]->is_type<expect_member>()) {
            if (x.member.empty()) x.member_where = at(*c.children[k]);
            x.member += (x.member.empty() ? "" : ", ") + c.children[k]->string();
        } else {
            x.expected = expr(*c.children[k]);
        }
    }
    return x;
}

// One of a param's values from dates: `1,607 hour/year from 2023-04-01 source "…"`.
ast::DatedValue Builder::dated_value_of(const Node& c) const {
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
    return v;
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
                  : c.is_type<report_tornado>() ? K::tornado : c.is_type<report_distribution>() ? K::distribution
                  : c.is_type<report_waterfall>() ? K::waterfall : K::appendix;
        for (const auto& kp : c.children) {
            const Node& k = *kp;
            if (k.is_type<item_title>()) item.title = unquote(k);
            else if (k.is_type<axis_title>()) item.axis = unquote(k);
            else if (k.is_type<share_ref>()) item.share_of = k.string(), item.share_where = at(k);
            else if (k.is_type<member_shares>()) item.member_shares = true, item.member_shares_where = at(k);
            else if (k.is_type<draws_count>()) item.draws = k.string(), item.draws_where = at(k);
            else if (k.is_type<draws_seed>()) item.seed = k.string(), item.seed_where = at(k);
            else if (k.is_type<waterfall_from>()) item.from = unquote(k), item.from_where = at(k);
            else if (k.is_type<waterfall_to>()) item.to = unquote(k), item.to_where = at(k);
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

}  // namespace reckon::parse_tree
