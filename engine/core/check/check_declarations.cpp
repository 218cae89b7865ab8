// The check phase, for declarations: each param, function and rule is
// checked on demand (a formula that uses another checks it first, which is
// how recursion is found), then tables, input defaults, requirements, tests
// and the report layout. Here the order, params, functions, requirements and
// constants; rules in check_rules.cpp, values from dates in check_dated.cpp,
// tables in check_tables.cpp. Expressions are checked in check_expr.cpp.
#include "core/check/check.hpp"

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
    check_imported_names();
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
    if (pd.run_input >= 0) {  // its type as declared; its value from the run data, or its default written out
        InputDef& in = p_.run_inputs[static_cast<std::size_t>(pd.run_input)];
        in.type = pd.type = type_of(*d.type, &in.bounds);
        if (!d.body || pd.type.is_error()) return;
        if (d.body->kind == ast::ExprKind::empty_list && pd.type.kind == TypeKind::list) {
            auto n = node(Op::constant, d.body->where);
            n->value = Value::list({});
            in.fallback = std::move(n);
        } else {
            auto n = constant(*d.body, pd.type, "the default of run input '" + d.name + "'");
            if (n && n->op != Op::constant) error(d.body->where, "the default of a run input must be a value written out, such as 0, false or £0");
            else in.fallback = std::move(n);
        }
        if (in.fallback) {
            pd.formula = std::make_unique<Node>();
            pd.formula->op = Op::constant;
            pd.formula->where = in.fallback->where;
            pd.formula->value = in.fallback->value;
        }
        return;
    }
    if (!d.dated.empty()) {
        pd.formula = check_dated(d, pd.type, pd.dated);
        if (d.uncertain)
            error(d.uncertain->low ? d.uncertain->where : d.uncertain->distribution_where,
                  "param '" + d.name + "' has values from dates, and a range or a distribution is declared for one value",
                  {"declare the uncertainty on a param of one value"});
        return;
    }
    const bool optional = d.type && d.type->kind == ast::TypeSyntaxKind::optional;  // `param x: optional number = none`
    Checked c = optional ? expr_any(*d.body) : expr(*d.body);
    const bool none = optional && c.type.optional && c.type.is_error() && c.node;
    Type type = c.type;
    if (d.type) {
        Type declared = type_of(*d.type, nullptr);
        if (!c.type.is_error() && !none && !same_type(declared.required(), c.type.required(), p_.units))
            error(d.type->where, "param '" + d.name + "' is declared as " + describe(declared) + " but its value is " + describe(c.type));
        type = declared;
    }
    pd.type = type;
    pd.formula = std::move(c.node);
    pd.frame = frame_.size;
    if (d.uncertain && !pd.type.is_error())
        pd.uncertain = check_uncertainty(*d.uncertain, "param '" + d.name + "'", pd.type, pd.formula.get(), d.body.get());
    if (pd.uncertain) sources_at_value(*pd.uncertain, pd.formula->value, pd.cite.source);
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
