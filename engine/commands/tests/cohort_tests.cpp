#include "commands/tests/cohort_tests.hpp"

#include "commands/batch/batch.hpp"
#include "commands/tests/expectations.hpp"
#include "core/base/shown_path.hpp"
#include "core/eval/eval.hpp"

#include <algorithm>
#include <filesystem>
#include <sstream>

namespace reckon {
namespace fs = std::filesystem;

void run_cohort_test(const Program& p, const TestDef& t, const std::string& rule_file, std::ostream& out, TestTally& tally) {
    const fs::path folder = fs::path(rule_file).parent_path();
    std::vector<std::string> paths;
    std::string named;  // the cases as the notes name them
    for (const auto& c : t.cases) {
        paths.push_back(shown_path((folder / c).lexically_normal()));
        named += (named.empty() ? "" : ", ") + paths.back();
    }
    int ok = 0, bad = 0;
    auto report = [&] {
        tally.passed += ok;
        tally.failed += bad;
        out << (bad ? "FAIL " : "ok   ") << rule_file << ": " << t.name << " (" << ok << " of " << ok + bad << " expectations met)\n";
    };
    std::vector<std::string> files;
    try {
        files = find_case_files(paths);
    } catch (const std::exception& e) {
        out << t.where.str() << ": error: test '" << t.name << "': " << e.what() << "\n";
        ++bad;
        return report();
    }
    Overrides overrides = command_line_overrides(p);  // the run data's
    for (const auto& [slot, node] : t.givens) overrides[slot] = node.get();
    std::vector<Value> cohort;
    BatchOptions options;
    options.cohort = &cohort;
    std::ostringstream table, err;
    try {
        const std::vector<Value> params = bind_params(p, overrides);
        const BatchSummary s = run_batch(p, params, files, options, table, err);
        if (s.failed > 0 || s.cohort_failed || cohort.size() != p.cohort_outputs.size()) {
            out << err.str() << t.where.str() << ": error: test '" << t.name << "': "
                << (s.failed > 0 ? std::to_string(s.failed) + " of " + std::to_string(s.cases) + " cases failed" : std::string("the cohort's figures failed"))
                << ", so its figures are not checked\n";
            ++bad;
            return report();
        }
        const std::string what_ran = "cases " + named + " (" + std::to_string(s.cases) + (s.cases == 1 ? " case)" : " cases)");
        Evaluator constants(p, params, std::vector<Value>{});
        for (const auto& x : t.expects) {
            const auto at = std::find(p.cohort_outputs.begin(), p.cohort_outputs.end(), x.rule) - p.cohort_outputs.begin();
            const Value expected = constants.constant(*x.expected);
            if (expectation_met(p, x, cohort.at(static_cast<std::size_t>(at)), expected, what_ran, out)) ++ok;
            else ++bad;
        }
    } catch (const EvalError& e) {
        out << render(e.diagnostic());
        ++bad;
    } catch (const std::exception& e) {
        out << t.where.str() << ": error: test '" << t.name << "': " << e.what() << "\n";
        ++bad;
    }
    report();
}

}  // namespace reckon
