#include "commands/tests/rule_tests.hpp"

#include "commands/tests/cohort_tests.hpp"
#include "commands/tests/coverage.hpp"
#include "commands/tests/expectations.hpp"
#include "data/load_case.hpp"
#include "data/run_data.hpp"
#include "core/base/shown_path.hpp"
#include "core/compile/compile.hpp"
#include "core/eval/eval.hpp"
#include "core/eval/fold_constants.hpp"
#include "commands/present/present.hpp"

#include <optional>
#include <algorithm>
#include <filesystem>
#include <memory>
#include <map>
#include <set>

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

// The tables a test of one case runs with: the program's, but a copy of each that holds a cell the test gives.
struct TestTables {
    std::map<int, std::unique_ptr<TableDef>> changed;
    RunTables tables;
};
TestTables test_tables(const Program& p, const TestDef& t) {
    TestTables out;
    for (const auto& table : p.tables) out.tables.push_back(&table);
    for (const auto& g : t.cell_givens) {
        auto& copy = out.changed[g.cell.table];
        if (!copy) copy = std::make_unique<TableDef>(p.tables[static_cast<std::size_t>(g.cell.table)]);
        set_cell(*copy, g.cell, g.value->value);
        out.tables[static_cast<std::size_t>(g.cell.table)] = copy.get();
    }
    return out;
}

void run_test(const Program& p, const TestDef& t, const std::string& rule_file, std::ostream& out, TestTally& tally,
              CoverageLog* coverage) {
    const std::string case_path = shown_path(fs::path(rule_file).parent_path() / t.case_path);
    Case c;
    try {
        c = load_case_file(p, case_path);
    } catch (const CompileError& e) {
        out << t.where.str() << ": error: test '" << t.name << "': its case file has errors\n" << e.what();
        ++tally.failed;
        return;
    } catch (const std::exception& e) {
        out << t.where.str() << ": error: test '" << t.name << "': cannot read its case file " << case_path << "\n";
        ++tally.failed;
        return;
    }
    Overrides overrides = command_line_overrides(p);  // the run data's, when the test gives it
    for (const auto& [slot, node] : t.givens) overrides[slot] = node.get();
    int ok = 0, bad = 0;
    try {
        const TestTables tables = test_tables(p, t);
        std::vector<Value> params = bind_params(p, overrides, &tables.tables);
        const RunConstants constants = run_constants(p, params);  // the rules run as batch runs them
        Evaluator ev(p, params, c.inputs);
        ev.set_tables(&tables.tables);
        if (t.cell_givens.empty()) ev.set_constants(&constants);  // else what reads a table reads the test's cells
        ev.set_coverage(coverage);
        for (const auto& [slot, node] : t.dated_givens) ev.preset(slot, ev.constant(*node));
        check_requires(p, ev, c);
        for (const auto& x : t.expects) {
            if (expectation_met(p, x, ev.rule(x.rule), ev.constant(*x.expected), "case " + case_path, out)) ++ok;
            else ++bad;
        }
        if (coverage) {
            std::set<int> given;
            for (const auto& o : overrides) given.insert(o.first);
            log_param_formulas(p, ev, given, *coverage);
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

// The program test i runs under: its own, or compiled again with the run data the test gives (the run data's
// values are the run's, as --run-data sets them). Null, said to out, when the run data cannot be read.
std::shared_ptr<Program> with_run_data(const std::shared_ptr<Program>& p, std::size_t i, const std::string& rule_file, const Limits& limits, std::ostream& out,
                                       TestTally& tally) {
    const TestDef& t = p->tests[i];
    if (t.run_data.empty()) return p;
    const std::string data = shown_path(fs::path(rule_file).parent_path() / t.run_data);
    try {
        return compile_run(rule_file, {}, limits, data);
    } catch (const CompileError& e) {
        out << e.what();
    } catch (const std::exception& e) {
        out << t.where.str() << ": error: test '" << t.name << "': " << e.what() << "\n";
    }
    out << "FAIL " << rule_file << ": " << t.name << " (its run data " << data << " cannot be read)\n";
    ++tally.failed;
    return nullptr;
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
        std::optional<CoverageLog> log;  // what the tests of one case reach (a test over cases is the cohort's)
        if (coverage) log.emplace(*p);
        for (std::size_t i = 0; i < p->tests.size(); ++i) {
            std::shared_ptr<Program> run = with_run_data(p, i, f, limits, out, tally);
            if (!run) continue;
            const TestDef& t = run->tests[i];
            if (t.cases.empty()) run_test(*run, t, f, out, tally, log ? &*log : nullptr);
            else run_cohort_test(*run, t, f, out, tally);
        }
        if (coverage) coverage->push_back(coverage_of(f, *p, *log));
    }
    return tally;
}

}  // namespace reckon
