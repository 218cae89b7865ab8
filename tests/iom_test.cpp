// Methodology B on hand-worked nominals that pin every boundary of the spec
// (../shared/specs/iom-annual-report.md). Each expected figure is worked out
// here from the spec's rules, not copied from the program's output.
//
// Prices: unit costs are 2010/11 prices, uprated by index(year) / index(2010-11)
// from the GDP deflator: r2023 = 1.49168 / 1.06913, r2022 = 1.41664 / 1.06913.
// Total unit costs (fiscal + economic + social): shoplifting 26 + 97 + 0 = 123;
// common_assault 455 + 319 + 980 = 1754; theft_not_vehicle 358 + 255 + 147 = 760.
#include "support.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <map>

using reckon::testing::run_reckon;

namespace {
const char* ruleset = "rulesets/iom-annual-report.reckon";

struct Batch {
    std::map<std::string, nlohmann::json> cases;  // by case id: the outputs
    nlohmann::json cohort, summary;
    int status = -1;
    std::string err;
};

Batch batch(const std::string& folder, const std::string& year) {
    auto r = run_reckon({"batch", ruleset, folder, "--format", "jsonl", "--param", "report_year=" + year});
    Batch b;
    b.status = r.status;
    b.err = r.err;
    std::size_t start = 0;
    while (start < r.out.size()) {
        std::size_t end = r.out.find('\n', start);
        auto j = nlohmann::json::parse(r.out.substr(start, end - start));
        if (j.contains("cohort")) {
            b.cohort = j["cohort"]["outputs"];
            b.summary = j["summary"];
        } else {
            b.cases[j["case"]] = j.contains("outputs") ? j["outputs"] : j;
        }
        start = end + 1;
    }
    return b;
}

std::string v(const nlohmann::json& outputs, const std::string& name) {
    const auto& x = outputs.at(name).at("value");
    return x.is_null() ? "null" : x.get<std::string>();
}
}  // namespace

TEST_CASE("IOM 2023/24 (366 days): every boundary of the status rules, worked by hand") {
    Batch b = batch("tests/cases/iom/2023", "2023");
    REQUIRE_MESSAGE(b.status == 0, b.err);
    REQUIRE(b.cases.size() == 6);

    // Joined 1 April 2023: on the scheme all 366 days.
    auto a = b.cases["A-joined-1-april"];
    CHECK(v(a, "status") == "full_year");
    CHECK(v(a, "days_on") == "366");
    // Baseline: 2022-04-01 is exactly 365 days before joining (in); 2022-03-31 is 366 (out);
    // the offence on the joining date is in the year, not the baseline.
    CHECK(v(a, "baseline_offences") == "1");
    CHECK(v(a, "baseline_css") == "13");
    CHECK(v(a, "baseline_cost") == "171.61");      // 123 x 1.49168 / 1.06913 = 171.613...
    CHECK(v(a, "year_offences") == "1");
    CHECK(v(a, "annualised_offences") == "1");      // factor 1
    CHECK(v(a, "annualised_css") == "115");
    CHECK(v(a, "annualised_cost") == "2447.23");    // 1754 x 1.49168 / 1.06913 = 2447.229...

    // 1 October 2023 to 31 March 2024 is 31+30+31+31+29+31 = 183 days: 2 x 183 = 366, half: pro rata.
    auto half = b.cases["B-half-of-366"];
    CHECK(v(half, "status") == "pro_rata");
    CHECK(v(half, "days_on") == "183");
    CHECK(v(half, "baseline_offences") == "0");
    CHECK(v(half, "annualised_offences") == "2");   // 366 / 183 = 2
    CHECK(v(half, "annualised_css") == "46");
    CHECK(v(half, "annualised_cost") == "2120.75"); // 2 x 760 x 1.49168 / 1.06913 = 2120.746...

    // One day later: 182 days, under half, still on the scheme: carried over; not annualised.
    auto short_ = b.cases["C-one-day-short"];
    CHECK(v(short_, "status") == "carried_over");
    CHECK(v(short_, "days_on") == "182");
    CHECK(v(short_, "year_offences") == "1");
    CHECK(v(short_, "annualised_offences") == "null");
    CHECK(v(short_, "annualised_cost") == "null");

    // Left on 31 March 2024, the year's last day: a full year.
    CHECK(v(b.cases["D-left-31-march"], "status") == "full_year");
    CHECK(v(b.cases["D-left-31-march"], "days_on") == "366");
    CHECK(v(b.cases["D-left-31-march"], "annualised_cost") == "0.00");
    // 1 January to 31 March 2024 (31+29+31 = 91 days) and left on 31 March, not after: excluded.
    CHECK(v(b.cases["E-left-short"], "status") == "excluded");
    CHECK(v(b.cases["E-left-short"], "days_on") == "91");
    // Left on 31 March 2023, before the year began.
    CHECK(v(b.cases["F-left-before"], "status") == "not_on_scheme");
    CHECK(v(b.cases["F-left-before"], "days_on") == "0");
    CHECK(v(b.cases["F-left-before"], "year_offences") == "0");

    // The cohort: A, B and D are included.
    const auto& c = b.cohort;
    CHECK(v(c, "nominals_included") == "3");
    CHECK(v(c, "nominals_pro_rata") == "1");
    CHECK(v(c, "nominals_carried_over") == "1");
    CHECK(v(c, "nominals_excluded") == "1");
    CHECK(v(c, "nominals_not_on_scheme") == "1");
    CHECK(v(c, "baseline_offences") == "1");
    CHECK(v(c, "annualised_offences") == "3");          // 1 (A) + 2 (B) + 0 (D)
    CHECK(v(c, "offence_reduction_pct") == "-200.0");   // (1 - 3) / 1 x 100
    CHECK(v(c, "baseline_css") == "13");
    CHECK(v(c, "annualised_css") == "161");             // 115 + 46
    CHECK(v(c, "css_reduction_pct") == "-1138.5");      // (13 - 161) / 13 x 100 = -1138.46
    CHECK(v(c, "reduced_or_stopped_pct") == "0.0");     // 1 < 1, 2 < 0, 0 < 0: none
    CHECK(v(c, "baseline_cost") == "171.61");
    CHECK(v(c, "annualised_cost") == "4567.98");        // (1754 + 2 x 760) x r2023 = 3274 x r2023
    CHECK(v(c, "saving_pnc") == "-4396.36");            // (123 - 3274) x r2023
    CHECK(v(c, "saving_pnc_fiscal") == "-1597.54");     // (26 - 455 - 2 x 358) x r2023
    CHECK(v(c, "saving_css") == "-1953.75");            // 123 x r2023 x (13 - 161) / 13
    CHECK(c["baseline_offences_by_type"]["value"]["shoplifting"] == "1");
    CHECK(c["annualised_offences_by_type"]["value"]["theft_not_vehicle"] == "2");
    CHECK(c["annualised_offences_by_type"]["value"]["common_assault"] == "1");
    CHECK(c["saving_by_type"]["value"]["shoplifting"] == "171.61");
    CHECK(c["carried_over_nominals"]["value"] == nlohmann::json::array({"C-one-day-short"}));
    CHECK(c["excluded_nominals"]["value"] == nlohmann::json::array({"E-left-short"}));
    CHECK(b.summary == nlohmann::json({{"cases", 6}, {"failed", 0}}));
}

TEST_CASE("IOM 2022/23 (365 days): half a year is 183 days, and 182 is short") {
    Batch b = batch("tests/cases/iom/2022", "2022");
    REQUIRE_MESSAGE(b.status == 0, b.err);
    // 30 September 2022 to 31 March 2023: 1+31+30+31+31+28+31 = 183 days; 2 x 183 = 366 >= 365.
    auto g = b.cases["G-half-of-365"];
    CHECK(v(g, "status") == "pro_rata");
    CHECK(v(g, "days_on") == "183");
    CHECK(v(g, "annualised_offences") == "1.99");   // 365 / 183 = 1.9945
    CHECK(v(g, "annualised_css") == "25.93");       // 13 x 365 / 183 = 25.929
    CHECK(v(g, "annualised_cost") == "325.07");     // 123 x 1.41664 / 1.06913 x 365 / 183 = 325.069
    // From 1 October: 182 days, 2 x 182 = 364 < 365.
    CHECK(v(b.cases["H-one-day-short"], "status") == "carried_over");
    CHECK(v(b.cases["H-one-day-short"], "days_on") == "182");
    CHECK(v(b.cohort, "nominals_included") == "1");
}

TEST_CASE("IOM: a cohort with no baseline offences reports the percentages as not defined") {
    Batch b = batch("tests/cases/iom/zero-baseline", "2023");
    REQUIRE_MESSAGE(b.status == 0, b.err);
    CHECK(v(b.cohort, "baseline_offences") == "0");
    CHECK(v(b.cohort, "annualised_offences") == "1");
    CHECK(v(b.cohort, "offence_reduction_pct") == "null");
    CHECK(v(b.cohort, "css_reduction_pct") == "null");
    CHECK(v(b.cohort, "saving_css") == "null");
    CHECK(v(b.cohort, "reduced_or_stopped_pct") == "0.0");
    CHECK(v(b.cohort, "saving_pnc") == "-171.61");
    auto table = run_reckon({"batch", ruleset, "tests/cases/iom/zero-baseline", "--param", "report_year=2023"});
    CHECK(table.out.find("  Reduction in offences  ") != std::string::npos);
    CHECK(table.out.find("not defined\n") != std::string::npos);
}

TEST_CASE("IOM: a report year outside the deflator table is an error naming the table") {
    auto r = run_reckon({"batch", ruleset, "tests/cases/iom/zero-baseline", "--param", "report_year=2030"});
    CHECK(r.status == 1);
    CHECK(r.err.find("error: table 'deflator' has no row for 2030") != std::string::npos);
}

TEST_CASE("IOM: a nominal's case file errors name the file, line and key") {
    std::string dir = reckon::testing::temp_dir();
    auto check = [&](const std::string& yaml, const std::string& expected) {
        reckon::testing::write_file(dir + "/n.yaml", yaml);
        auto r = run_reckon({"eval", ruleset, dir + "/n.yaml"});
        CHECK(r.status == 1);
        CHECK(r.err.substr(0, r.err.find('\n')) == dir + "/n.yaml:" + expected);
    };
    check("nominal: X\njoined: 2023-01-01\noffences:\n  - {date: 2023-02-01, type: arson, css: 5}\n",
          "4:30: error: offences[0].type: expected OffenceType, one of: homicide, serious_wounding, other_wounding, "
          "sexual_offences, common_assault, robbery_personal, burglary_dwelling, theft_not_vehicle, theft_of_vehicle, "
          "theft_from_vehicle, attempted_vehicle_theft, criminal_damage, commercial_robbery, burglary_not_dwelling, "
          "commercial_theft_of_vehicle, commercial_theft_from_vehicle, commercial_attempted_vehicle_theft, shoplifting, "
          "commercial_criminal_damage, other; found 'arson'");
    check("nominal: X\njoined: 2023-01-01\noffences:\n  - {date: 2023-02-01, type: other, css: -5}\n",
          "4:42: error: offences[0].css: -5 is below the minimum, 0");
    check("nominal: X\njoined: 2023-01-01\nleft: 2022-12-31\n",
          "3:7: error: left: a nominal cannot leave the scheme before joining it");
    check("nominal: X\njoined: 2023-02-30\n", "2:9: error: joined: expected a date (YYYY-MM-DD), found '2023-02-30'");
    check("nominal: X\njoined: 2023-01-01\nleaving: 2024-01-01\n",
          "3:1: error: leaving: unknown key; expected one of: joined, left, nominal, offences");
}
