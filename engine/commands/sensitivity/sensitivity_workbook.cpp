// `reckon sensitivity --format xlsx --out FILE.xlsx`: a sheet for each analysis, numbers stored as numbers in
// their figures' formats: One-way (the tornado), Switching, Two-way, Draws (the summary) and Draw values (each
// draw's drawn values and figures, for an auditor to trace any one), then Ranges and Provenance.
#include "commands/sensitivity/sensitivity_workbook.hpp"

#include "commands/workbook/workbook_writer.hpp"

namespace reckon {

namespace {

// The sensitivity workbook as it is written: its sheets, a step each, in the order they appear.
class SensitivitySheets {
public:
    SensitivitySheets(Writer& w, const SensitivityRuns& runs, const SensitivityFindings& f) : w_(w), p_(runs.program()), runs_(runs), f_(f) {}

    void write() {
        one_way_sheet();
        if (!f_.thresholds.empty()) switching_sheet();
        if (f_.grid) two_way_sheet(*f_.grid);
        if (f_.draws) {
            draws_sheet(*f_.draws);
            draw_values_sheet(*f_.draws);
        }
        ranges_sheet();
    }

private:
    // A figure (of target t) in its output's format.
    void figure(lxw_worksheet* s, lxw_row_t r, lxw_col_t c, std::size_t t, const Number& x) {
        const RuleDef& rule = p_.rules[static_cast<std::size_t>(runs_.targets()[t].rule)];
        w_.value(s, r, c, rule.shown(), rule.decimals, rule.fixed_decimals, rule.percent, Value::number(x));
    }

    // An uncertain value (the v-th) as exactly as a cell holds it.
    void value(lxw_worksheet* s, lxw_row_t r, lxw_col_t c, std::size_t v, const Number& x) {
        w_.param(s, r, c, runs_.values()[v].type, Value::number(x), false);
    }

    // a value's name with its unit, where its format does not show one: "arrest_time (hour)"
    std::string named(std::size_t v) const {
        const Type& t = runs_.values()[v].type;
        const std::string unit = p_.units.name(t.unit);
        return runs_.values()[v].name + (unit.empty() || p_.units.money_shape(t.unit) ? "" : " (" + unit + ")");
    }

    // One-way: each figure at each end of each value's range, and its swing, largest first.
    void one_way_sheet() {
        lxw_worksheet* one = w_.sheet("One-way");
        w_.header(one, {"figure", "value", "low", "high", "figure at low", "figure at high", "swing"});
        lxw_row_t r = 1;
        for (const auto& tornado : f_.one_way)
            for (const auto& row : tornado.rows) {
                const Uncertain& u = *runs_.values()[row.value].range;
                w_.text(one, r, 0, runs_.targets()[tornado.target].name);
                w_.text(one, r, 1, named(row.value));
                value(one, r, 2, row.value, u.low.n());
                value(one, r, 3, row.value, u.high.n());
                figure(one, r, 4, tornado.target, row.at_low);
                figure(one, r, 5, tornado.target, row.at_high);
                figure(one, r, 6, tornado.target, row.swing());
                ++r;
            }
        worksheet_set_column(one, 0, 0, 24, nullptr);
        worksheet_set_column(one, 1, 1, 48, nullptr);  // unit_costs(commercial_criminal_damage).social
        worksheet_set_column(one, 2, 6, 18, nullptr);
    }

    // Switching: for each threshold of a figure, where the figure reaches it as each value moves over its range.
    void switching_sheet() {
        lxw_worksheet* sw = w_.sheet("Switching");
        w_.header(sw, {"figure", "threshold", "value", "method", "switching value", "exactly (in its unit)", "bisection's tolerance"});
        lxw_row_t r = 1;
        for (const auto& t : f_.thresholds)
            for (const auto& s : t.switching) {
                w_.text(sw, r, 0, runs_.targets()[t.target].name);
                figure(sw, r, 1, t.target, t.value);
                w_.text(sw, r, 2, named(s.value));
                w_.text(sw, r, 3, switch_method_name(s.method));
                if (s.method == SwitchMethod::exact || s.method == SwitchMethod::bisection) {
                    value(sw, r, 4, s.value, s.at);
                    w_.text(sw, r, 5, (s.at / p_.units.scale(runs_.values()[s.value].type.unit)).str());
                }
                if (s.method == SwitchMethod::bisection) value(sw, r, 6, s.value, s.tolerance);
                ++r;
            }
        worksheet_set_column(sw, 0, 0, 24, nullptr);
        worksheet_set_column(sw, 1, 1, 16, nullptr);
        worksheet_set_column(sw, 2, 2, 36, nullptr);
        worksheet_set_column(sw, 3, 3, 14, nullptr);
        worksheet_set_column(sw, 4, 6, 28, nullptr);
    }

    // Two-way: the figure over a grid of two values, one down the rows and one across the columns.
    void two_way_sheet(const Grid& g) {
        lxw_worksheet* tw = w_.sheet("Two-way");
        w_.header(tw, {runs_.targets()[g.target].name + ": " + named(g.a) + " (rows) by " + named(g.b) + " (columns)"});
        for (std::size_t j = 0; j < g.b_values.size(); ++j) value(tw, 1, static_cast<lxw_col_t>(j + 1), g.b, g.b_values[j]);
        for (std::size_t i = 0; i < g.a_values.size(); ++i) {
            value(tw, static_cast<lxw_row_t>(i + 2), 0, g.a, g.a_values[i]);
            for (std::size_t j = 0; j < g.cells[i].size(); ++j) figure(tw, static_cast<lxw_row_t>(i + 2), static_cast<lxw_col_t>(j + 1), g.target, g.cells[i][j]);
        }
        worksheet_set_column(tw, 0, static_cast<lxw_col_t>(g.b_values.size()), 18, nullptr);
    }

    // Draws: a row per figure summing up its draws (mean, median, percentiles, the share beyond a threshold).
    void draws_sheet(const Draws& d) {
        lxw_worksheet* ds = w_.sheet("Draws");
        w_.header(ds, {"figure", "draws", "seed", "mean", "median", "2.5%", "97.5%", "lowest", "highest", "threshold", "share beyond it"});
        lxw_row_t r = 1;
        for (const auto& s : f_.summaries) {
            w_.text(ds, r, 0, runs_.targets()[s.target].name);
            worksheet_write_number(ds, r, 1, static_cast<double>(d.figures.size()), nullptr);
            worksheet_write_number(ds, r, 2, static_cast<double>(d.seed), nullptr);
            figure(ds, r, 3, s.target, s.mean);
            figure(ds, r, 4, s.target, s.median);
            figure(ds, r, 5, s.target, s.p2_5);
            figure(ds, r, 6, s.target, s.p97_5);
            figure(ds, r, 7, s.target, s.lowest);
            figure(ds, r, 8, s.target, s.highest);
            if (s.threshold) {
                figure(ds, r, 9, s.target, *s.threshold);
                worksheet_write_number(ds, r, 10, s.share.convert_to<double>(), w_.format("0.0%"));
            }
            ++r;
        }
        worksheet_set_column(ds, 0, 0, 24, nullptr);
        worksheet_set_column(ds, 1, 10, 15, nullptr);
    }

    // Draw values: each draw, its drawn values and its figures, as explain --draw K shows them.
    void draw_values_sheet(const Draws& d) {
        lxw_worksheet* dv = w_.sheet("Draw values");
        std::vector<std::string> head{"draw"};
        for (std::size_t i : d.drawn) head.push_back(named(i));
        for (const auto& t : runs_.targets()) head.push_back(t.name);
        w_.header(dv, head);
        for (std::size_t k = 0; k < d.figures.size(); ++k) {
            const auto row = static_cast<lxw_row_t>(k + 1);
            worksheet_write_number(dv, row, 0, static_cast<double>(k + 1), nullptr);
            const auto settings = drawn_settings(runs_.values(), d.seed, k + 1);
            lxw_col_t c = 1;
            for (std::size_t i : d.drawn) value(dv, row, c++, i, *settings[i]);
            for (std::size_t t = 0; t < runs_.targets().size(); ++t) figure(dv, row, c++, t, d.figures[k][t]);
        }
        worksheet_set_column(dv, 0, 0, 8, nullptr);
        worksheet_set_column(dv, 1, static_cast<lxw_col_t>(head.size()), 22, nullptr);
    }

    // Ranges: each uncertain value, its own value, its range with the sources of its ends, and its distribution.
    void ranges_sheet() {
        lxw_worksheet* rs = w_.sheet("Ranges");
        w_.header(rs, {"value", "its value", "low", "low's source", "high", "high's source", "distribution", "sd"});
        for (std::size_t i = 0; i < runs_.values().size(); ++i) {
            const UncertainValue& v = runs_.values()[i];
            const auto row = static_cast<lxw_row_t>(i + 1);
            w_.text(rs, row, 0, named(i));
            value(rs, row, 1, i, v.value.n());
            value(rs, row, 2, i, v.range->low.n());
            w_.wrapped(rs, row, 3, v.range->low_source, 50);
            value(rs, row, 4, i, v.range->high.n());
            w_.wrapped(rs, row, 5, v.range->high_source, 50);
            w_.text(rs, row, 6, v.range->distribution == Distribution::none ? "" : distribution_name(v.range->distribution));
            if (!v.range->sd_text.empty()) value(rs, row, 7, i, v.range->sd.n());
        }
        worksheet_set_column(rs, 0, 0, 48, nullptr);
        worksheet_set_column(rs, 1, 2, 16, nullptr);
        worksheet_set_column(rs, 3, 3, 50, nullptr);
        worksheet_set_column(rs, 4, 4, 16, nullptr);
        worksheet_set_column(rs, 5, 5, 50, nullptr);
        worksheet_set_column(rs, 6, 7, 14, nullptr);
    }

    Writer& w_;
    const Program& p_;
    const SensitivityRuns& runs_;
    const SensitivityFindings& f_;
};

}  // namespace

void write_sensitivity_workbook(const std::string& path, const SensitivityRuns& runs, const SensitivityFindings& f, const Provenance& prov) {
    Writer w(path, runs.program(), prov.date);
    SensitivitySheets(w, runs, f).write();
    w.provenance(prov);
    w.close();
}

}  // namespace reckon
