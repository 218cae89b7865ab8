// Methodology A through the command line, as an analyst runs it.
#include "support.hpp"

#include <filesystem>
#include <regex>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using reckon::testing::run_reckon;

namespace {
const char* ruleset = "rulesets/sussex-complex-client.reckon";

nlohmann::json eval_json(const std::string& case_file, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"eval", ruleset, case_file, "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = run_reckon(args);
    REQUIRE_MESSAGE(r.status == 0, r.err);
    return nlohmann::json::parse(r.out);
}
}  // namespace

TEST_CASE("Sussex: every published figure of the report, to the penny") {
    auto j = eval_json("cases/sussex/complex-client-2010-11.yaml");
    CHECK(j["case"] == "sussex-2010-11-complex-client");
    CHECK(j["ruleset"]["version"] == "2012.1");
    const std::pair<const char*, const char*> published[] = {
        {"probation", "2356.36"}, {"police_constable_hours", "52"}, {"police_constable_time", "1207.04"},
        {"police_custody", "3589.00"}, {"police", "4796.04"}, {"court", "208.00"},
        {"hostel_additional_staff_weekly", "449.02"}, {"hostel_weekly", "845.12"}, {"hostel", "33382.07"},
        {"drug_worker_weekly", "43.64"}, {"drug_services", "3785.45"}, {"prison_weekly", "865.38"},
        {"prison", "10384.62"}, {"nhs", "5893.00"}, {"total", "60805.55"},
    };
    CHECK(j["outputs"].size() == 15);
    for (const auto& [name, value] : published) {
        INFO(name);
        CHECK(j["outputs"][name]["value"] == value);
    }
    CHECK(j["outputs"]["total"]["unit"] == "GBP");
    CHECK(j["outputs"]["police_constable_hours"]["unit"] == "hour");
}

TEST_CASE("Sussex: the table an analyst pastes") {
    auto r = run_reckon({"eval", ruleset, "cases/sussex/complex-client-2010-11.yaml"});
    REQUIRE(r.status == 0);
    CHECK(r.out.find("  Total                                   £60,805.55\n") != std::string::npos);
    CHECK(r.out.find("  Hostel weekly cost                    £845.12/week\n") != std::string::npos);
    CHECK(r.out.find("  Police Constable hours                     52 hour\n") != std::string::npos);
}

TEST_CASE("Sussex: another case, worked by hand from the spec") {
    auto j = eval_json("tests/cases/sussex-other-client.yaml");
    auto v = [&](const char* n) { return j["outputs"][n]["value"].get<std::string>(); };
    // 12.5 h x 32,000 x 1.2 / 1650 = 290.909...
    CHECK(v("probation") == "290.91");
    // 1 search x 2 officers x 20 min + 2 x 6.5 h + 3 x 10 min + 1 h = 910 min = 15.1666... h
    CHECK(v("police_constable_hours") == "15.17");
    // 910/60 h x 31,917 x 1.2 / 1650 = 352.054...
    CHECK(v("police_constable_time") == "352.05");
    // completed hours 0, 8, 9, 17 -> bands 1, 1, 2, 3 -> 359 + 359 + 564 + 769
    CHECK(v("police_custody") == "2051.00");
    CHECK(v("police") == "2403.05");
    CHECK(v("court") == "0.00");
    // 5 h x 29,896 / 1650 = 90.593...; + 396.10 = 486.693...; x (10 - 7/7) weeks = 4,380.245...
    CHECK(v("hostel_additional_staff_weekly") == "90.59");
    CHECK(v("hostel_weekly") == "486.69");
    CHECK(v("hostel") == "4380.25");
    // 1.5 h x 24,000 x 1.2 / 1650 = 26.181...; not prescribed (the default); x 10 weeks
    CHECK(v("drug_worker_weekly") == "26.18");
    CHECK(v("drug_services") == "261.82");
    CHECK(v("prison") == "0.00");
    // 10 weeks x 2 x £36 + 1 x £549
    CHECK(v("nhs") == "1269.00");
    // 290.909... + 2,403.054... + 4,380.245... + 261.818... + 1,269 = 8,605.0269...
    CHECK(v("total") == "8605.03");
}

TEST_CASE("Sussex: a param overridden from the command line") {
    // a 1,607-hour year: 101.25 h x 38,400 / 1607 = 2,419.415...
    auto j = eval_json("cases/sussex/complex-client-2010-11.yaml", {"--param", "working_hours=1607 hour/year"});
    CHECK(j["outputs"]["probation"]["value"] == "2419.42");
    // thousands grouped as a spreadsheet shows them: the same number
    auto grouped = eval_json("cases/sussex/complex-client-2010-11.yaml", {"--param", "working_hours=1,607 hour/year"});
    CHECK(grouped["outputs"] == j["outputs"]);
    auto r = run_reckon({"eval", ruleset, "cases/sussex/complex-client-2010-11.yaml", "--param", "hours=1"});
    CHECK(r.status == 2);
    CHECK(r.err == "reckon: error: --param hours: the ruleset has no param named 'hours'\n");
    // a name close to one of the ruleset's: the error names it
    auto near = run_reckon({"eval", ruleset, "cases/sussex/complex-client-2010-11.yaml", "--param", "oncosts=30%"});
    CHECK(near.status == 2);
    CHECK(near.err == "reckon: error: --param oncosts: the ruleset has no param named 'oncosts'; did you mean 'on_costs'?\n");
    // a param given twice is refused, not the last one taken
    auto twice = run_reckon({"eval", ruleset, "cases/sussex/complex-client-2010-11.yaml", "--param", "working_hours=1600 hour/year",
                             "--param", " working_hours=1700 hour/year"});
    CHECK(twice.status == 2);
    CHECK(twice.out.empty());
    CHECK(twice.err == "reckon: error: --param working_hours: given twice; give each param or table cell once\n");
    // a value that does not check is the command line's mistake too (exit 2, as docs/cli.md says)
    auto bad = run_reckon({"eval", ruleset, "cases/sussex/complex-client-2010-11.yaml", "--param", "working_hours=1600"});
    CHECK(bad.status == 2);
    CHECK(bad.out.empty());
    CHECK(bad.err.find("--param working_hours:1:1: error: the value of param 'working_hours' must be hour/year, not number") == 0);
}

TEST_CASE("Sussex: rule and case files saved by Notepad or Excel on Windows (CRLF, a UTF-8 byte order mark) read the same") {
    using namespace reckon::testing;
    auto as_windows_saves = [](const std::string& text) {
        std::string out = "\xEF\xBB\xBF";
        for (char c : text) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
        return out;
    };
    const std::string dir = temp_dir();
    for (const char* f : {"sussex-complex-client.reckon", "lib/units.reckon"})
        write_file(dir + "/" + f, as_windows_saves(read_file(source_dir() + "/rulesets/" + f)));
    write_file(dir + "/case.yaml", as_windows_saves(read_file(source_dir() + "/cases/sussex/complex-client-2010-11.yaml")));
    auto windows = run_reckon({"eval", dir + "/sussex-complex-client.reckon", dir + "/case.yaml"});
    auto plain = run_reckon({"eval", ruleset, "cases/sussex/complex-client-2010-11.yaml"});
    CHECK(windows.status == 0);
    CHECK(windows.err == "");
    CHECK(windows.out == plain.out);
    CHECK(windows.out.find("£") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("Sussex: a case with thousands grouped, as a spreadsheet shows them, gives the same figures") {
    using namespace reckon::testing;
    std::string text = read_file(source_dir() + "/cases/sussex/complex-client-2010-11.yaml");
    const std::string inline_list = "custody_minutes: [101, 1088, 491, 996, 1101, 1452]";
    REQUIRE(text.find(inline_list) != std::string::npos);
    text.replace(text.find(inline_list), inline_list.size(),
                 "custody_minutes:\n    - 101\n    - 1,088\n    - 491\n    - 996\n    - 1,101\n    - 1,452");
    const std::string dir = temp_dir();
    write_file(dir + "/grouped.yaml", text);
    auto grouped = eval_json(dir + "/grouped.yaml");
    CHECK(grouped["outputs"] == eval_json("cases/sussex/complex-client-2010-11.yaml")["outputs"]);
    CHECK(grouped["outputs"]["police_custody"]["value"] == "3589.00");
    std::filesystem::remove_all(dir);
}

TEST_CASE("reckon test rulesets passes and ends with the tally") {
    auto r = run_reckon({"test", "rulesets"});
    CHECK(r.status == 0);
    CHECK(r.out.size() > 0);
    // 15 expectations for Sussex 2012.1, 5 for 2012.2, 15 in the IOM ruleset's four tests of one case and 38 in its
    // seven of the cohort, 41 in the value-for-money ruleset's six of the cohort, 7 in the unit costs' two, 8 in the
    // Green Book discounting's one
    CHECK(r.out.substr(r.out.rfind('\n', r.out.size() - 2) + 1) == "129 passed, 0 failed\n");
}

TEST_CASE("command line: usage errors exit 2, bad input exits 1") {
    CHECK(run_reckon({}).status == 2);
    CHECK(run_reckon({"frobnicate"}).status == 2);
    CHECK(run_reckon({"eval", ruleset}).status == 2);
    auto v = run_reckon({"--version"});
    CHECK(v.status == 0);
    // the version, the commit taken at configure time (or "unknown" outside git), the target the compiler built for
    CHECK(std::regex_match(v.out, std::regex("reckon [0-9]+\\.[0-9]+\\.[0-9]+ \\(commit ([0-9a-f]{7,}(-dirty)?|unknown), "
                                              "[a-z0-9_]+-[a-z0-9_-]+\\)\n")));
    auto h = run_reckon({"eval", "--help"});
    CHECK(h.status == 0);
    CHECK(h.out.find("--param") != std::string::npos);
}

TEST_CASE("import: declarations from a file in the ruleset's folder - and nothing outside it") {
    using namespace reckon::testing;
    std::string dir = temp_dir();
    write_file(dir + "/rules/common/units.reckon", "unit minute\nunit hour = 60 minute\n");
    write_file(dir + "/rules/main.reckon",
               "import \"common/units.reckon\"\ninput t: minute\noutput h: hour = t in hour\n"
               "test \"t\" case \"c.yaml\"\n  expect h == 1.5 hour\n");
    write_file(dir + "/rules/c.yaml", "t: 90\n");
    auto ok = run_reckon({"test", "rules/main.reckon"}, dir);
    CHECK(ok.status == 0);
    CHECK(ok.out.find("1 passed, 0 failed\n") != std::string::npos);

    write_file(dir + "/outside.reckon", "unit minute\n");
    write_file(dir + "/rules/escape.reckon", "import \"../outside.reckon\"\n");
    auto bad = run_reckon({"check", "rules/escape.reckon"}, dir);
    CHECK(bad.status == 1);
    CHECK(bad.err.rfind("rules/escape.reckon:1:8: error: import '../outside.reckon' is outside the ruleset's folder", 0) == 0);

    write_file(dir + "/rules/a.reckon", "import \"b.reckon\"\n");
    write_file(dir + "/rules/b.reckon", "import \"a.reckon\"\n");
    auto cycle = run_reckon({"check", "rules/a.reckon"}, dir);
    CHECK(cycle.status == 1);
    CHECK(cycle.err.rfind("rules/b.reckon:1:8: error: import cycle: rules/a.reckon -> rules/b.reckon -> rules/a.reckon\n", 0) == 0);

    // a symbolic link inside the folder that points outside it is outside it
    std::filesystem::create_symlink(dir + "/outside.reckon", dir + "/rules/link.reckon");
    write_file(dir + "/rules/through-link.reckon", "import \"link.reckon\"\n");
    auto link = run_reckon({"check", "rules/through-link.reckon"}, dir);
    CHECK(link.status == 1);
    CHECK(link.err.rfind("rules/through-link.reckon:1:8: error: import 'link.reckon' is outside the ruleset's folder", 0) == 0);
}

TEST_CASE("--limit: each limit can be set from the command line - and a wrong one is a usage error") {
    auto tight = run_reckon({"--limit", "digits=3", "check", "rulesets/sussex-complex-client.reckon"});
    CHECK(tight.status == 1);
    CHECK(tight.err.find("error: a number of more than 3 digits (the limit can be raised with --limit digits=N)") != std::string::npos);
    auto after = run_reckon({"check", "rulesets/sussex-complex-client.reckon", "--limit", "digits=3"});  // after the command too
    CHECK(after.status == 1);
    auto unknown = run_reckon({"--limit", "speed=9", "check", "rulesets/sussex-complex-client.reckon"});
    CHECK(unknown.status == 2);
    CHECK(unknown.err == "reckon: error: --limit speed=9: no limit named 'speed'; the limits are file-size, nesting, expression-depth, "
                         "yaml-depth, yaml-values, list-length, digits, steps, depth, scenarios, attribution\n");
    auto zero = run_reckon({"--limit", "steps=0", "check", "rulesets/sussex-complex-client.reckon"});
    CHECK(zero.status == 2);
    CHECK(zero.err == "reckon: error: --limit steps=0: the value must be a whole number above 0, as in --limit steps=5000\n");
    // docs/reliability.md lists every limit with its default, as --help does
    std::string doc = reckon::testing::read_file(reckon::testing::source_dir() + "/docs/reliability.md");
    std::string help = run_reckon({"--help"}).out;
    for (const char* name : {"file-size", "nesting", "expression-depth", "yaml-depth", "yaml-values", "list-length", "digits", "steps", "depth",
                             "scenarios"}) {
        INFO(name);
        auto at = help.find(std::string(" ") + name + "=");
        REQUIRE(at != std::string::npos);
        std::string value = help.substr(at + 2 + std::string(name).size(), help.find(':', at) - at - 2 - std::string(name).size());
        CHECK(doc.find(std::string("| `") + name + "` | " + value + " |") != std::string::npos);
    }
}
