#include "cli/unknown_words.hpp"

#include "cli/usage_errors.hpp"

#include "core/base/nearest_names.hpp"

#include <cctype>
#include <vector>

namespace reckon::cli {

namespace {

// The commands a word may have meant: one it starts with, or that starts with it, for a word of three letters or more
// ("evaluate" and "evall" for eval, "exp" for explain); else those a few edits away ("chek").
std::vector<std::string> commands_near(const std::string& w, const std::vector<std::string>& names) {
    std::vector<std::string> near;
    if (w.size() >= 3)
        for (const auto& n : names)
            if (w.rfind(n, 0) == 0 || n.rfind(w, 0) == 0) near.push_back(n);
    return near.empty() ? nearest_names(w, names) : near;
}

struct Known {
    std::vector<std::string> long_names;   // "--format"
    std::vector<std::string> short_names;  // "-j"
    std::vector<std::string> taking_value;  // of both, those that take the next word as their value
};

void add_options(const CLI::App& app, Known& k) {
    for (const CLI::Option* o : app.get_options()) {
        const bool value = o->get_type_size_max() > 0 && o->get_expected_max() > 0;
        for (const auto& n : o->get_lnames()) {
            k.long_names.push_back("--" + n);
            if (value) k.taking_value.push_back("--" + n);
        }
        for (const auto& n : o->get_snames()) {
            k.short_names.push_back("-" + n);
            if (value) k.taking_value.push_back("-" + n);
        }
    }
}

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

std::string with_hint(std::string message, const std::vector<std::string>& near, const std::string& help) {
    const std::string hint = did_you_mean(near);
    if (!hint.empty()) message += " (" + hint + ")";
    return message + "\n" + help_pointer(help);
}

// An option word that is unknown, the option's name written as given: "--fromat" of "--fromat=json"; "-format",
// a long name written with one dash, whole, where its first letter is no short option ("-j2" is -j with 2);
// nullopt when the option is known.
std::optional<std::string> unknown_option(const std::string& w, const Known& known, const std::string& path) {
    const std::string name = w.substr(0, w.find('='));
    if (w[1] != '-') {
        if (w.size() > 2 && contains(known.long_names, "-" + name))
            return "unknown option '" + name + "' for '" + path + "': a long option is written with two dashes, as '-" + name +
                   "'\n" + help_pointer(path);
        if (contains(known.short_names, w.substr(0, 2))) return std::nullopt;
        return with_hint("unknown option '" + name + "' for '" + path + "'", nearest_names("-" + name, known.long_names), path);
    }
    if (contains(known.long_names, name)) return std::nullopt;
    return with_hint("unknown option '" + name + "' for '" + path + "'", nearest_names(name, known.long_names), path);
}

// The option that takes a value, given none: the last word, or followed by another option.
std::string without_value(const std::string& option, const std::string& path) {
    return "option '" + option + "' of '" + path + "' needs a value after it\n" + help_pointer(path);
}

// The word is an option's name: "--format", "--format=json", "-j", "-j2"; not "-" (standard input) nor "-1".
bool is_option(const std::string& w) {
    return w.size() >= 2 && w[0] == '-' && (w[1] == '-' ? w.size() > 2 : std::isalpha(static_cast<unsigned char>(w[1])) != 0);
}

}  // namespace

std::optional<std::string> unknown_word(const CLI::App& app, int argc, const char* const* argv) {
    const CLI::App* at = &app;
    std::string path = app.get_name();
    Known known;
    add_options(app, known);
    std::string value_of;  // the option whose value is the next word, if any
    for (int i = 1; i < argc; ++i) {
        const std::string w = argv[i];
        if (!value_of.empty() && is_option(w)) return without_value(value_of, path);
        if (w == "--") return std::nullopt;  // what follows is positional
        if (!value_of.empty()) {
            value_of.clear();
            continue;
        }
        if (is_option(w)) {
            if (auto unknown = unknown_option(w, known, path)) return unknown;
            const bool is_long = w[1] == '-';
            const std::string name = is_long ? w.substr(0, w.find('=')) : w.substr(0, 2);
            if (contains(known.taking_value, name) && (is_long ? w.find('=') == std::string::npos : w.size() == 2)) value_of = name;
            continue;
        }
        const auto subs = at->get_subcommands([](const CLI::App*) { return true; });
        if (subs.empty()) continue;  // a positional argument of the command
        std::vector<std::string> names;
        for (const CLI::App* s : subs) names.push_back(s->get_name());
        auto it = std::find(names.begin(), names.end(), w);
        if (it == names.end()) return with_hint("unknown command '" + w + "'", commands_near(w, names), path);
        at = subs[static_cast<std::size_t>(it - names.begin())];
        path += " " + w;
        add_options(*at, known);  // the app's own options fall through to the command's
    }
    if (!value_of.empty()) return without_value(value_of, path);
    return std::nullopt;
}

}  // namespace reckon::cli
