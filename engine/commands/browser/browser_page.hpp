// What every page with reckon's browser engine shares (docs/browser.md): the engine as tools/web-engine writes it,
// the head that forbids every connection, and the scripts at the end of the body: the engine (the module's script
// and the program, gzipped, in base64), the glue that runs it as the command line runs (browser_engine.js), and the
// page's own script. The interactive report (interactive.hpp) and the playground (playground.hpp) are such pages.
#pragma once

#include <string>

namespace reckon {

// The browser engine as tools/web-engine writes it: the module's script, and the program gzipped.
struct WebEngine {
    std::string module_js, wasm_gz;
};

// The scripts CMake puts into the program from the .js files of this folder.
enum class PageScript { interactive, playground };

// From <!DOCTYPE html> to <body>: the Content-Security-Policy (no connection of any kind; the inline scripts and the
// engine's WebAssembly run, nothing else loads), the title, and the page's own style.
std::string browser_page_head(const std::string& title, const std::string& reckon_version, const std::string& style);

// The scripts, then </body></html>: `data` (JSON, for the page's script, as #reckon-bundle), the engine, the glue
// and the page's script.
std::string browser_page_end(const std::string& data_json, const WebEngine& engine, PageScript script);

// Bytes as base64, for a file in a page.
std::string base64(const std::string& bytes);
// Whether bytes are UTF-8 text with no NUL, which a page carries as text rather than in base64.
bool utf8_text(const std::string& bytes);

}  // namespace reckon
