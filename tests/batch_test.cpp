// `reckon batch` as analysts run it: many cases, some broken, in parallel.
#include "support.hpp"

#include "commands/batch/path_pattern.hpp"

#include <glob.h>

#include <algorithm>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <filesystem>
#include <regex>
#include <sstream>

using reckon::testing::read_file;
using reckon::testing::run_reckon;
using reckon::testing::write_file;

namespace {
const char* ruleset = "rulesets/iom-annual-report.reckon";

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

// 1,000 generated nominals, two of them broken.
std::string thousand_with_two_broken() {
    std::string dir = reckon::testing::temp_dir();
    REQUIRE(reckon::testing::run_program(RECKON_GEN_IOM, {dir, "1000", "11"}).status == 0);
    write_file(dir + "/N0100.yaml", "nominal: N0100\njoined: [2023-01-01\n");  // not YAML
    write_file(dir + "/N0500.yaml", "nominal: N0500\njoined: 2023-01-01\noffences:\n  - {date: 2023-02-01, type: arson, css: 5}\n");
    return dir;
}
}  // namespace

TEST_CASE("batch: 1,000 cases with two broken: 998 results, two errors with file and line, exit 1, any --jobs") {
    std::string dir = thousand_with_two_broken();
    auto one = run_reckon({"batch", ruleset, dir, "--format", "jsonl", "--jobs", "1"});
    auto two = run_reckon({"batch", ruleset, dir, "--format", "jsonl", "--jobs", "2"});
    CHECK(one.status == 1);
    CHECK(two.status == 1);
    CHECK(one.out == two.out);  // byte for byte, whatever the parallelism
    auto lines = lines_of(one.out);
    REQUIRE(lines.size() == 1001);
    int results = 0;
    std::vector<nlohmann::json> errors;
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        auto j = nlohmann::json::parse(lines[i]);
        if (j.contains("error")) errors.push_back(j);
        else results += j.contains("outputs");
    }
    CHECK(results == 998);
    REQUIRE(errors.size() == 2);
    // in the order given (sorted file names), with the file, line and column
    CHECK(errors[0]["file"] == dir + "/N0100.yaml");
    CHECK(errors[0]["error"].get<std::string>().rfind(dir + "/N0100.yaml:3:1: error: invalid YAML", 0) == 0);
    CHECK(errors[1]["file"] == dir + "/N0500.yaml");
    CHECK(errors[1]["error"].get<std::string>().rfind(dir + "/N0500.yaml:4:30: error: offences[0].type: expected OffenceType", 0) == 0);
    auto last = nlohmann::json::parse(lines.back());
    CHECK(last["summary"] == nlohmann::json({{"cases", 1000}, {"failed", 2}}));
    CHECK(last["cohort"]["outputs"].contains("saving_pnc"));
    // the errors also go to stderr, as diagnostics with the source line
    CHECK(one.err.find(dir + "/N0500.yaml:4:30: error:") != std::string::npos);
    CHECK(one.err.find("1000 cases, 2 failed") != std::string::npos);

    // the table for people: a row per case, the two failures marked, then the cohort
    auto table = run_reckon({"batch", ruleset, dir, "--jobs", "2"});
    CHECK(table.status == 1);
    CHECK(table.out.find("N0100  failed: " + dir + "/N0100.yaml:3:1\n") != std::string::npos);
    CHECK(table.out.find("1000 cases, 2 failed\n") != std::string::npos);
    CHECK(table.out.find("Cohort (the 998 cases that succeeded)") != std::string::npos);
    CHECK(table.err.find(dir + "/N0100.yaml:3:1: error: invalid YAML") != std::string::npos);
}

TEST_CASE("batch: --out is written whole or not at all, and never over a case file") {
    std::string dir = reckon::testing::temp_dir();
    std::string out = dir + "/results.jsonl";
    auto r = run_reckon({"batch", ruleset, "tests/cases/iom/2023", "--format", "jsonl", "--out", out, "--param", "report_year=2023"});
    CHECK(r.status == 0);
    CHECK(r.out.empty());
    auto direct = run_reckon({"batch", ruleset, "tests/cases/iom/2023", "--format", "jsonl", "--param", "report_year=2023"});
    CHECK(read_file(out) == direct.out);
    CHECK(r.err == "6 cases, 0 failed; results in " + out + "\n");
    // no temporary file is left beside it
    int files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) files += e.is_regular_file();
    CHECK(files == 1);

    auto unwritable = run_reckon({"batch", ruleset, "tests/cases/iom/2023", "--out", "/nonexistent-folder/x.csv"});
    CHECK(unwritable.status == 1);
    CHECK(unwritable.err.rfind("/nonexistent-folder/x.csv: error: --out: cannot write: there is no folder '/nonexistent-folder' (nothing was written)", 0) == 0);

    auto over_input = run_reckon({"batch", ruleset, "tests/cases/iom/2023", "--out", "tests/cases/iom/2023/a-joined-1-april.yaml"});
    CHECK(over_input.status == 1);
    CHECK(over_input.err == "tests/cases/iom/2023/a-joined-1-april.yaml: error: --out: cannot write: this is one of the case files, an input of "
                            "this run; choose another output file (nothing was written)\n");
}

TEST_CASE("batch: csv has a header and a row per case, in the order given") {
    auto r = run_reckon({"batch", ruleset, "tests/cases/iom/2023/b-half-of-366.yaml", "tests/cases/iom/2023/a-joined-1-april.yaml",
                         "--format", "csv", "--param", "report_year=2023"});
    CHECK(r.status == 0);
    CHECK(r.out ==
          "case,file,days_on (day),status,baseline_offences,baseline_css,baseline_cost (GBP),year_offences,annualised_offences,"
          "annualised_css,annualised_cost (GBP),error\n"
          "B-half-of-366,tests/cases/iom/2023/b-half-of-366.yaml,183,pro_rata,0,0,0.00,1,2,46,2120.75,\n"
          "A-joined-1-april,tests/cases/iom/2023/a-joined-1-april.yaml,366,full_year,1,13,171.61,1,1,115,2447.23,\n");
}

TEST_CASE("batch csv: units in the header, an empty cell for a figure not defined, every error of a case, and the cohort's own CSV") {
    const std::string dir = reckon::testing::temp_dir();
    // a carried-over nominal: its annualised figures are not defined
    auto r = run_reckon({"batch", ruleset, "cases/iom/N0002.yaml", "--format", "csv", "--param", "report_year=2023", "--cohort-out",
                         dir + "/cohort.csv"});
    REQUIRE(r.status == 0);
    CHECK(lines_of(r.out).at(1) == "N0002,cases/iom/N0002.yaml,154,carried_over,6,484,11322.27,0,,,,");
    CHECK(r.out.find("not defined") == std::string::npos);
    const std::string cohort = reckon::testing::read_file(dir + "/cohort.csv");
    CHECK(cohort.rfind("output,member,label,value,unit\nnominals_included,,Nominals included,0,\n", 0) == 0);
    CHECK(cohort.find("\noffence_reduction_pct,,Reduction in offences,,%\n") != std::string::npos);  // not defined: empty
    CHECK(cohort.find("\nnominals_carried_over,,Carried over to next year,1,\n") != std::string::npos);
    CHECK(cohort.find("\nsaving_by_type,shoplifting,Saving (value 1),0.00,GBP\n") != std::string::npos);  // a row per member
    // the cohort's CSV of the whole cohort: its figures are batch's
    auto all = run_reckon({"batch", ruleset, "cases/iom", "--format", "jsonl", "--param", "report_year=2023", "--cohort-out", dir + "/all.csv"});
    REQUIRE(all.status == 0);
    CHECK(reckon::testing::read_file(dir + "/all.csv").find("\nsaving_pnc,,\"Saving from reduced offending (value 1, PNC)\",1016259.57,GBP\n") !=
          std::string::npos);
    // a case with three errors keeps all three
    reckon::testing::write_file(dir + "/bad.yaml", "nominal: X\njoined: 2023-13-01\nleft: x\noffences: 3\n");
    auto bad = run_reckon({"batch", ruleset, dir + "/bad.yaml", "--format", "csv", "--param", "report_year=2023"});
    CHECK(bad.status == 1);
    const std::string row = lines_of(bad.out).at(1);
    CHECK(row.find(dir + "/bad.yaml:2:9: joined: expected a date") != std::string::npos);
    CHECK(row.find("; " + dir + "/bad.yaml:3:7: left: expected a date") != std::string::npos);
    CHECK(row.find("; " + dir + "/bad.yaml:4:11: offences:") != std::string::npos);
    // --cohort-out needs cohort outputs
    auto none = run_reckon({"batch", "rulesets/sussex-complex-client.reckon", "cases/sussex", "--cohort-out", dir + "/c.csv"});
    CHECK(none.status == 2);
    CHECK(none.err == "reckon: error: --cohort-out " + dir + "/c.csv: the ruleset has no cohort outputs\n");
    std::filesystem::remove_all(dir);
}

TEST_CASE("batch: files, folders and patterns - and a path that names nothing is a command-line error") {
    auto r = run_reckon({"batch", ruleset, "tests/cases/iom/2022/*.yaml", "--format", "csv", "--param", "report_year=2022"});
    CHECK(r.status == 0);
    CHECK(lines_of(r.out).size() == 3);
    auto none = run_reckon({"batch", ruleset, "tests/cases/iom/nowhere"});
    CHECK(none.status == 2);
    CHECK(none.err == "reckon: error: tests/cases/iom/nowhere: no such file or folder\n");
    auto nomatch = run_reckon({"batch", ruleset, "tests/cases/iom/*.json"});
    CHECK(nomatch.status == 2);
    CHECK(nomatch.err == "reckon: error: tests/cases/iom/*.json: no file matches this pattern\n");
}

TEST_CASE("batch: a pattern matches as POSIX glob() does, found by reckon itself (Windows has no glob)") {
    using namespace reckon::testing;
    const std::string dir = temp_dir();
    for (const char* f : {"b.yaml", "a.yaml", ".hidden.yaml", "c.csv", "x1/d.yaml", "x2/e.yaml", "y1/f.yaml", "[odd].yaml"})
        write_file(dir + "/" + f, "x: 1\n");
    auto glob_of = [](const std::string& pattern) {
        glob_t g{};
        std::vector<std::string> out;
        if (::glob(pattern.c_str(), 0, nullptr, &g) == 0) out.assign(g.gl_pathv, g.gl_pathv + g.gl_pathc);
        globfree(&g);
        return out;
    };
    for (const char* p : {"/*.yaml", "/*", "/x?/*.yaml", "/[ab].yaml", "/[!a]*.yaml", "/[^a-b]*", "/.*.yaml", "/*/*.yaml",
                          "/[xy]1/?.yaml", "/x*", "/nothing*", "/\\[odd].yaml", "/[odd.yaml", "//x1//*.yaml"}) {
        CAPTURE(p);
        CHECK(reckon::match_path_pattern(dir + p) == glob_of(dir + p));
    }
    CHECK(reckon::match_path_pattern(dir + "/x?/*.yaml") == std::vector<std::string>{dir + "/x1/d.yaml", dir + "/x2/e.yaml"});
    std::filesystem::remove_all(dir);
}

TEST_CASE("the synthetic cohort in cases/iom is what tools/gen_iom_cohort makes, byte for byte") {
    std::string dir = reckon::testing::temp_dir();
    REQUIRE(reckon::testing::run_program(RECKON_GEN_IOM, {dir}).status == 0);
    std::string kept = reckon::testing::source_dir() + "/cases/iom";
    int n = 0;
    for (const auto& e : std::filesystem::directory_iterator(kept)) {
        INFO(e.path().string());
        CHECK(read_file(e.path().string()) == read_file(dir + "/" + e.path().filename().string()));
        ++n;
    }
    CHECK(n == 240);
    int made = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++made;
    CHECK(made == n);
}

TEST_CASE("batch interrupted (SIGINT or SIGTERM) writes no --out file and says how far it got") {
    std::string dir = reckon::testing::temp_dir();
    REQUIRE(reckon::testing::run_program(RECKON_GEN_IOM, {dir + "/cases", "20000", "3"}).status == 0);
    for (auto [sig, jobs] : {std::pair{SIGINT, "2"}, std::pair{SIGTERM, "2"}, std::pair{SIGINT, "1"}}) {
        CAPTURE(sig);
        CAPTURE(jobs);
        std::string out = dir + "/results.jsonl";
        auto r = reckon::testing::run_program_signalled(RECKON_BINARY, {"batch", ruleset, dir + "/cases", "--format", "jsonl", "--out", out,
                                                                        "--jobs", jobs}, "", 400, sig);
        CHECK(r.status == 130);
        CHECK(std::regex_search(r.err, std::regex("reckon: interrupted after [0-9]+ of 20000 cases; " + out + " was not written\n$")));
        CHECK(!std::filesystem::exists(out));
        int files = 0;  // and no temporary file left beside it
        for (const auto& e : std::filesystem::directory_iterator(dir)) files += e.is_regular_file();
        CHECK(files == 0);
    }
}

namespace {
// The cases of a folder as one stream: each file a YAML document after a `---` line.
std::string stream_of(const std::string& dir, const std::string& path) {
    std::string text;
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) text += "--- # " + std::filesystem::path(f).filename().string() + "\n" + read_file(f);
    write_file(path, text);
    return path;
}

// jsonl lines without the fields that say where a case came from.
std::vector<nlohmann::json> results_of(const std::string& jsonl) {
    std::vector<nlohmann::json> out;
    for (const auto& l : lines_of(jsonl)) {
        auto j = nlohmann::json::parse(l);
        j.erase("file");
        j.erase("document");
        out.push_back(j);
    }
    return out;
}
}  // namespace

TEST_CASE("batch: a stream of cases in one file (--- between documents) gives what the files give, in any --jobs") {
    std::string dir = reckon::testing::temp_dir();
    REQUIRE(reckon::testing::run_program(RECKON_GEN_IOM, {dir, "600", "21"}).status == 0);
    std::string stream = stream_of(dir, reckon::testing::temp_dir() + "/cohort.yaml");
    auto files = run_reckon({"batch", ruleset, dir, "--format", "jsonl", "--jobs", "2"});
    auto one = run_reckon({"batch", ruleset, stream, "--format", "jsonl", "--jobs", "1"});
    auto two = run_reckon({"batch", ruleset, stream, "--format", "jsonl", "--jobs", "2"});
    REQUIRE(files.status == 0);
    CHECK(one.status == 0);
    CHECK(one.out == two.out);
    CHECK(results_of(one.out) == results_of(files.out));
    auto first = nlohmann::json::parse(one.out.substr(0, one.out.find('\n')));
    CHECK(first["file"] == stream);
    CHECK(first["document"] == 1);
    CHECK(lines_of(one.out).size() == 601);
}

TEST_CASE("batch and eval read cases from a pipe (/dev/stdin), whose size is not known beforehand, as from the file") {
    std::string dir = reckon::testing::temp_dir();
    REQUIRE(reckon::testing::run_program(RECKON_GEN_IOM, {dir, "300", "5"}).status == 0);
    std::string stream = stream_of(dir, reckon::testing::temp_dir() + "/cohort.yaml");
    // through a shell's pipe: a redirected file would be a file, with a size
    const auto piped_into = [](const std::string& file, const std::string& command) {
        return reckon::testing::run_program("/bin/sh", {"-c", "cat '" + file + "' | '" + RECKON_BINARY + "' " + command});
    };
    auto file = run_reckon({"batch", ruleset, stream, "--format", "jsonl"});
    auto piped = piped_into(stream, std::string("batch ") + ruleset + " /dev/stdin --format jsonl");
    REQUIRE(file.status == 0);
    CHECK(piped.status == 0);
    CHECK(lines_of(piped.out).size() == 301);
    CHECK(results_of(piped.out) == results_of(file.out));
    const std::string one = "cases/sussex/complex-client-2010-11.yaml";
    auto eval = piped_into(one, "eval rulesets/sussex-complex-client.reckon /dev/stdin");
    CHECK(eval.status == 0);
    CHECK(eval.out == run_reckon({"eval", "rulesets/sussex-complex-client.reckon", one}).out);
    CHECK(eval.out.find("£60,805.55") != std::string::npos);
}

TEST_CASE("batch: a bad document in a stream is reported with its line and number and the others go on") {
    std::string path = reckon::testing::temp_dir() + "/s.yaml";
    write_file(path,
               "---\nnominal: A\njoined: 2023-05-01\noffences: []\n"
               "---\nnominal: B\njoined: [2023-05-01\n"
               "--- # the third\nnominal: C\njoined: 2023-05-01\noffences:\n  - {date: 2023-06-01, type: arson, css: 5}\n" +
                   std::string(30000, '#') + "\n"
               "---\nnominal: D\njoined: 2023-05-01\n");
    auto r = run_reckon({"batch", ruleset, path, "--format", "jsonl"});
    CHECK(r.status == 1);
    CHECK(r.err.find(path + ":8:1: error: invalid YAML") != std::string::npos);
    CHECK(r.err.find("  note: in document 2 of " + path + "\n") != std::string::npos);
    CHECK(r.err.find(path + ":12:30: error: offences[0].type: expected OffenceType") != std::string::npos);
    CHECK(r.err.find("  note: in document 3 of " + path + "\n") != std::string::npos);
    auto lines = lines_of(r.out);
    REQUIRE(lines.size() == 5);
    CHECK(nlohmann::json::parse(lines[0])["case"] == "A");
    CHECK(nlohmann::json::parse(lines[1])["document"] == 2);
    CHECK(nlohmann::json::parse(lines[1]).contains("error"));
    CHECK(nlohmann::json::parse(lines[3])["case"] == "D");
    // a document over the size limit is one failed case; the next is read
    auto big = run_reckon({"--limit", "file-size=20000", "batch", ruleset, path, "--format", "jsonl"});
    CHECK(big.err.find(path + ":8: error: document 3 is more than 20000 bytes, the limit on one case") != std::string::npos);
    REQUIRE(lines_of(big.out).size() == 5);
    CHECK(nlohmann::json::parse(lines_of(big.out)[3])["case"] == "D");
    // one case is evaluated by `eval`: a stream is refused, not read in part
    auto eval = run_reckon({"eval", ruleset, path});
    CHECK(eval.status == 1);
    CHECK(eval.err.find(path + ":5:1: error: this file holds more than one case") != std::string::npos);
}

TEST_CASE("batch --scenarios: each case read once and evaluated under each named set of params with a cohort per scenario") {
    std::string dir = reckon::testing::temp_dir();
    write_file(dir + "/arrests.yaml", "low:\n  arrest_time: 3.5 hour\nhigh:\n  arrest_time: 6.5 hour\n");
    auto r = run_reckon({"batch", "rulesets/sussex-complex-client.reckon", "cases/sussex", "--scenarios", dir + "/arrests.yaml",
                         "--format", "jsonl"});
    INFO(r.err);
    REQUIRE(r.status == 0);
    auto lines = lines_of(r.out);
    REQUIRE(lines.size() == 3);
    auto low = nlohmann::json::parse(lines[0]), high = nlohmann::json::parse(lines[1]);
    CHECK(low["scenario"] == "low");
    CHECK(high["scenario"] == "high");
    // 52 hours of constable time at 6.5 h per arrest; at 3.5 h, 6 arrests x 3 h fewer: 34 hours at £38,300.40 / 1,650 h
    CHECK(high["outputs"]["total"]["value"] == "60805.55");
    CHECK(low["outputs"]["police_constable_hours"]["value"] == "34");
    CHECK(low["outputs"]["police_constable_time"]["value"] == "789.22");
    CHECK(low["outputs"]["total"]["value"] == "60387.73");
    CHECK(nlohmann::json::parse(lines[2])["summary"]["scenarios"] == 2);
    // the same as --param, one run per value
    auto one = run_reckon({"eval", "rulesets/sussex-complex-client.reckon", "cases/sussex/complex-client-2010-11.yaml",
                           "--param", "arrest_time=3.5 hour", "--format", "json"});
    CHECK(nlohmann::json::parse(one.out)["outputs"] == low["outputs"]);

    // the cohort under each scenario, for methodology B
    write_file(dir + "/years.yaml", "y2022:\n  report_year: 2022\ny2023:\n  report_year: 2023\n");
    auto b = run_reckon({"batch", ruleset, "cases/iom", "--scenarios", dir + "/years.yaml", "--format", "jsonl"});
    REQUIRE(b.status == 0);
    auto blines = lines_of(b.out);
    REQUIRE(blines.size() == 240 * 2 + 3);
    auto c2023 = nlohmann::json::parse(blines[481]);
    CHECK(c2023["scenario"] == "y2023");
    auto plain = run_reckon({"batch", ruleset, "cases/iom", "--param", "report_year=2023", "--format", "jsonl"});
    CHECK(c2023["cohort"] == nlohmann::json::parse(lines_of(plain.out).back())["cohort"]);

    // errors point into the scenarios file
    write_file(dir + "/bad.yaml", "low:\n  arrest_tim: 3.5 hour\n");
    auto bad = run_reckon({"batch", "rulesets/sussex-complex-client.reckon", "cases/sussex", "--scenarios", dir + "/bad.yaml",
                           "--format", "csv"});
    CHECK(bad.status == 1);
    CHECK(bad.err.rfind(dir + "/bad.yaml:2:15: error: scenario 'low': the ruleset has no param named 'arrest_tim'; did you mean 'arrest_time'?\n", 0) == 0);

    // the table: a line per case and scenario, then the cohort with a column per scenario
    auto table = run_reckon({"batch", "rulesets/sussex-complex-client.reckon", "cases/sussex", "--scenarios", dir + "/arrests.yaml"});
    CHECK(table.status == 0);
    auto tlines = lines_of(table.out);
    REQUIRE(tlines.size() >= 5);
    CHECK(tlines[2].rfind("case ", 0) == 0);
    CHECK(tlines[2].find("  scenario  ") != std::string::npos);
    CHECK(tlines[3].rfind("sussex-2010-11-complex-client  low ", 0) == 0);
    CHECK(tlines[3].find("£789.22") != std::string::npos);
    CHECK(tlines[4].rfind("sussex-2010-11-complex-client  high", 0) == 0);
    CHECK(tlines[4].find("£1,207.04") != std::string::npos);
    CHECK(table.out.find("\n1 case, 0 failed, under 2 scenarios\n") != std::string::npos);
    auto years = run_reckon({"batch", ruleset, "cases/iom", "--scenarios", dir + "/years.yaml"});
    CHECK(years.status == 0);
    CHECK(years.out.find("Cohort (the 240 cases that succeeded), under each scenario\n\n") != std::string::npos);
    // the cohort's figures of each year as the plain runs give them: 104 and 157 nominals included
    CHECK(years.out.find("\n  Nominals included ") != std::string::npos);
    const auto at = years.out.find("\n  Nominals included ");
    std::string included = years.out.substr(at + 1, years.out.find('\n', at + 1) - at - 1);
    included.erase(std::unique(included.begin(), included.end(), [](char a, char b) { return a == ' ' && b == ' '; }), included.end());
    CHECK(included == " Nominals included 104 157");
    CHECK(years.out.find("\n  Carried over (y2023)\n    N0") != std::string::npos);
}

TEST_CASE("batch: a case whose rule fails is named on stderr with its file, and the others go on") {
    const std::string dir = reckon::testing::temp_dir();
    write_file(dir + "/cases.csv", "id,hours\nc1,2\nc2,0\nc3,5\n");  // c2: a cost per hour of no hours
    const auto r = run_reckon({"batch", "tests/rulesets/sensitivity-passes.reckon", dir + "/cases.csv", "--format", "jsonl"});
    CHECK(r.status == 1);
    CHECK(r.err == "tests/rulesets/sensitivity-passes.reckon:16:42: error: division by zero\n"
                   "  output per_hour \"Cost over hours\" = cost / hours\n"
                   "                                           ^\n"
                   "  note: while evaluating output 'per_hour' (tests/rulesets/sensitivity-passes.reckon:16:8)\n"
                   "  note: in case c2 (" + dir + "/cases.csv)\n"
                   "3 cases, 1 failed\n");
    const auto lines = lines_of(r.out);
    REQUIRE(lines.size() == 4);  // three cases and the cohort
    CHECK(lines[0].find("\"case\":\"c1\"") != std::string::npos);
    CHECK(lines[1].rfind("{\"case\":\"c2\"", 0) == 0);
    CHECK(lines[1].find("note: in case c2 (") != std::string::npos);  // the jsonl line holds the same diagnostics
    CHECK(lines[2].find("\"case\":\"c3\"") != std::string::npos);
    // and under scenarios, which one
    write_file(dir + "/rates.yaml", "low: {rate: 5}\nhigh: {rate: 15}\n");
    const auto s = run_reckon({"batch", "tests/rulesets/sensitivity-passes.reckon", dir + "/cases.csv", "--scenarios", dir + "/rates.yaml"});
    CHECK(s.status == 1);
    CHECK_MESSAGE(s.err.find("  note: under scenario 'low'\n  note: in case c2 (" + dir + "/cases.csv)\n") != std::string::npos, s.err);
}
