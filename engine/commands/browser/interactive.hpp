// `reckon report --interactive`: the report as a page that recomputes (docs/browser.md). The page holds the
// browser engine (reckon compiled to WebAssembly), the files of the run and the command that made the report;
// its script runs that command again under the params the reader sets, and shows the page it writes. What the
// page holds is said on its first screen.
#pragma once

#include "commands/browser/browser_page.hpp"

#include <string>
#include <vector>

namespace reckon {

// A file of the run, where the page's engine finds it (`at`, an absolute path in its memory): the same relative
// path from the run's folder (`InteractivePage::cwd`) as on the command line, so that the page names it alike.
struct PageFile {
    std::string at;
    std::string bytes;
};

// A value the reader may change: a param (`on_costs`) or a table's cell (`unit_costs(homicide).fiscal`), as
// `--param NAME=VALUE` names and writes it.
struct PanelValue {
    std::string name, value;
    std::string unit, source;
    std::string low, high;  // a param's declared range (`range … to …`), when it has one
};

struct InteractivePage {
    std::string title, reckon_version;
    std::vector<PageFile> files;
    std::string cwd;                       // the run's folder in the engine's memory
    std::vector<std::string> report;       // `report RULESET CASES… [options]`, without --param and --out
    std::vector<std::string> explain;      // `explain RULESET CASES…`, the output's name to follow…
    std::vector<std::string> explain_options;  // …then these (--run-data, --list, …), then --param
    std::vector<std::string> settings;     // the --param settings it was made with, NAME=VALUE
    std::vector<PanelValue> params, cells;
    long long epoch = 0;                   // the run's date (SOURCE_DATE_EPOCH), so the page dates its figures alike
    std::string holds;                     // what data the page holds, in a sentence or two
};

// The page: one self-contained HTML file, no network (its Content-Security-Policy forbids every connection).
std::string interactive_html(const InteractivePage& page, const WebEngine& engine);

}  // namespace reckon
