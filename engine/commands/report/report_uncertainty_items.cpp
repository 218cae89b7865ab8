// `reckon report`, the tornado and distribution items: how sure a figure is, as `reckon sensitivity` says. A
// tornado is the figure's swing over each declared range, largest first, with every range and its sources in
// a table; a distribution is the figure over draws of every value with a distribution, as a histogram with its
// mean and percentiles. Their figures are worked out before the page (report_uncertainty.cpp).
#include "commands/report/report_page.hpp"

#include "commands/report/report_uncertainty.hpp"
#include "commands/sensitivity/sensitivity_format.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace reckon::report_page {

// A tornado or a distribution that could not be computed says why, in place of its chart.
bool Page::uncertainty_shown(const ReportItem& item) {
    if (u_ && u_->runs) return true;
    out_ += "<figure class=\"chart\">\n<figcaption>" + h(item.title) + "</figcaption>\n<p class=\"failed\">Not computed: " +
            h(u_ ? u_->error : std::string("the analysis was not run")) + "</p>\n</figure>\n";
    return false;
}

// The figure's swing over each declared range, largest first: the chart (the ten largest) and every one in the table.
void Page::tornado(const ReportItem& item) {
    if (!uncertainty_shown(item)) return;
    const SensitivityRuns& runs = *u_->runs;
    const std::size_t t = u_->target_of.at(&item);
    const OneWay& w = u_->one_way.at(t);
    const RuleDef& r = p_.rules[static_cast<std::size_t>(item.rules[0])];
    const Number scale = p_.units.scale(r.shown().unit);
    const auto x = [&](const Number& n) { return (n / scale).convert_to<double>(); };
    std::vector<Swing> bars;
    for (const auto& row : w.rows)
        if (row.swing() != 0 && bars.size() < 10)
            bars.push_back({runs.values()[row.value].name, x(row.at_low), x(row.at_high), target_text(runs, t, row.at_low),
                            target_text(runs, t, row.at_high)});
    const std::string base = target_text(runs, t, runs.base()[t]);
    out_ += "<figure class=\"chart long\">\n<figcaption>" + h(item.title) + "</figcaption>\n";
    out_ += "<p class=\"note\">" + h(r.shown_label()) + " with one value at each end of its declared range and every other at its "
            "own; the line is the figure with every value its own, " + h(base) + ".</p>\n";
    if (bars.empty()) out_ += "<p>No declared range moves this figure.</p>\n";
    else out_ += tornado_chart(item.title, axis_of(r), x(runs.base()[t]), base, bars, ++charts_);
    out_ += "<table class=\"chart-data\">\n<caption>The figures in this chart, every range, largest swing first</caption>\n"
            "<thead><tr><th>Value</th><th class=\"num\">Low</th><th class=\"num\">Figure at low</th><th class=\"num\">High</th>"
            "<th class=\"num\">Figure at high</th><th class=\"num\">Swing</th><th>Sources</th></tr></thead>\n<tbody>\n";
    std::vector<std::string> sources;  // each once, numbered in the order first cited
    const auto cite = [&](const std::string& source) {
        if (source.empty()) return std::string("none given");
        auto it = std::find(sources.begin(), sources.end(), source);
        if (it == sources.end()) it = sources.insert(sources.end(), source);
        return "[" + std::to_string(it - sources.begin() + 1) + "]";
    };
    for (const auto& row : w.rows) {
        const UncertainValue& v = runs.values()[row.value];
        // the low end cited first: in one expression, the order the two calls run in would be the compiler's
        const std::string low = cite(v.range->low_source), high = cite(v.range->high_source);
        out_ += "<tr><td>" + h(v.name) + "</td><td class=\"num\">" + h(v.range->low_text) + "</td><td class=\"num\">" +
                h(target_text(runs, t, row.at_low)) + "</td><td class=\"num\">" + h(v.range->high_text) + "</td><td class=\"num\">" +
                h(target_text(runs, t, row.at_high)) + "</td><td class=\"num\">" + h(target_text(runs, t, row.swing())) + "</td><td>low " + low +
                ", high " + high + "</td></tr>\n";
    }
    out_ += "</tbody>\n</table>\n<ol class=\"sources\">\n";
    for (const auto& source : sources) out_ += "<li>" + h(source) + "</li>\n";
    out_ += "</ol>\n</figure>\n";
}

// The figure over draws of every value with a distribution: a histogram with its mean and percentiles, and the figures as a table.
void Page::distribution(const ReportItem& item) {
    if (!uncertainty_shown(item)) return;
    const SensitivityRuns& runs = *u_->runs;
    const std::size_t t = u_->target_of.at(&item);
    const Draws& d = u_->draws.at(&item);
    const DrawSummary s = summarise(runs, d, t, std::nullopt);
    const RuleDef& r = p_.rules[static_cast<std::size_t>(item.rules[0])];
    const Number scale = p_.units.scale(r.shown().unit);
    const auto x = [&](const Number& n) { return (n / scale).convert_to<double>(); };
    std::vector<double> values;
    for (const auto& f : d.figures) values.push_back(x(f[t]));
    const std::string mean = target_text(runs, t, s.mean), low = target_text(runs, t, s.p2_5), high = target_text(runs, t, s.p97_5);
    const std::string base = target_text(runs, t, runs.base()[t]);
    const std::vector<Mark> marks{{"mean of the draws, " + mean, {x(s.mean)}, false},
                                  {"2.5% and 97.5% of the draws, " + low + " and " + high, {x(s.p2_5), x(s.p97_5)}, true},
                                  {"the figure with every value its own, " + base, {x(runs.base()[t])}, false}};
    std::string drawn;
    std::map<std::string, std::size_t> kinds;
    for (std::size_t i : d.drawn) kinds[distribution_name(runs.values()[i].range->distribution)]++;
    for (const auto& [kind, n] : kinds) drawn += (drawn.empty() ? "" : ", ") + std::to_string(n) + " " + kind;
    out_ += "<figure class=\"chart\">\n<figcaption>" + h(item.title) + "</figcaption>\n";
    out_ += "<p class=\"note\">" + h(r.shown_label()) + " in " + count(d.figures.size()) + " draws (seed " + std::to_string(d.seed) + ") of the " +
            std::to_string(d.drawn.size()) + " values with a distribution (" + h(drawn) + "); each draw evaluated exactly.</p>\n";
    out_ += histogram_chart(item.title, axis_of(r), values, marks, ++charts_);
    out_ += "<table class=\"chart-data\">\n<caption>The figures in this chart</caption>\n<tbody>\n";
    for (const auto& [label, text] : std::vector<std::pair<std::string, std::string>>{
             {"Draws", count(d.figures.size()) + ", seed " + std::to_string(d.seed)}, {"Mean", mean},
             {"Median", target_text(runs, t, s.median)}, {"2.5%", low}, {"97.5%", high},
             {"Lowest", target_text(runs, t, s.lowest)}, {"Highest", target_text(runs, t, s.highest)},
             {"With every value its own", base}})
        out_ += "<tr><th>" + h(label) + "</th><td class=\"num\">" + h(text) + "</td></tr>\n";
    out_ += "</tbody>\n</table>\n</figure>\n";
}

}  // namespace reckon::report_page
