// The language server's diagnostics (lsp_server.hpp): each version of a document analysed by the engine,
// as `reckon check` checks it, and what the analysis found published for each file it is in (a problem
// in an imported file is that file's), with the files that had some before and have none now cleared.
#include "lsp/lsp_server.hpp"

namespace reckon::lsp {

void Server::analyse(Document& d) {
    d.worked.reset();
    d.source = std::make_shared<SourceFile>(d.path, d.text);
    d.analysis = Analysis{};
    if (d.text.size() > limits_.file_size) {
        d.analysis.diagnostics.push_back({Location{d.source.get(), 0, 1}, "the file is larger than " + std::to_string(limits_.file_size) +
                                                                               " bytes (the limit can be raised with --limit file-size=N)", {}});
        return;
    }
    try {
        d.analysis = reckon::analyse(d.source, limits_);
        if (d.analysis.program) d.names = d.analysis.program;
    } catch (const std::exception& e) {
        d.analysis.diagnostics.push_back({Location{d.source.get(), 0, 1}, std::string("the file could not be analysed: ") + e.what(), {}});
    }
}

void Server::publish(Document& d) {
    std::map<std::string, Json> by_uri;
    by_uri[d.uri] = Json::array();
    for (const auto& diag : d.analysis.diagnostics) {
        const std::string uri = uri_of(diag.where.file, d);
        const std::string& text = diag.where.file ? diag.where.file->text() : d.text;
        std::string message = diag.message;
        for (const auto& n : diag.notes) message += "\nnote: " + n;
        Json j{{"range", range_json(text, diag.where.offset, diag.where.offset + diag.where.length)},
               {"severity", 1},
               {"source", "reckon"},
               {"message", message}};
        auto& list = by_uri[uri];
        if (!list.is_array()) list = Json::array();
        list.push_back(std::move(j));
    }
    for (const auto& uri : d.published)
        if (!by_uri.count(uri)) by_uri[uri] = Json::array();  // cleared where an earlier version had some
    d.published.clear();
    for (auto& [uri, list] : by_uri) {
        if (!list.empty() || uri == d.uri) d.published.push_back(uri);
        Json params{{"uri", uri}};
        if (uri == d.uri) params["version"] = d.version;
        params["diagnostics"] = std::move(list);
        send(Json{{"jsonrpc", "2.0"}, {"method", "textDocument/publishDiagnostics"}, {"params", std::move(params)}});
    }
}

}  // namespace reckon::lsp
