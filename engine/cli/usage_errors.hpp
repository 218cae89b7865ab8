// A command-line error CLI11 found while parsing, said in reckon's words and
// shape: "reckon: error: …", the command it concerns named, and where to
// look ("Run 'reckon eval --help' for what it has."). The words come from
// what the parser holds (the command reached, its options, the words left
// over), not from CLI11's own message text.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace reckon::cli {

// The message for `e`, thrown by `app.parse`, without "reckon: error: ", its
// last line the pointer to the command's --help.
std::string usage_error(const CLI::App& app, const CLI::ParseError& e);

// "Run 'PATH --help' for what it has.", the last line of every usage error.
std::string help_pointer(const std::string& path);

}  // namespace reckon::cli
