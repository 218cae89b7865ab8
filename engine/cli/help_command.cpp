// `reckon help [COMMAND]`: what `reckon --help` and `reckon COMMAND --help`
// print, to stdout, exit status 0; a command reckon does not have is answered
// with the nearest it has, as an unknown command is.
#include "cli/commands.hpp"

#include "cli/exit_status.hpp"
#include "cli/usage_errors.hpp"
#include "core/base/nearest_names.hpp"
#include "core/program/settings.hpp"

#include <iostream>
#include <memory>

namespace reckon::cli {

namespace {

int cmd_help(const CLI::App& app, const std::string& command) {
    if (command.empty()) {
        std::cout << app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal);
        return ok;
    }
    std::vector<std::string> names;
    for (const CLI::App* s : app.get_subcommands([](const CLI::App*) { return true; })) {
        if (s->get_name() == command) {
            std::cout << s->help(app.get_name());
            return ok;
        }
        names.push_back(s->get_name());
    }
    std::string message = "unknown command '" + command + "'";
    if (const std::string hint = did_you_mean(nearest_names(command, names)); !hint.empty()) message += " (" + hint + ")";
    throw RequestError(message + "\n" + help_pointer(app.get_name()));
}

}  // namespace

void add_help(CLI::App& app, Run&, Command& chosen) {
    auto command = std::make_shared<std::string>();
    auto* help = app.add_subcommand("help", "Show the help of reckon, or of COMMAND (as --help does)");
    help->add_option("COMMAND", *command, "the command whose options to show");
    help->callback([&app, &chosen, command] { chosen = [&app, command](const Run&) { return cmd_help(app, *command); }; });
}

}  // namespace reckon::cli
