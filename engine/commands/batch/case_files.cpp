// The case files a batch is given: files, folders searched for case files, and glob patterns, in the order given.
#include "commands/batch/batch.hpp"

#include "commands/batch/path_pattern.hpp"

#include "core/program/settings.hpp"
#include "data/case_source.hpp"

#include <algorithm>
#include <filesystem>

namespace reckon {
namespace fs = std::filesystem;

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
        } else if (has_wildcard(a)) {
            std::vector<std::string> found;
            for (auto& f : match_path_pattern(a))
                if (!fs::is_directory(f, ec)) found.push_back(std::move(f));
            if (found.empty()) throw RequestError(a + ": no file matches this pattern");
            files.insert(files.end(), found.begin(), found.end());  // sorted
        } else {
            throw RequestError(a + ": no such file or folder");
        }
    }
    return files;
}

}  // namespace reckon
