// `reckon lsp`: a language server (LSP 3.17) for rule files. One message in, the messages to send back out,
// in order; nothing is parsed or checked a second way: each version of an open file is analysed by the
// engine (core/compile.hpp's analyse), and every feature reads that analysis. Requests are answered in the
// order they come, each against the document's latest version, so no result is ever for an older one.
#pragma once

#include "core/compile/compile.hpp"
#include "core/base/limits.hpp"
#include "lsp/lsp_protocol.hpp"
#include "lsp/lsp_worked.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace reckon::lsp {

class Server {
public:
    explicit Server(Limits limits, std::string version);

    // One message's JSON text: the responses and notifications to send, in order.
    std::vector<std::string> handle(const std::string& body);
    // A message whose framing was wrong (read_message's bad_header): reported to the client.
    std::vector<std::string> bad_frame(const std::string& why);

    // After the `exit` notification: stop, with this status (0 when `shutdown` came first).
    bool exited() const { return exited_; }
    int exit_status() const { return shutdown_ ? 0 : 1; }

private:
    struct Document {
        std::string uri, path, text;
        long long version = 0;
        SourcePtr source;                   // the text analysed, with the document's path
        Analysis analysis;                  // of `text`, always the latest version
        // The program of the latest version that parsed: names for completion and signature help while the text
        // under the cursor is half typed (no place in it is used: its text is older)
        std::shared_ptr<Program> names;
        std::vector<std::string> published; // the URIs this document's diagnostics were last sent to
        std::optional<Worked> worked;       // worked values of this version, once asked for
    };

    // messages and lifecycle (lsp_server.cpp)
    void dispatch(const Json& message);
    Json request(const std::string& method, const Json& params);
    void notification(const std::string& method, const Json& params);
    Json initialize(const Json& params);
    void configure(const Json& settings);

    // documents (lsp_documents.cpp)
    void open(const Json& params);
    void change(const Json& params);
    void close(const Json& params);
    Document& document(const Json& params);  // by params.textDocument.uri; throws for one not open
    Json location_json(const Location& where, const Document& d) const;
    Json range_json(const std::string& text, std::size_t from, std::size_t to) const;
    std::string uri_of(const SourceFile* f, const Document& d) const;

    // diagnostics (lsp_diagnostics.cpp)
    void analyse(Document& d);
    void publish(Document& d);

    // features: hover (lsp_hover.cpp); definition, references, rename (lsp_references.cpp); completion and
    // signature help (lsp_completion.cpp); outline and formatting (lsp_outline.cpp); worked values and
    // tests (lsp_hints.cpp)
    Json hover(const Document& d, std::size_t offset);
    Json definition(const Document& d, std::size_t offset);
    Json references(const Document& d, std::size_t offset, bool with_declaration);
    Json rename(Document& d, std::size_t offset, const std::string& to);
    Json completion(const Document& d, std::size_t offset);
    Json signature_help(const Document& d, std::size_t offset);
    Json symbols(const Document& d);
    Json formatting(const Document& d);
    Json inlay_hints(Document& d, std::size_t from, std::size_t to);
    Json code_lenses(const Document& d);
    Json run_tests(const Json& arguments);
    std::string case_for(const Document& d, std::size_t near) const;

    void send(const Json& message);
    void reply(const Json& id, Json result);
    void fail(const Json& id, ErrorCode code, const std::string& message);
    void log(int type, const std::string& message);

    Limits limits_;
    std::string version_;
    bool initialized_ = false, shutdown_ = false, exited_ = false;
    std::string case_setting_;            // `reckon.case`: the case whose worked values are shown, or ""
    std::map<std::string, Document> documents_;
    std::vector<std::string> out_;
};

}  // namespace reckon::lsp
