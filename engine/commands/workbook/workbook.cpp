#include "commands/workbook/workbook.hpp"

#include "commands/present/display.hpp"

#include "core/eval/eval.hpp"
#include "commands/explain/explain.hpp"
#include "commands/present/present.hpp"

#include "commands/workbook/workbook_writer.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <stdexcept>

namespace reckon {

void write_workbook(const std::string& path, const Program& p, const std::vector<Value>& params, const BatchResults& results,
                    const Provenance& prov) {
    write_workbook(path, p, params, std::vector<ReportRun>{{"", &p, &params, &results}}, prov);
}

void write_workbook(const std::string& path, const Program& p, const std::vector<Value>& params, const std::vector<ReportRun>& runs,
                    const Provenance& prov) {
    Writer w(path, p, prov.date);
    const BatchResults& results = *runs.at(0).results;  // which cases failed, and why: the same under every scenario
    const bool scenarios = !runs[0].scenario.empty();

    // Failures, first when a case failed: each error of each failed case, a row each, so that none is missed.
    std::size_t failed = 0;
    for (const auto& c : results.cases) failed += c.ok ? 0 : 1;
    if (failed) {
        lxw_worksheet* fs = w.sheet("Failures");
        w.header(fs, {"case", "file", "where", "error (" + std::to_string(failed) + " of " + std::to_string(results.cases.size()) +
                                                     " cases failed and are left out of every figure)"});
        lxw_row_t r = 1;
        for (const auto& c : results.cases) {
            if (c.ok) continue;
            for (const auto& [where, message] : c.failure.errors) {
                w.text(fs, r, 0, c.id);
                w.text(fs, r, 1, c.file);
                w.text(fs, r, 2, where);
                w.wrapped(fs, r, 3, message, 80);
                ++r;
            }
        }
        worksheet_set_column(fs, 0, 0, 14, nullptr);
        worksheet_set_column(fs, 1, 2, 30, nullptr);
        worksheet_set_column(fs, 3, 3, 80, nullptr);
    }

    // Cases: a column per output, a column per member of a figure by member.
    lxw_worksheet* cases = w.sheet("Cases");
    std::vector<std::string> head{"case", "file"};
    if (scenarios) head.push_back("scenario");
    const std::size_t first = head.size();  // the first column of figures
    struct Column { std::size_t output; int member; };
    std::vector<Column> columns;
    for (std::size_t i = 0; i < p.outputs.size(); ++i) {
        const RuleDef& r = p.rules[p.outputs[i]];
        if (r.by) {
            for (std::size_t m = 0; m < r.by->members.size(); ++m) {
                head.push_back(r.name + "." + r.by->members[m]);
                columns.push_back({i, static_cast<int>(m)});
            }
        } else {
            head.push_back(r.name);
            columns.push_back({i, -1});
        }
    }
    head.push_back("error");
    w.header(cases, head);
    lxw_row_t row = 1;
    for (std::size_t i = 0; i < results.cases.size(); ++i) {
        const CaseRecord& c = results.cases[i];
        if (!c.ok) {  // once, under no scenario
            w.text(cases, row, 0, c.id);
            w.text(cases, row, 1, c.file);
            const auto& errors = c.failure.errors;
            w.text(cases, row, static_cast<lxw_col_t>(columns.size() + first),
                   errors.empty() ? std::string() : (errors[0].where.empty() ? "" : errors[0].where + ": ") + errors[0].message +
                                                        (errors.size() > 1 ? " (and " + std::to_string(errors.size() - 1) + " more: see Failures)" : ""));
            ++row;
            continue;
        }
        for (const auto& run : runs) {  // a row under each scenario
            const CaseRecord& under = run.results->cases[i];
            w.text(cases, row, 0, under.id);
            w.text(cases, row, 1, under.file);
            if (scenarios) w.text(cases, row, 2, run.scenario);
            for (std::size_t k = 0; k < columns.size(); ++k) {
                const RuleDef& r = p.rules[p.outputs[columns[k].output]];
                const Value& v = under.outputs[columns[k].output];
                const Value& shown = columns[k].member < 0 || v.kind != Value::Kind::list ? v : (*v.items())[static_cast<std::size_t>(columns[k].member)];
                w.value(cases, row, static_cast<lxw_col_t>(k + first), r.shown(), r.decimals, r.fixed_decimals, r.percent, shown);
            }
            ++row;
        }
    }
    worksheet_set_column(cases, 0, 1, 18, nullptr);
    for (std::size_t k = 0; k < columns.size(); ++k)  // wide enough for its header, which wraps beyond 30 characters
        worksheet_set_column(cases, static_cast<lxw_col_t>(k + first), static_cast<lxw_col_t>(k + first),
                             static_cast<double>(std::clamp<std::size_t>(head[k + first].size() + 2, 10, 30)), nullptr);

    // Cohort: a row per figure (a row per member of a figure by member); a column of values per scenario.
    if (!p.cohort_outputs.empty()) {
        lxw_worksheet* cohort = w.sheet("Cohort");
        std::vector<std::string> head{"output", "member", "label"};
        for (const auto& run : runs) head.push_back(scenarios ? run.scenario : "value");
        head.push_back("unit");
        w.header(cohort, head);
        const auto unit_column = static_cast<lxw_col_t>(3 + runs.size());
        lxw_row_t r = 1;
        for (std::size_t i = 0; i < p.cohort_outputs.size(); ++i) {
            const RuleDef& d = p.rules[p.cohort_outputs[i]];
            const std::string unit = d.percent ? "%" : p.units.name(d.shown().unit);
            const std::size_t members = d.by ? d.by->members.size() : 1;
            for (std::size_t m = 0; m < members; ++m) {
                w.text(cohort, r, 0, d.name);
                if (d.by) w.text(cohort, r, 1, d.by->members[m]);
                w.text(cohort, r, 2, d.shown_label());
                for (std::size_t j = 0; j < runs.size(); ++j) {
                    static const Value none;
                    const auto& values = runs[j].results->cohort;  // empty when the cohort could not be computed
                    const Value& v = i < values.size() ? values[i] : none;
                    const Value& x = !d.by ? v : v.kind == Value::Kind::list ? (*v.items())[m] : none;
                    w.value(cohort, r, static_cast<lxw_col_t>(3 + j), d.shown(), d.decimals, d.fixed_decimals, d.percent, x);
                }
                if (!unit.empty()) w.text(cohort, r, unit_column, unit);
                ++r;
            }
        }
        worksheet_set_column(cohort, 0, 1, 24, nullptr);
        worksheet_set_column(cohort, 2, 2, 44, nullptr);
        worksheet_set_column(cohort, 3, static_cast<lxw_col_t>(2 + runs.size()), 16, nullptr);
    }

    // Scenarios: what each one sets, exactly, a column each.
    if (scenarios) {
        lxw_worksheet* ss = w.sheet("Scenarios");
        std::vector<std::string> head{"param or table cell"};
        for (const auto& run : runs) head.push_back(run.scenario);
        w.header(ss, head);
        lxw_row_t r = 1;
        for (const auto& set : scenario_settings(p, params, runs)) {
            w.text(ss, r, 0, set.name);
            for (std::size_t j = 0; j < set.values.size(); ++j) w.wrapped(ss, r, static_cast<lxw_col_t>(1 + j), set.values[j], 22);
            ++r;
        }
        worksheet_set_column(ss, 0, 0, 30, nullptr);
        worksheet_set_column(ss, 1, static_cast<lxw_col_t>(runs.size()), 22, nullptr);
    }

    // Parameters: the values this run used, with their sources.
    lxw_worksheet* ps = w.sheet("Parameters");
    w.header(ps, {"param", "value", "unit", "description", "source", "exactly"});
    for (std::size_t i = 0; i < p.params.size(); ++i) {
        const ParamDef& d = p.params[i];
        auto r = static_cast<lxw_row_t>(i + 1);
        w.text(ps, r, 0, d.name);
        const std::string exactly = param_text(p, static_cast<int>(i), params[i]);
        if (params[i].kind == Value::Kind::number) {
            w.param(ps, r, 1, d.type, params[i], !exactly.empty() && exactly.back() == '%');
        } else {
            w.text(ps, r, 1, typed_value(p, d.type, params[i]));
        }
        w.text(ps, r, 5, exactly);  // as the appendix and explain show it: exactly, or cut with "…" and the fraction
        w.text(ps, r, 2, p.units.name(d.type.unit));
        w.wrapped(ps, r, 3, d.cite.description, 60);
        w.wrapped(ps, r, 4, param_source(p, static_cast<int>(i), params), 60);
    }
    // Table cells set for this run, after the params, each with the value the ruleset gives.
    for (std::size_t i = 0; i < p.cell_settings.size(); ++i) {
        const CellSetting& c = p.cell_settings[i];
        const TableDef& t = p.tables[c.table];
        const Type& type = t.columns->fields[c.column].type;
        const Value& v = (*t.rows.at(c.key).items())[c.column];
        auto r = static_cast<lxw_row_t>(p.params.size() + 1 + i);
        w.text(ps, r, 0, c.name);
        if (v.kind == Value::Kind::number) w.param(ps, r, 1, type, v, false);
        else w.text(ps, r, 1, typed_value(p, type, v));
        w.text(ps, r, 2, p.units.name(type.unit));
        w.wrapped(ps, r, 3, "a cell of table " + t.name + "; the ruleset has " + typed_value(p, type, c.was), 60);
        w.wrapped(ps, r, 4, "set for this run (--param " + c.name + ")", 60);
    }
    worksheet_set_column(ps, 0, 0, 24, nullptr);
    worksheet_set_column(ps, 1, 2, 14, nullptr);
    worksheet_set_column(ps, 3, 4, 60, nullptr);
    worksheet_set_column(ps, 5, 5, 40, nullptr);

    // A sheet for each table of the ruleset: its rows as the run used them, each with the table's source, and a
    // note on a cell set for this run (with the ruleset's value).
    std::set<std::string> names{"failures", "cases", "cohort", "parameters", "provenance"};  // lower case: sheet names ignore case
    auto lower = [](std::string x) {
        std::transform(x.begin(), x.end(), x.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        return x;
    };
    for (std::size_t ti = 0; ti < p.tables.size(); ++ti) {
        const TableDef& t = p.tables[ti];
        std::string name = t.name.substr(0, 31);  // a sheet's name has at most 31 characters, and is the workbook's only one
        for (int n = 2; names.count(lower(name)); ++n) name = t.name.substr(0, 28) + " " + std::to_string(n);
        names.insert(lower(name));
        lxw_worksheet* ts = w.sheet(name.c_str());
        std::vector<std::string> head;  // a column for each key
        for (const auto& k : t.keys)
            head.push_back(k.banded ? "bands of " + describe(k.type, p.units) : k.type.kind == TypeKind::enumeration ? k.type.enumeration->name : "key");
        const auto keys = static_cast<lxw_col_t>(t.keys.size());
        for (const auto& f : t.columns->fields) head.push_back(f.name);
        head.push_back("source");
        head.push_back("set for this run");
        w.header(ts, head);
        const auto columns = static_cast<lxw_col_t>(t.columns->fields.size());
        lxw_row_t r = 1;
        for (const auto& k : t.order) {
            const Value& row = t.rows.at(k);
            const auto parts = key_parts_shown(t, k);
            for (lxw_col_t c = 0; c < keys; ++c) w.text(ts, r, c, parts.at(c));
            std::string notes;
            for (lxw_col_t c = 0; c < columns; ++c) {
                const Type& type = t.columns->fields[c].type;
                const Value& v = (*row.items())[c];
                if (v.kind == Value::Kind::number && type.kind == TypeKind::number) w.param(ts, r, keys + c, type, v, false);
                else w.text(ts, r, keys + c, typed_value(p, type, v));
                if (const CellSetting* set = p.cell_setting(static_cast<int>(ti), k, static_cast<int>(c)))
                    notes += (notes.empty() ? "" : "; ") + t.columns->fields[c].name + " (--param " + set->name + "; the ruleset has " +
                             typed_value(p, type, set->was) + ")";
            }
            w.wrapped(ts, r, keys + columns, t.source_of(k), 60);  // the row's own source, else the table's
            if (!notes.empty()) w.wrapped(ts, r, keys + columns + 1, notes, 30);
            ++r;
        }
        worksheet_set_column(ts, 0, keys - 1, 24, nullptr);
        worksheet_set_column(ts, keys, keys + columns - 1, 20, nullptr);  // £27,055.00 a year
        worksheet_set_column(ts, keys + columns, keys + columns, 60, nullptr);
        worksheet_set_column(ts, keys + columns + 1, keys + columns + 1, 30, nullptr);
    }

    w.provenance(prov);
    w.close();
}

}  // namespace reckon
