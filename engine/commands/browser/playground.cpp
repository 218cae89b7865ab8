// The playground's page (playground.hpp): the editors, the results, and what its script needs.
#include "commands/browser/playground.hpp"

#include <nlohmann/json.hpp>

namespace reckon {

namespace {

nlohmann::json file_json(const PlaygroundFile& f) { return {{"name", f.name}, {"text", f.text}}; }

constexpr const char* style = R"css(
body { font: 14px/1.4 system-ui, sans-serif; margin: 0 1em 2em; color: #1d2329; }
h1 { font-size: 1.3em; margin: 0.5em 0 0.2em; }
.holds { color: #444; margin: 0 0 0.6em; }
.panes { display: grid; grid-template-columns: 1fr 1fr; gap: 1em; }
.pane h2 { font-size: 1em; margin: 0.4em 0; display: flex; gap: 0.6em; align-items: baseline; flex-wrap: wrap; }
.pane input[type=text] { font: 13px ui-monospace, monospace; width: 16em; }
textarea { width: 100%; height: 22em; font: 13px/1.35 ui-monospace, monospace; box-sizing: border-box; tab-size: 4; }
pre { background: #f5f5f2; border: 1px solid #ddd; padding: 0.5em; overflow: auto; max-height: 30em; font-size: 12.5px; }
#diagnostics.bad { border-color: #c33; color: #900; }
#drop { border: 2px dashed #9ab; border-radius: 6px; padding: 0.5em; text-align: center; color: #456; }
#drop.over { background: #eef6ff; }
.row { display: flex; gap: 0.6em; align-items: baseline; flex-wrap: wrap; margin: 0.4em 0; }
)css";

}  // namespace

std::string playground_html(const PlaygroundPage& page, const WebEngine& engine) {
    nlohmann::json library = nlohmann::json::array();
    for (const auto& f : page.library) library.push_back(file_json(f));
    const nlohmann::json data = {{"library", library}, {"ruleset", file_json(page.ruleset)}, {"case", file_json(page.kase)}};
    return browser_page_head("reckon playground", page.reckon_version, style) +
           "<h1>reckon playground</h1>\n<p class=\"holds\">reckon itself runs in this page, offline: a file you open or "
           "drop here is read in this browser and goes nowhere else. The ruleset is checked as you type; the case is "
           "evaluated against it.</p>\n"
           "<div id=\"drop\">Drop rule files (<code>.reckon</code>) and a case (<code>.yaml</code>, <code>.csv</code>, "
           "<code>.xlsx</code>) here, or <label>open them: <input type=\"file\" id=\"open\" multiple></label></div>\n"
           "<div class=\"panes\">\n<section class=\"pane\"><h2>Ruleset <input type=\"text\" id=\"ruleset-name\" "
           "aria-label=\"the ruleset's file name\"> <button type=\"button\" id=\"save-ruleset\">Save</button></h2>\n"
           "<textarea id=\"ruleset\" spellcheck=\"false\" aria-label=\"the ruleset\"></textarea>\n"
           "<h2>reckon check</h2><pre id=\"diagnostics\" role=\"status\"></pre></section>\n"
           "<section class=\"pane\"><h2>Case <input type=\"text\" id=\"case-name\" aria-label=\"the case's file name\"> "
           "<button type=\"button\" id=\"save-case\">Save</button></h2>\n"
           "<textarea id=\"case\" spellcheck=\"false\" aria-label=\"the case\"></textarea>\n"
           "<h2>reckon eval</h2><pre id=\"results\" role=\"status\"></pre>\n"
           "<div class=\"row\"><label>Explain <input type=\"text\" id=\"explain-name\" placeholder=\"an output's name\">"
           "</label><button type=\"button\" id=\"explain\">Explain</button></div><pre id=\"explanation\"></pre></section>\n"
           "</div>\n" +
           browser_page_end(data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), engine, PageScript::playground);
}

}  // namespace reckon
