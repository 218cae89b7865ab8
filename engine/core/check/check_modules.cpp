// Modules: what one rule file sees of another. A file sees what it declares, and what the files it imports declare
// (everything, or the names its import lists), never what its importer or a file it does not import declares; so an
// imported file checks and tests on its own exactly as it does inside the program. Outputs and tests are the entry
// file's: an imported file's outputs are rules to its importer, and its tests are run when it is tested itself.
#include "core/base/nearest_names.hpp"
#include "core/check/check.hpp"

#include <algorithm>

namespace reckon {

bool Checker::from_entry(const ast::Decl& d) const {
    return p_.sources.empty() || d.where.file == p_.sources[0].get() ||
           std::find(entries_.begin(), entries_.end(), d.where.file) != entries_.end();
}

bool Checker::sees(const std::string& name, const Location& declared, const Location& used) {
    if (!declared.file || !used.file || declared.file == used.file) return true;
    // a value on the command line or in a scenario file is the run's, not a rule file's: it sees every declaration
    if (std::none_of(p_.modules.begin(), p_.modules.end(), [&](const ast::Module& m) { return m.source.get() == used.file; })) return true;
    const ImportEdge* edge = nullptr;
    for (const auto& e : p_.imports)
        if (e.from == used.file && e.to == declared.file) edge = &e;
    if (!edge) {
        std::string how;  // the import's path from the user's file, when some file of the program imports it
        for (const auto& e : p_.imports)
            if (e.to == declared.file) how = e.written;
        error(used, "'" + name + "' is declared in " + declared.file->path() + ", which this file does not import",
              {"a rule file sees what it declares and what it imports" +
               (how.empty() ? std::string() : ": import \"" + how + "\" (the path from this file's folder)")});
        return false;
    }
    if (edge->names.empty() ||
        std::any_of(edge->names.begin(), edge->names.end(), [&](const auto& n) { return n.first == name; }))
        return true;
    std::string listed;
    for (const auto& [n, _] : edge->names) listed += n + ", ";
    error(used, "'" + name + "' is not among the names this file imports from " + edge->written,
          {"add it to the import at " + edge->where.str() + ": import " + listed + name + " from \"" + edge->written + "\""});
    return false;
}

// The names an import lists are declared by the file it imports.
void Checker::check_imported_names() {
    for (const auto& edge : p_.imports) {
        std::vector<std::string> declared;
        for (const auto& m : p_.modules)
            if (m.source.get() == edge.to)
                for (const auto& d : m.decls)
                    if (!d.name.empty() && d.kind != ast::DeclKind::import && d.kind != ast::DeclKind::test &&
                        d.kind != ast::DeclKind::require && d.kind != ast::DeclKind::report)
                        declared.push_back(d.name);
        for (const auto& [n, where] : edge.names)
            if (std::find(declared.begin(), declared.end(), n) == declared.end()) {
                std::vector<std::string> notes;
                if (std::string s = closest_name(n, declared); !s.empty()) notes.push_back("did you mean '" + s + "'?");
                error(where, "'" + n + "' is not declared in " + edge.written, notes);
            }
    }
}

}  // namespace reckon
