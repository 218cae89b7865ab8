// The report's waterfall item (issue 40, item 4): a figure's change from one scenario to another, split among the
// settings that differ, with the same numbers as `reckon diff --attribute` gives for the same two runs.
#include "support.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

using namespace reckon::testing;

namespace {

// Pay at a rate, and a premium of half the rate on the hours over a threshold; the cohort's total, and its waterfall.
std::string overtime(const std::string& waterfall) {
    return "ruleset \"Overtime\"\n  version \"1\"\n  identified by id\n\ncurrency GBP \"£\"\nunit hour\n\n"
           "param rate = £11/hour \"Pay per hour\"\n"
           "param threshold = 38 hour \"Hours paid without the premium\"\n"
           "param premium = 50% \"Extra on each hour over the threshold\"\n"
           "\ninput id: text \"The case\"\ninput hours: hour min 0 \"Hours worked\"\n\n"
           "output pay: GBP \"Pay\" = rate * hours + rate * premium * max(0 hour, hours - threshold)\n"
           "cohort output total: GBP \"Pay of the cohort\" = sum(c.pay for c in cases)\n\n"
           "report \"Pay\"\n  " + waterfall + "\n";
}

struct Files {
    std::string dir, ruleset, scenarios, cases, page;
};

Files write_files(const std::string& waterfall) {
    Files f{temp_dir(), "", "", "", ""};
    f.ruleset = f.dir + "/overtime.reckon";
    f.scenarios = f.dir + "/scenarios.yaml";
    f.cases = f.dir + "/cases";
    f.page = f.dir + "/page.html";
    write_file(f.ruleset, overtime(waterfall));
    write_file(f.scenarios, "low: {rate: £10/hour, threshold: 40 hour}\nhigh: {rate: £12/hour, threshold: 35 hour}\n");
    std::filesystem::create_directories(f.cases);
    write_file(f.cases + "/a.yaml", "id: A\nhours: 50 hour\n");
    write_file(f.cases + "/b.yaml", "id: B\nhours: 38 hour\n");
    return f;
}

std::string row(const std::string& step, const std::string& amount) {
    return "<tr><td>" + step + "</td><td class=\"num\">" + amount + "</td></tr>";
}

}  // namespace

TEST_CASE("report waterfall: a rate and a threshold set by two scenarios, each one's part of the cohort's change, worked by hand") {
    const Files f = write_files("waterfall \"Why the pay changed\" total from \"low\" to \"high\"");
    auto r = run_reckon({"report", f.ruleset, f.cases, "--scenarios", f.scenarios, "--out", f.page});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const std::string page = read_file(f.page);
    // As worked in attribution_test.cpp: A (50 h) £550 -> £690, B (38 h) £380 -> £474; the total £930 -> £1,164, of
    // which the rate £190 and the threshold £44; £8 the two make together, shared equally between them.
    CHECK(page.find(row("Pay of the cohort under low", "£930.00")) != std::string::npos);
    CHECK(page.find(row("rate: £10/hour → £12/hour", "+£190.00")) != std::string::npos);
    CHECK(page.find(row("threshold: 40 hour → 35 hour", "+£44.00")) != std::string::npos);
    CHECK(page.find(row("Pay of the cohort under high", "£1,164.00")) != std::string::npos);
    CHECK(page.find("rate: £10/hour → £12/hour × threshold: 40 hour → 35 hour together make +£8.00 of it") != std::string::npos);
    CHECK(page.find("<svg") != std::string::npos);
    CHECK(page.find("<rect class=\"step\"") != std::string::npos);

    // the same two runs through reckon diff: the same parts, to the penny
    auto d = run_reckon({"diff", f.ruleset, f.ruleset, "--cases", f.cases, "--old-param", "rate=£10/hour", "--old-param", "threshold=40 hour",
                         "--param", "rate=£12/hour", "--param", "threshold=35 hour", "--attribute", "--format", "json"});
    REQUIRE_MESSAGE(d.status == 0, d.err);
    const auto j = nlohmann::json::parse(d.out);
    REQUIRE(j["cohort"].size() == 1);
    const auto& total = j["cohort"][0];
    CHECK(page.find(row("Pay of the cohort under low", total["before"].get<std::string>())) != std::string::npos);
    CHECK(page.find(row("Pay of the cohort under high", total["after"].get<std::string>())) != std::string::npos);
    CHECK(total["attribution"][0]["change"] == "--param rate");
    CHECK(page.find(row("rate: £10/hour → £12/hour", total["attribution"][0]["amount"].get<std::string>())) != std::string::npos);
    CHECK(page.find(row("threshold: 40 hour → 35 hour", total["attribution"][1]["amount"].get<std::string>())) != std::string::npos);
}

TEST_CASE("report waterfall: without from and to it is from the first scenario to the last, and without --scenarios the item says how to draw it") {
    const Files f = write_files("waterfall \"Why the pay changed\" total");
    auto r = run_reckon({"report", f.ruleset, f.cases, "--scenarios", f.scenarios, "--out", f.page});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(read_file(f.page).find(row("Pay of the cohort under low", "£930.00")) != std::string::npos);
    auto plain = run_reckon({"report", f.ruleset, f.cases, "--out", f.page});
    REQUIRE_MESSAGE(plain.status == 0, plain.err);
    CHECK(read_file(f.page).find("Not drawn: a waterfall shows a figure's change from one scenario to another: run the report with "
                                 "--scenarios FILE.yaml") != std::string::npos);
}

TEST_CASE("report waterfall: a scenario the file lacks is named at the item's line, and the report exits 1") {
    const Files f = write_files("waterfall \"Why the pay changed\" total from \"low\" to \"middle\"");
    auto r = run_reckon({"report", f.ruleset, f.cases, "--scenarios", f.scenarios, "--out", f.page});
    CHECK(r.status == 1);
    CHECK(r.err.find(f.ruleset + ":19:3: error: this waterfall could not be drawn: it compares scenario 'middle', and " + f.scenarios +
                     " has none of that name (its scenarios: low, high)") != std::string::npos);
    CHECK(read_file(f.page).find("Not drawn: it compares scenario 'middle'") != std::string::npos);
}
