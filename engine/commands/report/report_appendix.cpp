// `reckon report`, the appendix: the methodology generated from the ruleset itself (as `reckon doc` prints
// it), with the worked value of each step when the page is of one case; under scenarios, before it, what each
// scenario sets (scenario_settings, which the workbook's Scenarios sheet shows too).
#include "commands/report/report_page.hpp"

#include "commands/doc/doc.hpp"
#include "commands/explain/explain.hpp"

#include <algorithm>
#include <utility>

namespace reckon {

namespace report_page {

void Page::appendix() {
    open_section("Appendix: the methodology", "appendix");
    out_ += "<p>Generated from the ruleset itself (as <code>reckon doc</code> prints it): every parameter with its source, "
            "every rule with its formula" +
            std::string(only_ ? ", and the worked value of each step for this case" : "") + ".</p>\n";
    if (scenarios()) by_scenario();
    out_ += markdown_html(methodology_markdown(p_, params_, only_), 2);
    close_section();
}

// Under scenarios, before the methodology: each param and table cell a scenario sets, exactly, a column per
// scenario; the methodology below shows the values the scenarios start from.
void Page::by_scenario() {
    std::vector<Row> rows;
    for (auto& set : scenario_settings(p_, params_, runs_)) rows.push_back({set.name, "", "", std::move(set.values)});
    out_ += "<h3>What each scenario sets</h3>\n";
    if (rows.empty()) {
        out_ += "<p>The scenarios set no parameter to a value of its own.</p>\n";
        return;
    }
    scenario_table("", "", rows, "Exactly, as the methodology below shows parameters; every other parameter is as it shows.");
}

}  // namespace report_page

std::vector<ScenarioSet> scenario_settings(const Program& p, const std::vector<Value>& params, const std::vector<ReportRun>& runs) {
    std::vector<ScenarioSet> out;
    for (std::size_t i = 0; i < p.params.size(); ++i) {
        const int slot = static_cast<int>(i);
        ScenarioSet set{p.params[i].name, {}};
        const std::string base = param_text(p, slot, params[i]);
        bool differs = false;
        for (const auto& run : runs) {
            set.values.push_back(param_text(*run.program, slot, (*run.params)[i]));
            differs = differs || set.values.back() != base;
        }
        if (differs) out.push_back(std::move(set));
    }
    std::vector<const CellSetting*> cells;  // each table cell a scenario sets, in the order first set
    for (const auto& run : runs)
        for (const auto& c : run.program->cell_settings)
            if (std::none_of(cells.begin(), cells.end(), [&](const CellSetting* x) { return x->name == c.name; })) cells.push_back(&c);
    for (const CellSetting* cell : cells) {
        ScenarioSet set{cell->name, {}};
        for (const auto& run : runs) {
            const TableDef& t = run.program->tables[cell->table];
            const bool here = std::any_of(run.program->cell_settings.begin(), run.program->cell_settings.end(),
                                          [&](const CellSetting& c) { return c.name == cell->name; });
            // the scenario's value, or the ruleset's where this scenario leaves the cell as it is
            set.values.push_back(typed_value(p, t.columns->fields[cell->column].type, here ? (*t.rows.at(cell->key).items())[cell->column] : cell->was));
        }
        out.push_back(std::move(set));
    }
    return out;
}

}  // namespace reckon
