// Slots of a compiled program found by name (the command line's --param, the tests), a table's keys as people
// read them, and where a param's value comes from in a run.
#include "core/program/program.hpp"

namespace reckon {

std::string param_source(const Program& p, int slot, const std::vector<Value>& params) {
    const ParamDef& d = p.params.at(static_cast<std::size_t>(slot));
    if (!d.run_data.empty()) return "the run data, " + d.run_data + (d.cite.source.empty() ? "" : " (" + d.cite.source + ")");
    return p.param_set(slot) ? "set for this run (--param " + d.name + ")" : d.source_in(params);
}

int Program::param_slot(const std::string& n) const {
    for (std::size_t i = 0; i < params.size(); ++i)
        if (params[i].name == n) return static_cast<int>(i);
    return -1;
}

int Program::rule_slot(const std::string& n) const {
    for (std::size_t i = 0; i < rules.size(); ++i)
        if (rules[i].name == n) return static_cast<int>(i);
    return -1;
}

const CellSetting* Program::cell_setting(int table, const std::string& key, int column) const {
    for (const auto& c : cell_settings)
        if (c.table == table && c.key == key && c.column == column) return &c;
    return nullptr;
}

bool Program::param_set(int slot) const {
    for (const auto& o : overrides)
        if (o.first == slot) return true;
    return false;
}

bool Program::rule_set(int slot) const {
    for (int r : rule_settings)
        if (r == slot) return true;
    return false;
}

std::string DatedValues::written() const {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ", ") + v.text + " from " + format_date(v.from);
    return out;
}

std::string DatedValues::period(std::size_t i) const {
    return "from " + format_date(values.at(i).from) + (i + 1 < values.size() ? " to " + format_date(values[i + 1].from - 1) : "");
}

std::string TableDef::row_key(const std::vector<Value>& values, int* no_band) const {
    std::string key;
    for (std::size_t k = 0; k < values.size() && k < keys.size(); ++k) {
        if (k) key += key_separator;
        if (!keys[k].banded) {
            key += key_text(values[k]);
            continue;
        }
        const int b = keys[k].band_of(values[k].n());
        if (b < 0) {
            if (no_band) *no_band = static_cast<int>(k);
            return "";
        }
        key += band_key_text(b);
    }
    return key;
}

std::vector<std::string> key_parts(const std::string& key) {
    std::vector<std::string> parts(1);
    for (char c : key.substr(0, key.find(date_separator))) {
        if (c == key_separator) parts.emplace_back();
        else parts.back() += c;
    }
    return parts;
}

std::vector<std::string> key_parts_shown(const TableDef& t, const std::string& key) {
    std::vector<std::string> out = key_parts(key);
    for (std::size_t k = 0; k < out.size() && k < t.keys.size(); ++k) {
        const TableKey& tk = t.keys[k];
        if (tk.banded) out[k] = tk.bands.at(std::stoul(out[k].substr(1))).text;
        else if (tk.type.kind == TypeKind::enumeration) out[k] = tk.type.enumeration->members.at(std::stoul(out[k].substr(1)));
        else out[k] = out[k].substr(1);
    }
    if (const auto at = key.find(date_separator); at != std::string::npos && !out.empty())  // a row from a date
        out.back() += " from " + format_date(std::stol(key.substr(at + 1)));
    return out;
}

std::string key_shown(const TableDef& t, const std::string& key) {
    std::string out;
    for (const auto& part : key_parts_shown(t, key)) out += (out.empty() ? "" : ", ") + part;
    return out;
}

std::string describe_keys(const TableDef& t, const UnitTable& units) {
    std::string out;
    for (const auto& k : t.keys) out += (out.empty() ? "" : ", ") + (k.banded ? "bands of " : std::string()) + describe(k.type, units);
    return out;
}

void set_cell(TableDef& t, const UncertainCell& c, const Value& v) { set_cell(t, CellRef{c.table, c.key, c.member, c.column}, v); }

void set_cell(TableDef& t, const CellRef& c, const Value& v) {
    std::vector<Value> row = t.rows.at(c.key).items().copy();
    row.at(static_cast<std::size_t>(c.column)) = v;
    t.rows[c.key] = Value::list(std::move(row));
    if (c.member >= 0 && !t.by_member.empty()) t.by_member.at(static_cast<std::size_t>(c.member)) = t.rows[c.key];
}

std::string Uncertain::written() const {
    const auto end = [](const std::string& text, const std::string& source) { return text + (source.empty() ? "" : " (source: " + source + ")"); };
    return end(low_text, low_source) + " to " + end(high_text, high_source) +
           (distribution == Distribution::none ? "" : ", " + std::string(distribution_name(distribution)) + (sd_text.empty() ? "" : " sd " + sd_text));
}

}  // namespace reckon
