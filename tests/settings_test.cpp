// What-if on tables: a table cell set by --param TABLE(KEY).COLUMN=VALUE or by
// a scenario gives exactly the figures of a copy of the ruleset with that
// cell edited; a cell the ruleset lacks, or a value of the wrong unit, is an
// error that names it; explain, doc and the workbook mark the value as set.
#include "support.hpp"

#include <doctest/doctest.h>

using namespace reckon::testing;

namespace {
const std::string iom = "rulesets/iom-annual-report.reckon";

// A copy of the IOM ruleset with one line of a table replaced; its path.
std::string edited_copy(const std::string& row, const std::string& replacement) {
    return edited_ruleset(iom, "iom-edited.reckon", {{row, replacement}});
}

std::string batch(const std::string& ruleset, const std::vector<std::string>& extra) {
    std::vector<std::string> args{"batch", ruleset, "cases/iom", "--param", "report_year=2023", "--format", "jsonl"};
    args.insert(args.end(), extra.begin(), extra.end());
    Run r = run_reckon(args);
    REQUIRE_MESSAGE(r.status == 0, r.err);
    return without_files(r.out);
}
}  // namespace

TEST_CASE("--param sets a table cell: every case's figures and the cohort's equal an edited copy of the ruleset") {
    const std::string copy = edited_copy("| shoplifting                        |      £26 |", "| shoplifting                        |      £36 |");
    const std::string set = batch(iom, {"--param", "unit_costs(shoplifting).fiscal=£36"});
    CHECK(set == batch(copy, {}));
    CHECK(set != batch(iom, {}));  // the setting changes the figures
    CHECK(parse_jsonl(set).cohort["saving_pnc"]["value"] == "1017725.90");
    // the member may be written with its enumeration, and a number-keyed table's row by its number
    CHECK(batch(iom, {"--param", "unit_costs(OffenceType.shoplifting).fiscal=£36"}) == set);
    const std::string deflated = edited_copy("| 2023 | 1.49168 |", "| 2023 | 1.5 |");
    CHECK(batch(iom, {"--param", "deflator(2023).index=1.5"}) == batch(deflated, {}));
}

TEST_CASE("a scenario sets a table cell: its cohort equals the edited copy's, the other scenario's the ruleset's") {
    const std::string copy = edited_copy("| shoplifting                        |      £26 |", "| shoplifting                        |      £36 |");
    const std::string dir = temp_dir();
    write_file(dir + "/scenarios.yaml", "as_written: {}\ndearer_shoplifting:\n  unit_costs(shoplifting).fiscal: £36\n");
    Run r = run_reckon({"batch", iom, "cases/iom", "--param", "report_year=2023", "--scenarios", dir + "/scenarios.yaml", "--format", "jsonl"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    std::map<std::string, nlohmann::json> cohorts;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
        auto j = nlohmann::json::parse(line);
        if (j.contains("cohort")) cohorts[j["scenario"].get<std::string>()] = j["cohort"]["outputs"];
    }
    REQUIRE(cohorts.size() == 2);
    CHECK(cohorts["dearer_shoplifting"] == parse_jsonl(batch(copy, {})).cohort);
    CHECK(cohorts["as_written"] == parse_jsonl(batch(iom, {})).cohort);
    CHECK(cohorts["dearer_shoplifting"]["saving_pnc"]["value"] == "1017725.90");
    CHECK(cohorts["as_written"]["saving_pnc"]["value"] == "1016259.57");
}

TEST_CASE("a table cell the ruleset lacks, or a value of the wrong unit, is an error naming it") {
    struct Bad {
        std::string setting, err;
        int status = 2;  // a name the ruleset lacks, or a value that does not check, is a command-line error (docs/cli.md)
    };
    const std::vector<Bad> bad{
        {"unit_cost(shoplifting).fiscal=£36", "reckon: error: --param unit_cost(shoplifting).fiscal: the ruleset has no table named 'unit_cost'\n"},
        {"unit_costs(shoplifting).fisc=£36",
         "reckon: error: --param unit_costs(shoplifting).fisc: table 'unit_costs' has no column 'fisc' (its columns: fiscal, economic, social)\n"},
        {"deflator(2031).index=1",
         "reckon: error: --param deflator(2031).index: table 'deflator' has no row 2031 (its rows: 2008, 2009, 2010, 2011, 2012, 2013, 2014, "
         "2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025)\n"},
        {"unit_costs(shoplifting=£36",
         "reckon: error: --param unit_costs(shoplifting: expected a param's name, or a table's cell as TABLE(KEY).COLUMN, as in "
         "unit_costs(homicide).fiscal\n"},
        {"unit_costs(shoplifting).fiscal=36 day",
         "--param unit_costs(shoplifting).fiscal:1:1: error: the value of unit_costs(shoplifting).fiscal must be GBP, not day\n"
         "  36 day\n  ^\n"},
        {"unit_costs(shoplifting).fiscal=£36 * 2",
         "--param unit_costs(shoplifting).fiscal:1:5: error: a table cell holds a value written out, such as £200,000 or 1.06913\n"
         "  £36 * 2\n      ^\n"},
    };
    for (const auto& b : bad) {
        CAPTURE(b.setting);
        Run r = run_reckon({"eval", iom, "cases/iom/N0086.yaml", "--param", b.setting});
        CHECK(r.status == b.status);
        CHECK(r.out.empty());
        CHECK(r.err == b.err);
    }
    // in a scenarios file, the error points at the value there
    const std::string dir = temp_dir();
    write_file(dir + "/s.yaml", "low:\n  unit_costs(shoplifting).fiscal: 36 day\n");
    Run r = run_reckon({"batch", iom, "cases/iom", "--scenarios", dir + "/s.yaml", "--format", "jsonl"});
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err == dir + "/s.yaml:2:35: error: scenario 'low': the value of unit_costs(shoplifting).fiscal must be GBP, not day\n"
                         "    unit_costs(shoplifting).fiscal: 36 day\n                                    ^\n");
}

TEST_CASE("a table cell set for the run is marked in explain, doc and the workbook, with the ruleset's value") {
    const std::vector<std::string> set{"--param", "report_year=2023", "--param", "unit_costs(shoplifting).fiscal=£36"};
    std::vector<std::string> args{"explain", iom, "cases/iom/N0086.yaml", "baseline_cost"};
    args.insert(args.end(), set.begin(), set.end());
    Run e = run_reckon(args);
    REQUIRE_MESSAGE(e.status == 0, e.err);
    CHECK(e.out.find("output baseline_cost = £18,057.04 ") == 0);
    CHECK(e.out.find("\n        set for this run: unit_costs(shoplifting).fiscal = £36.00 (the ruleset has £26.00)\n") != std::string::npos);
    // a row looked up by a key with one value here is shown with its columns' names
    CHECK(e.out.find("\n          2023: {index: 1.49168}\n          2010: {index: 1.06913}\n") != std::string::npos);
    args = {"doc", iom, "--param", "unit_costs(shoplifting).fiscal=£36"};
    Run d = run_reckon(args);
    REQUIRE_MESSAGE(d.status == 0, d.err);
    CHECK(d.out.find("\n| shoplifting | £36.00 (set for this run, --param unit_costs(shoplifting).fiscal; the ruleset has £26.00) | £97.00 | £0.00 "
                     "| the table's source, above |\n") != std::string::npos);  // issue 36: it said only "the table's"
    // a row with a source of its own says so; the others' is the table's, given above the table
    CHECK(d.out.find("\n| other | £0.00 | £0.00 | £0.00 | This project: an offence with no toolkit unit cost |\n") != std::string::npos);
}

TEST_CASE("eval --scenarios: the case under each scenario, each column equal to a plain eval with its settings") {
    const std::string dir = temp_dir();
    write_file(dir + "/s.yaml", "as_written: {}\nworking_year_1607: {working_hours: 1607 hour/year}\ndearer_custody:\n  custody_first_band: £400\n");
    const std::vector<std::string> base{"eval", "rulesets/sussex-complex-client.reckon", "cases/sussex/complex-client-2010-11.yaml"};
    std::vector<std::string> args = base;
    args.insert(args.end(), {"--scenarios", dir + "/s.yaml", "--format", "json"});
    Run r = run_reckon(args);
    REQUIRE_MESSAGE(r.status == 0, r.err);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["scenarios"].size() == 3);
    const std::vector<std::vector<std::string>> plain{{}, {"--param", "working_hours=1607 hour/year"}, {"--param", "custody_first_band=£400"}};
    for (std::size_t k = 0; k < 3; ++k) {
        std::vector<std::string> one = base;
        one.insert(one.end(), plain[k].begin(), plain[k].end());
        one.insert(one.end(), {"--format", "json"});
        CHECK(j["scenarios"][k]["outputs"] == nlohmann::json::parse(run_reckon(one).out)["outputs"]);
    }
    CHECK(j["scenarios"][1]["outputs"]["probation"]["value"] == "2419.42");   // £32,000 x 1.2 / 1,607 hours x 101.25 hours
    CHECK(j["scenarios"][2]["outputs"]["police_custody"]["value"] == "3835.00");  // six episodes, each £41 dearer
    // the table: a column per scenario
    args = base;
    args.insert(args.end(), {"--scenarios", dir + "/s.yaml"});
    Run t = run_reckon(args);
    CHECK(t.status == 0);
    CHECK(t.out.find("\n  Total                                   £60,805.55         £61,422.19      £61,051.55\n") != std::string::npos);
}

TEST_CASE("a param dated by a case input is set by --param, a scenario and a test's given, and listed in the workbook") {
    const std::string rs = "tests/rulesets/contact-dated.reckon", c = "tests/rulesets/contact-dated.yaml";
    // as written: the 1,607 hours in force on the contact's date, 2024-01-15; set, the 1,500 hours for every case
    Run plain = run_reckon({"eval", rs, c, "--format", "json"});
    REQUIRE_MESSAGE(plain.status == 0, plain.err);
    CHECK(plain.out.find("\"cost\":{\"value\":\"278.82\"") != std::string::npos);
    Run set = run_reckon({"eval", rs, c, "--param", "working_hours=1,500 hour/year", "--format", "json"});
    REQUIRE_MESSAGE(set.status == 0, set.err);
    CHECK(set.out.find("\"cost\":{\"value\":\"298.70\"") != std::string::npos);
    CHECK(set.out.find("\"cost_per_hour\":{\"value\":\"29.87\"") != std::string::npos);
    // a value of the wrong unit is an error naming the setting, as for any param
    Run bad = run_reckon({"eval", rs, c, "--param", "working_hours=£3"});
    CHECK(bad.status != 0);
    CHECK(bad.err.find("--param working_hours") != std::string::npos);
    // a scenario sets it as --param does
    const std::string dir = temp_dir();
    write_file(dir + "/scenarios.yaml", "as_written: {}\nshorter_year:\n  working_hours: 1,500 hour/year\n");
    Run sc = run_reckon({"batch", rs, c, "--scenarios", dir + "/scenarios.yaml", "--format", "jsonl"});
    REQUIRE_MESSAGE(sc.status == 0, sc.err);
    CHECK(sc.out.find("\"scenario\":\"shorter_year\"") != std::string::npos);
    CHECK(sc.out.find("\"total_cost\":{\"value\":\"298.70\"") != std::string::npos);
    CHECK(sc.out.find("\"total_cost\":{\"value\":\"278.82\"") != std::string::npos);
    // a test's given: the ruleset's own test block
    Run tested = run_reckon({"test", rs});
    CHECK_MESSAGE(tested.status == 0, (tested.out + tested.err));
    CHECK(tested.out.find("2 passed, 0 failed") != std::string::npos);
    // explain says the value was set for the run, not picked by the date
    Run e = run_reckon({"explain", rs, c, "cost", "--param", "working_hours=1,500 hour/year"});
    REQUIRE_MESSAGE(e.status == 0, e.err);
    CHECK(e.out.find("rule working_hours = 1,500 hour/year    (") != std::string::npos);
    CHECK(e.out.find("source: set for this run (--param working_hours)") != std::string::npos);
    // the methodology appendix says so too
    Run doc = run_reckon({"doc", rs, "--param", "working_hours=1,500 hour/year"});
    REQUIRE_MESSAGE(doc.status == 0, doc.err);
    CHECK(doc.out.find("; set for this run (--param working_hours): 1,500 hour/year, whatever the case's contact_date |") != std::string::npos);
    // a dated param is listed with the params, not among the rules (issue 37), and with a case, the value it takes
    CHECK(doc.out.find("### Parameters dated by a case input") < doc.out.find("## Rules and outputs"));
    CHECK(doc.out.find("### rule working_hours") == std::string::npos);
    Run worked = run_reckon({"doc", rs, "--case", c});
    REQUIRE_MESSAGE(worked.status == 0, worked.err);
    CHECK(worked.out.find("| param | values | description | for this case |") != std::string::npos);
    CHECK(worked.out.find("| Hours a year a member of staff works | 1,607 hour/year |") != std::string::npos);
    // an input's bounds are in the case schema
    CHECK(worked.out.find("| hours | hour | at least 0 hour | Hours of staff time the contact used |") != std::string::npos);
    // the workbook's Parameters sheet lists it: its values from dates, or the value set
    for (const bool with : {false, true}) {
        std::vector<std::string> args{"batch", rs, c, "--format", "xlsx", "--out", dir + "/out.xlsx"};
        if (with) args.insert(args.end(), {"--param", "working_hours=1,500 hour/year"});
        Run b = run_reckon(args);
        REQUIRE_MESSAGE(b.status == 0, b.err);
        Run sheet = run_program("/usr/bin/unzip", {"-p", dir + "/out.xlsx", "xl/worksheets/sheet3.xml"});
        REQUIRE(sheet.status == 0);
        CHECK(sheet.out.find("<t>working_hours</t>") != std::string::npos);
        if (with) CHECK(sheet.out.find("set for this run (--param working_hours); the ruleset has 1,650 hour/year from 2010-04-01, "
                                       "1,607 hour/year from 2023-04-01") != std::string::npos);
        else CHECK(sheet.out.find("<t>by each case's contact_date</t>") != std::string::npos);
    }
}

TEST_CASE("a run input of one value is set by --param and a scenario, over the run data file, and explain and the workbook say so") {
    const std::string rs = "tests/rulesets/partnership.reckon", cases = "tests/rulesets/partnership",
                      data = "tests/rulesets/partnership-run-data.yaml";
    auto cohort = [&](const std::vector<std::string>& extra) {
        std::vector<std::string> args{"batch", rs, cases, "--run-data", data, "--format", "jsonl"};
        args.insert(args.end(), extra.begin(), extra.end());
        Run r = run_reckon(args);
        REQUIRE_MESSAGE(r.status == 0, r.err);
        return parse_jsonl(r.out).cohort;
    };
    // the file alone: cost £30,000 (its staff), extra its default £0, left £32,000 − £30,000
    auto plain = cohort({});
    CHECK(plain["cost"]["value"] == "30000.00");
    CHECK(plain["left"]["value"] == "2000.00");
    // --param over the file's value, and over a default the file leaves out
    auto set = cohort({"--param", "contribution=£40,000", "--param", "extra=£500"});
    CHECK(set["cost"]["value"] == "30500.00");
    CHECK(set["left"]["value"] == "9500.00");
    // a scenario sets it as --param does
    const std::string dir = temp_dir();
    write_file(dir + "/scenarios.yaml", "as_given: {}\nmore:\n  contribution: £40,000\n  extra: £500\n");
    Run sc = run_reckon({"batch", rs, cases, "--run-data", data, "--scenarios", dir + "/scenarios.yaml"});
    REQUIRE_MESSAGE(sc.status == 0, sc.err);
    CHECK(sc.out.find("  Left of the contribution   £2,000.00   £9,500.00\n") != std::string::npos);
    // without the file, a run input of one value may be given with --param; the list still needs the file, and says so
    Run none = run_reckon({"batch", rs, cases, "--param", "contribution=£40,000"});
    CHECK(none.status == 1);
    CHECK(none.out.empty());
    CHECK(none.err == "tests/rulesets/partnership.reckon:10:11: error: run input 'staff' has no value: the ruleset reads it from the run data; "
                      "give the file with --run-data FILE\n"
                      "  run input staff: list of Staff \"The partnership's staff on the scheme\"\n"
                      "            ^\n");
    write_file(dir + "/staff-only.yaml", "staff: []\n");
    Run missing = run_reckon({"batch", rs, cases, "--run-data", dir + "/staff-only.yaml"});
    CHECK(missing.status == 1);
    CHECK(missing.err.find("contribution: missing key") != std::string::npos);
    Run list = run_reckon({"batch", rs, cases, "--run-data", data, "--param", "staff=[]"});
    CHECK(list.status == 2);
    CHECK(list.out.empty());
    CHECK(list.err == "reckon: error: --param staff: run input 'staff' is a list (list of Staff): give it in the run data file "
                      "(--run-data FILE); only a run input of one value is set for a run (declared at tests/rulesets/partnership.reckon:10:11)\n");
    Run wrong = run_reckon({"batch", rs, cases, "--run-data", data, "--param", "contribution=5 year"});
    CHECK(wrong.status == 2);
    CHECK(wrong.err.find("the value of param 'contribution' must be GBP") != std::string::npos);
    // explain names where each value came from: the command line, the file, the ruleset's default
    Run e = run_reckon({"explain", rs, cases, "left", "--run-data", data, "--param", "contribution=£40,000"});
    REQUIRE_MESSAGE(e.status == 0, e.err);
    CHECK(e.out.find("param contribution = £40,000.00    (tests/rulesets/partnership.reckon:12:11)\n"
                     "      The partners' contribution\n"
                     "      source: set on the command line (--param contribution)\n") != std::string::npos);
    CHECK(e.out.find("source: the run data, tests/rulesets/partnership-run-data.yaml") != std::string::npos);  // staff
    const std::string extra = "    param extra = £0.00    (tests/rulesets/partnership.reckon:11:11)\n"
                              "        formula: £0\n"
                              "        Other costs of the year\n";  // its default: not said to come from the file, which leaves it out
    CHECK(e.out.substr(e.out.size() - std::min(e.out.size(), extra.size())) == extra);
    // the workbook's Parameters sheet and Provenance
    Run b = run_reckon({"batch", rs, cases, "--run-data", data, "--param", "contribution=£40,000", "--format", "xlsx", "--out", dir + "/out.xlsx"});
    REQUIRE_MESSAGE(b.status == 0, b.err);
    Run sheet = run_program("/usr/bin/unzip", {"-p", dir + "/out.xlsx", "xl/worksheets/sheet3.xml"});
    REQUIRE(sheet.status == 0);
    CHECK(sheet.out.find("<t>set for this run (--param contribution)</t>") != std::string::npos);
    CHECK(sheet.out.find("<t>the run data, tests/rulesets/partnership-run-data.yaml</t>") != std::string::npos);
}

TEST_CASE("eval's table says which values were set for the run, as given, and says nothing when none was") {
    const std::string sussex = "rulesets/sussex-complex-client.reckon", client = "cases/sussex/complex-client-2010-11.yaml";
    Run plain = run_reckon({"eval", sussex, client});
    REQUIRE_MESSAGE(plain.status == 0, plain.err);
    CHECK(plain.out.rfind("Sussex IOM complex client costing, version 2012.1\nCase: sussex-2010-11-complex-client\n\n", 0) == 0);
    Run set = run_reckon({"eval", sussex, client, "--param", "on_costs=30%", "--param", "working_hours=1,600 hour/year"});
    REQUIRE_MESSAGE(set.status == 0, set.err);
    CHECK(set.out.rfind("Sussex IOM complex client costing, version 2012.1\nCase: sussex-2010-11-complex-client\n"
                        "Set for this run: on_costs=30%, working_hours=1,600 hour/year\n\n", 0) == 0);
}
