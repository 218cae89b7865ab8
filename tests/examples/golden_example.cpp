// Golden diagnostics: each <name>.err in tests/golden/<phase>/ and in
// tests/adversarial/ is the exact text reckon must print on stderr, with exit
// status 1 and nothing on stdout. The rule file is <name>.reckon, or the
// repository ruleset named in <name>.ruleset; with a <name>.yaml beside it the
// case is evaluated (`reckon eval`), without, the rule file is checked
// (`reckon check`). <name>.args holds extra arguments, one a line, put before
// the command (such as --limit steps=100). <name>.command, when there is one,
// is the command itself, one argument a line (the run data or the scenarios
// file of tests/adversarial/run-data-* and scenarios-*: `batch RULESET CASE
// --run-data FILE`). With a <name>.cases file (case files, one a line, from
// the source tree), the report is made of them (`reckon report RULES CASES…
// --out page.html`): it must refuse before writing the page. Each .err file
// is a ctest entry of its own (reckon_examples).
#include "../support.hpp"
#include "example.hpp"

#include <algorithm>
#include <filesystem>
#include <sstream>

namespace fs = std::filesystem;

namespace reckon::testing {

std::vector<std::string> golden_examples() {
    std::vector<std::string> out;
    for (const char* folder : {"tests/golden", "tests/adversarial"})
        for (const auto& e : fs::recursive_directory_iterator(fs::path(source_dir()) / folder))
            if (e.path().extension() == ".err") out.push_back(fs::relative(e.path(), source_dir()).string());
    std::sort(out.begin(), out.end());
    return out;
}

void run_golden_example(const std::string& name, Verdict& v) {
    const fs::path err = fs::path(source_dir()) / name;
    auto beside = [&](const char* ext) { return fs::path(err).replace_extension(ext); };
    auto rel = [](const fs::path& p) { return fs::relative(p, source_dir()).string(); };
    std::string rules = fs::exists(beside(".ruleset")) ? read_file(beside(".ruleset").string()) : rel(beside(".reckon"));
    rules.erase(rules.find_last_not_of("\n") + 1);
    std::vector<std::string> args;
    auto lines_of = [&](const char* ext) {
        std::istringstream in(read_file(beside(ext).string()));
        for (std::string a; std::getline(in, a);) args.push_back(a);
    };
    if (fs::exists(beside(".args"))) lines_of(".args");
    const std::string page = temp_dir() + "/page.html";
    if (fs::exists(beside(".command"))) {
        lines_of(".command");
    } else if (fs::exists(beside(".cases"))) {
        args.insert(args.end(), {"report", rules});
        lines_of(".cases");
        args.insert(args.end(), {"--out", page});
    } else if (fs::exists(beside(".yaml"))) {
        args.insert(args.end(), {"eval", rules, rel(beside(".yaml"))});
    } else {
        args.insert(args.end(), {"check", rules});
    }
    Run r = run_reckon(args);
    v.expect(!fs::exists(page), "the report was written although it was refused");
    v.expect(r.status == 1, "the exit status is " + std::to_string(r.status) + ", not 1");
    v.same("stderr", read_file(err.string()), r.err);
    v.same("stdout (must be empty)", "", r.out);
}

}  // namespace reckon::testing
