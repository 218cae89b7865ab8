// The checks of a `report` layout: every name is an output, and what each
// item shows can be shown that way (a chart of figures in one unit, a list
// of a list, shares of a figure in the same unit). Errors point at the name.
#include "core/check/check.hpp"

namespace reckon {

namespace {
using K = ast::ReportItemKind;

const char* item_word(K k) {
    switch (k) {
        case K::headline: return "headline";
        case K::range: return "range";
        case K::table: return "table";
        case K::chart: return "chart";
        case K::cases: return "cases";
        case K::list: return "list";
        case K::tornado: return "tornado";
        case K::distribution: return "distribution";
        case K::waterfall: return "waterfall";
        case K::section:
        case K::text:
        case K::appendix: return "item";
    }
    return "item";
}

bool numeric(const RuleDef& r) { return r.shown().kind == TypeKind::number; }

// The enumeration of an item's k-th figure, when it is shown for each member (not when the item names one member).
const EnumDef* shown_by(const Program& p, const ReportItem& out, std::size_t k) {
    return out.members[k] >= 0 ? nullptr : p.rules[out.rules[k]].by;
}
}  // namespace

// The output a report item names. Outside `cases`, a cohort output is
// preferred to a per-case output of the same name: a report over a batch
// speaks of the cohort. Returns -1 (after an error) when there is none.
int Checker::report_output(const std::string& name, Location where, bool per_case) {
    if (!per_case) {
        auto c = cohort_rules_.find(name);
        if (c != cohort_rules_.end() && p_.rules[c->second].output) return c->second;
    }
    auto r = rules_.find(name);
    if (r != rules_.end() && p_.rules[r->second].output) return r->second;
    std::string outputs;
    for (int o : p_.outputs) outputs += (outputs.empty() ? "" : ", ") + p_.rules[o].name;
    if (!per_case)
        for (int o : p_.cohort_outputs) outputs += (outputs.empty() ? "" : ", ") + p_.rules[o].name;
    std::vector<std::string> notes;
    auto c = cohort_rules_.find(name);
    if (per_case && c != cohort_rules_.end() && p_.rules[c->second].output)
        notes.push_back("'" + name + "' is an output of the cohort; a 'cases' table shows outputs of each case");
    else if (r != rules_.end() || c != cohort_rules_.end())
        notes.push_back("'" + name + "' is a rule; declare it with 'output' to show it in a report");
    if (!outputs.empty()) notes.push_back(std::string(per_case ? "the outputs of a case" : "the outputs") + " are: " + outputs);
    error(where, "'" + name + "' is not " + (per_case ? "an output of a case" : "an output"), notes);
    return -1;
}

void Checker::check_report(const ast::Decl& d) {
    if (p_.report) {
        error(d.where, "a ruleset has one report layout", {"the first is at " + p_.report->where.str()});
        return;
    }
    ReportDef def;
    def.title = d.label;
    def.description = d.notes.description;
    def.where = d.where;
    for (const auto& item : d.items) {
        std::optional<ReportItem> out = report_item(item);
        if (!out) continue;
        check_report_item(item, *out);
        def.items.push_back(std::move(*out));
    }
    p_.report = std::move(def);
}

// An item's outputs found by name, all of the cohort or all of a case; nullopt
// when an error was reported.
std::optional<ReportItem> Checker::report_item(const ast::ReportItem& item) {
    ReportItem out;
    out.kind = item.kind;
    out.where = item.where;
    out.title = item.title;
    out.axis = item.axis;
    out.member_shares = item.member_shares;
    out.from = item.from;
    out.to = item.to;
    bool ok = true;
    for (std::size_t k = 0; k < item.refs.size(); ++k) {
        const auto& [name, where] = item.refs[k];
        int slot = report_output(name, where, item.kind == K::cases);
        if (slot < 0) ok = false;
        out.rules.push_back(slot);
        out.members.push_back(slot < 0 || k >= item.members.size() ? -1 : report_member(p_.rules[slot], item.members[k], ok));
    }
    if (!item.share_of.empty()) {
        out.share_of = report_output(item.share_of, item.share_where, false);
        ok = ok && out.share_of >= 0;
    }
    if (!item.draws.empty()) {
        if (item.draws.size() > 7 || std::stoul(item.draws) < 1 || std::stoul(item.draws) > 1000000) {
            error(item.draws_where, "a distribution is of 1 to 1,000,000 draws, not " + item.draws);
            ok = false;
        } else {
            out.draws = std::stoul(item.draws);
        }
    }
    if (!item.seed.empty()) {
        if (item.seed.size() > 19) {
            error(item.seed_where, "a seed is a whole number of at most 19 digits");
            ok = false;
        } else {
            out.seed = std::stoull(item.seed);
        }
    }
    if (!ok) return std::nullopt;
    const std::string word = item_word(item.kind);
    // Every output of an item is of the cohort, or every one of a case.
    for (std::size_t k = 0; k < out.rules.size(); ++k) {
        const RuleDef& r = p_.rules[out.rules[k]];
        if (k == 0) out.cohort = r.cohort;
        else if (r.cohort != out.cohort) {
            error(item.refs[k].second, "a " + word + " shows outputs of the cohort or outputs of each case, not both: '" + r.name +
                                           "' is " + (r.cohort ? "of the cohort" : "of each case") + " and '" +
                                           p_.rules[out.rules[0]].name + "' is not");
            ok = false;
        }
    }
    if (!ok) return std::nullopt;
    return out;
}

// The member a report item names of a figure by member (`saving_by_type(OffenceType.shoplifting)`, or
// without the enumeration's name), or -1 when it names none; an error, and ok false, when it names one wrongly.
int Checker::report_member(const RuleDef& r, const std::pair<std::string, Location>& member, bool& ok) {
    const auto& [written, where] = member;
    if (written.empty()) return -1;
    if (!r.by) {
        error(where, "'" + r.name + "' is one figure, not a figure by member: name it without '(…)'");
        ok = false;
        return -1;
    }
    const int m = r.by->member_written(written, true);
    if (m < 0) {
        if (!r.by->factors.empty()) {
            error(where, "'" + written + "' does not name a member of each of " + r.by->name + ", in order",
                  {"name one of each, as in " + r.name + "(" + r.by->example() + ")"});
        } else {
            std::string all;
            for (const auto& x : r.by->members) all += (all.empty() ? "" : ", ") + x;
            const std::string bare = written.rfind(r.by->name + ".", 0) == 0 ? written.substr(r.by->name.size() + 1) : written;
            error(where, "'" + bare + "' is not a member of " + r.by->name, {"the members of " + r.by->name + " are: " + all});
        }
        ok = false;
    }
    return m;
}

// What each kind of item can show.
void Checker::check_report_item(const ast::ReportItem& item, const ReportItem& out) {
    switch (item.kind) {
        case K::headline: check_report_headline(item, out); break;
        case K::range:
        case K::chart:
        case K::table:
            if (report_figures_fit(item, out)) {
                if (item.member_shares) check_member_shares(item, out);
                if (out.share_of >= 0) check_share_of(item, out);
            }
            break;
        case K::cases: check_report_cases(item, out); break;
        case K::list: {
            const RuleDef& r = p_.rules[out.rules[0]];
            if (r.type.kind != TypeKind::list)
                error(item.refs[0].second, "a list shows an output that is a list, and '" + r.name + "' is " + describe(r.type));
            break;
        }
        case K::tornado:
        case K::distribution: check_report_uncertain(item, out); break;
        case K::waterfall: check_single_figure(item, out); break;
        case K::section:
        case K::text:
        case K::appendix: break;
    }
}

// A headline shows single figures: of a figure by member, one member named.
void Checker::check_report_headline(const ast::ReportItem& item, const ReportItem& out) {
    for (std::size_t k = 0; k < out.rules.size(); ++k) {
        const RuleDef& r = p_.rules[out.rules[k]];
        if (shown_by(p_, out, k)) error(item.refs[k].second, "a headline shows one figure, and '" + r.name + "' is a figure for each " +
                                                                  r.by->name + "; show it in a chart or a table",
                                        {"or name one member, as in " + r.name + "(" + r.by->example() + ")"});
    }
}

// A range or a chart shows figures in one unit (a table, values of any type); a range, two single figures; and
// every figure of one is single, or every one is for each member of one enumeration. False after an error.
bool Checker::report_figures_fit(const ast::ReportItem& item, const ReportItem& out) {
    const std::string word = item_word(item.kind);
    const auto by = [&](std::size_t k) { return shown_by(p_, out, k); };
    bool ok = true;
    const RuleDef& first = p_.rules[out.rules[0]];
    for (std::size_t k = 0; k < out.rules.size(); ++k) {
        const RuleDef& r = p_.rules[out.rules[k]];
        if (item.kind != K::table && !numeric(r)) {
            error(item.refs[k].second, "a " + word + " shows figures, and '" + r.name + "' is " + describe(r.type));
            ok = false;
        } else if (item.kind != K::table && !same_type(r.shown(), first.shown(), p_.units)) {
            error(item.refs[k].second, "a " + word + " shows figures in one unit: '" + r.name + "' is " + describe(r.shown()) +
                                           " and '" + first.name + "' is " + describe(first.shown()));
            ok = false;
        } else if (item.kind == K::range && by(k)) {
            error(item.refs[k].second, "a range is between two single figures; '" + r.name + "' is a figure for each " + r.by->name,
                  {"name one member, as in " + r.name + "(" + r.by->example() + ")"});
            ok = false;
        } else if (by(k) != by(0)) {
            error(item.refs[k].second, "a " + word + " shows single figures or figures for each member of one enumeration, "
                                       "not both: '" + r.name + "' and '" + first.name + "' differ");
            ok = false;
        }
    }
    return ok;
}

// `with shares`: each member's share of its figure's total, for a table of figures by member.
void Checker::check_member_shares(const ast::ReportItem& item, const ReportItem& out) {
    const EnumDef* by = shown_by(p_, out, 0);
    if (!by) error(item.member_shares_where, "'with shares' is for a table of figures by member (each member's share of the "
                                             "figure's total); for single figures, write 'share of' and the figure they are parts of");
    for (std::size_t k = 0; k < out.rules.size() && by; ++k)
        if (!numeric(p_.rules[out.rules[k]])) {
            error(item.refs[k].second, "'" + p_.rules[out.rules[k]].name + "' is " + describe(p_.rules[out.rules[k]].shown()) +
                                           "; shares are of figures");
            break;
        }
}

// `share of total`: each single figure's share of another single figure, of the same unit, of the cohort or of
// each case as they are.
void Checker::check_share_of(const ast::ReportItem& item, const ReportItem& out) {
    const RuleDef& of = p_.rules[out.share_of];
    const EnumDef* by = shown_by(p_, out, 0);
    if (by || of.by) {
        error(item.share_where, by ? "'share of' is for a table of single figures; in a table of figures by member, "
                                     "write 'with shares' for each member's share of the figure's total"
                                   : "shares are shown for a table of single figures, as parts of one figure");
    } else if (!numeric(of)) {
        error(item.share_where, "'" + of.name + "' is " + describe(of.type) + "; shares are of a figure");
    } else if (of.cohort != out.cohort) {
        error(item.share_where, "the shares are of '" + of.name + "', which is " + (of.cohort ? "of the cohort" : "of each case") +
                                    ", and the table's figures are not");
    } else {
        for (std::size_t k = 0; k < out.rules.size(); ++k)
            if (!same_type(p_.rules[out.rules[k]].shown(), of.type, p_.units)) {
                error(item.refs[k].second, "'" + p_.rules[out.rules[k]].name + "' is " + describe(p_.rules[out.rules[k]].shown()) +
                                               ", so it cannot be a share of '" + of.name + "', which is " + describe(of.type));
                break;
            }
    }
}

// A cases table has a column per output: each a single figure.
void Checker::check_report_cases(const ast::ReportItem& item, const ReportItem& out) {
    for (std::size_t k = 0; k < out.rules.size(); ++k) {
        const RuleDef& r = p_.rules[out.rules[k]];
        if (shown_by(p_, out, k)) error(item.refs[k].second, "a cases table has a column per output, and '" + r.name +
                                                                  "' is a figure for each " + r.by->name);
    }
}

// A tornado, a distribution or a waterfall shows one single figure that is a number.
void Checker::check_single_figure(const ast::ReportItem& item, const ReportItem& out) {
    const std::string word = item_word(item.kind);
    const RuleDef& r = p_.rules[out.rules[0]];
    if (!numeric(r)) {
        error(item.refs[0].second, "a " + word + " shows a figure, and '" + r.name + "' is " + describe(r.shown()));
    } else if (shown_by(p_, out, 0)) {
        error(item.refs[0].second, "a " + word + " shows one figure, and '" + r.name + "' is a figure for each " + r.by->name,
              {"name one member, as in " + r.name + "(" + r.by->example() + ")"});
    }
}

// A tornado or a distribution shows one single figure, over the ranges (a tornado) or the distributions (a
// distribution) the ruleset declares on its params and table cells: there must be one.
void Checker::check_report_uncertain(const ast::ReportItem& item, const ReportItem& out) {
    check_single_figure(item, out);
    bool ranged = !p_.uncertain_cells.empty(), distributed = false;
    for (const auto& c : p_.uncertain_cells) distributed = distributed || c.range.distribution != Distribution::none;
    for (const auto& d : p_.params) {
        ranged = ranged || d.uncertain.has_value();
        distributed = distributed || (d.uncertain && d.uncertain->distribution != Distribution::none);
    }
    if (item.kind == K::tornado && !ranged)
        error(item.where, "a tornado shows how a figure swings over the ranges of its params and table cells, and the ruleset "
                          "declares none", {"declare one: param arrest_time = 6.5 hour range 3.5 hour to 6.5 hour"});
    if (item.kind == K::distribution && !distributed)
        error(item.where, "a distribution shows a figure over draws of the params and table cells with a distribution, and the "
                          "ruleset declares none", {"declare one: range 3.5 hour to 6.5 hour distributed uniform"});
}

}  // namespace reckon
