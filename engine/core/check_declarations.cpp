// The check phase, for declarations: each param, function and rule is
// checked on demand (a formula that uses another checks it first, which is
// how recursion is found), then tables, input defaults, requirements, tests
// and the report layout. Expressions are checked in check_expr.cpp.
#include "check.hpp"

#include <set>
#include <algorithm>
#include <utility>

namespace reckon {

namespace {
// The first input a formula reads, directly or through the rules it uses (each rule looked into once).
const Node* first_input(const Node& n, const std::vector<RuleDef>& rules, std::vector<bool>& seen) {
    if (n.op == Op::input) return &n;
    if (n.op == Op::rule && n.slot >= 0 && static_cast<std::size_t>(n.slot) < rules.size() && !seen[n.slot]) {
        seen[n.slot] = true;
        if (const NodePtr& f = rules[n.slot].formula)
            if (const Node* in = first_input(*f, rules, seen)) return in;
    }
    for (const auto& k : n.kids)
        if (k)
            if (const Node* f = first_input(*k, rules, seen)) return f;
    return nullptr;
}
}  // namespace

// Once, in a fresh frame of `context`; `chain_` names what is being checked,
// for the message when a formula reaches itself.
void Checker::on_demand(State& state, const std::string& name, Context context, const std::function<void()>& check) {
    if (state != State::unchecked) return;  // done, or being checked: reported by the reference that found it
    state = State::checking;
    chain_.push_back(name);
    Frame saved = std::exchange(frame_, Frame{});
    frame_.context = context;
    check();
    frame_ = std::move(saved);
    chain_.pop_back();
    state = State::done;
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

void Checker::check_param(int i) {
    const ast::Decl& d = *param_decls_[i];
    on_demand(param_state_[i], d.name, Context::constant, [&] { check_param_formula(d, p_.params[i]); });
}

void Checker::check_param_formula(const ast::Decl& d, ParamDef& pd) {
    Checked c = expr(*d.body);
    Type type = c.type;
    if (d.type) {
        Type declared = type_of(*d.type, nullptr);
        if (!c.type.is_error() && !same_type(declared, c.type, p_.units))
            error(d.type->where, "param '" + d.name + "' is declared as " + describe(declared) + " but its value is " + describe(c.type));
        type = declared;
    }
    pd.type = type;
    pd.formula = std::move(c.node);
    pd.frame = frame_.size;
}

void Checker::check_fn(int i) {
    const ast::Decl& d = *fn_decls_[i];
    on_demand(fn_state_[i], d.name, Context::function, [&] { check_fn_body(d, p_.fns[i]); });
}

void Checker::check_fn_body(const ast::Decl& d, FnDef& f) {
    for (const auto& prm : d.params) {
        f.param_names.push_back(prm.name);
        f.param_types.push_back(type_of(*prm.type, nullptr));
    }
    f.result = type_of(*d.type, nullptr);
    for (std::size_t k = 0; k < f.param_names.size(); ++k) bind(f.param_names[k], f.param_types[k]);
    Checked c = expr(*d.body);
    if (!c.type.is_error() && !f.result.is_error() && !same_type(f.result, c.type, p_.units))
        error(d.type->where, "function '" + d.name + "' is declared to give " + describe(f.result) + " but its formula gives " + describe(c.type));
    f.body = std::move(c.node);
    f.frame = frame_.size;
}

void Checker::check_rule(int i) {
    const ast::Decl& d = *rule_decls_[i];
    on_demand(rule_state_[i], d.name, d.cohort ? Context::cohort : Context::rule, [&] { check_rule_formula(d, p_.rules[i]); });
}

void Checker::check_rule_formula(const ast::Decl& d, RuleDef& r) {
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
    if (r.output) check_output_shown(d, r);
    if (!r.output && d.notes.percent)
        error(d.notes.percent_where, "'percent' says how an output is shown, and '" + d.name + "' is a rule, not an output");
    if (!r.output && d.notes.headline_step)
        error(d.notes.headline_step->where, "'headline to' says how an output is shown, and '" + d.name + "' is a rule, not an output");
}

// How an output is shown: its decimals, and whether it can be shown at all.
void Checker::check_output_shown(const ast::Decl& d, RuleDef& r) {
    const Type& shown = r.shown();
    bool money = shown.kind == TypeKind::number && p_.units.shows_money(shown.unit);
    r.fixed_decimals = money || d.notes.decimals.has_value();
    r.decimals = d.notes.decimals.value_or(2);
    r.percent = d.notes.percent;
    if (r.percent && !(shown.kind == TypeKind::number && shown.unit.dimensionless_syntax()))
        error(d.notes.percent_where, "'percent' marks a figure that is a percentage, a plain number (72.8 for 72.8 %), but output '" +
                                         d.name + "' is " + describe(r.type));
    if (d.notes.headline_step && shown.kind == TypeKind::number) {  // `headline to £1,000`: a step in the figure's own unit
        const ast::Expr& e = *d.notes.headline_step;
        NodePtr n = constant(e, shown, "the step of 'headline to' of output '" + d.name + "'");
        if (n && n->value.kind == Value::Kind::number && n->value.n() > 0) {
            r.headline_step = n->value.n();
            r.headline_step_text = e.where.file->text().substr(e.where.offset, e.where.length);
        } else if (n) {
            error(e.where, "the step of 'headline to' must be more than zero, as in 'headline to £1,000'");
        }
    } else if (d.notes.headline_step) {
        error(d.notes.headline_step->where, "'headline to' rounds a figure, and output '" + d.name + "' is " + describe(r.type));
    }
    bool scalar_list = shown.kind == TypeKind::list && shown.element->kind != TypeKind::list &&
                       shown.element->kind != TypeKind::record;
    if ((shown.kind == TypeKind::list && !scalar_list) || shown.kind == TypeKind::record)
        error(d.name_where, "output '" + d.name + "' is " + describe(r.type) +
                                ": an output is a single value, or a list of numbers, dates, texts or members");
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
    // A row in error is not also a missing row (one mistake, one error); nor, when a row's key is not a member
    // (a misspelling, most likely), is the member it was meant to be.
    std::set<std::string> in_error;
    bool key_failed = false;
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
                key_failed = true;
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
            in_error.insert(key_text(key));
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
        if (!ok) {
            in_error.insert(key_text(key));
            continue;
        }
        std::string kt = key_text(key);
        if (t.rows.count(kt)) {
            error(k.where, "table '" + d.name + "' already has a row for " + k.text);
            continue;
        }
        t.rows.emplace(kt, Value::list(std::move(cells)));
        t.order.push_back(kt);
        if (!row.source.empty()) t.row_sources[kt] = row.source;
    }
    if (by_member) {
        std::string missing;
        for (std::size_t m = 0; m < t.key.enumeration->members.size(); ++m)
            if (!t.rows.count(key_text(Value::member(static_cast<int>(m)))) && !in_error.count(key_text(Value::member(static_cast<int>(m)))))
                missing += (missing.empty() ? "" : ", ") + t.key.enumeration->members[m];
        if (!missing.empty() && !key_failed)
            error(d.name_where, "table '" + d.name + "' has no row for " + missing,
                  {"a table keyed by " + t.key.enumeration->name + " needs a row for every member"});
        if (t.rows.size() == t.key.enumeration->members.size())  // whole: a value for every member
            for (std::size_t m = 0; m < t.key.enumeration->members.size(); ++m)
                t.by_member.push_back(t.rows.at(key_text(Value::member(static_cast<int>(m)))));
    }
    table_state_[i] = State::done;
}

void Checker::check_require(const ast::Decl& d) {
    Frame saved = std::exchange(frame_, Frame{});
    frame_.context = Context::rule;
    Checked c = expr(*d.body);
    RequireDef r;
    r.frame = frame_.size;
    frame_ = std::move(saved);
    if (c.type.is_error()) return;
    if (!expect_kind(c, TypeKind::boolean, d.body->where, "the condition of 'require'")) return;
    std::vector<bool> seen(p_.rules.size(), false);
    const Node* in = first_input(*c.node, p_.rules, seen);
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

}  // namespace reckon
