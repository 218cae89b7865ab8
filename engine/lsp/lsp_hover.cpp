// Hover (lsp_server.hpp): what the name under the cursor declares, as the language writes it, with its
// description and where it is declared; a param with its value, as the ruleset and the command line's
// defaults bind it.
#include "lsp/lsp_server.hpp"

#include "commands/explain/explain.hpp"
#include "core/eval/eval.hpp"
#include "lsp/lsp_names.hpp"

namespace reckon::lsp {

Json Server::hover(const Document& d, std::size_t offset) {
    if (!d.analysis.program) return nullptr;
    const auto w = word_at(d.text, offset);
    if (!w) return nullptr;
    const Program& p = *d.analysis.program;
    const auto found = named(declarations_of(p), *w);
    if (found.empty()) return nullptr;
    std::optional<std::vector<Value>> params;
    std::string md;
    for (const auto& decl : found) {
        std::string sig = decl.signature;
        if (decl.kind == DeclarationKind::param && d.analysis.ok) {
            try {
                if (!params) params = bind_params(p, command_line_overrides(p));
                sig += " = " + param_text(p, decl.slot, (*params)[static_cast<std::size_t>(decl.slot)]);
            } catch (const std::exception&) {
                sig += " (no value: a param it uses has none)";
            }
        }
        if (decl.kind == DeclarationKind::run_input) sig += " (from the run data: --run-data FILE)";
        md += (md.empty() ? "" : "\n\n---\n\n") + std::string("```reckon\n") + sig + "\n```";
        if (!decl.about.empty()) md += "\n\n" + decl.about;
        if (decl.where.known()) md += "\n\nDeclared at " + decl.where.str();
    }
    return Json{{"contents", {{"kind", "markdown"}, {"value", md}}}, {"range", range_json(d.text, w->begin, w->end)}};
}

}  // namespace reckon::lsp
