// `reckon playground --out FILE.html` (docs/browser.md#the-playground): an author's page, offline and one file,
// with reckon's browser engine in it. A ruleset and a case (or a case table, a workbook) are opened from the disk,
// dropped on the page or typed; the ruleset is checked as it is typed (check's own diagnostics, at their lines),
// the case evaluated, a figure explained, and either saved back to the disk.
#pragma once

#include "commands/browser/browser_page.hpp"

#include <string>
#include <vector>

namespace reckon {

// A file the page opens with: its name (a path under the page's folder, as the rule files import it) and text.
struct PlaygroundFile {
    std::string name, text;
};

struct PlaygroundPage {
    std::string reckon_version;
    std::vector<PlaygroundFile> library;  // the rule files the ruleset imports, put beside it
    PlaygroundFile ruleset, kase;         // in the editors as the page opens (empty: a first example)
};

std::string playground_html(const PlaygroundPage& page, const WebEngine& engine);

}  // namespace reckon
