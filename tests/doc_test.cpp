// `reckon doc`: the methodology appendix, generated from the rules.
#include "support.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <regex>

using reckon::testing::run_reckon;
using reckon::testing::temp_dir;
using reckon::testing::write_file;

namespace {
const char* ruleset = "rulesets/sussex-complex-client.reckon";
const char* case_file = "cases/sussex/complex-client-2010-11.yaml";

std::string escaped(const std::string& s) { return std::regex_replace(s, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)"); }
}  // namespace

TEST_CASE("doc: every param of the Sussex ruleset with its value and source - and worked values equal eval's") {
    auto doc = run_reckon({"doc", ruleset, "--case", case_file});
    REQUIRE_MESSAGE(doc.status == 0, doc.err);
    // every param, found in the ruleset's own text, is a row with its source
    std::string text = reckon::testing::read_file(reckon::testing::source_dir() + "/" + ruleset);
    int params = 0;
    for (std::size_t at = 0; (at = text.find("\nparam ", at)) != std::string::npos; ++at) {
        std::string name = text.substr(at + 7, text.find_first_of(" :=", at + 7) - at - 7);
        INFO(name);
        CHECK(doc.out.find("\n| " + name + " | ") != std::string::npos);
        ++params;
    }
    CHECK(params == 28);
    CHECK(doc.out.find("| working_hours | 1,650 hour/year | `1650 hour/year` | Annualised hours: 220 working days of 7.5 hours | Footnote 1 |") !=
          std::string::npos);
    CHECK(doc.out.find("| on_costs | 20% | `20%` | Uplift on salaries for National Insurance and pensions | Data collected: ") !=
          std::string::npos);
    CHECK(doc.out.find("| hostel_standard_weekly_cost | £396.10/week |") != std::string::npos);

    // each output's worked value is the figure `reckon eval` shows
    auto eval = run_reckon({"eval", ruleset, case_file, "--format", "json"});
    auto j = nlohmann::json::parse(eval.out);
    auto table = run_reckon({"eval", ruleset, case_file}).out;
    for (const auto& [name, o] : j["outputs"].items()) {
        INFO(name);
        std::string label = o["label"];
        std::smatch m;  // "  Label      value": the value after the last run of spaces
        REQUIRE(std::regex_search(table, m, std::regex("\n  " + escaped(label) + "  +(\\S[^\n]*)\n")));
        std::string shown = m[1];
        auto heading = doc.out.find("### output " + name + ": " + label + "\n");
        REQUIRE(heading != std::string::npos);
        auto worked = doc.out.find("Worked value: **", heading);
        CHECK(doc.out.substr(worked + 16, doc.out.find("**", worked + 16) - worked - 16) == shown);
    }
}

TEST_CASE("doc without a case: the methodology alone, tables and cohort rules included") {
    auto doc = run_reckon({"doc", "rulesets/iom-annual-report.reckon"});
    REQUIRE_MESSAGE(doc.status == 0, doc.err);
    CHECK(doc.out.rfind("# IOM annual outcome report, version 2023.1\n", 0) == 0);
    CHECK(doc.out.find("| burglary_dwelling | £1,361.00 | £1,746.00 | £803.00 |") != std::string::npos);
    CHECK(doc.out.find("| 2023 | 1.49 |") == std::string::npos);  // indexes are shown as published
    CHECK(doc.out.find("| 2023 | 1.49168 |") != std::string::npos);
    CHECK(doc.out.find("### output saving_pnc: Saving from reduced offending (value 1, PNC)") != std::string::npos);
    CHECK(doc.out.find("Worked value") == std::string::npos);
}

TEST_CASE("doc --format html: the same appendix as one self-contained page") {
    auto md = run_reckon({"doc", ruleset, "--case", case_file}).out;
    auto html = run_reckon({"doc", ruleset, "--case", case_file, "--format", "html"});
    REQUIRE_MESSAGE(html.status == 0, html.err);
    const std::string& h = html.out;
    CHECK(h.rfind("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<title>Sussex IOM complex client costing, version 2012.1</title>\n", 0) == 0);
    CHECK(h.substr(h.size() - 16) == "</body>\n</html>\n");
    CHECK(h.find("http") == std::string::npos);  // nothing fetched from anywhere
    CHECK(h.find("<tr><td>working_hours</td><td>1,650 hour/year</td><td><code>1650 hour/year</code></td>"
                 "<td>Annualised hours: 220 working days of 7.5 hours</td><td>Footnote 1</td></tr>") != std::string::npos);
    CHECK(h.find("<h3>output total: Total</h3>") != std::string::npos);
    CHECK(h.find("<p>Worked value: <strong>£60,805.55</strong></p>") != std::string::npos);
    // as many table rows as the Markdown has (less the header rules)
    auto count = [](const std::string& s, const std::string& what) {
        std::size_t n = 0;
        for (std::size_t at = 0; (at = s.find(what, at)) != std::string::npos; at += what.size()) ++n;
        return n;
    };
    CHECK(count(h, "<tr>") == count(md, "\n|") - count(md, "\n|---"));
}

TEST_CASE("doc: a figure by two enumerations is a grid, each member by its label, and by one a row for each member") {
    auto doc = run_reckon({"doc", "tests/rulesets/staff-costs.reckon", "--case", "tests/rulesets/staff-costs.yaml"});
    REQUIRE_MESSAGE(doc.status == 0, doc.err);
    // the grades down, the editions across, as cost_per_hour(g, e) holds them; each value as eval shows it
    CHECK(doc.out.find("Worked values:\n\n"
                       "| Grade ↓ Edition → | Unit Costs 2022 | Unit Costs 2024 |\n"
                       "|---|---|---|\n"
                       "| Band 5 | £20.20/hour | £22.38/hour |\n"
                       "| Band 6 | £25.17/hour | £27.88/hour |\n"
                       "| Band 7 | £31.11/hour | £34.46/hour |\n") != std::string::npos);
    CHECK(doc.out.find("| Band 6 | £314.62 | £348.52 |\n") != std::string::npos);  // cost_of_contact, 12.5 hours
    const std::string dir = temp_dir();
    write_file(dir + "/one.reckon", "currency GBP \"£\"\ntype Kind = one of face_to_face \"Face to face\", phone\n"
                                    "input minutes: number\noutput cost(k: Kind): GBP \"Cost\" = if k == Kind.phone then £1 * minutes else £2 * minutes\n");
    write_file(dir + "/c.yaml", "minutes: 10\n");
    auto one = run_reckon({"doc", dir + "/one.reckon", "--case", dir + "/c.yaml"});
    REQUIRE_MESSAGE(one.status == 0, one.err);
    // a member with no label is shown with spaces for its underscores, as a report shows it
    CHECK(one.out.find("Worked values:\n\n| Kind | Cost |\n|---|---|\n| Face to face | £20.00 |\n| phone | £10.00 |\n") != std::string::npos);
}
