// reckon sensitivity, as an analyst or an appraiser runs it: the Sussex ranges worked by hand (one-way swings,
// an exact switching value), probabilistic runs that are the same with any --jobs and on every run, a mean that
// agrees with the distribution's, and the errors of a wrong command line.
#include "shown_commands.hpp"
#include "support.hpp"

#include "core/base/number.hpp"

#include <cmath>
#include <cstdint>
#include <regex>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using reckon::testing::pennies;
using reckon::testing::run_reckon;

namespace {
const char* sussex = "rulesets/sussex-complex-client.reckon";
const char* sussex_case = "cases/sussex/complex-client-2010-11.yaml";

nlohmann::json sensitivity_json(std::vector<std::string> extra) {
    std::vector<std::string> args = {"sensitivity", sussex, sussex_case, "--output", "total", "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = run_reckon(args);
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(r.err.empty());
    return nlohmann::json::parse(r.out);
}

// "13042790239/214500" -> {13042790239, 214500}
std::pair<std::int64_t, std::int64_t> fraction(const std::string& text) {
    const auto slash = text.find('/');
    if (slash == std::string::npos) return {std::stoll(text), 1};
    return {std::stoll(text.substr(0, slash)), std::stoll(text.substr(slash + 1))};
}
}  // namespace

TEST_CASE("sensitivity: the Sussex total over each range, largest swing first, the arrest time swing worked by hand") {
    auto j = sensitivity_json({});
    REQUIRE(j["one_way"].size() == 1);
    const auto& tornado = j["one_way"][0]["tornado"];
    REQUIRE(tornado.size() == 2);  // every param with a range
    // a prison place at £39,000 a year (the NAO's £750 a week) instead of £45,000: £6,000 x 12 weeks / 52 = £1,384.615…
    CHECK(tornado[0]["value"] == "prison_annual_cost");
    CHECK(tornado[0]["at_low"] == "£59,420.93");
    CHECK(tornado[0]["at_high"] == "£60,805.55");
    CHECK(tornado[0]["swing"] == "£1,384.62");
    // an arrest of 3.5 hours (the ready reckoner) instead of 6.5: 6 arrests x 3 hours at £31,917 x 1.2 / 1,650 an hour
    // = 18 x £23.2124 = £417.8225…
    CHECK(tornado[1]["value"] == "arrest_time");
    CHECK(tornado[1]["swing"] == "£417.82");
    CHECK(pennies(tornado[1]["at_high"]) - pennies(tornado[1]["at_low"]) == 41782);
    CHECK(tornado[1]["at_low"] == "£60,387.73");
    CHECK(j["figures"]["total"]["value"] == "£60,805.55");
    // the ranges with the sources of their ends, as the ruleset declares them
    CHECK(j["values"][0]["name"] == "arrest_time");
    CHECK(j["values"][0]["low"]["value"] == "3.5 hour");
    CHECK(j["values"][0]["low"]["source"].get<std::string>().find("Ready Reckoner") != std::string::npos);
    CHECK(j["values"][1]["low"]["value"] == "£39,000/year");

    auto text = run_reckon({"sensitivity", sussex, sussex_case, "--output", "total"});
    REQUIRE(text.status == 0);
    CHECK(text.out.find("One-way: total, £60,805.55 with every value its own; largest swing first\n"
                        "  value                        low  total at low          high  total at high      swing\n"
                        "  prison_annual_cost  £39,000/year    £59,420.93  £45,000/year     £60,805.55  £1,384.62\n"
                        "  arrest_time             3.5 hour    £60,387.73      6.5 hour     £60,805.55    £417.82\n") != std::string::npos);
}

TEST_CASE("sensitivity: the prison cost at which the Sussex total reaches £60,000, exact") {
    auto j = sensitivity_json({"--threshold", "total=£60,000"});
    const auto& s = j["switching_values"][0];
    CHECK(s["threshold"] == "£60,000.00");
    CHECK(s["switching"][0]["value"] == "arrest_time");
    CHECK(s["switching"][0]["method"] == "not reached");  // 3.5 hours still leaves £60,387.73
    const auto& prison = s["switching"][1];
    CHECK(prison["value"] == "prison_annual_cost");
    CHECK(prison["method"] == "exact");
    CHECK(prison["at"] == "£41,509.288101…/year");
    // By hand: £1 a year off a prison place takes 12/52 of £1 off the total (12 weeks in custody), so the total T
    // reaches £60,000 at £45,000 - (T - £60,000) x 52 / 12 a year. With x = a/b and T = c/d, exactly:
    // a x 12 x d = b x (45,000 x 12 x d - (c - 60,000 x d) x 52).
    const auto [a, b] = fraction(prison["exact"]);
    const auto [c, d] = fraction(j["figures"]["total"]["exact"]);
    CHECK(c == 13042790239);  // T = £60,805.548899…
    CHECK(d == 214500);
    CHECK(a * 12 * d == b * (45000 * 12 * d - (c - 60000 * d) * 52));
    CHECK(a == 2054709761);
    CHECK(b == 49500);
}

TEST_CASE("sensitivity: draws are the same with one thread or two, and on a second run") {
    const std::vector<std::string> args = {"sensitivity", sussex, sussex_case, "--output", "total", "--draws", "2000", "--seed", "7"};
    auto with = [&](const char* jobs) {
        auto a = args;
        a.insert(a.end(), {"--jobs", jobs});
        auto r = run_reckon(a);
        REQUIRE_MESSAGE(r.status == 0, r.err);
        return r.out;
    };
    const std::string one = with("1"), two = with("2"), again = with("2");
    CHECK(one.find("Probabilistic: 2000 draws, seed 7, of 2 values with a distribution (arrest_time uniform, prison_annual_cost uniform)\n") !=
          std::string::npos);
    CHECK(one == two);
    CHECK(two == again);
    // another seed, other draws
    auto other = args;
    other[other.size() - 1] = "8";
    auto r = run_reckon(other);
    REQUIRE(r.status == 0);
    CHECK(r.out != one);
}

TEST_CASE("sensitivity: the mean of the draws agrees with the distribution's where the figure is linear in one param") {
    // the prison cost held (a param that --param sets is not varied): only the arrest time is drawn, uniform on
    // 3.5 to 6.5 hours, mean 5 hours, sd 3 / sqrt(12) = 0.866 hours. The total is linear in it at 6 arrests x
    // £23.2124 an hour, so its mean is T - 1.5 x 6 x £31,917 x 1.2 / 1,650 = T - £208.911…, and its sampling error
    // over 2,000 draws 0.866 x 6 x 23.2124 / sqrt(2000) = £2.70. The test allows four of those: £10.79.
    auto j = sensitivity_json({"--draws", "2000", "--seed", "7", "--param", "prison_annual_cost=£45,000/year"});
    REQUIRE(j["draws"]["drawn"].size() == 1);
    CHECK(j["draws"]["drawn"][0] == "arrest_time");
    CHECK(j["values"].size() == 1);  // the prison cost is held
    const auto [c, d] = fraction(j["figures"]["total"]["exact"]);
    const double expected = static_cast<double>(c) / static_cast<double>(d) - 1.5 * 6 * 31917 * 1.2 / 1650;
    const auto [m, n] = fraction(j["draws"]["figures"][0]["mean_exact"]);
    const double mean = static_cast<double>(m) / static_cast<double>(n);
    const double error = 3 / std::sqrt(12.0) * 6 * 31917 * 1.2 / 1650 / std::sqrt(2000.0);
    CHECK(error == doctest::Approx(2.697).epsilon(0.001));
    INFO("mean " << mean << ", expected " << expected);
    CHECK(std::fabs(mean - expected) <= 4 * error);
    // the percentiles of a uniform's linear image: 2.5% and 97.5% of the way along, within the same error
    const double low_end = expected - 1.5 * 6 * 31917 * 1.2 / 1650, width = 3 * 6 * 31917 * 1.2 / 1650;
    CHECK(std::fabs(pennies(j["draws"]["figures"][0]["p2_5"]) / 100.0 - (low_end + 0.025 * width)) <= 4 * error);
    CHECK(std::fabs(pennies(j["draws"]["figures"][0]["p97_5"]) / 100.0 - (low_end + 0.975 * width)) <= 4 * error);
}

TEST_CASE("sensitivity: explain --draw K shows the figure as draw K of the seed computed it") {
    auto r = run_reckon({"explain", sussex, sussex_case, "police_constable_hours", "--draw", "3", "--seed", "7"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    std::smatch m;
    REQUIRE(std::regex_search(r.out, m, std::regex("^Draw 3 of seed 7, with arrest_time = ([0-9.]+) hour, prison_annual_cost = ")));
    const double arrest = std::stod(m[1]);
    CHECK(arrest >= 3.5);
    CHECK(arrest <= 6.5);
    // 52 hours with 6.5-hour arrests; each of the 6 arrests is now `arrest` hours
    char expected[64];
    std::snprintf(expected, sizeof expected, "output police_constable_hours = %.2f hour", 52 - 6 * (6.5 - arrest));
    CHECK(r.out.find(expected) != std::string::npos);
    // the same draw in the run that drew it: the total of draw 3 alone, as two runs of one draw agree
    auto again = run_reckon({"explain", sussex, sussex_case, "police_constable_hours", "--draw", "3", "--seed", "7"});
    CHECK(again.out == r.out);
}

TEST_CASE("sensitivity: a two-way grid over both Sussex ranges, and CSV for spreadsheets") {
    auto r = run_reckon({"sensitivity", sussex, sussex_case, "--output", "total", "--two-way", "arrest_time,prison_annual_cost", "--steps", "3"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(r.out.find("Two-way: total over arrest_time (rows) and prison_annual_cost (columns)\n"
                     "            £39,000.00/year  £42,000.00/year  £45,000.00/year\n"
                     "  3.5 hour       £59,003.11       £59,695.42       £60,387.73\n"
                     "  5 hour         £59,212.02       £59,904.33       £60,596.64\n"
                     "  6.5 hour       £59,420.93       £60,113.24       £60,805.55\n") != std::string::npos);
    // the corner: both low, £60,805.55 - £1,384.62 - £417.82
    auto csv = run_reckon({"sensitivity", sussex, sussex_case, "--output", "total", "--format", "csv"});
    REQUIRE(csv.status == 0);
    CHECK(csv.out.rfind("analysis,figure,value,low,high,figure_at_low,figure_at_high,swing,", 0) == 0);
    CHECK(csv.out.find("one-way,total,prison_annual_cost,39000,45000,59420.93,60805.55,1384.62,") != std::string::npos);
    CHECK(csv.out.find("one-way,total,arrest_time,3.5,6.5,60387.73,60805.55,417.82,") != std::string::npos);
    auto grid = run_reckon({"sensitivity", sussex, sussex_case, "--output", "total", "--two-way", "arrest_time,prison_annual_cost", "--steps", "3",
                            "--format", "csv"});
    REQUIRE(grid.status == 0);
    CHECK(grid.out.find("two-way,total,arrest_time,,,,,,,,,,,,,,prison_annual_cost,3.5,39000,59003.11\n") != std::string::npos);
    CHECK(grid.out.find("two-way,total,arrest_time,,,,,,,,,,,,,,prison_annual_cost,6.5,45000,60805.55\n") != std::string::npos);
}

TEST_CASE("sensitivity: IOM value 1 over the social costs of crime, each swing the figure's share of that type's saving") {
    auto r = run_reckon({"sensitivity", "rulesets/iom-annual-report.reckon", "cases/iom", "--output", "saving_pnc", "--output",
                         "saving_by_type(OffenceType.other_wounding)", "--format", "json"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["cases"] == 240);
    CHECK(j["values"].size() == 19);  // 18 social costs and the price base
    const auto& tornado = j["one_way"][0]["tornado"];
    CHECK(tornado[0]["value"] == "unit_costs(other_wounding).social");
    // the social cost is £5,661 of other wounding's £9,810 (2,765 + 1,384 + 5,661): its swing is that share of the
    // type's saving
    const long long saving = pennies(j["figures"]["saving_by_type(OffenceType.other_wounding)"]["value"]);
    const long long swing = pennies(tornado[0]["swing"]);
    CHECK(std::llabs(swing - std::llround(static_cast<double>(saving) * 5661 / 9810)) <= 1);
    CHECK(tornado[0]["swing"] == "£186,591.93");
    // the price base a year older: every cost uprated by 1.49168 / 1.05102 instead of / 1.06913
    CHECK(tornado[6]["value"] == "prices_year");
    CHECK(tornado[6]["at_low"] == "£1,033,770.62");
}

TEST_CASE("sensitivity: the command line is checked") {
    auto err = [](std::vector<std::string> args) {
        std::vector<std::string> all = {"sensitivity", sussex, sussex_case};
        all.insert(all.end(), args.begin(), args.end());
        auto r = run_reckon(all);
        CHECK(r.out.empty());
        return r;
    };
    auto r = err({"--output", "totl"});
    CHECK(r.status == 2);
    CHECK(r.err.find("'totl' is not an output or rule of rulesets/sussex-complex-client.reckon (did you mean 'total'?)") != std::string::npos);
    r = err({"--threshold", "total=sixty"});
    CHECK(r.status == 2);
    CHECK(r.err == "reckon: error: --threshold total=sixty: expected GBP, as the figure is, such as £60,805.55\n");
    r = err({"--threshold", "total"});
    CHECK(r.status == 2);
    CHECK(r.err == "reckon: error: --threshold total: expected NAME=VALUE, as in --threshold total=£60,000\n");
    r = err({"--two-way", "arrest_time,on_costs"});
    CHECK(r.status == 2);
    CHECK(r.err == "reckon: error: --two-way: 'on_costs' is not a param or a table cell with a range (those with a range: arrest_time, prison_annual_cost)\n");
    r = err({"--two-way", "arrest_time"});
    CHECK(r.status == 2);
    r = err({"--draws", "0"});
    CHECK(r.status == 2);
    // a figure of each case over many cases
    auto many = run_reckon({"sensitivity", "rulesets/iom-annual-report.reckon", "cases/iom", "--output", "days_on"});
    CHECK(many.status == 2);
    CHECK(many.err == "reckon: error: 'days_on' is a figure of one case: give one case, or name cohort figures\n");
    auto text = run_reckon({"sensitivity", "rulesets/iom-annual-report.reckon", "cases/iom", "--output", "status"});
    CHECK(text.status == 2);
    CHECK(text.err.find("'status' is Status: only a number, a quantity or an amount of money is analysed") != std::string::npos);
}

TEST_CASE("sensitivity: --seed is a whole number from 0 to 2^64 - 1, never wrapped (issue 42)") {
    for (const char* command : {"sensitivity", "explain"}) {
        std::vector<std::string> args = {command, sussex, sussex_case};
        if (std::string(command) == "explain") args.insert(args.end(), {"total", "--draw", "1"});
        else args.insert(args.end(), {"--output", "total", "--draws", "10"});
        for (const char* seed : {"-1", "18446744073709551616", "99999999999999999999999", "1e3"}) {
            std::vector<std::string> all = args;
            all.insert(all.end(), {"--seed", seed});
            auto r = run_reckon(all);
            CHECK_MESSAGE(r.status == 2, command << " --seed " << seed);
            CHECK(r.out.empty());
            CHECK(r.err.find(std::string("--seed: ") + seed + ": expected a whole number from 0 to 18446744073709551615, as in --seed 42") !=
                  std::string::npos);
        }
        std::vector<std::string> most = args;
        most.insert(most.end(), {"--seed", "18446744073709551615"});
        auto r = run_reckon(most);
        CHECK_MESSAGE(r.status == 0, r.err);
    }
}

TEST_CASE("sensitivity: a threshold of a percentage figure is read as the figure shows it, 50% as 50 (issue 42)") {
    const std::string dir = reckon::testing::temp_dir();
    reckon::testing::write_file(dir + "/share.reckon", R"(ruleset "Share"
param share = 40% "The share on the scheme" source "test" range 20% to 80%
input cases: number min 0 "Cases"
output share_pct "Share on the scheme" = share * 100
  decimals 1 percent
output share_fraction "Share on the scheme, a fraction" = share + cases * 0
)");
    reckon::testing::write_file(dir + "/case.yaml", "cases: 10\n");
    auto threshold = [&](const std::string& setting) {
        auto r = run_reckon({"sensitivity", dir + "/share.reckon", dir + "/case.yaml", "--threshold", setting, "--format", "json"});
        REQUIRE_MESSAGE(r.status == 0, r.err);
        const auto j = nlohmann::json::parse(r.out);
        REQUIRE(j.at("switching_values").size() == 1);
        return j.at("switching_values").at(0);
    };
    // share_pct is 100 * share: it reaches 50 (shown "50.0 %") where share is 50%, exactly; before, 50% was read
    // as 0.5 ("0.5 %"), which no share in the range reaches
    for (const char* written : {"share_pct=50%", "share_pct=50 %", "share_pct=50"}) {
        const auto t = threshold(written);
        CHECK_MESSAGE(t.at("threshold") == "50.0 %", written << ": " << t.dump());
        REQUIRE(t.at("switching").size() == 1);
        CHECK_MESSAGE(t.at("switching").at(0).at("method") == "exact", written << ": " << t.dump());
        CHECK_MESSAGE(t.at("switching").at(0).value("exact", "") == "1/2", written << ": " << t.dump());
    }
    // a plain number that is not a percentage figure: 50% is 0.5, as the language writes it
    const auto plain = threshold("share_fraction=50%");
    CHECK(plain.at("threshold") == "0.5");
    REQUIRE(plain.at("switching").size() == 1);
    CHECK(plain.at("switching").at(0).value("exact", "") == "1/2");
    // 50%% is no percentage: refused, not read as 0.5 %
    auto doubled = run_reckon({"sensitivity", dir + "/share.reckon", dir + "/case.yaml", "--threshold", "share_pct=50%%"});
    CHECK(doubled.status == 2);
    CHECK(doubled.out.empty());
    CHECK_MESSAGE(doubled.err.rfind("reckon: error: --threshold share_pct=50%%: expected ", 0) == 0, doubled.err);
}

// docs/uncertainty.md shows real output: each `$ reckon …` block in it is run and compared.
TEST_CASE("docs/uncertainty.md: the commands shown print what is shown") {
    CHECK(reckon::testing::check_shown_commands(reckon::testing::read_file(reckon::testing::source_dir() + "/docs/uncertainty.md")) == 4);
}

TEST_CASE("sensitivity: a changed range is a change that diff lists, and doc shows every range with its sources") {
    const std::string b = reckon::testing::edited_ruleset(sussex, "b.reckon", {{"  range 3.5 hour source", "  range 4 hour source"}});
    auto r = run_reckon({"diff", sussex, b});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(r.out.find("  changed param arrest_time\n      range before: 3.5 hour (source: Police section: Home Office (2006), Efficiency "
                     "Planning Toolkit - Ready Reckoner, 'as much as 3.5 hours') to 6.5 hour (source: Police section: Centre for Social "
                     "Justice (undated)), uniform\n      range after:  4 hour (source:") != std::string::npos);
    auto doc = run_reckon({"doc", "rulesets/iom-annual-report.reckon"});
    REQUIRE(doc.status == 0);
    CHECK(doc.out.find("| value | low | high | distribution | source of the low end | source of the high end |\n") != std::string::npos);
    CHECK(doc.out.find("| prices_year | 2009 | 2010 |  | A test of the price base: the costs taken as a year older, 2009/10 prices | "
                       "New Economy / GMCA Unit Cost Database v1.4 (March 2015): 2010/11 prices |\n") != std::string::npos);
    CHECK(doc.out.find("| unit_costs(homicide).social | £0 | £1,069,481 | pert | test: harm to victims not counted | Home Office (2011)") !=
          std::string::npos);
}

namespace {
// A cohort of `n` cases for tests/rulesets/sensitivity-passes.reckon: case cK has K hours, but case c`zero` has 0.
std::string passes_cohort(int n, int zero) {
    std::string csv = "id,hours\n";
    for (int k = 1; k <= n; ++k) csv += "c" + std::to_string(k) + "," + std::to_string(k == zero ? 0 : k) + "\n";
    const std::string path = reckon::testing::temp_dir() + "/cases.csv";
    reckon::testing::write_file(path, csv);
    return path;
}
const char* passes = "tests/rulesets/sensitivity-passes.reckon";

// "2305537524/1285" or "-3" as an exact number.
reckon::Number exact(const std::string& text) {
    const auto slash = text.find('/');
    if (slash == std::string::npos) return reckon::Number(reckon::Integer(text));
    return reckon::Number(reckon::Integer(text.substr(0, slash)), reckon::Integer(text.substr(slash + 1)));
}
}  // namespace

TEST_CASE("sensitivity: a cohort is read in passes, a case at a time, and the case that fails is said once and left out of every pass") {
    // 600 cases, more than two of a pass's chunks; case c300 cannot give its cost per hour (0 hours)
    const std::string cases = passes_cohort(600, 300);
    auto r = run_reckon({"sensitivity", passes, cases, "--output", "total", "--output", "per_hour_total", "--format", "json", "--draws", "300"});
    CHECK(r.status == 1);  // a case failed, as batch says it
    CHECK(r.err ==
          "tests/rulesets/sensitivity-passes.reckon:16:42: error: division by zero\n"
          "  output per_hour \"Cost over hours\" = cost / hours\n"
          "                                           ^\n"
          "  note: while evaluating output 'per_hour' (tests/rulesets/sensitivity-passes.reckon:16:8)\n"
          "  note: in case c300, which is left out\n");
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["cases"] == 599);
    // the hours of the other 599 cases: 1 + … + 600 - 300 = 180,000; the cost is linear in the rate
    const auto& row = j["one_way"][0]["tornado"][0];
    CHECK(row["value"] == "rate");
    CHECK(row["at_low"] == "900,000");     // 5 x 180,000
    CHECK(row["at_high"] == "2,700,000");  // 15 x 180,000
    // each case's cost per hour is the rate, whatever its hours: 599 x the rate, in every draw
    const auto& per_hour = j["draws"]["figures"][1];
    CHECK(per_hour["figure"] == "per_hour_total");
    CHECK(exact(per_hour["mean_exact"]) * 180000 == exact(j["draws"]["figures"][0]["mean_exact"]) * 599);
}

TEST_CASE("sensitivity: the draws go in batches of passes, each draw numbered as explain --draw numbers it") {
    // draw 1025 is the first of the second batch (of 1,024): the mean of 1,025 draws less that of the first 1,024
    // is draw 1025's total, which explain --draw 1025 shows
    const std::string cases = passes_cohort(40, 0);  // 820 hours
    auto mean = [&](const char* draws) {
        auto r = run_reckon({"sensitivity", passes, cases, "--output", "total", "--format", "json", "--draws", draws, "--seed", "7", "--jobs", "2"});
        REQUIRE_MESSAGE(r.status == 0, r.err);
        return exact(nlohmann::json::parse(r.out)["draws"]["figures"][0]["mean_exact"]);
    };
    const reckon::Number draw_1025 = mean("1025") * 1025 - mean("1024") * 1024;
    auto e = run_reckon({"explain", passes, cases, "total", "--draw", "1025", "--seed", "7"});
    REQUIRE_MESSAGE(e.status == 0, e.err);
    std::smatch m;
    REQUIRE(std::regex_search(e.out, m, std::regex("^Draw 1025 of seed 7, with rate = ([0-9.]+)\n")));
    CHECK(draw_1025 == *reckon::parse_decimal(m[1].str()) * 820);
    CHECK(e.out.find("cohort output total = " + reckon::format_fixed(draw_1025, 2) + " ") != std::string::npos);
}

TEST_CASE("sensitivity: the first draw that fails is the one reported, with one thread or two") {
    // with risky=1, a draw of the rate between 14.5 and 14.9 divides by zero in the first case
    const std::string cases = passes_cohort(30, 0);
    auto run = [&](const std::string& draws, const char* jobs) {
        return run_reckon({"sensitivity", passes, cases, "--output", "guarded_total", "--param", "risky=1", "--draws", draws, "--seed", "3", "--jobs", jobs});
    };
    auto r = run("400", "2");
    REQUIRE(r.status == 1);
    CHECK(r.out.empty());
    std::smatch m;
    REQUIRE_MESSAGE(std::regex_search(r.err, m, std::regex("  note: in case c1\n  note: with rate = ([0-9.]+)\n  note: in draw ([0-9]+) of seed 3 "
                                                           "\\(explain shows it: --draw [0-9]+ --seed 3\\)\n$")), r.err);
    CHECK(r.err.rfind("tests/rulesets/sensitivity-passes.reckon:18:60: error: division by zero\n", 0) == 0);
    CHECK(*reckon::parse_decimal(m[1].str()) > reckon::Number::ratio(29, 2));
    CHECK(*reckon::parse_decimal(m[1].str()) < reckon::Number::ratio(149, 10));
    const std::string first = m[2];
    CHECK(run("400", "1").err == r.err);
    // every draw before it succeeds
    const std::string before = std::to_string(std::stoi(first) - 1);
    auto ok = run(before, "2");
    CHECK_MESSAGE(ok.status == 0, ok.err);
    CHECK(ok.out.find("Probabilistic: " + before + " draws, seed 3") != std::string::npos);
    // the same division in the cohort's own sum: the case that met it is named too
    auto cohort = run_reckon({"sensitivity", passes, cases, "--output", "guarded_in_cohort", "--param", "risky=2", "--draws", "400", "--seed", "3"});
    CHECK(cohort.status == 1);
    CHECK_MESSAGE(cohort.err.find("  note: in case c1\n  note: while evaluating output 'guarded_in_cohort' (tests/rulesets/sensitivity-passes.reckon:24:15)\n"
                                  "  note: with rate = " + m[1].str() + "\n  note: in draw " + first + " of seed 3 ") != std::string::npos, cohort.err);
}

TEST_CASE("sensitivity: a value whose range is written in percent is shown in percent, not as a fraction beside it (issue 36)") {
    const std::string dir = reckon::testing::temp_dir();
    reckon::testing::write_file(dir + "/rate.reckon", "ruleset \"Overheads\"\n  version \"1\"\n\n"
                                                      "param overhead_rate = 40% range 25% to 40%\n\n"
                                                      "input hours: number \"Its hours\"\n\n"
                                                      "output cost \"Hours with overheads\" = hours * (1 + overhead_rate)\n");
    reckon::testing::write_file(dir + "/case.yaml", "hours: 10\n");
    auto r = run_reckon({"sensitivity", dir + "/rate.reckon", dir + "/case.yaml"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(r.out.find("  overhead_rate = 40%, from 25% to 40%\n") != std::string::npos);  // was "0.4, from 25% to 40%"
    auto json = run_reckon({"sensitivity", dir + "/rate.reckon", dir + "/case.yaml", "--format", "json"});
    REQUIRE_MESSAGE(json.status == 0, json.err);
    const auto values = nlohmann::json::parse(json.out)["values"];
    REQUIRE(values.size() == 1);
    CHECK(values[0]["value"] == "40%");
    CHECK(values[0]["low"]["value"] == "25%");
}
