// The outline and formatting (lsp_server.hpp): the document's declarations as symbols, an enumeration's
// members inside it; and the file formatted as `reckon fmt` formats it, as one edit of the whole text.
#include "lsp/lsp_server.hpp"

#include "commands/fmt/fmt.hpp"
#include "lsp/lsp_declarations.hpp"
#include "lsp/lsp_params.hpp"

namespace reckon::lsp {

Json Server::symbols(const Document& d) {
    Json out = Json::array();
    if (!d.analysis.program) return out;
    for (const auto& decl : declarations_of(*d.analysis.program)) {
        if (decl.where.file != d.source.get()) continue;
        const Json range = range_json(d.text, decl.where.offset, decl.where.offset + decl.where.length);
        Json s{{"name", decl.name}, {"detail", decl.signature}, {"kind", symbol_kind(decl.kind)}, {"range", range}, {"selectionRange", range}};
        if (decl.kind == DeclarationKind::member && !out.empty() && out.back()["kind"] == symbol_kind(DeclarationKind::enumeration)) {
            s["name"] = decl.name.substr(decl.name.find('.') + 1);
            out.back()["children"].push_back(std::move(s));
            continue;
        }
        out.push_back(std::move(s));
    }
    return out;
}

Json Server::formatting(const Document& d) {
    std::string formatted;
    try {
        formatted = format_rules(d.source, limits_);
    } catch (const CompileError& e) {
        throw Refused(ErrorCode::request_failed, "the file does not parse, so it is not formatted: " + rendered_first(e.diagnostics()));
    }
    if (formatted == d.text) return Json::array();
    return Json::array({{{"range", range_json(d.text, 0, d.text.size())}, {"newText", formatted}}});
}

}  // namespace reckon::lsp
