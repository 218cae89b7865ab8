// `reckon explain`: the derivation tree of one figure of one case. Each rule with its formula and value, then what
// its formula uses, a level below: the rules, params, functions (with their calls' values), tables (with the rows
// looked up) and inputs (with where they are in the case file). What was shown once is named again, not shown.
#include "commands/explain/explainer.hpp"

#include "commands/present/present.hpp"

#include <algorithm>
#include <utility>

namespace reckon {

DerivationKind rule_kind(const RuleDef& r) {
    if (r.cohort) return r.output ? DerivationKind::cohort_output : DerivationKind::cohort_rule;
    return r.output ? DerivationKind::output : DerivationKind::rule;
}

Derivation derivation_entry(DerivationKind kind, std::string name, const Location& where, const Citation& cite) {
    Derivation d;
    d.kind = kind;
    d.name = std::move(name);
    d.where = where.str();
    d.description = cite.description;
    d.source = cite.source;
    return d;
}

Derivation Explainer::rule(int slot, int depth) {
    const RuleDef& r = p_.rules[slot];
    Derivation d = derivation_entry(rule_kind(r), r.name, r.where, r.cite);
    const Value& v = ev_.rule(slot);
    d.value = r.by ? display_by_member(p_, r, v) : r.output ? display_with_unit(p_, r, v) : typed_value(p_, r.type, v);
    if (!r.by) set_exact(p_, r.type, v, d);
    if (again(Op::rule, slot, d)) return d;
    d.formula = formula_text(r.syntax);
    if (p_.rule_set(slot)) d.source = "set for this run (--param " + r.name + ")";
    else if (!r.dated.empty() && r.dated.by_input) dated(d, r.dated, c_.inputs.at(static_cast<std::size_t>(r.dated.slot)));
    uses(d, *r.formula, depth, made_by(*r.formula, r.frame, -1, r.by));
    if (r.cohort && cohort_ && !r.by) parts(d, r, v, depth, -1);
    return d;
}

int Explainer::picked(const Refs& refs, int slot, int member, const EnumDef* by) const {
    auto it = refs.picks.find(slot);
    if (it == refs.picks.end() || !p_.rules[slot].by) return -1;
    const EnumDef& target = *p_.rules[slot].by;
    // the members of the figure being explained, each in the local slot its parameter is bound to
    std::vector<std::size_t> bound;
    if (member >= 0 && by) bound = by->factors.empty() ? std::vector<std::size_t>{static_cast<std::size_t>(member)} : by->factor_members(static_cast<std::size_t>(member));
    long m = 0;
    for (std::size_t k = 1; k < it->second->kids.size(); ++k) {
        const Node& which = *it->second->kids[k];
        const std::size_t size = target.factors.empty() ? target.members.size() : target.factors.at(k - 1)->members.size();
        long part;
        if (which.op == Op::constant && which.value.kind == Value::Kind::member) part = which.value.n().convert_to<long>();
        else if (which.op == Op::local && which.slot >= 0 && static_cast<std::size_t>(which.slot) < bound.size()) part = static_cast<long>(bound[which.slot]);
        else return -1;
        m = m * static_cast<long>(size) + part;
    }
    return static_cast<int>(m);
}

Derivation Explainer::member(int slot, int m, int depth) {
    const RuleDef& r = p_.rules[slot];
    Derivation d = derivation_entry(rule_kind(r), r.name + "(" + r.by->written(m) + ")", r.where, r.cite);
    const Value& all = ev_.rule(slot);
    const Value& v = (*all.items()).at(m);
    d.value = r.output ? display_with_unit(p_, r, v) : typed_value(p_, r.shown(), v);
    set_exact(p_, r.shown(), v, d);
    d.formula = formula_text(r.syntax);
    member_ = m;
    member_by_ = r.by;
    uses(d, *r.formula, depth, made_by(*r.formula, r.frame, m, r.by));
    if (r.cohort && cohort_) parts(d, r, v, depth, m);
    return d;
}

bool Explainer::again(Op op, int slot, Derivation& d) {
    if (shown_.insert({op, slot}).second) return false;
    d.shown_above = true;
    d.description.clear();
    d.source.clear();
    return true;
}

Made Explainer::made_by(const Node& formula, int frame, int member, const EnumDef* by) {
    if (!shown_by_trace(formula)) return {};
    auto trace = std::make_shared<CallTrace>();
    if (by && member < 0)  // the whole figure by member: each member's evaluation
        for (std::size_t m = 0; m < by->members.size(); ++m) ev_.traced(formula, frame, static_cast<int>(m), by, *trace);
    else ev_.traced(formula, frame, member, by, *trace);
    return {std::move(trace), {-1}};
}

void Explainer::uses(Derivation& d, const Node& formula, int depth, const Made& made) {
    Refs refs;
    collect_refs(formula, refs);
    d.rounding = rounding_lines(refs.rounding, made.trace.get(), made.in);
    const int member = std::exchange(member_, -1);  // the member, for this formula only
    const EnumDef* by = std::exchange(member_by_, nullptr);
    if (depth == 1) {
        d.cut = !refs.seen.empty();
        return;
    }
    int next = depth == 0 ? 0 : depth - 1;
    for (const auto& [op, slot] : refs.seen) {
        // refs.seen holds only these (collect_refs())
        if (op == Op::rule) {
            const int m = picked(refs, slot, member, by);
            d.uses.push_back(m >= 0 ? this->member(slot, m, next) : rule(slot, next));
        }
        else if (op == Op::param) d.uses.push_back(param(slot, next));
        else if (op == Op::input) d.uses.push_back(input(slot));
        else if (op == Op::call) d.uses.push_back(fn(slot, next, made));
        else if (op == Op::lookup) d.uses.push_back(table(slot, refs.lookups[slot], member, by, made));
    }
}

Derivation Explainer::param(int slot, int depth) {
    const ParamDef& pd = p_.params[slot];
    Derivation d = derivation_entry(DerivationKind::param, pd.name, pd.where, pd.cite);
    d.value = pd.run_input >= 0 ? input_text(p_, pd.type, params_[slot], entries_) : param_text(p_, slot, params_[slot]);
    set_exact(p_, pd.type, params_[slot], d);
    if (again(Op::param, slot, d)) return d;
    d.formula = formula_text(pd.syntax);
    const bool set = p_.param_set(slot);
    if (set) d.source = pd.run_data.empty() ? "set on the command line (--param " + pd.name + ")" : param_source(p_, slot, params_);
    if (!pd.dated.empty() && pd.dated.slot >= 0 && !set) dated(d, pd.dated, params_[pd.dated.slot]);
    if (pd.formula) uses(d, *pd.formula, depth, set ? Made{} : made_by(*pd.formula, pd.frame, -1, nullptr));
    return d;
}

void Explainer::dated(Derivation& d, const DatedValues& dv, const Value& day) {
    d.formula = dv.written() + " (the one in effect on " + dv.by + ")";
    const int i = dv.on(day);
    if (i < 0) return;
    const DatedValue& v = dv.values[static_cast<std::size_t>(i)];
    d.value += ", in effect " + dv.period(static_cast<std::size_t>(i)) + " (" + dv.by + " is " + format_date(day.n().convert_to<long>()) + ")";
    if (!v.source.empty()) d.source = v.source;
}

// A function: from the traced evaluation of the formula that calls it, its calls there. One call (or calls
// all alike) names its arguments and has its value: `hourly_rate(£32,000.00/year) = £23.272727…/hour`; several
// are listed, as many as --entries says. The roundings in its body show their values in those calls.
Derivation Explainer::fn(int slot, int depth, const Made& made) {
    const FnDef& f = p_.fns[slot];
    std::vector<int> mine;
    std::vector<std::string> calls;  // "name(args) = value", each once
    if (made.trace)
        for (std::size_t i = 0; i < made.trace->calls.size(); ++i) {
            const CallTrace::Call& c = made.trace->calls[i];
            if (c.fn != slot || std::find(made.in.begin(), made.in.end(), c.parent) == made.in.end()) continue;
            mine.push_back(static_cast<int>(i));
            std::string text = f.name + "(";
            for (std::size_t k = 0; k < c.args.size() && k < f.param_types.size(); ++k)
                text += (k ? ", " : "") + typed_value(p_, f.param_types[k], c.args[k]);
            text += ") = " + typed_value(p_, f.result, c.result);
            if (std::find(calls.begin(), calls.end(), text) == calls.end()) calls.push_back(std::move(text));
        }
    std::string name = f.name + "(";
    for (std::size_t i = 0; i < f.param_names.size(); ++i) name += (i ? ", " : "") + f.param_names[i];
    name += ")";
    Derivation d = derivation_entry(DerivationKind::fn, name, f.where, f.cite);
    if (calls.size() == 1) {  // "hourly_rate(£32,000.00/year) = £23.27…/hour": the name and the value
        const auto eq = calls[0].rfind(") = ");
        d.name = calls[0].substr(0, eq + 1);
        d.value = calls[0].substr(eq + 4);
        const Value& first = made.trace->calls[static_cast<std::size_t>(mine[0])].result;
        const bool alike = first.kind == Value::Kind::number && std::all_of(mine.begin(), mine.end(), [&](int i) {
            const Value& r = made.trace->calls[static_cast<std::size_t>(i)].result;
            return r.kind == Value::Kind::number && r.n() == first.n();
        });
        if (alike) set_exact(p_, f.result, first, d);  // shown alike, and exactly alike
    }
    if (again(Op::call, slot, d)) return d;
    if (calls.size() > 1) {
        d.calls.push_back(std::to_string(mine.size()) + " calls" + (calls.size() < mine.size() ? ", " + std::to_string(calls.size()) + " different" : "") + ":");
        for (std::size_t i = 0; i < calls.size() && i < std::max<std::size_t>(entries_, 1); ++i) d.calls.push_back("  " + calls[i]);
        if (calls.size() > std::max<std::size_t>(entries_, 1)) d.calls.push_back("  … (--entries N shows more)");
    }
    if (f.body) {
        d.formula = formula_text(f.syntax);
        uses(d, *f.body, depth, Made{made.trace, mine});
    }
    return d;
}

// A table: the rows looked up, each once: by a key that has one value here, and, from the formula's traced
// evaluation, by a key that varies (a loop's element, a function's argument, a member); and the cells set for this run.
Derivation Explainer::table(int slot, const std::vector<const Node*>& lookups, int member, const EnumDef* by, const Made& made) {
    const TableDef& t = p_.tables[slot];
    Derivation d = derivation_entry(DerivationKind::table, t.name, t.where, t.cite);
    std::set<std::string> keys;
    auto row = [&](const std::string& k) {
        if (k.empty() || !keys.insert(k).second || !t.rows.count(k)) return;
        const auto own = t.row_sources.find(k);
        d.rows.push_back(key_shown(t, k) + ": " + record_text(p_, *t.columns, t.rows.at(k)) +
                         (own == t.row_sources.end() ? "" : " (source: " + own->second + ")"));
    };
    const int bound = member >= 0 && by ? static_cast<int>(std::max<std::size_t>(by->factors.size(), 1)) : 0;
    for (const Node* n : lookups) {
        std::vector<Value> values;
        for (const auto& kid : n->kids) {  // the keys, then (rows from dates) the date that picks
            if (!kid || reads_local(*kid, bound)) break;
            values.push_back(bound ? ev_.for_member(*kid, 0, member, *by) : ev_.in_frame(*kid, 0));
        }
        if (values.empty() || values.size() != n->kids.size()) continue;
        std::string k = t.row_key(values);
        if (t.versions.count(k)) k = t.version_on(k, values.back().n().convert_to<long>());
        row(k);
    }
    if (made.trace)
        for (const auto& l : made.trace->lookups)
            if (l.table == slot && std::find(made.in.begin(), made.in.end(), l.call) != made.in.end()) row(l.row);
    if (d.rows.empty() && made.trace) d.rows.push_back(std::string(no_row_looked_up));
    for (const auto& c : p_.cell_settings)
        if (c.table == slot) {
            const Type& type = t.columns->fields[c.column].type;
            d.rows.push_back("set for this run: " + c.name + " = " + typed_value(p_, type, (*t.rows.at(c.key).items())[c.column]) +
                             " (the ruleset has " + typed_value(p_, type, c.was) + ")");
        }
    return d;
}

Derivation Explainer::input(int slot) {
    const InputDef& in = p_.inputs[slot];
    Derivation d = derivation_entry(DerivationKind::input, in.path, in.where, {in.cite.description, ""});
    const Value& v = c_.inputs[slot];
    d.value = v.kind == Value::Kind::none ? "not given" : input_text(p_, in.type, v, entries_);
    set_exact(p_, in.type, v, d);
    std::uint32_t at = c_.input_at.at(slot);
    const std::string cell = c_.input_cell.empty() ? "" : c_.input_cell.at(slot);
    if (at) d.where = Location{c_.source.get(), at - 1, 1}.str() + (cell.empty() ? "" : ", " + cell);
    else if (!cell.empty()) d.where = cell;
    else d.where = "not in the case file: the default of " + in.where.str();
    return d;
}

Derivation explain(const Program& p, Evaluator& ev, const std::vector<Value>& params, const Case& c, int slot, int depth,
                   std::size_t entries, int member) {
    Explainer x(p, ev, params, c, nullptr, 5, entries);
    return member >= 0 ? x.member(slot, member, depth) : x.rule(slot, depth);
}

}  // namespace reckon
