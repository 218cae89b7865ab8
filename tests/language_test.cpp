// The language's constructs for real methodologies (issue 16), through the command line: banded tables, tables
// keyed by two keys, figures by members of two enumerations, values that change by date. Each figure is worked by
// hand in the ruleset it comes from, and compared to the penny.
#include "support.hpp"

#include <filesystem>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace reckon::testing;

namespace {
const char* staff = "tests/rulesets/staff-costs.reckon";
const char* staff_case = "tests/rulesets/staff-costs.yaml";

// The ruleset of methodology A with its custody charge written as a banded table instead of a formula.
std::string sussex_with_banded_custody() {
    std::string text = read_file(source_dir() + "/rulesets/sussex-complex-client.reckon");
    const std::string fn = "fn custody_charge(time: minute) -> GBP =\n"
                           "  let bands = max(1, ceil(floor(time in hour) / custody_band)) in\n"
                           "  custody_first_band + custody_further_band * (bands - 1)\n";
    const auto at = text.find(fn);
    REQUIRE(at != std::string::npos);
    std::string table = "table custody_charges: bands of hour -> {charge: GBP}\n"
                        "  \"£359 for the first eight completed hours, £205 for each further eight; PACE allows 96 hours\"\n"
                        "  source \"Police section, Daily Mail (2011)\"\n"
                        "  | 0 hour to 8 hour | £359 |\n";
    for (int band = 1; band < 12; ++band) {  // over 8 to 16 hours: £564, … over 88 to 96 hours: £2,614
        table += "  | over " + std::to_string(8 * band) + " hour to " + std::to_string(8 * band + 8) + " hour | £" +
                 std::to_string(359 + 205 * band) + " |\n";  // written without a thousands separator: £2614
    }
    table += "\nfn custody_charge(time: minute) -> GBP =\n  custody_charges(floor(time in hour)).charge\n";
    text.replace(at, fn.size(), table);
    return text;
}
}  // namespace

TEST_CASE("banded table: methodology A's custody charge as bands gives the same figures for every case") {
    const std::string dir = ruleset_dir();
    write_file(dir + "/banded.reckon", sussex_with_banded_custody());
    REQUIRE(run_program(RECKON_GEN_SUSSEX, {dir + "/cases", "300"}).status == 0);
    for (const char* c : {"cases/sussex/complex-client-2010-11.yaml", "tests/cases/sussex-other-client.yaml"})
        write_file(dir + "/cases/" + std::filesystem::path(c).filename().string(), read_file(source_dir() + "/" + c));
    auto banded = run_reckon({"batch", dir + "/banded.reckon", dir + "/cases", "--format", "jsonl"});
    auto formula = run_reckon({"batch", "rulesets/sussex-complex-client.reckon", dir + "/cases", "--format", "jsonl"});
    REQUIRE_MESSAGE(banded.status == 0, banded.err);
    REQUIRE_MESSAGE(formula.status == 0, formula.err);
    const BatchJson a = parse_jsonl(banded.out), b = parse_jsonl(formula.out);
    CHECK(a.cases.size() == 302);
    CHECK(a.cases.size() == b.cases.size());
    CHECK(a.cases.at("A7").size() == 15);  // every output of every case compared
    for (const auto& [name, outputs] : b.cases) {
        INFO(name);
        REQUIRE(a.cases.count(name));
        CHECK(a.cases.at(name) == outputs);
    }
    // the seed's six episodes: 101, 1,088, 491, 996, 1,101 and 1,452 minutes
    CHECK(a.cases.at("sussex-2010-11-complex-client")["police_custody"]["value"] == "3589.00");
    CHECK(a.cases.at("sussex-2010-11-complex-client")["total"]["value"] == "60805.55");
}

TEST_CASE("banded table: a value no band holds is an error that names the table and the value") {
    const std::string dir = temp_dir();
    write_file(dir + "/r.reckon", "currency GBP \"£\"\nunit minute\nunit hour = 60 minute\n"
                                  "table fees: bands of hour -> {fee: GBP}\n  | 0 hour to 8 hour | £120 |\n  | over 8 hour to 16 hour | £200 |\n"
                                  "input t: minute\noutput fee: GBP = fees(t).fee\n");
    write_file(dir + "/in.yaml", "t: 480\n");
    write_file(dir + "/over.yaml", "t: 1000\n");
    auto in = run_reckon({"eval", dir + "/r.reckon", dir + "/in.yaml", "--format", "json"});
    REQUIRE_MESSAGE(in.status == 0, in.err);
    CHECK(nlohmann::json::parse(in.out)["outputs"]["fee"]["value"] == "120.00");  // 8 hours: the first band holds its high end
    auto over = run_reckon({"eval", dir + "/r.reckon", dir + "/over.yaml"});
    CHECK(over.status == 1);
    CHECK(over.out.empty());
    CHECK(over.err.find("r.reckon:8:24: error: no band of table 'fees' holds 16.6666666667 hour\n") != std::string::npos);
}

TEST_CASE("two keys and two enumerations: the staff-cost table by grade and edition") {
    auto tests = run_reckon({"test", staff});
    CHECK_MESSAGE(tests.status == 0, tests.err);
    CHECK(tests.out.find("3 passed, 0 failed\n") != std::string::npos);  // the expectations of its two test blocks

    auto r = run_reckon({"eval", staff, staff_case, "--format", "json"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const auto j = nlohmann::json::parse(r.out);
    // £27,055 x 1.2 / 1,607 = £20.2028…; £46,148 x 1.2 / 1,607 = £34.4602…
    CHECK(j["outputs"]["cost_per_hour"]["value"]["band5, pssru_2022"] == "20.20");
    CHECK(j["outputs"]["cost_per_hour"]["value"]["band7, pssru_2024"] == "34.46");
    CHECK(j["outputs"]["cost_per_hour"]["value"].size() == 6);
    CHECK(j["outputs"]["cost_of_contact"]["value"]["band6, pssru_2024"] == "348.52");

    // the terminal's table: a row per pair, by the members' labels
    auto table = run_reckon({"eval", staff, staff_case});
    CHECK(table.out.find("  Band 6, Unit Costs 2024            £27.88/hour              £348.52\n") != std::string::npos);

    // a cell of the table set for the run
    auto set = run_reckon({"eval", staff, staff_case, "--format", "json", "--param", "salaries(band6, pssru_2024).salary=£40,000/year"});
    REQUIRE_MESSAGE(set.status == 0, set.err);
    CHECK(nlohmann::json::parse(set.out)["outputs"]["cost_per_hour"]["value"]["band6, pssru_2024"] == "29.87");  // £48,000 / 1,607

    auto no_row = run_reckon({"eval", staff, staff_case, "--param", "salaries(band6, pssru_2025).salary=£1/year"});
    CHECK(no_row.status == 2);
    CHECK(no_row.err.find("table 'salaries' has no row band6, pssru_2025 (its rows: (band5, pssru_2022), (band5, pssru_2024),") !=
          std::string::npos);
}

TEST_CASE("two enumerations: the report shows a figure by both as a grid") {
    const std::string dir = temp_dir();
    auto r = run_reckon({"report", staff, staff_case, "--out", dir + "/r.html"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const std::string page = read_file(dir + "/r.html");
    CHECK(page.find("<thead><tr><th>Grade ↓ Edition →</th><th class=\"num\">Unit Costs 2022</th><th class=\"num\">Unit Costs 2024</th></tr></thead>") !=
          std::string::npos);
    CHECK(page.find("<tr><td>Band 6</td><td class=\"num\" data-output=\"cost_per_hour\" data-member=\"band6, pssru_2022\">£25.17 an hour</td>"
                    "<td class=\"num\" data-output=\"cost_per_hour\" data-member=\"band6, pssru_2024\">£27.88 an hour</td></tr>") != std::string::npos);
}

TEST_CASE("dated values: the value in effect on the costing date, its period and its source") {
    // in 2012 the year had 1,650 working hours: £37,338 x 1.2 / 1,650 = £27.1549…
    auto in_2012 = run_reckon({"eval", staff, staff_case, "--format", "json", "--param", "costing_date=2012-06-30"});
    REQUIRE_MESSAGE(in_2012.status == 0, in_2012.err);
    CHECK(nlohmann::json::parse(in_2012.out)["outputs"]["cost_per_hour"]["value"]["band6, pssru_2024"] == "27.15");

    auto before = run_reckon({"eval", staff, staff_case, "--param", "costing_date=2009-06-30"});
    CHECK(before.status == 1);
    CHECK(before.out.empty());
    CHECK(before.err.rfind("tests/rulesets/staff-costs.reckon:15:7: error: param 'working_hours' has no value on 2009-06-30: "
                           "its first takes effect from 2010-04-01\n", 0) == 0);

    auto why = run_reckon({"explain", staff, staff_case, "cost_of_contact(Grade.band6, Edition.pssru_2024)"});
    REQUIRE_MESSAGE(why.status == 0, why.err);
    CHECK(why.out.rfind("output cost_of_contact(Grade.band6, Edition.pssru_2024) = £348.52    (tests/rulesets/staff-costs.reckon:34:8)\n", 0) == 0);
    CHECK(why.out.find("  output cost_per_hour(Grade.band6, Edition.pssru_2024) = £27.88/hour    (tests/rulesets/staff-costs.reckon:31:8)\n") !=
          std::string::npos);
    CHECK(why.out.find("        band6, pssru_2024: {salary: £37,338.00/year} (source: Made-up manual 2024, table 7.2)\n") != std::string::npos);
    CHECK(why.out.find("    param working_hours = 1,607 hour/year, in effect from 2023-04-01 (costing_date is 2024-06-30)    "
                       "(tests/rulesets/staff-costs.reckon:15:7)\n"
                       "        formula: 1,650 hour/year from 2010-04-01, 1,607 hour/year from 2023-04-01 (the one in effect on costing_date)\n"
                       "        Hours a year a member of staff works, after leave and training\n"
                       "        source: Made-up manual, 2023 edition, table 1\n") != std::string::npos);

    auto then = run_reckon({"explain", staff, staff_case, "cost_per_hour(Grade.band6, Edition.pssru_2024)", "--param", "costing_date=2012-06-30"});
    CHECK(then.out.find("param working_hours = 1,650 hour/year, in effect from 2010-04-01 to 2023-03-31 (costing_date is 2012-06-30)") !=
          std::string::npos);
    CHECK(then.out.find("source: Made-up manual, 2010 edition, table 1\n") != std::string::npos);

    auto doc = run_reckon({"doc", staff});
    CHECK(doc.out.find("| working_hours | 1,607 hour/year | 1,650 hour/year from 2010-04-01 to 2023-03-31 (source: Made-up manual, 2010 edition, "
                       "table 1); 1,607 hour/year from 2023-04-01 (source: Made-up manual, 2023 edition, table 1), used here — the value in "
                       "effect on costing_date |") != std::string::npos);
    CHECK(doc.out.find("| Grade | Edition | salary | source |\n|---|---|---|---|\n| band5 | pssru_2022 | £27,055.00/year | Made-up manual 2022, table 7.1 |\n") !=
          std::string::npos);
}

TEST_CASE("dated values: diff shows a value from a new date as a change") {
    const std::string dir = temp_dir();
    std::string before = read_file(source_dir() + "/" + staff);
    const std::string later = ",\n                      1,607 hour/year from 2023-04-01 source \"Made-up manual, 2023 edition, table 1\"";
    REQUIRE(before.find(later) != std::string::npos);
    before.erase(before.find(later), later.size());
    write_file(dir + "/before.reckon", before);
    write_file(dir + "/after.reckon", read_file(source_dir() + "/" + staff));
    auto d = run_reckon({"diff", dir + "/before.reckon", dir + "/after.reckon"});
    REQUIRE_MESSAGE(d.status == 0, d.err);
    CHECK(d.out.find("  changed param working_hours\n"
                     "      formula before: 1,650 hour/year from 2010-04-01\n"
                     "      formula after:  1,650 hour/year from 2010-04-01, 1,607 hour/year from 2023-04-01\n"
                     "      value: 1,650 hour/year -> 1,607 hour/year\n"
                     "      value from 2023-04-01 before: (none)\n"
                     "      value from 2023-04-01 after:  1,607 hour/year (source: Made-up manual, 2023 edition, table 1)\n") != std::string::npos);
}

TEST_CASE("modules: the shared library checks and tests on its own, and the IOM report imports it with its figures unchanged") {
    const char* lib = "rulesets/lib/home-office-unit-costs-of-crime.reckon";
    auto check = run_reckon({"check", lib});
    CHECK_MESSAGE(check.status == 0, check.err);
    auto tests = run_reckon({"test", lib});
    CHECK_MESSAGE(tests.status == 0, tests.out);
    CHECK(tests.out.find("ok   rulesets/lib/home-office-unit-costs-of-crime.reckon: the rows add up as entered (4 of 4 expectations met)\n") !=
          std::string::npos);
    // the library's outputs are rules to the IOM report: its outputs are its own
    auto iom = run_reckon({"eval", "rulesets/iom-annual-report.reckon", "cases/iom/N0086.yaml", "--format", "json"});
    REQUIRE_MESSAGE(iom.status == 0, iom.err);
    const auto j = nlohmann::json::parse(iom.out);
    CHECK(j["outputs"].contains("baseline_cost"));
    CHECK_FALSE(j["outputs"].contains("total_unit_cost"));
    CHECK_FALSE(j["outputs"].contains("uprating_2010_to_2023"));
    // the table explain shows is the library's, where it is declared
    auto why = run_reckon({"explain", "rulesets/iom-annual-report.reckon", "cases/iom/N0086.yaml", "baseline_cost", "--param", "report_year=2023"});
    CHECK(why.out.find("    table unit_costs    (rulesets/lib/home-office-unit-costs-of-crime.reckon:") != std::string::npos);
}

TEST_CASE("modules: an imported file does not see its importer's names, nor a name its import does not list") {
    const std::string dir = temp_dir();
    write_file(dir + "/lib/rates.reckon", "unit hour\ntable rates: text -> {per_hour: GBP/hour}\n  | a | £10/hour |\n");
    write_file(dir + "/main.reckon", "currency GBP \"£\"\nimport \"lib/rates.reckon\"\n");
    // on its own and inside its importer: the same one error, in the library, naming where GBP is
    auto alone = run_reckon({"check", "lib/rates.reckon"}, dir);
    CHECK(alone.status == 1);
    CHECK(alone.err.rfind("lib/rates.reckon:2:33: error: unknown unit or type 'GBP'\n", 0) == 0);
    auto inside = run_reckon({"check", "main.reckon"}, dir);
    CHECK(inside.status == 1);
    CHECK(inside.err == "lib/rates.reckon:2:33: error: 'GBP' is declared in main.reckon, which this file does not import\n"
                        "  table rates: text -> {per_hour: GBP/hour}\n"
                        "                                  ^\n"
                        "  note: a rule file sees what it declares and what it imports\n");
    CHECK(inside.out.empty());

    // a name the import does not list is not seen, though the file declares it
    write_file(dir + "/lib/units.reckon", "unit minute\nunit hour = 60 minute\ncurrency GBP \"£\"\n");
    write_file(dir + "/only.reckon", "import hour from \"lib/units.reckon\"\ninput t: minute\n");
    auto only = run_reckon({"check", "only.reckon"}, dir);
    CHECK(only.status == 1);
    CHECK(only.err.rfind("only.reckon:2:10: error: 'minute' is not among the names this file imports from lib/units.reckon\n", 0) == 0);
    write_file(dir + "/all.reckon", "import \"lib/units.reckon\"\ninput t: minute\noutput h: hour = t in hour\n");
    auto all = run_reckon({"check", "all.reckon"}, dir);
    CHECK_MESSAGE(all.status == 0, all.err);
}

TEST_CASE("case files: a value written as a rule file writes it - with its unit, a currency's symbol, a rate, a percentage") {
    const std::string dir = temp_dir();
    write_file(dir + "/r.reckon", "currency GBP \"£\"\nunit hour\nunit year\ninput salary: GBP/year\ninput fee: GBP\ninput hours: hour\n"
                                  "input share: number\noutput cost: GBP = salary / 1,600 hour/year * hours + fee * share\n");
    write_file(dir + "/plain.yaml", "salary: 32000\nfee: 1200\nhours: 12.5\nshare: 0.2\n");
    write_file(dir + "/written.yaml", "salary: £32,000/year\nfee: £1,200\nhours: 12.5 hour\nshare: 20%\n");
    auto plain = run_reckon({"eval", dir + "/r.reckon", dir + "/plain.yaml", "--format", "json"});
    auto written = run_reckon({"eval", dir + "/r.reckon", dir + "/written.yaml", "--format", "json"});
    REQUIRE_MESSAGE(plain.status == 0, plain.err);
    REQUIRE_MESSAGE(written.status == 0, written.err);
    // £32,000 / 1,600 hours x 12.5 hours = £250; + £1,200 x 20% = £490
    CHECK(nlohmann::json::parse(written.out)["outputs"]["cost"]["value"] == "490.00");
    CHECK(nlohmann::json::parse(plain.out)["outputs"] == nlohmann::json::parse(written.out)["outputs"]);
    // another unit, or a rate per another unit, is not this input's: an error naming the key and the unit
    write_file(dir + "/wrong.yaml", "salary: £32,000/week\nfee: £1,200\nhours: 12.5 minute\nshare: 20%\n");
    auto wrong = run_reckon({"eval", dir + "/r.reckon", dir + "/wrong.yaml"});
    CHECK(wrong.status == 1);
    CHECK(wrong.err.find("wrong.yaml:1:9: error: salary: expected a number (in GBP/year), found '£32,000/week'\n") != std::string::npos);
    CHECK(wrong.err.find("wrong.yaml:3:8: error: hours: expected a number (in hour), found '12.5 minute'\n") != std::string::npos);
}

TEST_CASE("case files: a value with another declared unit of the input's dimension is converted exactly, any other unit refused") {
    const std::string dir = temp_dir();
    write_file(dir + "/r.reckon", "unit minute\nunit hour = 60 minute\nunit year\ninput visit: minute\ninput travel: minute\n"
                                  "output total: minute = visit + travel\n");
    // 1.5 hour is 90 minutes; + 50 minute = 140 minute; 1/3 hour exactly is 20 minutes
    write_file(dir + "/a.yaml", "visit: 1.5 hour\ntravel: 50 minute\n");
    auto a = run_reckon({"eval", dir + "/r.reckon", dir + "/a.yaml", "--format", "json"});
    REQUIRE_MESSAGE(a.status == 0, a.err);
    CHECK(nlohmann::json::parse(a.out)["outputs"]["total"]["value"] == "140");
    write_file(dir + "/b.yaml", "visit: 0.25 hour\ntravel: 0\n");
    auto b = run_reckon({"eval", dir + "/r.reckon", dir + "/b.yaml", "--format", "json"});
    REQUIRE_MESSAGE(b.status == 0, b.err);
    CHECK(nlohmann::json::parse(b.out)["outputs"]["total"]["value"] == "15");
    // a unit of another dimension (year is not convertible), a plural, an unknown unit: each an error at its value
    write_file(dir + "/c.yaml", "visit: 1 year\ntravel: 50 minutes\n");
    auto c = run_reckon({"eval", dir + "/r.reckon", dir + "/c.yaml"});
    CHECK(c.status == 1);
    CHECK(c.out.empty());
    CHECK(c.err.find("c.yaml:1:8: error: visit: expected a number (in minute), found '1 year'\n") != std::string::npos);
    CHECK(c.err.find("c.yaml:2:9: error: travel: expected a number (in minute), found '50 minutes'\n") != std::string::npos);
}

TEST_CASE("dated values picked by a case input: each case costed with the value in force on its own date") {
    const std::string dir = temp_dir();
    write_file(dir + "/r.reckon", "ruleset \"contacts\"\n  dated by contact_date\ncurrency GBP \"£\"\nunit hour\nunit year\n"
                                  "input contact_date: date\ninput hours: hour\n"
                                  "param working_hours = 1,650 hour/year from 2010-04-01, 1,607 hour/year from 2023-04-01\n"
                                  "output cost: GBP = £37,338/year * 1.2 / working_hours * hours\n");
    write_file(dir + "/a.yaml", "contact_date: 2023-05-01\nhours: 10\n");
    write_file(dir + "/b.yaml", "contact_date: 2012-05-01\nhours: 10\n");
    write_file(dir + "/c.yaml", "contact_date: 2009-05-01\nhours: 10\n");
    auto r = run_reckon({"batch", dir + "/r.reckon", dir + "/a.yaml", dir + "/b.yaml", dir + "/c.yaml", "--format", "jsonl"});
    CHECK(r.status == 1);  // one case failed; the others are costed
    const BatchJson j = parse_jsonl(r.out);
    // £37,338 x 1.2 / 1,607 x 10 = £278.8182…; / 1,650 x 10 = £271.5490…
    CHECK(j.cases.at("a")["cost"]["value"] == "278.82");
    CHECK(j.cases.at("b")["cost"]["value"] == "271.55");
    CHECK(r.err.find("r.reckon:8:7: error: param 'working_hours' has no value on 2009-05-01: its first takes effect from 2010-04-01\n") !=
          std::string::npos);
}

TEST_CASE("rows from dates: the version of a row in effect on the date, each with its source") {
    const std::string dir = temp_dir();
    const std::string rules = "ruleset \"Salaries by date\"\n  dated by costing_date\ncurrency GBP \"£\"\nunit year\n"
                              "type Grade = one of band5, band6\nparam costing_date = 2024-06-30\n"
                              "table salaries: Grade -> {salary: GBP/year}\n"
                              "  | band5 | £27,055/year | from 2022-04-01 source \"Pay scales 2022\"\n"
                              "  | band6 | £37,338/year | from 2024-04-01 source \"Pay scales 2024\"\n"
                              "  | band6 | £33,706/year | from 2022-04-01 source \"Pay scales 2022\"\n"
                              "input grade: Grade\noutput salary: GBP/year = salaries(grade).salary\n";
    write_file(dir + "/r.reckon", rules);
    write_file(dir + "/g.yaml", "grade: band6\n");
    auto value = [&](std::vector<std::string> extra) {
        std::vector<std::string> args{"eval", dir + "/r.reckon", dir + "/g.yaml", "--format", "json"};
        args.insert(args.end(), extra.begin(), extra.end());
        auto r = run_reckon(args);
        REQUIRE_MESSAGE(r.status == 0, r.err);
        return nlohmann::json::parse(r.out)["outputs"]["salary"]["value"].get<std::string>();
    };
    CHECK(value({}) == "37338.00");                                  // written before the 2022 row: the dates sort them
    CHECK(value({"--param", "costing_date=2024-03-31"}) == "33706.00");  // the day before the 2024 row takes effect
    CHECK(value({"--param", "costing_date=2024-04-01"}) == "37338.00");
    CHECK(value({"--param", "salaries(band6 from 2024-04-01).salary=£40,000/year"}) == "40000.00");

    auto early = run_reckon({"eval", dir + "/r.reckon", dir + "/g.yaml", "--param", "costing_date=2021-01-01"});
    CHECK(early.status == 1);
    CHECK(early.err.find("r.reckon:12:27: error: table 'salaries' has no row for band6 on 2021-01-01: its first takes effect from 2022-04-01\n") !=
          std::string::npos);

    // a new version is an added row in diff
    std::string later = rules;
    later.insert(later.find("input grade"), "  | band5 | £29,970/year | from 2024-04-01 source \"Pay scales 2024\"\n");
    write_file(dir + "/later.reckon", later);
    auto d = run_reckon({"diff", dir + "/r.reckon", dir + "/later.reckon"});
    REQUIRE_MESSAGE(d.status == 0, d.err);
    CHECK(d.out.find("row band5 from 2024-04-01: (none) -> £29,970.00/year (source: Pay scales 2024)") != std::string::npos);

    // every row of the same keys has a date
    write_file(dir + "/mixed.reckon", rules + "table t: Grade -> {x: number}\n  | band5 | 1 | from 2022-04-01\n  | band5 | 2 |\n  | band6 | 3 |\n");
    auto mixed = run_reckon({"check", dir + "/mixed.reckon"});
    CHECK(mixed.status == 1);
    CHECK(mixed.err.find("mixed.reckon:15:5: error: table 't' has rows for band5 from dates, and this one has none: give it the date it takes effect from\n") !=
          std::string::npos);
}
