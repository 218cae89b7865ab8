// The declare phase: every name (duplicates reported), params, rules and
// outputs (of each case, or of the cohort), functions, tables, the case schema
// from the inputs, and the run inputs. Units, records, enumerations and the
// types and units as written are declared in declare_types.cpp; the
// declarations' formulas are checked afterwards (check_declarations.cpp).
#include "core/base/nearest_names.hpp"
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
    for (const auto* m : modules)
        for (const auto& d : m->decls) decls.push_back(&d);
    declare(modules, decls, {});
}

void Checker::declare(const std::vector<const ast::Module*>& modules, const std::vector<const ast::Decl*>& decls,
                      const std::vector<const SourceFile*>& entries) {
    entries_ = entries;
    for (const auto* m : modules)
        if (m->header && !m->header->dated_by.empty()) dated_by_.emplace(m->source.get(), std::pair{m->header->dated_by, m->header->dated_by_where});
    declare_units(decls);
    declare_records(decls);
    declare_names(decls);
    auto cases = std::make_unique<RecordDef>();
    cases->name = "case";
    case_record_ = cases.get();
    p_.records.push_back(std::move(cases));
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

// The names in scope here: the locals of the formula (innermost first), then
// everything declared, the inputs and the units.
std::vector<std::string> Checker::names_in_scope() const {
    std::vector<std::string> known;
    for (auto it = frame_.scope.rbegin(); it != frame_.scope.rend(); ++it)
        if (!it->name.empty()) known.push_back(it->name);
    for (const auto& [n, _] : declared_) known.push_back(n);
    for (const auto& [n, _] : inputs_) known.push_back(n);
    for (const auto& u : p_.units.all()) known.push_back(u.name);
    return known;
}

std::string Checker::suggestion(const std::string& name) const { return closest_name(name, names_in_scope()); }

// What to say of an unknown name: the enumerations it is a member of, in the
// qualified form that names it; else the nearest names in scope.
std::vector<std::string> Checker::unknown_name_notes(const std::string& name) const {
    std::vector<std::string> forms;
    for (const auto& en : p_.enums)
        if (en->factors.empty() && en->member(name) >= 0) forms.push_back(en->name + "." + name);
    if (!forms.empty()) {
        std::string all;
        for (std::size_t i = 0; i < forms.size(); ++i) all += (i == 0 ? "" : i + 1 == forms.size() ? " or " : ", ") + forms[i];
        return {"'" + name + "' is a member of an enumeration: name it with its type, as " + all};
    }
    std::string near = did_you_mean(nearest_names(name, names_in_scope()));
    return near.empty() ? std::vector<std::string>{} : std::vector<std::string>{near};
}

}  // namespace reckon
