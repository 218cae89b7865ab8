#include "number.hpp"

namespace reckon {


std::optional<RoundMode> round_mode_named(std::string_view n) {
    if (n == "half_away") return RoundMode::half_away;
    if (n == "half_even") return RoundMode::half_even;
    if (n == "up") return RoundMode::up;
    if (n == "down") return RoundMode::down;
    if (n == "floor") return RoundMode::floor;
    if (n == "ceiling") return RoundMode::ceiling;
    return std::nullopt;
}

std::string_view round_mode_name(RoundMode m) {
    switch (m) {
        case RoundMode::half_away: return "half_away";
        case RoundMode::half_even: return "half_even";
        case RoundMode::up: return "up";
        case RoundMode::down: return "down";
        case RoundMode::floor: return "floor";
        case RoundMode::ceiling: return "ceiling";
    }
    return "half_away";
}

std::optional<Number> parse_decimal(std::string_view t, bool allow_grouping) {
    bool negative = false;
    if (!t.empty() && (t[0] == '-' || t[0] == '+')) {
        negative = t[0] == '-';
        t.remove_prefix(1);
    }
    Integer digits = 0;
    Integer scale = 1;
    bool seen_digit = false, seen_point = false;
    int group_run = 0;      // digits since the last comma (grouping check)
    bool grouped = false;
    for (std::size_t i = 0; i < t.size(); ++i) {
        char c = t[i];
        if (c >= '0' && c <= '9') {
            digits = digits * 10 + (c - '0');
            if (seen_point) scale *= 10;
            else ++group_run;
            seen_digit = true;
        } else if (c == '.' && !seen_point) {
            if (!seen_digit || (grouped && group_run != 3)) return std::nullopt;
            seen_point = true;
            if (i + 1 == t.size()) return std::nullopt;
        } else if (c == ',' && allow_grouping && !seen_point) {
            if (!seen_digit || (grouped ? group_run != 3 : group_run > 3)) return std::nullopt;
            grouped = true;
            group_run = 0;
        } else {
            return std::nullopt;
        }
    }
    if (!seen_digit || (grouped && !seen_point && group_run != 3)) return std::nullopt;
    Number r(digits, scale);
    return negative ? Number(-r) : r;
}

Integer round_integer(const Number& x, RoundMode mode) {
    const Integer& n = boost::multiprecision::numerator(x);
    const Integer& d = boost::multiprecision::denominator(x);  // always > 0
    Integer q = n / d;  // truncated toward zero
    Integer r = n % d;  // sign of n
    if (r == 0) return q;
    bool negative = n < 0;
    Integer twice = abs(r) * 2;
    switch (mode) {
        case RoundMode::down: return q;
        case RoundMode::up: return negative ? q - 1 : q + 1;
        case RoundMode::floor: return negative ? q - 1 : q;
        case RoundMode::ceiling: return negative ? q : q + 1;
        case RoundMode::half_away:
            if (twice >= d) return negative ? q - 1 : q + 1;
            return q;
        case RoundMode::half_even:
            if (twice > d || (twice == d && (q % 2 != 0))) return negative ? q - 1 : q + 1;
            return q;
    }
    return q;
}

Number round_to(const Number& x, const Number& step, RoundMode mode) {
    Number q = x / step;
    return Number(round_integer(q, mode)) * step;
}

static Integer pow10(int n) {
    Integer p = 1;
    for (int i = 0; i < n; ++i) p *= 10;
    return p;
}

std::string format_fixed(const Number& x, int decimals) {
    Integer p = pow10(decimals);
    Integer scaled = round_integer(x * p, RoundMode::half_away);
    bool negative = scaled < 0;
    std::string digits = abs(scaled).str();
    if (decimals > 0) {
        if (digits.size() <= static_cast<std::size_t>(decimals))
            digits.insert(0, decimals + 1 - digits.size(), '0');
        digits.insert(digits.size() - decimals, ".");
    }
    return negative ? "-" + digits : digits;
}

std::string format_trimmed(const Number& x, int decimals) {
    std::string s = format_fixed(x, decimals);
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return s;
}

std::string group_thousands(const std::string& text) {
    std::size_t start = (!text.empty() && text[0] == '-') ? 1 : 0;
    std::size_t point = text.find('.');
    std::size_t end = point == std::string::npos ? text.size() : point;
    std::string out = text.substr(0, start);
    for (std::size_t i = start; i < end; ++i) {
        out += text[i];
        std::size_t left = end - i - 1;
        if (left > 0 && left % 3 == 0) out += ',';
    }
    out += text.substr(end);
    return out;
}

std::optional<std::string> exact_decimal(const Number& x, int max_decimals) {
    Integer d = boost::multiprecision::denominator(x);
    int twos = 0, fives = 0;
    while (d % 2 == 0) { d /= 2; ++twos; }
    while (d % 5 == 0) { d /= 5; ++fives; }
    if (d != 1) return std::nullopt;
    int places = std::max(twos, fives);
    if (places > max_decimals) return std::nullopt;
    return format_fixed(x, places);
}

}  // namespace reckon
