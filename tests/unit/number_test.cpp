// The number type: exact parsing, rounding modes, display.
#include "core/base/number.hpp"

#include <doctest/doctest.h>

using namespace reckon;

TEST_CASE("decimals are read exactly from their text") {
    CHECK(*parse_decimal("43.5") == Number(87, 2));
    CHECK(*parse_decimal("0.1") == Number(1, 10));
    CHECK(*parse_decimal("-2.25") == Number(-9, 4));
    CHECK(*parse_decimal("1650") == Number(1650));
    CHECK_FALSE(parse_decimal("1e3"));
    CHECK_FALSE(parse_decimal("12."));
    CHECK_FALSE(parse_decimal(".5"));
    CHECK_FALSE(parse_decimal("six"));
    CHECK_FALSE(parse_decimal(""));
}

TEST_CASE("thousands separators only where grouping is allowed, in threes") {
    CHECK(*parse_decimal("60,805.55", true) == Number(6080555, 100));
    CHECK(*parse_decimal("1,234,567", true) == Number(1234567));
    CHECK_FALSE(parse_decimal("60,805.55"));
    CHECK_FALSE(parse_decimal("6,08,05", true));
    CHECK_FALSE(parse_decimal("1234,567", true));
}

TEST_CASE("rounding modes at a tie and off a tie") {
    Number half(5, 2);       // 2.5
    Number neg_half(-5, 2);  // -2.5
    Number step = 1;
    CHECK(round_to(half, step, RoundMode::half_away) == 3);
    CHECK(round_to(neg_half, step, RoundMode::half_away) == -3);
    CHECK(round_to(half, step, RoundMode::half_even) == 2);
    CHECK(round_to(Number(7, 2), step, RoundMode::half_even) == 4);
    CHECK(round_to(Number(21, 10), step, RoundMode::up) == 3);
    CHECK(round_to(Number(-21, 10), step, RoundMode::up) == -3);
    CHECK(round_to(Number(29, 10), step, RoundMode::down) == 2);
    CHECK(round_to(Number(-21, 10), step, RoundMode::floor) == -3);
    CHECK(round_to(Number(-29, 10), step, RoundMode::ceiling) == -2);
    // a step other than one: to the penny, to 8 hours
    CHECK(round_to(Number(38400, 1650), Number(1, 100), RoundMode::half_away) == Number(2327, 100));
    CHECK(round_to(Number(18), Number(8), RoundMode::ceiling) == 24);
}

TEST_CASE("display: fixed, trimmed, grouped") {
    CHECK(format_fixed(Number(235636363, 100000), 2) == "2356.36");
    CHECK(format_fixed(Number(5, 1000), 2) == "0.01");      // half away from zero
    CHECK(format_fixed(Number(-5, 1000), 2) == "-0.01");
    CHECK(format_fixed(Number(3589), 2) == "3589.00");
    CHECK(format_trimmed(Number(52), 2) == "52");
    CHECK(format_trimmed(Number(101, 4), 2) == "25.25");
    CHECK(format_trimmed(Number(-1, 1000), 2) == "0");
    CHECK(group_thousands("60805.55") == "60,805.55");
    CHECK(group_thousands("-1234567") == "-1,234,567");
    CHECK(group_thousands("999.5") == "999.5");
    CHECK(*exact_decimal(Number(87, 2)) == "43.5");
    CHECK_FALSE(exact_decimal(Number(1, 3)));
}

// The small form (two 64-bit integers) and Boost's rationals must agree on
// every result, at and across the boundary where a value stops fitting.
TEST_CASE("numbers: the small form overflows into exact big rationals and comes back") {
    using reckon::BigRational;
    using reckon::Integer;
    const Number max = INT64_MAX, min = INT64_MIN;
    CHECK(max.small());
    Number over = max + 1;
    CHECK_FALSE(over.small());
    CHECK(over.str() == "9223372036854775808");
    CHECK(over - 1 == max);
    CHECK((over - 1).small());  // back to the small form when it fits
    CHECK((-min).str() == "9223372036854775808");
    CHECK_FALSE((-min).small());
    CHECK((min - 1).str() == "-9223372036854775809");
    CHECK(max * max == Number(BigRational(Integer(INT64_MAX) * Integer(INT64_MAX))));
    CHECK((max * max) / max == max);
    // denominators past 64 bits
    Number tiny = Number(1) / max;
    CHECK((tiny / max).str() == "1/85070591730234615847396907784232501249");
    CHECK((tiny / max) * max == tiny);
    CHECK((tiny / max) * max * max == 1);
    // comparisons across the two forms
    CHECK(over > max);
    CHECK(max < over);
    CHECK(-over == min);  // -2^63 fits again
    CHECK((-over).small());
    CHECK(-over - 1 < min);
    CHECK(tiny / max < tiny);
    CHECK(tiny / max > 0);
    CHECK(abs(-over) == over);
    // sums of many pence stay exact
    Number pence(1, 100), total;
    for (int i = 0; i < 100000; ++i) total += pence;
    CHECK(total == 1000);
    CHECK(total.small());
    // lowest terms, so equal values compare equal whatever their history
    CHECK(Number(6, 4) == Number(3, 2));
    CHECK(Number(6, 4).str() == "3/2");
    CHECK(Number(-6, 4) == Number(3, -2));
    CHECK((Number(1, 3) + Number(1, 6)).str() == "1/2");
    CHECK((Number(7, 2)).convert_to<long>() == 3);
    CHECK((Number(-7, 2)).convert_to<long>() == -3);
    CHECK(over.convert_to<double>() == 9223372036854775808.0);
    CHECK_THROWS_AS(Number(1) / Number(0), std::domain_error);
    // products whose 128-bit intermediate is exact but whose result does not fit
    Number big_ratio = Number(INT64_MAX, 3) * Number(INT64_MAX, 5);
    CHECK_FALSE(big_ratio.small());
    CHECK(big_ratio == Number(BigRational(Integer(INT64_MAX) * Integer(INT64_MAX), Integer(15))));
}

TEST_CASE("numbers: long decimals are read exactly past 64 bits") {
    CHECK(parse_decimal("123456789012345678901234567890.5")->str() == "246913578024691357802469135781/2");
    CHECK(parse_decimal("0.000000000000000000001")->str() == "1/1000000000000000000000");
    CHECK(parse_decimal("99999999999999999")->str() == "99999999999999999");
    CHECK(parse_decimal("999999999999999999")->str() == "999999999999999999");
    CHECK(parse_decimal("-9999999999999999999.99")->str() == "-999999999999999999999/100");
    CHECK(parse_decimal("1,234,567,890,123,456,789,012.25", true)->str() == "4938271560493827156049/4");
}

// The 64-bit paths of rounding and display against Boost's exact arithmetic.
TEST_CASE("numbers: rounding and display in 64 bits agree with big rationals") {
    using reckon::BigRational;
    using reckon::Integer;
    std::uint64_t seed = 12345;
    auto next = [&] { return seed = seed * 6364136223846793005ULL + 1442695040888963407ULL; };
    const RoundMode modes[] = {RoundMode::half_away, RoundMode::half_even, RoundMode::up, RoundMode::down, RoundMode::floor, RoundMode::ceiling};
    for (int i = 0; i < 20000; ++i) {
        std::int64_t a = static_cast<std::int64_t>(next() % 2000001) - 1000000;
        std::int64_t b = static_cast<std::int64_t>(next() % 1000) + 1;
        int decimals = static_cast<int>(next() % 5);
        Number x(a, b);
        BigRational exact = BigRational(a) / BigRational(b);  // a/b, exactly
        // half away from zero, by hand on the big rational
        Integer p = 1;
        for (int k = 0; k < decimals; ++k) p *= 10;
        BigRational scaled = exact * BigRational(p);
        Integer n = boost::multiprecision::numerator(scaled), d = boost::multiprecision::denominator(scaled);
        Integer q = n / d, r = n % d;
        if (r != 0 && abs(r) * 2 >= d) q += n < 0 ? -1 : 1;
        std::string digits = abs(q).str();
        if (decimals > 0) {
            if (digits.size() <= static_cast<std::size_t>(decimals)) digits.insert(0, decimals + 1 - digits.size(), '0');
            digits.insert(digits.size() - decimals, ".");
        }
        CAPTURE(a);
        CAPTURE(b);
        CHECK(format_fixed(x, decimals) == (q < 0 ? "-" : "") + digits);
        // every rounding mode to the penny, against the same rule worked on big integers
        BigRational pennies = exact * 100;
        Integer pn = boost::multiprecision::numerator(pennies), pd = boost::multiprecision::denominator(pennies);
        Integer pq = pn / pd, pr = pn % pd;
        bool neg = pn < 0;
        Integer twice = abs(pr) * 2;
        for (RoundMode m : modes) {
            Integer want = pq;
            if (pr != 0) {
                bool away = m == RoundMode::up || (m == RoundMode::floor && neg) || (m == RoundMode::ceiling && !neg) ||
                            (m == RoundMode::half_away && twice >= pd) ||
                            (m == RoundMode::half_even && (twice > pd || (twice == pd && pq % 2 != 0)));
                if (away) want += neg ? -1 : 1;
            }
            CHECK(round_to(x, Number(1, 100), m) == Number(want, Integer(100)));
        }
    }
    CHECK(format_fixed(Number(Integer(1) << 70) + Number(1, 2), 0) == "1180591620717411303425");
    CHECK(format_fixed(-(Number(Integer(1) << 70) + Number(1, 2)), 0) == "-1180591620717411303425");
}

// + - * / of the 64-bit form against Boost's rationals, on random values
// that are small, large, near the 64-bit edges, and zero.
TEST_CASE("numbers: arithmetic in 64 bits agrees with big rationals") {
    using reckon::BigRational;
    using reckon::Integer;
    std::uint64_t seed = 2012;
    auto next = [&] { return seed = seed * 6364136223846793005ULL + 1442695040888963407ULL; };
    auto pick = [&]() -> std::int64_t {
        switch (next() % 6) {
            case 0: return 0;
            case 1: return static_cast<std::int64_t>(next() % 200) - 100;
            case 2: return static_cast<std::int64_t>(next() % 2000000001) - 1000000000;
            case 3: return INT64_MAX - static_cast<std::int64_t>(next() % 3);
            case 4: return INT64_MIN + static_cast<std::int64_t>(next() % 3);
            default: return static_cast<std::int64_t>(next());
        }
    };
    auto den = [&]() -> std::int64_t {
        switch (next() % 4) {
            case 0: return 1;
            case 1: return static_cast<std::int64_t>(next() % 1000) + 1;
            case 2: return INT64_MAX - static_cast<std::int64_t>(next() % 3);
            default: return static_cast<std::int64_t>(next() >> 1) + 1;
        }
    };
    for (int i = 0; i < 100000; ++i) {
        Integer an = pick(), ad = den(), bn = pick(), bd = den();
        Number a(an, ad), b(bn, bd);
        BigRational x{an, ad}, y{bn, bd};
        CAPTURE(a.str());
        CAPTURE(b.str());
        CHECK((a + b).big() == x + y);
        CHECK((a - b).big() == x - y);
        CHECK((a * b).big() == x * y);
        if (bn != 0) CHECK((a / b).big() == x / y);
        CHECK((a < b) == (x < y));
        // results in lowest terms and in the small form exactly when they fit
        for (const Number& r : {a + b, a - b, a * b}) {
            BigRational e = r.big();
            bool fits = boost::multiprecision::numerator(e) >= INT64_MIN && boost::multiprecision::numerator(e) <= INT64_MAX &&
                        boost::multiprecision::denominator(e) <= INT64_MAX;
            CHECK(r.small() == fits);
            if (r.small()) {  // and in lowest terms: equal values are equal field by field
                CHECK(Integer(r.small_numerator()) == boost::multiprecision::numerator(e));
                CHECK(Integer(r.small_denominator()) == boost::multiprecision::denominator(e));
            }
        }
    }
}

TEST_CASE("numbers: made in place, the result is the operator's, whatever the place held and whether it is an operand") {
    using reckon::Integer;
    const Number big = Number(Integer(1) << 70, Integer(3));  // too large for the small form
    const Number huge_den = Number(Integer(1), Integer(1) << 65);
    const std::vector<Number> values = {Number(0), Number(7, 2), Number(-5, 3), Number(INT64_MAX), Number(1, INT64_MAX), big,
                                        huge_den, -big};
    using Op = const Number& (*)(Number&, const Number&, const Number&);
    const std::vector<std::pair<Op, Number (*)(const Number&, const Number&)>> ops = {
        {Number::add, [](const Number& a, const Number& b) { return a + b; }},
        {Number::subtract, [](const Number& a, const Number& b) { return a - b; }},
        {Number::multiply, [](const Number& a, const Number& b) { return a * b; }},
        {Number::divide, [](const Number& a, const Number& b) { return a / b; }},
    };
    int checked = 0;
    for (std::size_t k = 0; k < ops.size(); ++k) {
        for (const Number& a : values) {
            for (const Number& b : values) {
                if (k == 3 && b == 0) continue;
                CAPTURE(k);
                CAPTURE(a.str());
                CAPTURE(b.str());
                const Number expected = ops[k].second(a, b);
                CHECK(expected.big() == (k == 0   ? a.big() + b.big()
                                         : k == 1 ? a.big() - b.big()
                                         : k == 2 ? a.big() * b.big()
                                                  : a.big() / b.big()));
                for (const Number& before : values) {  // into a place that held a small or a big number
                    Number out = before;
                    CHECK(&ops[k].first(out, a, b) == &out);
                    CHECK(out == expected);
                    CHECK(out.small() == expected.small());
                    ++checked;
                }
                Number x = a;  // the place is the first operand
                CHECK(ops[k].first(x, x, b) == expected);
                Number y = b;  // the place is the second operand
                CHECK(ops[k].first(y, a, y) == expected);
                Number z = a;  // both
                if (k != 3 || a != 0) CHECK(ops[k].first(z, z, z) == ops[k].second(a, a));
            }
        }
    }
    CHECK(checked == 4 * 8 * 8 * 8 - 8 * 8);  // every place, every pair (a division by zero left out)
}
