// `reckon explain`: values as the derivation shows them, and as other commands quote it: a formula as written, on
// one line; a value with its unit, exactly or cut to a few decimals with "…" so that each step can be checked with
// a calculator; a param as an auditor reads it; a record with its fields' names; an input from a case.
#include "commands/explain/explainer.hpp"

#include "commands/present/present.hpp"

#include <algorithm>
#include <tuple>

namespace reckon {
namespace {

// The text a formula was written as: the span of its syntax tree, widened to
// take in the parentheses that the tree does not keep.
void extent(const ast::Expr& e, std::uint32_t& begin, std::uint32_t& end) {
    begin = std::min(begin, e.where.offset);
    end = std::max(end, e.where.offset + e.where.length);
    for (const auto& k : e.kids)
        if (k) extent(*k, begin, end);
}

// A number of type t to `places` decimals at most: exactly when it ends within them, else cut (not rounded) to
// them with "…", so that each step can be checked with a calculator.
std::string number_text(const Program& p, const Type& t, const Value& v, int places) {
    RuleDef shown;
    shown.type = t;
    shown.fixed_decimals = p.units.shows_money(t.unit);
    const Number scale = p.units.scale(t.unit);
    if (auto exact = exact_decimal(v.n() / scale, places)) {
        auto dot = exact->find('.');
        int decimals = dot == std::string::npos ? 0 : static_cast<int>(exact->size() - dot - 1);
        shown.decimals = std::max(decimals, shown.fixed_decimals ? 2 : 0);
        return display_with_unit(p, shown, v);
    }
    shown.decimals = places;
    shown.fixed_decimals = true;
    const Number step(1, boost::multiprecision::pow(Integer(10), static_cast<unsigned>(places)));
    std::string text = display_with_unit(p, shown, Value::number(round_to(v.n() / scale, step, RoundMode::down) * scale));
    const auto last = text.find_last_of("0123456789");
    return text.insert(last + 1, "…");
}

}  // namespace

std::string formula_text(const ast::Expr* e) {
    if (!e || !e->where.file) return "";
    std::uint32_t b = e->where.offset, en = b;
    extent(*e, b, en);
    const std::string& t = e->where.file->text();
    // the parentheses of the span: the lowest depth it reaches before its end (below 0: a '(' before it
    // closes inside it, as in `(n) * (k)`, whose tree spans `n) * (k`), and the depth at its end
    auto balance = [&] {
        int open = 0, lowest = 0;
        bool str = false;
        for (std::uint32_t i = b; i < en && i < t.size(); ++i) {
            if (t[i] == '"') str = !str;
            if (!str) open += t[i] == '(' ? 1 : t[i] == ')' ? -1 : 0;
            lowest = std::min(lowest, open);
        }
        return std::pair{lowest, open};
    };
    for (auto [lowest, open] = balance(); lowest < 0 || open > 0; std::tie(lowest, open) = balance()) {
        if (lowest < 0) {  // a '(' before the span
            std::uint32_t i = b;
            while (i > 0 && t[i - 1] != '(') --i;
            if (i == 0) break;
            b = i - 1;
        } else {  // a ')' after it
            std::uint32_t i = en;
            while (i < t.size() && t[i] != ')') ++i;
            if (i == t.size()) break;
            en = i + 1;
        }
    }
    std::string out;
    bool space = false;
    for (std::uint32_t i = b; i < en && i < t.size(); ++i) {  // on one line
        char ch = t[i];
        if (ch == '\n' || ch == ' ' || ch == '\t' || ch == '\r') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += ch;
    }
    return out;
}

std::string typed_value(const Program& p, const Type& t, const Value& v) {
    if (t.kind == TypeKind::record && t.record && v.kind == Value::Kind::list) return record_text(p, *t.record, v);  // a row, with its columns' names
    if (v.kind == Value::Kind::list && t.kind == TypeKind::list) {
        if (t.element->kind == TypeKind::record) return std::to_string(v.items()->size()) + (v.items()->size() == 1 ? " entry" : " entries");
        std::string items = display_value(p, t, 2, false, v);
        std::string unit = t.element->kind == TypeKind::number ? p.units.name(t.element->unit) : "";
        return (items.empty() ? "(none)" : items) + (unit.empty() || items.empty() ? "" : " " + unit);
    }
    // a value written out is shown as written; one with more decimals than 6 (£32,000 × 1.2 ÷ 1,650 an hour), to 6 and "…"
    if (v.kind == Value::Kind::number && t.kind == TypeKind::number) return number_text(p, t, v, 6);
    RuleDef shown;
    shown.type = t;
    shown.decimals = 2;
    return display_with_unit(p, shown, v);
}

bool written_as_percent(const Program& p, int slot) {
    const ParamDef& d = p.params[static_cast<std::size_t>(slot)];
    return d.syntax && d.syntax->kind == ast::ExprKind::percent && d.type.unit.dimensionless_syntax();
}

void set_exact(const Program& p, const Type& t, const Value& v, Derivation& d) {
    if (v.kind != Value::Kind::number || t.kind != TypeKind::number) return;
    d.exact = v.n().str();
    Unit base;
    for (const auto& [id, power] : p.units.dimension(t.unit)) base = base.times(Unit::of(id).power(power));
    d.exact_unit = p.units.name(base);
}

std::string percent_text(const Program& p, const Type& t, const Value& v, int places) {
    return number_text(p, t, Value::number(v.n() * 100), places) + "%";
}

std::string param_setting_text(const Program& p, int slot, const Value& v) {
    const ParamDef& d = p.params[static_cast<std::size_t>(slot)];
    if (v.kind == Value::Kind::none) return "none";
    if (v.kind != Value::Kind::number || d.type.kind != TypeKind::number) return typed_value(p, d.type, v);
    if (written_as_percent(p, slot)) return percent_text(p, d.type, v, 10);  // written 20%: shown 20%
    return number_text(p, d.type, v, 10);
}

std::string param_text(const Program& p, int slot, const Value& v) {
    const ParamDef& d = p.params[static_cast<std::size_t>(slot)];
    std::string text = param_setting_text(p, slot, v);
    if (v.kind == Value::Kind::number && d.type.kind == TypeKind::number && !written_as_percent(p, slot) &&
        text.find("…") != std::string::npos && d.type.unit.dimensionless_syntax()) {  // and the exact value, when it is a short fraction
        const Number& x = v.n();
        const std::string n = numerator(x).str(), q = denominator(x).str();
        if (n.size() <= 12 && q.size() <= 12) text += " (exactly " + n + "/" + q + ")";
    }
    return text;
}

std::string record_text(const Program& p, const RecordDef& r, const Value& v) {
    std::string out = "{";
    for (std::size_t f = 0; f < r.fields.size() && f < v.items()->size(); ++f) {
        const Value& x = (*v.items())[f];
        out += (f ? ", " : "") + r.fields[f].name + ": " + (x.kind == Value::Kind::none ? "not given" : typed_value(p, r.fields[f].type, x));
    }
    return out + "}";
}

std::string input_text(const Program& p, const Type& t, const Value& v, std::size_t entries) {
    if (t.kind == TypeKind::record && v.kind == Value::Kind::list) return record_text(p, *t.record, v);
    if (t.kind != TypeKind::list || t.element->kind != TypeKind::record || v.kind != Value::Kind::list) return typed_value(p, t, v);
    const auto& items = *v.items();
    std::string out = std::to_string(items.size()) + (items.size() == 1 ? " entry" : " entries");
    for (std::size_t i = 0; i < items.size() && i < entries; ++i) out += (i ? ", " : ": ") + record_text(p, *t.element->record, items[i]);
    if (items.size() > entries && entries > 0) out += ", … (--entries N shows more)";
    return out;
}

}  // namespace reckon
