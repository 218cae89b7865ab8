// `reckon report`, the chart items and trends: which figures a chart draws (a bar per figure, or a group of
// bars per member; under scenarios a bar per scenario) and, when the scenarios are years, a line chart of each
// item's figures over them; under each chart the same figures as a table. The SVG is report_charts.cpp's.
#include "commands/report/report_page.hpp"

#include "commands/present/present.hpp"

#include <algorithm>
#include <utility>

namespace reckon::report_page {

namespace {

// The exact figure in the output's own unit, as a double for drawing only.
std::optional<double> amount(const Program& p, const RuleDef& r, const Value& v) {
    if (v.kind != Value::Kind::number) return std::nullopt;
    return Number(v.n() / p.units.scale(r.shown().unit)).convert_to<double>();
}

// A figure in a bar or a line: where it is drawn, and its text as shown.
void add_figure(const Program& p, Bar& b, const RuleDef& r, const Value& v) {
    b.values.push_back(amount(p, r, v));
    b.texts.push_back(display_for_readers(p, r, v));
}

}  // namespace

void Page::chart(const ReportItem& item, const Records& recs) {
    const std::string axis = item.axis.empty() ? unit_words(p_.rules[item.rules[0]]) : item.axis;
    const EnumDef* by = by_member(item);
    if (by && scenarios() && item.rules.size() > 1) {  // a chart for each figure, a bar per scenario
        for (int slot : item.rules) {
            ReportItem one = item;
            one.rules = {slot};
            one.members = {};
            one.title = item.title + ": " + p_.rules[slot].shown_label();
            one.axis = axis;
            chart(one, recs);
        }
        return;
    }
    const std::vector<std::string> series = chart_series(item, by);
    const std::vector<Bar> rows = by ? member_bars(item, *by, recs) : figure_bars(item, recs);
    std::vector<Bar> drawn = rows;  // a member with nothing to draw is left out, and said under the chart
    if (by) std::erase_if(drawn, [](const Bar& b) { return b.zero; });
    out_ += "<figure class=\"chart\">\n<figcaption>" + h(item.title) + "</figcaption>\n" +
            bar_chart(item.title, axis, series, drawn, ++charts_);
    if (drawn.size() < rows.size())
        out_ += "<p class=\"note\" data-left-out=\"" + std::to_string(rows.size() - drawn.size()) + "\">" +
                left_out_note(*by, rows.size() - drawn.size(), rows.size(), series.size()) + "</p>\n";
    chart_data(series, rows);
}

// A chart's series: the scenarios; else each figure by member; else the one value of each bar.
std::vector<std::string> Page::chart_series(const ReportItem& item, const EnumDef* by) const {
    std::vector<std::string> series;
    if (scenarios()) {
        for (const auto& run : runs_) series.push_back(run.scenario);
    } else if (by) {
        for (int slot : item.rules) series.push_back(p_.rules[slot].shown_label());
    } else {
        series.push_back("Value");
    }
    return series;
}

// Figures by member: a group of bars per member, a bar for each figure of each run; a member is zero when
// every one of its figures is exactly zero.
std::vector<Bar> Page::member_bars(const ReportItem& item, const EnumDef& by, const Records& recs) const {
    std::vector<Bar> rows;
    for (std::size_t m = 0; m < by.members.size(); ++m) {
        Bar b;
        b.category = by.shown(m);
        b.zero = true;
        for (std::size_t j = 0; j < runs_.size(); ++j)
            for (int slot : item.rules) {
                const Value& v = value_of(slot, recs[j], j);
                const Value member = v.kind == Value::Kind::list ? (*v.items()).at(m) : Value{};
                b.zero = b.zero && member.kind == Value::Kind::number && member.n() == 0;
                add_figure(p_, b, p_.rules[slot], member);
            }
        rows.push_back(std::move(b));
    }
    return rows;
}

// Under a chart that leaves out members with nothing to draw: how many, and that the tables have them.
std::string Page::left_out_note(const EnumDef& by, std::size_t left_out, std::size_t all, std::size_t series) {
    return count(left_out) + " of the " + count(all) + " members of " + h(by.name) + (left_out == 1 ? " is" : " are") + " not drawn: " +
           (left_out == 1 ? "its figure is" : "their figures are") + (series > 1 ? " zero in every series" : " zero") +
           ". The table under the chart has every one.";
}

// Figures: a group of bars per figure, a bar for each run.
std::vector<Bar> Page::figure_bars(const ReportItem& item, const Records& recs) const {
    std::vector<Bar> rows;
    for (std::size_t k = 0; k < item.rules.size(); ++k) {
        Bar b{ref(item, k, recs[0]).label, {}, {}};
        for (std::size_t j = 0; j < runs_.size(); ++j) {
            const Ref f = ref(item, k, recs[j], j);
            add_figure(p_, b, f.r, f.v);
        }
        rows.push_back(std::move(b));
    }
    return rows;
}

// When the scenarios are years: the item's figures over the years, a line chart for each unit they are in
// (£ apart from counts and percentages), with the figures as a table under it.
void Page::trend(const ReportItem& shown, const Records& recs) {
    if (!years_) return;
    std::vector<std::string> years;
    for (const auto& run : runs_) years.push_back(run.scenario);
    std::vector<std::pair<std::string, std::vector<std::size_t>>> groups;  // the unit's words, the figures in it
    for (std::size_t k = 0; k < shown.rules.size(); ++k) {
        const RuleDef& r = p_.rules[shown.rules[k]];
        if (r.shown().kind != TypeKind::number) continue;
        const std::string unit = unit_words(r);
        auto g = std::find_if(groups.begin(), groups.end(), [&](const auto& x) { return x.first == unit; });
        if (g == groups.end()) groups.push_back({unit, {k}});
        else g->second.push_back(k);
    }
    for (const auto& [unit, ks] : groups) {
        std::vector<std::string> series;
        std::vector<Bar> lines;
        for (std::size_t k : ks) {
            Bar line{ref(shown, k, recs[0]).label, {}, {}};
            for (std::size_t j = 0; j < runs_.size(); ++j) {
                const Ref f = ref(shown, k, recs[j], j);
                add_figure(p_, line, f.r, f.v);
            }
            series.push_back(line.category);
            lines.push_back(std::move(line));
        }
        std::string caption;  // "A, B and C, 2019 to 2024"
        for (std::size_t k = 0; k < series.size(); ++k)
            caption += (k == 0 ? "" : k + 1 == series.size() ? " and " : ", ") + series[k];
        caption += ", " + years.front() + " to " + years.back();
        out_ += "<figure class=\"chart trend\">\n<figcaption>" + h(caption) + "</figcaption>\n" +
                line_chart(caption, unit, years, series, lines, ++charts_);
        chart_data(years, lines);
    }
}

// Under a chart, the same figures as a table, for readers who cannot see it: a row per bar group or line.
void Page::chart_data(const std::vector<std::string>& columns, const std::vector<Bar>& rows) {
    out_ += "<table class=\"chart-data\">\n<caption>The figures in this chart</caption>\n<thead><tr><th></th>";
    for (const auto& c : columns) out_ += "<th class=\"num\">" + h(c) + "</th>";
    out_ += "</tr></thead>\n<tbody>\n";
    for (const auto& r : rows) {
        out_ += "<tr><td>" + h(r.category) + "</td>";
        for (const auto& t : r.texts) out_ += "<td class=\"num\">" + h(t) + "</td>";
        out_ += "</tr>\n";
    }
    out_ += "</tbody>\n</table>\n</figure>\n";
}

// A chart's value axis: the figure's unit as the page writes it ("£", "£/week", "hour").
std::string Page::axis_of(const RuleDef& r) const {
    const std::string unit = unit_as_shown(r);
    return r.shown_label() + (unit.empty() ? "" : " (" + unit + ")");
}

// A figure's unit as its figures are written on the page: money by its symbol (£, £/week), else the unit's name.
std::string Page::unit_as_shown(const RuleDef& r) const {
    if (const auto money = p_.units.money_shape(r.shown().unit)) return money->symbol + money->per;
    return p_.units.name(r.shown().unit);
}

// The words for a figure's unit on an axis, and a trend's group: "per cent", the unit as shown, or "number".
std::string Page::unit_words(const RuleDef& r) const {
    const std::string unit = unit_as_shown(r);
    return r.percent ? "per cent" : unit.empty() ? "number" : unit;
}

}  // namespace reckon::report_page
