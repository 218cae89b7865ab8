// `reckon report`, the charts: horizontal SVG bar charts, drawn from the
// exact figures (as doubles, for drawing only) with the figures as shown.
#include "commands/report/report_charts.hpp"

#include "commands/present/html.hpp"
#include "core/base/number.hpp"
#include "core/base/source.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <tuple>

namespace reckon {

namespace {

// Bar colours: one per series, distinguishable in grey too.
const char* const palette[] = {"#1f5f8b", "#e07b39", "#5b8c3a", "#8a4f9e", "#b8860b", "#3a8c8c"};

std::string fmt_num(double x, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
    return buf;
}

// A round step for about `ticks` ticks (five by default): 1, 2 or 5 times a power of ten.
double tick_step(double span, double ticks = 5) {
    if (span <= 0) return 1;
    double raw = span / ticks, mag = std::pow(10.0, std::floor(std::log10(raw)));
    for (double f : {1.0, 2.0, 5.0, 10.0})
        if (raw <= f * mag) return f * mag;
    return 10 * mag;
}

std::string tick_label(double x, double step) {
    int decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step)));
    std::string text = fmt_num(x, decimals);
    bool negative = !text.empty() && text[0] == '-';
    return (negative ? "-" : "") + group_thousands(negative ? text.substr(1) : text);
}

// The value axis's range, rounded out to whole ticks, from zero: {lo, hi, step}.
struct Scale {
    double lo = 0, hi = 0, step = 1;
};
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

std::string svg_open(const std::string& title, double width, double height, int id) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"chart" + std::to_string(id) + "\" viewBox=\"0 0 " +
           fmt_num(width, 0) + " " + fmt_num(height, 0) + "\" width=\"" + fmt_num(width, 0) + "\" height=\"" + fmt_num(height, 0) +
           "\">\n<title id=\"chart" + std::to_string(id) + "\">" + escape_html(title) + "</title>\n";
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

namespace {
// The value axis over [lo, hi], rounded out to whole ticks (not from zero), a tick for about every 90 points of
// `width`: room for "1,050,000".
Scale span_of(double lo, double hi, double width) {
    Scale s;
    if (hi <= lo) hi = lo + std::max(1.0, std::fabs(lo) / 100);
    s.step = tick_step(hi - lo, std::max(2.0, std::floor(width / 90)));
    s.lo = std::floor(lo / s.step) * s.step;
    s.hi = std::ceil(hi / s.step) * s.step;
    return s;
}

std::string line(double x1, double y1, double x2, double y2, const char* colour, bool dashed = false) {
    return "<line x1=\"" + fmt_num(x1, 1) + "\" y1=\"" + fmt_num(y1, 1) + "\" x2=\"" + fmt_num(x2, 1) + "\" y2=\"" + fmt_num(y2, 1) +
           "\" stroke=\"" + colour + "\"" + (dashed ? " stroke-dasharray=\"4 3\"" : "") + "/>";
}

std::string ticks(const Scale& sc, const std::function<double(double)>& x_of, double top, double bottom) {
    std::string t;
    for (double v = sc.lo; v <= sc.hi + sc.step / 2; v += sc.step) {
        const double x = x_of(v);
        t += line(x, top, x, bottom, "#dde3e8");
        t += "<text class=\"tick\" x=\"" + fmt_num(x, 1) + "\" y=\"" + fmt_num(bottom + 15, 1) +
             "\" font-size=\"11\" text-anchor=\"middle\" fill=\"#38424c\">" + escape_html(tick_label(v, sc.step)) + "</text>\n";
    }
    return t;
}
}  // namespace

namespace {
// A tornado's legend: the colour of each end of a range that some bar draws (the low end's the first, the
// high end's the second); an end at which no value moves the figure draws no bar, and the legend says so
// instead of naming a colour that never appears (the legend then starts at the chart's left edge, `x` else).
std::string tornado_legend(const std::vector<Swing>& rows, double base, const std::function<double(double)>& x_of, double x) {
    bool drawn[2] = {false, false};
    for (const auto& r : rows) {
        drawn[0] = drawn[0] || std::fabs(x_of(r.at_low) - x_of(base)) > 0.01;
        drawn[1] = drawn[1] || std::fabs(x_of(r.at_high) - x_of(base)) > 0.01;
    }
    const char* const ends[2] = {"low", "high"};
    if (!drawn[0] || !drawn[1]) x = 8;  // from the left edge, with room for the note after the swatch
    std::string t, undrawn;
    for (int e = 0; e < 2; ++e) {
        const std::string label = std::string(ends[e]) + " end of the range";
        if (!drawn[e]) {
            undrawn += undrawn.empty() ? ends[e] : std::string(" or ") + ends[e];
            continue;
        }
        t += "<rect class=\"legend\" x=\"" + fmt_num(x, 1) + "\" y=\"6\" width=\"12\" height=\"12\" fill=\"" + palette[e] + "\"/>";
        t += "<text x=\"" + fmt_num(x + 17, 1) + "\" y=\"16\" font-size=\"12\">" + label + "</text>\n";
        x += 40 + 6.6 * static_cast<double>(label.size());
    }
    if (!undrawn.empty())
        t += "<text class=\"legend-note\" x=\"" + fmt_num(x, 1) + "\" y=\"16\" font-size=\"12\" fill=\"#56606a\">at the " + undrawn +
             " end of every range the figure does not move: no bar</text>\n";
    return t;
}
}  // namespace

std::string tornado_chart(const std::string& title, const std::string& axis, double base, const std::string& base_text,
                          const std::vector<Swing>& rows, int id) {
    std::size_t label_chars = 0, text_chars = 0;
    for (const auto& r : rows) {
        label_chars = std::max(label_chars, display_width(r.label));
        text_chars = std::max({text_chars, display_width(r.low_text), display_width(r.high_text)});
    }
    const double text_w = 10 + 6.2 * static_cast<double>(text_chars);
    const double width = 760, label_w = std::min(320.0, 24 + 6.6 * static_cast<double>(label_chars));
    const double plot_x = label_w + text_w, plot_w = std::max(160.0, width - plot_x - text_w - 8);
    const double bar_h = 16, gap = 8, top = 48, plot_h = (bar_h + gap) * static_cast<double>(rows.size());
    const double height = top + plot_h + 44;
    double lo = base, hi = base;
    for (const auto& r : rows) lo = std::min({lo, r.at_low, r.at_high}), hi = std::max({hi, r.at_low, r.at_high});
    const Scale sc = span_of(lo, hi, plot_w);
    const auto x_of = [&](double v) { return plot_x + (v - sc.lo) / (sc.hi - sc.lo) * plot_w; };

    std::string t = svg_open(title, width, height, id);
    t += tornado_legend(rows, base, x_of, plot_x);
    t += ticks(sc, x_of, top, top + plot_h);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Swing& r = rows[i];
        const double y = top + (bar_h + gap) * static_cast<double>(i) + gap / 2;
        t += "<text class=\"category\" x=\"" + fmt_num(label_w - 8, 1) + "\" y=\"" + fmt_num(y + bar_h - 4, 1) +
             "\" font-size=\"12\" text-anchor=\"end\">" + escape_html(r.label) + "</text>\n";
        // each end's part of the bar, from the base to the figure at that end
        for (const auto& [at, colour, text] : {std::tuple{r.at_low, palette[0], &r.low_text}, std::tuple{r.at_high, palette[1], &r.high_text}}) {
            const double a = x_of(std::min(base, at)), b = x_of(std::max(base, at));
            if (b - a > 0.01)
                t += "<rect class=\"swing\" x=\"" + fmt_num(a, 2) + "\" y=\"" + fmt_num(y, 1) + "\" width=\"" + fmt_num(b - a, 2) + "\" height=\"" +
                     fmt_num(bar_h, 1) + "\" fill=\"" + colour + "\"><title>" + escape_html(r.label) + ": " + escape_html(*text) + "</title></rect>";
        }
        // the figure at each end that moves it, beside the bar's end on that side
        for (const auto& [at, text] : {std::pair{r.at_low, &r.low_text}, std::pair{r.at_high, &r.high_text}}) {
            if (at == base) continue;
            const bool left = at < base;
            t += "<text class=\"value\" x=\"" + fmt_num(x_of(at) + (left ? -4 : 4), 1) + "\" y=\"" + fmt_num(y + bar_h - 4, 1) +
                 "\" font-size=\"11\"" + (left ? " text-anchor=\"end\"" : "") + ">" + escape_html(*text) + "</text>";
        }
        t += "\n";
    }
    t += line(x_of(base), top - 4, x_of(base), top + plot_h, "#1d2329");
    t += "<text class=\"base\" x=\"" + fmt_num(x_of(base), 1) + "\" y=\"" + fmt_num(top - 8, 1) + "\" font-size=\"11\" text-anchor=\"middle\">" +
         escape_html(base_text) + "</text>\n";
    t += "<text class=\"axis-label\" x=\"" + fmt_num(plot_x + plot_w / 2, 1) + "\" y=\"" + fmt_num(top + plot_h + 36, 1) +
         "\" font-size=\"12\" text-anchor=\"middle\" font-weight=\"bold\">" + escape_html(axis) + "</text>\n</svg>\n";
    return t;
}

std::string histogram_chart(const std::string& title, const std::string& axis, const std::vector<double>& draws, const std::vector<Mark>& marks,
                            int id, std::size_t bins) {
    double lo = draws.empty() ? 0 : *std::min_element(draws.begin(), draws.end());
    double hi = draws.empty() ? 1 : *std::max_element(draws.begin(), draws.end());
    for (const auto& m : marks)
        for (double v : m.values) lo = std::min(lo, v), hi = std::max(hi, v);
    const double width = 760, plot_x = 76, plot_w = width - plot_x - 44, top = 12, plot_h = 220;
    const Scale sc = span_of(lo, hi, plot_w);
    const double bin_w = (sc.hi - sc.lo) / static_cast<double>(bins);
    std::vector<std::size_t> counts(bins, 0);
    for (double d : draws) counts[std::min(bins - 1, static_cast<std::size_t>((d - sc.lo) / bin_w))]++;
    // the count axis from zero to a whole tick at or over the fullest bin, about five ticks (room for each: 44 points)
    const Scale counts_scale = span_of(0, static_cast<double>(std::max<std::size_t>(1, *std::max_element(counts.begin(), counts.end()))), 450);
    const double most = counts_scale.hi;
    const double key_h = 18 * static_cast<double>(marks.size());
    const double height = top + plot_h + 48 + key_h;
    const auto x_of = [&](double v) { return plot_x + (v - sc.lo) / (sc.hi - sc.lo) * plot_w; };
    const auto y_of = [&](double n) { return top + plot_h - n / most * plot_h; };

    std::string t = svg_open(title, width, height, id);
    t += ticks(sc, x_of, top, top + plot_h);
    for (double n = 0; n <= most + counts_scale.step / 2; n += counts_scale.step)
        t += "<text class=\"tick count\" x=\"" + fmt_num(plot_x - 6, 1) + "\" y=\"" + fmt_num(y_of(n) + 4, 1) +
             "\" font-size=\"11\" text-anchor=\"end\" fill=\"#38424c\">" + fmt_num(n, 0) + "</text>";
    t += "<text class=\"axis-label\" transform=\"rotate(-90)\" x=\"" + fmt_num(-(top + plot_h / 2), 1) +
         "\" y=\"16\" font-size=\"12\" text-anchor=\"middle\" font-weight=\"bold\">Draws in the bin</text>\n";
    for (std::size_t b = 0; b < bins; ++b) {
        const double x = x_of(sc.lo + bin_w * static_cast<double>(b)), y = y_of(static_cast<double>(counts[b]));
        if (counts[b] == 0) continue;
        t += "<rect class=\"bin\" x=\"" + fmt_num(x + 0.5, 2) + "\" y=\"" + fmt_num(y, 1) + "\" width=\"" + fmt_num(plot_w / static_cast<double>(bins) - 1, 2) +
             "\" height=\"" + fmt_num(top + plot_h - y, 1) + "\" fill=\"" + palette[0] + "\"><title>" + std::to_string(counts[b]) +
             " draws</title></rect>";
    }
    t += line(plot_x, top + plot_h, plot_x + plot_w, top + plot_h, "#38424c") + "\n";
    for (std::size_t m = 0; m < marks.size(); ++m) {
        const char* colour = palette[(m + 1) % 6];
        for (double v : marks[m].values) t += line(x_of(v), top, x_of(v), top + plot_h, colour, marks[m].dashed);
        const double ky = top + plot_h + 48 + 18 * static_cast<double>(m);
        t += line(plot_x, ky - 4, plot_x + 24, ky - 4, colour, marks[m].dashed);
        t += "<text x=\"" + fmt_num(plot_x + 30, 1) + "\" y=\"" + fmt_num(ky, 1) + "\" font-size=\"12\">" + escape_html(marks[m].label) + "</text>\n";
    }
    t += "<text class=\"axis-label\" x=\"" + fmt_num(plot_x + plot_w / 2, 1) + "\" y=\"" + fmt_num(top + plot_h + 34, 1) +
         "\" font-size=\"12\" text-anchor=\"middle\" font-weight=\"bold\">" + escape_html(axis) + "</text>\n</svg>\n";
    return t;
}

}  // namespace reckon
