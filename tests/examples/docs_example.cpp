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
// (`name = text`, or `name[member] = text`), in order. A ```csv NAME block is
// a case table saved as NAME and given to `reckon batch` with the `# file:`
// cases; a ```csv NAME --list INPUT block is the table of a list input, given
// as `--list INPUT=NAME`. A ```check-output block is what `reckon check
// example.reckon` prints; an ```explain-output NAME block is what `reckon
// explain example.reckon case.yaml NAME` prints; a ```sensitivity-output ARGS block is what `reckon sensitivity
// example.reckon case.yaml ARGS` prints (ARGS split at spaces). A ```reckon block whose first line is
// `# file: NAME` is a rule file the next example imports, saved as NAME; it must
// pass `reckon check` on its own, unless the example is a diagnostic. A ```yaml block whose first line is
// `# run data` is the example's run data, saved as run-data.yaml and given to every command that evaluates
// (`--run-data run-data.yaml`). A ```diagnostic after `# file:` yaml blocks is what `reckon report example.reckon
// NAME… --out page.html` prints as it refuses to write the page. Each example is a
// ctest entry of its own (reckon_examples), named by its file and line.
#include "../support.hpp"
#include "example.hpp"

#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>

namespace reckon::testing {

namespace {

const char* const documents[] = {"docs/language.md", "docs/diagnostics.md", "docs/cases.md", "docs/tutorial.md", "docs/tutorial-staff-costs.md",
                                 "docs/uncertainty.md"};

struct Example {
    int line = 0;
    std::string rules, yaml, output, diagnostic, test_output, batch_output, report_figures, check_output, explain_output, explained;
    std::vector<std::pair<std::string, std::string>> sensitivity;  // ARGS, what `reckon sensitivity` prints with them
    std::string ruleset;  // a case of a ruleset in the repository
    std::string run_data;  // a `# run data` yaml block
    std::vector<std::pair<std::string, std::string>> files;  // `# file: NAME` yaml blocks and csv case tables
    std::vector<std::pair<std::string, std::string>> modules;  // `# file: NAME` reckon blocks: rule files it imports
    std::vector<std::pair<std::string, std::string>> lists;  // csv list tables: INPUT=NAME, text
    bool has_output = false, has_diagnostic = false, has_test_output = false, has_batch = false, has_report = false;
    bool has_check = false, has_explain = false;
};

std::vector<Example> examples_in(const std::string& markdown) {
    std::vector<Example> out;
    std::istringstream in(markdown);
    std::string line, lang, body;
    std::vector<std::pair<std::string, std::string>> modules;  // for the next example
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
            if (lang == "reckon" && body.rfind("# file: ", 0) == 0) {
                modules.emplace_back(body.substr(8, body.find('\n') - 8), body);
            } else if (lang == "reckon") {
                out.push_back(Example{});
                out.back().line = start;
                out.back().rules = body;
                out.back().modules = std::move(modules);
                modules.clear();
            } else if (lang == "yaml" && body.rfind("# ruleset: ", 0) == 0) {
                out.push_back(Example{});
                out.back().line = start;
                out.back().ruleset = body.substr(11, body.find('\n') - 11);
                out.back().yaml = body;
            } else if (!out.empty() && lang == "yaml" && body.rfind("# run data", 0) == 0) {
                out.back().run_data = body;
            } else if (!out.empty() && lang == "yaml" && body.rfind("# file: ", 0) == 0) {
                out.back().files.emplace_back(body.substr(8, body.find('\n') - 8), body);
            } else if (!out.empty() && lang == "yaml") {
                out.back().yaml = body;
            } else if (!out.empty() && lang.rfind("csv ", 0) == 0) {
                std::string name = lang.substr(4), input;
                if (auto at = name.find(" --list "); at != std::string::npos) {
                    input = name.substr(at + 8);
                    name = name.substr(0, at);
                    out.back().lists.emplace_back(input + "=" + name, body);
                }
                out.back().files.emplace_back(name, body);
                if (!input.empty()) out.back().files.pop_back();
            } else if (!out.empty() && lang == "batch-output") {
                out.back().batch_output = body;
                out.back().has_batch = true;
            } else if (!out.empty() && lang == "report-figures") {
                out.back().report_figures = body;
                out.back().has_report = true;
            } else if (!out.empty() && lang == "output") {
                out.back().output = body;
                out.back().has_output = true;
            } else if (!out.empty() && lang == "check-output") {
                out.back().check_output = body;
                out.back().has_check = true;
            } else if (!out.empty() && lang.rfind("explain-output ", 0) == 0) {
                out.back().explained = lang.substr(15);
                out.back().explain_output = body;
                out.back().has_explain = true;
            } else if (!out.empty() && lang.rfind("sensitivity-output", 0) == 0) {
                out.back().sensitivity.emplace_back(lang.size() > 19 ? lang.substr(19) : "", body);
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

}  // namespace

std::vector<std::string> docs_examples() {
    std::vector<std::string> out;
    for (const char* doc : documents)
        for (const auto& ex : examples_in(read_file(source_dir() + "/" + doc)))
            out.push_back(std::string(doc) + ":" + std::to_string(ex.line));
    return out;
}

void run_docs_example(const std::string& doc, int line, Verdict& v) {
    auto examples = examples_in(read_file(source_dir() + "/" + doc));
    auto at = std::find_if(examples.begin(), examples.end(), [&](const Example& e) { return e.line == line; });
    if (at == examples.end()) {
        v.expect(false, "no example starts at line " + std::to_string(line) + " of " + doc);
        return;
    }
    const Example& ex = *at;
    std::string dir = temp_dir();
    if (!ex.ruleset.empty()) {
        write_file(dir + "/case.yaml", ex.yaml);
        Run r = run_reckon({"eval", source_dir() + "/" + ex.ruleset, dir + "/case.yaml"});
        if (ex.has_diagnostic) {
            v.expect(r.status == 1, "the exit status is " + std::to_string(r.status) + ", not 1");
            std::string err = r.err;
            for (std::size_t at; (at = err.find(dir + "/")) != std::string::npos;) err.erase(at, dir.size() + 1);
            v.same("the diagnostic", ex.diagnostic, err);
        } else {
            v.expect(r.status == 0, "the case does not evaluate: " + r.err);
        }
        std::filesystem::remove_all(dir);
        return;
    }
    write_file(dir + "/example.reckon", ex.rules);
    for (const auto& [name, text] : ex.modules) {
        write_file(dir + "/" + name, text);
        if (ex.has_diagnostic) continue;
        Run alone = run_reckon({"check", name}, dir);
        v.expect(alone.status == 0, "the imported file " + name + " does not check on its own: " + alone.err);
    }
    if (!ex.yaml.empty()) write_file(dir + "/case.yaml", ex.yaml);
    if (!ex.run_data.empty()) write_file(dir + "/run-data.yaml", ex.run_data);
    // A command that evaluates, with the example's run data when it has one.
    auto evaluating = [&](std::vector<std::string> args) {
        if (!ex.run_data.empty()) args.insert(args.end(), {"--run-data", "run-data.yaml"});
        return run_reckon(args, dir);
    };
    for (const auto& [name, text] : ex.files) write_file(dir + "/" + name, text);
    for (const auto& [setting, text] : ex.lists) write_file(dir + "/" + setting.substr(setting.find('=') + 1), text);
    if (ex.has_batch) {
        std::vector<std::string> args{"batch", "example.reckon"};
        for (const auto& f : ex.files) args.push_back(f.first);
        for (const auto& l : ex.lists) args.insert(args.end(), {"--list", l.first});
        Run r = evaluating(args);
        v.expect(r.status == 0, "reckon batch failed: " + r.err);
        v.same("the batch's output", ex.batch_output, r.out);
    } else if (ex.has_test_output) {
        Run r = run_reckon({"test", "example.reckon"}, dir);
        int want = r.out.find(" 0 failed\n") == std::string::npos ? 1 : 0;
        v.expect(r.status == want, "the exit status is " + std::to_string(r.status) + ", not " + std::to_string(want));
        v.same("the output of reckon test", ex.test_output, r.out);
    } else if (ex.has_diagnostic && !ex.files.empty()) {  // a report over its cases, refused before it is written
        std::vector<std::string> args{"report", "example.reckon"};
        for (const auto& f : ex.files) args.push_back(f.first);
        args.insert(args.end(), {"--out", "page.html"});
        Run r = evaluating(args);
        v.expect(r.status == 1, "the exit status is " + std::to_string(r.status) + ", not 1");
        v.expect(!std::filesystem::exists(dir + "/page.html"), "the report was written although it was refused");
        v.same("the diagnostic", ex.diagnostic, r.err);
    } else if (ex.has_diagnostic) {
        Run r = ex.yaml.empty() ? run_reckon({"check", "example.reckon"}, dir)
                                : evaluating({"eval", "example.reckon", "case.yaml"});
        v.expect(r.status == 1, "the exit status is " + std::to_string(r.status) + ", not 1");
        v.same("the diagnostic", ex.diagnostic, r.err);
    } else if (ex.has_check) {
        Run r = run_reckon({"check", "example.reckon"}, dir);
        v.expect(r.status == 0, "reckon check failed: " + r.err);
        v.same("the output of reckon check", ex.check_output, r.out);
    } else if (ex.has_output) {
        Run r = evaluating({"eval", "example.reckon", "case.yaml"});
        v.expect(r.status == 0, "reckon eval failed: " + r.err);
        v.same("the output of reckon eval", ex.output, r.out);
    } else if (ex.rules.find("\ntest ") != std::string::npos || ex.rules.rfind("test ", 0) == 0) {
        Run r = run_reckon({"test", "example.reckon"}, dir);
        v.expect(r.status == 0 && r.out.find(" 0 failed\n") != std::string::npos, "its tests do not pass: " + r.out);
    } else {
        Run r = run_reckon({"check", "example.reckon"}, dir);
        v.expect(r.status == 0, "reckon check failed: " + r.err);
    }
    if (ex.has_explain) {
        Run r = evaluating({"explain", "example.reckon", "case.yaml", ex.explained});
        v.expect(r.status == 0, "reckon explain failed: " + r.err);
        v.same("the output of reckon explain", ex.explain_output, r.out);
    }
    for (const auto& [args, expected] : ex.sensitivity) {
        std::vector<std::string> all{"sensitivity", "example.reckon", "case.yaml"};
        std::istringstream words(args);
        for (std::string w; words >> w;) all.push_back(w);
        Run r = evaluating(all);
        v.expect(r.status == 0, "reckon sensitivity " + args + " failed: " + r.err);
        v.same("the output of reckon sensitivity " + args, expected, r.out);
    }
    if (ex.has_report) {
        std::vector<std::string> args{"report", "example.reckon"};
        if (!ex.yaml.empty()) args.push_back("case.yaml");
        for (const auto& f : ex.files) args.push_back(f.first);
        args.insert(args.end(), {"--out", "page.html"});
        Run r = evaluating(args);
        v.expect(r.status == 0, "reckon report failed: " + r.err);
        std::string page = read_file(dir + "/page.html"), figures;
        static const std::regex named(R"re(data-output="([a-z_0-9]+)"(?: data-member="([a-z_0-9, ]+)")?>([^<]*)<)re");
        for (auto it = std::sregex_iterator(page.begin(), page.end(), named); it != std::sregex_iterator(); ++it)
            figures += std::string((*it)[1]) + ((*it)[2].matched ? "[" + std::string((*it)[2]) + "]" : "") + " = " +
                       std::string((*it)[3]) + "\n";
        v.same("the figures on the report page", ex.report_figures, figures);
    }
    std::filesystem::remove_all(dir);
}

}  // namespace reckon::testing
