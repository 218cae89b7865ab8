#include "compile.hpp"

#include "../grammar/parse.hpp"
#include "checker.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

namespace reckon {
namespace fs = std::filesystem;

int Program::param_slot(const std::string& n) const {
    for (std::size_t i = 0; i < params.size(); ++i)
        if (params[i].name == n) return static_cast<int>(i);
    return -1;
}

int Program::rule_slot(const std::string& n) const {
    for (std::size_t i = 0; i < rules.size(); ++i)
        if (rules[i].name == n) return static_cast<int>(i);
    return -1;
}

namespace {

// Reads `import`s depth first. Imports stay inside the entry file's folder.
class Importer {
public:
    Importer(Program& p, fs::path root) : p_(p), root_(std::move(root)) {}

    void load(SourcePtr src, std::vector<std::string>& stack) {
        if (auto bad = check_text(*src)) throw CompileError({*bad});
        p_.sources.push_back(src);
        p_.modules.push_back(parse_module(src));
        std::size_t me = p_.modules.size() - 1;
        stack.push_back(src->path());
        std::vector<std::pair<std::string, Location>> imports;
        for (const auto& d : p_.modules[me].decls)
            if (d.kind == ast::DeclKind::import) imports.emplace_back(d.name, d.name_where);
        for (const auto& [rel, where] : imports) {
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
                    cycle += (names_.count(*it) ? names_.at(*it) : fs::path(*it).lexically_normal().string()) + " -> ";
                diags_.push_back({where, "import cycle: " + cycle + target.lexically_normal().string(), {}});
                continue;
            }
            if (!seen_.insert(c).second) continue;  // already imported elsewhere
            SourcePtr next;
            try {
                next = read_source(target.string());
            } catch (const std::exception&) {
                diags_.push_back({where, "cannot read the imported file '" + target.string() + "'", {}});
                continue;
            }
            std::vector<std::string> canon_stack = stack;
            canon_stack.back() = fs::weakly_canonical(src->path()).string();
            names_[canon_stack.back()] = fs::path(src->path()).lexically_normal().string();
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

    Program& p_;
    fs::path root_;
    std::set<std::string> seen_;
    std::map<std::string, std::string> names_;  // canonical path -> as named, for messages
};

}  // namespace

std::shared_ptr<Program> compile(SourcePtr entry, const std::vector<ParamSetting>& settings) {
    auto p = std::make_shared<Program>();
    std::error_code ec;
    fs::path root = fs::weakly_canonical(fs::path(entry->path()).parent_path().empty() ? fs::path(".") : fs::path(entry->path()).parent_path(), ec);
    Importer importer(*p, root);
    std::vector<std::string> stack;
    importer.load(entry, stack);
    if (!importer.diags_.empty()) throw CompileError(std::move(importer.diags_));

    const ast::Module& main = p->modules.front();
    if (main.header) {
        p->name = main.header->name;
        p->version = main.header->version;
        p->description = main.header->description;
        p->sources_cited = main.header->sources;
    } else {
        p->name = fs::path(entry->path()).stem().string();
    }

    Checker checker(*p);
    std::vector<const ast::Module*> mods;
    for (const auto& m : p->modules) mods.push_back(&m);
    checker.declare(mods);
    checker.check_all();
    std::vector<Diagnostic> diags = checker.take_diagnostics();

    if (main.header && !main.header->case_id.empty()) {
        const std::string& id = main.header->case_id;
        for (std::size_t i = 0; i < p->inputs.size(); ++i)
            if (p->inputs[i].path == id) p->case_id_input = static_cast<int>(i);
        if (p->case_id_input < 0 || p->inputs[p->case_id_input].type.kind != TypeKind::text)
            diags.push_back({main.header->where, "'identified by " + id + "' must name an input of type text", {}});
    }

    for (const auto& s : settings) {
        int slot = p->param_slot(s.name);
        if (slot < 0) throw UsageError("--param " + s.name + ": the ruleset has no param named '" + s.name + "'");
        auto src = std::make_shared<SourceFile>("--param " + s.name, s.value);
        p->sources.push_back(src);
        ast::ExprPtr e;
        try {
            e = parse_expression(src);
        } catch (const CompileError& err) {
            for (const auto& d : err.diagnostics()) diags.push_back(d);
            continue;
        }
        NodePtr n = checker.constant(*e, p->params[slot].type, "the value of param '" + s.name + "'");
        for (auto& d : checker.take_diagnostics()) diags.push_back(std::move(d));
        if (n) p->overrides.emplace_back(slot, std::move(n));
    }
    // in the order of the files, then of the text, as a person reads them
    auto file_index = [&](const SourceFile* f) {
        for (std::size_t i = 0; i < p->sources.size(); ++i)
            if (p->sources[i].get() == f) return i;
        return p->sources.size();
    };
    std::stable_sort(diags.begin(), diags.end(), [&](const Diagnostic& a, const Diagnostic& b) {
        auto fa = file_index(a.where.file), fb = file_index(b.where.file);
        return fa != fb ? fa < fb : a.where.offset < b.where.offset;
    });
    if (!diags.empty()) throw CompileError(std::move(diags));
    return p;
}

std::shared_ptr<Program> compile(const std::string& path, const std::vector<ParamSetting>& settings) {
    return compile(read_source(path), settings);
}

}  // namespace reckon
