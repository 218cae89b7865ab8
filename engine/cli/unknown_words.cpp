#include "cli/unknown_words.hpp"

#include "core/base/nearest_names.hpp"

#include <cctype>
#include <vector>

namespace reckon::cli {

namespace {

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
    return message + "\nRun '" + help + " --help' for what it has.";
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
    bool value_next = false;
    for (int i = 1; i < argc; ++i) {
        const std::string w = argv[i];
        if (w == "--") return std::nullopt;  // what follows is positional
        if (value_next) {
            value_next = false;
            continue;
        }
        if (is_option(w)) {
            const bool is_long = w[1] == '-';
            const std::string name = is_long ? w.substr(0, w.find('=')) : w.substr(0, 2);
            const auto& names = is_long ? known.long_names : known.short_names;
            if (!contains(names, name))
                return with_hint("unknown option '" + name + "' for '" + path + "'", nearest_names(name, known.long_names), path);
            value_next = contains(known.taking_value, name) && (is_long ? w.find('=') == std::string::npos : w.size() == 2);
            continue;
        }
        const auto subs = at->get_subcommands([](const CLI::App*) { return true; });
        if (subs.empty()) continue;  // a positional argument of the command
        std::vector<std::string> names;
        for (const CLI::App* s : subs) names.push_back(s->get_name());
        auto it = std::find(names.begin(), names.end(), w);
        if (it == names.end())
            return with_hint("unknown command '" + w + "'", nearest_names(w, names), path);
        at = subs[static_cast<std::size_t>(it - names.begin())];
        path += " " + w;
        add_options(*at, known);  // the app's own options fall through to the command's
    }
    return std::nullopt;
}

}  // namespace reckon::cli
