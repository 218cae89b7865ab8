// `reckon report`, the waterfall item: the figure under the first scenario, each setting's part of its change
// (exact Shapley values: they add up to the change as shown), the figure under the second; as a chart and as a
// table of the same numbers, with what two settings make only together under it.
#include "commands/report/report_page.hpp"

#include "commands/present/display.hpp"
#include "commands/report/report_waterfall.hpp"

namespace reckon::report_page {

namespace {

// An amount in the figure's own unit, for drawing only.
double drawn(const Number& own) { return own.convert_to<double>(); }

// An amount exactly, where it is not a whole number of the figure's last decimal ("1/300"); else "".
std::string exactly(const RuleDef& r, const Number& own) {
    const Number step(1, boost::multiprecision::pow(Integer(10), static_cast<unsigned>(r.decimals)));
    return round_to(own, step, RoundMode::half_away) == own ? "" : own.str();
}

}  // namespace

void Page::waterfall(const ReportItem& item) {
    out_ += "<figure class=\"chart long waterfall\"" + named(p_.rules[static_cast<std::size_t>(item.rules[0])].name, "") + ">\n<figcaption>" +
            h(item.title) + "</figcaption>\n";
    const auto found = w_ ? w_->find(&item) : ReportWaterfalls::const_iterator{};
    if (!w_ || found == w_->end() || !found->second.note.empty()) {
        out_ += "<p class=\"failed\">Not drawn: " +
                h(!w_ || found == w_->end() ? std::string("a waterfall shows a figure's change from one scenario to another: run the report "
                                                          "with --scenarios FILE.yaml")
                                            : found->second.note) +
                "</p>\n</figure>\n";
        return;
    }
    const Waterfall& w = found->second;
    const auto case_of = [&](std::size_t run) { return ok_.empty() ? nullptr : &runs_[run].results->cases[ok_[0]]; };  // one case's figure
    const Ref a = ref(item, 0, case_of(w.from), w.from), b = ref(item, 0, case_of(w.to), w.to);
    const std::string from = runs_[w.from].scenario, to = runs_[w.to].scenario;
    out_ += "<p class=\"note\">" + h(a.label) + " under " + h(from) + " and under " + h(to) + ", and each setting that differs between "
            "the two: its part of the change, its effect averaged over every order of making the changes (exact; the parts add up to "
            "the change as shown).</p>\n";
    if (!w.change) {
        out_ += "<p>The figure is the same under both: " + h(display_with_unit(p_, a.r, a.v)) + ".</p>\n</figure>\n";
        return;
    }
    const FigureChange& c = *w.change;
    if (a.v.kind != Value::Kind::number || b.v.kind != Value::Kind::number || !c.unattributed.empty()) {
        out_ += "<p class=\"failed\">Not drawn: the figure is " + h(c.before) + " under " + h(from) + " and " + h(c.after) + " under " + h(to) +
                (c.unattributed.empty() ? std::string() : "; " + h(c.unattributed)) + ".</p>\n</figure>\n";
        return;
    }
    std::vector<Step> steps{{from, 0, drawn(in_own_unit(p_, a.r, a.v)), c.before, true}};
    double at = steps.back().to;
    for (const auto& s : c.attribution) {
        steps.push_back({s.change, at, at + drawn(s.amount), s.shown, false});
        at = steps.back().to;
    }
    steps.push_back({to, 0, drawn(in_own_unit(p_, b.r, b.v)), c.after, true});
    out_ += waterfall_chart(item.title, axis_of(a.r), steps, ++charts_);
    bool rounded = false;  // a part that is no whole number of the figure's last decimal: its exact amount too
    for (const auto& s : c.attribution) rounded = rounded || !exactly(a.r, s.amount).empty();
    const std::string exact_head = rounded ? "<th class=\"num\">Exactly</th>" : "";
    out_ += "<table class=\"chart-data\">\n<caption>The figures in this chart</caption>\n<thead><tr><th>Step</th><th class=\"num\">Amount</th>" +
            exact_head + "</tr></thead>\n<tbody>\n";
    const std::string blank = rounded ? "<td></td>" : "";
    out_ += "<tr><td>" + h(a.label) + " under " + h(from) + "</td><td class=\"num\">" + h(c.before) + "</td>" + blank + "</tr>\n";
    for (const auto& s : c.attribution)
        out_ += "<tr><td>" + h(s.change) + "</td><td class=\"num\">" + h(s.shown) + "</td>" +
                (rounded ? "<td class=\"num\">" + h(exactly(a.r, s.amount)) + "</td>" : "") + "</tr>\n";
    out_ += "<tr><td>" + h(a.label) + " under " + h(to) + "</td><td class=\"num\">" + h(c.after) + "</td>" + blank + "</tr>\n</tbody>\n</table>\n";
    for (const auto& s : c.interactions)
        out_ += "<p class=\"note\">" + h(s.change) + " together make " + h(s.shown) + " of it that neither makes alone, shared equally "
                "between them above.</p>\n";
    out_ += "</figure>\n";
}

}  // namespace reckon::report_page
