// The check phase, for declarations: each param, function and rule is
// checked on demand (a formula that uses another checks it first, which is
// how recursion is found), then tables, input defaults, requirements, tests
// and the report layout. Expressions are checked in check_expr.cpp.
#include "core/check/check.hpp"

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

// `param working_hours = 1,650 hour/year from 2010-04-01, 1,607 hour/year from 2023-04-01`: each value of one
// type, the dates in order, and the header's `dated by` a param or a case input, a date, that picks one.
NodePtr Checker::check_dated(const ast::Decl& d, Type& type, DatedValues& out) {
    type = d.type ? type_of(*d.type, nullptr) : Type{};
    auto n = node(Op::dated, d.name_where);
    bool ok = true;
    const auto [by, by_where] = dated_by(d);
    if (by.empty()) {
        error(d.dated[0].where, "param '" + d.name + "' has values from dates, and the ruleset does not say which date picks one",
              {"name it in the ruleset's header: dated by costing_date (a param or a case input that is a date)"});
        ok = false;
    } else if (NodePtr date = picking_date(by, by_where)) {
        out.by = by;
        out.by_input = inputs_.count(by) > 0;
        out.slot = out.by_input ? inputs_.at(by) : params_.at(by);
        n->kids.push_back(std::move(date));
    } else {
        ok = false;
    }
    long last = 0;
    std::vector<Value> froms;
    for (std::size_t i = 0; i < d.dated.size(); ++i) {
        const ast::DatedValue& v = d.dated[i];
        Frame saved = std::exchange(frame_, Frame{});
        frame_.context = Context::constant;
        Checked c = expr(*v.value);
        frame_ = std::move(saved);
        NodePtr from = constant(*v.from, Type::of(TypeKind::date), "the date a value takes effect from");
        if (c.type.is_error() || !from) { ok = false; continue; }
        if (c.node->op != Op::constant) {
            error(v.value->where, "a value from a date is written out, such as 1,607 hour/year or £32,000");
            ok = false;
            continue;
        }
        if (type.is_error()) type = c.type;
        else if (!same_type(type, c.type, p_.units)) {
            error(v.value->where, "the values of param '" + d.name + "' are " + describe(type) + ", and this one is " + describe(c.type));
            ok = false;
            continue;
        }
        const long day = from->value.n().convert_to<long>();
        if (i > 0 && day <= last) {
            error(v.from->where, "the dates of param '" + d.name + "' go in order, each later than the one before: " + v.from->text +
                                     " is not after " + d.dated[i - 1].from->text);
            ok = false;
        }
        last = day;
        const Location& w = v.value->where;
        out.values.push_back({c.node->value, day, w.file ? std::string(w.file->text().substr(w.offset, w.length)) : "", v.source});
        froms.push_back(from->value);
        n->kids.push_back(std::move(c.node));
    }
    n->value = Value::list(std::move(froms));
    return ok ? std::move(n) : nullptr;
}

// The date that `dated by NAME` names, where it is used: a param or a case input that is a date; null after an
// error, said once for the name however many values it picks.
NodePtr Checker::picking_date(const std::string& by, const Location& where) {
    auto fail = [&](std::string message, std::vector<std::string> notes) {
        if (bad_dated_by_.insert(by).second) error(where, std::move(message), std::move(notes));
        return nullptr;
    };
    if (params_.count(by) == 0 && inputs_.count(by) == 0)
        return fail("'dated by' names a param or a case input that is a date, and '" + by + "' is neither",
                    {"declare it: param " + by + " = 2023-04-01, or input " + by + ": date"});
    ast::Expr ref;
    ref.kind = ast::ExprKind::name;
    ref.where = where;
    ref.text = by;
    ref.path = ast::split_path(by);
    Checked date = expr(ref);
    if (date.type.is_error()) return nullptr;
    if (date.type.kind != TypeKind::date || date.type.optional)
        return fail("'dated by' names a param or a case input that is a date, and '" + by + "' is " + describe(date.type), {});
    return std::move(date.node);
}

// The `dated by` of the file a declaration is in, else the entry file's: the name and where it is written.
std::pair<std::string, Location> Checker::dated_by(const ast::Decl& d) const {
    auto by = dated_by_.find(d.name_where.file);
    if (by == dated_by_.end() && !p_.sources.empty()) by = dated_by_.find(p_.sources[0].get());
    return by == dated_by_.end() ? std::pair<std::string, Location>{} : by->second;
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

void Checker::check_table(int i) {
    if (table_state_[i] != State::unchecked) return;
    table_state_[i] = State::checking;
    const ast::Decl& d = *table_decls_[i];
    TableDef& t = p_.tables[i];
    bool keys_ok = true;
    for (std::size_t k = 0; k < d.keys.size(); ++k) {
        TableKey key;
        key.banded = d.key_banded[k];
        key.type = type_of(*d.keys[k], nullptr);
        if (key.banded && !key.type.is_error() && key.type.kind != TypeKind::number) {
            error(d.keys[k]->where, "a banded table's key is a number or a quantity with a unit (bands of hour), not " + describe(key.type));
            key.type = Type{};
        } else if (!key.banded && !key.type.is_error() && key.type.kind != TypeKind::enumeration &&
                   key.type.kind != TypeKind::text && key.type.kind != TypeKind::number) {
            error(d.keys[k]->where, "a table is keyed by an enumeration, text, a number or bands of a quantity, not " + describe(key.type));
            key.type = Type{};
        }
        keys_ok = keys_ok && !key.type.is_error();
        t.keys.push_back(std::move(key));
    }
    Type columns = type_of(*d.columns, nullptr);
    t.columns = columns.record;
    const std::size_t nkeys = t.keys.size();
    const bool by_member = nkeys == 1 && !t.keys[0].banded && t.keys[0].type.kind == TypeKind::enumeration;
    // A row in error is not also a missing row (one mistake, one error); nor, when a row's key is not a member
    // (a misspelling, most likely), is the member it was meant to be.
    std::set<std::string> in_error;
    bool key_failed = false;
    for (const auto& row : d.rows) {
        if (!keys_ok || !t.columns) break;
        std::vector<std::size_t> bands_before;  // a row in error adds no band (its bands would be reported as gaps or overlaps too)
        for (const auto& k : t.keys) bands_before.push_back(k.bands.size());
        auto drop_bands = [&] {
            for (std::size_t k = 0; k < nkeys; ++k) t.keys[k].bands.resize(bands_before[k]);
        };
        std::string kt;
        bool row_ok = true;
        for (std::size_t k = 0; k < nkeys && k < row.entries.size(); ++k) {
            auto part = row_key(d, t.keys[k], row.entries[k]);
            if (!part) {
                row_ok = false;
                key_failed = true;
                continue;
            }
            kt += (k ? std::string(1, key_separator) : "") + *part;
        }
        if (!row_ok) {
            drop_bands();
            continue;
        }
        for (std::size_t k = nkeys; k < row.entries.size(); ++k)
            if (row.entries[k].band) {
                error(row.entries[k].where, "a band is a key, and table '" + d.name + "' has " + std::to_string(nkeys) +
                                                " key" + (nkeys == 1 ? "" : "s") + ": the cells after the keys hold values, written out (as £120 or 1.5)");
                row_ok = false;
            }
        if (!row_ok) {
            drop_bands();
            continue;
        }
        const std::size_t values = row.entries.size() > nkeys ? row.entries.size() - nkeys : 0;
        if (row.entries.size() < nkeys || values != t.columns->fields.size()) {
            std::string all;
            for (const auto& f : t.columns->fields) all += (all.empty() ? "" : ", ") + f.name;
            error(row.where, "this row has " + std::to_string(values) + " value" + (values == 1 ? "" : "s") +
                                 (nkeys == 1 ? "" : " after its " + std::to_string(nkeys) + " keys") + " but table '" + d.name + "' has " +
                                 std::to_string(t.columns->fields.size()) + " column" + (t.columns->fields.size() == 1 ? "" : "s") +
                                 " (" + all + ")");
            in_error.insert(kt);
            drop_bands();
            continue;
        }
        std::vector<Value> cells;
        std::vector<UncertainCell> ranged;  // the row's cells with a range
        bool ok = true;
        for (std::size_t c = 0; c < values; ++c) {
            const FieldDef& f = t.columns->fields[c];
            if (f.type.is_error()) {  // the column's type is in error, and said so: its cells are not checked against it
                ok = false;
                continue;
            }
            const ast::Expr& x = *row.entries[nkeys + c].value;
            NodePtr n = constant(x, f.type, "column '" + f.name + "' of table '" + d.name + "'");
            if (n && n->op != Op::constant) {
                error(x.where, "a table holds values written out, such as £1,361 or 1.06913");
                n = nullptr;
            }
            if (!n) { ok = false; continue; }
            if (const auto& u = row.entries[nkeys + c].uncertain) {
                const std::string who = "cell " + d.name + "(" + key_shown(t, kt) + ")." + f.name;
                if (auto range = check_uncertainty(*u, who, f.type, n.get(), &x)) {
                    sources_at_value(*range, n->value, row.source.empty() ? t.cite.source : row.source);
                    ranged.push_back({i, kt, -1, static_cast<int>(c), who.substr(5), f.type, std::move(*range)});
                }
                else
                    ok = false;
            }
            cells.push_back(n->value);
        }
        if (!ok) {
            in_error.insert(kt);
            drop_bands();
            continue;
        }
        if (row.from) {  // values from a date: a version of the row of these keys
            NodePtr from = constant(*row.from, Type::of(TypeKind::date), "the date a row takes effect from");
            if (!from) continue;
            const long day = from->value.n().convert_to<long>();
            auto& versions = t.versions[kt];
            if (std::any_of(versions.begin(), versions.end(), [&](const auto& v) { return v.first == day; })) {
                error(row.from->where, "table '" + d.name + "' already has a row for " + key_shown(t, kt) + " from " + row.from->text);
                continue;
            }
            const std::string base = kt;
            kt += date_separator + std::to_string(day);
            versions.emplace_back(day, kt);
            std::sort(versions.begin(), versions.end());
            if (t.rows.count(base))
                error(row.from->where, "table '" + d.name + "' has a row for " + key_shown(t, base) +
                                           " with no date, and this one from a date: give every row of these keys the date it takes effect from");
        } else if (t.versions.count(kt)) {
            error(row.entries[0].where, "table '" + d.name + "' has rows for " + key_shown(t, kt) +
                                            " from dates, and this one has none: give it the date it takes effect from");
            continue;
        }
        if (t.rows.count(kt)) {
            error(row.entries[0].where, "table '" + d.name + "' already has a row for " + key_shown(t, kt));
            continue;
        }
        t.rows.emplace(kt, Value::list(std::move(cells)));
        t.order.push_back(kt);
        for (auto& r : ranged) {
            if (row.from) {
                error(row.from->where, "a row from a date holds values for a time, and a range is declared in it",
                      {"declare the range on a table whose rows are not from dates"});
                break;
            }
            if (by_member) r.member = std::stoi(kt.substr(1));
            t.uncertain.push_back(static_cast<int>(p_.uncertain_cells.size()));
            p_.uncertain_cells.push_back(std::move(r));
        }
        if (!row.source.empty()) t.row_sources[kt] = row.source;
    }
    for (std::size_t k = 0; k < nkeys; ++k)
        if (t.keys[k].banded) check_bands(d, t.keys[k]);
    const auto first_dated = std::find_if(d.rows.begin(), d.rows.end(), [](const ast::TableRow& r) { return r.from != nullptr; });
    if (!t.versions.empty() && dated_by(d).first.empty() && first_dated != d.rows.end())
        error(first_dated->from->where, "table '" + d.name + "' has rows from dates, and the ruleset does not say which date picks one",
              {"name it in the ruleset's header: dated by costing_date (a param or a case input that is a date)"});
    if (by_member && keys_ok) {
        const EnumDef& e = *t.keys[0].type.enumeration;
        std::string missing;
        for (std::size_t m = 0; m < e.members.size(); ++m) {
            const std::string k = key_text(Value::member(static_cast<int>(m)));
            if (!t.rows.count(k) && !t.versions.count(k) && !in_error.count(k)) missing += (missing.empty() ? "" : ", ") + e.members[m];
        }
        if (!missing.empty() && !key_failed)
            error(d.name_where, "table '" + d.name + "' has no row for " + missing,
                  {"a table keyed by " + e.name + " needs a row for every member"});
        if (t.rows.size() == e.members.size() && t.versions.empty())  // whole: a value for every member
            for (std::size_t m = 0; m < e.members.size(); ++m)
                t.by_member.push_back(t.rows.at(key_text(Value::member(static_cast<int>(m)))));
    }
    table_state_[i] = State::done;
}

// One key of a row, as key_text() or a band's text; nullopt after an error.
std::optional<std::string> Checker::row_key(const ast::Decl& d, TableKey& key, const ast::RowEntry& entry) {
    if (key.banded) {
        if (!entry.band) {
            error(entry.where, "table '" + d.name + "' is keyed by bands of " + describe(key.type) +
                                   ": write a band, as in '0 hour to 8 hour', 'over 8 hour to 16 hour' or '96 hour and over'");
            return std::nullopt;
        }
        Band b;
        b.text = entry.band->text;
        b.low_text = entry.band->low_text;
        b.high_text = entry.band->high_text;
        b.where = entry.where;
        b.low_in = entry.band->low_in;
        b.high_in = entry.band->high_in;
        const std::string what = "an end of a band of table '" + d.name + "'";
        for (auto [end, out] : {std::pair{entry.band->low.get(), &b.low}, std::pair{entry.band->high.get(), &b.high}}) {
            if (!end) continue;
            NodePtr n = constant(*end, key.type, what);
            if (!n) return std::nullopt;
            *out = n->value.n();
        }
        if (b.low && b.high && (*b.high < *b.low || (*b.high == *b.low && !(b.low_in && b.high_in)))) {
            error(entry.where, "band '" + b.text + "' holds no value: its high end is below its low end");
            return std::nullopt;
        }
        for (std::size_t i = 0; i < key.bands.size(); ++i)
            if (key.bands[i].same(b)) return band_key_text(static_cast<int>(i));
        key.bands.push_back(std::move(b));
        return band_key_text(static_cast<int>(key.bands.size() - 1));
    }
    if (entry.band) {
        error(entry.where, "table '" + d.name + "' is keyed by " + describe(key.type) + ", not by bands: 'bands of' before the key's type makes it banded");
        return std::nullopt;
    }
    const ast::Expr& k = *entry.value;
    if (key.type.kind == TypeKind::enumeration) {
        const EnumDef& e = *key.type.enumeration;
        int m = k.kind == ast::ExprKind::name ? e.member(k.text) : -1;
        if (m < 0) {
            std::string all;
            for (const auto& x : e.members) all += (all.empty() ? "" : ", ") + x;
            error(k.where, "'" + (k.kind == ast::ExprKind::name ? k.text : std::string("this")) + "' is not a member of " + e.name,
                  {"the members of " + e.name + " are: " + all});
            return std::nullopt;
        }
        return key_text(Value::member(m));
    }
    if (key.type.kind == TypeKind::text && k.kind == ast::ExprKind::name) return key_text(Value::text(k.text));
    NodePtr n = constant(k, key.type, "the key of a row of table '" + d.name + "'");
    if (!n) return std::nullopt;
    return key_text(n->value);
}

// The bands of one key, in order: no two hold the same value, and no value between the lowest and the highest
// is in none.
void Checker::check_bands(const ast::Decl& d, const TableKey& key) {
    std::vector<std::size_t> order(key.bands.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto below = [&](std::size_t a, std::size_t b) {  // by low end: an open low end first, then the lower, then the one that holds it
        const Band &x = key.bands[a], &y = key.bands[b];
        if (!x.low || !y.low) return !x.low && y.low;
        if (*x.low != *y.low) return *x.low < *y.low;
        return x.low_in && !y.low_in;
    };
    std::stable_sort(order.begin(), order.end(), below);
    for (std::size_t i = 1; i < order.size(); ++i) {
        const Band &a = key.bands[order[i - 1]], &b = key.bands[order[i]];
        const std::string &a_high = a.high_text, &b_low = b.low_text;
        if (!a.high || !b.low || *a.high > *b.low || (*a.high == *b.low && a.high_in && b.low_in)) {
            // the values both hold: from b's low end to the lower of the two high ends
            const bool b_inside = b.high && (!a.high || *b.high < *a.high);
            const std::string upto = b_inside ? b.high_text : a_high;
            std::string both = !b.low ? "the values below " + b.high_text
                             : !a.high && !b.high ? "the values above " + b_low
                             : a.high && *a.high == *b.low ? b_low : "the values from " + b_low + " to " + upto;
            error(b.where, "band '" + b.text + "' overlaps band '" + a.text + "' of table '" + d.name + "': both hold " + both,
                  {"a value is in one band only: write 'over " + b_low + " to …' for a band that starts where another ends"});
        } else if (*a.high < *b.low || (!a.high_in && !b.low_in)) {
            std::string gap = *a.high == *b.low ? a_high : "the values between " + a_high + " and " + b_low;
            error(b.where, "there is a gap in the bands of table '" + d.name + "' before band '" + b.text + "': no band holds " + gap,
                  {"bands meet end to end: '0 hour to 8 hour', then 'over 8 hour to 16 hour'"});
        }
    }
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
