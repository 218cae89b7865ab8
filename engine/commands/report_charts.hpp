// `reckon report`, the charts: SVG bar charts, each followed by the same
// numbers as a table.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace reckon {

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

}  // namespace reckon
