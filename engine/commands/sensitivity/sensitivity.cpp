#include "commands/sensitivity/sensitivity.hpp"

#include "commands/sensitivity/draws.hpp"
#include "commands/explain/explain.hpp"

#include "core/base/big_stack.hpp"
#include "core/compile/compile.hpp"
#include "core/eval/eval.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <set>
#include <stdexcept>

namespace reckon {

std::vector<UncertainValue> uncertain_values(const Program& p, const std::vector<Value>& params) {
    std::vector<UncertainValue> out;
    for (std::size_t i = 0; i < p.params.size(); ++i) {
        const ParamDef& d = p.params[i];
        const bool set = std::any_of(p.overrides.begin(), p.overrides.end(), [&](const auto& o) { return o.first == static_cast<int>(i); });
        if (d.uncertain && !set) out.push_back({d.name, static_cast<int>(i), -1, &*d.uncertain, params[i], d.type});
    }
    for (std::size_t i = 0; i < p.uncertain_cells.size(); ++i) {
        const UncertainCell& c = p.uncertain_cells[i];
        if (p.cell_setting(c.table, c.key, c.column)) continue;  // --param sets it: held
        const Value& v = p.tables[static_cast<std::size_t>(c.table)].rows.at(c.key).items()->at(static_cast<std::size_t>(c.column));
        out.push_back({c.name, -1, static_cast<int>(i), &c.range, v, c.type});
    }
    return out;
}

std::string settings_text(const Program& p, const std::vector<UncertainValue>& values, const Settings& settings) {
    std::string with;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (settings[i]) with += (with.empty() ? "with " : ", ") + values[i].name + " = " + typed_value(p, values[i].type, Value::number(*settings[i]));
    return with;
}

RunValues run_values(const Program& p, const std::vector<UncertainValue>& values, const Settings& settings) {
    Overrides o = command_line_overrides(p);
    RunValues out;
    for (const auto& t : p.tables) out.tables.push_back(&t);
    std::vector<TableDef*> copies(p.tables.size(), nullptr);
    std::vector<NodePtr> constants;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!settings[i]) continue;
        if (values[i].cell >= 0) {
            const UncertainCell& c = p.uncertain_cells[static_cast<std::size_t>(values[i].cell)];
            auto& copy = copies[static_cast<std::size_t>(c.table)];
            if (!copy) {
                out.changed.push_back(std::make_unique<TableDef>(p.tables[static_cast<std::size_t>(c.table)]));
                copy = out.changed.back().get();
                out.tables[static_cast<std::size_t>(c.table)] = copy;
            }
            set_cell(*copy, c, Value::number(*settings[i]));
            continue;
        }
        auto n = std::make_unique<Node>();
        n->op = Op::constant;
        n->value = Value::number(*settings[i]);
        o[values[i].param] = n.get();
        constants.push_back(std::move(n));
    }
    out.params = bind_params(p, o, &out.tables);
    return out;
}

void set_cells(Program& p, const std::vector<UncertainValue>& values, const Settings& settings) {
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!settings[i] || values[i].cell < 0) continue;
        const UncertainCell& c = p.uncertain_cells[static_cast<std::size_t>(values[i].cell)];
        set_cell(p.tables[static_cast<std::size_t>(c.table)], c, Value::number(*settings[i]));
    }
}

Settings drawn_settings(const std::vector<UncertainValue>& values, std::uint64_t seed, std::uint64_t draw) {
    Settings out(values.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        const UncertainValue& v = values[i];
        if (v.range->distribution != Distribution::none) out[i] = draw_value(*v.range, v.value.n(), seed, draw, v.name);
    }
    return out;
}

namespace {
// Which per-case rules, params, functions and requirements read an uncertain value, directly or through others.
class MovedBy {
public:
    // The values that a run may set: values[i] where `set(i)`.
    template <typename Set>
    MovedBy(const Program& p, const std::vector<UncertainValue>& values, const Set& set)
        : p_(p), params_(p.params.size(), State::unknown), rules_(p.rules.size(), State::unknown), fns_(p.fns.size(), State::unknown),
          columns_(p.tables.size()) {
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (!set(i)) continue;
            if (values[i].param >= 0) {
                params_[static_cast<std::size_t>(values[i].param)] = State::moved;
            } else {
                const UncertainCell& c = p.uncertain_cells[static_cast<std::size_t>(values[i].cell)];
                columns_[static_cast<std::size_t>(c.table)].insert(c.column);
            }
        }
    }
    bool rule(int i) { return of(rules_, i, [&] { return reads(p_.rules[static_cast<std::size_t>(i)].formula.get()); }); }
    bool node(const Node* n) { return reads(n); }

private:
    enum class State : std::uint8_t { unknown, visiting, moved, fixed };
    template <typename F> bool of(std::vector<State>& states, int i, const F& compute) {
        State& s = states[static_cast<std::size_t>(i)];
        if (s == State::unknown) {
            s = State::visiting;  // a cycle (a recursive function) reads what its other parts read
            const bool moved = compute();
            states[static_cast<std::size_t>(i)] = moved ? State::moved : State::fixed;
        }
        return states[static_cast<std::size_t>(i)] == State::moved;
    }
    bool reads(const Node* n) {
        if (!n) return false;
        switch (n->op) {
        case Op::param:
            if (of(params_, n->slot, [&] {
                    const ParamDef& d = p_.params[static_cast<std::size_t>(n->slot)];
                    return reads(d.formula.get());
                }))
                return true;
            break;
        case Op::rule:
            if (rule(n->slot)) return true;
            break;
        case Op::call:
            if (of(fns_, n->slot, [&] { return reads(p_.fns[static_cast<std::size_t>(n->slot)].body.get()); })) return true;
            break;
        case Op::field:  // a column of a row looked up: moved when a cell of that column may be set
            if (n->kids[0]->op == Op::lookup) {
                const Node& lookup = *n->kids[0];
                if (columns_[static_cast<std::size_t>(lookup.slot)].count(n->slot)) return true;
                for (const auto& k : lookup.kids)
                    if (reads(k.get())) return true;
                return false;
            }
            break;
        case Op::lookup:
            if (!columns_[static_cast<std::size_t>(n->slot)].empty()) return true;
            break;
        default: break;
        }
        for (const auto& k : n->kids)
            if (reads(k.get())) return true;
        return false;
    }
    const Program& p_;
    std::vector<State> params_, rules_, fns_;
    std::vector<std::set<int>> columns_;  // by table: the columns with a cell that may be set
};
}  // namespace

SensitivityRuns::SensitivityRuns(const Program& p, CasePasses cases, std::vector<Target> targets)
    : p_(p), pass_over_(std::move(cases)), params_(bind_params(p_, command_line_overrides(p_))), targets_(std::move(targets)),
      values_(uncertain_values(p_, params_)) {
    bool by_case = false;
    for (const auto& t : targets_) (p_.rules[static_cast<std::size_t>(t.rule)].cohort ? cohort_ : by_case) = true;
    MovedBy moved(p_, values_, [](std::size_t) { return true; });
    MovedBy drawn(p_, values_, [&](std::size_t i) { return values_[i].range->distribution != Distribution::none; });
    for (const auto& r : p_.requires_) {
        requires_moved_[0] = requires_moved_[0] || moved.node(r.condition.get());
        requires_moved_[1] = requires_moved_[1] || drawn.node(r.condition.get());
    }
    for (std::size_t r = 0; r < p_.rules.size(); ++r) {
        const bool case_rule = !p_.rules[r].cohort;
        moved_[0].push_back(case_rule && moved.rule(static_cast<int>(r)));
        moved_[1].push_back(case_rule && drawn.rule(static_cast<int>(r)));
    }
    if (cohort_) {  // only what the figures read is folded: not the collect lists of other figures
        std::vector<int> figures;
        for (const auto& t : targets_) figures.push_back(t.rule);
        fold_.emplace(p_, cohort_rules_read(p_, figures));
    }
    // the first pass: the cases that fail under the ruleset's values are left out, as in batch; the others give
    // the base figures
    FirstPass found;
    std::vector<Figures> base = pass({Settings(values_.size())}, 1, &found);
    if (by_case && found.cases + found.failed.size() != 1)
        throw RequestError("'" + std::find_if(targets_.begin(), targets_.end(), [&](const Target& t) { return !p_.rules[static_cast<std::size_t>(t.rule)].cohort; })->name +
                         "' is a figure of one case: give one case, or name cohort figures");
    cases_ = found.cases;
    failed_ = std::move(found.failed);
    failures_ = std::move(found.failures);
    if (cases_ == 0) throw std::runtime_error("reckon: error: every case failed: there is nothing to analyse");
    if (base[0].error) std::rethrow_exception(base[0].error);
    base_ = std::move(base[0].values);
}

std::vector<Number> SensitivityRuns::at(std::size_t value, const Number& setting) const {
    Settings settings(values_.size());
    settings.at(value) = setting;
    return at(settings);
}

std::vector<Number> SensitivityRuns::at(const Settings& settings) const {
    std::vector<Figures> f = at_each({settings});
    if (f[0].error) std::rethrow_exception(f[0].error);
    return std::move(f[0].values);
}

std::vector<SensitivityRuns::Figures> SensitivityRuns::at_each(const std::vector<Settings>& settings, unsigned jobs) const {
    return pass(settings, jobs, nullptr);
}

// One setting's run in a pass: its values, the cohort's running totals and its figures so far, or its error.
struct SensitivityRuns::SettingRun {
    const Settings* settings = nullptr;
    std::optional<RunValues> run;
    bool draws_only = true;  // only values with a distribution set: what no drawn value moves is kept
    std::optional<CohortTotals> totals;
    std::optional<CallMemo> memo;
    std::vector<Number> out;
    std::exception_ptr error;
};

std::vector<SensitivityRuns::Figures> SensitivityRuns::pass(const std::vector<Settings>& settings, unsigned jobs, FirstPass* first) const {
    const auto with = [&](const Settings& s) { return settings_text(p_, values_, s); };
    const auto number_of = [&](const Target& t, const Value& v, const Settings& s) {
        const Value& x = t.member >= 0 && v.kind == Value::Kind::list ? v.items()->at(static_cast<std::size_t>(t.member)) : v;
        if (x.kind != Value::Kind::number) {
            const std::string set = with(s);
            throw std::runtime_error("'" + t.name + "' is not defined" + (set.empty() ? "" : " " + set) + ": a figure analysed has a value in every run");
        }
        return x.n();
    };
    const auto fail = [&](SettingRun& r) {  // the error in flight, noting the settings, kept as the run's
        try {
            throw;
        } catch (EvalError& e) {
            if (const std::string set = with(*r.settings); !set.empty()) e.add_note(set);
            r.error = std::current_exception();
        } catch (...) {
            r.error = std::current_exception();
        }
    };
    std::vector<SettingRun> runs(settings.size());
    // f(s) for each setting, the settings shared among the threads: each setting's run is only ever on one
    const std::size_t threads = std::max<std::size_t>(1, std::min<std::size_t>(jobs, runs.size()));
    const auto each_setting = [&](const auto& f) {
        const auto work = [&](std::size_t w) {
            for (std::size_t s = w; s < runs.size(); s += threads) f(s);
        };
        std::vector<DeepThread> pool;
        for (std::size_t w = 1; w < threads; ++w) pool.emplace_back(p_.limits, [&work, w] { work(w); });
        work(0);
        for (auto& t : pool) t.join();
    };
    each_setting([&](std::size_t s) {
        SettingRun& r = runs[s];
        r.settings = &settings[s];
        for (std::size_t i = 0; i < values_.size(); ++i)
            if (settings[s][i] && values_[i].range->distribution == Distribution::none) r.draws_only = false;
        r.out.resize(targets_.size());
        r.memo.emplace(p_);
        if (cohort_) r.totals.emplace(*fold_, p_);
        try {
            r.run.emplace(run_values(p_, values_, settings[s]));
        } catch (...) {
            fail(r);
        }
    });
    // A case under each setting, after the ruleset's values: fixed[0] and [1] as moved_ says.
    struct Held {
        Case c;
        std::vector<std::pair<int, Value>> fixed[2];
        std::size_t seq = 0;  // its position among the cases analysed
        std::string note;     // on an error of the cohort's that it meets
    };
    const auto evaluate = [&](SettingRun& r, const Held& h) {
        if (r.error) return;
        const Case& c = h.c;
        const std::vector<Value>& params = r.run->params;
        Evaluator ev(p_, params, c.inputs);
        ev.set_tables(&r.run->tables);
        ev.set_memo(&*r.memo);
        const int kept = r.draws_only ? 1 : 0;
        for (const auto& [rule, value] : h.fixed[kept]) ev.preset(rule, value);
        try {
            if (requires_moved_[kept]) check_requires(p_, ev, c);
            for (std::size_t t = 0; t < targets_.size(); ++t)
                if (!p_.rules[static_cast<std::size_t>(targets_[t].rule)].cohort)
                    r.out[t] = number_of(targets_[t], ev.rule(targets_[t].rule), *r.settings);
            if (cohort_) {
                std::vector<Value> row;
                for (const auto& [is_input, slot] : p_.cohort_fields) row.push_back(is_input ? c.inputs[static_cast<std::size_t>(slot)] : ev.rule(slot));
                r.totals->add(h.seq, case_parts(*fold_, p_, params, Value::list(std::move(row)), &r.run->tables, h.note));
            }
        } catch (EvalError& e) {
            e.add_note(h.note);
            fail(r);
        } catch (...) {
            fail(r);
        }
    };
    // The cases are taken a chunk at a time: each evaluated under the ruleset's values (what is fixed kept),
    // then the settings shared among the threads, each taking its settings through the chunk in case order.
    constexpr std::size_t chunk_size = 256;
    std::vector<Held> chunk;
    std::size_t position = 0, seq = 0;
    auto failed = failed_.cbegin();
    const auto run_chunk = [&] {
        each_setting([&](std::size_t s) {
            for (const Held& h : chunk) evaluate(runs[s], h);
        });
        chunk.clear();
    };
    pass_over_([&](Case&& c) {
        const std::size_t at = position++;
        if (!first && failed != failed_.cend() && *failed == at) {
            ++failed;
            return;
        }
        Held h{std::move(c), {}, 0, {}};
        try {
            Evaluator ev(p_, params_, h.c.inputs);
            check_requires(p_, ev, h.c);
            for (const auto& t : targets_)
                if (!p_.rules[static_cast<std::size_t>(t.rule)].cohort) ev.rule(t.rule);
            if (cohort_)
                for (const auto& [is_input, slot] : p_.cohort_fields)
                    if (!is_input) ev.rule(slot);
            for (std::size_t r = 0; r < p_.rules.size(); ++r) {
                const int i = static_cast<int>(r);
                if (p_.rules[r].cohort || !ev.evaluated(i)) continue;
                if (!moved_[0][r]) h.fixed[0].emplace_back(i, ev.rule(i));
                if (!moved_[1][r]) h.fixed[1].emplace_back(i, ev.rule(i));
            }
        } catch (EvalError& e) {
            if (!first) throw std::runtime_error("reckon: error: case " + h.c.id + " failed in a later pass over the cases than the first: were the case files changed while they were analysed?");
            e.add_note("in case " + h.c.id + ", which is left out");
            first->failures.push_back(render(e.diagnostic()));
            first->failed.push_back(at);
            return;
        }
        h.seq = seq++;
        h.note = "in case " + h.c.id;
        chunk.push_back(std::move(h));
        if (chunk.size() == chunk_size) run_chunk();
    });
    run_chunk();
    if (first) first->cases = seq;
    else if (seq != cases_ || failed != failed_.cend())
        throw std::runtime_error("reckon: error: a later pass over the cases read " + std::to_string(seq) + " where the first read " + std::to_string(cases_) +
                                 ": were the case files changed while they were analysed?");
    each_setting([&](std::size_t s) {  // the cohort's figures, from each setting's totals
        SettingRun& r = runs[s];
        if (!cohort_ || r.error) return;
        try {
            const Value kept = r.totals->records();
            Evaluator ev(p_, r.run->params, kept, &*r.totals, r.totals->cases());
            ev.set_tables(&r.run->tables);
            ev.set_memo(&*r.memo);
            for (std::size_t t = 0; t < targets_.size(); ++t)
                if (p_.rules[static_cast<std::size_t>(targets_[t].rule)].cohort) r.out[t] = number_of(targets_[t], ev.rule(targets_[t].rule), settings[s]);
        } catch (...) {
            fail(r);
        }
    });
    std::vector<Figures> out;
    for (SettingRun& r : runs) out.push_back(r.error ? Figures{{}, r.error} : Figures{std::move(r.out), nullptr});
    return out;
}

namespace {
// Each setting's figures, or the error of the first that has one (as evaluating them in turn would throw).
std::vector<std::vector<Number>> figures_or_first_error(std::vector<SensitivityRuns::Figures> figures) {
    std::vector<std::vector<Number>> out;
    for (auto& f : figures) {
        if (f.error) std::rethrow_exception(f.error);
        out.push_back(std::move(f.values));
    }
    return out;
}
}  // namespace

Number OneWayRow::swing() const { return abs(at_high - at_low); }

std::vector<OneWay> one_way(const SensitivityRuns& runs, unsigned jobs) {
    const auto& values = runs.values();
    std::vector<Settings> ends;  // each value at its low end, then its high end: one pass
    for (std::size_t i = 0; i < values.size(); ++i)
        for (const Value* end : {&values[i].range->low, &values[i].range->high}) {
            ends.emplace_back(values.size());
            ends.back()[i] = end->n();
        }
    const std::vector<std::vector<Number>> figures = figures_or_first_error(runs.at_each(ends, jobs));
    std::vector<OneWay> out;
    for (std::size_t t = 0; t < runs.targets().size(); ++t) {
        OneWay w{t, {}};
        for (std::size_t i = 0; i < values.size(); ++i) w.rows.push_back({i, figures[2 * i][t], figures[2 * i + 1][t]});
        std::stable_sort(w.rows.begin(), w.rows.end(), [](const OneWayRow& a, const OneWayRow& b) { return a.swing() > b.swing(); });
        out.push_back(std::move(w));
    }
    return out;
}

const char* switch_method_name(SwitchMethod m) {
    switch (m) {
    case SwitchMethod::exact: return "exact";
    case SwitchMethod::bisection: return "bisection";
    case SwitchMethod::not_reached: return "not reached";
    case SwitchMethod::no_effect: return "no effect";
    case SwitchMethod::ends_only: return "ends only";
    }
    return "";
}

namespace {
// …from the ends evaluated (s.at_low, s.at_high): solved where linear, else by bisection.
template <typename F>
Switching between(const SensitivityRuns& runs, std::size_t target, std::size_t i, Switching s, const F& f) {
    const Uncertain& r = *runs.values()[i].range;
    const Number lo = r.low.n(), hi = r.high.n();
    const Number& threshold = s.threshold;
    const Number mid = (lo + hi) / 2, f_mid = f(mid);
    if (s.at_low == s.at_high && f_mid == s.at_low) {
        s.method = SwitchMethod::no_effect;
        return s;
    }
    // linear through the ends, the middle and the param's own value: solved, and the solution evaluated
    const Number v = runs.values()[i].value.n();
    const auto on_line = [&](const Number& x, const Number& fx) { return (fx - s.at_low) * (hi - lo) == (s.at_high - s.at_low) * (x - lo); };
    if (s.at_high != s.at_low && on_line(mid, f_mid) && on_line(v, runs.base()[target])) {
        const Number x = lo + (threshold - s.at_low) * (hi - lo) / (s.at_high - s.at_low);
        if (x >= lo && x <= hi && f(x) == threshold) {
            s.method = SwitchMethod::exact;
            s.at = x;
            return s;
        }
    }
    // bisection, keeping the threshold between the bracket's ends
    const int side_lo = compare(s.at_low, threshold), side_hi = compare(s.at_high, threshold);
    if (side_lo == 0 || side_hi == 0) {
        s.method = SwitchMethod::bisection;
        s.at = side_lo == 0 ? lo : hi;
        return s;
    }
    if (side_lo == side_hi) return s;
    Number a = lo, b = hi;
    const Number tolerance = (hi - lo) / 1000000;
    while (b - a > tolerance) {
        const Number m = (a + b) / 2;
        const int side = compare(f(m), threshold);
        if (side == 0) {
            a = b = m;
            break;
        }
        (side == side_lo ? a : b) = m;
    }
    s.method = SwitchMethod::bisection;
    s.at = b;  // the end at which the figure has reached the threshold
    s.tolerance = b - a;
    return s;
}
// The value at which the target reaches the threshold as value i moves from lo to hi.
Switching switching_value(const SensitivityRuns& runs, std::size_t target, std::size_t i, const Number& threshold) {
    const Uncertain& r = *runs.values()[i].range;
    const Number lo = r.low.n(), hi = r.high.n();
    const auto f = [&](const Number& x) { return runs.at(i, x)[target]; };
    std::vector<Settings> ends(2, Settings(runs.values().size()));  // both ends in one pass
    ends[0][i] = lo;
    ends[1][i] = hi;
    const std::vector<std::vector<Number>> at_ends = figures_or_first_error(runs.at_each(ends));
    Switching s{target, i, threshold, SwitchMethod::not_reached, 0, 0, at_ends[0][target], at_ends[1][target], ""};
    try {
        return between(runs, target, i, s, f);
    } catch (const EvalError& e) {  // a value that only its ends give (a year that picks a table's row)
        s.why = e.diagnostic().message;
    } catch (const CompileError& e) {
        s.why = e.diagnostics().empty() ? "" : e.diagnostics().front().message;
    }
    s.method = SwitchMethod::ends_only;
    return s;
}

}  // namespace

std::vector<Switching> switching_values(const SensitivityRuns& runs, std::size_t target, const Number& threshold) {
    std::vector<Switching> out;
    for (std::size_t i = 0; i < runs.values().size(); ++i) out.push_back(switching_value(runs, target, i, threshold));
    return out;
}

Grid two_way(const SensitivityRuns& runs, std::size_t target, std::size_t a, std::size_t b, std::size_t steps, unsigned jobs) {
    Grid g{target, a, b, {}, {}, {}};
    const auto points = [&](std::size_t i) {
        const Uncertain& r = *runs.values()[i].range;
        std::vector<Number> out;
        for (std::size_t k = 0; k < steps; ++k)
            out.push_back(r.low.n() + (r.high.n() - r.low.n()) * Number::ratio(static_cast<std::int64_t>(k), static_cast<std::int64_t>(steps - 1)));
        return out;
    };
    g.a_values = points(a);
    g.b_values = points(b);
    std::vector<Settings> grid;  // the whole grid in one pass, row by row
    for (const Number& x : g.a_values)
        for (const Number& y : g.b_values) {
            grid.emplace_back(runs.values().size());
            grid.back()[a] = x;
            grid.back()[b] = y;
        }
    const std::vector<std::vector<Number>> figures = figures_or_first_error(runs.at_each(grid, jobs));
    for (std::size_t i = 0; i < g.a_values.size(); ++i) {
        std::vector<Number> row;
        for (std::size_t j = 0; j < g.b_values.size(); ++j) row.push_back(figures[i * g.b_values.size() + j][target]);
        g.cells.push_back(std::move(row));
    }
    return g;
}

Draws draw_runs(const SensitivityRuns& runs, std::size_t draws, std::uint64_t seed, unsigned jobs) {
    Draws d;
    d.seed = seed;
    for (std::size_t i = 0; i < runs.values().size(); ++i)
        if (runs.values()[i].range->distribution != Distribution::none) d.drawn.push_back(i);
    // a batch of draws for each pass over the cases: each draw of a batch holds its run's values and cohort
    // totals until the pass ends
    constexpr std::size_t batch = 1024;
    for (std::size_t from = 0; from < draws; from += batch) {
        std::vector<Settings> settings;
        for (std::size_t k = from; k < std::min(draws, from + batch); ++k) settings.push_back(drawn_settings(runs.values(), seed, k + 1));
        std::vector<SensitivityRuns::Figures> figures = runs.at_each(settings, jobs);
        for (std::size_t i = 0; i < figures.size(); ++i) {
            if (const std::exception_ptr e = figures[i].error) {  // the first draw that failed
                const std::size_t k = from + i + 1;
                try {
                    std::rethrow_exception(e);
                } catch (EvalError& x) {
                    x.add_note("in draw " + std::to_string(k) + " of seed " + std::to_string(seed) + " (explain shows it: --draw " + std::to_string(k) +
                               " --seed " + std::to_string(seed) + ")");
                    throw;
                }
            }
            d.figures.push_back(std::move(figures[i].values));
        }
    }
    return d;
}

DrawSummary summarise(const SensitivityRuns& runs, const Draws& d, std::size_t target, const std::optional<Number>& threshold) {
    std::vector<Number> v;
    v.reserve(d.figures.size());
    for (const auto& f : d.figures) v.push_back(f[target]);
    DrawSummary s{target, 0, 0, 0, 0, 0, 0, threshold, false, 0};
    if (v.empty()) return s;
    Number total = 0;
    for (const auto& x : v) total += x;
    const auto n = static_cast<std::int64_t>(v.size());
    s.mean = total / n;
    std::sort(v.begin(), v.end());
    s.median = v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
    const auto rank = [&](std::int64_t per_mille) {  // nearest rank: the smallest value with that share at or below it
        const std::int64_t r = std::max<std::int64_t>(1, (per_mille * n + 999) / 1000);
        return v[static_cast<std::size_t>(r - 1)];
    };
    s.p2_5 = rank(25);
    s.p97_5 = rank(975);
    s.lowest = v.front();
    s.highest = v.back();
    if (threshold) {
        s.below = runs.base()[target] >= *threshold;
        const auto count = std::count_if(v.begin(), v.end(), [&](const Number& x) { return s.below ? x < *threshold : x >= *threshold; });
        s.share = Number::ratio(static_cast<std::int64_t>(count), n);
    }
    return s;
}

}  // namespace reckon
