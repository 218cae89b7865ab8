// The parse phase's second half: PEGTL's parse tree to the syntax tree.
// Types, annotations, the header and the whole file here; declarations in
// parse_tree_decl.cpp; expressions in parse_tree_expr.cpp.
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
