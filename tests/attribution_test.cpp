// `reckon diff --attribute`: each figure's change split exactly among the changes between two versions (issue 40).
#include "support.hpp"

#include "commands/diff/attribution.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <random>
#include <string>

using namespace reckon::testing;
using reckon::Integer;
using reckon::Number;

namespace {

// Pay of each case: the hours at a rate, and a premium on the hours over a threshold. Version 2 raises the rate
// and lowers the threshold (two changes whose effects interact: the premium is paid at the rate) and changes a
// param no figure uses.
std::string overtime(const std::string& rate, const std::string& threshold, const std::string& unused, const std::string& extra = "",
                     const std::string& bonus = "") {
    return "ruleset \"Overtime\"\n  version \"1\"\n  identified by id\n\ncurrency GBP \"£\"\nunit hour\n\n"
           "param rate = " + rate + "/hour \"Pay per hour\"\n"
           "param threshold = " + threshold + " hour \"Hours paid without the premium\"\n"
           "param premium = 50% \"Extra on each hour over the threshold\"\n"
           "param unused = " + unused + " \"A param no figure uses\"\n" + extra +
           "\ninput id: text \"The case\"\ninput hours: hour min 0 \"Hours worked\"\n\n"
           "output pay: GBP \"Pay\" = rate * hours + rate * premium * max(0 hour, hours - threshold)" + bonus + "\n"
           "cohort output total: GBP \"Pay of the cohort\" = sum(c.pay for c in cases)\n";
}

struct Versions {
    std::string dir, old_file, new_file, cases;
};

Versions write_versions(const std::string& old_text, const std::string& new_text) {
    Versions v{temp_dir(), "", "", ""};
    v.old_file = v.dir + "/old.reckon";
    v.new_file = v.dir + "/new.reckon";
    v.cases = v.dir + "/cases";
    write_file(v.old_file, old_text);
    write_file(v.new_file, new_text);
    std::filesystem::create_directories(v.cases);
    write_file(v.cases + "/a.yaml", "id: A\nhours: 50 hour\n");
    write_file(v.cases + "/b.yaml", "id: B\nhours: 38 hour\n");
    return v;
}

Number exact(const std::string& s) {
    const auto slash = s.find('/');
    return slash == std::string::npos ? Number(Integer(s)) : Number(Integer(s.substr(0, slash)), Integer(s.substr(slash + 1)));
}

// Every figure's parts, as "output of case: change = exact", and each figure's parts added up exactly to its change.
std::map<std::string, Number> parts_of(const nlohmann::json& j) {
    std::map<std::string, Number> out;
    for (const char* scope : {"cohort", "cases"})
        for (const auto& f : j[scope]) {
            const std::string figure = f["output"].get<std::string>() + (f.contains("case") ? " of " + f["case"].get<std::string>() : "");
            INFO(figure);
            REQUIRE(f.contains("attribution"));
            Number sum(0);
            for (const auto& s : f["attribution"]) {
                out[figure + ": " + s["change"].get<std::string>()] = exact(s["exact"]);
                sum += exact(s["exact"]);
            }
            // the change as shown: "+£140.00" -> 14000 pence
            CHECK(sum * 100 == Number(pennies(f["after"])) - Number(pennies(f["before"])));
        }
    return out;
}

}  // namespace

TEST_CASE("attribution: Shapley shares of a game worked by hand, and the pair's interaction") {
    // v(none) = 550, v(rate) = 660, v(threshold) = 575, v(both) = 690 (case A below)
    const std::vector<Number> v{550, 660, 575, 690};
    const auto s = reckon::shapley_shares(2, v);
    CHECK(s[0] == Number::ratio(225, 2));  // (110 + 115) / 2
    CHECK(s[1] == Number::ratio(55, 2));   // (25 + 30) / 2
    CHECK(reckon::pair_interaction(v, 0, 1) == 5);
    CHECK_THROWS(reckon::shapley_shares(3, v));
}

TEST_CASE("attribution property: random games of up to 6 players share exactly their change, a dummy gets 0, one player all") {
    std::mt19937 rng(40);
    for (int round = 0; round < 200; ++round) {
        const std::size_t n = 1 + rng() % 6;
        const std::size_t dummy = rng() % n;  // a player whose joining never changes the value
        std::vector<Number> v(std::size_t{1} << n);
        for (std::size_t s = 0; s < v.size(); ++s)
            v[s] = (s >> dummy) & 1 ? v[s & ~(std::size_t{1} << dummy)] : Number::ratio(static_cast<std::int64_t>(rng() % 100000) - 50000, 1 + rng() % 7);
        const auto shares = reckon::shapley_shares(n, v);
        Number total(0);
        for (const auto& x : shares) total += x;
        CHECK(total == v.back() - v.front());
        CHECK(shares[dummy] == 0);
        if (n == 1) CHECK(shares[0] == v[1] - v[0]);
    }
}

TEST_CASE("diff --attribute: a rate and a threshold, worked by hand to the penny, and a change that moves nothing gets £0") {
    const Versions v = write_versions(overtime("£10", "40", "1"), overtime("£12", "35", "2"));
    auto r = run_reckon({"diff", v.old_file, v.new_file, "--cases", v.cases, "--attribute", "--format", "json"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["attribution"]["changes"] == nlohmann::json::array({"param rate", "param threshold", "param unused"}));
    const auto parts = parts_of(j);
    // pay = rate × hours + 50% × rate × hours over the threshold. Case A, 50 hours:
    //   old (£10, 40 h) £550; rate alone (£12, 40 h) £660; threshold alone (£10, 35 h) £575; new (£12, 35 h) £690.
    //   rate: ((660 - 550) + (690 - 575)) / 2 = £112.50; threshold: ((575 - 550) + (690 - 660)) / 2 = £27.50; sum £140.
    CHECK(parts.at("pay of A: param rate") == Number::ratio(225, 2));
    CHECK(parts.at("pay of A: param threshold") == Number::ratio(55, 2));
    CHECK(parts.at("pay of A: param unused") == 0);
    // Case B, 38 hours: old £380; rate alone £456; threshold alone £395; new £474.
    //   rate: (76 + 79) / 2 = £77.50; threshold: (15 + 18) / 2 = £16.50; sum £94.
    CHECK(parts.at("pay of B: param rate") == Number::ratio(155, 2));
    CHECK(parts.at("pay of B: param threshold") == Number::ratio(33, 2));
    // The cohort: £930 -> £1,164; rate £190, threshold £44.
    CHECK(parts.at("total: param rate") == 190);
    CHECK(parts.at("total: param threshold") == 44);
    CHECK(parts.at("total: param unused") == 0);
    // together: 690 - 660 - 575 + 550 = £5 in A, 474 - 456 - 395 + 380 = £3 in B, £8 in the cohort
    auto text = run_reckon({"diff", v.old_file, v.new_file, "--cases", v.cases, "--attribute"}).out;
    CHECK(text.find("  total: £930.00 -> £1,164.00  (+£234.00)\n"
                    "      param rate       +£190.00\n"
                    "      param threshold  +£44.00\n"
                    "      param unused     £0.00\n"
                    "      together: param rate × param threshold  +£8.00\n") != std::string::npos);
    CHECK(text.find("      pay: £550.00 -> £690.00  (+£140.00)\n"
                    "          param rate       +£112.50\n") != std::string::npos);
    CHECK(text.find("          together: param rate × param threshold  +£5.00\n") != std::string::npos);
}

TEST_CASE("diff --attribute: a rule that uses a param only the new version adds is one player with it, and the text says so") {
    const Versions v = write_versions(overtime("£10", "40", "1"),
                                      overtime("£10", "40", "1", "param bonus = £7 \"A bonus\"\n", " + bonus"));
    auto r = run_reckon({"diff", v.old_file, v.new_file, "--cases", v.cases, "--attribute", "--format", "json"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["attribution"]["changes"].size() == 1);
    CHECK(j["attribution"]["grouped"].size() == 1);
    const auto parts = parts_of(j);
    CHECK(parts.at("total: " + j["attribution"]["changes"][0].get<std::string>()) == 14);
    auto text = run_reckon({"diff", v.old_file, v.new_file, "--cases", v.cases, "--attribute"}).out;
    CHECK(text.find("  grouped: ") != std::string::npos);
}

TEST_CASE("diff --attribute property: random versions, every figure's parts add up to its change, one change gets it all") {
    std::mt19937 rng(4040);
    for (int round = 0; round < 4; ++round) {
        const std::string rate = "£" + std::to_string(8 + rng() % 8), threshold = std::to_string(30 + rng() % 20);
        const bool move_rate = rng() % 2, move_threshold = !move_rate || rng() % 2;
        const std::string rate2 = move_rate ? "£" + std::to_string(16 + rng() % 5) : rate;
        const std::string threshold2 = move_threshold ? std::to_string(10 + rng() % 20) : threshold;
        const Versions v = write_versions(overtime(rate, threshold, "1"), overtime(rate2, threshold2, "3"));
        auto r = run_reckon({"diff", v.old_file, v.new_file, "--cases", v.cases, "--attribute", "--format", "json"});
        REQUIRE_MESSAGE(r.status == 0, r.err);
        const auto j = nlohmann::json::parse(r.out);
        const auto parts = parts_of(j);  // each figure's parts add up to its change
        for (const auto& [name, amount] : parts) {
            INFO(name);
            if (name.find("param unused") != std::string::npos) CHECK(amount == 0);
        }
        if (move_rate != move_threshold)  // one change that moves figures: it takes the whole of each change
            for (const char* scope : {"cohort", "cases"})
                for (const auto& f : j[scope]) {
                    const std::string who = move_rate ? "param rate" : "param threshold";
                    for (const auto& s : f["attribution"])
                        if (s["change"] == who) CHECK(exact(s["exact"]) * 100 == Number(pennies(f["after"])) - Number(pennies(f["before"])));
                }
    }
}

TEST_CASE("diff --attribute: more changes than --limit attribution are grouped by section, and the text says so") {
    const Versions v = write_versions(overtime("£10", "40", "1"), overtime("£12", "35", "2"));
    auto r = run_reckon({"diff", v.old_file, v.new_file, "--cases", v.cases, "--attribute", "--limit", "attribution=2", "--format", "json"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["attribution"]["changes"] == nlohmann::json::array({"section params"}));
    CHECK(j["attribution"]["players"].get<std::string>().find("by declaration section") != std::string::npos);
    parts_of(j);
    auto g = run_reckon({"diff", v.old_file, v.new_file, "--cases", v.cases, "--attribute", "--group", "pay=param rate,param threshold",
                         "--format", "json"});
    REQUIRE_MESSAGE(g.status == 0, g.err);
    const auto k = nlohmann::json::parse(g.out);
    CHECK(k["attribution"]["changes"] == nlohmann::json::array({"pay", "param unused"}));
    CHECK(parts_of(k).at("total: pay") == 234);
    auto bad = run_reckon({"diff", v.old_file, v.new_file, "--cases", v.cases, "--attribute", "--group", "x=param nothing"});
    CHECK(bad.status == 2);  // the command line was wrong (docs/cli.md)
    CHECK(bad.out.empty());
    CHECK(bad.err == "reckon: error: --group x: no change is named 'param nothing'; the changes are: param rate; param threshold; param unused\n");
    auto alone = run_reckon({"diff", v.old_file, v.new_file, "--attribute"});
    CHECK(alone.status == 2);
    CHECK(alone.err == "reckon: error: --attribute splits the change of each figure of the cases: give the cases with --cases\n");
}

TEST_CASE("diff --attribute: the shipped Sussex versions, 2012.1 -> 2012.2, each figure's change split between the two changes") {
    auto r = run_reckon({"diff", "rulesets/sussex-complex-client.reckon", "rulesets/sussex-complex-client-2012.2.reckon", "--cases",
                         "cases/sussex", "--attribute", "--format", "json"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["attribution"]["changes"] == nlohmann::json::array({"param working_hours", "fn custody_charge"}));
    CHECK(j["attribution"]["not_players"] == nlohmann::json::array({"ruleset"}));
    const auto parts = parts_of(j);
    // custody is charged by the band, which the working year does not reach: police_custody's £615 is all the function's
    CHECK(parts.at("police_custody of sussex-2010-11-complex-client: fn custody_charge") == 615);
    CHECK(parts.at("police_custody of sussex-2010-11-complex-client: param working_hours") == 0);
    CHECK(parts.at("probation of sussex-2010-11-complex-client: param working_hours") == Number::ratio(6306, 100));
}
