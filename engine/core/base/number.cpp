#include "core/base/number.hpp"

#include <stdexcept>

namespace reckon {

namespace {
using u128 = UInt128;
u128 magnitude(Int128 x) { return x < 0 ? u128(0) - static_cast<u128>(x) : static_cast<u128>(x); }
std::uint64_t mag64(std::int64_t x) { return x < 0 ? 0 - static_cast<std::uint64_t>(x) : static_cast<std::uint64_t>(x); }
// Binary gcd; gcd(0, y) = y.
std::uint64_t gcd64(std::uint64_t x, std::uint64_t y) {
    if (x == 0) return y;
    if (y == 0) return x;
    int shift = __builtin_ctzll(x | y);
    x >>= __builtin_ctzll(x);
    do {
        y >>= __builtin_ctzll(y);
        if (x > y) std::swap(x, y);
        y -= x;
    } while (y != 0);
    return x << shift;
}
u128 gcd128(u128 a, u128 b) {
    if (a <= UINT64_MAX && b <= UINT64_MAX) return gcd64(static_cast<std::uint64_t>(a), static_cast<std::uint64_t>(b));
    while (b) {
        u128 t = a % b;
        a = b;
        b = t;
    }
    return a;
}
Integer from128(Int128 x) {
    u128 m = magnitude(x);
    Integer r = static_cast<std::uint64_t>(m >> 64);
    r <<= 64;
    r += static_cast<std::uint64_t>(m);
    return x < 0 ? Integer(-r) : r;
}
}  // namespace

void Number::reduce(Int128 n, Int128 d) {
    if (d != 1) {
        const u128 g = gcd128(magnitude(n), static_cast<u128>(d));
        if (g > 1 && n >= INT64_MIN && n <= INT64_MAX && d <= INT64_MAX) {  // the usual case: 64-bit divisions
            n = static_cast<std::int64_t>(n) / static_cast<std::int64_t>(g);
            d = static_cast<std::int64_t>(d) / static_cast<std::int64_t>(g);
        } else if (g > 1) {
            n /= static_cast<Int128>(g);
            d /= static_cast<Int128>(g);
        }
    }
    set_exact(n, d);
}

Number::Number(const Integer& n) : Number(n, Integer(1)) {}

Number::Number(const Integer& n, const Integer& d)
    : Number(d < 0 ? BigRational(Integer(-n), Integer(-d)) : d == 0 ? throw std::domain_error("division by zero") : BigRational(n, d)) {}

Number::Number(const BigRational& r) {
    const Integer& n = boost::multiprecision::numerator(r);
    const Integer& d = boost::multiprecision::denominator(r);
    if (n >= INT64_MIN && n <= INT64_MAX && d <= INT64_MAX) {
        s_.num = n.convert_to<std::int64_t>();
        s_.den = d.convert_to<std::int64_t>();
    } else {
        big_ = std::make_shared<const BigRational>(r);
    }
}

BigRational Number::big() const { return big_ ? *big_ : BigRational(Integer(s_.num), Integer(s_.den)); }
Integer Number::numerator() const { return big_ ? boost::multiprecision::numerator(*big_) : Integer(s_.num); }
Integer Number::denominator() const { return big_ ? boost::multiprecision::denominator(*big_) : Integer(s_.den); }

std::size_t Number::limbs() const {
    if (!big_) return 1;
    const auto& r = big_->backend().data();
    return std::max(r.numerator().backend().size(), r.denominator().backend().size());
}

std::string Number::str() const {
    if (big_) return big_->str();
    return s_.den == 1 ? std::to_string(s_.num) : std::to_string(s_.num) + "/" + std::to_string(s_.den);
}


Number Number::exact_big(Int128 n, Int128 d) { return Number(BigRational(from128(n), from128(d))); }

// a/b + s * c/d in lowest terms (Knuth, 4.5.1): when gcd(b, d) = 1 the sum is already reduced.
void Number::sum(Number& out, const Number& x, const Number& y, int sign) {
    const std::int64_t a = x.s_.num, b = x.s_.den, d = y.s_.den;
    const Int128 c = sign * static_cast<Int128>(y.s_.num);
    if (b == d) return out.reduce(a + c, b);
    const auto g = static_cast<std::int64_t>(b == 1 || d == 1 ? 1 : gcd64(static_cast<std::uint64_t>(b), static_cast<std::uint64_t>(d)));
    if (g == 1) return out.set_exact(static_cast<Int128>(a) * d + c * b, static_cast<Int128>(b) * d);
    const Int128 t = static_cast<Int128>(a) * (d / g) + c * (b / g);
    const auto g2 = static_cast<std::int64_t>(gcd128(magnitude(t), static_cast<u128>(g)));  // divides g
    out.set_exact(g2 == 1 ? t : t / g2, static_cast<Int128>(b / g) * (d / g2));
}

Number Number::big_arithmetic(const Number& a, const Number& b, char op) {
    switch (op) {
        case '+': return Number(a.big() + b.big());
        case '-': return Number(a.big() - b.big());
        default: return Number(a.big() * b.big());  // '*'
    }
}

// (a/b)(c/d) in lowest terms: cancel across first, so no gcd of the products is needed.
void Number::product(Number& out, std::int64_t a, std::int64_t b, std::int64_t c, std::int64_t d) {
    if (a == 0 || c == 0) return out.set_exact(0, 1);
    // gcds of 1 are the usual case (whole numbers); divisions in 64 bits, the products in 128
    const auto g1 = static_cast<std::int64_t>(d == 1 ? 1 : gcd64(mag64(a), static_cast<std::uint64_t>(d)));
    const auto g2 = static_cast<std::int64_t>(b == 1 ? 1 : gcd64(mag64(c), static_cast<std::uint64_t>(b)));
    const Int128 n = static_cast<Int128>(g1 == 1 ? a : a / g1) * (g2 == 1 ? c : c / g2);
    const Int128 m = static_cast<Int128>(g2 == 1 ? b : b / g2) * (g1 == 1 ? d : d / g1);
    out.set_exact(n, m);
}


const Number& Number::divide(Number& out, const Number& a, const Number& b) {
    if (b.sign() == 0) throw std::domain_error("division by zero");
    // INT64_MIN: its magnitude is not a 64-bit denominator
    if (a.big_ || b.big_ || b.s_.num == INT64_MIN) return out = Number(a.big() / b.big());
    // a/b ÷ c/d = (a/b)(d/c), with the sign on the numerator
    if (b.s_.num < 0) product(out, a.s_.num, a.s_.den, -b.s_.den, -b.s_.num);
    else product(out, a.s_.num, a.s_.den, b.s_.den, b.s_.num);
    return out;
}

Number Number::operator-() const {
    if (big_) return Number(BigRational(-*big_));
    return reduced(-static_cast<Int128>(s_.num), s_.den);
}

int compare(const Number& a, const Number& b) {
    if (a.big_ || b.big_) {
        BigRational x = a.big(), y = b.big();
        return x < y ? -1 : x > y ? 1 : 0;
    }
    Int128 l = static_cast<Int128>(a.s_.num) * b.s_.den, r = static_cast<Int128>(b.s_.num) * a.s_.den;
    return l < r ? -1 : l > r ? 1 : 0;
}

Number abs(const Number& x) { return x.sign() < 0 ? -x : x; }


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
    std::uint64_t small_digits = 0, small_scale = 1;  // while they fit: the usual case, no big integers
    bool fits = true;
    bool seen_digit = false, seen_point = false;
    int group_run = 0;      // digits since the last comma (grouping check)
    bool grouped = false;
    for (std::size_t i = 0; i < t.size(); ++i) {
        char c = t[i];
        if (c >= '0' && c <= '9') {
            if (fits && small_digits < 100000000000000000ULL && small_scale < 100000000000000000ULL) {
                small_digits = small_digits * 10 + static_cast<std::uint64_t>(c - '0');
                if (seen_point) small_scale *= 10;
            } else {
                if (fits) digits = small_digits, scale = small_scale;
                fits = false;
                digits = digits * 10 + (c - '0');
                if (seen_point) scale *= 10;
            }
            if (!seen_point) ++group_run;
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
    if (fits) {
        auto n = static_cast<std::int64_t>(small_digits);
        return Number::ratio(negative ? -n : n, static_cast<std::int64_t>(small_scale));
    }
    Number r(digits, scale);
    return negative ? -r : r;
}

namespace {
// round_integer for a number in the small form: the same steps in 64 bits.
std::int64_t round_small(std::int64_t n, std::int64_t d, RoundMode mode) {
    std::int64_t q = n / d, r = n % d;
    if (r == 0) return q;
    bool negative = n < 0;
    std::uint64_t twice = static_cast<std::uint64_t>(r < 0 ? -r : r) * 2;
    auto ud = static_cast<std::uint64_t>(d);
    switch (mode) {
        case RoundMode::down: return q;
        case RoundMode::up: return negative ? q - 1 : q + 1;
        case RoundMode::floor: return negative ? q - 1 : q;
        case RoundMode::ceiling: return negative ? q : q + 1;
        case RoundMode::half_away: return twice >= ud ? (negative ? q - 1 : q + 1) : q;
        case RoundMode::half_even: return twice > ud || (twice == ud && q % 2 != 0) ? (negative ? q - 1 : q + 1) : q;
    }
    return q;
}
}  // namespace

Integer round_integer(const Number& x, RoundMode mode) {
    if (x.small()) return Integer(round_small(x.small_numerator(), x.small_denominator(), mode));
    const Integer n = x.numerator();
    const Integer d = x.denominator();  // always > 0
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
    if (q.small()) return Number(round_small(q.small_numerator(), q.small_denominator(), mode)) * step;
    return Number(round_integer(q, mode)) * step;
}

static std::int64_t pow10_small(int n) {  // n <= 18
    std::int64_t p = 1;
    for (int i = 0; i < n; ++i) p *= 10;
    return p;
}

static Integer pow10(int n) {
    Integer p = 1;
    for (int i = 0; i < n; ++i) p *= 10;
    return p;
}

std::string format_fixed(const Number& x, int decimals) {
    bool negative;
    std::string digits;
    Number scaled_exact = decimals <= 18 ? x * Number(pow10_small(decimals)) : Number();
    if (decimals <= 18 && scaled_exact.small()) {  // the usual case: 64 bits throughout
        std::int64_t scaled = round_small(scaled_exact.small_numerator(), scaled_exact.small_denominator(), RoundMode::half_away);
        negative = scaled < 0;
        std::uint64_t m = negative ? 0 - static_cast<std::uint64_t>(scaled) : static_cast<std::uint64_t>(scaled);
        digits = std::to_string(m);
    } else {
        Integer p = pow10(decimals);
        Integer scaled = round_integer(x * p, RoundMode::half_away);
        negative = scaled < 0;
        digits = abs(scaled).str();
    }
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
    Integer d = x.denominator();
    int twos = 0, fives = 0;
    while (d % 2 == 0) { d /= 2; ++twos; }
    while (d % 5 == 0) { d /= 5; ++fives; }
    if (d != 1) return std::nullopt;
    int places = std::max(twos, fives);
    if (places > max_decimals) return std::nullopt;
    return format_fixed(x, places);
}

}  // namespace reckon
