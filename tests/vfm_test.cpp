// Methodology C, value for money (rulesets/iom-value-for-money.reckon), worked by hand from its definitions on a
// two-nominal cohort (tests/cases/vfm/cohort) and a two-partner contributions file (tests/cases/vfm/two-partners.yaml):
// the costs (salary x 1.2 x share), the savings by kind and by agency, the break-even, the benefit-cost ratio and the
// return on investment, then the Green Book's deadweight, optimism bias and discounting. Exactly, through the
// engine: the break-even applied as the cohort's reduction gives fiscal benefit equal to the cost; and over the
// repository's cohort the savings are the annual report's own, the agencies' within the source's £1 rounding.
#include "shown_commands.hpp"
#include "support.hpp"

#include "commands/batch/batch.hpp"
#include "core/compile/compile.hpp"
#include "data/run_data.hpp"
#include "core/eval/eval.hpp"

#include <boost/multiprecision/cpp_int.hpp>
#include <doctest/doctest.h>

#include <sstream>

using reckon::testing::run_reckon;

namespace {
using Q = boost::multiprecision::cpp_rational;
using boost::multiprecision::cpp_int;

const char* vfm = "rulesets/iom-value-for-money.reckon";
const char* cohort = "tests/cases/vfm/cohort";
const char* two_partners = "tests/cases/vfm/two-partners.yaml";

// The deflator's uprating from 2010/11 to 2023/24 prices: 1.49168 / 1.06913.
const Q u(149168, 106913);

// x rounded half away from zero to `places`, written with exactly that many decimals (as reckon's JSON writes it).
std::string fixed(const Q& x, int places) {
    cpp_int scale = 1;
    for (int i = 0; i < places; ++i) scale *= 10;
    Q y = abs(x) * scale + Q(1, 2);
    cpp_int whole = numerator(y) / denominator(y);
    std::string digits = whole.str();
    if (places > 0) {
        while (digits.size() <= static_cast<std::size_t>(places)) digits = "0" + digits;
        digits.insert(digits.size() - static_cast<std::size_t>(places), ".");
    }
    return (x < 0 && whole != 0 ? "-" : "") + digits;
}
// …with trailing zeros dropped, as a plain number shows (2 decimals).
std::string trimmed(const Q& x) {
    std::string s = fixed(x, 2);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

nlohmann::json cohort_of(std::vector<std::string> extra) {
    std::vector<std::string> args = {"batch", vfm, cohort, "--run-data", two_partners, "--param", "report_year=2023", "--format", "jsonl"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = run_reckon(args);
    REQUIRE_MESSAGE(r.status == 0, r.err);
    return nlohmann::json::parse(reckon::testing::last_line(r.out))["cohort"]["outputs"];
}
std::string figure(const nlohmann::json& c, const std::string& name) { return c.at(name).at("value").get<std::string>(); }
std::string member(const nlohmann::json& c, const std::string& name, const std::string& m) {
    return c.at(name).at("value").at(m).get<std::string>();
}

// The cohort's exact figures, through the engine as `reckon batch` runs it.
struct Exact {
    std::shared_ptr<reckon::Program> p;
    std::vector<reckon::Value> values;
    const reckon::Value& operator[](const std::string& name) const {
        for (std::size_t i = 0; i < p->cohort_outputs.size(); ++i)
            if (p->rules[static_cast<std::size_t>(p->cohort_outputs[i])].name == name) return values.at(i);
        FAIL("no cohort output " << name);
        return values.at(0);
    }
};
Exact run_exact(const std::string& ruleset, const std::string& cases, const std::vector<reckon::ParamSetting>& settings,
                const std::string& run_data, const reckon::Overrides* extra = nullptr, std::shared_ptr<reckon::Program> p = nullptr) {
    const std::string src = reckon::testing::source_dir() + "/";
    if (!p) p = reckon::compile_run(src + ruleset, settings, {}, run_data.empty() ? "" : src + run_data);
    reckon::Overrides o = reckon::command_line_overrides(*p);
    if (extra)
        for (const auto& [slot, node] : *extra) o[slot] = node;
    const std::vector<reckon::Value> params = reckon::bind_params(*p, o);
    Exact e{p, {}};
    reckon::BatchOptions options;
    options.cohort = &e.values;
    std::ostringstream out, err;
    const auto summary = reckon::run_batch(*p, params, reckon::find_case_files({src + cases}), options, out, err);
    REQUIRE_MESSAGE(summary.failed == 0, err.str());
    REQUIRE(e.values.size() == p->cohort_outputs.size());
    return e;
}
}  // namespace

TEST_CASE("value for money: the costs, savings, break-even and ratios of a two-nominal cohort, worked by hand") {
    auto c = cohort_of({});
    // Costs: police £30,000 x 1.2 x 0.05 = £1,800 of staff time, and £200; probation £25,000 x 1.2 x 0.02 = £600.
    CHECK(member(c, "partner_cost", "police") == "2000.00");
    CHECK(member(c, "partner_cost", "probation") == "600.00");
    CHECK(member(c, "partner_cost", "pcc") == "0.00");
    CHECK(figure(c, "total_cost") == "2600.00");
    // Prevented: baseline 3 burglaries, 6 shoplifting, 1 common assault; in the year 1 and 1: 2, 5 and 1.
    CHECK(member(c, "offences_prevented_by_type", "burglary_dwelling") == "2");
    CHECK(member(c, "offences_prevented_by_type", "shoplifting") == "5");
    CHECK(member(c, "offences_prevented_by_type", "common_assault") == "1");
    CHECK(figure(c, "offences_prevented") == "8");
    // Savings, 2010/11 prices then uprated: fiscal 2 x £1,361 + 5 x £26 + £455 = £3,307; economic 2 x £1,746 +
    // 5 x £97 + £319 = £4,296; social 2 x £803 + 5 x £0 + £980 = £2,586.
    const Q fiscal = 3307 * u, economic = 4296 * u, social = 2586 * u;
    CHECK(figure(c, "fiscal_saving") == fixed(fiscal, 2));
    CHECK(figure(c, "fiscal_saving") == "4614.02");
    CHECK(figure(c, "economic_saving") == fixed(economic, 2));
    CHECK(figure(c, "social_saving") == fixed(social, 2));
    CHECK(figure(c, "gross_saving") == fixed(fiscal + economic + social, 2));
    // By agency (burglary £683 £81 £129 £366 £102 £0; shoplifting £12 £3 £3 £7 £0 £0; assault £140 £19 £77 £15 £58 £146):
    const std::pair<const char*, int> agencies[] = {{"police", 2 * 683 + 5 * 12 + 140}, {"probation", 2 * 81 + 5 * 3 + 19},
                                                    {"courts_legal_aid", 2 * 129 + 5 * 3 + 77}, {"prison", 2 * 366 + 5 * 7 + 15},
                                                    {"other_cjs", 2 * 102 + 58}, {"nhs", 146}};
    int all = 0;
    for (const auto& [a, pounds] : agencies) {
        CHECK_MESSAGE(member(c, "agency_saving", a) == fixed(pounds * u, 2), a);
        all += pounds;
    }
    CHECK(all == 3302);  // shoplifting's parts add to £25, its fiscal cost is £26: 5 x -£1
    CHECK(figure(c, "agency_split_rounding") == fixed(Q(all - 3307) * u, 2));
    CHECK(figure(c, "agency_split_rounding") == "-6.98");
    // Value for money, no adjustment (deadweight 0%, optimism bias 0%, one year):
    CHECK(figure(c, "fiscal_benefit") == fixed(fiscal, 2));
    CHECK(figure(c, "net_fiscal_benefit") == fixed(fiscal - 2600, 2));
    CHECK(figure(c, "net_fiscal_benefit") == "2014.02");
    CHECK(figure(c, "benefit_cost_ratio") == trimmed((fiscal + economic + social) / 2600));
    CHECK(figure(c, "fiscal_roi") == fixed((fiscal - 2600) / 2600 * 100, 1));
    // Who pays, who saves: the police's saving is the police agency's; what its £2,000 of £2,600 buys of each.
    CHECK(member(c, "partner_benefit", "police") == fixed(1566 * u, 2));
    CHECK(member(c, "partner_net", "police") == fixed(1566 * u - 2000, 2));
    CHECK(member(c, "partner_net", "courts_legal_aid") == fixed(350 * u, 2));  // saves without paying
    CHECK(c.at("benefit_bought").at("value").at("police, prison").get<std::string>() == fixed(782 * u * 2000 / 2600, 2));
    // Break-even: the baseline's 10 offences cost 3 x £1,361 + 6 x £26 + £455 = £4,694 (2010/11), so one offence
    // prevented in its mix saves £469.40 x u; £2,600 needs 2,600 / (469.4 u) of them.
    const Q per_offence = Q(4694, 10) * u, break_even = 2600 / per_offence;
    CHECK(figure(c, "fiscal_cost_per_baseline_offence") == fixed(per_offence, 2));
    CHECK(figure(c, "break_even_offences") == trimmed(break_even));
    CHECK(figure(c, "break_even_offences") == "3.97");
    CHECK(figure(c, "break_even_pct") == fixed(break_even / 10 * 100, 1));
    CHECK(figure(c, "achieved_pct") == "80.0");
}

TEST_CASE("value for money: deadweight, optimism bias and three years discounted at 3.5%, worked by hand") {
    auto c = cohort_of({"--param", "deadweight=20%", "--param", "optimism_bias=10%", "--param", "benefit_years=3"});
    // 0.8 x 0.9 x (1 + 1/1.035 + 1/1.035^2)
    const Q r(1035, 1000);
    const Q k = Q(8, 10) * Q(9, 10) * (1 + 1 / r + 1 / (r * r));
    const Q fiscal = 3307 * u, economic = 4296 * u, social = 2586 * u;
    CHECK(figure(c, "fiscal_saving") == fixed(fiscal, 2));  // the gross saving is not adjusted
    CHECK(figure(c, "fiscal_benefit") == fixed(fiscal * k, 2));
    CHECK(figure(c, "economic_benefit") == fixed(economic * k, 2));
    CHECK(figure(c, "social_benefit") == fixed(social * k, 2));
    CHECK(figure(c, "net_fiscal_benefit") == fixed(fiscal * k - 2600, 2));
    CHECK(figure(c, "benefit_cost_ratio") == trimmed((fiscal + economic + social) * k / 2600));
    CHECK(figure(c, "fiscal_roi") == fixed((fiscal * k - 2600) / 2600 * 100, 1));
    CHECK(member(c, "agency_benefit", "prison") == fixed(782 * u * k, 2));
    const Q break_even = 2600 / (Q(4694, 10) * u * k);
    CHECK(figure(c, "break_even_offences") == trimmed(break_even));
    CHECK(figure(c, "break_even_pct") == fixed(break_even * 10, 1));
}

TEST_CASE("value for money: the break-even reduction, applied as the cohort's reduction, gives a fiscal benefit equal to the cost, exactly") {
    for (const std::vector<reckon::ParamSetting>& settings :
         {std::vector<reckon::ParamSetting>{{"report_year", "2023"}},
          std::vector<reckon::ParamSetting>{{"report_year", "2023"}, {"deadweight", "20%"}, {"optimism_bias", "10%"}, {"benefit_years", "3"}}}) {
        CAPTURE(settings.size());
        const Exact first = run_exact(vfm, cohort, settings, two_partners);
        const reckon::Value& pct = first["break_even_pct"];
        REQUIRE(pct.kind == reckon::Value::Kind::number);
        CHECK(first["net_fiscal_benefit"].n() != 0);  // the cohort's own reduction is not the break-even
        reckon::Node assumed;
        assumed.op = reckon::Op::constant;
        assumed.value = pct;  // exactly: a fraction with no finite decimal
        reckon::Overrides o{{first.p->param_slot("assumed_reduction"), &assumed}};
        const Exact at = run_exact(vfm, cohort, settings, two_partners, &o, first.p);
        CHECK(at["fiscal_benefit"].n() == at["total_cost"].n());
        CHECK(at["net_fiscal_benefit"].n() == 0);
        CHECK(at["offences_prevented"].n() == first["break_even_offences"].n());
        CHECK(at["total_cost"].n() == first["total_cost"].n());
    }
}

TEST_CASE("value for money: over the repository's cohort the savings are the annual report's, the agencies' within the source's rounding") {
    const Exact report = run_exact("rulesets/iom-annual-report.reckon", "cases/iom", {{"report_year", "2023"}}, "");
    const Exact v = run_exact(vfm, "cases/iom", {{"report_year", "2023"}}, "cases/iom-partnership-2023.yaml");
    CHECK(v["fiscal_saving"].n() == report["saving_pnc_fiscal"].n());
    CHECK(v["gross_saving"].n() == report["saving_pnc"].n());
    CHECK(v["fiscal_benefit"].n() == report["saving_pnc_fiscal"].n());  // no adjustment by default
    // The agencies' parts of each type's fiscal cost add to it within £1 either way (the source's rounding), so the
    // agencies' savings add to the fiscal saving within £1 x u for each offence prevented.
    reckon::Number prevented_either_way = 0;
    for (const auto& x : *v["offences_prevented_by_type"].items()) prevented_either_way += abs(x.n());
    const reckon::Number pound = v.p->units.scale(reckon::Unit::of(v.p->units.find("GBP")));
    const reckon::Number bound = prevented_either_way * pound * reckon::Number(149168) / reckon::Number(106913);
    CHECK(abs(v["agency_split_rounding"].n()) <= bound);
    CHECK(v["agency_split_rounding"].n() != 0);  // the rounding is shown, not hidden
    reckon::Number agencies = 0;
    for (const auto& x : *v["agency_saving"].items()) agencies += x.n();
    CHECK(agencies - v["fiscal_saving"].n() == v["agency_split_rounding"].n());
}

TEST_CASE("value for money: the run data is required, checked as a case is, and its list not set with --param") {
    auto none = run_reckon({"batch", vfm, cohort, "--param", "report_year=2023"});
    CHECK(none.status == 1);
    CHECK(none.out.empty());
    CHECK(none.err == "rulesets/iom-value-for-money.reckon:36:11: error: run input 'contributions' has no value: the ruleset reads it "
                      "from the run data; give the file with --run-data FILE\n"
                      "  run input contributions: list of Contribution\n"
                      "            ^\n");
    const std::string dir = reckon::testing::temp_dir();
    reckon::testing::write_file(dir + "/bad.yaml", "contributions:\n  - partner: polise\n    organisation: X\n    staff:\n"
                                                   "      - {role: a, grade: b, salary: 30000, share: 1.5}\n    money: 0\n");
    auto bad = run_reckon({"batch", vfm, cohort, "--run-data", dir + "/bad.yaml"});
    CHECK(bad.status == 1);
    CHECK(bad.out.empty());
    CHECK(bad.err == dir + "/bad.yaml:2:14: error: contributions[0].partner: expected Partner, one of: police, probation, courts_legal_aid, "
                           "prison, other_cjs, nhs, local_authority, pcc, other_partner; found 'polise'\n"
                           "    - partner: polise\n"
                           "               ^\n" +
                       dir + "/bad.yaml:5:51: error: contributions[0].staff[0].share: 1.5 is above the maximum, 1\n"
                             "        - {role: a, grade: b, salary: 30000, share: 1.5}\n"
                             "                                                    ^\n");
    auto set = run_reckon({"batch", vfm, cohort, "--run-data", two_partners, "--param", "contributions=[]"});
    CHECK(set.status == 2);
    CHECK(set.err == "reckon: error: --param contributions: run input 'contributions' is a list (list of Contribution): give it in the run data "
                     "file (--run-data FILE); only a run input of one value is set for a run (declared at "
                     "rulesets/iom-value-for-money.reckon:36:11)\n");
    auto other = run_reckon({"batch", "rulesets/iom-annual-report.reckon", cohort, "--run-data", two_partners});
    CHECK(other.status == 2);
    CHECK(other.err == "reckon: error: --run-data tests/cases/vfm/two-partners.yaml: the ruleset reads no run data (it declares no 'run input')\n");
}

TEST_CASE("docs/value-for-money.md: the commands shown print what is shown") {
    const std::string dir = reckon::testing::temp_dir();
    const int n = reckon::testing::check_shown_commands(reckon::testing::read_file(reckon::testing::source_dir() + "/docs/value-for-money.md"),
                                                        [&](const std::string& w) { return w == "vfm.html" ? dir + "/vfm.html" : w; });
    CHECK(n == 4);
    const std::string page = reckon::testing::read_file(dir + "/vfm.html");  // the report command wrote the page
    CHECK(page.find("data-output=\"break_even_pct\">63.0 %<") != std::string::npos);
    CHECK(page.find("cases/iom-partnership-2023.yaml") != std::string::npos);
}

TEST_CASE("value for money: the report page shows the hand-worked costs, savings by agency and break-even") {
    const std::string dir = reckon::testing::temp_dir();
    auto r = run_reckon({"report", vfm, cohort, "--run-data", two_partners, "--param", "report_year=2023", "--out", dir + "/vfm.html"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const std::string page = reckon::testing::read_file(dir + "/vfm.html");
    auto shows = [&](const std::string& text) {
        CAPTURE(text);
        CHECK(page.find(text) != std::string::npos);
    };
    // the costs: £2,000 and £600 (worked in the first test), £2,600 in all
    shows("data-exact=\"£2,600.00\"");
    shows("<td>Police</td><td class=\"num\" data-output=\"partner_cost\" data-member=\"police\">£2,000.00</td>");
    shows("<td>Probation</td><td class=\"num\" data-output=\"partner_cost\" data-member=\"probation\">£600.00</td>");
    // the savings by agency: the police's £1,566 u, the prison's £782 u
    shows("data-output=\"agency_saving\" data-member=\"police\">£" + std::string("2,184.93") + "<");
    CHECK(fixed(1566 * u, 2) == "2184.93");
    shows("data-output=\"agency_saving\" data-member=\"prison\">£1,091.07<");
    CHECK(fixed(782 * u, 2) == "1091.07");
    // the break-even, 3.97 offences, 39.7% of the baseline, against 80.0% achieved
    shows("<div class=\"figure\" data-output=\"break_even_pct\">39.7 %</div>");
    shows("<div class=\"figure\" data-output=\"achieved_pct\">80.0 %</div>");
    shows("data-output=\"break_even_offences\">3.97<");
}
