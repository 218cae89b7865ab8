#include "commands/tests/rule_tests.hpp"

#include "commands/tests/coverage.hpp"
#include "data/load_case.hpp"
#include "core/compile/compile.hpp"
#include "core/eval/eval.hpp"
#include "core/eval/fold_constants.hpp"
#include "commands/present/present.hpp"

#include <algorithm>
#include <filesystem>

namespace reckon {
namespace fs = std::filesystem;

std::vector<std::string> find_rule_files(const std::vector<std::string>& paths) {
    std::vector<std::string> files;
    for (const auto& p : paths) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            std::vector<std::string> found = files_in(p, {".reckon"});
            files.insert(files.end(), found.begin(), found.end());
        } else {
            files.push_back(p);
        }
    }
    return files;
}

namespace {

bool same_figure(const Program& p, const RuleDef& r, const Value& actual, const Value& expected) {
    if (actual.kind != expected.kind) return false;
    switch (actual.kind) {
        case Value::Kind::number: {
            // the figure as displayed, against the expected figure exactly
            Number shown = round_to(in_own_unit(p, r, actual), Number(1, boost::multiprecision::pow(Integer(10), static_cast<unsigned>(r.decimals))), RoundMode::half_away);
            return shown == in_own_unit(p, r, expected);
        }
        case Value::Kind::boolean: return actual.b() == expected.b();
        case Value::Kind::text: return *actual.s() == *expected.s();
        case Value::Kind::date:
        case Value::Kind::member: return actual.n() == expected.n();
        case Value::Kind::none: return true;
        case Value::Kind::list: return false;
    }
    return false;
}

std::string exact_text(const Program& p, const RuleDef& r, const Value& v) {
    if (v.kind != Value::Kind::number) return display(p, r, v);
    Number x = in_own_unit(p, r, v);
    if (auto d = exact_decimal(x, 12)) return *d;
    return format_fixed(x, 12) + "...";
}

void run_test(const Program& p, const TestDef& t, const std::string& rule_file, std::ostream& out, TestTally& tally,
              CoverageLog* coverage) {
    fs::path case_path = fs::path(rule_file).parent_path() / t.case_path;
    Case c;
    try {
        c = load_case_file(p, case_path.string());
    } catch (const CompileError& e) {
        out << t.where.str() << ": error: test '" << t.name << "': its case file has errors\n" << e.what();
        ++tally.failed;
        return;
    } catch (const std::exception& e) {
        out << t.where.str() << ": error: test '" << t.name << "': cannot read its case file " << case_path.string() << "\n";
        ++tally.failed;
        return;
    }
    Overrides overrides;
    for (const auto& [slot, node] : t.givens) overrides[slot] = node.get();
    int ok = 0, bad = 0;
    try {
        std::vector<Value> params = bind_params(p, overrides);
        const RunConstants constants = run_constants(p, params);  // the rules run as batch runs them
        Evaluator ev(p, params, c.inputs);
        ev.set_constants(&constants);
        ev.set_coverage(coverage);
        for (const auto& [slot, node] : t.dated_givens) ev.preset(slot, ev.constant(*node));
        check_requires(p, ev, c);
        for (const auto& x : t.expects) {
            const RuleDef& r = p.rules[x.rule];
            Value actual = ev.rule(x.rule);
            if (x.member >= 0) actual = Value(actual.items()->at(static_cast<std::size_t>(x.member)));  // one member's figure
            Value expected = ev.constant(*x.expected);
            if (same_figure(p, r, actual, expected)) {
                ++ok;
                continue;
            }
            ++bad;
            const std::string name = r.name + (x.member >= 0 ? "(" + r.by->written(static_cast<std::size_t>(x.member)) + ")" : "");
            Diagnostic d{x.where, "expectation not met: " + name, {}};
            d.notes.push_back("expected " + display_with_unit(p, r, expected) + ", got " + display_with_unit(p, r, actual) +
                              (actual.kind == Value::Kind::number ? " (exactly " + exact_text(p, r, actual) + ")" : ""));
            d.notes.push_back("case " + case_path.string());
            out << render(d);
        }
    } catch (const EvalError& e) {
        out << render(e.diagnostic());
        ++bad;
    } catch (const CompileError& e) {
        out << e.what();
        ++bad;
    }
    tally.passed += ok;
    tally.failed += bad;
    out << (bad ? "FAIL " : "ok   ") << rule_file << ": " << t.name << " (" << ok << " of " << ok + bad << " expectations met)\n";
}

}  // namespace

TestTally run_tests(const std::vector<std::string>& files, const Limits& limits, std::ostream& out, std::vector<FileCoverage>* coverage) {
    TestTally tally;
    for (const auto& f : files) {
        std::shared_ptr<Program> p;
        try {
            p = compile(f, {}, limits);
        } catch (const CompileError& e) {
            out << e.what();
            out << "FAIL " << f << ": the rule file has errors\n";
            ++tally.failed;
            continue;
        } catch (const std::exception& e) {
            out << e.what() << "\n";
            ++tally.failed;
            continue;
        }
        std::optional<CoverageLog> log;
        if (coverage) log.emplace(*p);
        for (const auto& t : p->tests) run_test(*p, t, f, out, tally, log ? &*log : nullptr);
        if (coverage) coverage->push_back(coverage_of(f, *p, *log));
    }
    return tally;
}

}  // namespace reckon
