// The declare phase: units and their conversions, record types and
// enumerations, every name (duplicates reported), the case schema from the
// inputs, the tests; and the types and units as written. The declarations'
// formulas are checked afterwards (check_declarations.cpp).
#include "core/check/check.hpp"

#include <algorithm>

namespace reckon {

void Checker::error(Location where, std::string message, std::vector<std::string> notes) {
    diags_.push_back(Diagnostic{where, std::move(message), std::move(notes)});
}

bool Checker::claim(const std::string& name, Location where) {
    auto [it, fresh] = declared_.emplace(name, where);
    if (!fresh) error(where, "'" + name + "' is already declared", {"the first declaration is at " + it->second.str()});
    return fresh;
}

void Checker::declare(const std::vector<const ast::Module*>& modules) {
    std::vector<const ast::Decl*> decls;
    for (const auto* m : modules) {
        for (const auto& d : m->decls) decls.push_back(&d);
        if (m->header && !m->header->dated_by.empty()) dated_by_[m->source.get()] = {m->header->dated_by, m->header->dated_by_where};
    }
    declare_units(decls);
    declare_records(decls);
    declare_names(decls);
    auto cases = std::make_unique<RecordDef>();
    cases->name = "case";
    case_record_ = cases.get();
    p_.records.push_back(std::move(cases));
}

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

void Checker::declare_names(const std::vector<const ast::Decl*>& decls) {
    for (const auto* d : decls) {
        switch (d->kind) {
            case ast::DeclKind::param:
                if (!claim(d->name, d->name_where)) break;
                if (!d->dated.empty() && std::any_of(decls.begin(), decls.end(), [&](const ast::Decl* x) {
                        return x->kind == ast::DeclKind::input && x->name == dated_by(*d).first;
                    })) {  // its value is picked by each case's date: a rule of each case, not a param of the run
                    rules_[d->name] = add_rule(*d);
                    p_.rules[rules_[d->name]].dated.by_input = true;
                    p_.rules[rules_[d->name]].dated.by = dated_by(*d).first;
                    break;
                }
                params_[d->name] = static_cast<int>(p_.params.size());
                p_.params.push_back(ParamDef{d->name, Type{}, nullptr, d->name_where,
                                             {d->notes.description, d->notes.source}, 0, d->body.get(), {}, {}, -1, {}});
                param_decls_.push_back(d);
                break;
            case ast::DeclKind::rule:
            case ast::DeclKind::output: {
                if (d->cohort) break;  // below, once every other name is known
                if (!claim(d->name, d->name_where)) break;
                rules_[d->name] = add_rule(*d);
                break;
            }
            case ast::DeclKind::fn:
                if (!claim(d->name, d->name_where)) break;
                fns_[d->name] = static_cast<int>(p_.fns.size());
                p_.fns.push_back(FnDef{});
                p_.fns.back().name = d->name;
                p_.fns.back().where = d->name_where;
                p_.fns.back().cite = {d->notes.description, d->notes.source};
                p_.fns.back().syntax = d->body.get();
                fn_decls_.push_back(d);
                break;
            case ast::DeclKind::input:
                if (d->run) declare_run_input(*d);
                else declare_input(*d);
                break;
            case ast::DeclKind::table:
                if (!claim(d->name, d->name_where)) break;
                tables_[d->name] = static_cast<int>(p_.tables.size());
                p_.tables.push_back(TableDef{});
                p_.tables.back().name = d->name;
                p_.tables.back().where = d->name_where;
                p_.tables.back().cite = {d->notes.description, d->notes.source};
                table_decls_.push_back(d);
                break;
            case ast::DeclKind::require:
                require_decls_.push_back(d);
                break;
            case ast::DeclKind::test:  // an imported file's tests run when it is tested itself
                if (from_entry(*d)) tests_.push_back(d);
                break;
            case ast::DeclKind::report:  // an imported file's report shows its own outputs, which are rules to its importer
                if (from_entry(*d)) reports_.push_back(d);
                break;
            case ast::DeclKind::unit:
            case ast::DeclKind::currency:
            case ast::DeclKind::type:
            case ast::DeclKind::import:
                break;
        }
    }
    declare_cohort_rules(decls);
    param_state_.assign(p_.params.size(), State::unchecked);
    rule_state_.assign(p_.rules.size(), State::unchecked);
    fn_state_.assign(p_.fns.size(), State::unchecked);
    table_state_.assign(p_.tables.size(), State::unchecked);
}

// A rule or output (of each case, or of the cohort) in the program; its slot.
int Checker::add_rule(const ast::Decl& d) {
    const int slot = static_cast<int>(p_.rules.size());
    RuleDef r;
    r.name = d.name;
    r.where = d.name_where;
    r.cite = {d.notes.description, d.notes.source};
    r.output = d.kind == ast::DeclKind::output && from_entry(d);  // an imported file's outputs are rules to its importer
    r.cohort = d.cohort;
    r.label = d.label;
    r.syntax = d.body.get();
    if (r.output) (d.cohort ? p_.cohort_outputs : p_.outputs).push_back(slot);
    p_.rules.push_back(std::move(r));
    rule_decls_.push_back(&d);
    return slot;
}

// Cohort rules have names of their own: `baseline_offences` of the cohort
// sums `c.baseline_offences` of each case. Other names are shared.
void Checker::declare_cohort_rules(const std::vector<const ast::Decl*>& decls) {
    for (const auto* d : decls) {
        if (!d->cohort) continue;
        auto first = cohort_rules_.count(d->name) ? p_.rules[cohort_rules_[d->name]].where
                     : declared_.count(d->name) && !rules_.count(d->name) && !inputs_.count(d->name) ? declared_[d->name]
                                                                          : Location{};
        if (first.file) {
            error(d->name_where, "'" + d->name + "' is already declared", {"the first declaration is at " + first.str()});
            continue;
        }
        cohort_rules_[d->name] = add_rule(*d);
    }
}

// `run input NAME: TYPE`: a param of the run whose value the run data file gives (its type is read with the
// params', in check_param_formula).
void Checker::declare_run_input(const ast::Decl& d) {
    if (d.name.find('.') != std::string::npos) {
        error(d.name_where, "a run input is named by one key at the top of the run data file, not a path: '" + d.name + "'");
        return;
    }
    if (!claim(d.name, d.name_where)) return;
    params_[d.name] = static_cast<int>(p_.params.size());
    ParamDef pd{d.name, Type{}, nullptr, d.name_where, {d.notes.description, d.notes.source}, 0, d.body.get(), {}, {}, -1, {}};
    pd.run_input = static_cast<int>(p_.run_inputs.size());
    p_.params.push_back(std::move(pd));
    InputDef in;
    in.path = d.name;
    in.segments = {d.name};
    in.where = d.name_where;
    in.cite = {d.notes.description, d.notes.source};
    p_.run_inputs.push_back(std::move(in));
    param_decls_.push_back(&d);
}

void Checker::declare_input(const ast::Decl& d) {
    InputDef in;
    in.path = d.name;
    in.where = d.name_where;
    in.cite = {d.notes.description, d.notes.source};
    in.segments = ast::split_path(d.name);
    if (inputs_.count(d.name)) {
        error(d.name_where, "input '" + d.name + "' is already declared");
        return;
    }
    if (input_groups_.count(d.name)) {
        error(d.name_where, "input '" + d.name + "' is a group of other inputs, so it cannot also be a value");
        return;
    }
    if (in.segments.size() == 1 && !claim(d.name, d.name_where)) return;  // claim() reported it
    std::string prefix;
    for (std::size_t i = 0; i + 1 < in.segments.size(); ++i) {
        prefix += (i ? "." : "") + in.segments[i];
        if (inputs_.count(prefix)) {
            error(d.name_where, "input '" + d.name + "' is inside input '" + prefix + "', which is a value, not a group");
            return;
        }
        input_groups_.insert(prefix);
    }
    in.type = type_of(*d.type, &in.bounds);
    inputs_[d.name] = static_cast<int>(p_.inputs.size());
    p_.inputs.push_back(std::move(in));
    input_decls_.push_back(&d);
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

void Checker::declare_test(const ast::Decl& d) {
    TestDef t;
    t.name = d.name;
    t.where = d.name_where;
    t.case_path = d.case_path;
    for (const auto& g : d.givens) {
        auto it = params_.find(g.param);
        if (it == params_.end()) {
            error(g.where, "unknown param '" + g.param + "'");
            continue;
        }
        auto n = constant(*g.value, p_.params[it->second].type, "the value given for '" + g.param + "'");
        if (n) t.givens.emplace_back(it->second, std::move(n));
    }
    for (const auto& x : d.expects) {
        auto it = rules_.find(x.output);
        if (it == rules_.end()) {
            std::vector<std::string> notes;
            std::string s = suggestion(x.output);
            if (!s.empty()) notes.push_back("did you mean '" + s + "'?");
            error(x.where, "unknown output '" + x.output + "'", notes);
            continue;
        }
        if (p_.rules[it->second].cohort) {
            error(x.where, "'" + x.output + "' is a cohort figure: a test block checks the figures of one case");
            continue;
        }
        const RuleDef& r = p_.rules[it->second];
        int member = -1;
        if (!x.member.empty()) {  // one member of a figure by member: Band.band5
            if (!r.by) {
                error(x.member_where, "'" + x.output + "' is one figure, not a figure for each member: expect " + x.output + " == …");
                continue;
            }
            member = r.by->member_written(x.member, false);
            if (member < 0) {
                error(x.member_where, "'" + x.member + "' " + (r.by->factors.empty() ? "is not a member of " : "does not name a member of each of ") +
                                          r.by->name + (r.by->factors.empty() ? ", the enumeration of '" : ", in order, the enumerations of '") + x.output + "'",
                      {"name one as in " + x.output + "(" + r.by->example() + ")"});
                continue;
            }
        }
        const Type& type = member >= 0 ? *r.type.element : r.type;
        const std::string what = x.output + (member >= 0 ? "(" + x.member + ")" : "");
        auto n = constant(*x.expected, type, "the expected value of '" + what + "'", type.optional);
        if (n) t.expects.push_back(Expectation{it->second, std::move(n), x.where, member});
    }
    p_.tests.push_back(std::move(t));
}

std::string Checker::suggestion(const std::string& name) const {
    std::vector<std::string> known;
    for (const auto& [n, _] : declared_) known.push_back(n);
    for (const auto& [n, _] : inputs_) known.push_back(n);
    for (const auto& u : p_.units.all()) known.push_back(u.name);
    return closest_name(name, known);
}

}  // namespace reckon
