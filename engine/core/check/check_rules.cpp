// The check of rules and outputs: a rule's formula against its declared type,
// a figure for each member of an enumeration (or of each combination of two or
// more, their product made once), and how an output is shown (its decimals,
// percent, `headline to`).
#include "core/check/check.hpp"

namespace reckon {

// The product of two enumerations or more, made once: its members are every combination, the first's slowest.
const EnumDef* Checker::product_of(const std::vector<const EnumDef*>& factors) {
    std::string name;
    for (const auto* f : factors) name += (name.empty() ? "" : " × ") + f->name;
    if (auto it = products_.find(name); it != products_.end()) return it->second;
    auto e = std::make_unique<EnumDef>();
    e->name = name;
    e->where = factors[0]->where;
    e->factors = factors;
    std::vector<std::pair<std::string, std::string>> combos{{"", ""}};  // names, labels
    bool labelled = false;
    for (const auto* f : factors) {
        std::vector<std::pair<std::string, std::string>> next;
        for (const auto& [n, l] : combos)
            for (std::size_t m = 0; m < f->members.size(); ++m) {
                labelled = labelled || !f->labels.at(m).empty();
                next.emplace_back(n + (n.empty() ? "" : ", ") + f->members[m], l + (l.empty() ? "" : ", ") + f->labelled(m));
            }
        combos = std::move(next);
    }
    for (const auto& [n, l] : combos) {
        e->members.push_back(n);
        e->labels.push_back(labelled ? l : "");
        e->member_where.push_back(e->where);
    }
    const EnumDef* out = e.get();
    products_[name] = out;
    p_.enums.push_back(std::move(e));
    return out;
}

void Checker::check_rule(int i) {
    const ast::Decl& d = *rule_decls_[i];
    on_demand(rule_state_[i], d.name, d.cohort ? Context::cohort : Context::rule, [&] { check_rule_formula(d, p_.rules[i]); });
}

void Checker::check_rule_formula(const ast::Decl& d, RuleDef& r) {
    if (d.kind == ast::DeclKind::param) {  // values from dates picked by a case input: a rule of each case
        r.formula = check_dated(d, r.type, r.dated);
        return;
    }
    const std::string kind = d.kind == ast::DeclKind::output ? "output" : "rule";
    const EnumDef* by = nullptr;
    // a figure for each member: `rule saving(t: OffenceType)`; of each pair: `rule cost(g: Grade, e: Edition)`
    std::vector<const EnumDef*> factors;
    for (const auto& param : d.params) {
        Type key = type_of(*param.type, nullptr);
        if (key.kind == TypeKind::enumeration && !key.optional) factors.push_back(key.enumeration);
        else if (!key.is_error())
            error(param.type->where, kind + " '" + d.name + "' takes enumerations only (as in t: OffenceType), not " + describe(key),
                  {"for a calculation with other parameters, write a function: fn"});
        bind(param.name, key);
    }
    if (factors.size() == d.params.size() && !factors.empty()) by = factors.size() == 1 ? factors[0] : product_of(factors);
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
    if (d.kind != ast::DeclKind::output && d.notes.percent)
        error(d.notes.percent_where, "'percent' says how an output is shown, and '" + d.name + "' is a rule, not an output");
    if (d.kind != ast::DeclKind::output && d.notes.headline_step)
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

}  // namespace reckon
