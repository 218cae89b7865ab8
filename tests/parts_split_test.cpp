// `reckon diff --cases` (issue 40, item 2): a cohort figure that is a difference of cohort figures over the cases
// (a saving: a baseline less what it is now) has its change given through its parts, each part's change exact and
// case by case; a ratio of such (a reduction in %) gives its numerator's and its denominator's changes, and its own
// change is not split among them. Worked by hand on a small ruleset, and on the IOM report of 2022 against 2023.
#include "support.hpp"

#include "core/base/number.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

using namespace reckon::testing;
using reckon::Integer;
using reckon::Number;

namespace {

// Each case's cost before the scheme and now, each scaled by a param; the cohort's baseline, its cost now, the
// saving (the one less the other) and the reduction in % (the saving over the baseline); and a product, which is
// no sum and has no parts.
const char* costs =
    "ruleset \"Parts\"\n  version \"1\"\n  identified by id\n\ncurrency GBP \"£\"\n\n"
    "param growth = 1 \"Uplift of the cost before\"\nparam scale = 1 \"Uplift of the cost now\"\n"
    "\ninput id: text \"The case\"\ninput before: GBP \"Cost before\"\ninput after: GBP \"Cost now\"\n\n"
    "output base: GBP \"Cost before\" = before * growth\n"
    "output now: GBP \"Cost now\" = after * scale\n"
    "cohort output baseline: GBP \"Baseline\" = sum(c.base for c in cases)\n"
    "cohort output current: GBP \"Now\" = sum(c.now for c in cases)\n"
    "cohort output saving: GBP \"Saving\" = if baseline > £0 then baseline - current else none\n"
    "cohort output reduction_pct \"Reduction\" = if baseline > £0 then (baseline - current) / baseline * 100 else none\n"
    "  decimals 1 percent\n"
    "cohort output doubled: GBP \"Twice the saving\" = (baseline - current) * 2\n";

struct Files {
    std::string dir, ruleset;
};

// Case A: £100 before, £60 now; case B: £100 before, £20 now.
Files write_files() {
    Files f{temp_dir(), ""};
    f.ruleset = f.dir + "/parts.reckon";
    write_file(f.ruleset, costs);
    std::filesystem::create_directories(f.dir + "/cases");
    write_file(f.dir + "/cases/a.yaml", "id: A\nbefore: £100\nafter: £60\n");
    write_file(f.dir + "/cases/b.yaml", "id: B\nbefore: £100\nafter: £20\n");
    return f;
}

// The old run as the ruleset has it; the new with the costs before uplifted by 20% and those now by 25%.
Run diff_of(const Files& f, const std::string& format) {
    return run_reckon({"diff", f.ruleset, f.ruleset, "--cases", f.dir + "/cases", "--old-param", "growth=1", "--old-param", "scale=1",
                       "--param", "growth=1.2", "--param", "scale=1.25", "--format", format});
}

nlohmann::json cohort_figure(const nlohmann::json& j, const std::string& output) {
    for (const auto& f : j["cohort"])
        if (f["output"] == output) return f;
    FAIL("no cohort figure " << output);
    return {};
}

Number exact(const std::string& s) {
    const auto slash = s.find('/');
    return slash == std::string::npos ? Number(Integer(s)) : Number(Integer(s.substr(0, slash)), Integer(s.substr(slash + 1)));
}

}  // namespace

TEST_CASE("diff: a saving that is a baseline less the cost now is given through its parts and each part case by case") {
    // Old run: baseline £100 + £100 = £200, now £60 + £20 = £80, saving £120, reduction 120 / 200 = 60.0 %.
    // New run: baseline £120 + £120 = £240 (growth 1.2), now £75 + £25 = £100 (scale 1.25), saving £140,
    // reduction 140 / 240 = 58.33… % -> 58.3 %.
    // The saving's change, +£20.00, is the baseline's +£40.00 less the cost now's +£20.00; the baseline's is
    // A's +£20.00 and B's +£20.00; the cost now's is A's +£15.00 (£60 -> £75) and B's +£5.00 (£20 -> £25).
    const Files f = write_files();
    const Run text = diff_of(f, "text");
    REQUIRE_MESSAGE(text.status == 0, text.err);
    CHECK(text.out.find("  saving: £120.00 -> £140.00  (+£20.00)\n"
                        "      through its parts: baseline +£40.00, current +£20.00  (baseline - current)\n"
                        "      baseline case by case: 2 cases add to it in both runs (+£40.00)\n"
                        "        A (" + f.dir + "/cases/a.yaml)  +£20.00\n"
                        "        B (" + f.dir + "/cases/b.yaml)  +£20.00\n"
                        "      current case by case: 2 cases add to it in both runs (+£20.00)\n"
                        "        A (" + f.dir + "/cases/a.yaml)  +£15.00\n"
                        "        B (" + f.dir + "/cases/b.yaml)  +£5.00\n") != std::string::npos);
    // the ratio: its numerator (the saving) +£20.00 and its denominator (the baseline) +£40.00; -1.7 % is not split
    CHECK(text.out.find("  reduction_pct: 60.0 % -> 58.3 %  (-1.7 %)\n"
                        "      through its parts, a ratio: its change is not the sum of theirs, and is not split among them\n"
                        "        numerator baseline - current: +£20.00  (baseline +£40.00, current +£20.00)\n"
                        "        denominator baseline: +£40.00\n"
                        "      baseline case by case: 2 cases add to it in both runs (+£40.00)\n") != std::string::npos);
    // a product of a figure is no sum of figures over the cases: it has no parts
    CHECK(text.out.find("  doubled: £240.00 -> £280.00  (+£40.00)\n\ncases\n") != std::string::npos);

    const Run json = diff_of(f, "json");
    REQUIRE_MESSAGE(json.status == 0, json.err);
    const auto j = nlohmann::json::parse(json.out);
    const auto saving = cohort_figure(j, "saving");
    REQUIRE(saving.contains("parts"));
    CHECK(!saving.contains("by_case"));
    const auto& p = saving["parts"];
    CHECK(p["kind"] == "sum");
    CHECK(p["formula"] == "baseline - current");
    CHECK(p["change"] == "+£20.00");
    CHECK(p["exact"] == "20");
    REQUIRE(p["terms"].size() == 2);
    CHECK(p["terms"][0]["name"] == "baseline");
    CHECK(p["terms"][0]["sign"] == 1);
    CHECK(p["terms"][0]["change"] == "+£40.00");
    CHECK(p["terms"][0]["exact"] == "40");
    CHECK(p["terms"][0]["by_case"]["both"]["cases"] == 2);
    CHECK(p["terms"][1]["name"] == "current");
    CHECK(p["terms"][1]["sign"] == -1);
    CHECK(p["terms"][1]["exact"] == "20");
    CHECK(p["terms"][1]["by_case"]["largest"][0]["case"] == "A");
    CHECK(p["terms"][1]["by_case"]["largest"][0]["exact"] == "15");
    CHECK(p["terms"][1]["by_case"]["largest"][1]["exact"] == "5");
    const auto ratio = cohort_figure(j, "reduction_pct")["parts"];
    CHECK(ratio["kind"] == "ratio");
    CHECK(ratio["numerator"]["formula"] == "baseline - current");
    CHECK(ratio["numerator"]["exact"] == "20");
    CHECK(ratio["denominator"]["formula"] == "baseline");
    CHECK(ratio["denominator"]["change"] == "+£40.00");
    CHECK(!cohort_figure(j, "doubled").contains("parts"));
}

TEST_CASE("diff: the IOM saving from 2022 to 2023 is the baseline cost's change less the annualised cost's to the penny") {
    const Run r = run_reckon({"diff", "rulesets/iom-annual-report.reckon", "rulesets/iom-annual-report.reckon", "--cases", "cases/iom",
                              "--old-param", "report_year=2022", "--param", "report_year=2023", "--format", "json"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const auto j = nlohmann::json::parse(r.out);
    const auto saving = cohort_figure(j, "saving_pnc");
    CHECK(saving["difference"] == "+£357,025.72");
    const auto& p = saving["parts"];
    REQUIRE(p["terms"].size() == 2);
    CHECK(p["terms"][0]["name"] == "baseline_cost");
    CHECK(p["terms"][0]["change"] == "+£541,877.90");
    CHECK(p["terms"][1]["name"] == "annualised_cost");
    CHECK(p["terms"][1]["change"] == "+£184,852.18");
    // as shown, to the penny: each term's change is that figure's own difference in the diff
    CHECK(pennies(saving["difference"]) == pennies(p["terms"][0]["change"]) - pennies(p["terms"][1]["change"]));
    CHECK(p["terms"][0]["change"] == cohort_figure(j, "baseline_cost")["difference"]);
    CHECK(p["terms"][1]["change"] == cohort_figure(j, "annualised_cost")["difference"]);
    // exactly: the terms' changes with their signs are the side's, which is the saving's exact change
    CHECK(exact(p["terms"][0]["exact"]) - exact(p["terms"][1]["exact"]) == exact(p["exact"]));
    // each term's change case by case adds up exactly to it
    for (const auto& t : p["terms"]) {
        Number groups;
        for (const char* g : {"both", "new_only", "old_only"}) groups += exact(t["by_case"][g]["exact"]);
        CHECK(groups == exact(t["exact"]));
    }
    // the reduction in offences: a ratio, its numerator's and its denominator's changes as their figures show them
    const auto pct = cohort_figure(j, "offence_reduction_pct");
    CHECK(pct["difference"] == "-0.2 %");
    const auto& q = pct["parts"];
    CHECK(q["kind"] == "ratio");
    CHECK(q["numerator"]["formula"] == "baseline_offences - annualised_offences");
    CHECK(q["numerator"]["change"] == "+90.93");  // +126 less +35.07
    CHECK(q["numerator"]["terms"][1]["change"] == cohort_figure(j, "annualised_offences")["difference"]);
    CHECK(q["denominator"]["change"] == cohort_figure(j, "baseline_offences")["difference"]);
    CHECK(q["denominator"]["change"] == "+126");
}
