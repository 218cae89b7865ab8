// `reckon report`, the charts: SVG bar charts, each followed by the same
// numbers as a table.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace reckon {

// A row of a bar chart; in a line chart, a series (category: its name), a value per category.
struct Bar {
    std::string category;           // the row's label
    std::vector<std::optional<double>> values;  // one per series
    std::vector<std::string> texts;             // the figures as shown
    bool zero = false;                          // every figure exactly zero: a member a chart may leave out
};

// A horizontal bar chart: a row per category, a bar per series, the figure
// beside each bar, a value axis with ticks and its label, a legend when
// there is more than one series.
std::string bar_chart(const std::string& title, const std::string& axis, const std::vector<std::string>& series,
                      const std::vector<Bar>& rows, int id);

// A line chart over ordered categories (the years of a trend): a line per series through a point per
// category (a gap where a figure is not defined), a value axis from zero with ticks and its label, the
// figure at each point of a single series, a legend when there is more than one.
std::string line_chart(const std::string& title, const std::string& axis, const std::vector<std::string>& categories,
                       const std::vector<std::string>& series, const std::vector<Bar>& points, int id);

// A row of a tornado: an uncertain value, and the figure at each end of its range.
struct Swing {
    std::string label;
    double at_low, at_high;
    std::string low_text, high_text;  // the figures at the ends, as shown
};
// A tornado: a row per value in the order given (largest swing first), a bar from the figure at one end of its
// range to the figure at the other, about a line at the figure with every value its own; the part of a bar on
// the low end's side in one colour, the high end's in another, the figures at its ends beside it.
std::string tornado_chart(const std::string& title, const std::string& axis, double base, const std::string& base_text,
                          const std::vector<Swing>& rows, int id);

// A line across a histogram at a value: the mean, a percentile, the ruleset's own figure.
struct Mark {
    std::string label;          // "mean £952,765"
    std::vector<double> values; // a line at each (the 2.5% and 97.5% points: one mark)
    bool dashed = false;
};
// A histogram of draws: `bins` bins of equal width from the lowest draw to the highest, the number of draws in
// each, the marks as lines across it, labelled in a key under it.
std::string histogram_chart(const std::string& title, const std::string& axis, const std::vector<double>& draws, const std::vector<Mark>& marks,
                            int id, std::size_t bins = 24);

// A step of a waterfall: the figure at the start or at the end (`total`: a bar from the axis's start), or one change's part of
// its change (a bar from the running total before it to the one after).
struct Step {
    std::string label;
    double from = 0, to = 0;
    std::string text;  // the figure, or the part, as shown
    bool total = false;
};
// A waterfall: a row per step in order, each change's bar from where the one before ended, coloured by whether it
// raises or lowers the figure, its amount beside it; the axis over the running totals (not from zero, so that a
// small change of a large figure shows), the figure's bars from its start.
std::string waterfall_chart(const std::string& title, const std::string& axis, const std::vector<Step>& steps, int id);

}  // namespace reckon
