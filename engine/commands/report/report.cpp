// `reckon report`, the page: the layout the ruleset declares, item by item,
// with the appendix and the provenance. The charts are report_charts.cpp's.
#include "commands/report/report.hpp"

#include "commands/doc/doc.hpp"
#include "commands/explain/explain.hpp"
#include "core/eval/eval.hpp"
#include "commands/present/present.hpp"
#include "commands/report/report_charts.hpp"
#include "commands/report/report_uncertainty.hpp"
#include "commands/sensitivity/sensitivity_format.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <cmath>
#include <cstdio>

namespace reckon {

namespace {

using K = ast::ReportItemKind;

const char* const style =
    "*{box-sizing:border-box}\n"
    "body{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;color:#1d2329;margin:0;line-height:1.45;background:#fff}\n"
    "main,header.page,footer{max-width:60rem;margin:0 auto;padding:0 1.25rem}\n"
    "header.page{padding-top:1.5rem;border-bottom:3px solid #1f5f8b;margin-bottom:1rem}\n"
    "h1{font-size:1.7rem;margin:.2rem 0}h2{font-size:1.3rem;margin:2rem 0 .6rem;color:#1f5f8b;border-bottom:1px solid #cfd8df}\n"
    "h3{font-size:1.05rem;margin:1.2rem 0 .4rem}.lede{font-size:1.05rem;margin:.3rem 0 .8rem}\n"
    ".meta{color:#56606a;font-size:.85rem;margin:.2rem 0 1rem}\n"
    ".headlines{display:flex;flex-wrap:wrap;gap:.8rem;margin:.8rem 0}\n"
    ".headline{flex:1 1 13rem;border:1px solid #cfd8df;border-left:5px solid #1f5f8b;padding:.6rem .8rem;background:#f6f9fb}\n"
    ".headline .figure{font-size:1.6rem;font-weight:bold;font-variant-numeric:tabular-nums}\n"
    ".headline .label{font-size:.9rem;color:#38424c}.headline .exact{font-size:.8rem;color:#56606a;margin-top:.2rem}\n"
    ".case-id{font-size:.85rem;color:#56606a;margin:.6rem 0 .2rem}\n"
    "table{border-collapse:collapse;margin:.6rem 0 1rem;font-size:.9rem}\n"
    "caption{text-align:left;font-weight:bold;padding:.3rem 0}\n"
    "th,td{border:1px solid #cfd8df;padding:.25rem .55rem;vertical-align:top}th{background:#eef3f6;text-align:left}\n"
    "td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    "tfoot td{font-weight:bold;background:#f6f9fb}\n"
    "figure{margin:1rem 0}figcaption{font-weight:bold;margin-bottom:.3rem}\n"
    "svg{max-width:100%;height:auto}svg text{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif}\n"
    "table.chart-data{font-size:.8rem}table.chart-data caption{font-weight:normal;color:#56606a}\n"
    "ul.names{columns:4 9rem;padding-left:1.2rem;font-size:.9rem}\n"
    "p.note{font-size:.85rem;color:#38424c;margin:.2rem 0 .4rem}ol.sources{font-size:.8rem;color:#38424c;margin:.2rem 0}\n"
    ".failed{color:#8a1c1c}\n"
    ".banner{border:2px solid #8a1c1c;border-left-width:8px;background:#fdf3f3;padding:.6rem 1rem;margin:1rem 0}\n"
    ".banner strong{color:#8a1c1c;font-size:1.1rem}.banner ul{margin:.4rem 0;padding-left:1.2rem;font-size:.9rem}\n"
    ".banner code,section.failures code{font-size:.8rem;word-break:break-all}\n"
    "section.appendix{margin-top:2.5rem}section.appendix code{font-size:.8rem;background:#f3f5f7}\n"
    "footer{margin-top:2rem;padding-bottom:2rem;font-size:.85rem}\n"
    "footer dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem}footer dt{font-weight:bold}\n"
    "footer dd{margin:0;word-break:break-all}\n"
    // a wide table scrolls on screen; printed, it fits the page's width, its headers wrapped and repeated on each page
    "@media screen{table.cases,table.scenarios,section.appendix table{display:block;overflow-x:auto;max-width:100%}}\n"
    "@page{size:A4;margin:16mm 14mm}\n"
    "@media print{body{font-size:10pt}main,header.page,footer{max-width:none;padding:0}\n"
    "table.cases,section.appendix table{width:100%;font-size:7pt}table.cases th,section.appendix th{white-space:normal}\n"
    "table.scenarios{font-size:8pt}section.appendix table.scenarios td.num{white-space:normal;overflow-wrap:anywhere}\n"
    "th,td{padding:.15rem .3rem}section.appendix td{overflow-wrap:break-word}\n"
    "section.appendix td code{font-size:.95em;white-space:pre-wrap;overflow-wrap:anywhere}\n"
    "thead{display:table-header-group}\n"
    "h2,h3,caption,figcaption{break-after:avoid}figure,.headlines,table.chart-data,tr{break-inside:avoid}\n"
    "section.appendix,footer{break-before:page}.headline{background:none}\n"
    "figure.long{break-inside:auto}figure.long svg{break-inside:avoid}}\n";

// A figure in a headline: to the step its output declares (`headline to £1,000`), as a reader quotes an
// estimate; exactly, as everywhere else, when it declares none.
std::string headline_figure(const Program& p, const RuleDef& r, const Value& v) {
    if (r.headline_step == 0 || v.kind != Value::Kind::number) return display_for_readers(p, r, v);
    RuleDef shown;  // the figure's type, label and percent, to the step's decimals
    shown.type = r.shown();
    shown.percent = r.percent;
    const Number in_unit = r.headline_step / p.units.scale(r.shown().unit);
    const auto exact = exact_decimal(in_unit, 10);
    const auto dot = exact ? exact->find('.') : std::string::npos;
    shown.decimals = !exact || dot == std::string::npos ? 0 : static_cast<int>(exact->size() - dot - 1);
    shown.fixed_decimals = true;
    return display_for_readers(p, shown, Value::number(round_to(v.n(), r.headline_step, RoundMode::half_away)));
}

// The same for one member of a grouped figure.
std::string member_figure(const Program& p, const RuleDef& r, const Value& v, std::size_t m) {
    if (v.kind != Value::Kind::list) return "not defined";
    return display_for_readers(p, r, (*v.items()).at(m));
}

// The exact figure in the output's own unit, as a double for drawing only.
std::optional<double> amount(const Program& p, const RuleDef& r, const Value& v) {
    if (v.kind != Value::Kind::number) return std::nullopt;
    return Number(v.n() / p.units.scale(r.shown().unit)).convert_to<double>();
}

std::string h(const std::string& s) { return escape_html(s); }


// A number of cases as people write it: "240", "20,000".
std::string count(std::size_t n) { return group_thousands(std::to_string(n)); }

// Over more cases than this, an item of each case's figures is shown once, with their totals.
constexpr std::size_t most_shown_per_case = 10;
// The rows a cases table shows; the workbook has them all.
constexpr std::size_t most_case_rows = 100;

class Page {
public:
    Page(const Program& p, const std::vector<Value>& params, const std::vector<ReportRun>& runs, const Provenance& prov, const Case* only)
        : p_(p), params_(params), runs_(runs), r_(*runs.at(0).results), prov_(prov), only_(runs.size() == 1 ? only : nullptr),
          case_index_(p.rules.size(), -1), cohort_index_(p.rules.size(), -1), totals_(runs.size()) {
        for (std::size_t i = 0; i < p.outputs.size(); ++i) case_index_[p.outputs[i]] = static_cast<int>(i);
        for (std::size_t i = 0; i < p.cohort_outputs.size(); ++i) cohort_index_[p.cohort_outputs[i]] = static_cast<int>(i);
        for (std::size_t i = 0; i < r_.cases.size(); ++i)  // a case fails under every scenario or none
            if (r_.cases[i].ok) ok_.push_back(i);
        // a trend when the scenarios are years, in order: 2019, 2020, …
        years_ = runs.size() > 1;
        for (std::size_t j = 0; j < runs.size(); ++j) {
            const std::string& n = runs[j].scenario;
            years_ = years_ && n.size() == 4 && std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
                     (j == 0 || runs[j - 1].scenario < n);
        }
    }

    std::string render() {
        const std::string title = p_.report ? p_.report->title : p_.name;
        out_ = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
               "<meta name=\"generator\" content=\"reckon " + h(prov_.reckon_version) + "\">\n<title>" + h(title) +
               "</title>\n<style>\n" + style + "</style>\n</head>\n<body>\n<header class=\"page\">\n<h1>" + h(title) + "</h1>\n";
        if (p_.report && !p_.report->description.empty()) out_ += "<p class=\"lede\">" + h(p_.report->description) + "</p>\n";
        out_ += "<p class=\"meta\">" + h(p_.name) + (p_.version.empty() ? "" : ", version " + h(p_.version)) + " &middot; " +
                count(prov_.cases) + (prov_.cases == 1 ? " case" : " cases") +
                (prov_.failed ? ", <span class=\"failed\">" + std::to_string(prov_.failed) + " failed</span>" : "") + " &middot; " +
                (scenarios() ? std::to_string(runs_.size()) + " scenarios, side by side: " + h(scenario_names()) + " &middot; " : "") +
                h(prov_.date) + "</p>\n</header>\n<main>\n";
        banner();
        if (p_.report) {
            for (const auto& item : p_.report->items) {
                if (item.kind == K::appendix) failures();  // the list of failures before the appendix
                this->item(item);
            }
        } else {
            default_layout();
        }
        close_section();
        failures();
        out_ += "</main>\n";
        provenance();
        return out_ + "</body>\n</html>\n";
    }

private:
    // The figures of each run for one item: a case's record in each run, each run's totals, or (for the
    // cohort's figures) null in each.
    using Records = std::vector<const CaseRecord*>;

    bool scenarios() const { return runs_.size() > 1; }
    std::string scenario_names() const {
        std::string names;
        for (const auto& run : runs_) names += (names.empty() ? "" : ", ") + run.scenario;
        return names;
    }

    void open_section(const std::string& heading, const std::string& cls = "") {
        close_section();
        out_ += "<section" + (cls.empty() ? "" : " class=\"" + cls + "\"") + ">\n<h2>" + h(heading) + "</h2>\n";
        open_ = true;
    }
    void close_section() {
        if (open_) out_ += "</section>\n";
        open_ = false;
    }

    // A figure of one run: the cohort's, or the case's (c) of that run.
    const Value& value_of(int slot, const CaseRecord* c, std::size_t run) const {
        static const Value none;
        if (p_.rules[slot].cohort) {
            const auto& cohort = runs_[run].results->cohort;
            int i = cohort_index_[slot];
            return i >= 0 && static_cast<std::size_t>(i) < cohort.size() ? cohort[i] : none;
        }
        return c ? c->outputs.at(case_index_[slot]) : none;
    }

    // The k-th figure an item names: its output, its value in a run (one member's, when the item names one),
    // the label people read ("Saving (value 1): shoplifting") and the member's name for data-member.
    struct Ref {
        const RuleDef& r;
        const Value& v;
        std::string label, member;
    };
    Ref ref(const ReportItem& item, std::size_t k, const CaseRecord* c, std::size_t run = 0) const {
        static const Value none;
        const RuleDef& r = p_.rules[item.rules[k]];
        const Value& v = value_of(item.rules[k], c, run);
        const int m = k < item.members.size() ? item.members[k] : -1;
        if (m < 0) return {r, v, r.shown_label(), ""};
        const std::string& member = r.by->members[static_cast<std::size_t>(m)];
        return {r, v.kind == Value::Kind::list ? (*v.items())[static_cast<std::size_t>(m)] : none, r.shown_label() + ": " + r.by->shown(static_cast<std::size_t>(m)), member};
    }
    // Whether the item shows figures for each member: its first figure is by member, and it names no member.
    const EnumDef* by_member(const ReportItem& item) const {
        return !item.members.empty() && item.members[0] >= 0 ? nullptr : p_.rules[item.rules[0]].by;
    }

    // An item of outputs of each case is shown once per case, under its id when there are a few; over more
    // cases than that, once, with each figure's total over the cases (a page of 20,000 cases stays readable).
    // Under scenarios, each with the figures of every run.
    template <typename F> void per_case(const ReportItem& item, F&& show) {
        if (item.cohort) {
            show(item, Records(runs_.size(), nullptr));
            return;
        }
        if (ok_.size() > most_shown_per_case) {  // the figures that add up, once, with their totals
            ReportItem totalled = item;
            totalled.rules.clear();
            totalled.members.clear();
            for (std::size_t k = 0; k < item.rules.size(); ++k)
                if (adds_up(p_.rules[item.rules[k]])) {
                    totalled.rules.push_back(item.rules[k]);
                    totalled.members.push_back(k < item.members.size() ? item.members[k] : -1);
                }
            if (totalled.rules.empty() || (item.kind == K::range && totalled.rules.size() != 2) || item.kind == K::list) return;
            out_ += "<p class=\"case-id\">Totals over the " + count(ok_.size()) + " cases</p>\n";
            Records totals;
            for (std::size_t j = 0; j < runs_.size(); ++j) totals.push_back(&this->totals(j));
            show(totalled, totals);
            return;
        }
        for (std::size_t i : ok_) {
            if (ok_.size() > 1) out_ += "<p class=\"case-id\">Case " + h(r_.cases[i].id) + "</p>\n";
            Records each;
            for (const auto& run : runs_) each.push_back(&run.results->cases[i]);
            show(item, each);
        }
        if (ok_.empty()) out_ += "<p class=\"failed\">No case was evaluated without error.</p>\n";
    }

    void item(const ReportItem& item) {
        switch (item.kind) {
            case K::section: open_section(item.title); break;
            case K::text: out_ += "<p>" + h(item.title) + "</p>\n"; break;
            case K::headline: per_case(item, [&](const ReportItem& shown, const Records& recs) { headlines(shown, recs); }); break;
            case K::range: per_case(item, [&](const ReportItem& shown, const Records& recs) { range(item.title, shown, recs); }); break;
            case K::table: per_case(item, [&](const ReportItem& shown, const Records& recs) { table(shown, recs); }); break;
            case K::chart: per_case(item, [&](const ReportItem& shown, const Records& recs) { chart(shown, recs); }); break;
            case K::cases:
                for (std::size_t j = 0; j < runs_.size(); ++j) cases_table(item, j);
                break;
            case K::list: list(item); break;
            case K::tornado: tornado(item); break;
            case K::distribution: distribution(item); break;
            case K::appendix: appendix(); break;
        }
    }

    // A tornado or a distribution that could not be computed says why, in place of its chart.
    bool uncertainty_shown(const ReportItem& item) {
        if (u_ && u_->runs) return true;
        out_ += "<figure class=\"chart\">\n<figcaption>" + h(item.title) + "</figcaption>\n<p class=\"failed\">Not computed: " +
                h(u_ ? u_->error : std::string("the analysis was not run")) + "</p>\n</figure>\n";
        return false;
    }

    // The figure's swing over each declared range, largest first: the chart (the ten largest) and every one in the table.
    void tornado(const ReportItem& item) {
        if (!uncertainty_shown(item)) return;
        const SensitivityRuns& runs = *u_->runs;
        const std::size_t t = u_->target_of.at(&item);
        const OneWay& w = u_->one_way.at(t);
        const RuleDef& r = p_.rules[static_cast<std::size_t>(item.rules[0])];
        const Number scale = p_.units.scale(r.shown().unit);
        const auto x = [&](const Number& n) { return (n / scale).convert_to<double>(); };
        std::vector<Swing> bars;
        for (const auto& row : w.rows)
            if (row.swing() != 0 && bars.size() < 10)
                bars.push_back({runs.values()[row.value].name, x(row.at_low), x(row.at_high), target_text(runs, t, row.at_low),
                                target_text(runs, t, row.at_high)});
        const std::string base = target_text(runs, t, runs.base()[t]);
        out_ += "<figure class=\"chart long\">\n<figcaption>" + h(item.title) + "</figcaption>\n";
        out_ += "<p class=\"note\">" + h(r.shown_label()) + " with one value at each end of its declared range and every other at its "
                "own; the line is the figure with every value its own, " + h(base) + ".</p>\n";
        if (bars.empty()) out_ += "<p>No declared range moves this figure.</p>\n";
        else out_ += tornado_chart(item.title, axis_of(r), x(runs.base()[t]), base, bars, ++charts_);
        out_ += "<table class=\"chart-data\">\n<caption>The figures in this chart, every range, largest swing first</caption>\n"
                "<thead><tr><th>Value</th><th class=\"num\">Low</th><th class=\"num\">Figure at low</th><th class=\"num\">High</th>"
                "<th class=\"num\">Figure at high</th><th class=\"num\">Swing</th><th>Sources</th></tr></thead>\n<tbody>\n";
        std::vector<std::string> sources;  // each once, numbered in the order first cited
        const auto cite = [&](const std::string& source) {
            if (source.empty()) return std::string("none given");
            auto it = std::find(sources.begin(), sources.end(), source);
            if (it == sources.end()) it = sources.insert(sources.end(), source);
            return "[" + std::to_string(it - sources.begin() + 1) + "]";
        };
        for (const auto& row : w.rows) {
            const UncertainValue& v = runs.values()[row.value];
            out_ += "<tr><td>" + h(v.name) + "</td><td class=\"num\">" + h(v.range->low_text) + "</td><td class=\"num\">" +
                    h(target_text(runs, t, row.at_low)) + "</td><td class=\"num\">" + h(v.range->high_text) + "</td><td class=\"num\">" +
                    h(target_text(runs, t, row.at_high)) + "</td><td class=\"num\">" + h(target_text(runs, t, row.swing())) + "</td><td>low " +
                    cite(v.range->low_source) + ", high " + cite(v.range->high_source) + "</td></tr>\n";
        }
        out_ += "</tbody>\n</table>\n<ol class=\"sources\">\n";
        for (const auto& source : sources) out_ += "<li>" + h(source) + "</li>\n";
        out_ += "</ol>\n</figure>\n";
    }

    // The figure over draws of every value with a distribution: a histogram with its mean and percentiles, and the figures as a table.
    void distribution(const ReportItem& item) {
        if (!uncertainty_shown(item)) return;
        const SensitivityRuns& runs = *u_->runs;
        const std::size_t t = u_->target_of.at(&item);
        const Draws& d = u_->draws.at(&item);
        const DrawSummary s = summarise(runs, d, t, std::nullopt);
        const RuleDef& r = p_.rules[static_cast<std::size_t>(item.rules[0])];
        const Number scale = p_.units.scale(r.shown().unit);
        const auto x = [&](const Number& n) { return (n / scale).convert_to<double>(); };
        std::vector<double> values;
        for (const auto& f : d.figures) values.push_back(x(f[t]));
        const std::string mean = target_text(runs, t, s.mean), low = target_text(runs, t, s.p2_5), high = target_text(runs, t, s.p97_5);
        const std::string base = target_text(runs, t, runs.base()[t]);
        const std::vector<Mark> marks{{"mean of the draws, " + mean, {x(s.mean)}, false},
                                      {"2.5% and 97.5% of the draws, " + low + " and " + high, {x(s.p2_5), x(s.p97_5)}, true},
                                      {"the figure with every value its own, " + base, {x(runs.base()[t])}, false}};
        std::string drawn;
        std::map<std::string, std::size_t> kinds;
        for (std::size_t i : d.drawn) kinds[distribution_name(runs.values()[i].range->distribution)]++;
        for (const auto& [kind, n] : kinds) drawn += (drawn.empty() ? "" : ", ") + std::to_string(n) + " " + kind;
        out_ += "<figure class=\"chart\">\n<figcaption>" + h(item.title) + "</figcaption>\n";
        out_ += "<p class=\"note\">" + h(r.shown_label()) + " in " + count(d.figures.size()) + " draws (seed " + std::to_string(d.seed) + ") of the " +
                std::to_string(d.drawn.size()) + " values with a distribution (" + h(drawn) + "); each draw evaluated exactly.</p>\n";
        out_ += histogram_chart(item.title, axis_of(r), values, marks, ++charts_);
        out_ += "<table class=\"chart-data\">\n<caption>The figures in this chart</caption>\n<tbody>\n";
        for (const auto& [label, text] : std::vector<std::pair<std::string, std::string>>{
                 {"Draws", count(d.figures.size()) + ", seed " + std::to_string(d.seed)}, {"Mean", mean},
                 {"Median", target_text(runs, t, s.median)}, {"2.5%", low}, {"97.5%", high},
                 {"Lowest", target_text(runs, t, s.lowest)}, {"Highest", target_text(runs, t, s.highest)},
                 {"With every value its own", base}})
            out_ += "<tr><th>" + h(label) + "</th><td class=\"num\">" + h(text) + "</td></tr>\n";
        out_ += "</tbody>\n</table>\n</figure>\n";
    }

    // A chart's value axis: the figure's unit by name.
    std::string axis_of(const RuleDef& r) const {
        const std::string unit = p_.units.name(r.shown().unit);
        return r.shown_label() + (unit.empty() ? "" : " (" + unit + ")");
    }

    void headlines(const ReportItem& shown, const Records& recs) {
        if (scenarios()) {  // a row per figure, a column per scenario; the trend under it
            std::vector<Row> rows;
            for (std::size_t k = 0; k < shown.rules.size(); ++k) {
                const Ref first = ref(shown, k, recs[0]);
                Row row{first.label, first.r.name, first.member, {}};
                for (std::size_t j = 0; j < runs_.size(); ++j) {
                    const Ref f = ref(shown, k, recs[j], j);
                    row.cells.push_back(headline_figure(p_, f.r, f.v));
                }
                rows.push_back(std::move(row));
            }
            const bool rounded = std::any_of(shown.rules.begin(), shown.rules.end(), [&](int s) { return p_.rules[s].headline_step != 0; });
            scenario_table("", "", rows, rounded ? "Rounded as the headlines are; the tables below have the exact figures." : "");
            trend(shown, recs);
            return;
        }
        out_ += "<div class=\"headlines\">\n";
        for (std::size_t k = 0; k < shown.rules.size(); ++k) {
            const Ref f = ref(shown, k, recs[0]);
            headline(headline_figure(p_, f.r, f.v), f.label, f.r.name, f.member, rounded_attr(f.r, f.v),
                     f.r.headline_step == 0 || f.v.kind != Value::Kind::number
                         ? "" : "To the nearest " + f.r.headline_step_text + "; exactly " + display_for_readers(p_, f.r, f.v));
        }
        out_ += "</div>\n";
    }

    void range(const std::string& title, const ReportItem& shown, const Records& recs) {
        if (scenarios()) {  // the two ends as two rows under the range's title, a column per scenario
            out_ += "<h3>" + h(title) + "</h3>\n";
            headlines(shown, recs);
            return;
        }
        const Ref a = ref(shown, 0, recs[0]), b = ref(shown, 1, recs[0]);
        const bool swap = a.v.kind == Value::Kind::number && b.v.kind == Value::Kind::number && b.v.n() < a.v.n();
        const Ref &lo = swap ? b : a, &hi = swap ? a : b;
        out_ += "<div class=\"headlines\">\n";
        out_ += "<div class=\"headline range\"><div class=\"figure\"><span" + named(lo.r.name, lo.member) + rounded_attr(lo.r, lo.v) + ">" +
                h(headline_figure(p_, lo.r, lo.v)) + "</span> to <span" + named(hi.r.name, hi.member) + rounded_attr(hi.r, hi.v) + ">" +
                h(headline_figure(p_, hi.r, hi.v)) + "</span></div><div class=\"label\">" + h(title) + " (" + h(lo.label) + "; " +
                h(hi.label) + ")</div>" + range_note(lo, hi) + "</div>\n";
        out_ += "</div>\n";
    }

    void headline(const std::string& fig, const std::string& label, const std::string& name, const std::string& member,
                  const std::string& rounded, const std::string& exact) {
        out_ += "<div class=\"headline\"><div class=\"figure\"" + named(name, member) + rounded + ">" + h(fig) + "</div><div class=\"label\">" +
                h(label) + "</div>" + (exact.empty() ? "" : "<div class=\"exact\">" + h(exact) + "</div>") + "</div>\n";
    }

    // Under a range of rounded headlines: the step, and the exact figures.
    std::string range_note(const Ref& lo, const Ref& hi) const {
        if ((lo.r.headline_step == 0 && hi.r.headline_step == 0) || lo.v.kind != Value::Kind::number || hi.v.kind != Value::Kind::number)
            return "";
        const std::string step = lo.r.headline_step != 0 ? lo.r.headline_step_text : hi.r.headline_step_text;
        return "<div class=\"exact\">" + h("To the nearest " + step + "; exactly " + display_for_readers(p_, lo.r, lo.v) + " to " + display_for_readers(p_, hi.r, hi.v)) +
               "</div>";
    }

    // A headline rounded by `headline to`: the exact figure for tools (data-exact), and the words that say so.
    std::string rounded_attr(const RuleDef& r, const Value& v) const {
        if (r.headline_step == 0 || v.kind != Value::Kind::number) return "";
        return " data-exact=\"" + h(display_for_readers(p_, r, v)) + "\" data-rounded-to=\"" + h(r.headline_step_text) + "\"";
    }

    // The attributes that name a figure for tools and tests: data-output, and data-member for one member of a figure by member.
    static std::string named(const std::string& name, const std::string& member) {
        return " data-output=\"" + h(name) + "\"" + (member.empty() ? "" : " data-member=\"" + h(member) + "\"");
    }

    // A figure's cell, named.
    static std::string cell(const std::string& name, const std::string& text, const std::string& member = "") {
        return "<td class=\"num\"" + named(name, member) + ">" + h(text) + "</td>";
    }

    // A row of figures side by side, a cell per scenario, as shown.
    struct Row {
        std::string label, name, member;
        std::vector<std::string> cells;
    };
    // The figures of each scenario side by side: a row per figure, a column per scenario, each cell named
    // with its output, member and scenario (data-scenario).
    void scenario_table(const std::string& caption, const std::string& corner, const std::vector<Row>& rows, const std::string& note) {
        out_ += "<table class=\"scenarios\">\n" + (caption.empty() ? std::string() : "<caption>" + h(caption) + "</caption>\n") +
                "<thead><tr><th>" + h(corner) + "</th>";
        for (const auto& run : runs_) out_ += "<th class=\"num\">" + h(run.scenario) + "</th>";
        out_ += "</tr></thead>\n<tbody>\n";
        for (const auto& row : rows) {
            out_ += "<tr><td>" + h(row.label) + "</td>";
            for (std::size_t j = 0; j < row.cells.size(); ++j)
                out_ += "<td class=\"num\"" + (row.name.empty() ? std::string() : named(row.name, row.member)) + " data-scenario=\"" + h(runs_[j].scenario) + "\">" +
                        h(row.cells[j]) + "</td>";
            out_ += "</tr>\n";
        }
        out_ += "</tbody>\n</table>\n";
        if (!note.empty()) out_ += "<p class=\"meta\">" + h(note) + "</p>\n";
    }

    // When the scenarios are years: the item's figures over the years, a line chart for each unit they are in
    // (£ apart from counts and percentages), with the figures as a table under it.
    void trend(const ReportItem& shown, const Records& recs) {
        if (!years_) return;
        std::vector<std::string> years;
        for (const auto& run : runs_) years.push_back(run.scenario);
        std::vector<std::pair<std::string, std::vector<std::size_t>>> groups;  // the unit's words, the figures in it
        for (std::size_t k = 0; k < shown.rules.size(); ++k) {
            const RuleDef& r = p_.rules[shown.rules[k]];
            if (r.shown().kind != TypeKind::number) continue;
            const std::string unit = r.percent ? "per cent" : p_.units.name(r.shown().unit).empty() ? "number" : p_.units.name(r.shown().unit);
            auto g = std::find_if(groups.begin(), groups.end(), [&](const auto& x) { return x.first == unit; });
            if (g == groups.end()) groups.push_back({unit, {k}});
            else g->second.push_back(k);
        }
        for (const auto& [unit, ks] : groups) {
            std::vector<std::string> series;
            std::vector<Bar> lines;
            for (std::size_t k : ks) {
                Bar line{ref(shown, k, recs[0]).label, {}, {}};
                for (std::size_t j = 0; j < runs_.size(); ++j) {
                    const Ref f = ref(shown, k, recs[j], j);
                    line.values.push_back(amount(p_, f.r, f.v));
                    line.texts.push_back(display_for_readers(p_, f.r, f.v));
                }
                series.push_back(line.category);
                lines.push_back(std::move(line));
            }
            std::string caption;  // "A, B and C, 2019 to 2024"
            for (std::size_t k = 0; k < series.size(); ++k)
                caption += (k == 0 ? "" : k + 1 == series.size() ? " and " : ", ") + series[k];
            caption += ", " + years.front() + " to " + years.back();
            out_ += "<figure class=\"chart trend\">\n<figcaption>" + h(caption) + "</figcaption>\n" +
                    line_chart(caption, unit, years, series, lines, ++charts_);
            chart_data(years, lines);
        }
    }

    // Under a chart, the same figures as a table, for readers who cannot see it: a row per bar group or line.
    void chart_data(const std::vector<std::string>& columns, const std::vector<Bar>& rows) {
        out_ += "<table class=\"chart-data\">\n<caption>The figures in this chart</caption>\n<thead><tr><th></th>";
        for (const auto& c : columns) out_ += "<th class=\"num\">" + h(c) + "</th>";
        out_ += "</tr></thead>\n<tbody>\n";
        for (const auto& r : rows) {
            out_ += "<tr><td>" + h(r.category) + "</td>";
            for (const auto& t : r.texts) out_ += "<td class=\"num\">" + h(t) + "</td>";
            out_ += "</tr>\n";
        }
        out_ += "</tbody>\n</table>\n</figure>\n";
    }

    // Share of a whole, exactly, shown to one decimal: "55.2 %".
    std::string share(const Value& part, const Value& whole) const {
        if (part.kind != Value::Kind::number || whole.kind != Value::Kind::number || whole.n() == 0) return "";
        return format_fixed(part.n() / whole.n() * 100, 1) + " %";
    }

    // The sum of a figure by member's members, for their shares; not defined when one is not.
    static Value members_total(const Value& v) {
        if (v.kind != Value::Kind::list) return {};
        Number sum(0);
        for (const auto& x : *v.items()) {
            if (x.kind != Value::Kind::number) return {};
            sum += x.n();
        }
        return Value::number(std::move(sum));
    }

    void table(const ReportItem& item, const Records& recs) {
        if (const EnumDef* by = by_member(item)) {
            if (scenarios()) {  // a table for each figure: a row per member, a column per scenario
                for (int slot : item.rules) {
                    const RuleDef& r = p_.rules[slot];
                    std::vector<Value> totals;  // each run's total of the members, for their shares
                    for (std::size_t j = 0; j < runs_.size(); ++j) totals.push_back(members_total(value_of(slot, recs[j], j)));
                    std::vector<Row> rows;
                    for (std::size_t m = 0; m < by->members.size(); ++m) {
                        Row row{by->shown(m), r.name, by->members[m], {}};
                        for (std::size_t j = 0; j < runs_.size(); ++j) {
                            const Value& v = value_of(slot, recs[j], j);
                            const std::string s = item.member_shares ? share(v.kind == Value::Kind::list ? (*v.items())[m] : Value{}, totals[j]) : "";
                            row.cells.push_back(member_figure(p_, r, v, m) + (s.empty() ? "" : " (" + s + ")"));
                        }
                        rows.push_back(std::move(row));
                    }
                    scenario_table(item.title + ": " + r.shown_label(), by->name, rows,
                                   item.member_shares ? "In brackets, each member's share of the total in its column." : "");
                }
                return;
            }
            if (by->factors.size() == 2 && !item.member_shares) {  // by two enumerations: a grid for each figure
                const EnumDef &rows = *by->factors[0], &columns = *by->factors[1];
                for (int slot : item.rules) {
                    const RuleDef& r = p_.rules[slot];
                    const Value& v = value_of(slot, recs[0], 0);
                    out_ += "<table>\n<caption>" + h(item.rules.size() > 1 ? item.title + ": " + r.shown_label() : item.title) +
                            "</caption>\n<thead><tr><th>" + h(rows.name + " \u2193 " + columns.name + " \u2192") + "</th>";
                    for (std::size_t c = 0; c < columns.members.size(); ++c) out_ += "<th class=\"num\">" + h(columns.shown(c)) + "</th>";
                    out_ += "</tr></thead>\n<tbody>\n";
                    for (std::size_t a = 0; a < rows.members.size(); ++a) {
                        out_ += "<tr><td>" + h(rows.shown(a)) + "</td>";
                        for (std::size_t c = 0; c < columns.members.size(); ++c) {
                            const std::size_t m = a * columns.members.size() + c;
                            out_ += cell(r.name, member_figure(p_, r, v, m), by->members[m]);
                        }
                        out_ += "</tr>\n";
                    }
                    out_ += "</tbody>\n</table>\n";
                }
                return;
            }
            // a row per member, a column per output; with `shares`, each member's share of the figure's total
            const bool shares = item.member_shares;
            std::vector<Value> totals;  // each figure's total of its members, for their shares and the total row
            for (int slot : item.rules) totals.push_back(members_total(value_of(slot, recs[0], 0)));
            out_ += "<table>\n<caption>" + h(item.title) + "</caption>\n<thead><tr><th>" + h(by->name) + "</th>";
            for (int slot : item.rules) {
                out_ += "<th class=\"num\">" + h(p_.rules[slot].shown_label()) + "</th>";
                if (shares) out_ += "<th class=\"num\">Share</th>";
            }
            out_ += "</tr></thead>\n<tbody>\n";
            for (std::size_t m = 0; m < by->members.size(); ++m) {
                out_ += "<tr><td>" + h(by->shown(m)) + "</td>";
                for (std::size_t k = 0; k < item.rules.size(); ++k) {
                    const int slot = item.rules[k];
                    const Value& v = value_of(slot, recs[0], 0);
                    out_ += cell(p_.rules[slot].name, member_figure(p_, p_.rules[slot], v, m), by->members[m]);
                    if (shares)
                        out_ += "<td class=\"num\" data-share=\"" + h(p_.rules[slot].name) + "\">" +
                                share(v.kind == Value::Kind::list ? (*v.items())[m] : Value{}, totals[k]) + "</td>";
                }
                out_ += "</tr>\n";
            }
            out_ += "</tbody>\n";
            if (shares) {
                out_ += "<tfoot><tr><td>Total</td>";
                for (std::size_t k = 0; k < item.rules.size(); ++k) {
                    const int slot = item.rules[k];
                    out_ += "<td class=\"num\" data-total=\"" + h(p_.rules[slot].name) + "\">" + h(display_for_readers(p_, p_.rules[slot], totals[k])) +
                            "</td><td class=\"num\">" + share(totals[k], totals[k]) + "</td>";
                }
                out_ += "</tr></tfoot>\n";
            }
            out_ += "</table>\n";
            return;
        }
        const bool shares = item.share_of >= 0;
        if (scenarios()) {  // a row per figure (its share beside it), a column per scenario
            std::vector<Row> rows;
            auto with_share = [&](const RuleDef& r, const Value& v, std::size_t j) {
                const std::string s = shares ? share(v, value_of(item.share_of, recs[j], j)) : "";
                return display_for_readers(p_, r, v) + (s.empty() ? "" : " (" + s + ")");
            };
            for (std::size_t k = 0; k < item.rules.size(); ++k) {
                const Ref first = ref(item, k, recs[0]);
                Row row{first.label, first.r.name, first.member, {}};
                for (std::size_t j = 0; j < runs_.size(); ++j) {
                    const Ref f = ref(item, k, recs[j], j);
                    row.cells.push_back(with_share(f.r, f.v, j));
                }
                rows.push_back(std::move(row));
            }
            if (shares) {
                const RuleDef& whole = p_.rules[item.share_of];
                Row row{whole.shown_label(), whole.name, "", {}};
                for (std::size_t j = 0; j < runs_.size(); ++j) row.cells.push_back(with_share(whole, value_of(item.share_of, recs[j], j), j));
                rows.push_back(std::move(row));
            }
            scenario_table(item.title, "", rows, shares ? "In brackets, each figure's share of " + p_.rules[item.share_of].shown_label() + "." : "");
            return;
        }
        out_ += "<table>\n<caption>" + h(item.title) + "</caption>\n";
        out_ += "<thead><tr><th></th><th class=\"num\">Value</th>" +
                std::string(shares ? "<th class=\"num\">Share of " + h(p_.rules[item.share_of].shown_label()) + "</th>" : "") + "</tr></thead>\n<tbody>\n";
        for (std::size_t k = 0; k < item.rules.size(); ++k) {
            const Ref f = ref(item, k, recs[0]);
            out_ += "<tr><td>" + h(f.label) + "</td>" + cell(f.r.name, display_for_readers(p_, f.r, f.v), f.member) +
                    (shares ? "<td class=\"num\">" + share(f.v, value_of(item.share_of, recs[0], 0)) + "</td>" : "") + "</tr>\n";
        }
        out_ += "</tbody>\n";
        if (shares) {
            const Value& whole = value_of(item.share_of, recs[0], 0);
            out_ += "<tfoot><tr><td>" + h(p_.rules[item.share_of].shown_label()) + "</td>" + cell(p_.rules[item.share_of].name, display_for_readers(p_, p_.rules[item.share_of], whole)) +
                    "<td class=\"num\">" + share(whole, whole) + "</td></tr></tfoot>\n";
        }
        out_ += "</table>\n";
    }

    void chart(const ReportItem& item, const Records& recs) {
        const RuleDef& first = p_.rules[item.rules[0]];
        std::string axis = item.axis;
        if (axis.empty()) {
            const Type& t = first.shown();
            std::string unit = p_.units.name(t.unit);
            axis = first.percent ? "per cent" : unit.empty() ? "number" : unit;
        }
        const EnumDef* by = by_member(item);
        if (by && scenarios() && item.rules.size() > 1) {  // a chart for each figure, a bar per scenario
            for (int slot : item.rules) {
                ReportItem one = item;
                one.rules = {slot};
                one.members = {};
                one.title = item.title + ": " + p_.rules[slot].shown_label();
                one.axis = axis;
                chart(one, recs);
            }
            return;
        }
        std::vector<std::string> series;
        std::vector<Bar> rows;
        auto bar_of = [&](const RuleDef& r, const Value& v) { return std::make_pair(amount(p_, r, v), display_for_readers(p_, r, v)); };
        if (by) {
            if (scenarios()) {
                for (const auto& run : runs_) series.push_back(run.scenario);
            } else {
                for (int slot : item.rules) series.push_back(p_.rules[slot].shown_label());
            }
            for (std::size_t m = 0; m < by->members.size(); ++m) {
                Bar b;
                b.category = by->shown(m);
                for (std::size_t j = 0; j < runs_.size(); ++j)
                    for (int slot : item.rules) {
                        const Value& v = value_of(slot, recs[j], j);
                        const Value member = v.kind == Value::Kind::list ? (*v.items()).at(m) : Value{};
                        const auto [x, text] = bar_of(p_.rules[slot], member);
                        b.values.push_back(x);
                        b.texts.push_back(text);
                    }
                rows.push_back(std::move(b));
            }
        } else {
            if (scenarios()) {
                for (const auto& run : runs_) series.push_back(run.scenario);
            } else {
                series.push_back("Value");
            }
            for (std::size_t k = 0; k < item.rules.size(); ++k) {
                Bar b{ref(item, k, recs[0]).label, {}, {}};
                for (std::size_t j = 0; j < runs_.size(); ++j) {
                    const Ref f = ref(item, k, recs[j], j);
                    const auto [x, text] = bar_of(f.r, f.v);
                    b.values.push_back(x);
                    b.texts.push_back(text);
                }
                rows.push_back(std::move(b));
            }
        }
        out_ += "<figure class=\"chart\">\n<figcaption>" + h(item.title) + "</figcaption>\n" +
                bar_chart(item.title, axis, series, rows, ++charts_);
        chart_data(series, rows);
    }

    // Whether a figure adds up over cases: money, a count, a time; not a rate (£/week), a percentage or a text.
    bool adds_up(const RuleDef& r) const {
        const Type& t = r.shown();
        if (t.kind != TypeKind::number || r.percent) return false;
        for (const auto& [unit, power] : t.unit.terms())
            if (power < 0) return false;
        return true;
    }

    // Each figure's total over the cases of a run that succeeded, where it adds up; "not defined" where it does not.
    const CaseRecord& totals(std::size_t run) {
        auto& totals = totals_[run];
        if (totals) return *totals;
        totals.emplace();
        totals->ok = true;
        totals->id = "Total";
        for (std::size_t i = 0; i < p_.outputs.size(); ++i) {
            const RuleDef& r = p_.rules[p_.outputs[i]];
            Value total;
            if (adds_up(r)) {
                const std::size_t members = r.by ? r.by->members.size() : 1;
                std::vector<Number> sums(members, Number(0));
                for (std::size_t c : ok_) {
                    const Value& v = runs_[run].results->cases[c].outputs[i];
                    for (std::size_t m = 0; m < members; ++m) {
                        const Value& x = r.by ? (v.kind == Value::Kind::list ? (*v.items())[m] : Value{}) : v;
                        if (x.kind == Value::Kind::number) sums[m] += x.n();
                    }
                }
                if (r.by) {
                    std::vector<Value> items;
                    for (auto& n : sums) items.push_back(Value::number(std::move(n)));
                    total = Value::list(std::move(items));
                } else {
                    total = Value::number(std::move(sums[0]));
                }
            }
            totals->outputs.push_back(std::move(total));
        }
        return *totals;
    }

    // " (2019)": the scenario a table or a list of each case is of, when there are scenarios.
    std::string under(std::size_t run) const { return scenarios() ? " (" + runs_[run].scenario + ")" : ""; }

    void cases_table(const ReportItem& item, std::size_t run) {
        out_ += "<table class=\"cases\"" + (scenarios() ? " data-scenario=\"" + h(runs_[run].scenario) + "\"" : std::string()) +
                ">\n<caption>" + h(item.title + under(run)) + "</caption>\n<thead><tr><th>Case</th>";
        for (std::size_t k = 0; k < item.rules.size(); ++k) {
            const Ref f = ref(item, k, nullptr, run);
            out_ += "<th" + std::string(f.r.shown().kind == TypeKind::number ? " class=\"num\"" : "") + ">" + h(f.label) + "</th>";
        }
        out_ += "</tr></thead>\n<tbody>\n";
        std::size_t shown = 0;
        for (std::size_t i : ok_) {
            if (shown++ == most_case_rows) break;
            const CaseRecord* c = &runs_[run].results->cases[i];
            out_ += "<tr data-case=\"" + h(c->id) + "\"><td>" + h(c->id) + "</td>";
            for (std::size_t k = 0; k < item.rules.size(); ++k) {
                const Ref f = ref(item, k, c, run);
                out_ += "<td" + std::string(f.r.shown().kind == TypeKind::number ? " class=\"num\"" : "") + named(f.r.name, f.member) + ">" +
                        h(display_for_readers(p_, f.r, f.v)) + "</td>";
            }
            out_ += "</tr>\n";
        }
        out_ += "</tbody>\n";
        if (ok_.size() > 1) {  // each column's total over every case, shown or not, where it adds up
            out_ += "<tfoot><tr><td>Total</td>";
            for (std::size_t k = 0; k < item.rules.size(); ++k) {
                const Ref f = ref(item, k, &totals(run), run);
                const bool number = f.r.shown().kind == TypeKind::number;
                out_ += "<td" + std::string(number ? " class=\"num\"" : "") + " data-total=\"" + h(f.r.name) + "\">" +
                        (adds_up(f.r) ? h(display_for_readers(p_, f.r, f.v)) : std::string()) + "</td>";
            }
            out_ += "</tr></tfoot>\n";
        }
        out_ += "</table>\n";
        if (ok_.size() > most_case_rows)
            out_ += "<p class=\"more\">The first " + std::to_string(most_case_rows) + " of the " + count(ok_.size()) +
                    " cases; the total is over all of them. The workbook has every case: <code>reckon batch … --format xlsx "
                    "--out FILE.xlsx</code>.</p>\n";
    }

    void list(const ReportItem& item) {
        per_case(item, [&](const ReportItem&, const Records& recs) {
            const RuleDef& r = p_.rules[item.rules[0]];
            for (std::size_t j = 0; j < runs_.size(); ++j) {
                const Value& v = value_of(item.rules[0], recs[j], j);
                std::size_t n = v.kind == Value::Kind::list ? v.items()->size() : 0;
                out_ += "<h3>" + h(item.title + under(j)) + " (" + std::to_string(n) + ")</h3>\n";
                if (n == 0) {
                    out_ += "<p>None.</p>\n";
                    continue;
                }
                out_ += "<ul class=\"names\" data-output=\"" + h(r.name) + "\"" +
                        (scenarios() ? " data-scenario=\"" + h(runs_[j].scenario) + "\"" : std::string()) + ">\n";
                for (const auto& x : *v.items()) out_ += "<li>" + h(display_value(p_, *r.shown().element, r.decimals, r.fixed_decimals, x)) + "</li>\n";
                out_ += "</ul>\n";
            }
        });
    }

    void appendix() {
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
    void by_scenario() {
        std::vector<Row> rows;
        for (auto& set : scenario_settings(p_, params_, runs_)) rows.push_back({set.name, "", "", std::move(set.values)});
        out_ += "<h3>What each scenario sets</h3>\n";
        if (rows.empty()) {
            out_ += "<p>The scenarios set no parameter to a value of its own.</p>\n";
            return;
        }
        scenario_table("", "", rows, "Exactly, as the methodology below shows parameters; every other parameter is as it shows.");
    }

    // With no `report` in the ruleset: every output, then the appendix.
    void default_layout() {
        std::vector<int> scalar;
        for (int o : p_.outputs)
            if (!p_.rules[o].by) scalar.push_back(o);
        if (!scalar.empty()) {
            ReportItem t;
            t.kind = ok_.size() == 1 ? K::table : K::cases;
            t.title = ok_.size() == 1 ? "Outputs" : "Outputs of each case";
            t.rules = scalar;
            open_section(t.title);
            item(t);
        }
        if (!p_.cohort_outputs.empty()) {
            open_section("The cohort");
            ReportItem t;
            t.kind = K::table;
            t.cohort = true;
            t.title = "Cohort outputs";
            for (int o : p_.cohort_outputs)
                if (!p_.rules[o].by && p_.rules[o].type.kind != TypeKind::list) t.rules.push_back(o);
            if (!t.rules.empty()) item(t);
        }
        appendix();
    }

    // Above every figure, when a case failed or the cohort could not be computed: what the figures leave out,
    // the first errors, and a link to the whole list.
    void banner() {
        std::string failed_under;  // the scenarios whose cohort could not be computed
        for (const auto& run : runs_)
            if (run.results->cohort.empty() && scenarios()) failed_under += (failed_under.empty() ? "" : ", ") + run.scenario;
        const bool cohort_failed = !p_.cohort_outputs.empty() && !ok_.empty() &&
                                   std::any_of(runs_.begin(), runs_.end(), [](const ReportRun& run) { return run.results->cohort.empty(); });
        if (prov_.failed == 0 && !cohort_failed) return;
        out_ += "<section class=\"banner\" role=\"alert\" id=\"failed-banner\">\n";
        if (prov_.failed)
            out_ += "<p><strong>" + std::to_string(prov_.failed) + " of " + std::to_string(prov_.cases) +
                    " cases failed and are left out of every figure.</strong></p>\n<ul>\n";
        std::size_t shown = 0;
        for (const auto& c : r_.cases)
            if (!c.ok && shown++ < 3) out_ += "<li>" + failure_line(c) + "</li>\n";
        if (prov_.failed)
            out_ += "</ul>\n<p><a href=\"#failures\">" +
                    (prov_.failed == 1 ? std::string("The failed case, with its error") : "All " + count(prov_.failed) + " failed cases, with their errors") +
                    "</a></p>\n";
        if (cohort_failed)
            out_ += "<p><strong>The cohort's figures could not be computed" + (failed_under.empty() ? "" : " under " + h(failed_under)) +
                    "</strong> (the error is in the command's output); every figure of the cohort" +
                    (failed_under.empty() ? "" : " there") + " is shown as not defined.</p>\n";
        out_ += "</section>\n";
    }

    // A failed case: its file and its error's first line.
    static std::string failure_line(const CaseRecord& c) {
        const std::string& text = c.failure.text;
        if (!c.failure.errors.empty() && !c.failure.errors[0].where.empty() && c.failure.errors[0].where.rfind(c.file, 0) == 0)
            return "<code>" + h(c.failure.errors[0].where) + "</code>: " + h(c.failure.errors[0].message);
        return "<code>" + h(c.file) + "</code>: " + h(text.substr(0, text.find('\n')));
    }

    // The whole list, once: before the appendix, or at the end.
    void failures() {
        if (prov_.failed == 0 || failures_shown_) return;
        failures_shown_ = true;
        close_section();
        out_ += "<section class=\"failures\" id=\"failures\">\n<h2>Cases that failed</h2>\n";
        out_ += "<p class=\"failed\">" + std::to_string(prov_.failed) + " of " + std::to_string(prov_.cases) +
                " cases could not be evaluated; every figure of this report leaves them out.</p>\n<ul>\n";
        for (const auto& c : r_.cases)
            if (!c.ok) out_ += "<li>" + failure_line(c) + "</li>\n";
        out_ += "</ul>\n</section>\n";
    }

    void provenance() {
        out_ += "<footer id=\"provenance\">\n<h2>Provenance</h2>\n<dl>\n";
        auto row = [&](const std::string& k, const std::string& v) { out_ += "<dt>" + h(k) + "</dt><dd>" + v + "</dd>\n"; };
        row("Ruleset", h(prov_.ruleset) + (prov_.version.empty() ? "" : ", version " + h(prov_.version)));
        row("Ruleset hash", "<code>" + h(prov_.hash) + "</code>");
        for (const auto& [file, id] : prov_.files) row("File", "<code>" + h(file) + "</code> (git blob <code>" + h(id) + "</code>)");
        for (const auto& [file, id] : prov_.tables) row("Table", "<code>" + h(file) + "</code> (git blob <code>" + h(id) + "</code>)");
        if (!prov_.scenarios.empty())
            row("Scenarios", "<code>" + h(prov_.scenarios_file.first) + "</code> (git blob <code>" + h(prov_.scenarios_file.second) + "</code>): " +
                                 h(scenario_names()));
        if (!prov_.run_data_file.first.empty())
            row("Run data", "<code>" + h(prov_.run_data_file.first) + "</code> (git blob <code>" + h(prov_.run_data_file.second) + "</code>)");
        row("Cases", std::to_string(prov_.cases) + ", of which " + std::to_string(prov_.failed) + " failed");
        std::string settings;
        for (const auto& s : prov_.overrides) settings += (settings.empty() ? "" : ", ") + ("<code>" + h(s) + "</code>");
        row("Parameters overridden", settings.empty() ? "none" : settings);
        row("Date", h(prov_.date));
        row("Produced by", "reckon " + h(prov_.reckon_version));
        out_ += "</dl>\n</footer>\n";
    }

    const Program& p_;                      // as the command line sets it: labels, units, the appendix
    const std::vector<Value>& params_;
    const std::vector<ReportRun>& runs_;    // a column of figures each: one, or one per scenario
    const BatchResults& r_;                 // the first run's cases: which failed, and why (the same in every run)
    const Provenance& prov_;
    const Case* only_;
    std::vector<int> case_index_, cohort_index_;
    std::vector<std::size_t> ok_;           // the cases that succeeded, by their place in each run
    bool years_ = false;                    // the scenarios are years in order: trend charts
    std::string out_;
    bool open_ = false;
    bool failures_shown_ = false;
    std::vector<std::optional<CaseRecord>> totals_;  // each run's totals over the cases, made when first shown
    int charts_ = 0;

public:
    const ReportUncertainty* u_ = nullptr;  // the tornado and distribution items' figures
};

}  // namespace

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

std::string report_html(const Program& p, const std::vector<Value>& params, const BatchResults& results,
                        const Provenance& prov, const Case* only_case, const ReportUncertainty* uncertainty) {
    const std::vector<ReportRun> one{{"", &p, &params, &results}};
    Page page(p, params, one, prov, only_case);
    page.u_ = uncertainty;
    return page.render();
}

std::string report_html(const Program& p, const std::vector<Value>& params, const std::vector<ReportRun>& runs, const Provenance& prov,
                        const ReportUncertainty* uncertainty) {
    Page page(p, params, runs, prov, nullptr);
    page.u_ = uncertainty;
    return page.render();
}

}  // namespace reckon
