// Helpers shared by the tests: run the real `reckon` binary, read and write files.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace reckon::testing {

struct Run {
    int status = -1;
    std::string out, err;
};

// Runs `reckon ARGS` in `cwd` (the source tree when empty); no shell is involved.
Run run_reckon(const std::vector<std::string>& args, const std::string& cwd = "");
// Runs any program (a path) the same way.
Run run_program(const std::string& program, const std::vector<std::string>& args, const std::string& cwd = "");
// `reckon ARGS` with `input` on its standard input (the language server's messages, say).
Run run_reckon_with_input(const std::vector<std::string>& args, const std::string& input, const std::string& cwd = "");
// The same, sending `signal` to the program `after_ms` milliseconds after it starts.
Run run_program_signalled(const std::string& program, const std::vector<std::string>& args, const std::string& cwd,
                          int after_ms, int signal);

// `reckon batch --format jsonl` read back: each case's outputs by its name, and the cohort's.
struct BatchJson {
    std::map<std::string, nlohmann::json> cases;
    nlohmann::json cohort;
};
BatchJson parse_jsonl(const std::string& jsonl);
// jsonl without the "file" of each case, which names a YAML file, a table or a workbook.
std::string without_files(const std::string& jsonl);
// The last line of an output (with its line break): batch's cohort line in jsonl.
std::string last_line(const std::string& text);

// A figure as shown, in pennies (or units): "£1,234.56" -> 123456, "-£2.00" -> -200, "157" -> 157.
long long pennies(const std::string& text);

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& text);
std::string source_dir();
// A fresh empty folder under the system's temporary folder.
std::string temp_dir();
// A fresh folder with a copy of rulesets/lib: a copy of a ruleset of the repository written in it imports as the
// original does.
std::string ruleset_dir();
// A copy of a ruleset of the repository (its path from the source tree) as NAME in a fresh ruleset_dir(), each
// edit (text, replacement) made in whichever of its files (it, or an imported one) holds the text: the copy's path.
std::string edited_ruleset(const std::string& ruleset, const std::string& name,
                           const std::vector<std::pair<std::string, std::string>>& edits);

}  // namespace reckon::testing
