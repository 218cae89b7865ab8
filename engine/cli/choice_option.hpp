// An option whose value is one of a few names (--format table|json, --dates
// iso|day-first), read once into what the name stands for, mostly a member of
// an enum class, which the command then switches over exhaustively.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <utility>
#include <vector>

namespace reckon::cli {

// A name and what it stands for, in the order the usage error lists them.
template <class T>
using Choices = std::vector<std::pair<std::string, T>>;

// The option NAME of `command`, whose value is one of `choices`' names: CLI11 checks the name as written against
// them (a name not among them is a usage error that lists them, with the nearest: "--format: 'jsn' is not one of
// table, json (did you mean 'json'?)"), and the option's
// callback sets `value` to what it stands for. `value` keeps its default when the option is not given.
// The check that a value is one of `names`; its description in --help "{table,json}".
CLI::Validator one_of(const std::vector<std::string>& names);

template <class T>
CLI::Option* add_choice(CLI::App& command, const std::string& name, T& value, const Choices<T>& choices, const std::string& help) {
    auto chosen = [&value, choices](const std::string& written) {
        for (const auto& [n, v] : choices)
            if (n == written) value = v;
    };
    std::vector<std::string> names;
    for (const auto& c : choices) names.push_back(c.first);
    return command.add_option_function<std::string>(name, chosen, help)->check(one_of(names));
}

}  // namespace reckon::cli
