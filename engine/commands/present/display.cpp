// How one figure is shown: rounded to its output's decimals in its own unit.
#include "commands/present/display.hpp"

namespace reckon {

Number in_own_unit(const Program& p, const RuleDef& r, const Value& v) {
    return v.n() / p.units.scale(r.shown().unit);
}

std::string display_value(const Program& p, const Type& t, int decimals, bool fixed, const Value& v) {
    switch (v.kind) {
        case Value::Kind::number: {
            Number x = v.n() / p.units.scale(t.unit);
            return fixed ? format_fixed(x, decimals) : format_trimmed(x, decimals);
        }
        case Value::Kind::boolean: return v.b() ? "true" : "false";
        case Value::Kind::text: return *v.s();
        case Value::Kind::date: return format_date(static_cast<long>(v.n().convert_to<long long>()));
        case Value::Kind::member: return t.enumeration->members.at(v.n().convert_to<std::size_t>());
        case Value::Kind::list: {
            std::string out;
            const Type& el = t.element ? *t.element : t;
            for (const auto& item : *v.items()) out += (out.empty() ? "" : ", ") + display_value(p, el, decimals, fixed, item);
            return out;
        }
        case Value::Kind::none: return "not defined";
    }
    return "";
}

std::string csv_header(const Program& p, const RuleDef& r, const std::string& name) {
    if (r.percent) return name + " (%)";
    const Type& t = r.shown();
    const std::string unit = t.kind == TypeKind::number ? p.units.name(t.unit) : "";
    return unit.empty() ? name : name + " (" + unit + ")";
}

std::string display(const Program& p, const RuleDef& r, const Value& v) {
    return display_value(p, r.type, r.decimals, r.fixed_decimals, v);
}

}  // namespace reckon
