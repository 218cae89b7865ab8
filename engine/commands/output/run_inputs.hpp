// The files a run reads, by identity (file_identity.hpp: device and inode on POSIX),
// so that no output of the run can be one of them whatever path names it: a
// symbolic link, a hard link, `./x` for `x`.
#pragma once

#include "commands/output/file_identity.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace reckon {

enum class InputKind { ruleset, imported_rules, run_data, scenarios, list_table, case_file, partial };

// How a refusal names it: "the ruleset", "one of the case files", …
std::string input_kind_name(InputKind k);

class RunInputs {
public:
    // A file read by the run; one that cannot be looked up (not there yet) is not kept.
    void add(const std::string& path, InputKind kind);
    void add(const std::vector<std::string>& paths, InputKind kind);
    // What the file at `path` is to the run, if it is one of its inputs.
    std::optional<InputKind> find(const std::string& path) const;

private:
    struct Identity {
        FileIdentity id;
        InputKind kind = InputKind::case_file;
    };
    std::vector<Identity> files_;
};

}  // namespace reckon
