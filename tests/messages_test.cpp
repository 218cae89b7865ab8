// Messages that teach: a command or an option reckon does not have is answered
// with the nearest it has, as git answers ("did you mean"); an unknown name in
// a rule file lists the nearest names in scope, or the qualified form of an
// enumeration's member; a rate written with spaces and a loop without `where`
// or `for` are told the form to write. Each compares the whole of stderr, the
// exit status and an empty stdout.
#include "support.hpp"

#include <doctest/doctest.h>

using namespace reckon::testing;

namespace {
const std::string sussex = "rulesets/sussex-complex-client.reckon";
const std::string client = "cases/sussex/complex-client-2010-11.yaml";

void refused(const std::vector<std::string>& args, int status, const std::string& err) {
    Run r = run_reckon(args);
    CHECK(r.status == status);
    CHECK(r.out.empty());
    CHECK(r.err == err);
}

// `reckon check` of a rule file written to a scratch folder.
Run check(const std::string& rules) {
    const std::string dir = temp_dir();
    write_file(dir + "/m.reckon", rules);
    return run_reckon({"check", "m.reckon"}, dir);
}
}  // namespace

TEST_CASE("an unknown command is answered with the nearest commands") {
    refused({"evall", sussex, client}, 2, "reckon: error: unknown command 'evall' (did you mean 'eval'?)\nRun 'reckon --help' for what it has.\n");
    refused({"chek", sussex}, 2, "reckon: error: unknown command 'chek' (did you mean 'check'?)\nRun 'reckon --help' for what it has.\n");
    refused({"frobnicate"}, 2, "reckon: error: unknown command 'frobnicate'\nRun 'reckon --help' for what it has.\n");
}

TEST_CASE("an unknown option is answered with the command's nearest options") {
    refused({"eval", sussex, client, "--fromat", "json"}, 2,
            "reckon: error: unknown option '--fromat' for 'reckon eval' (did you mean '--format'?)\nRun 'reckon eval --help' for what it has.\n");
    refused({"eval", "--fromat=json", sussex, client}, 2,
            "reckon: error: unknown option '--fromat' for 'reckon eval' (did you mean '--format'?)\nRun 'reckon eval --help' for what it has.\n");
    refused({"batch", sussex, "cases/sussex", "--jbos", "2"}, 2,
            "reckon: error: unknown option '--jbos' for 'reckon batch' (did you mean '--jobs'?)\nRun 'reckon batch --help' for what it has.\n");
    refused({"--limt", "depth=10", "check", sussex}, 2,
            "reckon: error: unknown option '--limt' for 'reckon' (did you mean '--limit'?)\nRun 'reckon --help' for what it has.\n");
}

TEST_CASE("known commands and options, values that look like options, and words after -- pass") {
    Run r = run_reckon({"--limit", "file-size=10000000", "eval", sussex, client, "--format", "json", "--param", "on_costs=20%"});
    CHECK_MESSAGE(r.status == 0, r.err);
    CHECK(r.out.find("\"total\"") != std::string::npos);
    Run neg = run_reckon({"eval", sussex, client, "--param", "on_costs=-1%"});
    CHECK(neg.err.find("unknown option") == std::string::npos);
}

TEST_CASE("an unknown name that is a member of an enumeration is told its qualified form") {
    Run r = check("type RiskLevel = one of low, medium, high\n"
                  "table visits: RiskLevel -> {per_month: number}\n"
                  "  | low    | 1 |\n  | medium | 2 |\n  | high   | 4 |\n"
                  "output monthly: number = visits(low).per_month\n");
    CHECK(r.status == 1);
    CHECK(r.err == "m.reckon:6:33: error: unknown name 'low'\n"
                   "  output monthly: number = visits(low).per_month\n"
                   "                                  ^\n"
                   "  note: 'low' is a member of an enumeration: name it with its type, as RiskLevel.low\n");
}

TEST_CASE("an unknown name lists the nearest names in scope, a loop's variables among them") {
    Run r = check("param rate_a = 1\nparam rate_b = 2\nparam rate_c = 3\ninput xs: list of number\n"
                  "output n: number = sum(rate * 2 for rate_x in xs)\n");
    CHECK(r.status == 1);
    CHECK(r.err == "m.reckon:5:24: error: unknown name 'rate'\n"
                   "  output n: number = sum(rate * 2 for rate_x in xs)\n"
                   "                         ^\n"
                   "  note: did you mean 'rate_x', 'rate_a' or 'rate_b'?\n");
}

TEST_CASE("a rate written as a division by a unit's name is told the form reckon prints") {
    Run r = check("currency GBP \"£\"\nunit year\noutput grant: GBP/year = £5,543 / year\n");
    CHECK(r.status == 1);
    CHECK(r.err == "m.reckon:3:35: error: 'year' is a unit, not a value: a rate is one quantity, with the unit right after the '/'\n"
                   "  output grant: GBP/year = £5,543 / year\n"
                   "                                    ^\n"
                   "  note: write £5,543/year\n");
}

TEST_CASE("count and sum over a loop with neither where nor for say what to write") {
    Run r = check("ruleset \"R\" identified by nominal\ninput nominal: text\ninput xs: list of number\n"
                  "output odd: number = count(x in xs)\n"
                  "cohort output n = count(c in cases)\n");
    CHECK(r.status == 1);
    CHECK(r.err == "m.reckon:4:22: error: count(x in xs) needs a condition: count(x in xs where …) counts those that meet it\n"
                   "  output odd: number = count(x in xs)\n"
                   "                       ^\n"
                   "  note: to count all of them, write count(xs)\n"
                   "m.reckon:5:19: error: count(c in cases) needs a condition: count(c in cases where …) counts those that meet it\n"
                   "  cohort output n = count(c in cases)\n"
                   "                    ^\n"
                   "  note: to count all of them, write count(cases)\n");
}

TEST_CASE("check counts a param dated by a case input among the params, not the rules") {
    Run r = check("ruleset \"S\"\n  dated by contact_date\nunit hour\nunit year\ncurrency GBP \"£\"\n"
                  "input contact_date: date\ninput hours: hour\n"
                  "param working_hours = 1,650 hour/year from 2010-04-01, 1,607 hour/year from 2023-04-01\n"
                  "param salary = £37,338/year\n"
                  "output cost: GBP = salary * 1.2 / working_hours * hours\n");
    CHECK_MESSAGE(r.status == 0, r.err);
    CHECK(r.out == "m.reckon: ok (2 params, 0 tables, 2 inputs, 1 rules of which 1 outputs and 0 cohort outputs, 0 tests)\n");
}

TEST_CASE("count over cases in a rule of one case is not told to write count(cases), which is known only to a cohort rule") {
    Run r = check("ruleset \"R\" identified by nominal\ninput nominal: text\noutput n: number = count(c in cases)\n");
    CHECK(r.status == 1);
    CHECK(r.err.find("write count(cases)") == std::string::npos);
    CHECK(r.err.find("error:") != std::string::npos);
}
