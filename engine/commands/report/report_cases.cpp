// `reckon report`, each case's own figures: the cases table (a row per case, the first hundred, with each
// column's total over every case where it adds up) and lists (a figure that is a list, its items as names).
// Under scenarios, one of each per scenario.
#include "commands/report/report_page.hpp"

#include "commands/present/present.hpp"

namespace reckon::report_page {

namespace {

// The rows a cases table shows; the workbook has them all.
constexpr std::size_t most_case_rows = 100;

}  // namespace

// " (2019)": the scenario a table or a list of each case is of, when there are scenarios.
std::string Page::under(std::size_t run) const { return scenarios() ? " (" + runs_[run].scenario + ")" : ""; }

void Page::cases_table(const ReportItem& item, std::size_t run) {
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
    if (ok_.size() > 1) cases_total_row(item, run);
    out_ += "</table>\n";
    if (ok_.size() > most_case_rows)
        out_ += "<p class=\"more\">The first " + std::to_string(most_case_rows) + " of the " + count(ok_.size()) +
                " cases; the total is over all of them. The workbook has every case: <code>reckon batch … --format xlsx "
                "--out FILE.xlsx</code>.</p>\n";
}

// Under the cases table: each column's total over every case, shown or not, where it adds up.
void Page::cases_total_row(const ReportItem& item, std::size_t run) {
    out_ += "<tfoot><tr><td>Total</td>";
    for (std::size_t k = 0; k < item.rules.size(); ++k) {
        const Ref f = ref(item, k, &totals(run), run);
        const bool number = f.r.shown().kind == TypeKind::number;
        out_ += "<td" + std::string(number ? " class=\"num\"" : "") + " data-total=\"" + h(f.r.name) + "\">" +
                (adds_up(f.r) ? h(display_for_readers(p_, f.r, f.v)) : std::string()) + "</td>";
    }
    out_ += "</tr></tfoot>\n";
}

void Page::list(const ReportItem& item) {
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

}  // namespace reckon::report_page
