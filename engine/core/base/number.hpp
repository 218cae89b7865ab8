// The one number type: an exact rational, parsed from its decimal text,
// never through a double. Rounding happens only where asked.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <bit>
#include <cstdint>
#include <memory>
#include <optional>
#include <type_traits>
#include <string>
#include <string_view>

namespace reckon {

// 128-bit intermediates of the small form (a GCC and Clang extension, named
// once here so that -Wpedantic has nothing to say where they are used).
__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

// Expression templates off: every operation yields a plain value.
using Integer = boost::multiprecision::number<boost::multiprecision::cpp_int_backend<>, boost::multiprecision::et_off>;
using BigRational = boost::multiprecision::number<boost::multiprecision::cpp_rational_backend, boost::multiprecision::et_off>;

// An exact rational. Most figures are small fractions (pence, hours,
// days): those are held as two 64-bit integers in lowest terms and computed
// with 128-bit intermediates; a result that does not fit falls back to
// Boost.Multiprecision, exactly, and comes back to the small form when it
// fits again. The two forms never hold the same value, so equality is exact.
class Number {
public:
    Number() = default;
    template <typename I, std::enable_if_t<std::is_integral_v<I>, int> = 0>
    Number(I v) {  // NOLINT: a whole number is a Number
        if constexpr (std::is_signed_v<I> || sizeof(I) < sizeof(std::int64_t)) {
            s_.num = static_cast<std::int64_t>(v);
        } else if (v <= static_cast<I>(INT64_MAX)) {
            s_.num = static_cast<std::int64_t>(v);
        } else {
            *this = Number(BigRational(v));
        }
    }
    Number(const Integer& n);  // NOLINT
    Number(const Integer& n, const Integer& d);  // n/d, d != 0
    explicit Number(const BigRational& r);
    // n/d in lowest terms (d > 0), without a big rational on the way.
    static Number ratio(std::int64_t n, std::int64_t d) { return reduced(n, d); }

    bool small() const { return !big_; }
    std::int64_t small_numerator() const { return s_.num; }    // when small()
    std::int64_t small_denominator() const { return s_.den; }
    BigRational big() const;  // the value as Boost's rational
    Integer numerator() const;
    Integer denominator() const;  // > 0
    bool is_integer() const { return big_ ? boost::multiprecision::denominator(*big_) == 1 : s_.den == 1; }
    int sign() const { return big_ ? big_->sign() : (s_.num > 0) - (s_.num < 0); }
    // 64-bit limbs of the larger of numerator and denominator: the size of the number.
    std::size_t limbs() const;
    // "n/d", or "n" for a whole number.
    std::string str() const;
    // Whole types: truncated toward zero. double: nearest (for drawing only).
    template <typename T> T convert_to() const {
        if constexpr (std::is_floating_point_v<T>) {
            return big_ ? big_->convert_to<T>() : static_cast<T>(s_.num) / static_cast<T>(s_.den);
        } else {
            return big_ ? big_->convert_to<T>() : static_cast<T>(s_.num / s_.den);
        }
    }

    // out = a + b, a - b, a * b or a / b (b != 0), made where out is kept: no temporary to move. out may be a or b.
    // Small forms computed here (inline: they are most of a case's arithmetic), big ones in big_arithmetic().
    static const Number& add(Number& out, const Number& a, const Number& b) {
        if (a.big_ || b.big_) return out = big_arithmetic(a, b, '+');
        sum(out, a, b, 1);
        return out;
    }
    static const Number& subtract(Number& out, const Number& a, const Number& b) {
        if (a.big_ || b.big_) return out = big_arithmetic(a, b, '-');
        sum(out, a, b, -1);
        return out;
    }
    static const Number& multiply(Number& out, const Number& a, const Number& b) {
        if (a.big_ || b.big_) return out = big_arithmetic(a, b, '*');
        product(out, a.s_.num, a.s_.den, b.s_.num, b.s_.den);
        return out;
    }
    static const Number& divide(Number& out, const Number& a, const Number& b);
    friend Number operator+(const Number& a, const Number& b) { return made(add, a, b); }
    friend Number operator-(const Number& a, const Number& b) { return made(subtract, a, b); }
    friend Number operator*(const Number& a, const Number& b) { return made(multiply, a, b); }
    friend Number operator/(const Number& a, const Number& b) { return made(divide, a, b); }  // b != 0
    Number operator-() const;
    Number& operator+=(const Number& b) { return *this = *this + b; }
    Number& operator-=(const Number& b) { return *this = *this - b; }
    Number& operator*=(const Number& b) { return *this = *this * b; }
    Number& operator/=(const Number& b) { return *this = *this / b; }
    friend int compare(const Number& a, const Number& b);
    friend bool operator==(const Number& a, const Number& b) {
        return !a.big_ && !b.big_ ? a.s_.num == b.s_.num && a.s_.den == b.s_.den : compare(a, b) == 0;
    }
    friend bool operator!=(const Number& a, const Number& b) { return !(a == b); }
    friend bool operator<(const Number& a, const Number& b) { return compare(a, b) < 0; }
    friend bool operator<=(const Number& a, const Number& b) { return compare(a, b) <= 0; }
    friend bool operator>(const Number& a, const Number& b) { return compare(a, b) > 0; }
    friend bool operator>=(const Number& a, const Number& b) { return compare(a, b) >= 0; }

private:
    template <typename Op> static Number made(Op op, const Number& a, const Number& b) {
        Number r;
        op(r, a, b);
        return r;
    }
    static Number reduced(Int128 n, Int128 d) {  // d > 0; lowest terms, small when it fits
        Number r;
        r.reduce(n, d);
        return r;
    }
    void reduce(Int128 n, Int128 d);  // this = n/d (d > 0) in lowest terms
    void set_exact(Int128 n, Int128 d) {  // this = n/d, already in lowest terms (d > 0): small when it fits
        if (n == 0) d = 1;  // 0/1, whatever the denominator was
        if (n < INT64_MIN || n > INT64_MAX || d > INT64_MAX) {
            *this = exact_big(n, d);
            return;
        }
        if (big_) big_.reset();
        set_small(static_cast<std::int64_t>(n), static_cast<std::int64_t>(d));
    }
    // Numerator and denominator stored together, in one 16-byte store where the machine has one: a copy reads them
    // as one 16-byte load, and a load that spans two smaller stores waits for both (no store forwarding).
    void set_small(std::int64_t n, std::int64_t d) {
#if defined(__SSE2__)
        static_assert(sizeof(Small) == sizeof(__m128i) && std::is_trivially_copyable_v<Small>);
        __m128i both = _mm_set_epi64x(d, n);
        __asm__("" : "+x"(both));  // held as one vector: the compiler would otherwise split the store again
        s_ = std::bit_cast<Small>(both);
#else
        s_.num = n;
        s_.den = d;
#endif
    }
    static Number exact_big(Int128 n, Int128 d);  // …that does not fit the small form
    static Number big_arithmetic(const Number& a, const Number& b, char op);  // a op b, one of them big (op: + - *)
    static void sum(Number& out, const Number& x, const Number& y, int sign);  // both small
    static void product(Number& out, std::int64_t a, std::int64_t b, std::int64_t c, std::int64_t d);  // (a/b)(c/d), b, d > 0
    struct Small {  // the small form: lowest terms, den > 0
        std::int64_t num = 0, den = 1;
    };
    Small s_;
    std::shared_ptr<const BigRational> big_;         // set only when the value does not fit the small form
};

Number abs(const Number& x);
inline Integer numerator(const Number& x) { return x.numerator(); }
inline Integer denominator(const Number& x) { return x.denominator(); }

// How round() breaks ties and which way floor/ceil go.
enum class RoundMode {
    half_away,  // half away from zero: a spreadsheet's ROUND (the default)
    half_even,  // banker's rounding
    up,         // away from zero
    down,       // toward zero
    floor,      // toward minus infinity
    ceiling,    // toward plus infinity
};

std::optional<RoundMode> round_mode_named(std::string_view name);
std::string_view round_mode_name(RoundMode m);

// "43.5" -> 87/2; "1,234.5" is accepted only when allow_grouping is set.
// Returns nullopt unless the whole text is a plain decimal (optional leading '-').
std::optional<Number> parse_decimal(std::string_view text, bool allow_grouping = false);

// x rounded to a multiple of step (step > 0).
Number round_to(const Number& x, const Number& step, RoundMode mode);

// Integer part of x rounded by mode.
Integer round_integer(const Number& x, RoundMode mode);

// Decimal text with exactly `decimals` digits after the point, half away from zero.
std::string format_fixed(const Number& x, int decimals);
// As format_fixed, then trailing zeros (and a bare point) dropped.
std::string format_trimmed(const Number& x, int decimals);
// "1234567.89" -> "1,234,567.89"
std::string group_thousands(const std::string& decimal_text);
// Exact decimal text if x has a finite decimal expansion of at most max_decimals
// digits, else nullopt.
std::optional<std::string> exact_decimal(const Number& x, int max_decimals = 30);

}  // namespace reckon
