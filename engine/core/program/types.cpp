#include "core/program/types.hpp"

#include <algorithm>

namespace reckon {

namespace {
template <typename Terms>
void merge(Terms& into, const Terms& from, int sign) {
    for (const auto& term : from) {
        const int id = term.first, p = term.second;
        auto it = std::find_if(into.begin(), into.end(), [id](const auto& t) { return t.first == id; });
        if (it == into.end()) into.push_back({id, p * sign});
        else it->second += p * sign;
    }
    into.erase(std::remove_if(into.begin(), into.end(), [](const auto& t) { return t.second == 0; }), into.end());
    std::sort(into.begin(), into.end());
}
}  // namespace

Unit Unit::times(const Unit& o, int sign) const {
    Unit r = *this;
    merge(r.terms_, o.terms_, sign);
    return r;
}

Unit Unit::power(int p) const {
    Unit r;
    for (const auto& [id, q] : terms_) r.terms_.push_back({id, q * p});
    merge(r.terms_, {}, 1);
    return r;
}

int UnitTable::add(UnitDef def) {
    int id = static_cast<int>(defs_.size());
    if (def.dimension.empty() && def.scale == 1) def.dimension = {{id, 1}};  // a base unit
    by_name_[def.name] = id;
    defs_.push_back(std::move(def));
    return id;
}

int UnitTable::find(const std::string& name) const {
    auto it = by_name_.find(name);
    return it == by_name_.end() ? -1 : it->second;
}

int UnitTable::find_symbol(const std::string& symbol) const {
    for (std::size_t i = 0; i < defs_.size(); ++i)
        if (defs_[i].currency && defs_[i].symbol == symbol) return static_cast<int>(i);
    return -1;
}

Dimension UnitTable::dimension(const Unit& u) const {
    Dimension d;
    for (const auto& [id, p] : u.terms()) merge(d, defs_.at(id).dimension, p);
    return d;
}

Number UnitTable::scale(const Unit& u) const {
    Number s = 1;
    for (const auto& [id, p] : u.terms()) {
        const Number& f = defs_.at(id).scale;
        for (int i = 0; i < (p < 0 ? -p : p); ++i) s = p < 0 ? s / f : s * f;
    }
    return s;
}

bool UnitTable::shows_money(const Unit& u) const {
    for (const auto& [id, power] : u.terms())
        if (defs_.at(id).currency && power == 1) return true;
    return false;
}

std::optional<UnitTable::MoneyShape> UnitTable::money_shape(const Unit& u) const {
    for (const auto& [id, power] : u.terms()) {
        const UnitDef& cur = defs_.at(id);
        if (!cur.currency || power != 1 || cur.symbol.empty()) continue;
        std::string per = name(u.times(Unit::of(id), -1));
        if (!per.empty() && per.rfind("1/", 0) != 0) return std::nullopt;  // not a plain rate
        return MoneyShape{cur.symbol, per.empty() ? "" : per.substr(1)};
    }
    return std::nullopt;
}

Unit UnitTable::cancelled_to_money(const Unit& u) const {
    if (money_shape(u)) return u;
    Unit r = u;
    for (bool cancelled = true; cancelled;) {
        cancelled = false;
        for (const auto& [up, p] : r.terms()) {
            for (const auto& [down, q] : r.terms()) {
                if (p <= 0 || q >= 0 || dimension(Unit::of(up)) != dimension(Unit::of(down))) continue;
                r = r.times(Unit::of(up), -1).times(Unit::of(down));  // values are in base units: the value is the same
                cancelled = true;
                break;
            }
            if (cancelled) break;
        }
    }
    return money_shape(r) ? r : u;
}

std::optional<Number> UnitTable::written_number(const Unit& u, std::string_view text) const {
    // A plain decimal, as most case values are, has no symbol, percent sign or unit to take off: the rest is for
    // the written forms.
    if (auto plain = parse_decimal(text, true)) return plain;
    std::string digits(text);
    auto ends_with = [&](const std::string& tail) {
        return !tail.empty() && digits.size() > tail.size() && digits.compare(digits.size() - tail.size(), tail.size(), tail) == 0;
    };
    Number factor = 1;
    const std::string unit = name(u);
    if (auto money = money_shape(u); money && digits.rfind(money->symbol, 0) == 0) {
        digits.erase(0, money->symbol.size());
        if (ends_with(money->per)) digits.erase(digits.size() - money->per.size());
    } else if (u.dimensionless_syntax() && digits.size() > 1 && digits.back() == '%') {
        digits.pop_back();
        factor = Number::ratio(1, 100);
    } else if (ends_with(" " + unit)) {
        digits.erase(digits.size() - unit.size() - 1);
    } else if (const auto space = digits.rfind(' '); space != std::string::npos && !unit.empty()) {
        // another declared unit of the same dimension, converted exactly: 1.5 hour for an input in minutes
        const int other = find(digits.substr(space + 1));
        if (other < 0 || !same_dimension(Unit::of(other), u)) return std::nullopt;
        factor = scale(Unit::of(other)) / scale(u);
        digits.erase(space);
    }
    auto x = parse_decimal(digits, true);
    if (!x) return std::nullopt;
    return *x * factor;
}

std::string UnitTable::name(const Unit& u) const {
    std::string num, den;
    for (const auto& [id, p] : u.terms()) {
        std::string& side = p > 0 ? num : den;
        if (!side.empty()) side += "*";
        side += defs_.at(id).name;
        int a = p < 0 ? -p : p;
        if (a != 1) side += "^" + std::to_string(a);
    }
    if (den.empty()) return num;
    return (num.empty() ? "1" : num) + "/" + den;
}

std::string describe(const Type& t, const UnitTable& units) {
    if (t.optional) return "optional " + describe(t.required(), units);
    switch (t.kind) {
        case TypeKind::error: return "<error>";
        case TypeKind::number: {
            std::string n = units.name(t.unit);
            return n.empty() ? "number" : n;
        }
        case TypeKind::boolean: return "bool";
        case TypeKind::text: return "text";
        case TypeKind::date: return "date";
        case TypeKind::list: return "list of " + describe(*t.element, units);
        case TypeKind::record: return t.record && !t.record->name.empty() ? t.record->name : "record";
        case TypeKind::enumeration: return t.enumeration->name;
        case TypeKind::grouped: return describe(*t.element, units) + " by " + t.enumeration->name;
    }
    return "?";
}

bool same_type(const Type& a, const Type& b, const UnitTable& units) {
    if (a.is_error() || b.is_error()) return true;
    if (a.kind != b.kind) return false;
    switch (a.kind) {
        case TypeKind::number: return units.same_dimension(a.unit, b.unit);
        case TypeKind::list: return same_type(*a.element, *b.element, units);
        case TypeKind::record: return a.record == b.record;
        case TypeKind::enumeration: return a.enumeration == b.enumeration;
        case TypeKind::grouped: return a.enumeration == b.enumeration && same_type(*a.element, *b.element, units);
        case TypeKind::error:
        case TypeKind::boolean:
        case TypeKind::text:
        case TypeKind::date: return true;
    }
    return false;
}

// Howard Hinnant's days_from_civil algorithm.
long days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

void civil_from_days(long z, int& y, unsigned& m, unsigned& d) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(yoe) + static_cast<int>(era) * 400 + (m <= 2);
}

bool valid_date(int y, unsigned m, unsigned d) {
    if (m < 1 || m > 12 || d < 1) return false;
    static const unsigned len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    unsigned max = m == 2 && leap ? 29 : len[m - 1];
    return d <= max;
}

std::optional<long> parse_date(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    auto num = [&](std::size_t b, std::size_t n, int& out) {
        out = 0;
        for (std::size_t i = b; i < b + n; ++i) {
            if (t[i] < '0' || t[i] > '9') return false;
            out = out * 10 + (t[i] - '0');
        }
        return true;
    };
    int y, m, d;
    if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return std::nullopt;
    if (!valid_date(y, static_cast<unsigned>(m), static_cast<unsigned>(d))) return std::nullopt;
    return days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

std::string format_date(long days) {
    int y;
    unsigned m, d;
    civil_from_days(days, y, m, d);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
    return buf;
}

int EnumDef::member_written(const std::string& written, bool bare) const {
    auto one = [bare](const EnumDef& e, std::string w) {
        while (!w.empty() && w.front() == ' ') w.erase(0, 1);
        while (!w.empty() && w.back() == ' ') w.pop_back();
        if (w.rfind(e.name + ".", 0) == 0) return e.member(w.substr(e.name.size() + 1));
        return bare ? e.member(w) : -1;
    };
    if (factors.empty()) return one(*this, written);
    std::vector<std::string> parts(1);
    for (char c : written) {
        if (c == ',') parts.emplace_back();
        else parts.back() += c;
    }
    if (parts.size() != factors.size()) return -1;
    long m = 0;
    for (std::size_t f = 0; f < factors.size(); ++f) {
        const int k = one(*factors[f], parts[f]);
        if (k < 0) return -1;
        m = m * static_cast<long>(factors[f]->members.size()) + k;
    }
    return static_cast<int>(m);
}

std::string EnumDef::written(std::size_t m) const {
    if (factors.empty()) return name + "." + members.at(m);
    std::string out;
    const auto parts = factor_members(m);
    for (std::size_t f = 0; f < factors.size(); ++f) out += (out.empty() ? "" : ", ") + factors[f]->written(parts[f]);
    return out;
}

bool one_value(const Type& t) {
    switch (t.kind) {
    case TypeKind::error:
    case TypeKind::number:
    case TypeKind::boolean:
    case TypeKind::text:
    case TypeKind::date:
    case TypeKind::enumeration: return true;
    case TypeKind::list:
    case TypeKind::record:
    case TypeKind::grouped: return false;
    }
    return false;
}

}  // namespace reckon
