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
    // a word that starts with a command, or that a command starts with (a new author's trial, issue 37)
    refused({"evaluate", sussex, client}, 2, "reckon: error: unknown command 'evaluate' (did you mean 'eval'?)\nRun 'reckon --help' for what it has.\n");
    refused({"exp", sussex}, 2, "reckon: error: unknown command 'exp' (did you mean 'explain'?)\nRun 'reckon --help' for what it has.\n");
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
    CHECK(r.out == "m.reckon: ok (2 params, 0 tables, 2 inputs, 1 rule of which 1 output and 0 cohort outputs, 0 tests)\n");
}

TEST_CASE("count over cases in a rule of one case is not told to write count(cases), which is known only to a cohort rule") {
    Run r = check("ruleset \"R\" identified by nominal\ninput nominal: text\noutput n: number = count(c in cases)\n");
    CHECK(r.status == 1);
    CHECK(r.err.find("write count(cases)") == std::string::npos);
    CHECK(r.err.find("error:") != std::string::npos);
}

TEST_CASE("a value that is not one of an option's choices is told the choices and the nearest") {
    refused({"eval", sussex, client, "--format", "jsn"}, 2,
            "reckon: error: --format: 'jsn' is not one of table, json (did you mean 'json'?)\nRun 'reckon eval --help' for what it has.\n");
    refused({"explain", sussex, client, "total", "--format=xml"}, 2,
            "reckon: error: --format: 'xml' is not one of text, json\nRun 'reckon explain --help' for what it has.\n");
}

TEST_CASE("an option left without its value is named, at the end or before another option") {
    refused({"eval", sussex, client, "--format"}, 2,
            "reckon: error: option '--format' of 'reckon eval' needs a value after it\nRun 'reckon eval --help' for what it has.\n");
    refused({"batch", sussex, "--jobs", "--format", "csv", "cases/sussex"}, 2,
            "reckon: error: option '--jobs' of 'reckon batch' needs a value after it\nRun 'reckon batch --help' for what it has.\n");
    refused({"--limit"}, 2, "reckon: error: option '--limit' of 'reckon' needs a value after it\nRun 'reckon --help' for what it has.\n");
}

TEST_CASE("an argument required and missing is named with what it is, and the command with none is told it needs one") {
    refused({"eval"}, 2,
            "reckon: error: RULESET is required by 'reckon eval': the ruleset's entry file (*.reckon)\nRun 'reckon eval --help' for what it has.\n");
    refused({"eval", sussex}, 2,
            "reckon: error: CASE is required by 'reckon eval': the case file (YAML)\nRun 'reckon eval --help' for what it has.\n");
    refused({"report", sussex, client}, 2,
            "reckon: error: --out is required by 'reckon report': the HTML file to write, atomically\nRun 'reckon report --help' for what it has.\n");
    refused({"--limit", "depth=5"}, 2, "reckon: error: 'reckon' needs a command\nRun 'reckon --help' for what it has.\n");
    // explain with a case and no output to explain: not the parser's "At least 2 required but received 1"
    refused({"explain", sussex, client}, 2,
            "reckon: error: 'reckon explain' needs CASE OUTPUT, at least 2 values (1 given): the case file (a YAML case, or a case table "
            "with --case ID) and the output (or rule) to explain, by name; for a cohort figure, the cases as for batch (files, folders, "
            "patterns), then the figure\nRun 'reckon explain --help' for what it has.\n");
}

TEST_CASE("an expectation that fails by less than what is shown shows the value expected exactly too") {
    const std::string dir = temp_dir();
    write_file(dir + "/e.reckon", "unit hour\ninput h: hour\noutput t: hour = h / 3\ntest \"a third\" case \"c.yaml\"\n  expect t == 16.6667 hour\n");
    write_file(dir + "/c.yaml", "h: 50\n");
    Run r = run_reckon({"test", "e.reckon"}, dir);
    CHECK(r.status == 1);
    CHECK(r.out.find("  note: expected 16.67 hour (exactly 16.6667), got 16.67 hour (exactly 16.666666666667...)\n") != std::string::npos);
}

TEST_CASE("expect names an output or a member of one, written with its enumeration or not, and a table's cell is told how") {
    const std::string dir = temp_dir();
    write_file(dir + "/g.reckon", "currency GBP \"£\"\ntype Grade = one of band5, band6\ntable pay: Grade -> {salary: GBP}\n"
                                  "  | band5 | £10 |\n  | band6 | £20 |\ninput hours: number\noutput cost(g: Grade): GBP = pay(g).salary * hours\n"
                                  "test \"bare\" case \"c.yaml\"\n  expect cost(band6) == £40\n  expect cost(Grade.band5) == £20\n");
    write_file(dir + "/c.yaml", "hours: 2\n");
    Run ok = run_reckon({"test", "g.reckon"}, dir);
    CHECK_MESSAGE(ok.status == 0, (ok.out + ok.err));
    CHECK(ok.out.find("(2 of 2 expectations met)") != std::string::npos);
    write_file(dir + "/cell.reckon", "currency GBP \"£\"\ntype Grade = one of band5, band6\ntable pay: Grade -> {salary: GBP}\n"
                                     "  | band5 | £10 |\n  | band6 | £20 |\ninput hours: number\noutput cost: GBP = pay(Grade.band5).salary * hours\n"
                                     "test \"cell\" case \"c.yaml\"\n  expect pay(band5).salary == £10\n");
    Run cell = run_reckon({"check", "cell.reckon"}, dir);
    CHECK(cell.status == 1);
    CHECK(cell.err == "cell.reckon:9:20: error: expected '==' and the expected value: 'expect' names an output or rule, or one member of one, "
                      "as in 'expect per_hour(Band.band5) == …'; a table's cell or a field is expected through a rule that reads it\n"
                      "    expect pay(band5).salary == £10\n"
                      "                     ^\n");
}

TEST_CASE("arguments beyond those a command takes are listed, with what it takes") {
    refused({"check", sussex, "extra"}, 2,
            "reckon: error: too many arguments for 'reckon check', which takes RULESET: not expected 'extra'\n"
            "Run 'reckon check --help' for what it has.\n");
    refused({"eval", sussex, client, "x", "y"}, 2,
            "reckon: error: too many arguments for 'reckon eval', which takes RULESET CASE: not expected 'x', 'y'\n"
            "Run 'reckon eval --help' for what it has.\n");
    refused({"lsp", "x"}, 2, "reckon: error: too many arguments for 'reckon lsp', which takes none: not expected 'x'\nRun 'reckon lsp --help' for what it has.\n");
}

TEST_CASE("a long option written with one dash is told so, not read as a short option") {
    refused({"eval", sussex, client, "-format", "json"}, 2,
            "reckon: error: unknown option '-format' for 'reckon eval': a long option is written with two dashes, as '--format'\n"
            "Run 'reckon eval --help' for what it has.\n");
    refused({"eval", sussex, client, "-fromat=json"}, 2,
            "reckon: error: unknown option '-fromat' for 'reckon eval' (did you mean '--format'?)\nRun 'reckon eval --help' for what it has.\n");
    refused({"batch", "-jobs", "2", sussex, "cases/sussex"}, 2,
            "reckon: error: unknown option '-jobs' for 'reckon batch': a long option is written with two dashes, as '--jobs'\n"
            "Run 'reckon batch --help' for what it has.\n");
    Run attached = run_reckon({"batch", "-j2", sussex, "cases/sussex", "--format", "csv"});  // -j with its value, still
    CHECK_MESSAGE(attached.status == 0, attached.err);
}

TEST_CASE("a limit misspelt is told the nearest limit") {
    refused({"--limit", "stesp=1", "check", sussex}, 2,
            "reckon: error: --limit stesp=1: no limit named 'stesp' (did you mean 'steps'?); the limits are file-size, nesting, "
            "expression-depth, yaml-depth, yaml-values, list-length, digits, steps, depth, scenarios, attribution\n");
}

TEST_CASE("reckon help and reckon help COMMAND print what --help prints, and an unknown command is answered as one") {
    Run all = run_reckon({"help"});
    CHECK(all.status == 0);
    CHECK(all.out == run_reckon({"--help"}).out);
    CHECK(all.out.find("  help ") != std::string::npos);
    Run eval = run_reckon({"help", "eval"});
    CHECK(eval.status == 0);
    CHECK(eval.err.empty());
    CHECK(eval.out == run_reckon({"eval", "--help"}).out);
    CHECK(eval.out.find("Usage: reckon eval") != std::string::npos);
    refused({"help", "evl"}, 2, "reckon: error: unknown command 'evl' (did you mean 'eval'?)\nRun 'reckon --help' for what it has.\n");
    refused({"hlep"}, 2, "reckon: error: unknown command 'hlep' (did you mean 'help' or 'lsp'?)\nRun 'reckon --help' for what it has.\n");
}
