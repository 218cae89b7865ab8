// Golden diagnostics: tests/golden/<phase>/<name>.reckon must fail with
// exactly the text of <name>.err. With a <name>.yaml beside it, the case is
// evaluated (`reckon eval`); without, the rule file is checked (`reckon check`).
#include "support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;
using namespace reckon::testing;

TEST_CASE("golden diagnostics: full message and position") {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(fs::path(source_dir()) / "tests" / "golden"))
        if (e.path().extension() == ".reckon") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 8);
    for (const auto& f : files) {
        std::string rel = fs::relative(f, source_dir()).string();
        fs::path yaml = fs::path(f).replace_extension(".yaml");
        fs::path err = fs::path(f).replace_extension(".err");
        CAPTURE(rel);
        REQUIRE(fs::exists(err));
        Run r = fs::exists(yaml) ? run_reckon({"eval", rel, fs::relative(yaml, source_dir()).string()})
                                 : run_reckon({"check", rel});
        CHECK(r.status == 1);
        CHECK(r.err == read_file(err.string()));
        CHECK(r.out.empty());
    }
}
