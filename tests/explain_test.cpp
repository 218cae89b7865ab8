// `reckon explain`: where a figure comes from, down to the params' sources.
#include "support.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using reckon::testing::run_reckon;

namespace {
const char* ruleset = "rulesets/sussex-complex-client.reckon";
const char* case_file = "cases/sussex/complex-client-2010-11.yaml";

bool has(const std::string& text, const std::string& line) { return text.find(line) != std::string::npos; }
}  // namespace

TEST_CASE("explain total: the seven agencies, and under them every param with its source and every input") {
    auto r = run_reckon({"explain", ruleset, case_file, "total"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(r.out.rfind("output total = £60,805.55    (rulesets/sussex-complex-client.reckon:208:8)\n"
                      "    formula: probation + police + court + hostel + drug_services + prison + nhs\n", 0) == 0);
    for (const char* agency : {"  output probation = £2,356.36", "  output police = £4,796.04", "  output court = £208.00",
                               "  output hostel = £33,382.07", "  output drug_services = £3,785.45",
                               "  output prison = £10,384.62", "  output nhs = £5,893.00"})
        CHECK_MESSAGE(has(r.out, std::string("\n") + agency + "    (rulesets/"), agency);
    // down to the 1,650 hours and the 20 % on-costs, with their sources
    CHECK(has(r.out, "      param working_hours = 1,650 hour/year    (rulesets/sussex-complex-client.reckon:55:7)\n"
                     "          formula: 1650 hour/year\n"
                     "          Annualised hours: 220 working days of 7.5 hours\n"
                     "          source: Footnote 1\n"));
    CHECK(has(r.out, "      param on_costs = 0.2    (rulesets/sussex-complex-client.reckon:51:7)\n"
                     "          formula: 20%\n"));
    // inputs with their place in the case file
    CHECK(has(r.out, "input police.custody_minutes = 101, 1088, 491, 996, 1101, 1452 minute    "
                     "(cases/sussex/complex-client-2010-11.yaml:26:20)\n"));
    CHECK(has(r.out, "input police.arrests = 6    (cases/sussex/complex-client-2010-11.yaml:25:12)\n"));
    // rounding steps where they happen
    CHECK(has(r.out, "rounded to a multiple of 1 hour, down (floor) (rulesets/sussex-complex-client.reckon:114:27)\n"));
}

TEST_CASE("explain --depth cuts the tree and --format json gives the same tree") {
    auto one = run_reckon({"explain", ruleset, case_file, "total", "--depth", "1"});
    CHECK(one.out ==
          "output total = £60,805.55    (rulesets/sussex-complex-client.reckon:208:8)\n"
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

TEST_CASE("explain: an unknown output is a command-line error listing the outputs - and --param is shown as the source") {
    auto r = run_reckon({"explain", ruleset, case_file, "totl"});
    CHECK(r.status == 2);
    CHECK(r.err.rfind("reckon: error: 'totl' is not an output or rule of one case in rulesets/sussex-complex-client.reckon; "
                      "its outputs are: probation, ", 0) == 0);
    auto p = run_reckon({"explain", ruleset, case_file, "probation", "--param", "on_costs=25%"});
    CHECK(has(p.out, "output probation = £2,454.55"));
    CHECK(has(p.out, "param on_costs = 0.25    (rulesets/sussex-complex-client.reckon:51:7)\n"
                     "        formula: 20%\n"));
    CHECK(has(p.out, "source: set on the command line (--param on_costs)\n"));
}
