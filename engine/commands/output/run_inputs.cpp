// The run's inputs (run_inputs.hpp), each kept as its identity (file_identity.hpp).
#include "commands/output/run_inputs.hpp"

#include "commands/output/file_identity.hpp"

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
    if (auto id = file_identity(path)) files_.push_back({*id, kind});
}

void RunInputs::add(const std::vector<std::string>& paths, InputKind kind) {
    for (const auto& p : paths) add(p, kind);
}

std::optional<InputKind> RunInputs::find(const std::string& path) const {
    auto id = file_identity(path);
    if (!id) return std::nullopt;
    for (const auto& f : files_)
        if (f.id == *id) return f.kind;
    return std::nullopt;
}

}  // namespace reckon
