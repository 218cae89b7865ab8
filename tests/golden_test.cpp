// Golden diagnostics: each <name>.err in tests/golden/<phase>/ and in
// tests/adversarial/ is the exact text reckon must print on stderr, with exit
// status 1 and nothing on stdout. The rule file is <name>.reckon, or the
// repository ruleset named in <name>.ruleset; with a <name>.yaml beside it the
// case is evaluated (`reckon eval`), without, the rule file is checked
// (`reckon check`). <name>.args holds extra arguments, one a line, put before
// the command (such as --limit steps=100).
#include "support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

namespace fs = std::filesystem;
using namespace reckon::testing;

namespace {
std::size_t run_golden(const std::string& folder) {
    std::vector<fs::path> cases;
    for (const auto& e : fs::recursive_directory_iterator(fs::path(source_dir()) / folder))
        if (e.path().extension() == ".err") cases.push_back(e.path());
    std::sort(cases.begin(), cases.end());
    for (const auto& err : cases) {
        auto beside = [&](const char* ext) { return fs::path(err).replace_extension(ext); };
        auto rel = [](const fs::path& p) { return fs::relative(p, source_dir()).string(); };
        CAPTURE(rel(err));
        std::string rules = fs::exists(beside(".ruleset")) ? read_file(beside(".ruleset").string()) : rel(beside(".reckon"));
        rules.erase(rules.find_last_not_of("\n") + 1);
        std::vector<std::string> args;
        if (fs::exists(beside(".args"))) {
            std::istringstream in(read_file(beside(".args").string()));
            for (std::string a; std::getline(in, a);) args.push_back(a);
        }
        if (fs::exists(beside(".yaml"))) args.insert(args.end(), {"eval", rules, rel(beside(".yaml"))});
        else args.insert(args.end(), {"check", rules});
        Run r = run_reckon(args);
        CHECK(r.status == 1);
        CHECK(r.err == read_file(err.string()));
        CHECK(r.out.empty());
    }
    return cases.size();
}
}  // namespace

TEST_CASE("golden diagnostics: full message and position") { CHECK(run_golden("tests/golden") >= 11); }

TEST_CASE("adversarial inputs: each ends in its exact diagnostic") { CHECK(run_golden("tests/adversarial") >= 40); }
