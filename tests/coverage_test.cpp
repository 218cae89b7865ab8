// reckon test --coverage: a small ruleset whose one test leaves a table row, two params and the `then` of an `if`
// unexercised, and exactly those are reported, at their lines, as text, JSON and a page; --require-coverage fails
// under the share and passes at it.
#include "support.hpp"

#include <doctest/doctest.h>

using namespace reckon::testing;

namespace {
const std::string pay_rules = "currency GBP \"£\"\n"
                              "type Grade = one of junior, senior\n"
                              "table pay: Grade -> {rate: GBP}\n"
                              "  | junior | £10 |\n"
                              "  | senior | £20 |\n"
                              "param bonus = £5\n"
                              "param spare = £1\n"
                              "input grade: Grade\n"
                              "input hours: number\n"
                              "output base: GBP = pay(grade).rate * hours\n"
                              "output total: GBP = if hours > 40 then base + bonus else base\n"
                              "test \"junior\" case \"junior.yaml\"\n"
                              "  expect total == £100\n";

std::string pay_dir() {
    const std::string dir = temp_dir();
    write_file(dir + "/pay.reckon", pay_rules);
    write_file(dir + "/junior.yaml", "grade: junior\nhours: 10\n");
    return dir;
}
}  // namespace

TEST_CASE("test --coverage names exactly what the tests never exercised, at its line") {
    Run r = run_reckon({"test", "--coverage", "pay.reckon"}, pay_dir());
    CHECK_MESSAGE(r.status == 0, r.err);
    CHECK(r.err.empty());
    CHECK(r.out == "ok   pay.reckon: junior (1 of 1 expectations met)\n"
                   "1 passed, 0 failed\n"
                   "coverage of pay.reckon: 4 of 8 (50.0%) exercised\n"
                   "  pay.reckon:3:7: never exercised: row 'senior' of table 'pay'\n"
                   "  pay.reckon:6:7: never exercised: param 'bonus'\n"
                   "  pay.reckon:7:7: never exercised: param 'spare'\n"
                   "  pay.reckon:11:45: never exercised: 'then' of the if at 11:21\n");
}

TEST_CASE("a second test that takes the other branch and row exercises them") {
    const std::string dir = pay_dir();
    write_file(dir + "/pay.reckon", pay_rules + "test \"senior overtime\" case \"senior.yaml\"\n  expect total == £1,005\n");
    write_file(dir + "/senior.yaml", "grade: senior\nhours: 50\n");
    Run r = run_reckon({"test", "--coverage", "pay.reckon"}, dir);
    CHECK_MESSAGE(r.status == 0, r.out);
    CHECK(r.out.find("coverage of pay.reckon: 7 of 8 (87.5%) exercised\n"
                     "  pay.reckon:7:7: never exercised: param 'spare'\n") != std::string::npos);
    CHECK(run_reckon({"test", "--require-coverage", "87.5%", "pay.reckon"}, dir).status == 0);
    CHECK(run_reckon({"test", "--require-coverage", "87.6%", "pay.reckon"}, dir).status == 1);
}

TEST_CASE("a param read through another param's formula is exercised, unless a test gives the param") {
    // `bonus` is worked out from `base_bonus` before the case is evaluated; the test reads bonus, so base_bonus
    // was read too (Sussex's gp_consultation from its minutes and rate). A test that gives bonus does not read it.
    const std::string dir = temp_dir();
    const std::string rules = "currency GBP \"£\"\n"
                              "param base_bonus = £5\n"
                              "param bonus = base_bonus * 2\n"
                              "input hours: number\n"
                              "output total: GBP = £10 * hours + bonus\n";
    write_file(dir + "/case.yaml", "hours: 10\n");
    write_file(dir + "/read.reckon", rules + "test \"read\" case \"case.yaml\"\n  expect total == £110\n");
    Run read = run_reckon({"test", "--coverage", "read.reckon"}, dir);
    CHECK_MESSAGE(read.out.find("coverage of read.reckon: 3 of 3 (100.0%) exercised\n") != std::string::npos, read.out);
    write_file(dir + "/given.reckon", rules + "test \"given\" case \"case.yaml\"\n  given bonus = £0\n  expect total == £100\n");
    Run given = run_reckon({"test", "--coverage", "given.reckon"}, dir);
    CHECK_MESSAGE(given.out.find("coverage of given.reckon: 2 of 3 (66.6%) exercised\n"
                                 "  given.reckon:2:7: never exercised: param 'base_bonus'\n") != std::string::npos,
                  given.out);
}

TEST_CASE("--require-coverage fails under the share, saying which file and by how much") {
    Run r = run_reckon({"test", "--require-coverage", "80%", "pay.reckon"}, pay_dir());
    CHECK(r.status == 1);
    CHECK(r.err == "pay.reckon: error: the tests exercise 4 of 8 (50.0%), under the 80% required (--require-coverage)\n");
    Run at = run_reckon({"test", "--require-coverage", "50", "pay.reckon"}, pay_dir());
    CHECK_MESSAGE(at.status == 0, at.err);
    Run bad = run_reckon({"test", "--require-coverage", "101%", "pay.reckon"}, pay_dir());
    CHECK(bad.status == 2);
    CHECK(bad.err == "reckon: error: --require-coverage 101%: expected a share from 0% to 100%, as in --require-coverage 90%\n");
    Run alone = run_reckon({"test", "--format", "json", "pay.reckon"}, pay_dir());
    CHECK(alone.status == 2);
    CHECK(alone.err == "reckon: error: --format is for --coverage: give --coverage too\n");
}

TEST_CASE("test --coverage --format json is the document alone on stdout, every item with its place") {
    Run r = run_reckon({"test", "--coverage", "--format", "json", "pay.reckon"}, pay_dir());
    CHECK(r.status == 0);
    CHECK(r.err == "ok   pay.reckon: junior (1 of 1 expectations met)\n1 passed, 0 failed\n");
    CHECK(r.out.rfind("{\"files\": [\n  {\"file\": \"pay.reckon\", \"exercised\": 4, \"items\": 8, \"list\": [\n", 0) == 0);
    CHECK(r.out.find("{\"kind\": \"branch\", \"what\": \"'then' of the if at 11:21\", \"file\": \"pay.reckon\", \"line\": 11, "
                     "\"column\": 45, \"exercised\": false}") != std::string::npos);
    CHECK(r.out.find("{\"kind\": \"rule\", \"what\": \"rule 'total'\", \"file\": \"pay.reckon\", \"line\": 11, \"column\": 8, "
                     "\"exercised\": true}") != std::string::npos);
}

TEST_CASE("test --coverage --format html --out writes doc's page, the items never exercised marked") {
    const std::string dir = pay_dir();
    Run r = run_reckon({"test", "--coverage", "--format", "html", "--out", "c.html", "pay.reckon"}, dir);
    CHECK_MESSAGE(r.status == 0, r.err);
    const std::string page = read_file(dir + "/c.html");
    CHECK(page.find("<h1>Test coverage</h1>") != std::string::npos);
    CHECK(page.find("<td>pay.reckon:6:7</td><td>param 'bonus'</td><td><strong>never</strong></td>") != std::string::npos);
    CHECK(page.find("<style>") != std::string::npos);
}
