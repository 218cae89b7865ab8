// Each phase on small rule files held in the test: parse, check, evaluate, cases.
#include "data/load_case.hpp"
#include "core/compile/compile.hpp"
#include "core/eval/eval.hpp"
#include "commands/present/present.hpp"
#include "core/syntax/parse.hpp"
#include "core/base/shown_path.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace reckon;

namespace {

SourcePtr text(const std::string& name, const std::string& body) { return std::make_shared<SourceFile>(name, body); }

const std::string prelude = R"(unit minute
unit hour = 60 minute
unit day = 24 hour
unit week = 7 day
unit year
currency GBP "£"
)";

std::shared_ptr<Program> program(const std::string& body, const std::vector<ParamSetting>& s = {}) {
    return compile(text("t.reckon", prelude + body), s);
}

// The displayed value of each output for the case.
std::map<std::string, std::string> run(const Program& p, const std::string& yaml) {
    Case c = load_case(p, text("c.yaml", yaml));
    Overrides o;
    for (const auto& [slot, n] : p.overrides) o[slot] = n.get();
    auto params = bind_params(p, o);
    CaseResult r = evaluate_outputs(p, params, c);
    std::map<std::string, std::string> out;
    for (std::size_t i = 0; i < p.outputs.size(); ++i) out[p.rules[p.outputs[i]].name] = display(p, p.rules[p.outputs[i]], r.outputs[i]);
    return out;
}

std::string errors_of(const std::string& body) {
    try {
        program(body);
    } catch (const CompileError& e) {
        return e.what();
    }
    return "";
}

std::string case_errors(const std::string& body, const std::string& yaml) {
    auto p = program(body);
    try {
        load_case(*p, text("c.yaml", yaml));
    } catch (const CompileError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("parse: declarations, annotations and precedence") {
    auto m = parse_module(text("p.reckon", R"(ruleset "R" version "1" source "S1" source "S2" identified by id
param a = 1 + 2 * 3 "desc" source "cite"
output b: hour "Label" = a decimals 3
)"),
                          reckon::Limits{});
    REQUIRE(m.header);
    CHECK(m.header->name == "R");
    CHECK(m.header->version == "1");
    CHECK(m.header->sources == std::vector<std::string>{"S1", "S2"});
    CHECK(m.header->case_id == "id");
    REQUIRE(m.decls.size() == 2);
    const auto& a = m.decls[0];
    CHECK(a.notes.description == "desc");
    CHECK(a.notes.source == "cite");
    REQUIRE(a.body->kind == ast::ExprKind::binary);
    CHECK(a.body->op == reckon::ast::Operator::add);
    CHECK(a.body->kids[1]->op == reckon::ast::Operator::mul);
    CHECK(m.decls[1].label == "Label");
    CHECK(m.decls[1].notes.decimals == 3);
}

TEST_CASE("parse: a syntax error names the place and what was expected") {
    try {
        parse_module(text("p.reckon", "param a = (1 + 2\n"), reckon::Limits{});
        FAIL("no error");
    } catch (const CompileError& e) {
        CHECK(std::string(e.what()) ==
              "p.reckon:1:17: error: expected ')' to close the parenthesis\n  param a = (1 + 2\n                  ^\n");
    }
}

TEST_CASE("arithmetic is exact and units convert exactly") {
    auto p = program(R"(
param third = 1 / 3
output a: number = third * 3
output b: minute = 1 hour + 30 minute
output c: hour = 90 minute in hour
output d: GBP = £38,400 / 1650 decimals 6
output e: number = 20% * 5
)");
    auto r = run(*p, "");
    CHECK(r["a"] == "1");
    CHECK(r["b"] == "90");
    CHECK(r["c"] == "1.5");
    CHECK(r["d"] == "23.272727");
    CHECK(r["e"] == "1");
}

TEST_CASE("rounding is where a rule says, with a step and a mode") {
    auto p = program(R"(
output a: GBP = round(£2.345, £0.01)
output b: GBP = round(£2.345, £0.01, half_even)
output c: hour = floor(119 minute in hour)
output d: hour = ceil(9 hour, 8 hour)
output e: GBP = round(11.7 * £3.10)
)");
    auto r = run(*p, "");
    CHECK(r["a"] == "2.35");
    CHECK(r["b"] == "2.34");
    CHECK(r["c"] == "1");
    CHECK(r["d"] == "16");
    CHECK(r["e"] == "36.00");
}

TEST_CASE("conditions, let, functions and aggregation over a list with a filter") {
    auto p = program(R"(
type Job = {name: text, hours: hour, paid: bool}
input jobs: list of Job
input rate: GBP/hour
fn cost(h: hour, r: GBP/hour) -> GBP = h * r
output paid_hours: hour = sum(j.hours for j in jobs where j.paid)
output unpaid: number = count(j in jobs where not j.paid)
output longest: hour = max(j.hours for j in jobs)
output bill: GBP = let h = paid_hours in if h > 10 hour then cost(h, rate) else £0
)");
    auto r = run(*p, R"(
rate: 20
jobs:
  - {name: a, hours: 7.5, paid: true}
  - {name: b, hours: 4, paid: true}
  - {name: c, hours: 9, paid: false}
)");
    CHECK(r["paid_hours"] == "11.5");
    CHECK(r["unpaid"] == "1");
    CHECK(r["longest"] == "9");
    CHECK(r["bill"] == "230.00");
}

TEST_CASE("dates: literals, comparisons and days between") {
    auto p = program(R"(
input from: date
input to: date
output days: day = to - from + 1 day
output later: bool = to > 2024-02-28
)");
    auto r = run(*p, "from: 2023-04-01\nto: 2024-03-31\n");
    CHECK(r["days"] == "366");
    CHECK(r["later"] == "true");
}

TEST_CASE("--param overrides a param, checked against its units") {
    auto p = program("param on_costs = 20%\noutput x: GBP = £100 * (1 + on_costs)\n", {{"on_costs", "25%"}});
    CHECK(run(*p, "")["x"] == "125.00");
    CHECK_THROWS_AS(program("param on_costs = 20%\n", {{"oncosts", "1"}}), RequestError);
    try {
        program("param w = 1650 hour/year\n", {{"w", "1607 hour"}});
        FAIL("no error");
    } catch (const CompileError& e) {
        CHECK(std::string(e.what()) == "--param w:1:1: error: the value of param 'w' must be hour/year, not hour\n  1607 hour\n  ^\n");
    }
}

TEST_CASE("the checker reports every error, not just the first") {
    std::string errs = errors_of("output a: GBP = 1 hour + £1\noutput b = nope\noutput c = a(1)\n");
    CHECK(errs.find("t.reckon:7:24: error: cannot add hour and GBP: the units differ") != std::string::npos);
    CHECK(errs.find("t.reckon:8:12: error: unknown name 'nope'") != std::string::npos);
    CHECK(errs.find("t.reckon:9:12: error: 'a' is GBP, not a function or a table: it takes no arguments") != std::string::npos);
}

TEST_CASE("an input cannot be both a value and a group of inputs") {
    CHECK(errors_of("input police.arrests: number\ninput police: number\n") ==
          "t.reckon:8:7: error: input 'police' is a group of other inputs, so it cannot also be a value\n"
          "  input police: number\n        ^\n");
    CHECK(errors_of("input police: number\ninput police.arrests: number\n").find(
              "t.reckon:8:7: error: input 'police.arrests' is inside input 'police', which is a value, not a group") == 0);
    CHECK(errors_of("input a: number\ninput a: number\n") ==
          "t.reckon:8:7: error: input 'a' is already declared\n  input a: number\n        ^\n");
}

TEST_CASE("recursion between rules is a compile-time error naming the cycle") {
    std::string errs = errors_of("rule a = b + 1\nrule b = c\nrule c = a\n");
    CHECK(errs.find("error: rule 'a' depends on itself: a -> b -> c -> a") != std::string::npos);
}

TEST_CASE("arity and argument types of functions are checked") {
    std::string errs = errors_of("fn f(x: hour) -> hour = x\noutput a: hour = f(1 hour, 2 hour)\noutput b: hour = f(£1)\n");
    CHECK(errs.find("t.reckon:8:18: error: function 'f' takes 1 argument, not 2") != std::string::npos);
    CHECK(errs.find("t.reckon:9:20: error: argument 'x' of 'f' must be hour, not GBP") != std::string::npos);
}

TEST_CASE("a case is checked against the inputs: key paths, lines, ranges") {
    std::string body = "input police.custody_minutes: list of minute min 0\ninput police.arrests: number\n";
    CHECK(case_errors(body, "police:\n  arrests: 2\n  custody_minutes: [1, 2, 3, -4]\n") ==
          "c.yaml:3:30: error: police.custody_minutes[3]: -4 is below the minimum, 0 minute\n"
          "    custody_minutes: [1, 2, 3, -4]\n"
          "                               ^\n");
    CHECK(case_errors(body, "police:\n  arrests: six\n  custody_minutes: []\n") ==
          "c.yaml:2:12: error: police.arrests: expected a number, found 'six'\n    arrests: six\n             ^\n");
    CHECK(case_errors(body, "police:\n  arrests: 1\n  custody_minutes: []\n  searches: 1\n") ==
          "c.yaml:4:3: error: police.searches: unknown key; expected one of: arrests, custody_minutes\n"
          "    searches: 1\n    ^\n");
    CHECK(case_errors(body, "police:\n  arrests: 1\n") ==
          "c.yaml:2:3: error: police.custody_minutes: missing key (input declared at t.reckon:7:7)\n    arrests: 1\n    ^\n");
}

TEST_CASE("case numbers are read exactly, in the declared unit") {
    auto p = program("input t: hour\noutput m: minute = t in minute decimals 10\n");
    CHECK(run(*p, "t: 0.1\n")["m"] == "6.0000000000");  // exactly 6 minutes, shown to the 10 decimals asked for
}

TEST_CASE("runtime errors name the place and the chain of rules") {
    auto p = program("input n: number\nrule r = 1 / n\noutput o: number = r\n");
    Case c = load_case(*p, text("c.yaml", "n: 0\n"));
    auto params = bind_params(*p);
    try {
        evaluate_outputs(*p, params, c);
        FAIL("no error");
    } catch (const EvalError& e) {
        CHECK(render(e.diagnostic()) ==
              "t.reckon:8:12: error: division by zero\n  rule r = 1 / n\n             ^\n"
              "  note: while evaluating rule 'r' (t.reckon:8:6)\n"
              "  note: while evaluating output 'o' (t.reckon:9:8)\n");
    }
}

TEST_CASE("jsonl lines written directly are the JSON that nlohmann writes, for every output of both methodologies") {
    namespace fs = std::filesystem;
    const std::string root = RECKON_SOURCE_DIR;
    for (const char* rules : {"/rulesets/sussex-complex-client.reckon", "/rulesets/iom-annual-report.reckon"}) {
        auto p = reckon::compile(root + rules);
        auto params = reckon::bind_params(*p);
        reckon::OutputsJson fast(*p, p->outputs), cohort_fast(*p, p->cohort_outputs);
        std::vector<reckon::Value> rows;
        std::size_t compared = 0;
        for (const char* dir : {"/cases/sussex", "/cases/iom"}) {
            for (const auto& f : reckon::files_in(root + dir, {".yaml"})) {
                reckon::Case c;
                try {
                    c = reckon::load_case_file(*p, f);
                } catch (const std::exception&) {
                    continue;  // a case of the other methodology
                }
                std::vector<reckon::Value> row;
                auto r = reckon::evaluate_outputs(*p, params, c, p->cohort_rules_needed() ? &row : nullptr);
                CHECK(fast.text(r.outputs) == reckon::json_text(reckon::outputs_json(*p, p->outputs, r.outputs)));
                if (p->cohort_rules_needed()) rows.push_back(reckon::Value::list(std::move(row)));
                ++compared;
            }
        }
        CHECK(compared >= 1);
        if (!p->cohort_outputs.empty()) {
            reckon::Value cases = reckon::Value::list(std::move(rows));
            reckon::Evaluator ev(*p, params, cases);
            std::vector<reckon::Value> values;
            for (int slot : p->cohort_outputs) values.push_back(ev.rule(slot));
            CHECK(cohort_fast.text(values) == reckon::json_text(reckon::outputs_json(*p, p->cohort_outputs, values)));
        }
    }
    for (std::string s : std::vector<std::string>{"plain", "a \"quoted\" word", "tab\there", "£ and é", "bad \xff byte"})
        CHECK(reckon::json_string(s) == reckon::json_text(nlohmann::ordered_json(s)));
}

TEST_CASE("a path reckon joins is shown with '/', and on Linux exactly as its text") {
    namespace fs = std::filesystem;
    CHECK(shown_path(fs::path("cases") / "iom" / "a.yaml") == "cases/iom/a.yaml");
    CHECK(shown_path(fs::path("rulesets/x.reckon").parent_path() / "lib/units.reckon") == "rulesets/lib/units.reckon");
    if constexpr (fs::path::preferred_separator == '/') {
        CHECK(shown_path("cases//a.yaml") == "cases//a.yaml");  // not generic_string(), which joins the two
        CHECK(shown_path("odd\\name.yaml") == "odd\\name.yaml");  // a character of a name on Linux
    } else {
        CHECK(shown_path("cases\\iom\\a.yaml") == "cases/iom/a.yaml");
        CHECK(shown_path("Z:\\work\\a.yaml") == "Z:/work/a.yaml");
    }
}
