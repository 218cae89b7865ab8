// The import phase: the entry file and the files it imports, each read and
// parsed once, depth first. Imports stay inside the entry file's folder;
// cycles are reported with the files as they were named.
#include "core/syntax/import.hpp"

#include "core/base/shown_path.hpp"
#include "core/syntax/parse.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

namespace reckon {
namespace fs = std::filesystem;

namespace {

// Reads `import`s depth first. Imports stay inside the entry file's folder.
class Importer {
public:
    Importer(ImportedFiles& p, fs::path root, const Limits& limits) : p_(p), root_(std::move(root)), limits_(limits) {}

    void load(SourcePtr src, std::vector<std::string>& stack) {
        if (auto bad = check_text(*src)) throw CompileError({*bad});
        p_.sources.push_back(src);
        p_.modules.push_back(parse_module(src, limits_));
        std::size_t me = p_.modules.size() - 1;
        stack.push_back(src->path());
        loaded_[fs::weakly_canonical(src->path()).string()] = src.get();
        std::vector<const ast::Decl*> imports;
        for (const auto& d : p_.modules[me].decls)
            if (d.kind == ast::DeclKind::import) imports.push_back(&d);
        for (const ast::Decl* imp : imports) {
            const std::string& rel = imp->name;
            const Location where = imp->name_where;
            fs::path target = fs::path(src->path()).parent_path() / rel;
            std::error_code ec;
            fs::path canon = fs::weakly_canonical(target, ec);
            std::string c = canon.string();
            if (fs::path(rel).is_absolute() || !inside(canon)) {
                diags_.push_back({where, "import '" + rel + "' is outside the ruleset's folder: a ruleset may import only "
                                         "files in the folder of its entry file, or below it", {}});
                continue;
            }
            auto open = std::find(stack.begin(), stack.end(), c);
            if (open != stack.end() || c == fs::weakly_canonical(src->path()).string()) {
                std::string cycle;  // the files as they were named, from the one imported again
                for (auto it = open == stack.end() ? stack.end() - 1 : open; it != stack.end(); ++it)
                    cycle += (names_.count(*it) ? names_.at(*it) : shown_path(fs::path(*it).lexically_normal())) + " -> ";
                diags_.push_back({where, "import cycle: " + cycle + shown_path(target.lexically_normal()), {}});
                continue;
            }
            if (!seen_.insert(c).second) {  // already imported elsewhere
                if (auto it = loaded_.find(c); it != loaded_.end()) p_.imports.push_back({src.get(), it->second, rel, imp->imported, where});
                continue;
            }
            SourcePtr next;
            try {
                next = read_source(shown_path(target), limits_.file_size);
            } catch (const std::exception&) {
                diags_.push_back({where, "cannot read the imported file '" + shown_path(target) + "'", {}});
                continue;
            }
            std::vector<std::string> canon_stack = stack;
            canon_stack.back() = fs::weakly_canonical(src->path()).string();
            names_[canon_stack.back()] = shown_path(fs::path(src->path()).lexically_normal());
            p_.imports.push_back({src.get(), next.get(), rel, imp->imported, where});
            load(next, canon_stack);
        }
        stack.pop_back();
    }

    std::vector<Diagnostic> diags_;

private:
    bool inside(const fs::path& p) const {
        auto r = root_.begin();
        auto i = p.begin();
        for (; r != root_.end(); ++r, ++i)
            if (i == p.end() || *i != *r) return false;
        return true;
    }

    ImportedFiles& p_;
    fs::path root_;
    const Limits& limits_;
    std::set<std::string> seen_;
    std::map<std::string, std::string> names_;  // canonical path -> as named, for messages
    std::map<std::string, const SourceFile*> loaded_;  // canonical path -> the file read
};

}  // namespace

void import_files(ImportedFiles& files, SourcePtr entry, const Limits& limits) {
    std::error_code ec;
    fs::path folder = fs::path(entry->path()).parent_path();
    fs::path root = fs::weakly_canonical(folder.empty() ? fs::path(".") : folder, ec);
    Importer importer(files, root, limits);
    std::vector<std::string> stack;
    importer.load(entry, stack);
    if (!importer.diags_.empty()) throw CompileError(std::move(importer.diags_));
}

}  // namespace reckon
