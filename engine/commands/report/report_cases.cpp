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
    const bool cohort_row = ok_.size() > 1 && cases_total_row(item, run);
    out_ += "</table>\n";
    if (cohort_row)
        out_ += "<p class=\"note\">The sum adds up every one of the " + count(ok_.size()) +
                " cases in the table. The cohort row is the ruleset's own figure of the cohort, the one the rest of the page "
                "shows: it counts only the cases the ruleset takes into the cohort, so where the two differ, the table has "
                "cases the cohort leaves out.</p>\n";
    if (ok_.size() > most_case_rows)
        out_ += "<p class=\"more\">The first " + std::to_string(most_case_rows) + " of the " + count(ok_.size()) +
                " cases; the sum is over all of them. The workbook has every case: <code>reckon batch … --format xlsx "
                "--out FILE.xlsx</code>.</p>\n";
}

// Under the cases table, printed once: each column's sum over every case in the table, and how many cases it
// is over where some have no figure; then, where the ruleset defines a cohort figure of the same name, the
// cohort's own figure in a row of its own (true when there is one: the table's note says which is which), so
// that a sum over every case is never read as the cohort's.
bool Page::cases_total_row(const ReportItem& item, std::size_t run) {
    const std::string all = count(ok_.size());
    std::string sums, cohort;
    bool any_cohort = false;
    for (std::size_t k = 0; k < item.rules.size(); ++k) {
        const Ref f = ref(item, k, &totals(run), run);
        const std::string num = f.r.shown().kind == TypeKind::number ? " class=\"num\"" : "";
        std::string sum;
        if (adds_up(f.r)) {
            std::size_t with = 0;  // the cases with a figure in this column
            for (std::size_t i : ok_) with += ref(item, k, &runs_[run].results->cases[i], run).v.kind == Value::Kind::number;
            sum = h(display_for_readers(p_, f.r, f.v)) + (with < ok_.size() ? "<br><span class=\"over\">the " + count(with) + " with a figure</span>" : "");
        }
        sums += "<td" + num + " data-total=\"" + h(f.r.name) + "\">" + sum + "</td>";
        const int namesake = cohort_namesake(f.r);
        any_cohort = any_cohort || namesake >= 0;
        std::string c;
        if (namesake >= 0) {
            const Value& v = value_of(namesake, nullptr, run);
            const int m = k < item.members.size() ? item.members[k] : -1;
            const Value& x = m < 0 || v.kind != Value::Kind::list ? v : (*v.items())[static_cast<std::size_t>(m)];
            c = h(display_for_readers(p_, p_.rules[namesake], x));
        }
        cohort += "<td" + num + (namesake >= 0 ? named(p_.rules[namesake].name, f.member) : "") + ">" + c + "</td>";
    }
    out_ += "<tfoot><tr class=\"sum\"><td>Sum, all " + all + " cases</td>" + sums + "</tr>\n";
    if (any_cohort) out_ += "<tr class=\"cohort\"><td>The cohort</td>" + cohort + "</tr>\n";
    out_ += "</tfoot>\n";
    return any_cohort;
}

// The cohort output with the same name as a figure of each case (baseline_cost), or -1.
int Page::cohort_namesake(const RuleDef& r) const {
    for (int o : p_.cohort_outputs)
        if (p_.rules[o].name == r.name && !r.cohort) return o;
    return -1;
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
