// The compiled evaluator (engine/core/eval/compiled_*.cpp) against the tree-walking one (eval.cpp). The contract: for
// any program and case, the compiled code gives the tree's outputs, value for value and kind for kind, or the
// tree's error, with the same place, message and notes; and it counts steps and depth node for node as the tree
// does, so that under any step or depth limit both stop at the same node, or both finish.
#include "../support.hpp"

#include "commands/batch/partial.hpp"
#include "core/compile/compile.hpp"
#include "core/eval/eval.hpp"
#include "core/eval/fold_constants.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace reckon;

namespace {

namespace fs = std::filesystem;

// Every output exactly (kind and value), or the error, rendered.
std::string outcome(const Program& p, const std::vector<Value>& params, const Case& c, const RunConstants& k) {
    try {
        std::string out;
        const CaseResult r = evaluate_outputs(p, params, c, nullptr, &k);
        for (std::size_t i = 0; i < r.outputs.size(); ++i)
            out += std::to_string(static_cast<int>(r.outputs[i].kind)) + " " + value_json(r.outputs[i]).dump() + "\n";
        return out;
    } catch (const EvalError& e) {
        return "error: " + render(e.diagnostic());
    } catch (const std::exception& e) {  // a requirement not met by the case
        return std::string("error: ") + e.what();
    }
}

// The case by the compiled code and by the tree (each with the run's constants folded, so that both count the
// same nodes): the two outcomes. With steps or depth, the case is evaluated under that limit (the params and the
// run's constants under the program's).
std::pair<std::string, std::string> both(Program& p, const Case& c, std::uint64_t steps = 0, std::uint64_t depth = 0) {
    const std::vector<Value> params = bind_params(p, command_line_overrides(p));
    RunConstants compiled = run_constants(p, params);
    REQUIRE(compiled.code);
    RunConstants tree = compiled;
    tree.code = nullptr;
    const Limits limits = p.limits;
    if (steps) p.limits.steps = steps;
    if (depth) p.limits.depth = depth;
    std::pair<std::string, std::string> out{outcome(p, params, c, compiled), outcome(p, params, c, tree)};
    p.limits = limits;
    return out;
}

std::shared_ptr<Program> program(const std::string& body) {
    const std::string prelude = "unit minute\nunit hour = 60 minute\nunit day = 24 hour\nunit week = 7 day\nunit year\ncurrency GBP \"£\"\n";
    return compile(std::make_shared<SourceFile>("t.reckon", prelude + body));
}

Case case_of(const Program& p, const std::string& yaml) { return load_case(p, std::make_shared<SourceFile>("c.yaml", yaml)); }

}  // namespace

TEST_CASE("compiled: every kind of formula gives the tree's values and kinds") {
    auto p = program(R"(type Level = one of low, high
type Item = {name: text, hours: hour, level: Level}
input items: list of Item
input start: date
input end: date
input rate: GBP/hour
input note: text = "none"
input bonus: optional GBP
input flag: bool
param band = 8 hour
fn charge(h: hour) -> GBP = let bands = max(1, ceil(floor(h in hour) / band)) in £10 + £5 * (bands - 1)
fn level_of(i: Item) -> Level = i.level
output total: GBP = sum(charge(i.hours) for i in items)
output high_hours: hour = sum(i.hours for i in items where i.level == Level.high)
output counted: number = count(i in items where i.hours > 1 hour and not (i.name == "skip"))
output least: hour = min(i.hours for i in items)
output most: hour = max(i.hours for i in items where i.level != Level.low)
output days: day = end - start
output later: date = max(start, end)
output neg: GBP = -rate * 2 hour + abs(-(rate * 1 hour))
output rounded: GBP = round(rate * 7 minute, £0.01) + round(rate / 3 * 1 hour, £1, down)
output chosen: GBP = if flag then rate * 1 hour else (if note == "none" then £0 else £1)
output has_bonus: bool = bonus is given or note != "none"
output bonus_or: GBP = bonus otherwise £3
output levels: number = count(i in items where level_of(i) == Level.low)
output named: text = if flag then note else "off"
output lvl: Level = if rate > £10/hour then Level.high else Level.low
output picked: GBP = min(rate * 1 hour, £100, max(£1, rate * 30 minute))
)");
    for (const std::string yaml : {
             "items:\n  - {name: a, hours: 2.5, level: low}\n  - {name: skip, hours: 9, level: high}\n  - {name: b, hours: 17.25, level: high}\n"
             "start: 2024-01-01\nend: 2024-03-01\nrate: 12.34\nflag: true\n",
             "items:\n  - {name: a, hours: 0.5, level: high}\nstart: 2024-05-01\nend: 2024-03-01\nrate: 7\nnote: x\nbonus: 4\nflag: false\n"}) {
        const Case c = case_of(*p, yaml);
        const auto [compiled, tree] = both(*p, c);
        CHECK(compiled.find("error") == std::string::npos);
        CHECK(compiled == tree);
    }
    // least over nothing, in the compiled code, is the tree's error
    const Case empty = case_of(*p, "items: []\nstart: 2024-01-01\nend: 2024-03-01\nrate: 1\nflag: true\n");
    const auto [compiled, tree] = both(*p, empty);
    CHECK(compiled.find("error: t.reckon:") == 0);
    CHECK(compiled.find("min() of an empty list has no value") != std::string::npos);
    CHECK(compiled == tree);
}

TEST_CASE("compiled: division by zero and the digits limit are the tree's errors, with the chain of rules and calls") {
    auto p = program(R"(input n: number
input d: number
fn ratio(a: number, b: number) -> number = a / b
output r: number = ratio(n, d) + 1
output big: number = n * n * n * n * n * n * n * n * n * n * n * n * n * n * n * n * n * n * n * n * n * n * n * n
)");
    for (const std::string yaml : {"n: 3\nd: 0\n", "n: 99999999999\nd: 7\n", "n: 2\nd: 3\n"}) {
        const auto [compiled, tree] = both(*p, case_of(*p, yaml));
        CHECK(compiled == tree);
    }
    const auto [compiled, tree] = both(*p, case_of(*p, "n: 3\nd: 0\n"));
    CHECK(compiled == "error: t.reckon:9:46: error: division by zero\n  fn ratio(a: number, b: number) -> number = a / b\n"
                      "                                               ^\n  note: in function 'ratio' called at t.reckon:10:20\n"
                      "  note: while evaluating output 'r' (t.reckon:10:8)\n");
}

TEST_CASE("compiled: under every step limit and depth limit, both stop at the same node or both finish (methodology A)") {
    auto p = compile(testing::source_dir() + "/rulesets/sussex-complex-client.reckon");
    const Case c = load_case_file(*p, testing::source_dir() + "/cases/sussex/complex-client-2010-11.yaml");
    int finished = 0, stopped = 0;
    for (std::uint64_t s = 1; s <= 400; ++s) {
        const auto [compiled, tree] = both(*p, c, s);
        CHECK_MESSAGE(compiled == tree, "steps=" << s);
        (compiled.rfind("error", 0) == 0 ? stopped : finished) += 1;
    }
    CHECK(stopped > 100);  // the limit bites in the sweep, and is passed in it
    CHECK(finished > 100);
    stopped = finished = 0;
    for (std::uint64_t d = 1; d <= 12; ++d) {
        const auto [compiled, tree] = both(*p, c, 0, d);
        CHECK_MESSAGE(compiled == tree, "depth=" << d);
        (compiled.rfind("error", 0) == 0 ? stopped : finished) += 1;
    }
    CHECK(stopped > 0);
    CHECK(finished > 0);
}

TEST_CASE("compiled: the methodologies' cases, and every golden evaluation, give the tree's outcome") {
    const std::string root = testing::source_dir();
    std::vector<std::pair<std::string, std::string>> runs;  // ruleset, case file
    for (const auto& e : fs::directory_iterator(root + "/cases/sussex"))
        if (e.path().extension() == ".yaml") runs.emplace_back("rulesets/sussex-complex-client.reckon", e.path().string());
    for (const auto& e : fs::directory_iterator(root + "/cases/iom"))
        runs.emplace_back("rulesets/iom-annual-report.reckon", e.path().string());
    for (const auto& e : fs::directory_iterator(root + "/tests/golden/eval"))
        if (e.path().extension() == ".reckon") runs.emplace_back(e.path().string(), fs::path(e.path()).replace_extension(".yaml").string());
    REQUIRE(runs.size() > 30);
    int errors = 0;
    for (const auto& [ruleset, file] : runs) {
        auto p = compile(ruleset[0] == '/' ? ruleset : root + "/" + ruleset);
        const auto [compiled, tree] = both(*p, load_case_file(*p, file));
        CHECK_MESSAGE(compiled == tree, file);
        errors += compiled.rfind("error", 0) == 0;
    }
    CHECK(errors >= 4);  // the golden evaluations fail, as they should
}
