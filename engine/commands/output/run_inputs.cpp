// The run's inputs (run_inputs.hpp), each kept as its device and inode.
#include "commands/output/run_inputs.hpp"

#include <sys/stat.h>

namespace reckon {

std::string input_kind_name(InputKind k) {
    switch (k) {
        case InputKind::ruleset: return "the ruleset";
        case InputKind::imported_rules: return "a rule file the ruleset imports";
        case InputKind::run_data: return "the run data (--run-data)";
        case InputKind::scenarios: return "the scenarios file (--scenarios)";
        case InputKind::list_table: return "one of the --list tables";
        case InputKind::case_file: return "one of the case files";
        case InputKind::partial: return "one of the partial results";
    }
    return "an input";
}

void RunInputs::add(const std::string& path, InputKind kind) {
    struct stat st {};
    if (path.empty() || ::stat(path.c_str(), &st) != 0) return;
    files_.push_back({static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino), kind});
}

void RunInputs::add(const std::vector<std::string>& paths, InputKind kind) {
    for (const auto& p : paths) add(p, kind);
}

std::optional<InputKind> RunInputs::find(const std::string& path) const {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    for (const auto& f : files_)
        if (f.device == static_cast<std::uint64_t>(st.st_dev) && f.inode == static_cast<std::uint64_t>(st.st_ino)) return f.kind;
    return std::nullopt;
}

}  // namespace reckon
