#include "commands/explain/explain.hpp"

#include "commands/present/present.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <utility>

namespace reckon {
namespace {

// The text a formula was written as: the span of its syntax tree, widened to
// take in the parentheses that the tree does not keep.
void extent(const ast::Expr& e, std::uint32_t& begin, std::uint32_t& end) {
    begin = std::min(begin, e.where.offset);
    end = std::max(end, e.where.offset + e.where.length);
    for (const auto& k : e.kids)
        if (k) extent(*k, begin, end);
}


std::string mode_name(RoundMode m) {
    switch (m) {
        case RoundMode::half_away: return "half away from zero";
        case RoundMode::half_even: return "half to even";
        case RoundMode::up: return "up, away from zero";
        case RoundMode::down: return "down, toward zero";
        case RoundMode::floor: return "down (floor)";
        case RoundMode::ceiling: return "up (ceiling)";
    }
    return "";
}

// What a tree of nodes refers to, each once, in the order first met; for a
// function, its first call.
struct Refs {
    std::vector<std::pair<Op, int>> seen;
    std::map<int, const Node*> first_call;
    std::map<int, std::vector<const Node*>> lookups;  // by table: every lookup
    std::map<int, const Node*> picks;                 // by rule: its first `figure(member)`, a figure by member's member
    std::vector<const Node*> rounding;  // each round(), floor() and ceil(), in the order met
};

// Whether a formula reads a local (a loop's element, a let, a function's argument) from slot `from` on: then it has
// no one value here. The slots below `from` hold the members of a figure by member, explained for one member.
bool reads_local(const Node& n, int from = 0) {
    if (n.op == Op::local && n.slot >= from) return true;
    for (const auto& k : n.kids)
        if (k && reads_local(*k, from)) return true;
    return false;
}

void collect(const Node& n, Refs& r) {
    switch (n.op) {
        case Op::rule:
        case Op::param:
        case Op::input:
        case Op::call:
        case Op::lookup:
            if (std::find(r.seen.begin(), r.seen.end(), std::make_pair(n.op, n.slot)) == r.seen.end()) {
                r.seen.emplace_back(n.op, n.slot);
                if (n.op == Op::call) r.first_call[n.slot] = &n;
            }
            if (n.op == Op::lookup) r.lookups[n.slot].push_back(&n);
            break;
        case Op::round_: r.rounding.push_back(&n); break;
        case Op::pick:
            if (n.kids.size() >= 2 && n.kids[0] && n.kids[0]->op == Op::rule && !r.picks.count(n.kids[0]->slot))
                r.picks[n.kids[0]->slot] = &n;
            break;
        case Op::constant:  // nothing to name: what is below is collected
        case Op::local:
        case Op::field:
        case Op::neg:
        case Op::not_:
        case Op::abs_:
        case Op::add:
        case Op::sub:
        case Op::mul:
        case Op::div:
        case Op::eq:
        case Op::ne:
        case Op::lt:
        case Op::le:
        case Op::gt:
        case Op::ge:
        case Op::and_:
        case Op::or_:
        case Op::if_:
        case Op::let_:
        case Op::min_:
        case Op::max_:
        case Op::sum:
        case Op::count:
        case Op::least:
        case Op::most:
        case Op::date_add:
        case Op::date_sub:
        case Op::date_diff:
        case Op::is_given:
        case Op::otherwise:
        case Op::make_date:
        case Op::financial_year:
        case Op::collect:
        case Op::power:
        case Op::numbers:
        case Op::dated:  // the date that picks is collected below, as what it reads
        case Op::cases: break;
    }
    for (const auto& k : n.kids)
        if (k) collect(*k, r);
}

// A number of base units as a rounding's step is written ("£0.01", "8 hour", "1"): £35.666667…, 1.683333… hour.
std::string in_step_units(const Node& round, const Number& x) {
    const std::string step = round.value.s() ? *round.value.s() : std::string("1");
    const auto b = step.find_first_of("0123456789");
    if (b == std::string::npos) return format_trimmed(x, 6);
    const auto e = step.find_first_not_of("0123456789,.", b);
    const std::string prefix = step.substr(0, b), suffix = e == std::string::npos ? "" : step.substr(e);
    const auto written = parse_decimal(step.substr(b, e == std::string::npos ? std::string::npos : e - b), true);
    if (!written || round.step == 0) return format_trimmed(x, 6);
    const Number v = x / round.step * *written;
    std::string text;
    if (auto exact = exact_decimal(abs(v), 6)) text = group_thousands(*exact);
    else text = group_thousands(format_fixed(abs(v), 6)) + "…";
    return (v < 0 ? "-" : "") + prefix + text + suffix;
}

// The lines of a formula's roundings: how each rounds, and, from its traced evaluation, the value before and after
// (the first three, when it rounds several values).
std::vector<std::string> rounding_lines(const std::vector<const Node*>& rounds, const CallTrace* trace, const std::vector<int>& in) {
    std::vector<std::string> out;
    for (const Node* n : rounds) {
        std::string line = "rounded to a multiple of " + (n->value.s() ? *n->value.s() : std::string("1")) + ", " + mode_name(n->mode);
        std::vector<std::string> steps;
        std::size_t all = 0;
        if (trace)
            for (const auto& r : trace->roundings)
                if (r.node == n && std::find(in.begin(), in.end(), r.call) != in.end()) {
                    std::string step = in_step_units(*n, r.before) + " -> " + in_step_units(*n, r.after);
                    if (std::find(steps.begin(), steps.end(), step) != steps.end()) continue;
                    ++all;
                    if (steps.size() < 3) steps.push_back(std::move(step));
                }
        for (std::size_t i = 0; i < steps.size(); ++i) line += (i ? ", " : ": ") + steps[i];
        if (all > steps.size()) line += ", … (" + std::to_string(all) + " different)";
        out.push_back(line + " (" + n->where.str() + ")");
    }
    return out;
}

// The parts every entry has: what it is, its name, where, and its citation.
Derivation entry(std::string kind, std::string name, const Location& where, const Citation& cite) {
    Derivation d;
    d.kind = std::move(kind);
    d.name = std::move(name);
    d.where = where.str();
    d.description = cite.description;
    d.source = cite.source;
    return d;
}

// A record with its fields' names: {date: 2023-03-20, type: shoplifting, css: 13}.
std::string record_text(const Program& p, const RecordDef& r, const Value& v) {
    std::string out = "{";
    for (std::size_t f = 0; f < r.fields.size() && f < v.items()->size(); ++f) {
        const Value& x = (*v.items())[f];
        out += (f ? ", " : "") + r.fields[f].name + ": " + (x.kind == Value::Kind::none ? "not given" : typed_value(p, r.fields[f].type, x));
    }
    return out + "}";
}

// An input's value: a list of records with its first `entries` entries, a record with its fields' names.
std::string input_text(const Program& p, const Type& t, const Value& v, std::size_t entries) {
    if (t.kind == TypeKind::record && v.kind == Value::Kind::list) return record_text(p, *t.record, v);
    if (t.kind != TypeKind::list || t.element->kind != TypeKind::record || v.kind != Value::Kind::list) return typed_value(p, t, v);
    const auto& items = *v.items();
    std::string out = std::to_string(items.size()) + (items.size() == 1 ? " entry" : " entries");
    for (std::size_t i = 0; i < items.size() && i < entries; ++i) out += (i ? ", " : ": ") + record_text(p, *t.element->record, items[i]);
    if (items.size() > entries && entries > 0) out += ", … (--entries N shows more)";
    return out;
}

// The figures a sum over the cases reads from each case (`c.baseline_cost`):
// indexes into p.cohort_fields, each once, in the order first met.
void case_fields(const Node& n, int loop, std::vector<int>& out) {
    if (n.op == Op::field && !n.kids.empty() && n.kids[0] && n.kids[0]->op == Op::local && n.kids[0]->slot == loop &&
        std::find(out.begin(), out.end(), n.slot) == out.end())
        out.push_back(n.slot);
    for (const auto& k : n.kids)
        if (k) case_fields(*k, loop, out);
}

// What a formula did when it was evaluated: its traced evaluation, and which
// of the calls recorded there it is the body of (-1: the formula itself).
struct Made {
    std::shared_ptr<const CallTrace> trace;
    std::vector<int> in{-1};
};

// Whether a formula makes a call or rounds: then its traced evaluation shows the values.
bool calls_or_rounds(const Node& n) {
    if (n.op == Op::call || n.op == Op::round_) return true;
    for (const auto& k : n.kids)
        if (k && calls_or_rounds(*k)) return true;
    return false;
}

class Explainer {
public:
    Explainer(const Program& p, Evaluator& ev, const std::vector<Value>& params, const Case& c,
              const std::vector<CohortCase>* cohort = nullptr, std::size_t largest = 5, std::size_t entries = 5)
        : p_(p), ev_(ev), params_(params), c_(c), cohort_(cohort), largest_(largest), entries_(entries) {}

    // With --case: the case followed, and the explainer of its own figures (one, so that what two sums share is shown once).
    void follow(const FollowedCase* f, Explainer* in_case) {
        followed_ = f;
        in_case_ = in_case;
    }

    Derivation rule(int slot, int depth) {
        const RuleDef& r = p_.rules[slot];
        Derivation d = entry(std::string(r.cohort ? "cohort " : "") + (r.output ? "output" : "rule"), r.name, r.where, r.cite);
        const Value& v = ev_.rule(slot);
        d.value = r.by ? display_by_member(p_, r, v) : r.output ? display_with_unit(p_, r, v) : typed_value(p_, r.type, v);
        if (again(Op::rule, slot, d)) return d;
        d.formula = formula_text(r.syntax);
        if (!r.dated.empty() && r.dated.by_input) dated(d, r.dated, c_.inputs.at(static_cast<std::size_t>(r.dated.slot)));
        uses(d, *r.formula, depth, r.by ? Made{} : made_by(*r.formula, r.frame, -1, nullptr));
        if (r.cohort && cohort_ && !r.by) parts(d, r, v, depth, -1);
        return d;
    }

    // The member a formula names of figure `slot` (`figure(Enumeration.member)`, or `figure(t)` in the formula
    // of one member `member`, t being that member), or -1: the whole figure is shown.
    int picked(const Refs& refs, int slot, int member, const EnumDef* by) const {
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

    // One member of a figure by member: `offences_of(OffenceType.shoplifting) = 2`, the calls its formula makes valued for it.
    Derivation member(int slot, int m, int depth) {
        const RuleDef& r = p_.rules[slot];
        Derivation d = entry(std::string(r.cohort ? "cohort " : "") + (r.output ? "output" : "rule"),
                             r.name + "(" + r.by->written(m) + ")", r.where, r.cite);
        const Value& all = ev_.rule(slot);
        const Value& v = (*all.items()).at(m);
        d.value = r.output ? display_with_unit(p_, r, v) : typed_value(p_, r.shown(), v);
        d.formula = formula_text(r.syntax);
        member_ = m;
        member_by_ = r.by;
        uses(d, *r.formula, depth, made_by(*r.formula, r.frame, m, r.by));
        if (r.cohort && cohort_) parts(d, r, v, depth, m);
        return d;
    }

private:
    struct Part {
        std::size_t k;  // index of the case in the cohort
        Number n;
    };

    // The followed case's part of a sum (or whether a count counts it), then
    // the case's own derivation of each figure the formula reads from it.
    // For one member of a cohort figure by member, the case's figures by the same enumeration show that member.
    void follow_case(Derivation& d, const RuleDef& r, const Node& f, const std::vector<Part>& nonzero, int depth, int member) {
        const CohortCase& cc = (*cohort_)[followed_->index];
        Derivation part;
        part.kind = "case";
        part.name = cc.id;
        part.where = cc.file;
        auto mine = std::find_if(nonzero.begin(), nonzero.end(), [&](const Part& x) { return x.k == followed_->index; });
        if (f.op == Op::count) part.value = mine == nonzero.end() ? "not counted" : "counted";
        else part.value = display_with_unit(p_, r, Value::number(mine == nonzero.end() ? Number(0) : mine->n));
        std::vector<int> fields;
        case_fields(f, f.slot, fields);
        for (int k : fields) {  // a level below the figure, as what its formula uses is (--depth)
            if (depth == 1) break;
            const auto& [is_input, slot] = p_.cohort_fields[k];
            const int next = depth == 0 ? 0 : depth - 1;
            if (is_input) part.uses.push_back(in_case_->input(slot));
            else if (member >= 0 && p_.rules[slot].by == r.by) part.uses.push_back(in_case_->member(slot, member, next));
            else part.uses.push_back(in_case_->rule(slot, next));
        }
        d.followed.push_back(std::move(part));
    }

    // Whether this rule, param or function was met before in the tree: then it is named with its value, and what it uses is not shown again.
    bool again(Op op, int slot, Derivation& d) {
        if (shown_.insert({op, slot}).second) return false;
        d.shown_above = true;
        d.description.clear();
        d.source.clear();
        return true;
    }

    // A cohort rule whose formula is a sum or a count over the cases: each
    // case's part, found by the same formula over that case alone.
    void parts(Derivation& d, const RuleDef& r, const Value& total, int depth, int member) {
        const Node& f = *r.formula;
        const bool over_cases = (f.op == Op::sum || f.op == Op::count) && !f.kids.empty() && f.kids[0] && f.kids[0]->op == Op::cases;
        if (!over_cases || total.kind != Value::Kind::number) return;
        std::vector<Part> nonzero;
        for (std::size_t k = 0; k < cohort_->size(); ++k) {
            const Value one = Value::list({(*cohort_)[k].row});
            Evaluator alone(p_, params_, one);
            Value v = member >= 0 ? alone.for_member(f, r.frame, member, *r.by) : alone.in_frame(f, r.frame);
            if (v.kind == Value::Kind::number && v.n() != 0) nonzero.push_back({k, v.n()});
        }
        const std::size_t all = cohort_->size();
        if (followed_) follow_case(d, r, f, nonzero, depth, member);
        if (f.op == Op::count) {
            d.over_cases = "counts " + std::to_string(nonzero.size()) + " of the " + std::to_string(all) + " cases";
            return;
        }
        d.over_cases = std::to_string(nonzero.size()) + " of the " + std::to_string(all) + " cases add to it" +
                       (nonzero.size() > largest_ ? "; the " + std::to_string(largest_) + " largest parts:" : ":");
        std::stable_sort(nonzero.begin(), nonzero.end(), [](const Part& a, const Part& b) { return abs(a.n) > abs(b.n); });
        // each part as shown (rounded as the figure is), so that the lines add up on the page to the figure as shown
        const Number scale = p_.units.scale(r.shown().unit);
        const Number step(1, boost::multiprecision::pow(Integer(10), static_cast<unsigned>(r.decimals)));
        auto as_shown = [&](const Number& x) { return round_to(x / scale, step, RoundMode::half_away) * scale; };
        Number shown = 0;
        for (std::size_t i = 0; i < nonzero.size() && i < largest_; ++i) {
            const CohortCase& c = (*cohort_)[nonzero[i].k];
            Derivation part;
            part.kind = "case";
            part.name = c.id;
            part.value = display_with_unit(p_, r, Value::number(as_shown(nonzero[i].n)));
            part.where = c.file;
            d.parts.push_back(std::move(part));
            shown += as_shown(nonzero[i].n);
        }
        if (nonzero.size() > largest_) {
            Derivation rest;
            rest.kind = "cases";
            rest.name = "the other " + std::to_string(nonzero.size() - largest_);
            rest.value = display_with_unit(p_, r, Value::number(as_shown(total.n()) - shown));
            d.parts.push_back(std::move(rest));
        }
    }

    // A formula's traced evaluation (for one member of a figure by member, member >= 0), when it calls or rounds.
    Made made_by(const Node& formula, int frame, int member, const EnumDef* by) {
        if (!calls_or_rounds(formula)) return {};
        auto trace = std::make_shared<CallTrace>();
        ev_.traced(formula, frame, member, by, *trace);
        return {std::move(trace), {-1}};
    }

    void uses(Derivation& d, const Node& formula, int depth, const Made& made) {
        Refs refs;
        collect(formula, refs);
        d.rounding = rounding_lines(refs.rounding, made.trace.get(), made.in);
        const int member = std::exchange(member_, -1);  // the member, for this formula only
        const EnumDef* by = std::exchange(member_by_, nullptr);
        if (depth == 1) {
            d.cut = !refs.seen.empty();
            return;
        }
        int next = depth == 0 ? 0 : depth - 1;
        for (const auto& [op, slot] : refs.seen) {
            // refs.seen holds only these (collect() above)
            if (op == Op::rule) {
                const int m = picked(refs, slot, member, by);
                d.uses.push_back(m >= 0 ? this->member(slot, m, next) : rule(slot, next));
            }
            else if (op == Op::param) d.uses.push_back(param(slot, next));
            else if (op == Op::input) d.uses.push_back(input(slot));
            else if (op == Op::call) d.uses.push_back(fn(slot, next, made));
            else if (op == Op::lookup) d.uses.push_back(table(slot, refs.lookups[slot], member, by));
        }
    }

    Derivation param(int slot, int depth) {
        const ParamDef& pd = p_.params[slot];
        Derivation d = entry("param", pd.name, pd.where, pd.cite);
        d.value = pd.run_input >= 0 ? input_text(p_, pd.type, params_[slot], entries_) : param_text(p_, slot, params_[slot]);
        if (again(Op::param, slot, d)) return d;
        d.formula = formula_text(pd.syntax);
        bool set = false;
        for (const auto& [o, node] : p_.overrides)
            if (o == slot) {
                d.source = pd.run_data.empty() ? "set on the command line (--param " + pd.name + ")" : param_source(p_, slot, params_);
                set = true;
            }
        if (!pd.dated.empty() && pd.dated.slot >= 0 && !set) dated(d, pd.dated, params_[pd.dated.slot]);
        if (pd.formula) uses(d, *pd.formula, depth, set ? Made{} : made_by(*pd.formula, pd.frame, -1, nullptr));
        return d;
    }

    // Values from dates: all of them as the formula, and the one in effect on `day` with its period and its own source.
    static void dated(Derivation& d, const DatedValues& dv, const Value& day) {
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
    Derivation fn(int slot, int depth, const Made& made) {
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
        Derivation d = entry("fn", name, f.where, f.cite);
        if (calls.size() == 1) {  // "hourly_rate(£32,000.00/year) = £23.27…/hour": the name and the value
            const auto eq = calls[0].rfind(") = ");
            d.name = calls[0].substr(0, eq + 1);
            d.value = calls[0].substr(eq + 4);
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

    // A table: the rows looked up by a key that has one value here, and the cells set for this run.
    // In the formula of one member of a figure by member, keys that read the member find their rows too.
    Derivation table(int slot, const std::vector<const Node*>& lookups, int member, const EnumDef* by) {
        const TableDef& t = p_.tables[slot];
        Derivation d = entry("table", t.name, t.where, t.cite);
        std::set<std::string> keys;
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
            if (k.empty() || !keys.insert(k).second || !t.rows.count(k)) continue;
            const auto own = t.row_sources.find(k);
            d.rows.push_back(key_shown(t, k) + ": " + record_text(p_, *t.columns, t.rows.at(k)) +
                             (own == t.row_sources.end() ? "" : " (source: " + own->second + ")"));
        }
        for (const auto& c : p_.cell_settings)
            if (c.table == slot) {
                const Type& type = t.columns->fields[c.column].type;
                d.rows.push_back("set for this run: " + c.name + " = " + typed_value(p_, type, (*t.rows.at(c.key).items())[c.column]) +
                                 " (the ruleset has " + typed_value(p_, type, c.was) + ")");
            }
        return d;
    }

    Derivation input(int slot) {
        const InputDef& in = p_.inputs[slot];
        Derivation d = entry("input", in.path, in.where, {in.cite.description, ""});
        const Value& v = c_.inputs[slot];
        d.value = v.kind == Value::Kind::none ? "not given" : input_text(p_, in.type, v, entries_);
        std::uint32_t at = c_.input_at.at(slot);
        const std::string cell = c_.input_cell.empty() ? "" : c_.input_cell.at(slot);
        if (at) d.where = Location{c_.source.get(), at - 1, 1}.str() + (cell.empty() ? "" : ", " + cell);
        else if (!cell.empty()) d.where = cell;
        else d.where = "not in the case file: the default of " + in.where.str();
        return d;
    }

    const Program& p_;
    Evaluator& ev_;
    const std::vector<Value>& params_;
    const Case& c_;
    const std::vector<CohortCase>* cohort_;
    std::size_t largest_, entries_;
    std::set<std::pair<Op, int>> shown_;  // what the tree has shown in full
    const FollowedCase* followed_ = nullptr;
    Explainer* in_case_ = nullptr;
    int member_ = -1;  // for the formula of one member about to be explained: the member
    const EnumDef* member_by_ = nullptr;  // …and its enumeration
};

void render(const Derivation& d, const std::string& indent, std::string& out) {
    out += indent + d.kind + " " + d.name + (d.value.empty() ? "" : " = " + d.value) + "    (" + d.where +
           (d.shown_above ? "; shown above" : "") + ")\n";
    std::string more = indent + "    ";
    if (!d.formula.empty()) out += more + "formula: " + d.formula + "\n";
    if (!d.description.empty()) out += more + d.description + "\n";
    if (!d.source.empty()) out += more + "source: " + d.source + "\n";
    for (const auto& r : d.rounding) out += more + r + "\n";
    for (const auto& c : d.calls) out += more + c + "\n";
    for (const auto& r : d.rows) out += more + r + "\n";
    if (!d.over_cases.empty()) out += more + d.over_cases + "\n";
    for (const auto& c : d.parts)
        out += more + "  " + c.name + (c.kind == "cases" ? " cases" : "") + " " + c.value + (c.where.empty() ? "" : "    (" + c.where + ")") + "\n";
    for (const auto& c : d.followed) {
        out += more + "case " + c.name + (c.value == "counted" || c.value == "not counted" ? ": " : "'s part: ") + c.value + "    (" + c.where + ")\n";
        for (const auto& u : c.uses) render(u, more + "  ", out);
    }
    for (const auto& u : d.uses) render(u, indent + "  ", out);
    if (d.cut) out += indent + "  ...\n";
}

}  // namespace

std::string formula_text(const ast::Expr* e) {
    if (!e || !e->where.file) return "";
    std::uint32_t b = e->where.offset, en = b;
    extent(*e, b, en);
    const std::string& t = e->where.file->text();
    auto balance = [&] {
        int open = 0;
        bool str = false;
        for (std::uint32_t i = b; i < en && i < t.size(); ++i) {
            if (t[i] == '"') str = !str;
            if (!str) open += t[i] == '(' ? 1 : t[i] == ')' ? -1 : 0;
        }
        return open;
    };
    for (int open = balance(); open != 0; open = balance()) {
        if (open < 0) {  // a '(' before the span
            std::uint32_t i = b;
            while (i > 0 && t[i - 1] != '(') --i;
            if (i == 0) break;
            b = i - 1;
        } else {  // a ')' after it
            std::uint32_t i = en;
            while (i < t.size() && t[i] != ')') ++i;
            if (i == t.size()) break;
            en = i + 1;
        }
    }
    std::string out;
    bool space = false;
    for (std::uint32_t i = b; i < en && i < t.size(); ++i) {  // on one line
        char ch = t[i];
        if (ch == '\n' || ch == ' ' || ch == '\t' || ch == '\r') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += ch;
    }
    return out;
}

namespace {
// A number of type t to `places` decimals at most: exactly when it ends within them, else cut (not rounded) to
// them with "…", so that each step can be checked with a calculator.
std::string number_text(const Program& p, const Type& t, const Value& v, int places) {
    RuleDef shown;
    shown.type = t;
    shown.fixed_decimals = p.units.shows_money(t.unit);
    const Number scale = p.units.scale(t.unit);
    if (auto exact = exact_decimal(v.n() / scale, places)) {
        auto dot = exact->find('.');
        int decimals = dot == std::string::npos ? 0 : static_cast<int>(exact->size() - dot - 1);
        shown.decimals = std::max(decimals, shown.fixed_decimals ? 2 : 0);
        return display_with_unit(p, shown, v);
    }
    shown.decimals = places;
    shown.fixed_decimals = true;
    const Number step(1, boost::multiprecision::pow(Integer(10), static_cast<unsigned>(places)));
    std::string text = display_with_unit(p, shown, Value::number(round_to(v.n() / scale, step, RoundMode::down) * scale));
    const auto last = text.find_last_of("0123456789");
    return text.insert(last + 1, "…");
}
}  // namespace

std::string typed_value(const Program& p, const Type& t, const Value& v) {
    if (t.kind == TypeKind::record && t.record && v.kind == Value::Kind::list) return record_text(p, *t.record, v);  // a row, with its columns' names
    if (v.kind == Value::Kind::list && t.kind == TypeKind::list) {
        if (t.element->kind == TypeKind::record) return std::to_string(v.items()->size()) + " entries";
        std::string items = display_value(p, t, 2, false, v);
        std::string unit = t.element->kind == TypeKind::number ? p.units.name(t.element->unit) : "";
        return (items.empty() ? "(none)" : items) + (unit.empty() || items.empty() ? "" : " " + unit);
    }
    // a value written out is shown as written; one with more decimals than 6 (£32,000 × 1.2 ÷ 1,650 an hour), to 6 and "…"
    if (v.kind == Value::Kind::number && t.kind == TypeKind::number) return number_text(p, t, v, 6);
    RuleDef shown;
    shown.type = t;
    shown.decimals = 2;
    return display_with_unit(p, shown, v);
}

std::string param_text(const Program& p, int slot, const Value& v) {
    const ParamDef& d = p.params[static_cast<std::size_t>(slot)];
    if (v.kind == Value::Kind::none) return "none";
    if (v.kind != Value::Kind::number || d.type.kind != TypeKind::number) return typed_value(p, d.type, v);
    if (d.syntax && d.syntax->kind == ast::ExprKind::percent && d.type.unit.dimensionless_syntax()) {  // written 20%: shown 20%
        Type plain = d.type;
        std::string text = number_text(p, plain, Value::number(v.n() * 100), 10);
        return text + "%";
    }
    std::string text = number_text(p, d.type, v, 10);
    if (text.find("…") != std::string::npos && d.type.unit.dimensionless_syntax()) {  // and the exact value, when it is a short fraction
        const Number& x = v.n();
        const std::string n = numerator(x).str(), q = denominator(x).str();
        if (n.size() <= 12 && q.size() <= 12) text += " (exactly " + n + "/" + q + ")";
    }
    return text;
}

Derivation explain(const Program& p, Evaluator& ev, const std::vector<Value>& params, const Case& c, int slot, int depth,
                   std::size_t entries, int member) {
    Explainer x(p, ev, params, c, nullptr, 5, entries);
    return member >= 0 ? x.member(slot, member, depth) : x.rule(slot, depth);
}

Derivation explain_cohort(const Program& p, const std::vector<Value>& params, const std::vector<CohortCase>& cases, int slot, int depth,
                          std::size_t largest, const FollowedCase* followed, std::size_t entries, int member) {
    std::vector<Value> rows;
    for (const auto& c : cases) rows.push_back(c.row);
    const Value all = Value::list(std::move(rows));
    Evaluator ev(p, params, all);
    const Case none;
    Explainer cohort(p, ev, params, none, &cases, largest, entries);
    std::optional<Evaluator> in_case_ev;
    std::optional<Explainer> in_case;
    if (followed) {
        in_case_ev.emplace(p, params, followed->c->inputs);
        in_case.emplace(p, *in_case_ev, params, *followed->c, nullptr, largest, entries);
        cohort.follow(followed, &*in_case);
    }
    return member >= 0 ? cohort.member(slot, member, depth) : cohort.rule(slot, depth);
}

std::string render_derivation(const Derivation& d) {
    std::string out;
    render(d, "", out);
    return out;
}

nlohmann::ordered_json derivation_json(const Derivation& d) {
    nlohmann::ordered_json j;
    j["kind"] = d.kind;
    j["name"] = d.name;
    if (!d.value.empty()) j["value"] = d.value;
    j["where"] = d.where;
    if (!d.formula.empty()) j["formula"] = d.formula;
    if (!d.description.empty()) j["description"] = d.description;
    if (!d.source.empty()) j["source"] = d.source;
    if (!d.rounding.empty()) j["rounding"] = d.rounding;
    if (!d.calls.empty()) j["calls"] = d.calls;
    if (!d.rows.empty()) j["rows"] = d.rows;
    if (!d.uses.empty()) {
        j["uses"] = nlohmann::ordered_json::array();
        for (const auto& u : d.uses) j["uses"].push_back(derivation_json(u));
    }
    if (!d.over_cases.empty()) j["over_cases"] = d.over_cases;
    if (!d.parts.empty()) {
        j["parts"] = nlohmann::ordered_json::array();
        for (const auto& c : d.parts) {
            nlohmann::ordered_json x{{"kind", c.kind}, {"name", c.name}, {"value", c.value}};
            if (!c.where.empty()) x["file"] = c.where;
            j["parts"].push_back(std::move(x));
        }
    }
    if (!d.followed.empty()) {
        j["case"] = nlohmann::ordered_json::array();
        for (const auto& c : d.followed) {
            nlohmann::ordered_json x{{"case", c.name}, {"file", c.where}, {"part", c.value}, {"uses", nlohmann::ordered_json::array()}};
            for (const auto& u : c.uses) x["uses"].push_back(derivation_json(u));
            j["case"].push_back(std::move(x));
        }
    }
    if (d.cut) j["more"] = true;
    if (d.shown_above) j["shown_above"] = true;
    return j;
}

}  // namespace reckon
