// `reckon explain`: where a figure comes from, down to the params' sources.
#include "support.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cctype>
#include <string>

using reckon::testing::run_reckon;
using reckon::testing::Run;
using reckon::testing::pennies;

namespace {
const char* ruleset = "rulesets/sussex-complex-client.reckon";
const char* case_file = "cases/sussex/complex-client-2010-11.yaml";

bool has(const std::string& text, const std::string& line) { return text.find(line) != std::string::npos; }
}  // namespace

TEST_CASE("explain total: the seven agencies, and under them every param with its source and every input") {
    auto r = run_reckon({"explain", ruleset, case_file, "total"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(r.out.rfind("output total = £60,805.55    (rulesets/sussex-complex-client.reckon:209:8)\n"
                      "    formula: probation + police + court + hostel + drug_services + prison + nhs\n", 0) == 0);
    for (const char* agency : {"  output probation = £2,356.36", "  output police = £4,796.04", "  output court = £208.00",
                               "  output hostel = £33,382.07", "  output drug_services = £3,785.45",
                               "  output prison = £10,384.62", "  output nhs = £5,893.00"})
        CHECK_MESSAGE(has(r.out, std::string("\n") + agency + "    (rulesets/"), agency);
    // down to the 1,650 hours and the 20 % on-costs, with their sources
    CHECK(has(r.out, "      param working_hours = 1,650 hour/year    (rulesets/sussex-complex-client.reckon:50:7)\n"
                     "          formula: 1650 hour/year\n"
                     "          Annualised hours: 220 working days of 7.5 hours\n"
                     "          source: Footnote 1\n"));
    CHECK(has(r.out, "      param on_costs = 20%    (rulesets/sussex-complex-client.reckon:46:7)\n"
                     "          formula: 20%\n"));
    // inputs with their place in the case file
    CHECK(has(r.out, "input police.custody_minutes = 101, 1088, 491, 996, 1101, 1452 minute    "
                     "(cases/sussex/complex-client-2010-11.yaml:26:20)\n"));
    CHECK(has(r.out, "input police.arrests = 6    (cases/sussex/complex-client-2010-11.yaml:25:12)\n"));
    // rounding steps where they happen, with the values before and after (101 minutes = 1.683333… hours, 1 completed hour)
    CHECK(has(r.out, "rounded to a multiple of 1 hour, down (floor): 1.683333… hour -> 1 hour, 18.133333… hour -> 18 hour, "
                     "8.183333… hour -> 8 hour, … (6 different) (rulesets/sussex-complex-client.reckon:112:27)\n"));
    CHECK(has(r.out, "rounded to a multiple of £1, half away from zero: £36.27 -> £36 (rulesets/sussex-complex-client.reckon:193:25)\n"));
}

TEST_CASE("explain --depth cuts the tree and --format json gives the same tree") {
    auto one = run_reckon({"explain", ruleset, case_file, "total", "--depth", "1"});
    CHECK(one.out ==
          "output total = £60,805.55    (rulesets/sussex-complex-client.reckon:209:8)\n"
          "    formula: probation + police + court + hostel + drug_services + prison + nhs\n"
          "    The seven agencies; the exact sum, rounded once\n"
          "  ...\n");
    auto j = nlohmann::json::parse(run_reckon({"explain", ruleset, case_file, "total", "--format", "json", "--depth", "2"}).out);
    CHECK(j["value"] == "£60,805.55");
    REQUIRE(j["uses"].size() == 7);
    CHECK(j["uses"][0]["name"] == "probation");
    CHECK(j["uses"][0]["more"] == true);
    CHECK(j["uses"][6]["name"] == "nhs");
}

TEST_CASE("explain --format json gives each number exactly, in base units, so that each step can be worked again") {
    auto j = nlohmann::json::parse(run_reckon({"explain", ruleset, case_file, "total", "--format", "json"}).out);
    // £60,805.55 shown; exactly 13042790239/214500 GBP, the sum of the seven agencies' exact values (each shown to the penny)
    CHECK(j["exact"] == "13042790239/214500");
    CHECK(j["exact_unit"] == "GBP");
    REQUIRE(j["uses"].size() == 7);
    CHECK(j["uses"][0]["exact"] == "25920/11");  // probation, £2,356.36
    CHECK(j["uses"][2]["exact"] == "208");       // court, 2 cases at £104
    const auto& police_time = j["uses"][1]["uses"][0];
    REQUIRE(police_time["name"] == "police_constable_time");
    // hourly_rate(£31,917/year) = £31,917 × 1.2 / (1,650 × 60 minute): per minute, in the base units
    CHECK(police_time["uses"][0]["name"] == "hourly_rate(£31,917.00/year)");
    CHECK(police_time["uses"][0]["exact"] == "10639/27500");
    CHECK(police_time["uses"][0]["exact_unit"] == "GBP/minute");
    CHECK(police_time["uses"][2]["name"] == "police_constable_hours");
    CHECK(police_time["uses"][2]["value"] == "52 hour");
    CHECK(police_time["uses"][2]["exact"] == "3120");
    CHECK(police_time["uses"][2]["exact_unit"] == "minute");
    CHECK(police_time["exact"] == "1659684/1375");  // 10639/27500 × 3120, the step worked again
    const auto& on_costs = j["uses"][0]["uses"][0]["uses"][0];  // under probation's hourly_rate, shown there first
    REQUIRE(on_costs["name"] == "on_costs");
    CHECK(on_costs["exact"] == "1/5");  // a plain number: no unit
    CHECK(!on_costs.contains("exact_unit"));
}

TEST_CASE("explain: an unknown output is a command-line error listing the outputs - and --param is shown as the source") {
    auto r = run_reckon({"explain", ruleset, case_file, "totl"});
    CHECK(r.status == 2);
    CHECK(r.err.rfind("reckon: error: 'totl' is not an output or rule of rulesets/sussex-complex-client.reckon (did you mean 'total'?); "
                      "its outputs are: probation, ", 0) == 0);
    auto p = run_reckon({"explain", ruleset, case_file, "probation", "--param", "on_costs=25%"});
    CHECK(has(p.out, "output probation = £2,454.55"));
    CHECK(has(p.out, "param on_costs = 25%    (rulesets/sussex-complex-client.reckon:46:7)\n"
                     "        formula: 20%\n"));
    CHECK(has(p.out, "source: set on the command line (--param on_costs)\n"));
}

TEST_CASE("explain a cohort figure: the cohort figures it uses, and the cases with the largest parts, which add up to it") {
    Run r = run_reckon({"explain", "rulesets/iom-annual-report.reckon", "cases/iom", "saving_pnc", "--param", "report_year=2023",
                        "--format", "json"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["kind"] == "cohort output");
    CHECK(j["value"] == "£1,016,259.57");
    CHECK(j["formula"] == "if nominals_included > 0 then baseline_cost - annualised_cost else none");
    REQUIRE(j["uses"].size() == 3);
    CHECK(j["uses"][0]["name"] == "nominals_included");  // not defined when no nominal is included
    CHECK(j["uses"][0]["over_cases"] == "counts 157 of the 240 cases");
    j["uses"].erase(0);
    for (const auto& u : j["uses"]) {
        CAPTURE(u["name"].get<std::string>());
        CHECK(u["kind"] == "cohort output");
        REQUIRE(u["parts"].size() == 6);  // the five largest and the others
        long long sum = 0;
        for (const auto& part : u["parts"]) sum += pennies(part["value"].get<std::string>());
        CHECK(sum == pennies(u["value"].get<std::string>()));  // the lines add up to the figure, to the penny
        CHECK(u["parts"][5]["kind"] == "cases");
        CHECK(u["parts"][0]["kind"] == "case");
    }
    CHECK(j["uses"][0]["name"] == "baseline_cost");
    CHECK(j["uses"][0]["value"] == "£1,446,450.90");
    CHECK(j["uses"][0]["over_cases"] == "157 of the 240 cases pass its where; 138 of them add to it, the other 19 give £0.00; the 5 largest parts:");
    CHECK(j["uses"][0]["parts"][0] == nlohmann::json{{"kind", "case"}, {"name", "N0121"}, {"value", "£56,153.74"}, {"file", "cases/iom/N0121.yaml"}});
    CHECK(j["uses"][1]["name"] == "annualised_cost");
    CHECK(j["uses"][1]["value"] == "£430,191.32");
    // the largest part is the case's own figure: N0121's baseline cost, included in the year
    Run one = run_reckon({"eval", "rulesets/iom-annual-report.reckon", "cases/iom/N0121.yaml", "--param", "report_year=2023", "--format", "json"});
    CHECK(nlohmann::json::parse(one.out)["outputs"]["baseline_cost"]["value"] == "56153.74");
    // the text
    Run t = run_reckon({"explain", "rulesets/iom-annual-report.reckon", "cases/iom", "saving_pnc", "--param", "report_year=2023"});
    CHECK(t.out.find("cohort output saving_pnc = £1,016,259.57    (rulesets/iom-annual-report.reckon:151:15)\n") == 0);
    CHECK(t.out.find("        N0121 £56,153.74    (cases/iom/N0121.yaml)\n") != std::string::npos);
    CHECK(t.out.find("        the other 133 cases £1,234,644.14\n") != std::string::npos);
    // a count says how many it counts; the same name as a case's figure explains that one for one case
    Run count = run_reckon({"explain", "rulesets/iom-annual-report.reckon", "cases/iom", "nominals_included", "--param", "report_year=2023"});
    CHECK(count.out.find("    counts 157 of the 240 cases\n") != std::string::npos);
    Run case_figure = run_reckon({"explain", "rulesets/iom-annual-report.reckon", "cases/iom/N0121.yaml", "baseline_cost", "--param", "report_year=2023"});
    CHECK(case_figure.out.rfind("output baseline_cost = £56,153.74", 0) == 0);
    Run two = run_reckon({"explain", "rulesets/iom-annual-report.reckon", "cases/iom/N0121.yaml", "cases/iom/N0122.yaml", "days_on"});
    CHECK(two.status == 2);
    CHECK(two.err == "reckon: error: 'days_on' is a figure of one case: give one case file (or a case table with --case ID), not 2\n");
}

TEST_CASE("explain a cohort figure --case ID: that case's part of each sum, followed down to its inputs") {
    const std::vector<std::string> base{"explain", "rulesets/iom-annual-report.reckon", "cases/iom", "saving_pnc", "--param", "report_year=2023",
                                        "--case", "N0121"};
    std::vector<std::string> args = base;
    args.insert(args.end(), {"--format", "json"});
    Run r = run_reckon(args);
    REQUIRE_MESSAGE(r.status == 0, r.err);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["uses"].size() == 3);
    CHECK(j["uses"][0]["name"] == "nominals_included");  // counted: N0121 is included
    j["uses"].erase(0);
    // N0121's part of the baseline cost is its largest part, and is the case's own figure, followed to its inputs
    const auto& baseline = j["uses"][0];
    REQUIRE(baseline["case"].size() == 1);
    CHECK(baseline["case"][0]["case"] == "N0121");
    CHECK(baseline["case"][0]["file"] == "cases/iom/N0121.yaml");
    CHECK(baseline["case"][0]["part"] == "£56,153.74");
    CHECK(baseline["case"][0]["part"] == baseline["parts"][0]["value"]);
    const auto& uses = baseline["case"][0]["uses"];
    REQUIRE(uses.size() == 2);  // what the sum reads from a case: its baseline_cost and whether it is included
    CHECK(uses[0]["kind"] == "output");
    CHECK(uses[0]["name"] == "baseline_cost");
    CHECK(uses[0]["value"] == "£56,153.74");
    CHECK(uses[0]["uses"][0]["kind"] == "input");
    CHECK(uses[0]["uses"][0]["name"] == "offences");
    CHECK(uses[0]["uses"][0]["where"].get<std::string>().rfind("cases/iom/N0121.yaml:", 0) == 0);  // the input's line in the case file
    CHECK(uses[1]["name"] == "included");
    CHECK(uses[1]["value"] == "true");
    // its part of the annualised cost: the case's factor times its year's cost, as eval gives them
    Run one = run_reckon({"eval", "rulesets/iom-annual-report.reckon", "cases/iom/N0121.yaml", "--param", "report_year=2023", "--format", "json"});
    auto outputs = nlohmann::json::parse(one.out)["outputs"];
    const auto& annualised = j["uses"][1]["case"][0];
    CHECK(annualised["part"] == "£" + outputs["annualised_cost"]["value"].get<std::string>());
    // the text: the part under the parts, the case's figures under it
    Run t = run_reckon(base);
    REQUIRE(t.status == 0);
    CHECK(t.out.find("        the other 133 cases £1,234,644.14\n      case N0121's part: £56,153.74    (cases/iom/N0121.yaml)\n"
                     "        output baseline_cost = £56,153.74    (rulesets/iom-annual-report.reckon:94:8)\n") != std::string::npos);
    // a case the sum leaves out has a part of £0.00, and the figure that leaves it out is shown
    Run out = run_reckon({"explain", "rulesets/iom-annual-report.reckon", "cases/iom", "baseline_cost", "--param", "report_year=2023", "--case", "N0086"});
    CHECK(out.out.find("\n    case N0086's part: £0.00    (cases/iom/N0086.yaml)\n") != std::string::npos);
    CHECK(out.out.find("\n      rule included = false    (rulesets/iom-annual-report.reckon:76:6)\n") != std::string::npos);
    // a count says whether it counts the case
    Run count = run_reckon({"explain", "rulesets/iom-annual-report.reckon", "cases/iom", "nominals_included", "--param", "report_year=2023",
                            "--case", "N0086"});
    CHECK(count.out.find("    case N0086: not counted    (cases/iom/N0086.yaml)\n") != std::string::npos);
    // a case the batch does not have
    Run none = run_reckon({"explain", "rulesets/iom-annual-report.reckon", "cases/iom", "saving_pnc", "--case", "N9999"});
    CHECK(none.status == 2);
    CHECK(none.out.empty());
    CHECK(none.err == "reckon: error: --case N9999: no case of the batch is named N9999\n");
}

TEST_CASE("explain one member of a figure by member: its value, the members it uses, the cases' parts of each, and calls valued") {
    const std::string iom = "rulesets/iom-annual-report.reckon";
    Run r = run_reckon({"explain", iom, "cases/iom", "saving_by_type(OffenceType.shoplifting)", "--param", "report_year=2023", "--format", "json"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    auto j = nlohmann::json::parse(r.out);
    // the member's figure is the batch's, to the penny
    Run b = run_reckon({"batch", iom, "cases/iom", "--param", "report_year=2023", "--format", "jsonl"});
    const auto cohort = reckon::testing::parse_jsonl(b.out).cohort;
    CHECK(j["name"] == "saving_by_type(OffenceType.shoplifting)");
    CHECK(j["value"] == "£18,035.85");
    CHECK(cohort["saving_by_type"]["value"]["shoplifting"] == "18035.85");
    // what its formula uses for that member: the same member of the figures by member, each with the cases' parts, and cost(shoplifting)
    REQUIRE(j["uses"].size() == 3);
    CHECK(j["uses"][0]["name"] == "baseline_offences_by_type(OffenceType.shoplifting)");
    CHECK(j["uses"][0]["value"] == "144");
    CHECK(cohort["baseline_offences_by_type"]["value"]["shoplifting"] == "144");
    CHECK(j["uses"][0]["over_cases"] == "157 of the 240 cases pass its where; 87 of them add to it, the other 70 give 0; the 5 largest parts:");
    long long sum = 0;
    for (const auto& part : j["uses"][0]["parts"]) sum += std::stoll(part["value"].get<std::string>());
    CHECK(sum == 144);  // the parts add up to the member's figure
    CHECK(j["uses"][1]["name"] == "annualised_offences_by_type(OffenceType.shoplifting)");
    CHECK(j["uses"][1]["value"] == "38.9");
    CHECK(j["uses"][2]["kind"] == "fn");
    CHECK(j["uses"][2]["name"] == "cost(shoplifting)");
    CHECK(j["uses"][2]["value"] == "£171.613031…");  // (£26 + £97 + £0) × 1.49168 / 1.06913
    // the member may be named without its enumeration; a case's figure by member the same way
    Run bare = run_reckon({"explain", iom, "cases/iom", "saving_by_type(shoplifting)", "--param", "report_year=2023", "--format", "json"});
    CHECK(nlohmann::json::parse(bare.out)["value"] == "£18,035.85");
    Run one = run_reckon({"explain", iom, "cases/iom/N0086.yaml", "baseline_offences_of(shoplifting)", "--param", "report_year=2023"});
    CHECK(one.out.rfind("rule baseline_offences_of(OffenceType.shoplifting) = 4    (rulesets/iom-annual-report.reckon:97:6)\n", 0) == 0);
    // with --case, the case's figure by the same enumeration shows that member
    Run followed = run_reckon({"explain", iom, "cases/iom", "baseline_offences_by_type(shoplifting)", "--param", "report_year=2023",
                               "--case", "N0010"});
    CHECK(followed.out.find("\n    case N0010's part: 4    (cases/iom/N0010.yaml)\n"
                            "      rule baseline_offences_of(OffenceType.shoplifting) = 4    (rulesets/iom-annual-report.reckon:97:6)\n") !=
          std::string::npos);
    // a figure that is one figure, and a member the enumeration lacks
    Run single = run_reckon({"explain", iom, "cases/iom", "saving_pnc(shoplifting)"});
    CHECK(single.status == 2);
    CHECK(single.err == "reckon: error: 'saving_pnc(shoplifting)': 'saving_pnc' is one figure, not a figure by member: name it without '(…)'\n");
    Run missing = run_reckon({"explain", iom, "cases/iom", "saving_by_type(OffenceType.arson)"});
    CHECK(missing.status == 2);
    CHECK(missing.err.rfind("reckon: error: 'saving_by_type(OffenceType.arson)': 'arson' is not a member of OffenceType (its members: homicide, ", 0) == 0);
}

TEST_CASE("explain shows a shared subtree once, and names it with its value where it is met again") {
    Run r = run_reckon({"explain", "rulesets/iom-annual-report.reckon", "cases/iom/N0001.yaml", "status", "--param", "report_year=2023"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    auto count = [&](const std::string& s) {
        std::size_t n = 0;
        for (std::size_t at = 0; (at = r.out.find(s, at)) != std::string::npos; ++at) ++n;
        return n;
    };
    CHECK(count("param report_year = ") == 2);  // it was shown 8 times, each with its whole subtree
    CHECK(count("param report_year = 2023    (rulesets/iom-annual-report.reckon:19:7)\n") == 1);
    CHECK(count("param report_year = 2023    (rulesets/iom-annual-report.reckon:19:7; shown above)\n") == 1);
    CHECK(count("rule on_scheme = true    (rulesets/iom-annual-report.reckon:54:6; shown above)\n") == 1);
    CHECK(count("formula: on_to >= on_from") == 1);
    Run j = run_reckon({"explain", "rulesets/iom-annual-report.reckon", "cases/iom/N0001.yaml", "status", "--param", "report_year=2023",
                        "--format", "json"});
    CHECK(j.out.find("\"shown_above\": true") != std::string::npos);
}

TEST_CASE("explain shows a function's call with its arguments and its value, to six decimals where it does not end") {
    Run r = run_reckon({"explain", ruleset, case_file, "probation"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    // £32,000 × 1.2 ÷ 1,650 hours = £23.2727… an hour: the step a reader checks with a calculator
    CHECK(has(r.out, "  fn hourly_rate(£32,000.00/year) = £23.272727…/hour    (rulesets/sussex-complex-client.reckon:54:4)\n"));
    // a call made for each element of a list is named by its parameters, then each call is listed with its arguments
    // and value (each different call once, as many as --entries says)
    Run iom = run_reckon({"explain", "rulesets/iom-annual-report.reckon", "cases/iom/N0001.yaml", "baseline_offences", "--param",
                          "report_year=2023"});
    CHECK(has(iom.out, "  fn in_baseline(d, joined)    (rulesets/iom-annual-report.reckon:87:4)\n"
                       "      formula: d >= joined - 365 day and d < joined\n"
                       "      An offence dated in the 365 days before joining\n"
                       "      7 calls, 6 different:\n"
                       "        in_baseline(2023-03-20, 2023-07-03) = true\n"));
    CHECK(has(iom.out, "        … (--entries N shows more)\n"));
    // the custody charge of each of the six episodes: £359 for a first band, £205 for each further band
    Run custody = run_reckon({"explain", ruleset, case_file, "police_custody", "--entries", "6"});
    CHECK(has(custody.out, "      6 calls:\n"
                           "        custody_charge(101 minute) = £359.00\n"
                           "        custody_charge(1,088 minute) = £769.00\n"
                           "        custody_charge(491 minute) = £359.00\n"
                           "        custody_charge(996 minute) = £564.00\n"
                           "        custody_charge(1,101 minute) = £769.00\n"
                           "        custody_charge(1,452 minute) = £769.00\n"));
    CHECK(custody.out.find("--entries N shows more") == std::string::npos);
    // £359 + £769 + £359 + £564 + £769 + £769 = £3,589: the calls add up to the output
    CHECK(custody.out.rfind("output police_custody = £3,589.00 ", 0) == 0);
    // in JSON, the calls and the roundings with their values
    Run json = run_reckon({"explain", ruleset, case_file, "police_custody", "--format", "json"});
    auto j = nlohmann::json::parse(json.out);
    const auto& fn = j["uses"][1];
    CHECK(fn["name"] == "custody_charge(time)");
    CHECK(fn["calls"][0] == "6 calls:");
    CHECK(fn["rounding"][0].get<std::string>().rfind("rounded to a multiple of 1, up (ceiling): 0.125 -> 1, 2.25 -> 3, 1 -> 1, … (5 different)", 0) == 0);
}

TEST_CASE("explain shows a figure by member with each member's name and the unit") {
    Run r = run_reckon({"explain", "rulesets/iom-annual-report.reckon", "cases/iom", "saving_by_type", "--param", "report_year=2023"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(r.out.rfind("cohort output saving_by_type = homicide £0.00, serious_wounding £71,583.56, other_wounding £323,346.90, ", 0) == 0);
    CHECK(has(r.out, ", shoplifting £18,035.85, "));
    CHECK(has(r.out, "  cohort output baseline_offences_by_type = homicide 0, serious_wounding 4, other_wounding 30, "));
}

TEST_CASE("explain shows a list input's entries with their fields' names, as many as --entries says") {
    Run r = run_reckon({"explain", "rulesets/iom-annual-report.reckon", "cases/iom/N0003.yaml", "baseline_offences", "--param",
                        "report_year=2023", "--entries", "2"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(has(r.out, "  input offences = 6 entries: {date: 2022-05-25, type: criminal_damage, css: 71}, {date: 2022-10-19, type: other, "
                     "css: 23}, … (--entries N shows more)    (cases/iom/N0003.yaml:5:3)\n"));
    Run all = run_reckon({"explain", "rulesets/iom-annual-report.reckon", "cases/iom/N0003.yaml", "baseline_offences", "--param",
                          "report_year=2023", "--entries", "6"});
    CHECK(has(all.out, "{date: 2022-07-30, type: shoplifting, css: 15}, {"));
    CHECK(!has(all.out, "--entries N shows more"));
}

TEST_CASE("explain lists the rows looked up by a key that varies: a loop's element through a function, a figure's members") {
    // N0001's baseline: cost(o.type) for each offence, cost looking up unit_costs(t): the five types' rows, each once
    auto r = run_reckon({"explain", "rulesets/iom-annual-report.reckon", "cases/iom/N0001.yaml", "baseline_cost", "--param", "report_year=2023"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(has(r.out, "\n        robbery_personal: {fiscal: £3,674.00, economic: £1,344.00, social: £3,789.00}\n"
                     "        theft_not_vehicle: {fiscal: £358.00, economic: £255.00, social: £147.00}\n"
                     "        other: {fiscal: £0.00, economic: £0.00, social: £0.00} (source: This project: an offence with no toolkit unit cost)\n"
                     "        shoplifting: {fiscal: £26.00, economic: £97.00, social: £0.00}\n"
                     "        criminal_damage: {fiscal: £152.00, economic: £316.00, social: £587.00}\n"));
    // a function not called for this case (no offence in its year) looked up no row, and says so
    auto none = run_reckon({"explain", "rulesets/iom-annual-report.reckon", "cases/iom/N0001.yaml", "annualised_cost", "--param", "report_year=2023"});
    REQUIRE_MESSAGE(none.status == 0, none.err);
    CHECK(has(none.out, "\n          no row looked up: the evaluation did not reach a lookup of this table\n"));
    // a figure by the members of a product: salaries(g, e) for each grade and edition, with the rows' own sources
    auto m = run_reckon({"explain", "tests/rulesets/staff-costs.reckon", "tests/rulesets/staff-costs.yaml", "cost_per_hour"});
    REQUIRE_MESSAGE(m.status == 0, m.err);
    CHECK(has(m.out, "  table salaries    (tests/rulesets/staff-costs.reckon:20:7)\n"
                     "      The mid point of each grade's pay scale\n"
                     "      band5, pssru_2022: {salary: £27,055.00/year} (source: Made-up manual 2022, table 7.1)\n"
                     "      band5, pssru_2024: {salary: £29,970.00/year} (source: Made-up manual 2024, table 7.1)\n"
                     "      band6, pssru_2022: {salary: £33,706.00/year} (source: Made-up manual 2022, table 7.2)\n"
                     "      band6, pssru_2024: {salary: £37,338.00/year} (source: Made-up manual 2024, table 7.2)\n"
                     "      band7, pssru_2022: {salary: £41,659.00/year} (source: Made-up manual 2022, table 7.3)\n"
                     "      band7, pssru_2024: {salary: £46,148.00/year} (source: Made-up manual 2024, table 7.3)\n"));
}

TEST_CASE("explain shows a formula whose first term is in parentheses as written, not cut inside them") {
    const std::string dir = reckon::testing::temp_dir();
    reckon::testing::write_file(dir + "/p.reckon", "input n: number\ninput k: number\noutput d: number = (n) * (k) - (1)\n"
                                                   "output f: number = max((n), 2) + ((k))\n");
    reckon::testing::write_file(dir + "/a.yaml", "n: 3\nk: 4\n");
    auto d = run_reckon({"explain", dir + "/p.reckon", dir + "/a.yaml", "d"});
    REQUIRE_MESSAGE(d.status == 0, d.err);
    CHECK(has(d.out, "    formula: (n) * (k) - (1)\n"));  // it showed `n) * (k) - (1`
    auto f = run_reckon({"explain", dir + "/p.reckon", dir + "/a.yaml", "f"});
    CHECK(has(f.out, "    formula: max((n), 2) + ((k))\n"));
}
