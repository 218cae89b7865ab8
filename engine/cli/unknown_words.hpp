// A command or an option that reckon does not have, found before the command
// line is parsed, with the nearest that it has ("did you mean"), as git does:
// `reckon evall` and `reckon eval --fromat json` are told what they meant,
// where the parser alone would take the misspelling for a file. A long option
// written with one dash (`-format`) is told so, not read as `-f`, and an
// option left without its value (the last word, or followed by another
// option) is named.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace reckon::cli {

// The message for the first unknown command or option of argv, or option
// without its value (without "reckon: error: "), or nullopt when every word is known. `app` is the
// whole command line, its subcommands added.
std::optional<std::string> unknown_word(const CLI::App& app, int argc, const char* const* argv);

}  // namespace reckon::cli
