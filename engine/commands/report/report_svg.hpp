// `reckon report`, what every chart is drawn with: the SVG element, lines, a value axis rounded out to whole ticks
// and its tick labels, numbers written for SVG, and the colours. Drawing only: the figures themselves are exact
// elsewhere and shown as text beside what is drawn.
#pragma once

#include <functional>
#include <string>

namespace reckon::svg {

// Bar colours: one per series, distinguishable in grey too.
inline constexpr const char* palette[] = {"#1f5f8b", "#e07b39", "#5b8c3a", "#8a4f9e", "#b8860b", "#3a8c8c"};

// A coordinate or a length for SVG, to `decimals` places.
std::string fmt_num(double x, int decimals);

// A round step for about `ticks` ticks (five by default): 1, 2 or 5 times a power of ten.
double tick_step(double span, double ticks = 5);

// A tick's label at x: as many decimals as the step needs, thousands grouped.
std::string tick_label(double x, double step);

// A value axis's range, rounded out to whole ticks: {lo, hi, step}.
struct Scale {
    double lo = 0, hi = 0, step = 1;
};

// The value axis over [lo, hi], rounded out to whole ticks (not from zero), a tick for about every 90 points of
// `width`: room for "1,050,000".
Scale span_of(double lo, double hi, double width);

// The opening of a chart's SVG element, with its title for screen readers (id: the chart's number on the page).
std::string svg_open(const std::string& title, double width, double height, int id);

std::string line(double x1, double y1, double x2, double y2, const char* colour, bool dashed = false);

// A light line and a label at each tick of the axis, from `top` to `bottom`.
std::string ticks(const Scale& sc, const std::function<double(double)>& x_of, double top, double bottom);

}  // namespace reckon::svg
