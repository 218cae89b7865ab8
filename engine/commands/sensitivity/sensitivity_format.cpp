#include "commands/sensitivity/sensitivity_format.hpp"

#include "commands/present/display.hpp"
#include "commands/explain/explain.hpp"
#include "commands/present/present.hpp"

#include "core/program/table.hpp"

#include <algorithm>
#include <map>

namespace reckon {

namespace {

const RuleDef& rule_of(const SensitivityRuns& runs, std::size_t target) {
    return runs.program().rules[static_cast<std::size_t>(runs.targets()[target].rule)];
}

// Rows as aligned columns: the first to the left, the others to the right (or, with `left`, every one to the
// left); two spaces between.
std::string aligned(const std::vector<std::vector<std::string>>& rows, bool left = false) {
    const std::string indent = "  ";
    std::vector<std::size_t> widths;
    for (const auto& r : rows)
        for (std::size_t c = 0; c < r.size(); ++c) {
            if (widths.size() <= c) widths.push_back(0);
            widths[c] = std::max(widths[c], display_width(r[c]));
        }
    std::string out;
    for (const auto& r : rows) {
        std::string line = indent;
        for (std::size_t c = 0; c < r.size(); ++c) {
            const std::string pad(widths[c] - display_width(r[c]), ' ');
            line += (c ? "  " : "") + (c && !left ? pad + r[c] : r[c] + pad);
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
    }
    return out;
}

std::string percent_text(const Number& share) { return format_fixed(share * 100, 1) + "%"; }

// The value in its own unit, exactly: "12452785/300" for £41,509.28333…/year.
std::string exact_in_unit(const Program& p, const Type& t, const Number& x) { return (x / p.units.scale(t.unit)).str(); }

std::string switching_text(const SensitivityRuns& runs, const Switching& s) {
    const UncertainValue& v = runs.values()[s.value];
    switch (s.method) {
    case SwitchMethod::exact: return value_text(runs, s.value, s.at) + ", exact (linear)";
    case SwitchMethod::bisection:
        return value_text(runs, s.value, s.at) + ", by bisection to within " + value_text(runs, s.value, s.tolerance);
    case SwitchMethod::not_reached:
        return "not reached between " + v.range->low_text + " and " + v.range->high_text + " (" + target_text(runs, s.target, s.at_low) +
               " to " + target_text(runs, s.target, s.at_high) + ")";
    case SwitchMethod::no_effect: return "not reached: the figure does not move with it";
    case SwitchMethod::ends_only:
        return "not found: only the ends of its range can be evaluated (" + s.why + "); at them, " + target_text(runs, s.target, s.at_low) +
               " and " + target_text(runs, s.target, s.at_high);
    }
    return "";
}

}  // namespace

std::string target_text(const SensitivityRuns& runs, std::size_t target, const Number& x) {
    return display_with_unit(runs.program(), rule_of(runs, target), Value::number(x));
}

std::string value_text(const SensitivityRuns& runs, std::size_t value, const Number& x) {
    const UncertainValue& v = runs.values()[value];
    if (v.param >= 0 && written_as_percent(runs.program(), v.param))  // as its range is written: 5.4% where "0% to 50%"
        return percent_text(runs.program(), v.type, Value::number(x), 6);
    return typed_value(runs.program(), v.type, Value::number(x));
}

namespace {

// The text's sections, each from the blank line before it.

std::string heading_text(const SensitivityRuns& runs) {
    const Program& p = runs.program();
    return "Sensitivity of " + p.name + (p.version.empty() ? "" : " " + p.version) + ": " + std::to_string(runs.cases()) + " case" +
           (runs.cases() == 1 ? "" : "s") + ", " + std::to_string(runs.values().size()) + " value" +
           (runs.values().size() == 1 ? "" : "s") + " with a range\n";
}

// A tornado: each value at its low and high end, the figure there and the swing.
std::string one_way_text(const SensitivityRuns& runs, const OneWay& w) {
    const std::string& name = runs.targets()[w.target].name;
    std::string out = "\nOne-way: " + name + ", " + target_text(runs, w.target, runs.base()[w.target]) + " with every value its own; largest swing first\n";
    std::vector<std::vector<std::string>> rows{{"value", "low", name + " at low", "high", name + " at high", "swing"}};
    for (const auto& r : w.rows) {
        const Uncertain& u = *runs.values()[r.value].range;
        rows.push_back({runs.values()[r.value].name, u.low_text, target_text(runs, w.target, r.at_low), u.high_text,
                        target_text(runs, w.target, r.at_high), target_text(runs, w.target, r.swing())});
    }
    return out + aligned(rows);
}

std::string switching_values_text(const SensitivityRuns& runs, const SensitivityFindings::Threshold& t) {
    std::string out = "\nSwitching values: where " + runs.targets()[t.target].name + " reaches " + target_text(runs, t.target, t.value) + "\n";
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : t.switching) rows.push_back({runs.values()[s.value].name, switching_text(runs, s)});
    return out + aligned(rows, true);
}

std::string two_way_text(const SensitivityRuns& runs, const Grid& g) {
    std::string out = "\nTwo-way: " + runs.targets()[g.target].name + " over " + runs.values()[g.a].name + " (rows) and " + runs.values()[g.b].name +
                      " (columns)\n";
    std::vector<std::vector<std::string>> rows{{""}};
    for (const auto& y : g.b_values) rows[0].push_back(value_text(runs, g.b, y));
    for (std::size_t i = 0; i < g.a_values.size(); ++i) {
        rows.push_back({value_text(runs, g.a, g.a_values[i])});
        for (const auto& cell : g.cells[i]) rows.back().push_back(target_text(runs, g.target, cell));
    }
    return out + aligned(rows);
}

// The values drawn: each by name with its distribution, or, of more than four, how many of each distribution.
std::string drawn_text(const SensitivityRuns& runs, const Draws& d) {
    std::string which;
    std::map<std::string, std::size_t> kinds;
    for (std::size_t i : d.drawn) {
        const std::string kind = distribution_name(runs.values()[i].range->distribution);
        which += (which.empty() ? "" : ", ") + runs.values()[i].name + " " + kind;
        kinds[kind]++;
    }
    if (d.drawn.size() > 4) {
        which.clear();
        for (const auto& [kind, n] : kinds) which += (which.empty() ? "" : ", ") + std::to_string(n) + " " + kind;
    }
    return which;
}

// The draws, then each figure's mean, median and 95% interval over them (and its share beyond a threshold).
std::string probabilistic_text(const SensitivityRuns& runs, const SensitivityFindings& f) {
    const Draws& d = *f.draws;
    const std::string which = drawn_text(runs, d);
    std::string out = "\nProbabilistic: " + std::to_string(d.figures.size()) + " draws, seed " + std::to_string(d.seed) + ", of " +
                      std::to_string(d.drawn.size()) + " value" + (d.drawn.size() == 1 ? "" : "s") + " with a distribution" +
                      (which.empty() ? "" : " (" + which + ")") + "\n";
    if (d.drawn.empty()) out += "  No value declares a distribution (distributed …): every draw is the ruleset's own figure.\n";
    std::vector<std::vector<std::string>> rows{{"figure", "mean", "median", "2.5%", "97.5%"}};
    bool thresholds = false;
    for (const auto& s : f.summaries) thresholds = thresholds || s.threshold.has_value();
    if (thresholds) rows[0].push_back("beyond threshold");
    for (const auto& s : f.summaries) {
        rows.push_back({runs.targets()[s.target].name, target_text(runs, s.target, s.mean), target_text(runs, s.target, s.median),
                        target_text(runs, s.target, s.p2_5), target_text(runs, s.target, s.p97_5)});
        if (s.threshold)
            rows.back().push_back(percent_text(s.share) + (s.below ? " below " : " at or above ") + target_text(runs, s.target, *s.threshold));
        else if (thresholds)
            rows.back().push_back("");
    }
    return out + aligned(rows);
}

// An uncertain value in the form its range is written in: "40%" beside "from 25% to 40%", not "0.4".
std::string value_as_its_range(const SensitivityRuns& runs, std::size_t i) {
    const UncertainValue& v = runs.values()[i];
    auto percent = [](const std::string& t) { return !t.empty() && t.back() == '%'; };
    if (!percent(v.range->low_text) || !percent(v.range->high_text) || v.type.kind != TypeKind::number || !v.type.unit.terms().empty())
        return value_text(runs, i, v.value.n());
    const Number hundred = v.value.n() * 100;
    return exact_decimal(hundred).value_or(format_fixed(hundred, 6)) + "%";
}

// Each uncertain value: its value, its range and distribution, and the sources of its ends.
std::string ranges_text(const SensitivityRuns& runs) {
    std::string out = "\nRanges\n";
    for (std::size_t i = 0; i < runs.values().size(); ++i) {
        const UncertainValue& v = runs.values()[i];
        const Uncertain& u = *v.range;
        out += "  " + v.name + " = " + value_as_its_range(runs, i) + ", from " + u.low_text + " to " + u.high_text +
               (u.distribution == Distribution::none ? "" : ", " + std::string(distribution_name(u.distribution)) + (u.sd_text.empty() ? "" : " sd " + u.sd_text)) +
               "\n";
        if (!u.low_source.empty()) out += "    low:  " + u.low_source + "\n";
        if (!u.high_source.empty()) out += "    high: " + u.high_source + "\n";
    }
    return out;
}

}  // namespace

std::string sensitivity_text(const SensitivityRuns& runs, const SensitivityFindings& f) {
    std::string out = heading_text(runs);
    if (runs.values().empty()) return out + "\nNo param of the ruleset declares a range (range LOW to HIGH): there is nothing to vary.\n";
    for (const auto& w : f.one_way) out += one_way_text(runs, w);
    for (const auto& t : f.thresholds) out += switching_values_text(runs, t);
    if (f.grid) out += two_way_text(runs, *f.grid);
    if (f.draws) out += probabilistic_text(runs, f);
    out += ranges_text(runs);
    if (runs.failures().size())
        out += "\n" + std::to_string(runs.failures().size()) + " case" + (runs.failures().size() == 1 ? " failed and is" : "s failed and are") +
               " left out, as in batch\n";
    return out;
}

namespace {

using J = nlohmann::ordered_json;

// Each uncertain value: its value, its range's ends with their sources, its distribution.
J values_json(const SensitivityRuns& runs) {
    J values = J::array();
    for (std::size_t i = 0; i < runs.values().size(); ++i) {
        const UncertainValue& v = runs.values()[i];
        const Uncertain& u = *v.range;
        J one{{"name", v.name}, {"value", value_as_its_range(runs, i)},
              {"low", {{"value", u.low_text}, {"source", u.low_source}}}, {"high", {{"value", u.high_text}, {"source", u.high_source}}}};
        if (u.distribution != Distribution::none) {
            one["distribution"] = distribution_name(u.distribution);
            if (!u.sd_text.empty()) one["sd"] = u.sd_text;
        }
        values.push_back(std::move(one));
    }
    return values;
}

// Each figure under the ruleset's values, as shown and exactly.
J figures_json(const SensitivityRuns& runs) {
    J figures = J::object();
    for (std::size_t t = 0; t < runs.targets().size(); ++t)
        figures[runs.targets()[t].name] = {{"value", target_text(runs, t, runs.base()[t])},
                                           {"exact", exact_in_unit(runs.program(), rule_of(runs, t).shown(), runs.base()[t])}};
    return figures;
}

J one_way_json(const SensitivityRuns& runs, const std::vector<OneWay>& one_way) {
    J out = J::array();
    for (const auto& w : one_way) {
        J rows = J::array();
        for (const auto& r : w.rows)
            rows.push_back({{"value", runs.values()[r.value].name}, {"at_low", target_text(runs, w.target, r.at_low)},
                            {"at_high", target_text(runs, w.target, r.at_high)}, {"swing", target_text(runs, w.target, r.swing())}});
        out.push_back({{"figure", runs.targets()[w.target].name}, {"tornado", std::move(rows)}});
    }
    return out;
}

// One switching value: how it was found, and, when it was, where (as shown and exactly).
J switching_json(const SensitivityRuns& runs, const Switching& s) {
    J one{{"value", runs.values()[s.value].name}, {"method", switch_method_name(s.method)}};
    if (s.method == SwitchMethod::exact || s.method == SwitchMethod::bisection) {
        const Type& type = runs.values()[s.value].type;
        one["at"] = value_text(runs, s.value, s.at);
        one["exact"] = exact_in_unit(runs.program(), type, s.at);
        if (s.method == SwitchMethod::bisection) one["tolerance"] = value_text(runs, s.value, s.tolerance);
    }
    return one;
}

J switching_values_json(const SensitivityRuns& runs, const std::vector<SensitivityFindings::Threshold>& thresholds) {
    J out = J::array();
    for (const auto& t : thresholds) {
        J rows = J::array();
        for (const auto& s : t.switching) rows.push_back(switching_json(runs, s));
        out.push_back({{"figure", runs.targets()[t.target].name}, {"threshold", target_text(runs, t.target, t.value)},
                       {"switching", std::move(rows)}});
    }
    return out;
}

J two_way_json(const SensitivityRuns& runs, const Grid& g) {
    J rows = J::array();
    for (std::size_t i = 0; i < g.a_values.size(); ++i) {
        J cells = J::array();
        for (const auto& c : g.cells[i]) cells.push_back(target_text(runs, g.target, c));
        rows.push_back({{"at", value_text(runs, g.a, g.a_values[i])}, {"figures", std::move(cells)}});
    }
    J columns = J::array();
    for (const auto& y : g.b_values) columns.push_back(value_text(runs, g.b, y));
    return {{"figure", runs.targets()[g.target].name}, {"rows", runs.values()[g.a].name}, {"columns", runs.values()[g.b].name},
            {"column_values", std::move(columns)}, {"grid", std::move(rows)}};
}

// The draws: the values drawn, and each figure's summary over them.
J draws_json(const SensitivityRuns& runs, const SensitivityFindings& f) {
    J drawn = J::array();
    for (std::size_t i : f.draws->drawn) drawn.push_back(runs.values()[i].name);
    J summaries = J::array();
    for (const auto& s : f.summaries) {
        J one{{"figure", runs.targets()[s.target].name}, {"mean", target_text(runs, s.target, s.mean)},
              {"mean_exact", exact_in_unit(runs.program(), rule_of(runs, s.target).shown(), s.mean)},
              {"median", target_text(runs, s.target, s.median)}, {"p2_5", target_text(runs, s.target, s.p2_5)},
              {"p97_5", target_text(runs, s.target, s.p97_5)}, {"lowest", target_text(runs, s.target, s.lowest)},
              {"highest", target_text(runs, s.target, s.highest)}};
        if (s.threshold)
            one["threshold"] = {{"value", target_text(runs, s.target, *s.threshold)}, {"side", s.below ? "below" : "at or above"},
                                {"share", format_fixed(s.share, 4)}};
        summaries.push_back(std::move(one));
    }
    return {{"count", f.draws->figures.size()}, {"seed", f.draws->seed}, {"drawn", std::move(drawn)}, {"figures", std::move(summaries)}};
}

}  // namespace

nlohmann::ordered_json sensitivity_json(const SensitivityRuns& runs, const SensitivityFindings& f) {
    const Program& p = runs.program();
    J out;
    out["ruleset"] = {{"name", p.name}, {"version", p.version}};
    out["cases"] = runs.cases();
    out["failed"] = runs.failures().size();
    out["values"] = values_json(runs);
    out["figures"] = figures_json(runs);
    out["one_way"] = one_way_json(runs, f.one_way);
    out["switching_values"] = switching_values_json(runs, f.thresholds);
    if (f.grid) out["two_way"] = two_way_json(runs, *f.grid);
    if (f.draws) out["draws"] = draws_json(runs, f);
    return out;
}

std::string sensitivity_csv(const SensitivityRuns& runs, const SensitivityFindings& f) {
    const Program& p = runs.program();
    // plain numbers in the figure's own unit, for a spreadsheet to compute with
    const auto plain = [&](std::size_t target, const Number& x) { return display(p, rule_of(runs, target), Value::number(x)); };
    const auto plain_value = [&](std::size_t value, const Number& x) {
        return format_trimmed(x / p.units.scale(runs.values()[value].type.unit), 6);
    };
    std::string out = "analysis,figure,value,low,high,figure_at_low,figure_at_high,swing,threshold,switching_value,method,mean,median,p2_5,p97_5,"
                      "share_beyond_threshold,value_2,at,at_2,figure_at\n";
    const auto row = [&](std::vector<std::string> cells) {  // the columns a row leaves out at the end are empty
        cells.resize(20);
        for (std::size_t c = 0; c < cells.size(); ++c) out += (c ? "," : "") + csv_field(cells[c]);
        out += "\n";
    };
    for (const auto& w : f.one_way)
        for (const auto& r : w.rows) {
            const Uncertain& u = *runs.values()[r.value].range;
            row({"one-way", runs.targets()[w.target].name, runs.values()[r.value].name, plain_value(r.value, u.low.n()),
                 plain_value(r.value, u.high.n()), plain(w.target, r.at_low), plain(w.target, r.at_high), plain(w.target, r.swing()), "", "", "", "",
                 "", "", "", ""});
        }
    for (const auto& t : f.thresholds)
        for (const auto& s : t.switching) {
            const bool found = s.method == SwitchMethod::exact || s.method == SwitchMethod::bisection;
            row({"switching", runs.targets()[t.target].name, runs.values()[s.value].name, "", "", plain(t.target, s.at_low),
                 plain(t.target, s.at_high), "", plain(t.target, t.value), found ? plain_value(s.value, s.at) : "", switch_method_name(s.method), "", "",
                 "", "", ""});
        }
    if (f.grid) {  // the two-way grid, a row per point: the two values there and the figure
        const Grid& g = *f.grid;
        for (std::size_t i = 0; i < g.a_values.size(); ++i)
            for (std::size_t j = 0; j < g.b_values.size(); ++j) {
                std::vector<std::string> cells(16);
                cells[0] = "two-way";
                cells[1] = runs.targets()[g.target].name;
                cells[2] = runs.values()[g.a].name;
                cells.insert(cells.end(), {runs.values()[g.b].name, plain_value(g.a, g.a_values[i]), plain_value(g.b, g.b_values[j]),
                                           plain(g.target, g.cells[i][j])});
                row(cells);
            }
    }
    for (const auto& s : f.summaries)
        row({"probabilistic", runs.targets()[s.target].name, "", "", "", "", "", "", s.threshold ? plain(s.target, *s.threshold) : "", "", "",
             plain(s.target, s.mean), plain(s.target, s.median), plain(s.target, s.p2_5), plain(s.target, s.p97_5),
             s.threshold ? format_fixed(s.share, 4) : ""});
    return out;
}

}  // namespace reckon
