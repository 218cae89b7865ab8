// `reckon lsp`: the messages of the protocol, each answered from the engine's analysis of the document's
// latest version. Every request is answered: an unknown method with MethodNotFound, bad parameters with
// InvalidParams, anything the engine throws with an error rather than a crash.
#include "lsp/lsp_server.hpp"

#include "commands/explain/explain.hpp"
#include "commands/fmt/fmt.hpp"
#include "commands/tests/rule_tests.hpp"
#include "core/eval/eval.hpp"
#include "lsp/lsp_declarations.hpp"
#include "lsp/lsp_text.hpp"

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

namespace reckon::lsp {

int error_number(ErrorCode c) {
    switch (c) {
        case ErrorCode::parse_error: return -32700;
        case ErrorCode::invalid_request: return -32600;
        case ErrorCode::method_not_found: return -32601;
        case ErrorCode::invalid_params: return -32602;
        case ErrorCode::internal_error: return -32603;
        case ErrorCode::server_not_initialized: return -32002;
        case ErrorCode::request_failed: return -32803;
    }
    return -32603;
}

namespace {

// A request that cannot be answered as asked: the error to send back.
struct Refused : std::runtime_error {
    ErrorCode code;
    Refused(ErrorCode c, const std::string& why) : std::runtime_error(why), code(c) {}
};

const Json& field(const Json& j, const char* key) {
    static const Json null;
    if (!j.is_object()) return null;
    auto it = j.find(key);
    return it == j.end() ? null : *it;
}
std::string text_field(const Json& j, const char* key) {
    const Json& v = field(j, key);
    if (!v.is_string()) throw Refused(ErrorCode::invalid_params, std::string("expected '") + key + "', a string");
    return v.get<std::string>();
}
std::uint32_t count_field(const Json& j, const char* key) {
    const Json& v = field(j, key);
    if (!v.is_number_integer() || v.get<long long>() < 0 || v.get<long long>() > 0x7fffffffLL)
        throw Refused(ErrorCode::invalid_params, std::string("expected '") + key + "', a whole number from 0");
    return static_cast<std::uint32_t>(v.get<long long>());
}
Position position_field(const Json& j, const char* key) {
    const Json& p = field(j, key);
    if (!p.is_object()) throw Refused(ErrorCode::invalid_params, std::string("expected '") + key + "', a position {line, character}");
    return Position{count_field(p, "line"), count_field(p, "character")};
}

const char* const keywords[] = {"ruleset", "unit", "currency", "param", "input", "rule", "let", "output", "fn", "type", "test",
                                "given", "expect", "import", "source", "decimals", "if", "then", "else", "in", "for", "where",
                                "and", "or", "not", "true", "false", "list", "of", "none", "is", "otherwise", "table", "require",
                                "cohort", "report", "run", "range", "to", "distributed", "percent", "optional", "one"};
const char* const builtins[][2] = {
    {"round", "round(x, step, mode)"}, {"floor", "floor(x, step)"}, {"ceil", "ceil(x, step)"}, {"min", "min(a, b, …)"},
    {"max", "max(a, b, …)"}, {"abs", "abs(x)"}, {"sum", "sum(e for x in list where c)"}, {"count", "count(x in list where c)"},
    {"collect", "collect(e for x in list where c)"}, {"date", "date(year, month, day)"}, {"financial_year", "financial_year(d)"},
    {"power", "power(x, n)"}, {"numbers", "numbers(first, last)"}};

bool is_keyword(const std::string& w) {
    return std::any_of(std::begin(keywords), std::end(keywords), [&](const char* k) { return w == k; });
}

// The declarations a word names: `Status.pro_rata` a member, `police.arrests` an input's path, else by name.
std::vector<Declaration> named(const std::vector<Declaration>& all, const Word& w) {
    std::vector<Declaration> out;
    const std::string dotted = w.before.empty() ? "" : w.before + "." + w.text;
    for (const auto& d : all)
        if (!dotted.empty() && d.name == dotted) out.push_back(d);
    if (!out.empty()) return out;
    for (const auto& d : all)
        if (d.name == w.text && d.kind != DeclarationKind::test && d.kind != DeclarationKind::member) out.push_back(d);
    return out;
}

std::string rendered_first(const std::vector<Diagnostic>& ds) {
    if (ds.empty()) return "";
    const Diagnostic& d = ds.front();
    return (d.where.known() ? d.where.str() + ": " : "") + d.message;
}

}  // namespace

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

// ---- lifecycle and documents ------------------------------------------------------------------------

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

// ---- features ----------------------------------------------------------------------------------

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

Json Server::definition(const Document& d, std::size_t offset) {
    if (!d.analysis.program) return nullptr;
    const auto w = word_at(d.text, offset);
    if (!w) return nullptr;
    Json out = Json::array();
    for (const auto& decl : named(declarations_of(*d.analysis.program), *w))
        if (decl.where.known()) out.push_back(location_json(decl.where, d));
    return out.empty() ? Json(nullptr) : out;
}

Json Server::references(const Document& d, std::size_t offset, bool with_declaration) {
    if (!d.analysis.program) return nullptr;
    const auto w = word_at(d.text, offset);
    if (!w) return nullptr;
    const auto found = named(declarations_of(*d.analysis.program), *w);
    if (found.empty()) return nullptr;
    const std::string name = found.front().kind == DeclarationKind::member ? w->text : found.front().name;
    Json out = Json::array();
    for (const auto& m : d.analysis.program->modules) {
        const SourceFile* f = m.source.get();
        for (std::size_t at : occurrences(f->text(), name)) {
            const bool is_declaration = std::any_of(found.begin(), found.end(), [&](const Declaration& x) {
                return x.where.file == f && x.where.offset == at;
            });
            if (is_declaration && !with_declaration) continue;
            out.push_back(location_json(Location{f, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(name.size())}, d));
        }
    }
    return out;
}

Json Server::rename(Document& d, std::size_t offset, const std::string& to) {
    if (!d.analysis.ok) throw Refused(ErrorCode::request_failed, "the file has errors: mend them first, so that a rename can be checked");
    const Program& p = *d.analysis.program;
    const auto w = word_at(d.text, offset);
    if (!w) throw Refused(ErrorCode::request_failed, "there is no name here to rename");
    const auto found = named(declarations_of(p), *w);
    if (found.empty()) throw Refused(ErrorCode::request_failed, "'" + w->text + "' is not declared in the ruleset");
    for (const auto& decl : found)
        switch (decl.kind) {
            case DeclarationKind::input:
            case DeclarationKind::run_input:
            case DeclarationKind::member:
                throw Refused(ErrorCode::request_failed, "'" + decl.name + "' is written in case files too (an " + kind_word(decl.kind) +
                                                             "): rename it there as well; reckon renames only rule files");
            case DeclarationKind::test:
                throw Refused(ErrorCode::request_failed, "a test is named by its text: edit it");
            case DeclarationKind::param:
            case DeclarationKind::rule:
            case DeclarationKind::output:
            case DeclarationKind::cohort_rule:
            case DeclarationKind::cohort_output:
            case DeclarationKind::fn:
            case DeclarationKind::table:
            case DeclarationKind::enumeration:
            case DeclarationKind::record:
            case DeclarationKind::unit: break;
        }
    if (!is_identifier(to) || is_keyword(to))
        throw Refused(ErrorCode::request_failed, "'" + to + "' is not a name: a letter or '_', then letters, digits and '_', and not a keyword");
    const std::string from = found.front().name;
    // the new name must not be written anywhere yet: a rename never captures another name, a local's included
    for (const auto& m : p.modules)
        if (const auto at = occurrences(m.source->text(), to); !at.empty())
            throw Refused(ErrorCode::request_failed, "'" + to + "' is already a name in the ruleset, at " +
                                                         Location{m.source.get(), static_cast<std::uint32_t>(at.front()), 1}.str() +
                                                         ": renaming '" + from + "' to it could capture it");
    Json changes = Json::object();
    std::string renamed = d.text;
    for (const auto& m : p.modules) {
        const SourceFile* f = m.source.get();
        const auto at = occurrences(f->text(), from);
        if (at.empty()) continue;
        Json edits = Json::array();
        for (std::size_t a : at)
            edits.push_back({{"range", range_json(f->text(), a, a + from.size())}, {"newText", to}});
        if (f == d.source.get())
            for (auto it = at.rbegin(); it != at.rend(); ++it) renamed.replace(*it, from.size(), to);
        changes[uri_of(f, d)] = std::move(edits);
    }
    // checked: the file renamed must check as the file did (a name in another file's case of the same text is
    // caught here), else nothing is renamed
    const SourcePtr renamed_source = std::make_shared<SourceFile>(d.path, renamed);  // alive while its diagnostics are read
    const Analysis after = reckon::analyse(renamed_source, limits_);
    if (changes.size() == 1 && !after.ok)
        throw Refused(ErrorCode::request_failed, "renaming '" + from + "' to '" + to + "' would not check: " + rendered_first(after.diagnostics));
    return Json{{"changes", changes}};
}

Json Server::completion(const Document& d, std::size_t offset) {
    Json items = Json::array();
    auto item = [&](const std::string& label, int kind, const std::string& detail) {
        Json i{{"label", label}, {"kind", kind}};
        if (!detail.empty()) i["detail"] = detail;
        items.push_back(std::move(i));
    };
    const std::size_t at = std::min(offset, d.text.size());
    std::size_t b = at;
    while (b > 0 && (std::isalnum(static_cast<unsigned char>(d.text[b - 1])) || d.text[b - 1] == '_')) --b;
    const Program* p = d.names.get();
    if (b > 0 && d.text[b - 1] == '.') {  // after `X.`: an enumeration's members, an input group's keys, a record's fields
        const auto before = word_at(d.text, b - 1);
        if (!before || !p) return items;
        const std::string x = before->before.empty() ? before->text : before->before + "." + before->text;
        for (const auto& e : p->enums)
            if (e->name == x)
                for (std::size_t m = 0; m < e->members.size(); ++m) item(e->members[m], 20, m < e->labels.size() ? e->labels[m] : "");
        std::set<std::string> keys;
        for (const auto& in : p->inputs)
            if (in.path.rfind(x + ".", 0) == 0) {
                const std::string rest = in.path.substr(x.size() + 1);
                keys.insert(rest.substr(0, rest.find('.')));
            }
        for (const auto& k : keys) item(k, 5, "input " + x + "." + k);
        auto fields_of = [&](const Type& t) {
            const Type& r = t.kind == TypeKind::list && t.element ? *t.element : t;
            if (r.kind == TypeKind::record && r.record)
                for (const auto& f : r.record->fields) item(f.name, 5, f.name + ": " + describe(f.type, p->units));
        };
        for (const auto& in : p->inputs)
            if (in.path == x) fields_of(in.type);
        for (const auto& prm : p->params)
            if (prm.name == x) fields_of(prm.type);
        return items;
    }
    if (p)
        for (const auto& decl : declarations_of(*p)) {
            if (decl.kind == DeclarationKind::member || decl.kind == DeclarationKind::test) continue;
            item(decl.name, completion_kind(decl.kind), decl.signature);
        }
    for (const auto& [name, sig] : builtins) item(name, 3, sig);
    for (const char* k : keywords) item(k, 14, "");
    return items;
}

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

Json Server::signature_help(const Document& d, std::size_t offset) {
    const std::size_t at = std::min(offset, d.text.size());
    int depth = 0, commas = 0;
    std::size_t open = std::string::npos;
    for (std::size_t i = at; i > 0 && at - i < 4000; --i) {
        const char c = d.text[i - 1];
        if (c == ')') ++depth;
        else if (c == '(' && depth > 0) --depth;
        else if (c == '(') {
            open = i - 1;
            break;
        } else if (c == ',' && depth == 0) ++commas;
    }
    if (open == std::string::npos) return nullptr;
    std::size_t e = open;
    while (e > 0 && d.text[e - 1] == ' ') --e;
    const auto w = word_at(d.text, e);
    if (!w || w->end != e) return nullptr;
    std::string label;
    std::vector<std::string> parts;
    std::string doc;
    if (d.names)
        for (const auto& f : d.names->fns)
            if (f.name == w->text) {
                for (std::size_t i = 0; i < f.param_names.size(); ++i)
                    parts.push_back(f.param_names[i] + ": " + (i < f.param_types.size() ? describe(f.param_types[i], d.names->units) : ""));
                label = f.name + "(";
                for (std::size_t i = 0; i < parts.size(); ++i) label += (i ? ", " : "") + parts[i];
                label += ") -> " + describe(f.result, d.names->units);
                doc = f.cite.description;
            }
    if (label.empty())
        for (const auto& [name, sig] : builtins)
            if (w->text == name) {
                label = sig;
                const std::string inside = label.substr(label.find('(') + 1, label.rfind(')') - label.find('(') - 1);
                std::istringstream in(inside);
                for (std::string part; std::getline(in, part, ',');) parts.push_back(part.substr(part.find_first_not_of(' ')));
            }
    if (label.empty()) return nullptr;
    Json sig{{"label", label}, {"parameters", Json::array()}};
    for (const auto& part : parts) sig["parameters"].push_back({{"label", part}});
    if (!doc.empty()) sig["documentation"] = doc;
    return Json{{"signatures", Json::array({sig})}, {"activeSignature", 0},
                {"activeParameter", std::min<int>(commas, std::max<int>(0, static_cast<int>(parts.size()) - 1))}};
}

// The case of the worked values: the `reckon.case` setting (relative to the rule file's folder), else the
// case of the test block nearest `near`; "" when there is neither.
std::string Server::case_for(const Document& d, std::size_t near) const {
    const std::filesystem::path folder = std::filesystem::path(d.path).parent_path();
    if (!case_setting_.empty()) {
        const std::filesystem::path c(case_setting_);
        return c.is_absolute() ? c.string() : (folder / c).lexically_normal().string();
    }
    if (!d.analysis.program) return "";
    std::string best;
    std::size_t distance = std::string::npos;
    for (const auto& t : d.analysis.program->tests) {
        if (t.where.file != d.source.get()) continue;
        const std::size_t dist = t.where.offset > near ? t.where.offset - near : near - t.where.offset;
        if (dist < distance) {
            distance = dist;
            best = (folder / t.case_path).lexically_normal().string();  // as `reckon test` finds it
        }
    }
    return best;
}

Json Server::inlay_hints(Document& d, std::size_t from, std::size_t to) {
    Json out = Json::array();
    if (!d.analysis.ok) return out;
    const std::string c = case_for(d, from);
    if (c.empty()) return out;
    if (!d.worked || d.worked->case_path != c) d.worked = worked_values(*d.analysis.program, d.source.get(), c);
    const std::string case_name = std::filesystem::path(c).filename().string();
    auto hint = [&](std::size_t at, const std::string& label, const std::string& tooltip) {
        std::size_t end = d.text.find('\n', at);
        if (end == std::string::npos) end = d.text.size();
        if (end > 0 && d.text[end - 1] == '\r') --end;
        const Position p = position_of(d.text, end);
        out.push_back({{"position", {{"line", p.line}, {"character", p.character}}}, {"label", label}, {"paddingLeft", true},
                       {"tooltip", tooltip}});
    };
    if (!d.worked->error.empty()) {
        hint(0, "no worked values for " + case_name, d.worked->error);
        return out;
    }
    for (const auto& v : d.worked->values) {
        const Location& where = d.analysis.program->rules[static_cast<std::size_t>(v.rule)].where;
        if (where.offset < from || where.offset > to) continue;
        hint(where.offset, "= " + v.text, "The worked value for the case " + c);
    }
    return out;
}

Json Server::code_lenses(const Document& d) {
    Json out = Json::array();
    if (!d.analysis.program) return out;
    std::size_t tests = 0;
    for (const auto& t : d.analysis.program->tests) tests += t.where.file == d.source.get() ? 1 : 0;
    for (const auto& t : d.analysis.program->tests) {
        if (t.where.file != d.source.get()) continue;
        out.push_back({{"range", range_json(d.text, t.where.offset, t.where.offset + t.where.length)},
                       {"command", {{"title", "Run the " + std::to_string(tests) + " test" + (tests == 1 ? "" : "s") + " of this file"},
                                    {"command", "reckon.runTests"},
                                    {"arguments", Json::array({d.uri})}}}});
    }
    return out;
}

Json Server::run_tests(const Json& arguments) {
    if (!arguments.is_array() || arguments.empty() || !arguments[0].is_string())
        throw Refused(ErrorCode::invalid_params, "reckon.runTests takes the URI of a rule file");
    const auto path = path_of_uri(arguments[0].get<std::string>());
    if (!path) throw Refused(ErrorCode::invalid_params, "not a file's URI: " + arguments[0].get<std::string>());
    std::error_code ec;
    if (std::filesystem::path(*path).extension() != ".reckon" || !std::filesystem::is_regular_file(*path, ec))
        throw Refused(ErrorCode::invalid_params, "reckon.runTests runs the tests of a saved rule file (*.reckon): " + *path + " is not one");
    std::ostringstream out;
    const TestTally tally = reckon::run_tests({*path}, limits_, out);
    const std::string summary = std::to_string(tally.passed) + " passed, " + std::to_string(tally.failed) + " failed";
    send(Json{{"jsonrpc", "2.0"}, {"method", "window/showMessage"}, {"params", {{"type", tally.failed ? 1 : 3}, {"message", summary}}}});
    return Json{{"passed", tally.passed}, {"failed", tally.failed}, {"output", out.str() + summary + "\n"}};
}

}  // namespace reckon::lsp
