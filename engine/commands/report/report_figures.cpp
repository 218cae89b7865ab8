// `reckon report`, the figures an item names: each one's value in a run (the cohort's, or a case's; one
// member's when the item names a member) with the label people read, and how an item of each case's figures
// is shown: once per case when there are a few, else once, with each figure's total over the cases.
#include "commands/report/report_page.hpp"

#include "commands/report/report_computable.hpp"

namespace reckon::report_page {

std::string named(const std::string& name, const std::string& member) {
    return " data-output=\"" + h(name) + "\"" + (member.empty() ? "" : " data-member=\"" + h(member) + "\"");
}

// A figure of one run: the cohort's, or the case's (c) of that run.
const Value& Page::value_of(int slot, const CaseRecord* c, std::size_t run) const {
    static const Value none;
    if (p_.rules[slot].cohort) {
        const auto& cohort = runs_[run].results->cohort;
        int i = cohort_index_[slot];
        return i >= 0 && static_cast<std::size_t>(i) < cohort.size() ? cohort[i] : none;
    }
    return c ? c->outputs.at(case_index_[slot]) : none;
}

Page::Ref Page::ref(const ReportItem& item, std::size_t k, const CaseRecord* c, std::size_t run) const {
    static const Value none;
    const RuleDef& r = p_.rules[item.rules[k]];
    const Value& v = value_of(item.rules[k], c, run);
    const int m = k < item.members.size() ? item.members[k] : -1;
    if (m < 0) return {r, v, r.shown_label(), ""};
    const std::string& member = r.by->members[static_cast<std::size_t>(m)];
    return {r, v.kind == Value::Kind::list ? (*v.items())[static_cast<std::size_t>(m)] : none, r.shown_label() + ": " + r.by->shown(static_cast<std::size_t>(m)), member};
}

// Whether the item shows figures for each member: its first figure is by member, and it names no member.
const EnumDef* Page::by_member(const ReportItem& item) const {
    return !item.members.empty() && item.members[0] >= 0 ? nullptr : p_.rules[item.rules[0]].by;
}

// An item of outputs of each case is shown once per case, under its id when there are a few; over more
// cases than that, once, with each figure's total over the cases (a page of 20,000 cases stays readable).
// Under scenarios, each with the figures of every run.
void Page::per_case(const ReportItem& item, const std::function<void(const ReportItem&, const Records&)>& show) {
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
        if (const auto why = why_no_totals(p_, item, ok_.size())) {  // said in its place, not left out unseen
            out_ += "<p class=\"note\">" + h(item.title.empty() ? std::string(ast::report_item_kind_name(item.kind)) : item.title) +
                    ": not shown: " + h(*why) + ".</p>\n";
            return;
        }
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

// Whether a figure adds up over cases: money, a count, a time; not a rate (£/week), a percentage or a text.
bool Page::adds_up(const RuleDef& r) const { return reckon::adds_up(r); }

// Each figure's total over the cases of a run that succeeded, where it adds up; "not defined" where it does not.
const CaseRecord& Page::totals(std::size_t run) {
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

}  // namespace reckon::report_page
