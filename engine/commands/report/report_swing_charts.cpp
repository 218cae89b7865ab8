// `reckon report`, the charts of how a figure moves: a tornado (its swing over each declared range), a histogram
// (its spread over draws) and a waterfall (its change from one run to another, step by step), drawn from the
// exact figures (as doubles, for drawing only) with the figures as shown beside them.
#include "commands/report/report_charts.hpp"
#include "commands/report/report_svg.hpp"

#include "commands/present/html.hpp"
#include "core/base/number.hpp"
#include "core/base/source.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <tuple>

namespace reckon {

using namespace svg;

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

std::string waterfall_chart(const std::string& title, const std::string& axis, const std::vector<Step>& steps, int id) {
    std::size_t label_chars = 0, text_chars = 0;
    double lo = steps.empty() ? 0 : steps.front().to, hi = lo;  // the axis over the running totals, not from zero
    for (const auto& s : steps) {
        label_chars = std::max(label_chars, display_width(s.label));
        text_chars = std::max(text_chars, display_width(s.text));
        lo = std::min({lo, s.to, s.total ? s.to : s.from}), hi = std::max({hi, s.to, s.total ? s.to : s.from});
    }
    const double width = 760, label_w = std::min(320.0, 24 + 6.6 * static_cast<double>(label_chars));
    const double text_w = 12 + 6.2 * static_cast<double>(text_chars), plot_x = label_w, plot_w = std::max(160.0, width - plot_x - text_w);
    const double bar_h = 16, gap = 8, top = 30, plot_h = (bar_h + gap) * static_cast<double>(steps.size()), height = top + plot_h + 44;
    const Scale sc = span_of(lo, hi, plot_w);
    const auto x_of = [&](double v) { return plot_x + (v - sc.lo) / (sc.hi - sc.lo) * plot_w; };
    std::string t = svg_open(title, width, height, id);
    const std::tuple<const char*, const char*> keys[] = {{palette[0], "the figure"}, {palette[2], "a change that raises it"},
                                                         {palette[1], "a change that lowers it"}};
    double kx = 8;
    for (const auto& [colour, label] : keys) {
        t += "<rect class=\"legend\" x=\"" + fmt_num(kx, 1) + "\" y=\"6\" width=\"12\" height=\"12\" fill=\"" + colour + "\"/>";
        t += "<text x=\"" + fmt_num(kx + 17, 1) + "\" y=\"16\" font-size=\"12\">" + label + "</text>\n";
        kx += 40 + 6.6 * static_cast<double>(std::string(label).size());
    }
    t += ticks(sc, x_of, top, top + plot_h);
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const Step& s = steps[i];
        const double y = top + (bar_h + gap) * static_cast<double>(i) + gap / 2;
        const double from = s.total ? sc.lo : s.from;  // the figure's bar from the axis's start
        const double a = x_of(std::min(from, s.to)), b = x_of(std::max(from, s.to));
        const char* colour = s.total ? palette[0] : s.to >= s.from ? palette[2] : palette[1];
        t += "<text class=\"category\" x=\"" + fmt_num(label_w - 8, 1) + "\" y=\"" + fmt_num(y + bar_h - 4, 1) +
             "\" font-size=\"12\" text-anchor=\"end\">" + escape_html(s.label) + "</text>";
        if (b - a > 0.01)
            t += "<rect class=\"" + std::string(s.total ? "total" : "step") + "\" x=\"" + fmt_num(a, 2) + "\" y=\"" + fmt_num(y, 1) +
                 "\" width=\"" + fmt_num(b - a, 2) + "\" height=\"" + fmt_num(bar_h, 1) + "\" fill=\"" + colour + "\"><title>" +
                 escape_html(s.label) + ": " + escape_html(s.text) + "</title></rect>";
        t += "<text class=\"value\" x=\"" + fmt_num(b + 4, 1) + "\" y=\"" + fmt_num(y + bar_h - 4, 1) + "\" font-size=\"11\">" +
             escape_html(s.text) + "</text>";
        if (i + 1 < steps.size())  // the running total carried to the next step
            t += line(x_of(s.to), y + bar_h, x_of(s.to), y + bar_h + gap, "#56606a", true);
        t += "\n";
    }
    t += "<text class=\"axis-label\" x=\"" + fmt_num(plot_x + plot_w / 2, 1) + "\" y=\"" + fmt_num(top + plot_h + 36, 1) +
         "\" font-size=\"12\" text-anchor=\"middle\" font-weight=\"bold\">" + escape_html(axis) + "</text>\n</svg>\n";
    return t;
}

}  // namespace reckon
