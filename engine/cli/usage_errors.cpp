#include "cli/usage_errors.hpp"

#include <vector>

namespace reckon::cli {

namespace {

// The command the parser had reached: the deepest subcommand chosen.
const CLI::App* command_reached(const CLI::App& app, std::string& path) {
    const CLI::App* at = &app;
    path = app.get_name();
    for (auto chosen = at->get_subcommands(); !chosen.empty(); chosen = at->get_subcommands()) {
        at = chosen.back();
        path += " " + at->get_name();
    }
    return at;
}

std::string quoted_list(const std::vector<std::string>& words) {
    std::string s;
    for (const auto& w : words) s += (s.empty() ? "'" : ", '") + w + "'";
    return s;
}

// "RULESET is required by 'reckon eval': the ruleset's entry file (*.reckon)", for the first required
// option or argument not given; "'reckon' needs a command" when it is the command that is missing.
std::string missing(const CLI::App& at, const std::string& path) {
    for (const CLI::Option* o : at.get_options())
        if (o->get_required() && o->count() == 0)
            return o->get_name() + " is required by '" + path + "': " + o->get_description();
    return "'" + path + "' needs a command";
}

// "'reckon explain' needs CASE OUTPUT, at least 2 values (1 given): ...": a command's arguments that take several
// values, too few given.
std::string too_few(const CLI::App& at, const std::string& path, const std::string& fallback) {
    for (const CLI::Option* o : at.get_options())
        if (o->get_positional() && o->count() < static_cast<std::size_t>(o->get_items_expected_min()))
            return "'" + path + "' needs " + o->get_name() + ", at least " + std::to_string(o->get_items_expected_min()) + " values (" +
                   std::to_string(o->count()) + " given): " + o->get_description();
    return fallback;
}

// "too many arguments for 'reckon check', which takes RULESET: not expected 'extra'"; the words left over are
// held by the app (a command's own fall through to it), in the order written.
std::string left_over(const CLI::App& app, const CLI::App& at, const std::string& path) {
    std::string takes;
    for (const CLI::Option* o : at.get_options())
        if (o->get_positional()) takes += (takes.empty() ? "" : " ") + o->get_name();
    return "too many arguments for '" + path + "'" + (takes.empty() ? ", which takes none" : ", which takes " + takes) +
           ": not expected " + quoted_list(app.remaining(true));
}

}  // namespace

std::string help_pointer(const std::string& path) { return "Run '" + path + " --help' for what it has."; }

std::string usage_error(const CLI::App& app, const CLI::ParseError& e) {
    std::string path;
    const CLI::App* at = command_reached(app, path);
    std::string message = e.what();
    if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) message = missing(*at, path);
    else if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr) message = too_few(*at, path, message);
    else if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr && !app.remaining(true).empty())
        message = left_over(app, *at, path);
    return message + "\n" + help_pointer(path);
}

}  // namespace reckon::cli
