// `reckon diff` between two runs of one ruleset (issue 40, item 3): the settings of each run (--param for both,
// --old-param for the old alone) and its cases (--cases, --old-cases) compared, each difference a change that
// --attribute splits a figure's change among; and a cohort figure over the cases split case by case (item 2).
#include "support.hpp"

#include "core/base/number.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>

using namespace reckon::testing;
using reckon::Integer;
using reckon::Number;

namespace {

// Pay at a rate, and a premium of half the rate on the hours over a threshold; the cohort's total.
const char* overtime =
    "ruleset \"Overtime\"\n  version \"1\"\n  identified by id\n\ncurrency GBP \"£\"\nunit hour\n\n"
    "param rate = £11/hour \"Pay per hour\"\n"
    "param threshold = 38 hour \"Hours paid without the premium\"\n"
    "param premium = 50% \"Extra on each hour over the threshold\"\n"
    "\ninput id: text \"The case\"\ninput hours: hour min 0 \"Hours worked\"\n\n"
    "output pay: GBP \"Pay\" = rate * hours + rate * premium * max(0 hour, hours - threshold)\n"
    "cohort output total: GBP \"Pay of the cohort\" = sum(c.pay for c in cases)\n"
    "cohort output over: GBP \"Pay of those over 40 hours\" = sum(c.pay for c in cases where c.hours > 40 hour)\n";

struct Files {
    std::string dir, ruleset, a, b;
};

Files write_files() {
    Files f{temp_dir(), "", "", ""};
    f.ruleset = f.dir + "/overtime.reckon";
    write_file(f.ruleset, overtime);
    std::filesystem::create_directories(f.dir + "/cases");
    f.a = f.dir + "/cases/a.yaml";
    f.b = f.dir + "/cases/b.yaml";
    write_file(f.a, "id: A\nhours: 50 hour\n");
    write_file(f.b, "id: B\nhours: 38 hour\n");
    return f;
}

Number exact(const std::string& s) {
    const auto slash = s.find('/');
    return slash == std::string::npos ? Number(Integer(s)) : Number(Integer(s.substr(0, slash)), Integer(s.substr(slash + 1)));
}

// A cohort figure of the JSON by its output name.
nlohmann::json cohort_figure(const nlohmann::json& j, const std::string& output) {
    for (const auto& f : j["cohort"])
        if (f["output"] == output) return f;
    FAIL("no cohort figure " << output);
    return {};
}

std::map<std::string, Number> parts(const nlohmann::json& f) {
    std::map<std::string, Number> out;
    for (const auto& s : f["attribution"]) out[s["change"].get<std::string>()] = exact(s["exact"]);
    for (const auto& s : f["interactions"]) out["together: " + s["change"].get<std::string>()] = exact(s["exact"]);
    return out;
}

}  // namespace

TEST_CASE("diff of two runs: a rate and a threshold set by --old-param and --param share the change as two versions would") {
    const Files f = write_files();
    auto r = run_reckon({"diff", f.ruleset, f.ruleset, "--cases", f.dir + "/cases", "--old-param", "rate=£10/hour", "--old-param",
                         "threshold=40 hour", "--param", "rate=£12/hour", "--param", "threshold=35 hour", "--attribute", "--format", "json"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["attribution"]["changes"] == nlohmann::json::array({"--param rate", "--param threshold"}));
    REQUIRE(j["changes"].size() == 2);
    CHECK(j["changes"][0]["section"] == "run");
    CHECK(j["changes"][0]["aspects"][0]["before"] == "£10/hour");
    CHECK(j["changes"][0]["aspects"][0]["after"] == "£12/hour");
    // As worked in attribution_test.cpp for two versions: A (50 h) £550 -> £690, B (38 h) £380 -> £474; the cohort
    // £930 -> £1,164: the rate £190, the threshold £44, of which £8 the two make together.
    const auto total = parts(cohort_figure(j, "total"));
    CHECK(total.at("--param rate") == 190);
    CHECK(total.at("--param threshold") == 44);
    CHECK(total.at("together: --param rate × --param threshold") == 8);
    auto text = run_reckon({"diff", f.ruleset, f.ruleset, "--cases", f.dir + "/cases", "--old-param", "rate=£10/hour", "--param",
                            "rate=£12/hour"}).out;
    CHECK(text.find("run\n  changed --param rate\n      value: £10/hour -> £12/hour\n") != std::string::npos);
    CHECK(text.find("  total: £940.00 -> £1,128.00  (+£188.00)\n") != std::string::npos);  // A at 38 h as above, B £380 -> £456
}

TEST_CASE("diff of two runs: a case file in the new run alone is the change 'cases in', and the cohort's figures split case by case") {
    const Files f = write_files();
    // The old run: A alone at £10 an hour; the new: A and B at £12.
    auto r = run_reckon({"diff", f.ruleset, f.ruleset, "--old-cases", f.a, "--cases", f.a, f.b, "--old-param", "rate=£10/hour", "--param",
                         "rate=£12/hour", "--attribute", "--format", "json"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["attribution"]["changes"] == nlohmann::json::array({"--param rate", "cases in"}));
    // threshold 38 h. v(neither) = A at £10: £500 + £5 × 12 h = £560; v(rate) = A at £12: £672;
    // v(cases in) = £560 + B at £10 (38 h, no premium) £380 = £940; v(both) = £672 + £456 = £1,128.
    // rate: ((672 - 560) + (1128 - 940)) / 2 = £150; cases in: ((940 - 560) + (1128 - 672)) / 2 = £418;
    // together: 1128 - 672 - 940 + 560 = £76.
    const auto total_figure = cohort_figure(j, "total");
    CHECK(total_figure["before"] == "£560.00");
    CHECK(total_figure["after"] == "£1,128.00");
    const auto total = parts(total_figure);
    CHECK(total.at("--param rate") == 150);
    CHECK(total.at("cases in") == 418);
    CHECK(total.at("together: --param rate × cases in") == 76);
    // case by case: A adds £112 more in the new run; B, £456, only in the new run
    const auto split = total_figure["by_case"];
    CHECK(split["both"]["cases"] == 1);
    CHECK(split["both"]["exact"] == "112");
    CHECK(split["new_only"]["cases"] == 1);
    CHECK(split["new_only"]["exact"] == "456");
    CHECK(split["old_only"]["cases"] == 0);
    REQUIRE(split["largest"].size() == 2);
    CHECK(split["largest"][0]["case"] == "B");
    CHECK(split["largest"][0]["change"] == "+£456.00");
    // over 40 hours: A alone passes its where in both runs
    CHECK(cohort_figure(j, "over")["by_case"]["new_only"]["cases"] == 0);
    CHECK(j["summary"]["cases"] == 1);
    CHECK(j["summary"]["only_new"] == 1);
    CHECK(j["summary"]["only_old"] == 0);
    auto text = run_reckon({"diff", f.ruleset, f.ruleset, "--old-cases", f.a, "--cases", f.a, f.b}).out;
    CHECK(text.find("  added cases in\n      files: " + f.b + " (1 file)\n") != std::string::npos);
    // the same cases at one rate: A's part does not change, B's (£11 x 38 h) is all of the total's change
    CHECK(text.find("  total: £616.00 -> £1,034.00  (+£418.00)\n"
                    "      case by case: 1 case adds to it in both runs (no change); 1 case adds to it only in the new run (+£418.00)\n"
                    "        B (" + f.b + ")  +£418.00, only in the new run\n") != std::string::npos);
    CHECK(text.find("1 case, 0 affected; not compared: 1 of the new run alone, 0 of the old run alone\n") != std::string::npos);
}

TEST_CASE("diff of two runs: --old-cases without --cases, and an --old-param the ruleset does not have, are usage errors") {
    const Files f = write_files();
    auto r = run_reckon({"diff", f.ruleset, f.ruleset, "--old-cases", f.a});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("--old-cases are the old run's cases, compared with the new run's: give those with --cases") != std::string::npos);
    r = run_reckon({"diff", f.ruleset, f.ruleset, "--cases", f.a, "--old-param", "rates=£10/hour"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("--old-param rates") != std::string::npos);
}

TEST_CASE("diff of two runs: the IOM report 2022 -> 2023, each cohort figure over the cases split between the nominals of both years "
          "and those of one, adding up exactly") {
    const std::string R = "rulesets/iom-annual-report.reckon";
    auto r = run_reckon({"diff", R, R, "--cases", "cases/iom", "--old-param", "report_year=2022", "--param", "report_year=2023",
                         "--attribute", "--format", "json"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["attribution"]["changes"] == nlohmann::json::array({"--param report_year"}));
    const auto included = cohort_figure(j, "nominals_included");
    CHECK(included["before"] == "104");
    CHECK(included["after"] == "157");
    // 80 nominals included both years, 77 in 2023 alone, 24 in 2022 alone: 157 - 104 = 77 - 24
    CHECK(included["by_case"]["both"]["cases"] == 80);
    CHECK(included["by_case"]["new_only"]["exact"] == "77");
    CHECK(included["by_case"]["old_only"]["exact"] == "-24");
    for (const char* money : {"baseline_cost", "annualised_cost"}) {
        INFO(std::string(money));
        const auto fig = cohort_figure(j, money);
        REQUIRE(fig.contains("by_case"));
        Number sum(0);
        for (const char* g : {"both", "new_only", "old_only"}) sum += exact(fig["by_case"][g]["exact"]);
        // the parts (uprated, so not whole pence) add up to the change before rounding: within a penny of it as shown
        const Number shown = Number(pennies(fig["after"]) - pennies(fig["before"]), 100);
        CHECK(abs(sum - shown) <= Number(1, 100));
        CHECK(exact(fig["attribution"][0]["exact"]) == shown);  // the one change gets the whole of it
    }
    // saving_pnc is a difference of two cohort figures, not a sum over the cases: no split case by case
    CHECK_FALSE(cohort_figure(j, "saving_pnc").contains("by_case"));
}

TEST_CASE("diff of two runs: --old-scenario and --new-scenario name the runs' settings in a scenarios file, as --old-param and --param would") {
    const std::string R = "rulesets/iom-annual-report.reckon", Y = "rulesets/iom-annual-report.years.yaml";
    auto named = run_reckon({"diff", R, R, "--cases", "cases/iom", "--scenarios", Y, "--old-scenario", "2022", "--new-scenario", "2023",
                             "--attribute", "--format", "json"});
    REQUIRE_MESSAGE(named.status == 0, named.err);
    auto given = run_reckon({"diff", R, R, "--cases", "cases/iom", "--old-param", "report_year=2022", "--param", "report_year=2023",
                             "--attribute", "--format", "json"});
    REQUIRE_MESSAGE(given.status == 0, given.err);
    CHECK(named.out == given.out);
    CHECK(nlohmann::json::parse(named.out)["changes"][0]["name"] == "--param report_year");
    // a cell spelt with its enumeration's name in one option and without in the other is one setting
    auto cell = run_reckon({"diff", R, R, "--param", "unit_costs(homicide).fiscal=£1", "--old-param", "unit_costs( OffenceType.homicide ).fiscal=£2"});
    REQUIRE_MESSAGE(cell.status == 0, cell.err);
    CHECK(cell.out.find("run\n  changed --param unit_costs( OffenceType.homicide ).fiscal\n      value: £2 -> £1\n") != std::string::npos);

    auto unknown = run_reckon({"diff", R, R, "--cases", "cases/iom", "--scenarios", Y, "--old-scenario", "2032", "--new-scenario", "2023"});
    CHECK(unknown.status == 2);
    CHECK(unknown.out.empty());
    CHECK(unknown.err == "reckon: error: --old-scenario 2032: " + Y + " has no scenario of that name; did you mean '2022', '2023' or '2019'? "
                         "(its scenarios: 2019, 2020, 2021, 2022, 2023, 2024)\n");
    auto no_file = run_reckon({"diff", R, R, "--cases", "cases/iom", "--new-scenario", "2023"});
    CHECK(no_file.status == 2);
    CHECK(no_file.err == "reckon: error: --old-scenario and --new-scenario name scenarios of a file: give it with --scenarios FILE.yaml\n");
    auto each = run_reckon({"diff", R, R, "--cases", "cases/iom", "--scenarios", Y, "--attribute"});
    CHECK(each.status == 2);
    CHECK(each.err.find("name them with --old-scenario NAME --new-scenario NAME") != std::string::npos);
}

TEST_CASE("diff of two runs: --new-param sets a value for the new run alone, the old keeping the ruleset's") {
    const Files f = write_files();
    // the ruleset's rate is £11/hour: A (50 h, 38 h threshold) £550 + £5.50 x 12 h = £616, B (38 h) £418; at £12 the
    // new run gives £672 and £456: the total £1,034 -> £1,128
    auto r = run_reckon({"diff", f.ruleset, f.ruleset, "--cases", f.dir + "/cases", "--new-param", "rate=£12/hour", "--attribute", "--format", "json"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["changes"][0]["name"] == "--param rate");
    CHECK(j["changes"][0]["aspects"][0]["before"] == "(the ruleset's)");
    CHECK(j["changes"][0]["aspects"][0]["after"] == "£12/hour");
    const auto total = cohort_figure(j, "total");
    CHECK(total["before"] == "£1,034.00");
    CHECK(total["after"] == "£1,128.00");
    CHECK(parts(total).at("--param rate") == 94);
    auto bad = run_reckon({"diff", f.ruleset, f.ruleset, "--cases", f.dir + "/cases", "--new-param", "rates=£12/hour"});
    CHECK(bad.status == 2);
    CHECK(bad.err.find("--new-param rates") != std::string::npos);
}

TEST_CASE("diff of two runs: a file given twice is two cases, two spellings of one path one file, and a bad own value is named by its option") {
    const Files f = write_files();
    // the old run has A twice, the new A and B: one A is compared, the other is 'cases out', B 'cases in'
    auto r = run_reckon({"diff", f.ruleset, f.ruleset, "--old-cases", f.a, f.a, "--cases", f.a, f.b, "--format", "json"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["summary"]["cases"] == 1);
    CHECK(j["summary"]["only_new"] == 1);
    CHECK(j["summary"]["only_old"] == 1);
    REQUIRE(j["changes"].size() == 2);
    CHECK(j["changes"][0]["name"] == "cases in");
    CHECK(j["changes"][1]["name"] == "cases out");
    // at £11/hour: A £616 twice (£1,232) -> A £616 and B £418 (£1,034): B's £418 in, one A's £616 out
    const auto total = cohort_figure(j, "total");
    CHECK(total["before"] == "£1,232.00");
    CHECK(total["after"] == "£1,034.00");
    CHECK(total["by_case"]["new_only"]["exact"] == "418");
    CHECK(total["by_case"]["old_only"]["exact"] == "-616");
    CHECK(total["by_case"]["both"]["cases"] == 1);
    // the same files in the same order, twice: compared by position, nothing changes
    r = run_reckon({"diff", f.ruleset, f.ruleset, "--cases", f.a, f.a, "--format", "json"});
    CHECK(nlohmann::json::parse(r.out)["summary"]["cases"] == 2);
    // one file spelt two ways is one file: no change of the cases
    const std::string other_spelling = f.dir + "/cases/../cases/a.yaml";
    r = run_reckon({"diff", f.ruleset, f.ruleset, "--old-cases", other_spelling, f.b, "--cases", f.a, f.b, "--format", "json"});
    j = nlohmann::json::parse(r.out);
    CHECK(j["changes"].empty());
    CHECK(j["summary"]["cases"] == 2);
    CHECK(j["summary"]["only_new"] == 0);
    // a value of --new-param or --old-param that does not check is named with its option
    auto bad = run_reckon({"diff", f.ruleset, f.ruleset, "--new-param", "rate=3 hour"});
    CHECK(bad.status == 2);
    CHECK(bad.err.rfind("reckon: error: --new-param rate: ", 0) == 0);
    bad = run_reckon({"diff", f.ruleset, f.ruleset, "--old-param", "rate"});
    CHECK(bad.status == 2);
    CHECK(bad.err == "reckon: error: --old-param rate: expected NAME=VALUE, as in --old-param on_costs=25%\n");
}
