// Completion and signature help (lsp_server.hpp), from the names of the latest version that parsed, so
// that they work while the text under the cursor is half typed: after `X.` an enumeration's members, an
// input group's keys or a record's fields; else the ruleset's declarations, the built-in functions and the
// keywords; inside a call, the function's parameters and which of them the cursor is at.
#include "lsp/lsp_server.hpp"

#include "lsp/lsp_names.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

namespace reckon::lsp {

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

}  // namespace reckon::lsp
