// `reckon diff`: a methodology change as an auditor needs to see it.
#include "shown_commands.hpp"
#include "support.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <regex>
#include <sstream>

using namespace reckon::testing;

namespace {
const char* v1 = "rulesets/sussex-complex-client.reckon";
const char* v2 = "rulesets/sussex-complex-client-2012.2.reckon";

std::string figure(const std::string& ruleset, const std::string& case_file, const std::string& output) {
    auto r = run_reckon({"eval", ruleset, case_file});
    std::smatch m;
    auto label = nlohmann::json::parse(run_reckon({"eval", ruleset, case_file, "--format", "json"}).out)["outputs"][output]["label"].get<std::string>();
    REQUIRE(std::regex_search(r.out, m, std::regex("\n  " + std::regex_replace(label, std::regex(R"([()])"), R"(\$&)") + "  +(\\S[^\n]*)\n")));
    return m[1];
}
// The copy of the IOM ruleset that docs/auditing.md calls iom-changed.reckon: a unit cost of shoplifting (fiscal) of £36, not £26.
std::string iom_changed() {
    return edited_ruleset("rulesets/iom-annual-report.reckon", "iom-changed.reckon",
                          {{"| shoplifting                        |      £26 |", "| shoplifting                        |      £36 |"}});
}
}  // namespace

TEST_CASE("diff of the two versions of methodology A lists exactly the changed param and formula") {
    auto r = run_reckon({"diff", v1, v2, "--format", "json"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    auto j = nlohmann::json::parse(r.out);
    std::vector<std::string> names;
    for (const auto& c : j["changes"]) names.push_back(c["section"].get<std::string>() + ": " + c["change"].get<std::string>() + " " + c["name"].get<std::string>());
    CHECK(names == std::vector<std::string>{"header: changed ruleset", "params: changed param working_hours", "functions: changed fn custody_charge"});
    auto text = run_reckon({"diff", v1, v2}).out;
    CHECK(text.find("  changed param working_hours\n") != std::string::npos);
    CHECK(text.find("      value: 1,650 hour/year -> 1,607 hour/year\n") != std::string::npos);
    CHECK(text.find("      source before: Footnote 1\n") != std::string::npos);
    CHECK(text.find("      formula before: let bands = max(1, ceil(floor(time in hour) / custody_band)) in "
                    "custody_first_band + custody_further_band * (bands - 1)\n"
                    "      formula after:  let bands = max(1, ceil((time in hour) / custody_band)) in "
                    "custody_first_band + custody_further_band * (bands - 1)\n") != std::string::npos);
}

TEST_CASE("diff --cases: every changed output with old, new and the difference to the penny") {
    auto r = run_reckon({"diff", v1, v2, "--cases", "cases/sussex", "--format", "json"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    auto j = nlohmann::json::parse(r.out);
    const std::string case_file = "cases/sussex/complex-client-2010-11.yaml";
    int money = 0;
    for (const auto& c : j["cases"]) {
        std::string output = c["output"];
        INFO(output);
        // old and new are what `reckon eval` shows under each version
        CHECK(c["before"] == figure(v1, case_file, output));
        CHECK(c["after"] == figure(v2, case_file, output));
        CHECK(c["before"] != c["after"]);
        if (c["difference"].get<std::string>().find('/') == std::string::npos) ++money;
    }
    CHECK(j["cases"].size() == 10);  // the outputs that the two changes reach; court, prison and NHS do not change
    CHECK(money == 7);
    // worked by hand in the 2012.2 rule file: £2,356.36 -> £2,419.42; 13 -> 16 custody bands
    auto text = run_reckon({"diff", v1, v2, "--cases", "cases/sussex"}).out;
    CHECK(text.find("      probation: £2,356.36 -> £2,419.42  (+£63.06)\n") != std::string::npos);
    CHECK(text.find("      police_custody: £3,589.00 -> £4,204.00  (+£615.00)\n") != std::string::npos);
    CHECK(text.find("      drug_worker_weekly: £43.64/week -> £44.80/week  (+£1.16/week)\n") != std::string::npos);
    CHECK(j["summary"]["cases"] == 1);
    CHECK(j["summary"]["affected"] == 1);
    CHECK(j["summary"]["largest"]["output"] == "total");
}

TEST_CASE("diff: a change of layout only is no change") {
    std::string dir = ruleset_dir();
    std::string text = read_file(source_dir() + "/" + v1);
    // other spacing and line breaks, redundant parentheses, comments moved
    std::string relaid = std::regex_replace(text, std::regex("  probation \\+ police \\+ court"), "(probation+police)   +\n      court");
    relaid = std::regex_replace(relaid, std::regex("\n  "), "\n        ");
    REQUIRE(relaid.find("1650 hour/year") != std::string::npos);
    relaid = std::regex_replace(relaid, std::regex("1650 hour/year"), "1,650 hour/year");  // thousands grouped: the same number
    REQUIRE(relaid != text);
    write_file(dir + "/a.reckon", relaid);
    auto r = run_reckon({"diff", v1, dir + "/a.reckon"});
    CHECK(r.status == 0);
    CHECK(r.out.find("No change to the methodology.") != std::string::npos);
}

TEST_CASE("diff: a quantity respelt is no change but a changed one is listed") {
    const std::string dir = temp_dir();
    const std::string header = "ruleset \"t\"\n  dated by day_of\nparam day_of = 2024-01-01\nunit year\ncurrency GBP \"£\"\ninput hours: number\n";
    write_file(dir + "/a.reckon", header + "param salary = 7,689 GBP/year\noutput pay: GBP/year = round(salary * hours, 1 GBP/year)\n"
                                           "fn yearly(x: GBP) -> GBP/year = x / 1 year\nparam fee = 1650 GBP from 2020-01-01\n");
    write_file(dir + "/b.reckon", header + "param salary = £7,689/year\noutput pay: GBP/year = round((salary * hours), £1/year)\n"
                                           "fn yearly(x: GBP) -> GBP/year = x / (1 year)\nparam fee = £1,650 from 2020-01-01\n");
    write_file(dir + "/c.reckon", header + "param salary = £7,690/year\noutput pay: GBP/year = round(salary * hours, £1/year, half_even)\n"
                                           "fn yearly(x: GBP) -> GBP/year = x / 1 year\nparam fee = £1,650 from 2020-01-02\n");
    Run same = run_reckon({"diff", "a.reckon", "b.reckon"}, dir);
    CHECK(same.status == 0);
    CHECK(same.out == "--- a.reckon\n+++ b.reckon\n\nNo change to the methodology.\n");
    Run changed = run_reckon({"diff", "a.reckon", "c.reckon"}, dir);
    INFO(changed.out);
    CHECK(changed.out.find("  changed param salary\n      formula before: 7689 GBP/year\n      formula after:  £7,690/year\n") != std::string::npos);
    CHECK(changed.out.find("      formula after:  round(salary * hours, £1/year, half_even)\n") != std::string::npos);
    CHECK(changed.out.find("value from 2020-01-02") != std::string::npos);
    CHECK(changed.out.find("fn yearly") == std::string::npos);
}

TEST_CASE("diff: a rate respelt in another unit of time is that param's change alone, and what it gives is money") {
    // £3.10/minute is £186/hour. The GP consultation, 11.7 minutes at that rate rounded to the pound, is £36 under both:
    // its unit cancels to money (minute × GBP/hour is GBP), so it is shown as £36.00 and is no change.
    const std::string hourly = edited_ruleset(v1, "hourly.reckon", {{"param gp_cost_per_minute = £3.10/minute", "param gp_cost_per_minute = £186/hour"}});
    Run r = run_reckon({"diff", v1, hourly});
    INFO(r.out);
    CHECK(r.status == 0);
    CHECK(r.out.find("  changed param gp_cost_per_minute\n      value: £3.10/minute -> £186.00/hour\n") != std::string::npos);
    CHECK(r.out.find("gp_consultation\n") == std::string::npos);
    Run doc = run_reckon({"doc", hourly});
    CHECK(doc.out.find("| gp_consultation | £36.00 |") != std::string::npos);
    CHECK(figure(hourly, "cases/sussex/complex-client-2010-11.yaml", "total") == "£60,805.55");
}

TEST_CASE("diff: every shipped ruleset formatted is the same methodology") {
    namespace fs = std::filesystem;
    const std::string dir = temp_dir();
    fs::copy(source_dir() + "/rulesets", dir + "/rulesets", fs::copy_options::recursive);
    REQUIRE(run_reckon({"fmt", "rulesets"}, dir).status == 0);
    int n = 0;
    for (const auto& e : fs::recursive_directory_iterator(source_dir() + "/rulesets")) {
        if (e.path().extension() != ".reckon") continue;
        const std::string rel = fs::relative(e.path(), source_dir()).string();
        CAPTURE(rel);
        Run d = run_reckon({"diff", e.path().string(), dir + "/" + rel});
        CHECK(d.status == 0);
        CHECK(d.out.find("\nNo change to the methodology.\n") != std::string::npos);
        ++n;
    }
    CHECK(n == 7);  // four methodology files, the unit costs of crime, the units and the Green Book discounting
}

TEST_CASE("diff: a member's new or removed label is a change readers see") {
    const std::string iom = "rulesets/iom-annual-report.reckon";
    const std::string relabelled = edited_ruleset(iom, "relabelled.reckon", {{"pro_rata \"Pro rata\"", "pro_rata \"Pro-rata\""}, {"  other \"Other\"", "  other"}});
    auto r = run_reckon({"diff", iom, relabelled});
    INFO(r.out);
    CHECK(r.out.find("\ntypes\n  changed type OffenceType\n      member other: \"Other\" -> (no label)\n"
                     "  changed type Status\n      member pro_rata: \"Pro rata\" -> \"Pro-rata\"\n") != std::string::npos);
}

TEST_CASE("diff REV:PATH reads a version from git") {
    std::string dir = temp_dir();
    auto git = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "init.defaultBranch=main"});
        return run_program("/usr/bin/git", args, dir);
    };
    REQUIRE(git({"init", "-q"}).status == 0);
    write_file(dir + "/rules/r.reckon", "import \"units.reckon\"\nparam rate = £2\noutput x: GBP = rate * 2\n");
    write_file(dir + "/rules/units.reckon", "currency GBP \"£\"\n");
    REQUIRE(git({"add", "."}).status == 0);
    REQUIRE(git({"commit", "-q", "-m", "one"}).status == 0);
    write_file(dir + "/rules/r.reckon", "import \"units.reckon\"\nparam rate = £3\noutput x: GBP = rate * 2\n");
    auto r = run_reckon({"diff", "HEAD:rules/r.reckon", "rules/r.reckon"}, dir);
    CHECK_MESSAGE(r.status == 0, r.err);
    CHECK(r.out.find("  changed param rate\n") != std::string::npos);
    auto bad = run_reckon({"diff", "nosuchrev:rules/r.reckon", "rules/r.reckon"}, dir);
    CHECK(bad.status == 2);
    CHECK(bad.err.rfind("reckon: error: nosuchrev:rules/r.reckon: git: fatal:", 0) == 0);
}

// docs/auditing.md shows real output: each `$ reckon …` block in it is run and compared.
TEST_CASE("docs/auditing.md: the commands shown print what is shown") {
    const int n = check_shown_commands(read_file(source_dir() + "/docs/auditing.md"),
                                       [](const std::string& w) { return w == "iom-changed.reckon" ? iom_changed() : w; });
    CHECK(n >= 6);
}

TEST_CASE("diff: a change to the report's layout or to 'percent' is listed") {
    std::string dir = ruleset_dir();
    std::string a = read_file(source_dir() + "/rulesets/iom-annual-report.reckon");
    std::string b = a;
    b.replace(b.find("  headline saving_pnc_fiscal, nominals_included"), 47, "  headline nominals_included");
    b.replace(b.find("  decimals 1 percent"), 20, "  decimals 1");
    write_file(dir + "/a.reckon", a);
    write_file(dir + "/b.reckon", b);
    auto r = run_reckon({"diff", "a.reckon", "b.reckon"}, dir);
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(r.out.find("report\n  changed report\n      item headline 2: saving_pnc_fiscal, nominals_included -> nominals_included\n") !=
          std::string::npos);
    CHECK(r.out.find("  changed cohort output offence_reduction_pct\n      percent: yes -> (none)\n") != std::string::npos);
}

TEST_CASE("diff --cases: the cohort's figures first, each to the penny of two plain batch runs, then the largest case changes") {
    // the IOM ruleset and a copy whose unit cost of shoplifting (value 1, fiscal) is £36 instead of £26
    const std::string old_rules = "rulesets/iom-annual-report.reckon", new_rules = iom_changed();
    Run d = run_reckon({"diff", old_rules, new_rules, "--cases", "cases/iom", "--param", "report_year=2023", "--format", "json"});
    REQUIRE_MESSAGE(d.status == 0, d.err);
    auto j = nlohmann::json::parse(d.out);
    Run a = run_reckon({"batch", old_rules, "cases/iom", "--param", "report_year=2023", "--format", "jsonl"});
    Run b = run_reckon({"batch", new_rules, "cases/iom", "--param", "report_year=2023", "--format", "jsonl"});
    auto before = parse_jsonl(a.out).cohort, after = parse_jsonl(b.out).cohort;
    std::map<std::string, nlohmann::json> cohort;
    for (const auto& c : j["cohort"]) cohort[c["output"].get<std::string>()] = c;
    REQUIRE(cohort.count("saving_pnc") == 1);
    CHECK(before["saving_pnc"]["value"] == "1016259.57");
    CHECK(cohort["saving_pnc"]["before"] == "£1,016,259.57");
    CHECK(after["saving_pnc"]["value"] == "1017725.90");
    CHECK(cohort["saving_pnc"]["after"] == "£1,017,725.90");
    CHECK(cohort["saving_pnc"]["difference"] == "+£1,466.33");  // 1,017,725.90 − 1,016,259.57
    CHECK(cohort["saving_by_type[shoplifting]"]["difference"] == "+£1,466.33");  // one member of a figure by member
    CHECK(cohort.count("saving_by_type[burglary_dwelling]") == 0);             // members that did not change are not listed
    CHECK(cohort.count("offence_reduction_pct") == 0);
    CHECK(j["summary"]["affected"] == 150);
    std::set<std::string> affected;  // the JSON has every affected case's changes
    for (const auto& c : j["cases"]) affected.insert(c["case"].get<std::string>());
    CHECK(affected.size() == 150);
    // the text: the cohort first, then the affected cases with the largest change first, as many as --rows says
    Run t = run_reckon({"diff", old_rules, new_rules, "--cases", "cases/iom", "--param", "report_year=2023", "--rows", "2"});
    REQUIRE(t.status == 0);
    const auto cohort_at = t.out.find("\ncohort\n  baseline_cost: £1,446,450.90 -> £1,448,460.03  (+£2,009.13)\n");
    const auto cases_at = t.out.find("\ncases (the 2 of 150 affected with the largest changes; --rows N shows more)\n"
                                     "  N0086 (cases/iom/N0086.yaml)\n      baseline_cost: £18,001.23 -> £18,057.04  (+£55.81)\n"
                                     "  N0176 (cases/iom/N0176.yaml)\n");
    CHECK(cohort_at != std::string::npos);
    CHECK(cases_at != std::string::npos);
    CHECK(cohort_at < cases_at);
    CHECK(t.out.find("N0182") == std::string::npos);  // the third is left out
    CHECK(t.out.find("  saving_pnc: £1,016,259.57 -> £1,017,725.90  (+£1,466.33)\n") != std::string::npos);
    std::filesystem::remove_all(std::filesystem::path(new_rules).parent_path());
}

TEST_CASE("diff --cases --scenarios: the effect under each scenario, each figure to the penny of plain batch runs with its settings") {
    const std::string old_rules = "rulesets/iom-annual-report.reckon", new_rules = iom_changed();
    const std::string dir = temp_dir();
    write_file(dir + "/years.yaml", "year_2023: {report_year: 2023}\nyear_2022:\n  report_year: 2022\n  unit_costs(homicide).fiscal: £200,000\n");
    Run d = run_reckon({"diff", old_rules, new_rules, "--cases", "cases/iom", "--scenarios", dir + "/years.yaml", "--format", "json"});
    REQUIRE_MESSAGE(d.status == 0, d.err);
    auto j = nlohmann::json::parse(d.out);
    REQUIRE(j["scenarios"].size() == 2);
    CHECK(!j.contains("cohort"));  // the cohort is each scenario's
    for (const auto& sc : j["scenarios"]) {
        const std::string name = sc["scenario"];
        CAPTURE(name);
        const std::vector<std::string> settings = name == "year_2023"
            ? std::vector<std::string>{"--param", "report_year=2023"}
            : std::vector<std::string>{"--param", "report_year=2022", "--param", "unit_costs(homicide).fiscal=£200,000"};
        std::map<std::string, std::string> shown;  // the figure under each version, from a plain batch
        for (const auto& rules : {old_rules, new_rules}) {
            std::vector<std::string> args{"batch", rules, "cases/iom", "--format", "jsonl"};
            args.insert(args.end(), settings.begin(), settings.end());
            shown[rules] = parse_jsonl(run_reckon(args).out).cohort["saving_pnc"]["value"];
        }
        std::map<std::string, nlohmann::json> cohort;
        for (const auto& c : sc["cohort"]) cohort[c["output"].get<std::string>()] = c;
        REQUIRE(cohort.count("saving_pnc") == 1);
        auto money = [](const std::string& plain) {  // "1016259.57" as shown: "£1,016,259.57"
            std::string whole = plain.substr(0, plain.find('.')), out;
            for (std::size_t i = 0; i < whole.size(); ++i) out += (i && (whole.size() - i) % 3 == 0 ? "," : "") + std::string(1, whole[i]);
            return "£" + out + plain.substr(plain.find('.'));
        };
        CHECK(cohort["saving_pnc"]["before"] == money(shown[old_rules]));
        CHECK(cohort["saving_pnc"]["after"] == money(shown[new_rules]));
        CHECK(sc["summary"]["cases"] == 240);
    }
    CHECK(j["scenarios"][0]["cohort"][2]["difference"] == "+£1,466.33");
    CHECK(j["scenarios"][1]["scenario"] == "year_2022");
    // the text: a section per scenario, named
    Run t = run_reckon({"diff", old_rules, new_rules, "--cases", "cases/iom", "--scenarios", dir + "/years.yaml", "--rows", "1"});
    REQUIRE(t.status == 0);
    const auto first = t.out.find("\n=== scenario year_2023\n\ncohort\n"), second = t.out.find("\n=== scenario year_2022\n\ncohort\n");
    CHECK(first != std::string::npos);
    CHECK(second != std::string::npos);
    CHECK(first < second);
    CHECK(t.out.find("  saving_pnc: £659,233.85 -> £660,268.62  (+£1,034.77)\n", second) != std::string::npos);
    // a scenario's setting the ruleset lacks points at the scenarios file; --scenarios needs cases
    write_file(dir + "/bad.yaml", "low:\n  unit_costs(arson).fiscal: £1\n");
    Run bad = run_reckon({"diff", old_rules, new_rules, "--cases", "cases/iom", "--scenarios", dir + "/bad.yaml"});
    CHECK(bad.status == 1);
    CHECK(bad.out.empty());
    CHECK(bad.err.rfind(dir + "/bad.yaml:2:29: error: scenario 'low': table 'unit_costs' has no row arson (its rows: homicide, ", 0) == 0);
    Run no_cases = run_reckon({"diff", old_rules, new_rules, "--scenarios", dir + "/years.yaml"});
    CHECK(no_cases.status == 2);
    CHECK(no_cases.err == "reckon: error: --scenarios gives the effect on cases under each scenario: give the cases with --cases\n");
    std::filesystem::remove_all(dir);
    std::filesystem::remove_all(std::filesystem::path(new_rules).parent_path());
}
