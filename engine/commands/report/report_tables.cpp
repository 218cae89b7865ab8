// `reckon report`, the tables: a row per figure (with its share of a whole, and the whole as the total), or
// for figures by member a row per member (with each member's share and the total of the members), or for a
// figure by two enumerations a grid; under scenarios the same figures a column per scenario, every cell named
// with its output, member and scenario for tools and tests.
#include "commands/report/report_page.hpp"

#include "commands/present/present.hpp"

namespace reckon::report_page {

namespace {

// One member of a grouped figure, as people read it.
std::string member_figure(const Program& p, const RuleDef& r, const Value& v, std::size_t m) {
    if (v.kind != Value::Kind::list) return "not defined";
    return display_for_readers(p, r, (*v.items()).at(m));
}

// Share of a whole, exactly, shown to one decimal: "55.2 %".
std::string share(const Value& part, const Value& whole) {
    if (part.kind != Value::Kind::number || whole.kind != Value::Kind::number || whole.n() == 0) return "";
    return format_fixed(part.n() / whole.n() * 100, 1) + " %";
}

// The sum of a figure by member's members, for their shares; not defined when one is not.
Value members_total(const Value& v) {
    if (v.kind != Value::Kind::list) return {};
    Number sum(0);
    for (const auto& x : *v.items()) {
        if (x.kind != Value::Kind::number) return {};
        sum += x.n();
    }
    return Value::number(std::move(sum));
}

// A figure's cell, named.
std::string cell(const std::string& name, const std::string& text, const std::string& member = "") {
    return "<td class=\"num\"" + named(name, member) + ">" + h(text) + "</td>";
}

}  // namespace

// A table item: the shape its figures and the scenarios call for.
void Page::table(const ReportItem& item, const Records& recs) {
    if (const EnumDef* by = by_member(item)) {
        if (scenarios()) members_by_scenario(item, *by, recs);
        else if (by->factors.size() == 2 && !item.member_shares) member_grids(item, *by, recs);
        else members_table(item, *by, recs);
        return;
    }
    if (scenarios()) figures_by_scenario(item, recs);
    else figures_table(item, recs);
}

// Figures by member under scenarios: a table for each figure, a row per member, a column per scenario.
void Page::members_by_scenario(const ReportItem& item, const EnumDef& by, const Records& recs) {
    for (int slot : item.rules) {
        const RuleDef& r = p_.rules[slot];
        std::vector<Value> totals;  // each run's total of the members, for their shares
        for (std::size_t j = 0; j < runs_.size(); ++j) totals.push_back(members_total(value_of(slot, recs[j], j)));
        std::vector<Row> rows;
        for (std::size_t m = 0; m < by.members.size(); ++m) {
            Row row{by.shown(m), r.name, by.members[m], {}};
            for (std::size_t j = 0; j < runs_.size(); ++j) {
                const Value& v = value_of(slot, recs[j], j);
                const std::string s = item.member_shares ? share(v.kind == Value::Kind::list ? (*v.items())[m] : Value{}, totals[j]) : "";
                row.cells.push_back(member_figure(p_, r, v, m) + (s.empty() ? "" : " (" + s + ")"));
            }
            rows.push_back(std::move(row));
        }
        scenario_table(item.title + ": " + r.shown_label(), by.name, rows,
                       item.member_shares ? "In brackets, each member's share of the total in its column." : "");
    }
}

// Figures by two enumerations: a grid for each figure, a row per member of the first, a column per member of
// the second.
void Page::member_grids(const ReportItem& item, const EnumDef& by, const Records& recs) {
    const EnumDef &rows = *by.factors[0], &columns = *by.factors[1];
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
                out_ += cell(r.name, member_figure(p_, r, v, m), by.members[m]);
            }
            out_ += "</tr>\n";
        }
        out_ += "</tbody>\n</table>\n";
    }
}

// Figures by member: a row per member, a column per output; with `shares`, each member's share of the
// figure's total beside it, and the totals in a row of their own.
void Page::members_table(const ReportItem& item, const EnumDef& by, const Records& recs) {
    const bool shares = item.member_shares;
    std::vector<Value> totals;  // each figure's total of its members, for their shares and the total row
    for (int slot : item.rules) totals.push_back(members_total(value_of(slot, recs[0], 0)));
    out_ += "<table>\n<caption>" + h(item.title) + "</caption>\n<thead><tr><th>" + h(by.name) + "</th>";
    for (int slot : item.rules) {
        out_ += "<th class=\"num\">" + h(p_.rules[slot].shown_label()) + "</th>";
        if (shares) out_ += "<th class=\"num\">Share</th>";
    }
    out_ += "</tr></thead>\n<tbody>\n";
    for (std::size_t m = 0; m < by.members.size(); ++m) {
        out_ += "<tr><td>" + h(by.shown(m)) + "</td>";
        for (std::size_t k = 0; k < item.rules.size(); ++k) {
            const int slot = item.rules[k];
            const Value& v = value_of(slot, recs[0], 0);
            out_ += cell(p_.rules[slot].name, member_figure(p_, p_.rules[slot], v, m), by.members[m]);
            if (shares)
                out_ += "<td class=\"num\" data-share=\"" + h(p_.rules[slot].name) + "\">" +
                        share(v.kind == Value::Kind::list ? (*v.items())[m] : Value{}, totals[k]) + "</td>";
        }
        out_ += "</tr>\n";
    }
    out_ += "</tbody>\n";
    if (shares) members_total_row(item, totals);
    out_ += "</table>\n";
}

// Under a table of members with their shares: each figure's total of its members, the whole of its shares.
void Page::members_total_row(const ReportItem& item, const std::vector<Value>& totals) {
    out_ += "<tfoot><tr><td>Total</td>";
    for (std::size_t k = 0; k < item.rules.size(); ++k) {
        const int slot = item.rules[k];
        out_ += "<td class=\"num\" data-total=\"" + h(p_.rules[slot].name) + "\">" + h(display_for_readers(p_, p_.rules[slot], totals[k])) +
                "</td><td class=\"num\">" + share(totals[k], totals[k]) + "</td>";
    }
    out_ += "</tr></tfoot>\n";
}

// Figures under scenarios: a row per figure (its share beside it, and the whole in the last row), a column
// per scenario.
void Page::figures_by_scenario(const ReportItem& item, const Records& recs) {
    const bool shares = item.share_of >= 0;
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
}

// Figures: a row per figure; with `share of`, each one's share of the whole beside it, and the whole as the
// total row.
void Page::figures_table(const ReportItem& item, const Records& recs) {
    const bool shares = item.share_of >= 0;
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

// The figures of each scenario side by side: a row per figure, a column per scenario, each cell named
// with its output, member and scenario (data-scenario).
void Page::scenario_table(const std::string& caption, const std::string& corner, const std::vector<Row>& rows, const std::string& note) {
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

}  // namespace reckon::report_page
