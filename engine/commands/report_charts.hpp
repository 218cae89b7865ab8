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

}  // namespace reckon
