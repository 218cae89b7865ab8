// The declare phase, for types: units and their conversions, record types and
// enumerations (their names first, so records may refer to each other in any
// order), and the types and units as written in declarations, with their
// bounds (min, max).
#include "core/base/nearest_names.hpp"
#include "core/check/check.hpp"

namespace reckon {

void Checker::declare_units(const std::vector<const ast::Decl*>& decls) {
    for (const auto* d : decls) {
        if (d->kind != ast::DeclKind::unit && d->kind != ast::DeclKind::currency) continue;
        if (p_.units.find(d->name) >= 0) {
            error(d->name_where, "unit '" + d->name + "' is already declared",
                  {"the first declaration is at " + p_.units.def(p_.units.find(d->name)).where.str()});
            continue;
        }
        UnitDef u;
        u.name = d->name;
        u.where = d->name_where;
        u.description = d->notes.description;
        u.source = d->notes.source;
        if (d->kind == ast::DeclKind::currency) {
            u.currency = true;
            u.symbol = d->symbol;
        } else if (!d->factor_text.empty()) {
            Unit base = unit_of(d->base);
            auto factor = parse_decimal(d->factor_text);
            if (!factor || *factor <= 0) {
                error(d->name_where, "a unit's size must be a positive number");
                continue;
            }
            u.scale = *factor * p_.units.scale(base);
            u.dimension = p_.units.dimension(base);
            if (u.dimension.empty()) {
                error(d->base.where, "unit '" + d->name + "' must be defined in terms of a declared unit");
                continue;
            }
        }
        p_.units.add(std::move(u));
    }
}

void Checker::declare_records(const std::vector<const ast::Decl*>& decls) {
    // names first, so records may refer to each other in any order
    for (const auto* d : decls) {
        if (d->kind != ast::DeclKind::type || !claim(d->name, d->name_where)) continue;
        if (d->type && d->type->kind == ast::TypeSyntaxKind::enumeration) {
            auto e = std::make_unique<EnumDef>();
            e->name = d->name;
            e->where = d->name_where;
            for (std::size_t k = 0; k < d->type->members.size(); ++k) {
                const auto& [m, where] = d->type->members[k];
                if (e->member(m) >= 0) {
                    error(where, "'" + m + "' appears twice in '" + d->name + "'");
                    continue;
                }
                e->members.push_back(m);
                e->labels.push_back(d->type->member_labels[k]);
                e->member_where.push_back(where);
            }
            enums_[d->name] = static_cast<int>(p_.enums.size());
            p_.enums.push_back(std::move(e));
            continue;
        }
        auto r = std::make_unique<RecordDef>();
        r->name = d->name;
        r->where = d->name_where;
        records_[d->name] = static_cast<int>(p_.records.size());
        p_.records.push_back(std::move(r));
    }
    for (const auto* d : decls) {
        if (d->kind != ast::DeclKind::type) continue;
        auto it = records_.find(d->name);
        if (it == records_.end() || !d->type) continue;
        RecordDef& r = *p_.records[it->second];
        if (!r.fields.empty()) continue;  // a duplicate declaration
        for (const auto& f : d->type->fields) {
            if (r.field(f.name) >= 0) error(f.where, "field '" + f.name + "' appears twice in record '" + d->name + "'");
            FieldDef fd;
            fd.name = f.name;
            fd.where = f.where;
            fd.type = type_of(*f.type, &fd.bounds);
            r.fields.push_back(std::move(fd));
        }
    }
}

// A type as written; bounds (min/max) go to *bounds when given.
Type Checker::type_of(const ast::TypeSyntax& t, Bounds* bounds) {
    Type result;
    switch (t.kind) {
        case ast::TypeSyntaxKind::optional:
            result = type_of(*t.element, bounds);
            result.optional = true;
            return result;
        case ast::TypeSyntaxKind::enumeration:
            error(t.where, "an enumeration is declared on its own, with a name: type Status = one of a, b, c");
            return result;
        case ast::TypeSyntaxKind::list:
            result = Type::list_of(type_of(*t.element, bounds));  // bounds on a list bound its elements
            break;
        case ast::TypeSyntaxKind::record: {
            auto r = std::make_unique<RecordDef>();
            r->where = t.where;
            for (const auto& f : t.fields) {
                FieldDef fd;
                fd.name = f.name;
                fd.where = f.where;
                fd.type = type_of(*f.type, &fd.bounds);
                r->fields.push_back(std::move(fd));
            }
            result.kind = TypeKind::record;
            result.record = r.get();
            p_.records.push_back(std::move(r));
            break;
        }
        case ast::TypeSyntaxKind::named: {
            const auto& terms = t.unit.terms;
            if (terms.size() == 1 && terms[0].power == 1) {
                const std::string& n = terms[0].name;
                if (n == "number") result = Type::number();
                else if (n == "bool") result = Type::of(TypeKind::boolean);
                else if (n == "text") result = Type::of(TypeKind::text);
                else if (n == "date") result = Type::of(TypeKind::date);
                else if (records_.count(n)) {
                    if (!sees(n, p_.records[records_[n]]->where, terms[0].where)) return Type{};
                    result.kind = TypeKind::record;
                    result.record = p_.records[records_[n]].get();
                } else if (enums_.count(n)) {
                    if (!sees(n, p_.enums[enums_[n]]->where, terms[0].where)) return Type{};
                    result = Type::enum_of(p_.enums[enums_[n]].get());
                }
                if (!result.is_error()) break;
            }
            const std::size_t before = diags_.size();
            result = Type::number(unit_of(t.unit));
            if (diags_.size() != before) result = Type{};  // an unknown or unseen unit: one error, not others after it
            break;
        }
    }
    if (bounds) {
        if (t.min) bounds->min = bound_value(*t.min, result);
        if (t.max) bounds->max = bound_value(*t.max, result);
    } else if (t.min || t.max) {
        error((t.min ? t.min : t.max)->where, "bounds (min, max) are allowed only on inputs and record fields");
    }
    return result;
}

std::optional<Number> Checker::bound_value(const ast::Expr& e, const Type& t) {
    if (t.kind != TypeKind::number) {
        error(e.where, "only numbers can have bounds (min, max); this is " + describe(t));
        return std::nullopt;
    }
    // A bound is a literal: `min 0`, `max 200 hour`. A plain number is in the input's own unit.
    if ((e.kind == ast::ExprKind::number && e.unit.terms.empty()) ||
        (e.kind == ast::ExprKind::unary && e.kids[0]->kind == ast::ExprKind::number && e.kids[0]->unit.terms.empty())) {
        const auto& lit = e.kind == ast::ExprKind::unary ? *e.kids[0] : e;
        Number v = *parse_decimal(lit.text, true) * p_.units.scale(t.unit);
        return e.kind == ast::ExprKind::unary ? Number(-v) : v;
    }
    NodePtr n = constant(e, t, "the bound");
    if (!n) return std::nullopt;
    if (n->op != Op::constant) {
        error(e.where, "a bound must be a number written out, such as 0 or 200 hour");
        return std::nullopt;
    }
    return n->value.n();
}

Unit Checker::unit_of(const ast::UnitSyntax& u) {
    Unit result;
    for (const auto& term : u.terms) {
        int id = p_.units.find(term.name);
        if (id < 0) {
            std::vector<std::string> notes;
            std::vector<std::string> kinds{"number", "text", "bool", "date"};  // what a unit or a type may be: not a rule's name
            for (const auto& un : p_.units.all()) kinds.push_back(un.name);
            for (const auto& [n, _] : enums_) kinds.push_back(n);
            for (const auto& [n, _] : records_) kinds.push_back(n);
            std::string s = closest_name(term.name, kinds);
            if (!s.empty()) notes.push_back("did you mean '" + s + "'?");
            error(term.where, "unknown unit or type '" + term.name + "'", notes);
            continue;
        }
        if (!sees(term.name, p_.units.def(id).where, term.where)) continue;
        result = result.times(Unit::of(id).power(term.power));
    }
    return result;
}


}  // namespace reckon
