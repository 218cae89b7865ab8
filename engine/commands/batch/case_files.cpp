// The case files a batch is given: files, folders searched for case files, and glob patterns, in the order given.
#include "commands/batch/batch.hpp"

#include "core/program/settings.hpp"
#include "data/case_source.hpp"

#include <glob.h>

#include <algorithm>
#include <filesystem>

namespace reckon {
namespace fs = std::filesystem;

namespace {
bool has_glob(const std::string& s) { return s.find_first_of("*?[") != std::string::npos; }
}  // namespace

std::vector<std::string> find_case_files(const std::vector<std::string>& args, const std::vector<std::string>& list_tables) {
    std::vector<std::string> files;
    for (const auto& a : args) {
        std::error_code ec;
        if (fs::is_directory(a, ec)) {
            std::vector<std::string> found;
            for (auto& f : files_in(a, {".yaml", ".yml", ".csv", ".xlsx"}))  // a list table found here is not a case table
                if (std::none_of(list_tables.begin(), list_tables.end(), [&](const std::string& l) { return fs::equivalent(f, l, ec); }))
                    found.push_back(std::move(f));
            if (found.empty()) throw RequestError(a + ": no case files (*.yaml, *.yml, *.csv) in this folder");
            files.insert(files.end(), found.begin(), found.end());
        } else if (fs::exists(a, ec)) {
            files.push_back(a);
        } else if (has_glob(a)) {
            glob_t g{};
            int rc = ::glob(a.c_str(), 0, nullptr, &g);
            std::vector<std::string> found;
            if (rc == 0)
                for (std::size_t i = 0; i < g.gl_pathc; ++i)
                    if (!fs::is_directory(g.gl_pathv[i], ec)) found.push_back(g.gl_pathv[i]);
            globfree(&g);
            if (found.empty()) throw RequestError(a + ": no file matches this pattern");
            files.insert(files.end(), found.begin(), found.end());  // glob() sorts them
        } else {
            throw RequestError(a + ": no such file or folder");
        }
    }
    return files;
}

}  // namespace reckon
