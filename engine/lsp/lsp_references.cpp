// Where a name is declared and written (lsp_server.hpp): go to its definition, find its references in every
// file of the ruleset, and rename it. A rename is refused rather than made wrong: a name also written in
// case files, a new name that is not one or is written anywhere already, or a file that would not check
// once renamed.
#include "lsp/lsp_server.hpp"

#include "lsp/lsp_names.hpp"
#include "lsp/lsp_params.hpp"

#include <algorithm>

namespace reckon::lsp {

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

}  // namespace reckon::lsp
