// Declarations: units, record types, names, inputs, and the on-demand
// checking of params, functions and rules (which finds recursion).
#include "checker.hpp"

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
    for (const auto* m : modules)
        for (const auto& d : m->decls) decls.push_back(&d);
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
            for (const auto& [m, where] : d->type->members) {
                if (e->member(m) >= 0) {
                    error(where, "'" + m + "' appears twice in '" + d->name + "'");
                    continue;
                }
                e->members.push_back(m);
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
                params_[d->name] = static_cast<int>(p_.params.size());
                p_.params.push_back(ParamDef{d->name, Type{}, nullptr, d->name_where,
                                             {d->notes.description, d->notes.source}, 0, d->body.get()});
                param_decls_.push_back(d);
                break;
            case ast::DeclKind::rule:
            case ast::DeclKind::output: {
                if (d->cohort) break;  // below, once every other name is known
                if (!claim(d->name, d->name_where)) break;
                rules_[d->name] = static_cast<int>(p_.rules.size());
                RuleDef r;
                r.name = d->name;
                r.where = d->name_where;
                r.cite = {d->notes.description, d->notes.source};
                r.output = d->kind == ast::DeclKind::output;
                r.label = d->label;
                r.syntax = d->body.get();
                if (r.output) p_.outputs.push_back(static_cast<int>(p_.rules.size()));
                p_.rules.push_back(std::move(r));
                rule_decls_.push_back(d);
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
                declare_input(*d);
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
            case ast::DeclKind::test:
                tests_.push_back(d);
                break;
            case ast::DeclKind::report:
                reports_.push_back(d);
                break;
            case ast::DeclKind::unit:
            case ast::DeclKind::currency:
            case ast::DeclKind::type:
            case ast::DeclKind::import:
                break;
        }
    }
    // Cohort rules have names of their own: `baseline_offences` of the cohort
    // sums `c.baseline_offences` of each case. Other names are shared.
    for (const auto* d : decls) {
        if (!d->cohort) continue;
        auto first = cohort_rules_.count(d->name) ? p_.rules[cohort_rules_[d->name]].where
                     : declared_.count(d->name) && !rules_.count(d->name) && !inputs_.count(d->name) ? declared_[d->name]
                                                                          : Location{};
        if (first.file) {
            error(d->name_where, "'" + d->name + "' is already declared", {"the first declaration is at " + first.str()});
            continue;
        }
        cohort_rules_[d->name] = static_cast<int>(p_.rules.size());
        RuleDef r;
        r.name = d->name;
        r.where = d->name_where;
        r.cite = {d->notes.description, d->notes.source};
        r.output = d->kind == ast::DeclKind::output;
        r.cohort = true;
        r.label = d->label;
        r.syntax = d->body.get();
        if (r.output) p_.cohort_outputs.push_back(static_cast<int>(p_.rules.size()));
        p_.rules.push_back(std::move(r));
        rule_decls_.push_back(d);
    }
    param_state_.assign(p_.params.size(), State::unchecked);
    rule_state_.assign(p_.rules.size(), State::unchecked);
    fn_state_.assign(p_.fns.size(), State::unchecked);
    table_state_.assign(p_.tables.size(), State::unchecked);
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

void Checker::check_all() {
    for (std::size_t i = 0; i < p_.tables.size(); ++i) check_table(static_cast<int>(i));
    for (std::size_t i = 0; i < p_.params.size(); ++i) check_param(static_cast<int>(i));
    for (std::size_t i = 0; i < p_.fns.size(); ++i) check_fn(static_cast<int>(i));
    for (std::size_t i = 0; i < p_.rules.size(); ++i) check_rule(static_cast<int>(i));
    for (std::size_t i = 0; i < input_decls_.size(); ++i) {
        const ast::Decl& d = *input_decls_[i];
        if (!d.body) continue;
        if (d.body->kind == ast::ExprKind::empty_list && p_.inputs[i].type.kind == TypeKind::list) {
            auto n = std::make_unique<Node>();
            n->op = Op::constant;
            n->where = d.body->where;
            n->value = Value::list({});
            p_.inputs[i].fallback = std::move(n);
            continue;
        }
        auto n = constant(*d.body, p_.inputs[i].type, "the default of input '" + d.name + "'");
        if (n && n->op != Op::constant) error(d.body->where, "the default of an input must be a value written out, such as 0, false or £0");
        else p_.inputs[i].fallback = std::move(n);
    }
    for (const auto* r : require_decls_) check_require(*r);
    for (const auto* t : tests_) declare_test(*t);
    for (const auto* r : reports_) check_report(*r);
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
                    result.kind = TypeKind::record;
                    result.record = p_.records[records_[n]].get();
                } else if (enums_.count(n)) {
                    result = Type::enum_of(p_.enums[enums_[n]].get());
                }
                if (!result.is_error()) break;
            }
            result = Type::number(unit_of(t.unit));
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
        Number v = *parse_decimal(lit.text) * p_.units.scale(t.unit);
        return e.kind == ast::ExprKind::unary ? Number(-v) : v;
    }
    NodePtr n = constant(e, t, "the bound");
    if (!n) return std::nullopt;
    if (n->op != Op::constant) {
        error(e.where, "a bound must be a number written out, such as 0 or 200 hour");
        return std::nullopt;
    }
    return n->value.n;
}

Unit Checker::unit_of(const ast::UnitSyntax& u) {
    Unit result;
    for (const auto& term : u.terms) {
        int id = p_.units.find(term.name);
        if (id < 0) {
            std::vector<std::string> notes;
            std::string s = suggestion(term.name);
            if (!s.empty()) notes.push_back("did you mean '" + s + "'?");
            error(term.where, "unknown unit or type '" + term.name + "'", notes);
            continue;
        }
        result = result.times(Unit::of(id).power(term.power));
    }
    return result;
}

void Checker::check_param(int i) {
    if (param_state_[i] == State::done) return;
    const ast::Decl& d = *param_decls_[i];
    if (param_state_[i] == State::checking) return;  // reported by the reference that found it
    param_state_[i] = State::checking;
    chain_.push_back(d.name);
    Frame saved = std::exchange(frame_, Frame{});
    frame_.context = Context::constant;
    Checked c = expr(*d.body);
    Type type = c.type;
    if (d.type) {
        Type declared = type_of(*d.type, nullptr);
        if (!c.type.is_error() && !same_type(declared, c.type, p_.units))
            error(d.type->where, "param '" + d.name + "' is declared as " + describe(declared) + " but its value is " + describe(c.type));
        type = declared;
    }
    ParamDef& pd = p_.params[i];
    pd.type = type;
    pd.formula = std::move(c.node);
    pd.frame = frame_.size;
    frame_ = std::move(saved);
    chain_.pop_back();
    param_state_[i] = State::done;
}

void Checker::check_fn(int i) {
    if (fn_state_[i] != State::unchecked) return;
    const ast::Decl& d = *fn_decls_[i];
    fn_state_[i] = State::checking;
    chain_.push_back(d.name);
    FnDef& f = p_.fns[i];
    for (const auto& prm : d.params) {
        f.param_names.push_back(prm.name);
        f.param_types.push_back(type_of(*prm.type, nullptr));
    }
    f.result = type_of(*d.type, nullptr);
    Frame saved = std::exchange(frame_, Frame{});
    frame_.context = Context::function;
    for (std::size_t k = 0; k < f.param_names.size(); ++k) bind(f.param_names[k], f.param_types[k]);
    Checked c = expr(*d.body);
    if (!c.type.is_error() && !f.result.is_error() && !same_type(f.result, c.type, p_.units))
        error(d.type->where, "function '" + d.name + "' is declared to give " + describe(f.result) + " but its formula gives " + describe(c.type));
    p_.fns[i].body = std::move(c.node);
    p_.fns[i].frame = frame_.size;
    frame_ = std::move(saved);
    chain_.pop_back();
    fn_state_[i] = State::done;
}

void Checker::check_rule(int i) {
    if (rule_state_[i] != State::unchecked) return;
    const ast::Decl& d = *rule_decls_[i];
    rule_state_[i] = State::checking;
    chain_.push_back(d.name);
    Frame saved = std::exchange(frame_, Frame{});
    frame_.context = d.cohort ? Context::cohort : Context::rule;
    const std::string kind = d.kind == ast::DeclKind::output ? "output" : "rule";
    const EnumDef* by = nullptr;
    if (!d.params.empty()) {  // a figure for each member: `rule saving(t: OffenceType)`
        Type key = type_of(*d.params[0].type, nullptr);
        if (key.kind == TypeKind::enumeration && !key.optional) by = key.enumeration;
        else if (!key.is_error())
            error(d.params[0].type->where, kind + " '" + d.name + "' can take one parameter only, an enumeration (as in t: OffenceType), not " + describe(key),
                  {"for a calculation with other parameters, write a function: fn"});
        bind(d.params[0].name, key);
    }
    Checked c = expr_any(*d.body);
    RuleDef& r = p_.rules[i];
    r.type = c.type;
    if (d.type) {
        Type declared = type_of(*d.type, nullptr);
        if (!c.type.is_error() && !declared.is_error() && !same_type(declared, c.type, p_.units))
            error(d.type->where, kind + " '" + d.name + "' is declared as " + describe(declared) +
                                     " but its formula gives " + describe(c.type));
        declared.optional = declared.optional || c.type.optional;
        r.type = declared;
    }
    r.by = by;
    if (by) r.type = Type::grouped_by(by, r.type);
    r.formula = std::move(c.node);
    r.frame = frame_.size;
    if (r.output) {
        const Type& shown = by ? *r.type.element : r.type;
        bool money = shown.kind == TypeKind::number && p_.units.shows_money(shown.unit);
        r.fixed_decimals = money || d.notes.decimals.has_value();
        r.decimals = d.notes.decimals.value_or(2);
        r.percent = d.notes.percent;
        if (r.percent && !(shown.kind == TypeKind::number && shown.unit.dimensionless_syntax()))
            error(d.notes.percent_where, "'percent' marks a figure that is a percentage, a plain number (72.8 for 72.8 %), but output '" +
                                             d.name + "' is " + describe(r.type));
        bool scalar_list = shown.kind == TypeKind::list && shown.element->kind != TypeKind::list &&
                           shown.element->kind != TypeKind::record;
        if ((shown.kind == TypeKind::list && !scalar_list) || shown.kind == TypeKind::record)
            error(d.name_where, "output '" + d.name + "' is " + describe(r.type) +
                                    ": an output is a single value, or a list of numbers, dates, texts or members");
    }
    if (!r.output && d.notes.percent)
        error(d.notes.percent_where, "'percent' says how an output is shown, and '" + d.name + "' is a rule, not an output");
    frame_ = std::move(saved);
    chain_.pop_back();
    rule_state_[i] = State::done;
}

void Checker::check_table(int i) {
    if (table_state_[i] != State::unchecked) return;
    table_state_[i] = State::checking;
    const ast::Decl& d = *table_decls_[i];
    TableDef& t = p_.tables[i];
    t.key = type_of(*d.type, nullptr);
    Type columns = type_of(*d.columns, nullptr);
    t.columns = columns.record;
    const bool by_member = t.key.kind == TypeKind::enumeration;
    if (!t.key.is_error() && !by_member && t.key.kind != TypeKind::text && t.key.kind != TypeKind::number) {
        error(d.type->where, "a table is keyed by an enumeration, text or a number, not " + describe(t.key));
        t.key = Type{};
    }
    for (const auto& row : d.rows) {
        Value key;
        const ast::Expr& k = *row.key;
        if (t.key.is_error()) break;
        if (by_member) {
            int m = k.kind == ast::ExprKind::name ? t.key.enumeration->member(k.text) : -1;
            if (m < 0) {
                std::vector<std::string> notes{"the members of " + t.key.enumeration->name + " are: " + [&] {
                    std::string all;
                    for (const auto& x : t.key.enumeration->members) all += (all.empty() ? "" : ", ") + x;
                    return all;
                }()};
                error(k.where, "'" + k.text + "' is not a member of " + t.key.enumeration->name, notes);
                continue;
            }
            key = Value::member(m);
        } else if (t.key.kind == TypeKind::text && k.kind == ast::ExprKind::name) {
            key = Value::text(k.text);
        } else {
            NodePtr n = constant(k, t.key, "the key of a row of table '" + d.name + "'");
            if (!n) continue;
            key = n->value;
        }
        if (row.cells.size() != t.columns->fields.size()) {
            error(row.where, "this row has " + std::to_string(row.cells.size()) + " value" + (row.cells.size() == 1 ? "" : "s") +
                                 " but table '" + d.name + "' has " + std::to_string(t.columns->fields.size()) + " column" +
                                 (t.columns->fields.size() == 1 ? "" : "s") + " (" + [&] {
                                     std::string all;
                                     for (const auto& f : t.columns->fields) all += (all.empty() ? "" : ", ") + f.name;
                                     return all;
                                 }() + ")");
            continue;
        }
        std::vector<Value> cells;
        bool ok = true;
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            const FieldDef& f = t.columns->fields[c];
            NodePtr n = constant(*row.cells[c], f.type, "column '" + f.name + "' of table '" + d.name + "'");
            if (n && n->op != Op::constant) {
                error(row.cells[c]->where, "a table holds values written out, such as £1,361 or 1.06913");
                n = nullptr;
            }
            if (!n) { ok = false; continue; }
            cells.push_back(n->value);
        }
        if (!ok) continue;
        std::string kt = key_text(key);
        if (t.rows.count(kt)) {
            error(k.where, "table '" + d.name + "' already has a row for " + k.text);
            continue;
        }
        t.rows.emplace(kt, Value::list(std::move(cells)));
        t.order.push_back(kt);
    }
    if (by_member) {
        std::string missing;
        for (std::size_t m = 0; m < t.key.enumeration->members.size(); ++m)
            if (!t.rows.count(key_text(Value::member(static_cast<int>(m)))))
                missing += (missing.empty() ? "" : ", ") + t.key.enumeration->members[m];
        if (!missing.empty())
            error(d.name_where, "table '" + d.name + "' has no row for " + missing,
                  {"a table keyed by " + t.key.enumeration->name + " needs a row for every member"});
        else
            for (std::size_t m = 0; m < t.key.enumeration->members.size(); ++m)
                t.by_member.push_back(t.rows.at(key_text(Value::member(static_cast<int>(m)))));
    }
    table_state_[i] = State::done;
}

namespace {
const Node* first_input(const Node& n) {
    if (n.op == Op::input) return &n;
    for (const auto& k : n.kids)
        if (k)
            if (const Node* f = first_input(*k)) return f;
    return nullptr;
}
}  // namespace

void Checker::check_require(const ast::Decl& d) {
    Frame saved = std::exchange(frame_, Frame{});
    frame_.context = Context::rule;
    Checked c = expr(*d.body);
    RequireDef r;
    r.frame = frame_.size;
    frame_ = std::move(saved);
    if (c.type.is_error()) return;
    if (!expect_kind(c, TypeKind::boolean, d.body->where, "the condition of 'require'")) return;
    const Node* in = first_input(*c.node);
    if (!in) {
        error(d.body->where, "the condition of 'require' does not read the case: it would always give the same answer");
        return;
    }
    r.input = in->slot;
    r.message = d.label;
    r.where = d.where;
    r.condition = std::move(c.node);
    p_.requires_.push_back(std::move(r));
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
        const Type& type = p_.rules[it->second].type;
        auto n = constant(*x.expected, type, "the expected value of '" + x.output + "'", type.optional);
        if (n) t.expects.push_back(Expectation{it->second, std::move(n), x.where});
    }
    p_.tests.push_back(std::move(t));
}

NodePtr Checker::constant(const ast::Expr& e, const Type& want, const std::string& what, bool may_be_absent) {
    Frame saved = std::exchange(frame_, Frame{});
    frame_.context = Context::constant;
    Checked c = may_be_absent ? expr_any(e) : expr(e);
    frame_ = std::move(saved);
    if (may_be_absent && c.type.optional && c.type.is_error() && c.node) return std::move(c.node);  // `none`
    if (c.type.is_error() || want.is_error()) return nullptr;
    if (!same_type(want, c.type, p_.units)) {
        error(e.where, what + " must be " + describe(want) + ", not " + describe(c.type));
        return nullptr;
    }
    return std::move(c.node);
}

std::string Checker::suggestion(const std::string& name) const {
    auto distance = [](const std::string& a, const std::string& b) {
        std::vector<std::size_t> row(b.size() + 1);
        for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
        for (std::size_t i = 1; i <= a.size(); ++i) {
            std::size_t prev = row[0];
            row[0] = i;
            for (std::size_t j = 1; j <= b.size(); ++j) {
                std::size_t cur = row[j];
                row[j] = std::min({row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1)});
                prev = cur;
            }
        }
        return row[b.size()];
    };
    std::string best;
    std::size_t best_d = std::max<std::size_t>(2, name.size() / 3) + 1;
    auto consider = [&](const std::string& c) {
        std::size_t dd = distance(name, c);
        if (dd < best_d) { best_d = dd; best = c; }
    };
    for (const auto& [n, _] : declared_) consider(n);
    for (const auto& [n, _] : inputs_) consider(n);
    for (const auto& u : p_.units.all()) consider(u.name);
    return best;
}

}  // namespace reckon
