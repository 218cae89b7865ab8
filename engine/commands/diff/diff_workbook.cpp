// The diff's workbook (diff_workbook.hpp): each sheet made as rows of cells first (a text, or a figure in its
// output's number format, with the text the diff shows it by), then written with its columns as wide as their
// widest cell, so that no status or figure is cut.
#include "commands/diff/diff_workbook.hpp"

#include "commands/workbook/workbook_writer.hpp"

#include <algorithm>
#include <set>

namespace reckon {

namespace {

constexpr std::size_t sheet_rows = 1048576;  // the rows a sheet holds, its header's included

// A column: its header, and how wide it may grow for its widest cell; a longer one wraps within it.
struct Column {
    std::string head;
    double widest;
};
constexpr double name_width = 50;    // a figure's name or label, a change's name, a formula
constexpr double figure_width = 22;  // a figure ("-£1,234,567.89"); a longer one (a list of cases) wraps
constexpr double exact_width = 30;   // an exact amount: a long fraction wraps

// A cell: a text, or a figure (a number, a date, a truth value) in its output's format under its own version;
// `text` is how the diff shows it, which sets the column's width.
struct Cell {
    Cell() = default;
    Cell(std::string shown) : text(std::move(shown)) {}  // NOLINT(google-explicit-constructor): a row is written as its texts
    Cell(std::string shown, const Program& of, const RuleDef& r, Value v) : text(std::move(shown)), p(&of), rule(&r), value(std::move(v)) {}

    std::string text;
    const Program* p = nullptr;
    const RuleDef* rule = nullptr;
    Value value;
};
using Row = std::vector<Cell>;

// A figure of output `r` of program `p`: a number, a date, a truth value or a member in its cell's format; a text
// where there is no such output or no value, and a text or a list as it is shown (a long one wraps).
Cell figure(const Program& p, const RuleDef* r, const Value& v, const std::string& shown) {
    switch (v.kind) {
        case Value::Kind::number:
        case Value::Kind::boolean:
        case Value::Kind::date:
        case Value::Kind::member: return r ? Cell{shown, p, *r, v} : Cell{shown};
        case Value::Kind::none:
        case Value::Kind::text:
        case Value::Kind::list: return {shown};
    }
    return {shown};
}

// An amount in the figure's own unit (a change, a part of one), shown as the output shows its figures.
Cell amount(const Program& p, const RuleDef* r, const Number& own, const std::string& shown) {
    return r ? figure(p, r, Value::number(own * p.units.scale(r->type.unit)), shown) : Cell{shown};
}

// An amount exactly: the number where it is a whole number of the figure's last decimal (whole pence), else the
// fraction, in the figure's own unit, as text ("1/300"), as the JSON's `exact` gives it.
Cell exactly(const Program& p, const RuleDef* r, const Number& own) {
    if (!r) return {own.str()};
    const Number step(1, boost::multiprecision::pow(Integer(10), static_cast<unsigned>(r->decimals)));
    if (round_to(own, step, RoundMode::half_away) != own) return {own.str()};
    const Value v = Value::number(own * p.units.scale(r->type.unit));
    return figure(p, r, v, display_with_unit(p, *r, v));
}

// A figure's label as the results workbook heads its column: the output's, and a member's ("Saving: Robbery").
std::string label_of(const RuleDef& r, const std::string& output) {
    const int m = figure_member(r, output);
    return m < 0 ? r.shown_label() : r.shown_label() + ": " + r.by->shown(static_cast<std::size_t>(m));
}

// A sheet of `rows` under the columns `head`: each column as wide as its widest cell, up to the column's widest
// (a longer text wraps). FileError naming `target` when the rows are more than a sheet holds.
void write_sheet(Writer& w, const std::string& target, const char* name, const std::vector<Column>& head, const std::vector<Row>& rows) {
    if (rows.size() + 1 > sheet_rows)
        throw FileError(target, std::string("the sheet ") + name + " would have " + std::to_string(rows.size() + 1) + " rows, more than the " +
                                    std::to_string(sheet_rows) + " a sheet holds: give fewer cases, or --format csv");
    lxw_worksheet* s = w.sheet(name);
    std::vector<std::string> heads;
    for (const auto& c : head) heads.push_back(c.head);
    w.header(s, heads);
    std::vector<double> width(head.size());
    for (std::size_t c = 0; c < head.size(); ++c) {
        std::size_t widest = 0;
        for (const auto& row : rows)
            if (c < row.size()) widest = std::max(widest, display_width(row[c].text));
        width[c] = std::min(head[c].widest, Writer::column_width(display_width(head[c].head), widest));
    }
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < rows[r].size() && c < head.size(); ++c) {
            const Cell& x = rows[r][c];
            const auto at_r = static_cast<lxw_row_t>(r + 1);
            const auto at_c = static_cast<lxw_col_t>(c);
            if (x.rule) w.value(*x.p, s, at_r, at_c, x.rule->shown(), x.rule->decimals, x.rule->fixed_decimals, x.rule->percent, x.value);
            else if (!x.text.empty()) w.wrapped(s, at_r, at_c, x.text, width[c]);  // at the top of its row, as a wrapped text beside it
        }
    for (std::size_t c = 0; c < head.size(); ++c) worksheet_set_column(s, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width[c], nullptr);
}

// The diff's sheets, each made as rows, in the order they appear.
class DiffSheets {
public:
    DiffSheets(const DiffBook& b, const std::vector<Change>& changes, const std::vector<ScenarioEffects>& effects)
        : b_(b), changes_(changes), effects_(effects),
          scenarios_(std::any_of(effects.begin(), effects.end(), [](const ScenarioEffects& e) { return !e.scenario.empty(); })) {}

    void write(Writer& w, const std::string& target) {
        const std::vector<Row> failures = failure_rows();
        if (!failures.empty())  // first, as the results workbook has them: none is missed
            write_sheet(w, target, "Failures", with_scenario({{"Error (each case or cohort that could not be evaluated under a version)", 100}}),
                        failures);
        write_sheet(w, target, "Changes",
                    {{"Section", 12}, {"Change", 10}, {"Declaration", name_width}, {"Aspect", 16}, {"Before", 60}, {"After", 60}}, changes_rows());
        if (effects_.empty()) return;
        write_sheet(w, target, "Figures",
                    with_scenario({{"Case", 30}, {"File", 40}, {"Figure", name_width}, {"Label", name_width}, {"Before", figure_width},
                                   {"After", figure_width}, {"Change", figure_width}}),
                    figure_rows());
        const bool attributed = std::any_of(effects_.begin(), effects_.end(), [](const ScenarioEffects& e) { return e.effects.attribution.has_value(); });
        if (attributed)
            write_sheet(w, target, "Attribution",
                        with_scenario({{"Case", 30}, {"File", 40}, {"Figure", name_width}, {"Moved by", name_width}, {"Amount", figure_width},
                                       {"Exact amount", exact_width}}),
                        attribution_rows());
        const std::vector<Row> parts = parts_rows();
        if (!parts.empty())
            write_sheet(w, target, "Parts",
                        with_scenario({{"Figure", name_width}, {"Made as", 20}, {"Part", name_width}, {"Added or taken away", 12},
                                       {"Change", figure_width}, {"Exact change", exact_width}}),
                        parts);
        const std::vector<Row> by_case = by_case_rows();
        if (!by_case.empty())
            write_sheet(w, target, "By case",
                        with_scenario({{"Figure", name_width}, {"Cases, or a case", 30}, {"File", 40}, {"In", 22}, {"Change", figure_width},
                                       {"Exact change", exact_width}}),
                        by_case);
    }

private:
    std::vector<Column> with_scenario(std::vector<Column> head) const {
        if (scenarios_) head.insert(head.begin(), {"Scenario", 30});
        return head;
    }

    // Failures: each case that could not be evaluated under a version, and a cohort that could not, a row each.
    std::vector<Row> failure_rows() const {
        std::vector<Row> rows;
        for (const auto& e : effects_)
            for (const auto& error : e.effects.errors) {
                Row row;
                if (scenarios_) row.push_back({e.scenario});
                row.push_back({error.substr(0, error.find_last_not_of('\n') + 1)});
                rows.push_back(std::move(row));
            }
        return rows;
    }

    // Changes: a row for each aspect of each change (a change without one, a row of its own).
    std::vector<Row> changes_rows() const {
        std::vector<Row> rows;
        for (const auto& c : changes_) {
            const Row lead{{c.section}, {change_kind_name(c.kind)}, {c.name}};
            if (c.aspects.empty()) rows.push_back(lead);
            for (const auto& a : c.aspects) {
                Row row = lead;
                row.insert(row.end(), {{a.what}, {a.before}, {a.after}});
                rows.push_back(std::move(row));
            }
        }
        return rows;
    }

    // The cells that say which figure a row is of: its scenario, case (the cohort's: "(the cohort)") and file, and its output.
    Row figure_lead(const std::string& scenario, const FigureChange& c, bool cohort) const {
        Row row;
        if (scenarios_) row.push_back({scenario});
        row.insert(row.end(), {{cohort ? "(the cohort)" : c.case_id}, {c.file}, {c.output}});
        return row;
    }

    // The cohort's figures, then each case's, each with whether it is the cohort's.
    template <class Each>
    void each_figure(Each each) const {
        for (const auto& e : effects_) {
            for (const auto& c : e.effects.cohort) each(e.scenario, c, true);
            for (const auto& c : e.effects.changes) each(e.scenario, c, false);
        }
    }

    // Figures: each figure that changed, before and after (each in its own version's format) and its change.
    std::vector<Row> figure_rows() const {
        std::vector<Row> rows;
        each_figure([&](const std::string& scenario, const FigureChange& c, bool cohort) {
            const RuleDef* was = figure_rule(b_.old_p, c.output, cohort);
            const RuleDef* is = figure_rule(b_.new_p, c.output, cohort);
            Row row = figure_lead(scenario, c, cohort);
            row.push_back({is ? label_of(*is, c.output) : was ? label_of(*was, c.output) : ""});
            row.push_back(figure(b_.old_p, was, c.old_value, c.before));
            row.push_back(figure(b_.new_p, is, c.new_value, c.after));
            row.push_back(c.difference.empty() ? Cell{} : amount(b_.new_p, is, c.delta, c.difference));
            rows.push_back(std::move(row));
        });
        return rows;
    }

    // Attribution: a row for each part of each figure's change, then for each interaction; a figure that could
    // not be split, a row saying why.
    std::vector<Row> attribution_rows() const {
        std::vector<Row> rows;
        each_figure([&](const std::string& scenario, const FigureChange& c, bool cohort) {
            const RuleDef* is = figure_rule(b_.new_p, c.output, cohort);
            auto part = [&](const std::string& change, const Share& s) {
                Row row = figure_lead(scenario, c, cohort);
                row.insert(row.end(), {{change}, amount(b_.new_p, is, s.amount, s.shown), exactly(b_.new_p, is, s.amount)});
                rows.push_back(std::move(row));
            };
            for (const auto& s : c.attribution) part(s.change, s);
            for (const auto& s : c.interactions) part("together: " + s.change, s);
            if (!c.unattributed.empty()) {
                Row row = figure_lead(scenario, c, cohort);
                row.push_back({c.unattributed});
                rows.push_back(std::move(row));
            }
        });
        return rows;
    }

    // By case: for each cohort figure split case by case, each group of cases that has any, then each case whose
    // part changed; then for each figure given through its parts, each part's ("saving_pnc: baseline_cost").
    std::vector<Row> by_case_rows() const {
        std::vector<Row> rows;
        for (const auto& e : effects_)
            for (const auto& c : e.effects.cohort) {
                if (c.by_case) split_rows(e.scenario, c.output, figure_rule(b_.new_p, c.output, true), *c.by_case, rows);
                if (!c.parts) continue;
                std::set<std::string> split;  // a part in both sides of a ratio, once
                for (const auto& side : c.parts->sides)
                    for (const auto& t : side.terms)
                        if (split.insert(t.name).second) split_rows(e.scenario, c.output + ": " + t.name, term_rule(t.name), t.by_case, rows);
            }
        return rows;
    }

    // A figure's change case by case: its groups of cases, then each case.
    void split_rows(const std::string& scenario, const std::string& figure, const RuleDef* is, const CaseSplit& s, std::vector<Row>& rows) const {
        auto row = [&](const std::string& who, const std::string& file, const char* in, const Number& own, const std::string& shown) {
            Row r;
            if (scenarios_) r.push_back({scenario});
            r.insert(r.end(), {{figure}, {who}, {file}, {in}, amount(b_.new_p, is, own, shown), exactly(b_.new_p, is, own)});
            rows.push_back(std::move(r));
        };
        for (const CaseMove m : {CaseMove::both, CaseMove::new_only, CaseMove::old_only}) {
            const auto& g = s.groups[static_cast<std::size_t>(m)];
            if (g.cases > 0) row(std::to_string(g.cases) + (g.cases == 1 ? " case" : " cases"), "", case_move_text(m), g.amount, g.shown);
        }
        for (const auto& k : s.largest) row(k.case_id, k.file, case_move_text(k.move), k.amount, k.shown);
    }

    // The cohort rule or output a part names, in the new version.
    const RuleDef* term_rule(const std::string& name) const {
        const int slot = b_.new_p.rule_slot(name);
        return slot < 0 ? nullptr : &b_.new_p.rules[static_cast<std::size_t>(slot)];
    }

    // Parts: for each figure given through its parts, each side (a sum's one; a ratio's numerator and denominator),
    // then each of its parts (of a side of more than one), added or taken away, with its change.
    std::vector<Row> parts_rows() const {
        std::vector<Row> rows;
        for (const auto& e : effects_)
            for (const auto& c : e.effects.cohort) {
                if (!c.parts) continue;
                for (std::size_t i = 0; i < c.parts->sides.size(); ++i) {
                    const SideChange& side = c.parts->sides[i];
                    auto row = [&](const std::string& kind, const std::string& part, const std::string& sign, const RuleDef* r, const Number& delta,
                                   const Number& own, const std::string& shown) {
                        Row x;
                        if (scenarios_) x.push_back({e.scenario});
                        x.insert(x.end(), {{c.output}, {kind}, {part}, {sign}, amount(b_.new_p, r, delta, shown), exactly(b_.new_p, r, own)});
                        rows.push_back(std::move(x));
                    };
                    const std::string kind = c.parts->kind == PartsKind::sum ? "sum" : i == 0 ? "ratio: numerator" : "ratio: denominator";
                    row(kind, side.formula, "", term_rule(side.terms.front().name), side.delta, side.amount, side.shown);
                    for (const auto& t : side.terms)  // a side of one part is that part
                        if (side.terms.size() > 1) row(kind, t.name, t.sign < 0 ? "taken away" : "added", term_rule(t.name), t.delta, t.amount, t.shown);
                }
            }
        return rows;
    }

    const DiffBook& b_;
    const std::vector<Change>& changes_;
    const std::vector<ScenarioEffects>& effects_;
    const bool scenarios_;
};

// Compared: the two versions, the date and reckon's version.
void compared_sheet(Writer& w, const DiffBook& b) {
    lxw_worksheet* s = w.sheet("Compared", false);
    const std::pair<const char*, std::string> lines[] = {
        {"old version", b.old_name}, {"new version", b.new_name}, {"date", b.date}, {"produced by", "reckon " + b.reckon_version}};
    lxw_row_t r = 0;
    std::size_t widest = 0;
    for (const auto& [what, value] : lines) {
        w.text(s, r, 0, what, w.bold());
        w.text(s, r++, 1, value);
        widest = std::max(widest, display_width(value));
    }
    worksheet_set_column(s, 0, 0, 16, nullptr);
    worksheet_set_column(s, 1, 1, Writer::column_width(0, widest), nullptr);
}

}  // namespace

void write_diff_workbook(const std::string& path, const DiffBook& book, const std::vector<Change>& changes,
                         const std::vector<ScenarioEffects>& effects) {
    Writer w(path, book.new_p, book.date);
    DiffSheets(book, changes, effects).write(w, book.target);
    compared_sheet(w, book);
    w.close();
}

}  // namespace reckon
