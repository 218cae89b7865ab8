// The language server's open documents (lsp_server.hpp): opened, edited as the client sends each change
// (a range of the text, or the whole text), closed; each version analysed and its diagnostics published
// as it comes. And the places of the protocol: a byte range of a text as lines and UTF-16 columns, a
// location as a file's URI and a range.
#include "lsp/lsp_server.hpp"

#include "lsp/lsp_params.hpp"

#include <filesystem>

namespace reckon::lsp {

Server::Document& Server::document(const Json& params) {
    const std::string uri = text_field(field(params, "textDocument"), "uri");
    auto it = documents_.find(uri);
    if (it == documents_.end()) throw Refused(ErrorCode::invalid_params, "the document " + uri + " is not open (textDocument/didOpen)");
    return it->second;
}

void Server::open(const Json& params) {
    const Json& item = field(params, "textDocument");
    const std::string uri = text_field(item, "uri");
    const auto path = path_of_uri(uri);
    if (!path) throw Refused(ErrorCode::invalid_params, "not a file's URI: " + uri);
    Document& d = documents_[uri];
    d.uri = uri;
    d.path = *path;
    d.text = text_field(item, "text");
    d.version = field(item, "version").is_number_integer() ? field(item, "version").get<long long>() : 0;
    analyse(d);
    publish(d);
}

void Server::change(const Json& params) {
    Document& d = document(params);
    const Json& version = field(field(params, "textDocument"), "version");
    const Json& changes = field(params, "contentChanges");
    if (!changes.is_array()) throw Refused(ErrorCode::invalid_params, "expected 'contentChanges', a list");
    for (const auto& c : changes) {
        const std::string text = text_field(c, "text");
        if (!c.contains("range")) {
            d.text = text;
            continue;
        }
        const Json& range = field(c, "range");
        bool clamped = false;
        std::size_t from = offset_of(d.text, position_field(range, "start"), &clamped);
        std::size_t to = offset_of(d.text, position_field(range, "end"), &clamped);
        if (to < from) std::swap(from, to);
        if (clamped) log(2, "an edit of " + d.uri + " reached past the end of its line or of the document; it was applied at the end");
        d.text.replace(from, to - from, text);
    }
    if (version.is_number_integer()) d.version = version.get<long long>();
    analyse(d);
    publish(d);
}

void Server::close(const Json& params) {
    Document& d = document(params);
    for (const auto& uri : d.published)
        send(Json{{"jsonrpc", "2.0"}, {"method", "textDocument/publishDiagnostics"}, {"params", {{"uri", uri}, {"diagnostics", Json::array()}}}});
    documents_.erase(d.uri);
}

std::string Server::uri_of(const SourceFile* f, const Document& d) const {
    if (!f || f == d.source.get() || f->path() == d.path) return d.uri;
    return uri_of_path(std::filesystem::absolute(f->path()).lexically_normal().string());
}

Json Server::range_json(const std::string& text, std::size_t from, std::size_t to) const {
    const Position a = position_of(text, from), b = position_of(text, std::max(from, to));
    return Json{{"start", {{"line", a.line}, {"character", a.character}}}, {"end", {{"line", b.line}, {"character", b.character}}}};
}

Json Server::location_json(const Location& where, const Document& d) const {
    const std::string& text = where.file ? where.file->text() : d.text;
    return Json{{"uri", uri_of(where.file, d)}, {"range", range_json(text, where.offset, where.offset + where.length)}};
}

}  // namespace reckon::lsp
