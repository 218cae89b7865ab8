// The number type: exact parsing, rounding modes, display.
#include "../../engine/number.hpp"

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
