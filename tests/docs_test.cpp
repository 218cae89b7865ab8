// Every example in docs/ is run. In the Markdown, a ```reckon block is an
// example rule file; a ```yaml block after it is its case (case.yaml); a
// ```output block is what `reckon eval` prints for it; a ```diagnostic block
// is what reckon prints on stderr when the example must fail; a
// ```test-output block is what `reckon test example.reckon` prints. An example
// with neither must pass `reckon test` (its own test blocks) or `reckon check`.
// A ```yaml block whose first line is `# file: NAME` is saved as NAME instead
// (several such blocks make a batch), and a ```batch-output block is what
// `reckon batch example.reckon NAME…` prints for them. A ```yaml block whose
// first line is `# ruleset: PATH` is a case of that ruleset of the repository:
// it must evaluate, or give the ```diagnostic that follows it. A
// ```report-figures block lists, a line each, the figures that
// `reckon report example.reckon CASES --out page.html` names on the page
// (`name = text`, or `name[member] = text`), in order.
#include "support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <sstream>

using namespace reckon::testing;

namespace {

struct Example {
    int line = 0;
    std::string rules, yaml, output, diagnostic, test_output, batch_output, report_figures;
    std::string ruleset;  // a case of a ruleset in the repository
    std::vector<std::pair<std::string, std::string>> files;  // `# file: NAME` yaml blocks
    bool has_output = false, has_diagnostic = false, has_test_output = false, has_batch = false, has_report = false;
};

std::vector<Example> examples_in(const std::string& markdown) {
    std::vector<Example> out;
    std::istringstream in(markdown);
    std::string line, lang, body;
    int n = 0, start = 0;
    bool inside = false;
    while (std::getline(in, line)) {
        ++n;
        if (!inside && line.rfind("```", 0) == 0 && line.size() > 3) {
            inside = true;
            lang = line.substr(3);
            body.clear();
            start = n;
        } else if (inside && line == "```") {
            inside = false;
            if (lang == "reckon") {
                out.push_back(Example{});
                out.back().line = start;
                out.back().rules = body;
            } else if (lang == "yaml" && body.rfind("# ruleset: ", 0) == 0) {
                out.push_back(Example{});
                out.back().line = start;
                out.back().ruleset = body.substr(11, body.find('\n') - 11);
                out.back().yaml = body;
            } else if (!out.empty() && lang == "yaml" && body.rfind("# file: ", 0) == 0) {
                out.back().files.emplace_back(body.substr(8, body.find('\n') - 8), body);
            } else if (!out.empty() && lang == "yaml") {
                out.back().yaml = body;
            } else if (!out.empty() && lang == "batch-output") {
                out.back().batch_output = body;
                out.back().has_batch = true;
            } else if (!out.empty() && lang == "report-figures") {
                out.back().report_figures = body;
                out.back().has_report = true;
            } else if (!out.empty() && lang == "output") {
                out.back().output = body;
                out.back().has_output = true;
            } else if (!out.empty() && lang == "test-output") {
                out.back().test_output = body;
                out.back().has_test_output = true;
            } else if (!out.empty() && lang == "diagnostic") {
                out.back().diagnostic = body;
                out.back().has_diagnostic = true;
            }
        } else if (inside) {
            body += line + "\n";
        }
    }
    return out;
}

void run_examples(const std::string& doc) {
    auto examples = examples_in(read_file(source_dir() + "/" + doc));
    REQUIRE(!examples.empty());
    for (const auto& ex : examples) {
        CAPTURE(doc);
        CAPTURE(ex.line);
        std::string dir = temp_dir();
        if (!ex.ruleset.empty()) {
            write_file(dir + "/case.yaml", ex.yaml);
            Run r = run_reckon({"eval", source_dir() + "/" + ex.ruleset, dir + "/case.yaml"});
            if (ex.has_diagnostic) {
                CHECK(r.status == 1);
                std::string err = r.err;
                for (std::size_t at; (at = err.find(dir + "/")) != std::string::npos;) err.erase(at, dir.size() + 1);
                CHECK(err == ex.diagnostic);
            } else {
                CHECK_MESSAGE(r.status == 0, r.err);
            }
            std::filesystem::remove_all(dir);
            continue;
        }
        write_file(dir + "/example.reckon", ex.rules);
        if (!ex.yaml.empty()) write_file(dir + "/case.yaml", ex.yaml);
        for (const auto& [name, text] : ex.files) write_file(dir + "/" + name, text);
        if (ex.has_batch) {
            std::vector<std::string> args{"batch", "example.reckon"};
            for (const auto& f : ex.files) args.push_back(f.first);
            Run r = run_reckon(args, dir);
            CHECK_MESSAGE(r.status == 0, r.err);
            CHECK(r.out == ex.batch_output);
        } else if (ex.has_test_output) {
            Run r = run_reckon({"test", "example.reckon"}, dir);
            CHECK(r.status == (r.out.find(" 0 failed\n") == std::string::npos ? 1 : 0));
            CHECK(r.out == ex.test_output);
        } else if (ex.has_diagnostic) {
            Run r = ex.yaml.empty() ? run_reckon({"check", "example.reckon"}, dir)
                                    : run_reckon({"eval", "example.reckon", "case.yaml"}, dir);
            CHECK(r.status == 1);
            CHECK(r.err == ex.diagnostic);
        } else if (ex.has_output) {
            Run r = run_reckon({"eval", "example.reckon", "case.yaml"}, dir);
            CHECK_MESSAGE(r.status == 0, r.err);
            CHECK(r.out == ex.output);
        } else if (ex.rules.find("\ntest ") != std::string::npos || ex.rules.rfind("test ", 0) == 0) {
            Run r = run_reckon({"test", "example.reckon"}, dir);
            CHECK_MESSAGE(r.status == 0, r.out);
            CHECK(r.out.find(" 0 failed\n") != std::string::npos);
        } else {
            Run r = run_reckon({"check", "example.reckon"}, dir);
            CHECK_MESSAGE(r.status == 0, r.err);
        }
        if (ex.has_report) {
            std::vector<std::string> args{"report", "example.reckon"};
            if (!ex.yaml.empty()) args.push_back("case.yaml");
            for (const auto& f : ex.files) args.push_back(f.first);
            args.insert(args.end(), {"--out", "page.html"});
            Run r = run_reckon(args, dir);
            CHECK_MESSAGE(r.status == 0, r.err);
            std::string page = read_file(dir + "/page.html"), figures;
            static const std::regex named(R"re(data-output="([a-z_0-9]+)"(?: data-member="([a-z_0-9]+)")?>([^<]*)<)re");
            for (auto it = std::sregex_iterator(page.begin(), page.end(), named); it != std::sregex_iterator(); ++it)
                figures += std::string((*it)[1]) + ((*it)[2].matched ? "[" + std::string((*it)[2]) + "]" : "") + " = " +
                           std::string((*it)[3]) + "\n";
            CHECK(figures == ex.report_figures);
        }
        std::filesystem::remove_all(dir);
    }
}

}  // namespace

TEST_CASE("docs/language.md: every example runs as written") { run_examples("docs/language.md"); }
TEST_CASE("docs/diagnostics.md: every diagnostic is produced as written") { run_examples("docs/diagnostics.md"); }
TEST_CASE("docs/cases.md: every case example is read as written") { run_examples("docs/cases.md"); }
