// `reckon report`, the charts: horizontal SVG bar charts, drawn from the
// exact figures (as doubles, for drawing only) with the figures as shown.
#include "commands/report/report_charts.hpp"
#include "commands/report/report_svg.hpp"

#include "commands/present/html.hpp"
#include "core/base/number.hpp"
#include "core/base/source.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <tuple>

namespace reckon {

using namespace svg;

namespace {

// The value axis's range, rounded out to whole ticks, from zero: {lo, hi, step}.
Scale scale_of(const std::vector<Bar>& rows) {
    Scale s;
    for (const auto& r : rows)
        for (const auto& v : r.values)
            if (v) s.lo = std::min(s.lo, *v), s.hi = std::max(s.hi, *v);
    if (s.hi == s.lo) s.hi = s.lo + 1;
    s.step = tick_step(s.hi - s.lo);
    s.lo = std::floor(s.lo / s.step) * s.step;
    s.hi = std::ceil(s.hi / s.step) * s.step;
    return s;
}

// The legend of more than one series, along the top from x.
std::string legend(const std::vector<std::string>& series, double x) {
    std::string t;
    for (std::size_t s = 0; s < series.size(); ++s) {
        t += "<rect class=\"legend\" x=\"" + fmt_num(x, 1) + "\" y=\"6\" width=\"12\" height=\"12\" fill=\"" + palette[s % 6] + "\"/>";
        t += "<text x=\"" + fmt_num(x + 17, 1) + "\" y=\"16\" font-size=\"12\">" + escape_html(series[s]) + "</text>\n";
        x += 40 + 6.6 * static_cast<double>(display_width(series[s]));
    }
    return t;
}

}  // namespace

// A horizontal bar chart: a row per category, a bar per series, the figure
// beside each bar, a value axis with ticks and its label, a legend when
// there is more than one series.
std::string bar_chart(const std::string& title, const std::string& axis, const std::vector<std::string>& series,
                      const std::vector<Bar>& rows, int id) {
    const double label_w = std::min(300.0, 30 + 6.6 * static_cast<double>([&] {
        std::size_t w = 0;
        for (const auto& r : rows) w = std::max(w, display_width(r.category));
        return w;
    }()));
    // many series: thinner bars, their figures left to the table under the chart
    const double bar_h = series.size() > 3 ? 7 : series.size() > 1 ? 11 : 18, group_gap = 9;
    const bool figures_beside = bar_h >= 11;
    double text_w = 0;
    for (const auto& r : rows)
        for (const auto& t : r.texts)
            if (figures_beside) text_w = std::max(text_w, 12 + 6.6 * static_cast<double>(display_width(t)));
    const double width = 760, plot_x = label_w, plot_w = std::max(200.0, width - label_w - text_w - 10);
    const double group_h = bar_h * static_cast<double>(series.size()) + group_gap;
    const double legend_h = series.size() > 1 ? 24 : 0;
    const double top = 8 + legend_h, plot_h = group_h * static_cast<double>(rows.size());
    const double height = top + plot_h + 48;

    const Scale sc = scale_of(rows);
    const double lo = sc.lo, hi = sc.hi, step = sc.step;
    auto x_of = [&](double v) { return plot_x + (v - lo) / (hi - lo) * plot_w; };

    std::string t = svg_open(title, width, height, id);
    if (series.size() > 1) t += legend(series, plot_x);
    // grid lines and tick labels
    for (double v = lo; v <= hi + step / 2; v += step) {
        double x = x_of(v);
        t += "<line x1=\"" + fmt_num(x, 1) + "\" y1=\"" + fmt_num(top, 1) + "\" x2=\"" + fmt_num(x, 1) + "\" y2=\"" +
             fmt_num(top + plot_h, 1) + "\" stroke=\"#dde3e8\"/>";
        t += "<text class=\"tick\" x=\"" + fmt_num(x, 1) + "\" y=\"" + fmt_num(top + plot_h + 15, 1) +
             "\" font-size=\"11\" text-anchor=\"middle\" fill=\"#38424c\">" + escape_html(tick_label(v, step)) + "</text>\n";
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
        double y0 = top + group_h * static_cast<double>(r) + group_gap / 2;
        t += "<text class=\"category\" x=\"" + fmt_num(plot_x - 8, 1) + "\" y=\"" +
             fmt_num(y0 + bar_h * static_cast<double>(series.size()) / 2 + 4, 1) + "\" font-size=\"12\" text-anchor=\"end\">" +
             escape_html(rows[r].category) + "</text>\n";
        for (std::size_t s = 0; s < series.size(); ++s) {
            double y = y0 + bar_h * static_cast<double>(s);
            if (!rows[r].values[s]) continue;
            double a = x_of(std::min(0.0, *rows[r].values[s])), b = x_of(std::max(0.0, *rows[r].values[s]));
            t += "<rect class=\"bar\" x=\"" + fmt_num(a, 2) + "\" y=\"" + fmt_num(y, 1) + "\" width=\"" + fmt_num(std::max(0.5, b - a), 2) +
                 "\" height=\"" + fmt_num(bar_h - 1, 1) + "\" fill=\"" + palette[s % 6] + "\"><title>" + escape_html(rows[r].category) +
                 (series.size() > 1 ? ", " + escape_html(series[s]) : std::string()) + ": " + escape_html(rows[r].texts[s]) + "</title></rect>";
            if (figures_beside)
                t += "<text class=\"value\" x=\"" + fmt_num(b + 4, 1) + "\" y=\"" + fmt_num(y + bar_h - 4, 1) + "\" font-size=\"" +
                 (series.size() > 1 ? "10" : "12") + "\">" + escape_html(rows[r].texts[s]) + "</text>\n";
        }
    }
    t += "<line x1=\"" + fmt_num(x_of(0), 1) + "\" y1=\"" + fmt_num(top, 1) + "\" x2=\"" + fmt_num(x_of(0), 1) + "\" y2=\"" +
         fmt_num(top + plot_h, 1) + "\" stroke=\"#38424c\"/>\n";
    t += "<text class=\"axis-label\" x=\"" + fmt_num(plot_x + plot_w / 2, 1) + "\" y=\"" + fmt_num(top + plot_h + 36, 1) +
         "\" font-size=\"12\" text-anchor=\"middle\" font-weight=\"bold\">" + escape_html(axis) + "</text>\n</svg>\n";
    return t;
}

std::string line_chart(const std::string& title, const std::string& axis, const std::vector<std::string>& categories,
                       const std::vector<std::string>& series, const std::vector<Bar>& points, int id) {
    const Scale sc = scale_of(points);
    double tick_w = 0;
    for (double v = sc.lo; v <= sc.hi + sc.step / 2; v += sc.step) tick_w = std::max(tick_w, 6.6 * static_cast<double>(tick_label(v, sc.step).size()));
    const double width = 760, plot_x = 30 + tick_w, plot_w = width - plot_x - 60;
    const double top = series.size() > 1 ? 34 : 26, plot_h = 220, height = top + plot_h + 52;
    auto y_of = [&](double v) { return top + plot_h - (v - sc.lo) / (sc.hi - sc.lo) * plot_h; };
    const double n = static_cast<double>(std::max<std::size_t>(categories.size(), 1));
    auto x_of = [&](std::size_t k) { return plot_x + plot_w * (static_cast<double>(k) + 0.5) / n; };
    std::string t = svg_open(title, width, height, id);
    if (series.size() > 1) t += legend(series, plot_x);
    for (double v = sc.lo; v <= sc.hi + sc.step / 2; v += sc.step) {  // grid lines and tick labels
        const double y = y_of(v);
        t += "<line x1=\"" + fmt_num(plot_x, 1) + "\" y1=\"" + fmt_num(y, 1) + "\" x2=\"" + fmt_num(plot_x + plot_w, 1) + "\" y2=\"" +
             fmt_num(y, 1) + "\" stroke=\"" + (v == 0 ? "#38424c" : "#dde3e8") + "\"/>";
        t += "<text class=\"tick\" x=\"" + fmt_num(plot_x - 6, 1) + "\" y=\"" + fmt_num(y + 4, 1) +
             "\" font-size=\"11\" text-anchor=\"end\" fill=\"#38424c\">" + escape_html(tick_label(v, sc.step)) + "</text>\n";
    }
    for (std::size_t k = 0; k < categories.size(); ++k)
        t += "<text class=\"category\" x=\"" + fmt_num(x_of(k), 1) + "\" y=\"" + fmt_num(top + plot_h + 16, 1) +
             "\" font-size=\"12\" text-anchor=\"middle\">" + escape_html(categories[k]) + "</text>\n";
    for (std::size_t s = 0; s < points.size(); ++s) {
        const Bar& line = points[s];
        std::string path;  // a gap where a figure is not defined
        for (std::size_t k = 0; k < line.values.size(); ++k) {
            if (!line.values[k]) {
                path += path.empty() || path.back() == ' ' ? "" : " ";
                continue;
            }
            const bool starts = k == 0 || !line.values[k - 1];
            path += (starts ? "M" : "L") + fmt_num(x_of(k), 1) + "," + fmt_num(y_of(*line.values[k]), 1) + " ";
        }
        t += "<path class=\"line\" d=\"" + path + "\" fill=\"none\" stroke=\"" + palette[s % 6] + "\" stroke-width=\"2.5\"/>\n";
        for (std::size_t k = 0; k < line.values.size(); ++k) {
            if (!line.values[k]) continue;
            const double x = x_of(k), y = y_of(*line.values[k]);
            t += "<circle class=\"point\" cx=\"" + fmt_num(x, 1) + "\" cy=\"" + fmt_num(y, 1) + "\" r=\"4\" fill=\"" + palette[s % 6] + "\"><title>" +
                 escape_html(line.category) + ", " + escape_html(categories[k]) + ": " + escape_html(line.texts[k]) + "</title></circle>";
            if (points.size() == 1)
                t += "<text class=\"value\" x=\"" + fmt_num(x, 1) + "\" y=\"" + fmt_num(y - 9, 1) +
                     "\" font-size=\"11\" text-anchor=\"middle\">" + escape_html(line.texts[k]) + "</text>";
            t += "\n";
        }
    }
    t += "<text class=\"axis-label\" x=\"" + fmt_num(plot_x + plot_w / 2, 1) + "\" y=\"" + fmt_num(top + plot_h + 40, 1) +
         "\" font-size=\"12\" text-anchor=\"middle\" font-weight=\"bold\">" + escape_html(axis) + "</text>\n</svg>\n";
    return t;
}


}  // namespace reckon
