// The one number type: an exact rational, parsed from its decimal text,
// never through a double. Rounding happens only where asked.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace reckon {

// Expression templates off: every operation yields a plain value.
using Integer = boost::multiprecision::number<boost::multiprecision::cpp_int_backend<>, boost::multiprecision::et_off>;
using Number = boost::multiprecision::number<boost::multiprecision::cpp_rational_backend, boost::multiprecision::et_off>;

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
