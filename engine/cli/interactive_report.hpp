// `reckon report --interactive` (docs/browser.md): the browser engine found beside reckon, and the page's run
// gathered from the command line: its files where the page's engine finds them, the command it runs again, the
// panel's values, and what the page holds.
#pragma once

#include "cli/batch_run.hpp"
#include "commands/browser/interactive.hpp"

#include <string>
#include <vector>

namespace reckon::cli {

// reckon-engine.js and reckon-engine.wasm.gz from the first folder that has both: $RECKON_WEB_ENGINE, web/ beside
// the program (build/web), ../share/reckon/web from it (where a package would install it; none does yet). None:
// an error that says what to install.
WebEngine load_web_engine(const Limits& limits);

// The page of a run that has been made: `files` are its case files (folders and patterns found), each read again
// (reduced to what the ruleset declares and numbered by row, unless --keep-ids), and `results` say which failed.
InteractivePage interactive_page_of(const Run& run, const BatchArgs& a, const Program& p, const std::vector<Value>& params,
                                    const std::vector<std::string>& files, const BatchResults& results);

}  // namespace reckon::cli
