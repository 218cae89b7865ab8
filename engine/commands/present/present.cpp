#include "commands/present/present.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>

namespace reckon {


namespace {
// A number's digits with thousands separators, except a plain number of four digits or fewer: a year (2023),
// an identifier, a count as a spreadsheet shows it.
std::string grouped_digits(const Type& t, const std::string& digits) {
    const bool plain = t.unit.dimensionless_syntax() && std::min(digits.find('.'), digits.size()) <= 4;
    return plain ? digits : group_thousands(digits);
}

// A number of type t with its unit: "£2,356.36", "£449.02/week", "52 hour".
std::string with_unit(const Program& p, const Type& t, const std::string& text) {
    bool negative = !text.empty() && text[0] == '-';
    const std::string digits = negative ? text.substr(1) : text;
    std::string grouped = grouped_digits(t, digits);
    // money, and money per something: "£2,356.36", "£449.02/week"
    if (auto money = p.units.money_shape(t.unit)) {
        std::string body = money->symbol + grouped + money->per;
        return negative ? "-" + body : body;
    }
    std::string unit = p.units.name(t.unit);
    return (negative ? "-" : "") + grouped + (unit.empty() ? "" : " " + unit);
}


// A unit of time in words: its plural, and its article ("an hour", "a week"); empty for any other unit.
struct TimeWord {
    const char* one;
    const char* many;
    const char* article;
};
const TimeWord* time_word(const std::string& unit) {
    static const TimeWord words[] = {{"second", "seconds", "a"}, {"minute", "minutes", "a"}, {"hour", "hours", "an"},
                                     {"day", "days", "a"},       {"week", "weeks", "a"},     {"month", "months", "a"},
                                     {"year", "years", "a"}};
    for (const auto& w : words)
        if (unit == w.one) return &w;
    return nullptr;
}


std::size_t width(const std::string& s) { return display_width(s); }
}  // namespace

std::string display_with_unit(const Program& p, const RuleDef& r, const Value& v) {
    const Type& t = r.shown();
    std::string text = display_value(p, t, r.decimals, r.fixed_decimals, v);
    if (v.kind != Value::Kind::number) return text;
    return with_unit(p, t, std::move(text)) + (r.percent ? " %" : "");  // a percentage says so, once: the label need not
}

std::string display_labelled(const Program& p, const RuleDef& r, const Value& v) {
    const Type& t = r.shown();
    if (v.kind == Value::Kind::member && t.enumeration) return t.enumeration->labelled(v.n().convert_to<std::size_t>());
    return display_with_unit(p, r, v);
}

std::optional<std::string> unit_in_words(const std::string& unit, bool one) {
    const auto slash = unit.find('/');
    const std::string top = unit.substr(0, slash), per = slash == std::string::npos ? "" : unit.substr(slash + 1);
    std::string out;
    if (!top.empty()) {
        const TimeWord* w = time_word(top);
        if (!w) return std::nullopt;
        out = one ? w->one : w->many;
    }
    if (!per.empty()) {
        const TimeWord* w = time_word(per);
        if (!w) return std::nullopt;
        out += std::string(out.empty() ? "" : " ") + w->article + " " + w->one;
    }
    return out;
}

std::string display_for_readers(const Program& p, const RuleDef& r, const Value& v) {
    const Type& t = r.shown();
    if (v.kind == Value::Kind::member && t.enumeration) return t.enumeration->shown(v.n().convert_to<std::size_t>());  // "Pro rata"
    if (v.kind != Value::Kind::number || r.percent || t.kind != TypeKind::number) return display_with_unit(p, r, v);
    std::string text = display_value(p, t, r.decimals, r.fixed_decimals, v);
    const bool negative = !text.empty() && text[0] == '-';
    const std::string digits = negative ? text.substr(1) : text;
    const std::string grouped = grouped_digits(t, digits);
    if (auto money = p.units.money_shape(t.unit)) {  // "£845.12 a week"
        auto per = money->per.empty() ? std::optional<std::string>("") : unit_in_words(money->per, true);
        if (!per) return display_with_unit(p, r, v);
        return (negative ? "-" : "") + money->symbol + grouped + (per->empty() ? "" : " " + *per);
    }
    auto words = unit_in_words(p.units.name(t.unit), digits == "1");
    if (!words || words->empty()) return display_with_unit(p, r, v);
    return (negative ? "-" : "") + grouped + " " + *words;
}

std::string display_by_member(const Program& p, const RuleDef& r, const Value& v) {
    if (!r.by || v.kind != Value::Kind::list || v.items()->size() != r.by->members.size()) return display_with_unit(p, r, v);
    std::string out;
    for (std::size_t m = 0; m < r.by->members.size(); ++m)
        out += (m ? ", " : "") + r.by->members[m] + " " + display_with_unit(p, r, (*v.items())[m]);
    return out;
}

namespace {
// "N0002, N0004, …" wrapped to lines of at most `max` characters, each indented.
std::string wrapped(const std::string& text, std::size_t indent, std::size_t max) {
    std::string out, line;
    std::size_t from = 0;
    while (from < text.size()) {
        std::size_t to = text.find(", ", from);
        std::string word = text.substr(from, to == std::string::npos ? std::string::npos : to + 1 - from);
        from = to == std::string::npos ? text.size() : to + 2;
        if (!line.empty() && indent + width(line) + 1 + width(word) > max) {
            out += std::string(indent, ' ') + line + "\n";
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    if (!line.empty()) out += std::string(indent, ' ') + line + "\n";
    return out.empty() ? std::string(indent, ' ') + "(none)\n" : out;
}
}  // namespace

std::string render_outputs(const Program& p, const std::vector<int>& slots, const std::vector<Value>& values) {
    // Single figures line up in one column; figures by member (rule f(t: E))
    // that follow each other make one table with a row per member; lists
    // are written out under their label.
    std::size_t lw = 0, vw = 0;
    for (std::size_t i = 0; i < slots.size(); ++i) {
        const RuleDef& d = p.rules[slots[i]];
        if (d.by || d.type.kind == TypeKind::list) continue;
        lw = std::max(lw, width(d.shown_label()));
        vw = std::max(vw, width(display_labelled(p, d, values[i])));
    }
    std::string out;
    bool after_block = false;  // a table or a list: set apart by blank lines
    auto block = [&] {
        if (!out.empty()) out += "\n";
        after_block = true;
    };
    for (std::size_t i = 0; i < slots.size(); ++i) {
        const RuleDef& d = p.rules[slots[i]];
        std::string label = d.shown_label();
        if (d.type.kind == TypeKind::list) {
            block();
            out += "  " + label + "\n" + wrapped(display_with_unit(p, d, values[i]), 4, 100);
        } else if (d.by) {
            block();
            std::size_t j = i;
            while (j < slots.size() && p.rules[slots[j]].by == d.by) ++j;
            std::vector<std::vector<std::string>> cells(d.by->members.size() + 1);
            cells[0].push_back(d.by->name);
            for (std::size_t m = 0; m < d.by->members.size(); ++m) cells[m + 1].push_back(d.by->labelled(m));
            for (std::size_t k = i; k < j; ++k) {
                const RuleDef& g = p.rules[slots[k]];
                cells[0].push_back(g.shown_label());
                for (std::size_t m = 0; m < d.by->members.size(); ++m)
                    cells[m + 1].push_back(display_with_unit(p, g, (*values[k].items())[m]));
            }
            std::vector<std::size_t> w(cells[0].size(), 0);
            for (const auto& row : cells)
                for (std::size_t c = 0; c < row.size(); ++c) w[c] = std::max(w[c], width(row[c]));
            for (const auto& row : cells) {
                std::string line = "  " + row[0] + std::string(w[0] - width(row[0]), ' ');
                for (std::size_t c = 1; c < row.size(); ++c) line += "  " + std::string(w[c] - width(row[c]), ' ') + row[c];
                out += line + "\n";
            }
            i = j - 1;
        } else {
            if (after_block) out += "\n";
            after_block = false;
            std::string value = display_labelled(p, d, values[i]);
            out += "  " + label + std::string(lw - width(label) + 2, ' ') + std::string(vw - width(value), ' ') + value + "\n";
        }
    }
    return out;
}

std::string render_table(const Program& p, const CaseResult& r, const std::vector<std::string>& set) {
    std::string out = p.name + (p.version.empty() ? "" : ", version " + p.version) + "\n";
    out += "Case: " + r.case_id + "\n";
    std::string settings;
    for (const auto& s : set) settings += (settings.empty() ? "" : ", ") + s;
    if (!settings.empty()) out += "Set for this run: " + settings + "\n";
    out += "\n";
    return out + render_outputs(p, p.outputs, r.outputs);
}

std::string render_scenario_outputs(const Program& p, const std::vector<int>& slots, const std::vector<std::string>& names,
                                    const std::vector<std::vector<Value>>& values) {
    std::vector<std::vector<std::string>> rows{{""}};
    for (const auto& n : names) rows[0].push_back(n);
    static const Value none;
    for (std::size_t i = 0; i < slots.size(); ++i) {
        const RuleDef& r = p.rules[slots[i]];
        if (r.type.kind == TypeKind::list) continue;  // written out under the table
        const std::size_t members = r.by ? r.by->members.size() : 1;
        for (std::size_t m = 0; m < members; ++m) {
            std::vector<std::string> row{r.shown_label() + (r.by ? ": " + r.by->labelled(m) : "")};
            for (const auto& each : values) {
                const Value& v = i < each.size() ? each[i] : none;
                row.push_back(display_labelled(p, r, r.by && v.kind == Value::Kind::list ? (*v.items())[m] : r.by ? none : v));
            }
            rows.push_back(std::move(row));
        }
    }
    std::vector<std::size_t> w(rows[0].size(), 0);
    for (const auto& row : rows)
        for (std::size_t k = 0; k < row.size(); ++k) w[k] = std::max(w[k], width(row[k]));
    std::string out;
    for (const auto& row : rows) {
        std::string line = "  " + row[0] + std::string(w[0] - width(row[0]), ' ');
        for (std::size_t k = 1; k < row.size(); ++k) line += "  " + std::string(w[k] - width(row[k]), ' ') + row[k];
        out += line + "\n";
    }
    for (std::size_t i = 0; i < slots.size(); ++i) {  // each list under its label, a block per scenario
        const RuleDef& r = p.rules[slots[i]];
        if (r.type.kind != TypeKind::list) continue;
        for (std::size_t k = 0; k < values.size(); ++k)
            out += "\n  " + r.shown_label() + " (" + names[k] + ")\n" + wrapped(display_with_unit(p, r, i < values[k].size() ? values[k][i] : none), 4, 100);
    }
    return out;
}

nlohmann::ordered_json outputs_json(const Program& p, const std::vector<int>& slots, const std::vector<Value>& values) {
    nlohmann::ordered_json outs = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < slots.size(); ++i) {
        const RuleDef& d = p.rules[slots[i]];
        const Value& v = values[i];
        const Type& t = d.shown();
        auto one = [&](const Value& x) -> nlohmann::ordered_json {
            if (x.kind == Value::Kind::none) return nullptr;
            if (x.kind == Value::Kind::list) {
                auto arr = nlohmann::ordered_json::array();
                for (const auto& item : *x.items()) arr.push_back(display_value(p, *t.element, d.decimals, d.fixed_decimals, item));
                return arr;
            }
            return display_value(p, t, d.decimals, d.fixed_decimals, x);
        };
        nlohmann::ordered_json o;
        if (d.by) {
            nlohmann::ordered_json by = nlohmann::ordered_json::object();
            for (std::size_t m = 0; m < d.by->members.size(); ++m) by[d.by->members[m]] = one((*v.items())[m]);
            o["value"] = std::move(by);
        } else {
            o["value"] = one(v);
        }
        if (t.kind == TypeKind::number) {
            std::string unit = p.units.name(t.unit);
            if (!unit.empty()) o["unit"] = unit;
        }
        if (!d.label.empty()) o["label"] = d.label;
        outs[d.name] = std::move(o);
    }
    return outs;
}

std::string json_string(const std::string& s) {
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u >= 0x7F || c == '"' || c == '\\') return json_text(nlohmann::ordered_json(s));
    }
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    out += s;
    out += '"';
    return out;
}

OutputsJson::OutputsJson(const Program& p, const std::vector<int>& slots) : p_(p) {
    for (std::size_t i = 0; i < slots.size(); ++i) {
        const RuleDef& d = p.rules[slots[i]];
        Slot s{&d, (i ? "," : "") + json_string(d.name) + ":{\"value\":", "", {}};
        const Type& t = d.shown();
        if (t.kind == TypeKind::number) {
            std::string unit = p.units.name(t.unit);
            if (!unit.empty()) s.suffix += ",\"unit\":" + json_string(unit);
        }
        if (!d.label.empty()) s.suffix += ",\"label\":" + json_string(d.label);
        s.suffix += "}";
        if (d.by)
            for (std::size_t m = 0; m < d.by->members.size(); ++m) s.members.push_back((m ? "," : "") + json_string(d.by->members[m]) + ":");
        reserve_ += s.prefix.size() + s.suffix.size() + 24;  // and a figure's text, about
        slots_.push_back(std::move(s));
    }
}

void OutputsJson::value(std::string& out, const Slot& s, const Value& x) const {
    const RuleDef& d = *s.rule;
    const Type& t = d.shown();
    if (x.kind == Value::Kind::none) {
        out += "null";
    } else if (x.kind == Value::Kind::list) {
        out += '[';
        for (std::size_t k = 0; k < x.items()->size(); ++k) {
            if (k) out += ',';
            out += json_string(display_value(p_, *t.element, d.decimals, d.fixed_decimals, (*x.items())[k]));
        }
        out += ']';
    } else {
        out += json_string(display_value(p_, t, d.decimals, d.fixed_decimals, x));
    }
}

std::string OutputsJson::text(const std::vector<Value>& values) const {
    std::string out;
    out.reserve(reserve_);  // the line in one allocation, as a rule
    out += '{';
    for (std::size_t i = 0; i < slots_.size(); ++i) {
        const Slot& s = slots_[i];
        out += s.prefix;
        if (s.rule->by) {
            out += '{';
            for (std::size_t m = 0; m < s.members.size(); ++m) {
                out += s.members[m];
                value(out, s, (*values[i].items())[m]);
            }
            out += '}';
        } else {
            value(out, s, values[i]);
        }
        out += s.suffix;
    }
    out += '}';
    return out;
}

std::string json_text(const nlohmann::ordered_json& j, int indent) {
    return j.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string render_json(const Program& p, const CaseResult& r) {
    nlohmann::ordered_json j;
    j["case"] = r.case_id;
    j["ruleset"] = {{"name", p.name}, {"version", p.version}};
    j["outputs"] = outputs_json(p, p.outputs, r.outputs);
    return json_text(j) + "\n";
}

}  // namespace reckon
