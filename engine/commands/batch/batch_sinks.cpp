// What `reckon batch` writes, format by format (batch_sinks.hpp).
#include "commands/batch/batch_sinks.hpp"

#include "data/read_csv.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace reckon {

namespace {

// "the 157 cases that succeeded", "the 1 case that succeeded"
std::string succeeded_text(std::size_t n) { return "the " + std::to_string(n) + (n == 1 ? " case" : " cases") + " that succeeded"; }

// Per-case outputs shown as columns: grouped figures are left to jsonl.
std::vector<std::size_t> column_outputs(const Program& p) {
    std::vector<std::size_t> cols;
    for (std::size_t i = 0; i < p.outputs.size(); ++i)
        if (!p.rules[p.outputs[i]].by) cols.push_back(i);
    return cols;
}

// Per-case figures by member in csv: a column per member, "name.member",
// with the output's index and the member's.
using GroupedColumns = std::vector<std::pair<std::string, std::pair<std::size_t, std::size_t>>>;
GroupedColumns grouped_columns(const Program& p) {
    GroupedColumns g;
    for (std::size_t i = 0; i < p.outputs.size(); ++i)
        if (const EnumDef* by = p.rules[p.outputs[i]].by)
            for (std::size_t m = 0; m < by->members.size(); ++m) g.push_back({p.rules[p.outputs[i]].name + "." + by->members[m], {i, m}});
    return g;
}

// A figure in a CSV cell: as shown, and an empty cell when it is not defined; a text (a case's, say) made inert
// if a spreadsheet would take it for a formula, a number, a date or a truth value as it is ("-£5.00").
std::string csv_value(const Program& p, const Type& t, int decimals, bool fixed, const Value& v) {
    if (v.kind == Value::Kind::none) return std::string();
    const std::string shown = display_value(p, t, decimals, fixed, v);
    const bool figure = v.kind == Value::Kind::number || v.kind == Value::Kind::date || v.kind == Value::Kind::boolean;
    return figure ? csv_field(shown) : csv_text_field(shown);
}

}  // namespace

BatchSink::BatchSink(const Program& p, BatchFormat format, bool scenarios)
    : p_(p), format_(format), scenarios_(scenarios), columns_(column_outputs(p)), grouped_(grouped_columns(p)), json_(p, p.outputs),
      ruleset_json_(",\"ruleset\":" + json_text(nlohmann::ordered_json{{"name", p.name}, {"version", p.version}})) {}

std::string BatchSink::opening() const {
    switch (format_) {
        case BatchFormat::csv: {
            std::string h = scenarios_ ? "case,file,scenario" : "case,file";
            for (std::size_t c : columns_) h += "," + csv_text_field(csv_header(p_, p_.rules[p_.outputs[c]], p_.rules[p_.outputs[c]].name));
            for (const auto& [name, at] : grouped_) h += "," + csv_text_field(csv_header(p_, p_.rules[p_.outputs[at.first]], name));
            return h + ",error\n";
        }
        case BatchFormat::table: return p_.name + (p_.version.empty() ? "" : ", version " + p_.version) + "\n\n";
        case BatchFormat::jsonl:
        case BatchFormat::kept: return "";
    }
    return "";
}

void BatchSink::failed(Outcome& out) const {
    const std::string& file = out.file;
    switch (format_) {
        case BatchFormat::kept: return;
        case BatchFormat::jsonl: {
            nlohmann::ordered_json j;
            j["case"] = out.id;
            j["file"] = file;
            if (out.document) j["document"] = out.document;
            j["error"] = out.failure.text.substr(0, out.failure.text.size() - (out.failure.text.empty() ? 0 : 1));
            out.line = json_text(j) + "\n";
            return;
        }
        case BatchFormat::csv:
            out.line = csv_text_field(out.id) + "," + csv_text_field(file) + (scenarios_ ? "," : "");
            for (std::size_t k = 0; k < csv_columns(); ++k) out.line += ",";
            out.line += "," + csv_text_field(one_line(out.failure)) + "\n";
            return;
        case BatchFormat::table: out.cells = {"failed: " + first_place(out.failure)}; return;
    }
}

void BatchSink::succeeded(Outcome& out, const CaseResult& r, const std::string* scenario) const {
    const std::string& file = out.file;
    const std::uint32_t document = out.document;
    switch (format_) {
        case BatchFormat::kept: return;
        case BatchFormat::jsonl:  // as json_text of {case, file, document, scenario, ruleset, outputs}, written directly
            out.line += "{\"case\":" + json_string(r.case_id) + ",\"file\":" + json_string(file);
            if (document) out.line += ",\"document\":" + std::to_string(document);
            if (scenario) out.line += ",\"scenario\":" + json_string(*scenario);
            out.line += ruleset_json_ + ",\"outputs\":" + json_.text(r.outputs) + "}\n";
            return;
        case BatchFormat::csv:
            out.line += csv_text_field(r.case_id) + "," + csv_text_field(file) + (scenario ? "," + csv_text_field(*scenario) : "");
            for (std::size_t c : columns_) {
                const RuleDef& d = p_.rules[p_.outputs[c]];
                out.line += "," + csv_value(p_, d.type, d.decimals, d.fixed_decimals, r.outputs[c]);
            }
            for (const auto& [_, at] : grouped_) {
                const RuleDef& d = p_.rules[p_.outputs[at.first]];
                out.line += "," + csv_value(p_, *d.type.element, d.decimals, d.fixed_decimals, (*r.outputs[at.first].items())[at.second]);
            }
            out.line += ",\n";
            return;
        case BatchFormat::table:  // under scenarios, the scenario's name, then its figures
            if (scenario) out.cells.push_back(*scenario);
            for (std::size_t c : columns_) out.cells.push_back(display_labelled(p_, p_.rules[p_.outputs[c]], r.outputs[c]));
            return;
    }
}

std::string BatchSink::table(const std::vector<Outcome>& rows) const {
    std::vector<std::string> head{"case"};
    std::vector<bool> right{false};
    if (scenarios_) {  // a line per case and scenario
        head.push_back("scenario");
        right.push_back(false);
    }
    for (std::size_t c : columns_) {
        const RuleDef& r = p_.rules[p_.outputs[c]];
        head.push_back(r.name);
        right.push_back(r.type.kind == TypeKind::number);
    }
    std::vector<std::size_t> w(head.size());
    auto width = [](const std::string& s) { return display_width(s); };
    for (std::size_t k = 0; k < head.size(); ++k) w[k] = width(head[k]);
    const std::size_t per_line = head.size() - 1;  // the cells of one line
    for (const auto& r : rows) {
        w[0] = std::max(w[0], width(r.id));
        if (r.ok)
            for (std::size_t k = 0; k < r.cells.size(); ++k) w[k % per_line + 1] = std::max(w[k % per_line + 1], width(r.cells[k]));
    }
    auto pad = [&](const std::string& s, std::size_t k, bool last) {
        std::string fill(w[k] - std::min(w[k], width(s)), ' ');
        if (right[k]) return fill + s;
        return last ? s : s + fill;
    };
    std::string out;
    auto line = [&](const std::string& id, const std::vector<std::string>& cells, bool ok) {
        std::string l = pad(id, 0, false);
        if (!ok) return l + "  " + cells.at(0) + "\n";
        for (std::size_t k = 0; k < cells.size(); ++k) l += "  " + pad(cells[k], k + 1, k + 1 == cells.size());
        return l + "\n";
    };
    out += line(head[0], std::vector<std::string>(head.begin() + 1, head.end()), true);
    for (const auto& r : rows) {
        if (!r.ok || per_line == 0) {
            out += line(r.id, r.cells, r.ok);
            continue;
        }
        for (std::size_t at = 0; at < r.cells.size(); at += per_line)
            out += line(r.id, std::vector<std::string>(r.cells.begin() + static_cast<std::ptrdiff_t>(at),
                                                       r.cells.begin() + static_cast<std::ptrdiff_t>(at + per_line)), true);
    }
    return out;
}

std::string BatchSink::cohort_csv(const std::vector<Value>& values) const {
    std::string out = "output,member,label,value,unit\n";
    for (std::size_t i = 0; i < p_.cohort_outputs.size() && i < values.size(); ++i) {
        const RuleDef& d = p_.rules[p_.cohort_outputs[i]];
        const Type& t = d.shown();
        const std::string unit = d.percent ? "%" : t.kind == TypeKind::number ? p_.units.name(t.unit) : "";
        auto row = [&](const std::string& member, const Value& v) {
            out += csv_text_field(d.name) + "," + csv_text_field(member) + "," + csv_text_field(d.shown_label()) + "," +
                   csv_value(p_, t, d.decimals, d.fixed_decimals, v) + "," + csv_text_field(unit) + "\n";
        };
        if (d.by && values[i].kind == Value::Kind::list)
            for (std::size_t m = 0; m < d.by->members.size(); ++m) row(d.by->members[m], (*values[i].items())[m]);
        else
            row("", values[i]);
    }
    return out;
}

void BatchSink::cohort(std::ostream& out, const std::vector<Value>& values, bool shown, std::size_t cases, std::size_t failed) const {
    switch (format_) {
        case BatchFormat::table:
            out << "\n" << cases << " case" << (cases == 1 ? "" : "s") << ", " << failed << " failed\n";
            if (shown) {
                out << "\nCohort (" << succeeded_text(cases - failed) << ")\n\n";
                out << render_outputs(p_, p_.cohort_outputs, values);
            }
            return;
        case BatchFormat::jsonl: {
            nlohmann::ordered_json j;
            j["cohort"]["outputs"] = shown ? outputs_json(p_, p_.cohort_outputs, values) : nlohmann::ordered_json::object();
            j["summary"] = {{"cases", cases}, {"failed", failed}};
            out << json_text(j) << "\n";
            return;
        }
        case BatchFormat::csv:
        case BatchFormat::kept: return;
    }
}

void BatchSink::scenario_cohort(std::ostream& out, const std::string& scenario, const std::vector<Value>& values) const {
    if (format_ != BatchFormat::jsonl || p_.cohort_outputs.empty()) return;
    nlohmann::ordered_json j;
    j["scenario"] = scenario;
    j["cohort"]["outputs"] = values.empty() ? nlohmann::ordered_json::object() : outputs_json(p_, p_.cohort_outputs, values);
    out << json_text(j) << "\n";
}

void BatchSink::scenario_summary(std::ostream& out, const std::vector<std::string>& names, const std::vector<std::vector<Value>>& values,
                                 std::size_t cases, std::size_t failed) const {
    switch (format_) {
        case BatchFormat::table:
            out << "\n" << cases << " case" << (cases == 1 ? "" : "s") << ", " << failed << " failed, under " << names.size() << " scenario"
                << (names.size() == 1 ? "" : "s") << "\n";
            if (!p_.cohort_outputs.empty() && cases > failed)
                out << "\nCohort (" << succeeded_text(cases - failed) << "), under each scenario\n\n"
                    << render_scenario_outputs(p_, p_.cohort_outputs, names, values);
            return;
        case BatchFormat::jsonl: {
            nlohmann::ordered_json j;
            j["summary"] = {{"cases", cases}, {"failed", failed}, {"scenarios", names.size()}};
            out << json_text(j) << "\n";
            return;
        }
        case BatchFormat::csv:
        case BatchFormat::kept: return;
    }
}

}  // namespace reckon
