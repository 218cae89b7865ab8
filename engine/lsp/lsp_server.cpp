// `reckon lsp`: the messages of the protocol, each answered from the engine's analysis of the document's
// latest version. Every request is answered: an unknown method with MethodNotFound, bad parameters with
// InvalidParams, anything the engine throws with an error rather than a crash. This file reads each
// message and sends it to its handler; the handlers are in files of their own, one an idea: documents
// (lsp_documents), diagnostics (lsp_diagnostics), hover (lsp_hover), definition, references and rename
// (lsp_references), completion and signature help (lsp_completion), the outline and formatting
// (lsp_outline), worked values and tests beside the code (lsp_hints).
#include "lsp/lsp_server.hpp"

#include "lsp/lsp_params.hpp"

namespace reckon::lsp {

Server::Server(Limits limits, std::string version) : limits_(limits), version_(std::move(version)) {}

// ---- messages -------------------------------------------------------------------------------------

void Server::send(const Json& message) { out_.push_back(message.dump(-1, ' ', false, Json::error_handler_t::replace)); }

void Server::reply(const Json& id, Json result) {
    Json m;
    m["jsonrpc"] = "2.0";
    m["id"] = id;
    m["result"] = std::move(result);
    send(m);
}

void Server::fail(const Json& id, ErrorCode code, const std::string& message) {
    Json m;
    m["jsonrpc"] = "2.0";
    m["id"] = id;
    m["error"] = {{"code", error_number(code)}, {"message", message}};
    send(m);
}

void Server::log(int type, const std::string& message) {
    send(Json{{"jsonrpc", "2.0"}, {"method", "window/logMessage"}, {"params", {{"type", type}, {"message", message}}}});
}

std::vector<std::string> Server::handle(const std::string& body) {
    out_.clear();
    Json message;
    try {
        message = Json::parse(body);
    } catch (const Json::exception& e) {
        fail(nullptr, ErrorCode::parse_error, std::string("the message is not JSON: ") + e.what());
        return std::move(out_);
    }
    dispatch(message);
    return std::move(out_);
}

std::vector<std::string> Server::bad_frame(const std::string& why) {
    out_.clear();
    fail(nullptr, ErrorCode::parse_error, "a message could not be read: " + why);
    return std::move(out_);
}

void Server::dispatch(const Json& message) {
    if (!message.is_object()) return fail(nullptr, ErrorCode::invalid_request, "a message is a JSON object");
    const Json& id = field(message, "id");
    const bool has_id = message.contains("id");
    if (has_id && !id.is_string() && !id.is_number_integer())
        return fail(nullptr, ErrorCode::invalid_request, "a request's id is a number or a string");
    const Json& method = field(message, "method");
    if (!method.is_string()) {
        if (has_id && (message.contains("result") || message.contains("error"))) return;  // a response: this server asks nothing
        return fail(has_id ? id : Json(nullptr), ErrorCode::invalid_request, "a request or notification has a 'method', a string");
    }
    const std::string name = method.get<std::string>();
    const Json params = message.contains("params") ? message["params"] : Json::object();
    if (!has_id) {
        if (name == "exit") {
            exited_ = true;
            return;
        }
        if (!initialized_ || shutdown_) return;  // notifications before initialize and after shutdown are dropped
        try {
            notification(name, params);
        } catch (const std::exception& e) {
            log(1, name + ": " + e.what());
        }
        return;
    }
    if (!initialized_ && name != "initialize")
        return fail(id, ErrorCode::server_not_initialized, "the server is not initialized: send 'initialize' first");
    if (shutdown_) return fail(id, ErrorCode::invalid_request, "the server is shutting down: only 'exit' is accepted");
    try {
        reply(id, request(name, params));
    } catch (const Refused& e) {
        fail(id, e.code, e.what());
    } catch (const std::exception& e) {
        fail(id, ErrorCode::internal_error, std::string("internal error: ") + e.what());
    }
}

Json Server::request(const std::string& method, const Json& params) {
    if (method == "initialize") return initialize(params);
    if (method == "shutdown") {
        shutdown_ = true;
        return nullptr;
    }
    if (method == "workspace/executeCommand") {
        const std::string command = text_field(params, "command");
        if (command != "reckon.runTests") throw Refused(ErrorCode::invalid_params, "unknown command '" + command + "'; the command is reckon.runTests");
        return run_tests(field(params, "arguments"));
    }
    if (method.rfind("textDocument/", 0) != 0) throw Refused(ErrorCode::method_not_found, "unknown method '" + method + "'");
    const std::string what = method.substr(13);
    if (what == "hover" || what == "definition" || what == "references" || what == "rename" || what == "completion" ||
        what == "signatureHelp") {
        Document& d = document(params);
        const std::size_t at = offset_of(d.text, position_field(params, "position"));
        if (what == "hover") return hover(d, at);
        if (what == "definition") return definition(d, at);
        if (what == "references") return references(d, at, field(field(params, "context"), "includeDeclaration").is_boolean() &&
                                                              field(field(params, "context"), "includeDeclaration").get<bool>());
        if (what == "rename") return rename(d, at, text_field(params, "newName"));
        if (what == "completion") return completion(d, at);
        return signature_help(d, at);
    }
    if (what == "documentSymbol") return symbols(document(params));
    if (what == "formatting") return formatting(document(params));
    if (what == "codeLens") return code_lenses(document(params));
    if (what == "inlayHint") {
        Document& d = document(params);
        const Json& range = field(params, "range");
        return inlay_hints(d, offset_of(d.text, position_field(range, "start")), offset_of(d.text, position_field(range, "end")));
    }
    throw Refused(ErrorCode::method_not_found, "unknown method '" + method + "'");
}

void Server::notification(const std::string& method, const Json& params) {
    if (method == "textDocument/didOpen") return open(params);
    if (method == "textDocument/didChange") return change(params);
    if (method == "textDocument/didClose") return close(params);
    if (method == "workspace/didChangeConfiguration") return configure(field(params, "settings"));
    // initialized, didSave, $/cancelRequest, $/setTrace and the rest: nothing to do
}

// ---- lifecycle ------------------------------------------------------------------------------------

Json Server::initialize(const Json& params) {
    if (initialized_) throw Refused(ErrorCode::invalid_request, "the server is already initialized");
    initialized_ = true;
    configure(field(params, "initializationOptions"));
    Json caps;
    caps["positionEncoding"] = "utf-16";
    caps["textDocumentSync"] = {{"openClose", true}, {"change", 2}};
    caps["hoverProvider"] = true;
    caps["definitionProvider"] = true;
    caps["referencesProvider"] = true;
    caps["renameProvider"] = true;
    caps["completionProvider"] = {{"triggerCharacters", {"."}}};
    caps["signatureHelpProvider"] = {{"triggerCharacters", {"(", ","}}};
    caps["documentSymbolProvider"] = true;
    caps["documentFormattingProvider"] = true;
    caps["inlayHintProvider"] = true;
    caps["codeLensProvider"] = {{"resolveProvider", false}};
    caps["executeCommandProvider"] = {{"commands", {"reckon.runTests"}}};
    return Json{{"capabilities", caps}, {"serverInfo", {{"name", "reckon"}, {"version", version_}}}};
}

// `{"reckon": {"case": "cases/x.yaml"}}` or `{"case": …}`: the case of the worked values.
void Server::configure(const Json& settings) {
    const Json& inner = field(settings, "reckon").is_object() ? field(settings, "reckon") : settings;
    const Json& c = field(inner, "case");
    if (!c.is_string()) return;
    case_setting_ = c.get<std::string>();
    for (auto& [uri, d] : documents_) d.worked.reset();
}

}  // namespace reckon::lsp
