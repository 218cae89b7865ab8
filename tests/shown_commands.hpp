// A document's commands, shown with their output: each "```\n$ reckon …" block is run and what it prints compared,
// whole, or (where the block has "..." lines) each run of lines between them in order. Returns how many were run.
#pragma once

#include "support.hpp"

#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace reckon::testing {

// `arg` maps a word of a command (a file the test makes) to what is run; by default the word itself.
inline int check_shown_commands(const std::string& doc, const std::function<std::string(const std::string&)>& arg = {}) {
    int n = 0;
    for (std::size_t at = 0; (at = doc.find("```\n$ reckon ", at)) != std::string::npos;) {
        std::size_t line_end = doc.find('\n', at + 4);
        std::string command = doc.substr(at + 6, line_end - at - 6);
        std::size_t end = doc.find("```", line_end);
        std::string shown = doc.substr(line_end + 1, end - line_end - 1);
        at = end + 3;
        CAPTURE(command);
        std::vector<std::string> args;
        std::istringstream words(command.substr(7));
        for (std::string w; words >> w;) args.push_back(arg ? arg(w) : w);
        const std::string out = run_reckon(args).out;
        if (shown.find("\n...\n") != std::string::npos || shown.rfind("...\n", 0) == 0) {
            std::size_t from = 0;
            for (std::size_t b = 0; b < shown.size();) {
                std::size_t e = shown.find("...\n", b);
                while (e != std::string::npos && e > 0 && shown[e - 1] != '\n') e = shown.find("...\n", e + 1);
                const std::string piece = shown.substr(b, e == std::string::npos ? std::string::npos : e - b);
                b = e == std::string::npos ? shown.size() : e + 4;
                if (piece.empty()) continue;
                CAPTURE(piece);
                const std::size_t found = out.find(piece, from);
                CHECK(found != std::string::npos);
                if (found != std::string::npos) from = found + piece.size();
            }
        } else {
            CHECK(out == shown);
        }
        ++n;
    }
    return n;
}

}  // namespace reckon::testing
