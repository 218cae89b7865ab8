#include "cli/revision.hpp"

#include "cli/run_git.hpp"
#include "core/base/shown_path.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace reckon::cli {
namespace fs = std::filesystem;

namespace {
// A new folder of its own under the system's temporary folder.
std::string make_temp_folder() {
    std::random_device seed;
    for (int attempt = 0; attempt < 100; ++attempt) {
        fs::path p = fs::temp_directory_path() / ("reckon-rev-" + std::to_string(seed()));
        std::error_code ec;
        if (fs::create_directory(p, ec)) return shown_path(p);
    }
    throw std::runtime_error("cannot make a temporary folder");
}
}  // namespace

Checkout::~Checkout() {
    std::error_code ec;
    if (!folder.empty()) fs::remove_all(folder, ec);
}

void checkout_revision(const std::string& rev, const std::string& path, Checkout& out) {
    out.folder = make_temp_folder();
    fs::path entry = fs::path(path).lexically_normal();
    fs::path dir = entry.parent_path();
    // the entry file, and every rule file beside or below it, as at `rev`
    std::istringstream listing(run_git({"ls-tree", "-r", "--name-only", rev, "--", shown_path(dir.empty() ? fs::path(".") : dir) + "/"}));
    std::vector<std::string> files;
    for (std::string f; std::getline(listing, f);)
        if (fs::path(f).extension() == ".reckon") files.push_back(f);
    if (std::find(files.begin(), files.end(), shown_path(entry)) == files.end()) files.push_back(shown_path(entry));
    for (const auto& f : files) {
        std::string text = run_git({"show", rev + ":./" + f});
        fs::path target = fs::path(out.folder) / f;
        fs::create_directories(target.parent_path());
        std::ofstream(target, std::ios::binary) << text;
    }
    out.entry = shown_path(fs::path(out.folder) / entry);
}

}  // namespace reckon::cli
