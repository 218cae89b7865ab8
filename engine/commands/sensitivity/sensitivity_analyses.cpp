// `reckon sensitivity`, the analyses: one-way (each value at the ends of its range, largest swing first),
// switching values (solved exactly where the figure is linear in the value, else by bisection), two-way (a grid
// over two values' ranges) and probabilistic (draws, and each figure's mean, median and percentiles over them).
#include "commands/sensitivity/sensitivity.hpp"

#include "core/compile/compile.hpp"

#include <algorithm>
#include <exception>

namespace reckon {

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
