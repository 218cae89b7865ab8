// `reckon report`, the page as it is written: what one page knows (the program, its runs, the cases that
// succeeded, the HTML so far) and its steps, a file an idea: the shell, from the head to the provenance
// (report_page.cpp); the figures an item names, each case's and their totals (report_figures.cpp); headlines
// (report_headlines.cpp); tables (report_tables.cpp); the cases table and lists (report_cases.cpp); charts and
// trends (report_chart_items.cpp); the tornado and the distribution (report_uncertainty_items.cpp); the waterfall
// (report_waterfall_items.cpp); the appendix (report_appendix.cpp). Only those files include it; the rest of reckon has report.hpp.
#pragma once

#include "commands/present/html.hpp"
#include "commands/report/report.hpp"
#include "commands/report/report_charts.hpp"
#include "core/base/number.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace reckon::report_page {

using K = ast::ReportItemKind;

inline std::string h(const std::string& s) { return escape_html(s); }

// A number of cases as people write it: "240", "20,000".
inline std::string count(std::size_t n) { return group_thousands(std::to_string(n)); }

// The attributes that name a figure for tools and tests: data-output, and data-member for one member of a figure by member.
std::string named(const std::string& name, const std::string& member);

class Page {
public:
    Page(const Program& p, const std::vector<Value>& params, const std::vector<ReportRun>& runs, const Provenance& prov, const Case* only,
         const ReportUncertainty* uncertainty, const ReportWaterfalls* waterfalls = nullptr);

    std::string render();

private:
    // The figures of each run for one item: a case's record in each run, each run's totals, or (for the
    // cohort's figures) null in each.
    using Records = std::vector<const CaseRecord*>;

    // The k-th figure an item names: its output, its value in a run (one member's, when the item names one),
    // the label people read ("Saving (value 1): shoplifting") and the member's name for data-member.
    struct Ref {
        const RuleDef& r;
        const Value& v;
        std::string label, member;
    };

    // A row of figures side by side, a cell per scenario, as shown.
    struct Row {
        std::string label, name, member;
        std::vector<std::string> cells;
    };

    bool scenarios() const { return runs_.size() > 1; }

    // report_page.cpp
    std::string scenario_names() const;
    void head();
    void open_section(const std::string& heading, const std::string& cls = "");
    void close_section();
    void item(const ReportItem& item);
    void default_layout();
    void banner();
    void failures();
    void provenance();

    // report_figures.cpp
    const Value& value_of(int slot, const CaseRecord* c, std::size_t run) const;
    Ref ref(const ReportItem& item, std::size_t k, const CaseRecord* c, std::size_t run = 0) const;
    const EnumDef* by_member(const ReportItem& item) const;
    void per_case(const ReportItem& item, const std::function<void(const ReportItem&, const Records&)>& show);
    bool adds_up(const RuleDef& r) const;
    const CaseRecord& totals(std::size_t run);

    // report_headlines.cpp
    void headlines(const ReportItem& shown, const Records& recs);
    void headlines_by_scenario(const ReportItem& shown, const Records& recs);
    void range(const std::string& title, const ReportItem& shown, const Records& recs);
    void headline(const std::string& fig, const std::string& label, const std::string& name, const std::string& member,
                  const std::string& rounded, const std::string& exact);
    std::string range_note(const Ref& lo, const Ref& hi) const;
    std::string rounded_attr(const RuleDef& r, const Value& v) const;

    // report_tables.cpp
    void table(const ReportItem& item, const Records& recs);
    void members_by_scenario(const ReportItem& item, const EnumDef& by, const Records& recs);
    void member_grids(const ReportItem& item, const EnumDef& by, const Records& recs);
    void members_table(const ReportItem& item, const EnumDef& by, const Records& recs);
    void members_total_row(const ReportItem& item, const std::vector<Value>& totals);
    void figures_by_scenario(const ReportItem& item, const Records& recs);
    void figures_table(const ReportItem& item, const Records& recs);
    void scenario_table(const std::string& caption, const std::string& corner, const std::vector<Row>& rows, const std::string& note);

    // report_cases.cpp
    std::string under(std::size_t run) const;
    void cases_table(const ReportItem& item, std::size_t run);
    bool cases_total_row(const ReportItem& item, std::size_t run);
    int cohort_namesake(const RuleDef& r) const;
    void list(const ReportItem& item);

    // report_chart_items.cpp
    void chart(const ReportItem& item, const Records& recs);
    std::vector<std::string> chart_series(const ReportItem& item, const EnumDef* by) const;
    std::vector<Bar> member_bars(const ReportItem& item, const EnumDef& by, const Records& recs) const;
    std::vector<Bar> figure_bars(const ReportItem& item, const Records& recs) const;
    void trend(const ReportItem& shown, const Records& recs);
    void chart_data(const std::vector<std::string>& columns, const std::vector<Bar>& rows);
    std::string axis_of(const RuleDef& r) const;
    std::string unit_words(const RuleDef& r) const;
    std::string unit_as_shown(const RuleDef& r) const;
    static std::string left_out_note(const EnumDef& by, std::size_t left_out, std::size_t all, std::size_t series);

    // report_uncertainty_items.cpp
    bool uncertainty_shown(const ReportItem& item);
    void tornado(const ReportItem& item);
    void distribution(const ReportItem& item);

    // report_waterfall_items.cpp
    void waterfall(const ReportItem& item);

    // report_appendix.cpp
    void appendix();
    void by_scenario();

    const Program& p_;                      // as the command line sets it: labels, units, the appendix
    const std::vector<Value>& params_;
    const std::vector<ReportRun>& runs_;    // a column of figures each: one, or one per scenario
    const BatchResults& r_;                 // the first run's cases: which failed, and why (the same in every run)
    const Provenance& prov_;
    const Case* only_;
    const ReportUncertainty* u_;            // the tornado and distribution items' figures
    const ReportWaterfalls* w_;             // the waterfall items' changes and their parts; null: the run has no scenarios
    std::vector<int> case_index_, cohort_index_;
    std::vector<std::size_t> ok_;           // the cases that succeeded, by their place in each run
    bool years_ = false;                    // the scenarios are years in order: trend charts
    std::string out_;
    bool open_ = false;
    bool failures_shown_ = false;
    std::vector<std::optional<CaseRecord>> totals_;  // each run's totals over the cases, made when first shown
    int charts_ = 0;
};

}  // namespace reckon::report_page
