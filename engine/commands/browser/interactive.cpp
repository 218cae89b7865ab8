// The interactive report's page (interactive.hpp): its shell, the panel's frame, and what the script needs,
// each in an element of its own: the run (JSON), the engine (the module's script, and the program gzipped,
// in base64), and the script (interactive_page.js).
#include "commands/browser/interactive.hpp"

#include "commands/present/html.hpp"

#include <nlohmann/json.hpp>

namespace reckon {

namespace {

nlohmann::json panel_json(const std::vector<PanelValue>& values) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& v : values) {
        nlohmann::json j = {{"name", v.name}, {"value", v.value}, {"unit", v.unit}, {"source", v.source}};
        if (!v.low.empty()) j["low"] = v.low, j["high"] = v.high;
        list.push_back(std::move(j));
    }
    return list;
}

// The run, for the script.
std::string bundle_json(const InteractivePage& page) {
    nlohmann::json files = nlohmann::json::array();
    for (const auto& f : page.files) {
        if (utf8_text(f.bytes)) files.push_back({{"at", f.at}, {"text", f.bytes}});
        else files.push_back({{"at", f.at}, {"base64", base64(f.bytes)}});
    }
    nlohmann::json j = {{"files", files},         {"cwd", page.cwd},           {"report", page.report},
                        {"explain", page.explain}, {"explain_options", page.explain_options}, {"settings", page.settings}, {"params", panel_json(page.params)},
                        {"cells", panel_json(page.cells)}, {"epoch", page.epoch}};
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

constexpr const char* panel_style = R"css(
#reckon-panel { font: 14px/1.4 system-ui, sans-serif; border: 1px solid #bbb; border-radius: 6px; padding: 0.6em 1em;
  margin: 0.8em auto; max-width: 60rem; background: #f7f7f4; }
#reckon-panel h2 { font-size: 1.1em; margin: 0.3em 0; }
#reckon-panel .field { display: flex; flex-wrap: wrap; gap: 0.2em 1em; align-items: baseline; margin: 0.25em 0; }
#reckon-panel label { font-family: ui-monospace, monospace; min-width: 16em; }
#reckon-panel input { margin-left: 0.6em; width: 12em; font: inherit; }
#reckon-panel input.changed { background: #fff4c2; }
#reckon-panel input.refused { background: #fde2e2; outline: 2px solid #c33; }
#reckon-panel small { color: #555; }
#reckon-error { color: #a00; white-space: pre-wrap; }
#reckon-report [data-output] { cursor: pointer; }
#reckon-explain { max-width: 90vw; }
#reckon-explain pre { max-height: 70vh; overflow: auto; font-size: 12px; }
@media print { #reckon-panel, #reckon-explain { display: none; } }
)css";

}  // namespace

std::string interactive_html(const InteractivePage& page, const WebEngine& engine) {
    return browser_page_head(page.title, page.reckon_version, panel_style) +
           "<style id=\"reckon-report-style\"></style>\n"
           "<aside id=\"reckon-panel\">\n<p id=\"reckon-holds\"><strong>What this page holds.</strong> " + escape_html(page.holds) +
           "</p>\n<details open>\n<summary><strong>What if?</strong> Change a value and press Enter: every figure below is "
           "computed again in this page, exactly as <code>reckon report --param</code> computes it. A link to this page "
           "with <code>#NAME=VALUE&amp;NAME=VALUE</code> sets values as it opens. Click a figure for how it is worked out."
           "</summary>\n<div id=\"reckon-params\"></div>\n<details id=\"reckon-cells-box\"><summary>Table cells</summary>"
           "<div id=\"reckon-cells\"></div></details>\n<p><button type=\"button\" id=\"reckon-reset\">Reset: the values "
           "the page was made with</button></p>\n</details>\n<p id=\"reckon-status\" role=\"status\">Computing the figures"
           "&hellip;</p>\n<pre id=\"reckon-error\" role=\"alert\" hidden></pre>\n</aside>\n"
           "<div id=\"reckon-report\"><noscript><p>This page computes its figures with a script: open it in a browser "
           "with scripts allowed.</p></noscript></div>\n"
           "<dialog id=\"reckon-explain\"><h2 id=\"reckon-explain-title\"></h2><pre id=\"reckon-explain-text\"></pre>"
           "<button type=\"button\" id=\"reckon-explain-close\">Close</button></dialog>\n" +
           browser_page_end(bundle_json(page), engine, PageScript::interactive);
}

}  // namespace reckon
