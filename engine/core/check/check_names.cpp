// The check phase, for names: params, inputs, rules, locals, enumeration
// members, fields of records and of the cases of a cohort, each resolved to
// a slot; recursion between rules is found here.
#include "core/check/check.hpp"

#include <algorithm>

namespace reckon {

Checked Checker::field_access(Checked base, const std::string& field, Location where) {
    if (base.type.is_error()) return failed();
    if (base.type.kind == TypeKind::record && base.type.record == case_record_) return case_field(std::move(base), field, where);
    if (base.type.kind != TypeKind::record) {
        error(where, "'" + field + "' is not a field: the value before the '.' is " + describe(base.type));
        return failed();
    }
    int i = base.type.record->field(field);
    if (i < 0) {
        std::string fields;
        for (const auto& f : base.type.record->fields) fields += (fields.empty() ? "" : ", ") + f.name;
        error(where, "no field '" + field + "' in " + describe(base.type), {"its fields are: " + fields});
        return failed();
    }
    auto n = node(Op::field, where);
    n->slot = i;
    n->kids.push_back(std::move(base.node));
    return {base.type.record->fields[i].type, std::move(n)};
}

int Checker::find_rule(const std::string& name) const {
    auto per_case = rules_.find(name);
    auto cohort = cohort_rules_.find(name);
    if (cohort != cohort_rules_.end() && (frame_.context == Context::cohort || per_case == rules_.end())) return cohort->second;
    return per_case == rules_.end() ? -1 : per_case->second;
}

// c.status, where c is one of `cases`: a per-case rule or input, kept from each case for the cohort
Checked Checker::case_field(Checked base, const std::string& field, Location where) {
    bool is_input = false;
    int slot = -1;
    Type t;
    if (auto it = rules_.find(field); it != rules_.end() && !p_.rules[it->second].cohort) {
        slot = it->second;
        if (rule_state_[slot] == State::checking) {
            error(where, "rule '" + field + "' depends on itself");
            return failed();
        }
        check_rule(slot);
        t = p_.rules[slot].type;
    } else if (auto in = inputs_.find(field); in != inputs_.end()) {
        is_input = true;
        slot = in->second;
        t = p_.inputs[slot].type;
    } else {
        std::vector<std::string> notes{"each of 'cases' has the case's rules, outputs and inputs"};
        std::string s = suggestion(field);
        if (!s.empty()) notes.insert(notes.begin(), "did you mean '" + s + "'?");
        error(where, "a case has no rule, output or input '" + field + "'", notes);
        return failed();
    }
    std::pair<bool, int> key{is_input, slot};
    auto at = std::find(p_.cohort_fields.begin(), p_.cohort_fields.end(), key);
    if (at == p_.cohort_fields.end()) at = p_.cohort_fields.insert(at, key);
    auto n = node(Op::field, where);
    n->slot = static_cast<int>(at - p_.cohort_fields.begin());
    n->kids.push_back(std::move(base.node));
    return {t, std::move(n)};
}

Checked Checker::enum_member(const ast::Expr& e) {
    const EnumDef& en = *p_.enums[enums_.at(e.path[0])];
    if (!sees(en.name, en.where, e.where)) return failed();
    if (e.path.size() != 2) {
        error(e.where, "'" + en.name + "' is a type: name one of its members, as in " + en.name + "." + en.members.at(0));
        return failed();
    }
    int m = en.member(e.path[1]);
    if (m < 0) {
        std::string all;
        for (const auto& x : en.members) all += (all.empty() ? "" : ", ") + x;
        error(e.where, "'" + e.path[1] + "' is not a member of " + en.name, {"its members are: " + all});
        return failed();
    }
    auto n = node(Op::constant, e.where);
    n->value = Value::member(m);
    return {Type::enum_of(&en), std::move(n)};
}

Checked Checker::name(const ast::Expr& e) {
    const auto& path = e.path;
    Resolved r = local_name(e);
    // in a cohort rule, the cohort's own rules come before the case's inputs
    if (!r.used && !(frame_.context == Context::cohort && cohort_rules_.count(path[0]))) r = input_name(e);
    if (r.failed) return failed();
    if (!r.used && enums_.count(path[0])) return enum_member(e);
    if (!r.used && path[0] == "cases") {
        if (frame_.context != Context::cohort) {
            error(e.where, "'cases' is known only in a cohort rule, as in: cohort output total = sum(c.cost for c in cases)");
            return failed();
        }
        r.base = {Type::list_of(Type{TypeKind::record, {}, nullptr, case_record_}), node(Op::cases, e.where)};
        r.used = 1;
    }
    if (!r.used) r = declared_name(e);
    if (r.failed) return failed();

    Checked base = std::move(r.base);
    for (std::size_t i = r.used; i < path.size(); ++i) base = field_access(std::move(base), path[i], e.where);
    if (base.type.optional && std::find(narrowed_.begin(), narrowed_.end(), e.text) != narrowed_.end())
        base.type.optional = false;  // guarded by `if e is given`
    return base;
}

// A local: a function's argument, a `let`, a loop variable; the innermost first.
Checker::Resolved Checker::local_name(const ast::Expr& e) {
    Resolved r;
    for (auto it = frame_.scope.rbegin(); it != frame_.scope.rend(); ++it)
        if (it->name == e.path[0]) {
            r.base = {it->type, node(Op::local, e.where)};
            r.base.node->slot = it->slot;
            r.used = 1;
            break;
        }
    return r;
}

// The longest prefix of the path that names an input (police.custody_minutes).
Checker::Resolved Checker::input_name(const ast::Expr& e) {
    const auto& path = e.path;
    Resolved r;
    std::string prefix;
    int found = -1;
    for (std::size_t i = 0; i < path.size(); ++i) {
        prefix += (i ? "." : "") + path[i];
        auto it = inputs_.find(prefix);
        if (it != inputs_.end()) {
            found = it->second;
            r.used = i + 1;
        }
    }
    if (found >= 0) {
        if (!sees(p_.inputs[found].path, p_.inputs[found].where, e.where)) {
            r.failed = true;
            return r;
        }
        if (frame_.context != Context::rule) {
            error(e.where, "input '" + p_.inputs[found].path + "' cannot be used here: " +
                               (frame_.context == Context::function
                                    ? "a function sees only its arguments and params; pass the input as an argument"
                                    : frame_.context == Context::cohort
                                          ? "a cohort rule sees each case through 'cases', as in sum(c." + p_.inputs[found].path + " for c in cases)"
                                          : "a param or a constant cannot depend on a case"));
            r.failed = true;
            return r;
        }
        r.base = {p_.inputs[found].type, node(Op::input, e.where)};
        r.base.node->slot = found;
    } else if (input_groups_.count(e.text) && !params_.count(e.text) && find_rule(e.text) < 0) {
        error(e.where, "'" + e.text + "' is a group of inputs, not a value");
        r.failed = true;
    }
    return r;
}

// A param or a rule (checked first, on demand); a table, a function or a unit named as a value is an error.
Checker::Resolved Checker::declared_name(const ast::Expr& e) {
    const std::string& n = e.path[0];
    Resolved r;
    r.failed = true;
    if (auto it = params_.find(n); it != params_.end()) {
        int i = it->second;
        if (!sees(n, p_.params[i].where, e.where)) return r;
        if (param_state_[i] == State::checking) {
            error(e.where, "param '" + n + "' depends on itself");
            return r;
        }
        check_param(i);
        r.base = {p_.params[i].type, node(Op::param, e.where)};
        r.base.node->slot = i;
    } else if (int i = find_rule(n); i >= 0) {
        if (!sees(n, p_.rules[i].where, e.where)) return r;
        if (!rule_usable(e, i)) return r;
        check_rule(i);
        r.base = {p_.rules[i].type, node(Op::rule, e.where)};
        r.base.node->slot = i;
    } else if (tables_.count(n)) {
        error(e.where, "'" + n + "' is a table: look a row up by its key, as in " + n + "(key).column");
        return r;
    } else if (fns_.count(n)) {
        error(e.where, "'" + n + "' is a function: call it with its arguments, as in " + n + "(...)");
        return r;
    } else if (p_.units.find(n) >= 0) {
        error(e.where, "'" + n + "' is a unit, not a value: write a quantity such as 1 " + n);
        return r;
    } else {
        error(e.where, "unknown name '" + e.text + "'", unknown_name_notes(e.text));
        return r;
    }
    r.failed = false;
    r.used = 1;
    return r;
}

// Whether rule i may be used where e is: by context (a rule of one case, a
// cohort rule), and not from within itself.
bool Checker::rule_usable(const ast::Expr& e, int i) {
    const std::string& n = e.path[0];
    if (frame_.context != Context::rule && frame_.context != Context::cohort && p_.rules[i].dated.by_input) {
        error(e.where, "'" + n + "' has values from dates, picked by each case's " + p_.rules[i].dated.by +
                           ": a param or a constant cannot depend on a case",
              {"write what uses it as a rule: rule NAME = …"});
        return false;
    }
    if (frame_.context != Context::rule && frame_.context != Context::cohort) {
        error(e.where, "rule '" + n + "' cannot be used here: " +
                           (frame_.context == Context::function
                                ? "a function sees only its arguments and params; pass the value as an argument"
                                : "a param or a constant cannot depend on a rule"));
        return false;
    }
    if (frame_.context != Context::cohort && p_.rules[i].cohort) {
        error(e.where, "cohort rule '" + n + "' cannot be used in a rule of one case: it is computed over the whole batch");
        return false;
    }
    if (frame_.context == Context::cohort && !p_.rules[i].cohort) {
        error(e.where, "rule '" + n + "' is computed for each case: a cohort rule sees each case through 'cases', as in sum(c." + n + " for c in cases)");
        return false;
    }
    if (rule_state_[i] == State::checking) {
        std::string cycle;
        auto start = std::find(chain_.begin(), chain_.end(), n);
        for (auto c = start; c != chain_.end(); ++c) cycle += *c + " -> ";
        error(e.where, "rule '" + n + "' depends on itself: " + cycle + n,
              {"rules cannot be recursive: every figure must be derived in a finite number of steps"});
        return false;
    }
    return true;
}

}  // namespace reckon
