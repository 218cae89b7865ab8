// The options several commands share, declared once with their help, in the
// words every command's --help shows; and --param's and --list's values read
// into settings, with the usage error that shows how to write one.
#include "cli/common_options.hpp"

#include "cli/choice_option.hpp"
#include "core/base/file_kind.hpp"


namespace reckon::cli {

void add_ruleset_argument(CLI::App& command, std::string& ruleset, const std::string& help) {
    command.add_option("RULESET", ruleset, help)->required()->check(CLI::ExistingFile);
}

void add_cases_argument(CLI::App& command, std::vector<std::string>& cases) {
    command.add_option("CASES", cases, "case files (YAML; CSV tables or workbooks (*.xlsx) with a case a row), folders (searched for *.yaml, *.yml, *.csv and *.xlsx) or glob patterns")
        ->required();
}

void add_param_option(CLI::App& command, std::vector<std::string>& params, const std::string& more) {
    const std::string param_help = "NAME=VALUE: set a param for this run, written as in the language (--param on_costs=25%), "
                                   "or a table's cell: 'TABLE(KEY).COLUMN=VALUE' ('unit_costs(homicide).fiscal=£200,000'), or a run input of one value "
                                   "(over the run data's); repeatable";
    command.add_option("--param", params, param_help + more);
}

void add_list_option(CLI::App& command, std::vector<std::string>& lists) {
    const std::string list_help = "NAME=FILE: the table of list input NAME for a case table, one row per element, each with "
                                  "the case's identifier (--list offences=offences.csv); a workbook's own sheet NAME is "
                                  "read without it; repeatable";
    command.add_option("--list", lists, list_help);
}

void add_table_options(CLI::App& command, TableOptions& tables) {
    command.add_option("--ignore-column", tables.ignored_columns,
                       "NAME: a column of a case table kept for people (notes, officers' names), left out; repeatable");
    command.add_option("--ignore-sheet", tables.ignored_sheets, "NAME: a sheet of a workbook kept for people, left out; repeatable");
    add_choice(command, "--dates", tables.day_first_dates, Choices<bool>{{"iso", false}, {"day-first", true}},
               "iso (YYYY-MM-DD, the default) or day-first (also DD/MM/YYYY): how a case table writes dates as text (a workbook's date cells are dates either way)");
}

void add_seed_option(CLI::App& command, std::uint64_t& seed, const std::string& help) {
    const std::string most = "18446744073709551615";  // 2^64 - 1
    const CLI::Validator seed_range(
        [most](std::string& s) -> std::string {
            const bool digits = !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
            if (digits && (s.size() < most.size() || (s.size() == most.size() && s <= most))) return "";
            return s + ": expected a whole number from 0 to " + most + ", as in --seed 42";
        },
        "0.." + most);
    command.add_option("--seed", seed, help)->check(seed_range);
}

std::vector<ParamSetting> parse_settings(const std::vector<std::string>& raw, const std::string& option) {
    std::vector<ParamSetting> out;
    for (const auto& s : raw) {
        auto eq = s.find('=');
        if (eq == std::string::npos || eq == 0)
            throw RequestError(option + " " + s + ": expected NAME=VALUE, as in " + option + " on_costs=25%");
        out.push_back({s.substr(0, eq), s.substr(eq + 1)});
    }
    return out;
}

RunInputs inputs_of(const Program& p, const std::string& run_data, const std::string& scenarios, const std::vector<ListFile>& lists,
                    const std::vector<std::string>& cases, InputKind cases_kind) {
    RunInputs inputs;
    for (std::size_t i = 0; i < p.sources.size(); ++i) inputs.add(p.sources[i]->path(), i == 0 ? InputKind::ruleset : InputKind::imported_rules);
    inputs.add(run_data, InputKind::run_data);
    inputs.add(scenarios, InputKind::scenarios);
    for (const auto& l : lists) inputs.add(l.path, InputKind::list_table);
    inputs.add(cases, cases_kind);
    return inputs;
}

std::vector<ListFile> parse_lists(const std::vector<std::string>& raw) {
    std::vector<ListFile> lists;
    for (const auto& l : raw) {
        auto eq = l.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == l.size())
            throw RequestError("--list " + l + ": expected NAME=FILE, as in --list offences=offences.csv");
        std::string path = l.substr(eq + 1);
        if (auto why = not_a_regular_file(path)) throw RequestError("--list " + l + ": " + *why);
        lists.push_back({l.substr(0, eq), path});
    }
    return lists;
}

}  // namespace reckon::cli
