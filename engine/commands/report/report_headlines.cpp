// `reckon report`, the headlines and ranges: each figure large, with its label, rounded to the step its output
// declares (`headline to £1,000`) with the exact figure under it and in data-exact; a range as its two ends,
// lower first. Under scenarios, a row per figure and a column per scenario, with the trend under them.
#include "commands/report/report_page.hpp"

#include "commands/present/present.hpp"

#include <algorithm>

namespace reckon::report_page {

namespace {

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

}  // namespace

void Page::headlines(const ReportItem& shown, const Records& recs) {
    if (scenarios()) {
        headlines_by_scenario(shown, recs);
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

// Under scenarios: a row per figure, a column per scenario; the trend under it.
void Page::headlines_by_scenario(const ReportItem& shown, const Records& recs) {
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
}

void Page::range(const std::string& title, const ReportItem& shown, const Records& recs) {
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

void Page::headline(const std::string& fig, const std::string& label, const std::string& name, const std::string& member,
                    const std::string& rounded, const std::string& exact) {
    out_ += "<div class=\"headline\"><div class=\"figure\"" + named(name, member) + rounded + ">" + h(fig) + "</div><div class=\"label\">" +
            h(label) + "</div>" + (exact.empty() ? "" : "<div class=\"exact\">" + h(exact) + "</div>") + "</div>\n";
}

// Under a range of rounded headlines: the step, and the exact figures.
std::string Page::range_note(const Ref& lo, const Ref& hi) const {
    if ((lo.r.headline_step == 0 && hi.r.headline_step == 0) || lo.v.kind != Value::Kind::number || hi.v.kind != Value::Kind::number)
        return "";
    const std::string step = lo.r.headline_step != 0 ? lo.r.headline_step_text : hi.r.headline_step_text;
    return "<div class=\"exact\">" + h("To the nearest " + step + "; exactly " + display_for_readers(p_, lo.r, lo.v) + " to " + display_for_readers(p_, hi.r, hi.v)) +
           "</div>";
}

// A headline rounded by `headline to`: the exact figure for tools (data-exact), and the words that say so.
std::string Page::rounded_attr(const RuleDef& r, const Value& v) const {
    if (r.headline_step == 0 || v.kind != Value::Kind::number) return "";
    return " data-exact=\"" + h(display_for_readers(p_, r, v)) + "\" data-rounded-to=\"" + h(r.headline_step_text) + "\"";
}

}  // namespace reckon::report_page
