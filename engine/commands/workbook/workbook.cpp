// `reckon batch --format xlsx`, the results workbook: a step for each sheet, in the order they appear:
// Failures (when a case failed), Cases, Cohort, Scenarios (under scenarios), Parameters, a sheet for each
// table of the ruleset, and Provenance. The sheets' writer, shared with the sensitivity workbook, is
// workbook_writer.hpp.
#include "commands/workbook/workbook.hpp"

#include "commands/workbook/workbook_writer.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <set>

namespace reckon {

namespace {

// A column of figures on the Cases sheet: an output, and one member of it when it is by member (else -1).
struct Column {
    std::size_t output;
    int member;
};

// The results workbook as it is written: its sheets, a step each, in the order they appear.
class ResultsWorkbook {
public:
    ResultsWorkbook(Writer& w, const Program& p, const std::vector<Value>& params, const std::vector<ReportRun>& runs)
        : w_(w), p_(p), params_(params), runs_(runs), results_(*runs.at(0).results), scenarios_(!runs[0].scenario.empty()) {}

    void write() {
        failures_sheet();
        cases_sheet();
        if (!p_.cohort_outputs.empty()) cohort_sheet();
        if (scenarios_) scenarios_sheet();
        parameters_sheet();
        table_sheets();
    }

private:
    // Failures, first when a case failed: each error of each failed case, a row each, so that none is missed.
    void failures_sheet() {
        std::size_t failed = 0;
        for (const auto& c : results_.cases) failed += c.ok ? 0 : 1;
        if (!failed) return;
        lxw_worksheet* fs = w_.sheet("Failures");
        w_.header(fs, {"case", "file", "where", "error (" + std::to_string(failed) + " of " + std::to_string(results_.cases.size()) +
                                                      " cases failed and are left out of every figure)"});
        lxw_row_t r = 1;
        for (const auto& c : results_.cases) {
            if (c.ok) continue;
            for (const auto& [where, message] : c.failure.errors) {
                w_.text(fs, r, 0, c.id);
                w_.text(fs, r, 1, c.file);
                w_.text(fs, r, 2, where);
                w_.wrapped(fs, r, 3, message, 80);
                ++r;
            }
        }
        worksheet_set_column(fs, 0, 0, 14, nullptr);
        worksheet_set_column(fs, 1, 2, 30, nullptr);
        worksheet_set_column(fs, 3, 3, 80, nullptr);
    }

    // Cases: a row per case (under scenarios, a row per case and scenario), a column per output, a column per
    // member of a figure by member; a failed case once, with its error.
    void cases_sheet() {
        lxw_worksheet* cases = w_.sheet("Cases");
        std::vector<std::string> head{"case", "file"};
        if (scenarios_) head.push_back("scenario");
        const std::size_t first = head.size();  // the first column of figures
        std::vector<std::string> names;          // each figure's column by its output's name, in a note on its header
        const std::vector<Column> columns = figure_columns(head, names);
        head.push_back("error");
        w_.header(cases, head);
        for (std::size_t k = 0; k < names.size(); ++k)
            worksheet_write_comment(cases, 0, static_cast<lxw_col_t>(k + first), ("output " + names[k]).c_str());
        std::vector<std::size_t> widest(columns.size(), 0);  // each column's widest figure as shown
        lxw_row_t row = 1;
        for (std::size_t i = 0; i < results_.cases.size(); ++i) {
            const CaseRecord& c = results_.cases[i];
            if (!c.ok) {  // once, under no scenario
                failed_case(cases, row++, c, static_cast<lxw_col_t>(columns.size() + first));
                continue;
            }
            for (const auto& run : runs_) case_figures(cases, row++, run, run.results->cases[i], columns, first, widest);  // a row under each scenario
        }
        worksheet_set_column(cases, 0, 1, 18, nullptr);
        for (std::size_t k = 0; k < columns.size(); ++k)  // wide enough for its widest figure, and its header up to 30 characters
            worksheet_set_column(cases, static_cast<lxw_col_t>(k + first), static_cast<lxw_col_t>(k + first),
                                 Writer::column_width(display_width(head[k + first]), widest[k]), nullptr);
    }

    // The Cases sheet's columns of figures, each with its header, the label the ruleset gives it, added to
    // `head` ("Saving: Shoplifting") and its output's name to `names` ("saving.shoplifting").
    std::vector<Column> figure_columns(std::vector<std::string>& head, std::vector<std::string>& names) const {
        std::vector<Column> columns;
        for (std::size_t i = 0; i < p_.outputs.size(); ++i) {
            const RuleDef& r = p_.rules[p_.outputs[i]];
            if (r.by) {
                for (std::size_t m = 0; m < r.by->members.size(); ++m) {
                    head.push_back(r.shown_label() + ": " + r.by->shown(m));
                    names.push_back(r.name + "." + r.by->members[m]);
                    columns.push_back({i, static_cast<int>(m)});
                }
            } else {
                head.push_back(r.shown_label());
                names.push_back(r.name);
                columns.push_back({i, -1});
            }
        }
        return columns;
    }

    // A failed case's row: its id and file, and its first error in the last column (the rest are on Failures).
    void failed_case(lxw_worksheet* cases, lxw_row_t row, const CaseRecord& c, lxw_col_t error_column) {
        w_.text(cases, row, 0, c.id);
        w_.text(cases, row, 1, c.file);
        const auto& errors = c.failure.errors;
        w_.text(cases, row, error_column,
                errors.empty() ? std::string() : (errors[0].where.empty() ? "" : errors[0].where + ": ") + errors[0].message +
                                                     (errors.size() > 1 ? " (and " + std::to_string(errors.size() - 1) + " more: see Failures)" : ""));
    }

    // A case's row under one run: its id, file and scenario, and each figure as its output shows it.
    void case_figures(lxw_worksheet* cases, lxw_row_t row, const ReportRun& run, const CaseRecord& under, const std::vector<Column>& columns,
                      std::size_t first, std::vector<std::size_t>& widest) {
        w_.text(cases, row, 0, under.id);
        w_.text(cases, row, 1, under.file);
        if (scenarios_) w_.text(cases, row, 2, run.scenario);
        for (std::size_t k = 0; k < columns.size(); ++k) {
            const RuleDef& r = p_.rules[p_.outputs[columns[k].output]];
            const Value& v = under.outputs[columns[k].output];
            const Value& shown = columns[k].member < 0 || v.kind != Value::Kind::list ? v : (*v.items())[static_cast<std::size_t>(columns[k].member)];
            w_.value(cases, row, static_cast<lxw_col_t>(k + first), r.shown(), r.decimals, r.fixed_decimals, r.percent, shown);
            widest[k] = std::max(widest[k], display_width(display_for_readers(p_, r, shown)));
        }
    }

    // Cohort: a row per figure (a row per member of a figure by member); a column of values per scenario.
    void cohort_sheet() {
        lxw_worksheet* cohort = w_.sheet("Cohort");
        std::vector<std::string> head{"output", "member", "label"};
        for (const auto& run : runs_) head.push_back(scenarios_ ? run.scenario : "value");
        head.push_back("unit");
        w_.header(cohort, head);
        const auto unit_column = static_cast<lxw_col_t>(3 + runs_.size());
        lxw_row_t r = 1;
        for (std::size_t i = 0; i < p_.cohort_outputs.size(); ++i) {
            const RuleDef& d = p_.rules[p_.cohort_outputs[i]];
            const std::string unit = d.percent ? "%" : p_.units.name(d.shown().unit);
            const std::size_t members = d.by ? d.by->members.size() : 1;
            for (std::size_t m = 0; m < members; ++m) {
                w_.text(cohort, r, 0, d.name);
                if (d.by) w_.text(cohort, r, 1, d.by->members[m]);
                w_.text(cohort, r, 2, d.shown_label());
                for (std::size_t j = 0; j < runs_.size(); ++j) {
                    static const Value none;
                    const auto& values = runs_[j].results->cohort;  // empty when the cohort could not be computed
                    const Value& v = i < values.size() ? values[i] : none;
                    const Value& x = !d.by ? v : v.kind == Value::Kind::list ? (*v.items())[m] : none;
                    w_.value(cohort, r, static_cast<lxw_col_t>(3 + j), d.shown(), d.decimals, d.fixed_decimals, d.percent, x);
                }
                if (!unit.empty()) w_.text(cohort, r, unit_column, unit);
                ++r;
            }
        }
        worksheet_set_column(cohort, 0, 1, 24, nullptr);
        worksheet_set_column(cohort, 2, 2, 44, nullptr);
        worksheet_set_column(cohort, 3, static_cast<lxw_col_t>(2 + runs_.size()), 16, nullptr);
    }

    // Scenarios: what each one sets, exactly, a column each.
    void scenarios_sheet() {
        lxw_worksheet* ss = w_.sheet("Scenarios");
        std::vector<std::string> head{"param or table cell"};
        for (const auto& run : runs_) head.push_back(run.scenario);
        w_.header(ss, head);
        lxw_row_t r = 1;
        for (const auto& set : scenario_settings(p_, params_, runs_)) {
            w_.text(ss, r, 0, set.name);
            for (std::size_t j = 0; j < set.values.size(); ++j) w_.wrapped(ss, r, static_cast<lxw_col_t>(1 + j), set.values[j], 22);
            ++r;
        }
        worksheet_set_column(ss, 0, 0, 30, nullptr);
        worksheet_set_column(ss, 1, static_cast<lxw_col_t>(runs_.size()), 22, nullptr);
    }

    // Parameters: the values this run used, with their sources; then the table cells set for this run.
    void parameters_sheet() {
        lxw_worksheet* ps = w_.sheet("Parameters");
        w_.header(ps, {"param", "value", "unit", "description", "source", "exactly"});
        for (std::size_t i = 0; i < p_.params.size(); ++i) {
            const ParamDef& d = p_.params[i];
            auto r = static_cast<lxw_row_t>(i + 1);
            w_.text(ps, r, 0, d.name);
            const std::string exactly = param_text(p_, static_cast<int>(i), params_[i]);
            if (params_[i].kind == Value::Kind::number) {
                w_.param(ps, r, 1, d.type, params_[i], !exactly.empty() && exactly.back() == '%');
            } else {
                w_.text(ps, r, 1, typed_value(p_, d.type, params_[i]));
            }
            w_.text(ps, r, 5, exactly);  // as the appendix and explain show it: exactly, or cut with "…" and the fraction
            w_.text(ps, r, 2, p_.units.name(d.type.unit));
            w_.wrapped(ps, r, 3, d.cite.description, 60);
            w_.wrapped(ps, r, 4, param_source(p_, static_cast<int>(i), params_), 60);
        }
        auto row = static_cast<lxw_row_t>(p_.params.size() + 1);
        dated_rules(ps, row);
        cell_settings(ps, row);
        worksheet_set_column(ps, 0, 0, 24, nullptr);
        worksheet_set_column(ps, 1, 2, 14, nullptr);
        worksheet_set_column(ps, 3, 4, 60, nullptr);
        worksheet_set_column(ps, 5, 5, 40, nullptr);
    }

    // The params dated by a case input, after the others: each case's date picks one of their values (the
    // values, each from its date, with their sources), unless the run sets one for every case.
    void dated_rules(lxw_worksheet* ps, lxw_row_t& row) {
        for (std::size_t i = 0; i < p_.rules.size(); ++i) {
            const RuleDef& d = p_.rules[i];
            if (!d.dated.by_input) continue;
            const lxw_row_t r = row++;
            w_.text(ps, r, 0, d.name);
            w_.text(ps, r, 2, p_.units.name(d.type.unit));
            w_.wrapped(ps, r, 3, d.cite.description, 60);
            if (p_.rule_set(static_cast<int>(i))) {
                const Value& v = d.formula->value;
                if (v.kind == Value::Kind::number) w_.param(ps, r, 1, d.type, v, false);
                else w_.text(ps, r, 1, typed_value(p_, d.type, v));
                w_.text(ps, r, 5, typed_value(p_, d.type, v));
                w_.wrapped(ps, r, 4, "set for this run (--param " + d.name + "); the ruleset has " + d.dated.written(), 60);
                continue;
            }
            w_.text(ps, r, 1, "by each case's " + d.dated.by);
            std::string sources;
            for (std::size_t k = 0; k < d.dated.values.size(); ++k)
                sources += (k ? "; " : "") + d.dated.values[k].text + " " + d.dated.period(k) +
                           (d.dated.values[k].source.empty() ? "" : ": " + d.dated.values[k].source);
            w_.text(ps, r, 5, d.dated.written());
            w_.wrapped(ps, r, 4, sources, 60);
        }
    }

    // Table cells set for this run, after the params, each with the value the ruleset gives.
    void cell_settings(lxw_worksheet* ps, lxw_row_t& row) {
        for (std::size_t i = 0; i < p_.cell_settings.size(); ++i) {
            const CellSetting& c = p_.cell_settings[i];
            const TableDef& t = p_.tables[c.table];
            const Type& type = t.columns->fields[c.column].type;
            const Value& v = (*t.rows.at(c.key).items())[c.column];
            const lxw_row_t r = row++;
            w_.text(ps, r, 0, c.name);
            if (v.kind == Value::Kind::number) w_.param(ps, r, 1, type, v, false);
            else w_.text(ps, r, 1, typed_value(p_, type, v));
            w_.text(ps, r, 2, p_.units.name(type.unit));
            w_.wrapped(ps, r, 3, "a cell of table " + t.name + "; the ruleset has " + typed_value(p_, type, c.was), 60);
            w_.wrapped(ps, r, 4, "set for this run (--param " + c.name + ")", 60);
        }
    }

    // A sheet for each table of the ruleset, named as the table is, as far as a sheet's name can be.
    void table_sheets() {
        std::set<std::string> names{"failures", "cases", "cohort", "parameters", "provenance"};  // lower case: sheet names ignore case
        auto lower = [](std::string x) {
            std::transform(x.begin(), x.end(), x.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
            return x;
        };
        for (std::size_t ti = 0; ti < p_.tables.size(); ++ti) {
            const TableDef& t = p_.tables[ti];
            std::string name = t.name.substr(0, 31);  // a sheet's name has at most 31 characters, and is the workbook's only one
            for (int n = 2; names.count(lower(name)); ++n) name = t.name.substr(0, 28) + " " + std::to_string(n);
            names.insert(lower(name));
            table_sheet(ti, name);
        }
    }

    // A table's sheet: its rows as the run used them, each with the table's source, and a note on a cell set
    // for this run (with the ruleset's value).
    void table_sheet(std::size_t ti, const std::string& name) {
        const TableDef& t = p_.tables[ti];
        lxw_worksheet* ts = w_.sheet(name.c_str());
        std::vector<std::string> head;  // a column for each key
        for (const auto& k : t.keys)
            head.push_back(k.banded ? "bands of " + describe(k.type, p_.units) : k.type.kind == TypeKind::enumeration ? k.type.enumeration->name : "key");
        const auto keys = static_cast<lxw_col_t>(t.keys.size());
        for (const auto& f : t.columns->fields) head.push_back(f.name);
        head.push_back("source");
        head.push_back("set for this run");
        w_.header(ts, head);
        const auto columns = static_cast<lxw_col_t>(t.columns->fields.size());
        lxw_row_t r = 1;
        for (const auto& k : t.order) {
            const Value& row = t.rows.at(k);
            const auto parts = key_parts_shown(t, k);
            for (lxw_col_t c = 0; c < keys; ++c) w_.text(ts, r, c, parts.at(c));
            std::string notes;
            for (lxw_col_t c = 0; c < columns; ++c) {
                const Type& type = t.columns->fields[c].type;
                const Value& v = (*row.items())[c];
                if (v.kind == Value::Kind::number && type.kind == TypeKind::number) w_.param(ts, r, keys + c, type, v, false);
                else w_.text(ts, r, keys + c, typed_value(p_, type, v));
                if (const CellSetting* set = p_.cell_setting(static_cast<int>(ti), k, static_cast<int>(c)))
                    notes += (notes.empty() ? "" : "; ") + t.columns->fields[c].name + " (--param " + set->name + "; the ruleset has " +
                             typed_value(p_, type, set->was) + ")";
            }
            w_.wrapped(ts, r, keys + columns, t.source_of(k), 60);  // the row's own source, else the table's
            if (!notes.empty()) w_.wrapped(ts, r, keys + columns + 1, notes, 30);
            ++r;
        }
        worksheet_set_column(ts, 0, keys - 1, 24, nullptr);
        worksheet_set_column(ts, keys, keys + columns - 1, 20, nullptr);  // £27,055.00 a year
        worksheet_set_column(ts, keys + columns, keys + columns, 60, nullptr);
        worksheet_set_column(ts, keys + columns + 1, keys + columns + 1, 30, nullptr);
    }

    Writer& w_;
    const Program& p_;
    const std::vector<Value>& params_;
    const std::vector<ReportRun>& runs_;
    const BatchResults& results_;  // which cases failed, and why: the same under every scenario
    const bool scenarios_;
};

}  // namespace

void write_workbook(const std::string& path, const Program& p, const std::vector<Value>& params, const BatchResults& results,
                    const Provenance& prov) {
    write_workbook(path, p, params, std::vector<ReportRun>{{"", &p, &params, &results}}, prov);
}

void write_workbook(const std::string& path, const Program& p, const std::vector<Value>& params, const std::vector<ReportRun>& runs,
                    const Provenance& prov) {
    Writer w(path, p, prov.date);
    ResultsWorkbook(w, p, params, runs).write();
    w.provenance(prov);
    w.close();
}

}  // namespace reckon
