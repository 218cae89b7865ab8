// The options several commands declare alike (the ruleset, the cases, --param,
// --list and how case tables are read), each with its one help text, and the
// reading of the settings they give: NAME=VALUE params, NAME=FILE list tables.
#pragma once

#include "commands/output/run_inputs.hpp"
#include "core/program/program.hpp"
#include "core/program/settings.hpp"
#include "data/case_source.hpp"
#include "data/load_case_table.hpp"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace reckon::cli {

// RULESET: the ruleset's entry file, which must exist.
void add_ruleset_argument(CLI::App& command, std::string& ruleset, const std::string& help = "the ruleset's entry file (*.reckon)");
// CASES as batch and report take them: files, folders, patterns, case tables.
void add_cases_argument(CLI::App& command, std::vector<std::string>& cases);
// --param NAME=VALUE, repeatable; `more` ends its help (as "; the shards' own").
void add_param_option(CLI::App& command, std::vector<std::string>& params, const std::string& more = "");
// --list NAME=FILE, repeatable: the table of a list input of a case table.
void add_list_option(CLI::App& command, std::vector<std::string>& lists);
// --seed S (the seed of the draws, `help` its text): a whole number from 0 to 2^64 - 1, each seed its own
// draws; -1, 2^64 and above are refused rather than wrapped.
void add_seed_option(CLI::App& command, std::uint64_t& seed, const std::string& help);
// --ignore-column, --ignore-sheet and --dates: how a case table is read, into `tables`.
void add_table_options(CLI::App& command, TableOptions& tables);

// NAME=VALUE settings of --param; RequestError when one is not.
// `option`: the option that gave them, as its errors name it.
std::vector<ParamSetting> parse_settings(const std::vector<std::string>& raw, const std::string& option = "--param");

// INPUT=FILE settings of --list, each FILE a file; RequestError when one is not.
std::vector<ListFile> parse_lists(const std::vector<std::string>& raw);

// The files a run reads, for its outputs to refuse: the rule files (the entry file and its imports), the run data,
// the scenarios file, the --list tables, and `cases` (case files, or a merge's partial results: `cases_kind`).
RunInputs inputs_of(const Program& p, const std::string& run_data, const std::string& scenarios, const std::vector<ListFile>& lists,
                    const std::vector<std::string>& cases, InputKind cases_kind);

}  // namespace reckon::cli
