// `reckon report`, the waterfall item: a figure's change from one scenario of the run to another, split exactly
// among the settings that differ between them, as `reckon diff --attribute` splits a change (commands/diff). It is
// worked out before the page by whoever can run the cases again (the command line), and drawn by the page.
#pragma once

#include "commands/diff/diff.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>

namespace reckon {

struct Waterfall {
    std::size_t from = 0, to = 0;        // the runs (scenarios) the change is from and to, by their place in the run
    std::optional<FigureChange> change;  // the figure's change, its parts and the pairs' interactions; none: it does not move
    std::string note;                    // why there is no waterfall to draw ("" when there is)
};
using ReportWaterfalls = std::map<const ReportItem*, Waterfall>;

}  // namespace reckon
