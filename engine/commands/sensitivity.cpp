#include "sensitivity.hpp"

#include "draws.hpp"
#include "explain.hpp"

#include "core/big_stack.hpp"
#include "core/compile.hpp"
#include "core/eval.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <stdexcept>

namespace reckon {

std::vector<UncertainValue> uncertain_values(const Program& p, const std::vector<Value>& params) {
    std::vector<UncertainValue> out;
    for (std::size_t i = 0; i < p.params.size(); ++i) {
        const ParamDef& d = p.params[i];
        const bool set = std::any_of(p.overrides.begin(), p.overrides.end(), [&](const auto& o) { return o.first == static_cast<int>(i); });
        if (d.uncertain && !set) out.push_back({d.name, static_cast<int>(i), &*d.uncertain, params[i], d.type});
    }
    return out;
}

std::vector<Value> bind_with(const Program& p, const std::vector<UncertainValue>& values, const std::vector<std::optional<Number>>& settings,
                             std::string* with) {
    Overrides o = command_line_overrides(p);
    std::vector<NodePtr> constants;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!settings[i]) continue;
        auto n = std::make_unique<Node>();
        n->op = Op::constant;
        n->value = Value::number(*settings[i]);
        o[values[i].param] = n.get();
        if (with) *with += (with->empty() ? "with " : ", ") + values[i].name + " = " + typed_value(p, values[i].type, n->value);
        constants.push_back(std::move(n));
    }
    return bind_params(p, o);
}

std::vector<std::optional<Number>> drawn_settings(const std::vector<UncertainValue>& values, std::uint64_t seed, std::uint64_t draw) {
    std::vector<std::optional<Number>> out(values.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        const UncertainValue& v = values[i];
        if (v.range->distribution != Distribution::none) out[i] = draw_value(*v.range, v.value.n(), seed, draw, v.name);
    }
    return out;
}

SensitivityRuns::SensitivityRuns(const Program& p, std::vector<Case> cases, std::vector<Target> targets)
    : p_(p), cases_(std::move(cases)), targets_(std::move(targets)), values_(uncertain_values(p_, bind_params(p_, command_line_overrides(p_)))) {
    bool by_case = false;
    for (const auto& t : targets_) (p_.rules[static_cast<std::size_t>(t.rule)].cohort ? cohort_ : by_case) = true;
    if (by_case && cases_.size() != 1)
        throw UsageError("'" + std::find_if(targets_.begin(), targets_.end(), [&](const Target& t) { return !p_.rules[static_cast<std::size_t>(t.rule)].cohort; })->name +
                         "' is a figure of one case: give one case, or name cohort figures");
    // the cases that fail under the ruleset's values are left out, as in batch
    const std::vector<Value> params = bind_params(p_, command_line_overrides(p_));
    std::erase_if(cases_, [&](const Case& c) {
        try {
            Evaluator ev(p_, params, c.inputs);
            check_requires(p_, ev, c);
            for (const auto& t : targets_)
                if (!p_.rules[static_cast<std::size_t>(t.rule)].cohort) ev.rule(t.rule);
            if (cohort_)
                for (const auto& [is_input, slot] : p_.cohort_fields)
                    if (!is_input) ev.rule(slot);
            return false;
        } catch (const EvalError& e) {
            failures_.push_back(render(e.diagnostic()));
            return true;
        }
    });
    if (cases_.empty()) throw std::runtime_error("reckon: error: every case failed: there is nothing to analyse");
    base_ = at(std::vector<std::optional<Number>>(values_.size()));
}

std::vector<Number> SensitivityRuns::at(std::size_t value, const Number& setting) const {
    std::vector<std::optional<Number>> settings(values_.size());
    settings.at(value) = setting;
    return at(settings);
}

std::vector<Number> SensitivityRuns::at(const std::vector<std::optional<Number>>& settings) const {
    std::string with;  // the settings, for a message
    const auto number_of = [&](const Target& t, const Value& v) {
        const Value& x = t.member >= 0 && v.kind == Value::Kind::list ? v.items()->at(static_cast<std::size_t>(t.member)) : v;
        if (x.kind != Value::Kind::number)
            throw std::runtime_error("'" + t.name + "' is not defined" + (with.empty() ? "" : " " + with) +
                                     ": a figure analysed has a value in every run");
        return x.n();
    };
    try {
        const std::vector<Value> params = bind_with(p_, values_, settings, &with);
        std::vector<Number> out(targets_.size());
        std::vector<Value> rows;
        for (const Case& c : cases_) {
            Evaluator ev(p_, params, c.inputs);
            try {
                check_requires(p_, ev, c);
                for (std::size_t t = 0; t < targets_.size(); ++t)
                    if (!p_.rules[static_cast<std::size_t>(targets_[t].rule)].cohort) out[t] = number_of(targets_[t], ev.rule(targets_[t].rule));
                if (cohort_) {
                    std::vector<Value> row;
                    for (const auto& [is_input, slot] : p_.cohort_fields) row.push_back(is_input ? c.inputs[static_cast<std::size_t>(slot)] : ev.rule(slot));
                    rows.push_back(Value::list(std::move(row)));
                }
            } catch (EvalError& e) {
                e.add_note("in case " + c.id);
                throw;
            }
        }
        if (cohort_) {
            const Value all = Value::list(std::move(rows));
            Evaluator ev(p_, params, all);
            for (std::size_t t = 0; t < targets_.size(); ++t)
                if (p_.rules[static_cast<std::size_t>(targets_[t].rule)].cohort) out[t] = number_of(targets_[t], ev.rule(targets_[t].rule));
        }
        return out;
    } catch (EvalError& e) {
        if (!with.empty()) e.add_note(with);
        throw;
    }
}

Number OneWayRow::swing() const { return abs(at_high - at_low); }

std::vector<OneWay> one_way(const SensitivityRuns& runs) {
    const auto& values = runs.values();
    std::vector<std::vector<Number>> lows, highs;
    for (std::size_t i = 0; i < values.size(); ++i) {
        lows.push_back(runs.at(i, values[i].range->low.n()));
        highs.push_back(runs.at(i, values[i].range->high.n()));
    }
    std::vector<OneWay> out;
    for (std::size_t t = 0; t < runs.targets().size(); ++t) {
        OneWay w{t, {}};
        for (std::size_t i = 0; i < values.size(); ++i) w.rows.push_back({i, lows[i][t], highs[i][t]});
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
    }
    return "";
}

namespace {
// The value at which the target reaches the threshold as value i moves from lo to hi.
Switching switching_value(const SensitivityRuns& runs, std::size_t target, std::size_t i, const Number& threshold) {
    const Uncertain& r = *runs.values()[i].range;
    const Number lo = r.low.n(), hi = r.high.n();
    const auto f = [&](const Number& x) { return runs.at(i, x)[target]; };
    Switching s{target, i, threshold, SwitchMethod::not_reached, 0, 0, f(lo), f(hi)};
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
}  // namespace

std::vector<Switching> switching_values(const SensitivityRuns& runs, std::size_t target, const Number& threshold) {
    std::vector<Switching> out;
    for (std::size_t i = 0; i < runs.values().size(); ++i) out.push_back(switching_value(runs, target, i, threshold));
    return out;
}

Grid two_way(const SensitivityRuns& runs, std::size_t target, std::size_t a, std::size_t b, std::size_t steps) {
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
    for (const Number& x : g.a_values) {
        std::vector<Number> row;
        for (const Number& y : g.b_values) {
            std::vector<std::optional<Number>> settings(runs.values().size());
            settings[a] = x;
            settings[b] = y;
            row.push_back(runs.at(settings)[target]);
        }
        g.cells.push_back(std::move(row));
    }
    return g;
}

Draws draw_runs(const SensitivityRuns& runs, std::size_t draws, std::uint64_t seed, unsigned jobs) {
    Draws d;
    d.seed = seed;
    for (std::size_t i = 0; i < runs.values().size(); ++i)
        if (runs.values()[i].range->distribution != Distribution::none) d.drawn.push_back(i);
    d.figures.resize(draws);
    std::vector<std::exception_ptr> errors(draws);
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t k; (k = next.fetch_add(1)) < draws;) {
            try {
                d.figures[k] = runs.at(drawn_settings(runs.values(), seed, k + 1));
            } catch (EvalError& e) {
                e.add_note("in draw " + std::to_string(k + 1) + " of seed " + std::to_string(seed) + " (explain shows it: --draw " +
                           std::to_string(k + 1) + " --seed " + std::to_string(seed) + ")");
                errors[k] = std::current_exception();
            } catch (...) {
                errors[k] = std::current_exception();
            }
        }
    };
    std::vector<DeepThread> pool;
    for (unsigned j = 1; j < std::max(1u, jobs); ++j) pool.emplace_back(runs.program().limits, work);
    work();
    for (auto& t : pool) t.join();
    for (const auto& e : errors)  // the first draw that failed, whatever the threads' order
        if (e) std::rethrow_exception(e);
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
