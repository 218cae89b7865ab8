// What a report's items can show over the cases given (report_computable.hpp).
#include "commands/report/report_computable.hpp"

#include <algorithm>

namespace reckon {

namespace {

using K = ast::ReportItemKind;

std::string cases_text(std::size_t n) { return std::to_string(n) + " case" + (n == 1 ? "" : "s"); }

}  // namespace

bool adds_up(const RuleDef& r) {
    const Type& t = r.shown();
    if (t.kind != TypeKind::number || r.percent) return false;
    return std::none_of(t.unit.terms().begin(), t.unit.terms().end(), [](const auto& term) { return term.second < 0; });
}

std::optional<std::string> why_not_computed(const Program& p, const ReportItem& item, std::size_t cases) {
    if ((item.kind != K::tornado && item.kind != K::distribution && item.kind != K::waterfall) || item.cohort || cases == 1) return std::nullopt;
    return "'" + p.rules[static_cast<std::size_t>(item.rules[0])].name + "' is a figure of each case, analysed over one case, and the report is over " +
           cases_text(cases);
}

std::vector<Diagnostic> items_not_computed(const Program& p, std::size_t cases) {
    std::vector<Diagnostic> out;
    if (!p.report) return out;
    for (const auto& item : p.report->items)
        if (auto why = why_not_computed(p, item, cases))
            out.push_back({item.where, "this " + std::string(ast::report_item_kind_name(item.kind)) + " cannot be computed: " + *why,
                           {"name a figure of the cohort (a cohort output), or give the report one case"}});
    return out;
}

std::optional<std::string> why_no_totals(const Program& p, const ReportItem& item, std::size_t evaluated) {
    if (item.cohort || evaluated <= most_shown_per_case) return std::nullopt;
    const std::string limit = std::to_string(most_shown_per_case);
    const RuleDef& first = p.rules[static_cast<std::size_t>(item.rules[0])];
    if (item.kind == K::list) return "'" + first.name + "' is a list of each case, shown for at most " + limit + " cases, and the report is over " +
                                     cases_text(evaluated);
    std::vector<const RuleDef*> none;  // the item's figures that have no total
    for (int slot : item.rules)
        if (!adds_up(p.rules[static_cast<std::size_t>(slot)])) none.push_back(&p.rules[static_cast<std::size_t>(slot)]);
    if (none.empty()) return std::nullopt;
    if (item.kind != K::range && none.size() < item.rules.size()) return std::nullopt;  // the others are shown, by their totals
    return "over more than " + limit + " cases (here " + std::to_string(evaluated) + ") an item of each case's figures shows their totals, and '" +
           none[0]->name + "' has none (a rate, a percentage or a text does not add up over cases)";
}

}  // namespace reckon
