// `reckon test PATH…`: the test blocks of the rule files found under the
// paths run, each failure shown, then the tally; exit 1 if any failed or no
// rule file was found. With --coverage, what the tests exercised and what they
// never did (text, JSON or an HTML page, to stdout or --out), and with
// --require-coverage N%, exit 1 when a file's tests exercise less.
#include "cli/choice_option.hpp"
#include "cli/commands.hpp"

#include "cli/exit_status.hpp"
#include "commands/output/output_file.hpp"
#include "commands/tests/coverage.hpp"
#include "commands/tests/rule_tests.hpp"
#include "core/program/settings.hpp"

#include <iostream>
#include <memory>

namespace reckon::cli {

namespace {

struct TestArgs {
    std::vector<std::string> paths;
    bool coverage = false;
    CoverageFormat format = CoverageFormat::text;
    bool format_given = false;
    std::string out, require;
};

std::string coverage_written(const std::vector<FileCoverage>& files, CoverageFormat format) {
    switch (format) {
        case CoverageFormat::text: return coverage_text(files);
        case CoverageFormat::json: return coverage_json(files);
        case CoverageFormat::html: return coverage_html(files);
    }
    return "";
}

int cmd_test(const Run& run, const TestArgs& a) {
    const bool coverage = a.coverage || !a.require.empty();
    if (!coverage && (a.format_given || !a.out.empty()))
        throw RequestError(std::string(a.format_given ? "--format" : "--out") + " is for --coverage: give --coverage too");
    std::optional<Percent> least;
    if (!a.require.empty() && !(least = read_percent(a.require)))
        throw RequestError("--require-coverage " + a.require + ": expected a share from 0% to 100%, as in --require-coverage 90%");
    auto files = find_rule_files(a.paths);
    RunInputs inputs;
    inputs.add(files, InputKind::ruleset);
    std::optional<OutputFile> file;
    if (!a.out.empty()) file.emplace(a.out, "--out", inputs);
    std::vector<FileCoverage> covered;
    // JSON or a page on stdout is the document alone: the tests' lines then go to stderr
    std::ostream& lines = coverage && a.format != CoverageFormat::text && !file ? std::cerr : std::cout;
    TestTally t = run_tests(files, run.limits, lines, coverage ? &covered : nullptr);
    if (files.empty()) lines << "no rule files (*.reckon) found\n";
    lines << t.passed << " passed, " << t.failed << " failed\n";
    std::string below;
    if (coverage) {
        const std::string report = coverage_written(covered, a.format);
        if (file) {
            file->stream() << report;
            file->commit();
        } else {
            std::cout << report;
        }
        if (least) below = coverage_below(covered, *least);
        std::cerr << below;
    }
    return t.failed == 0 && !files.empty() && below.empty() ? ok : bad_input;
}

}  // namespace

void add_test(CLI::App& app, Run&, Command& chosen) {
    auto a = std::make_shared<TestArgs>();
    auto* test = app.add_subcommand("test", "Run the test blocks of the rule files found under PATHs");
    test->add_option("PATH", a->paths, "rule files or folders (searched for *.reckon)")->required()->check(CLI::ExistingPath);
    test->add_flag("--coverage", a->coverage,
                   "say which rules, params, table rows (bands among them) and branches of each if the tests exercised, and which "
                   "they never did, each at its file and line");
    add_choice(*test, "--format", a->format,
               Choices<CoverageFormat>{{"text", CoverageFormat::text}, {"json", CoverageFormat::json}, {"html", CoverageFormat::html}},
               "the coverage as text (default), JSON or an HTML page in the look of doc")
        ->each([a](const std::string&) { a->format_given = true; });
    test->add_option("--out", a->out, "FILE: the coverage written there (atomically), not to stdout");
    test->add_option("--require-coverage", a->require,
                     "N%: exit 1, saying which, when a rule file's tests exercise less than N% of what --coverage counts (implies --coverage)");
    test->callback([&chosen, a] { chosen = [a](const Run& run) { return cmd_test(run, *a); }; });
}

}  // namespace reckon::cli
