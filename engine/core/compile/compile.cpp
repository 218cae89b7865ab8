// The pipeline, in one place: import (read and parse each file) → declare →
// check → the program, with the command line's --param values checked as
// constants of their params' types. Reads like docs/architecture.md.
#include "core/compile/compile.hpp"

#include "core/eval/fold_constants.hpp"

#include "core/check/check.hpp"
#include "core/check/check_settings.hpp"
#include "core/syntax/import.hpp"
#include "core/program/case.hpp"
#include "core/syntax/parse.hpp"

#include <algorithm>
#include <filesystem>

namespace reckon {

namespace {

// The header's name, version and sources; a file without a header is named by its file.
void take_header(Program& p) {
    const ast::Module& main = p.modules.front();
    if (!main.header) {
        p.name = std::filesystem::path(p.sources.front()->path()).stem().string();
        return;
    }
    p.name = main.header->name;
    p.version = main.header->version;
    p.description = main.header->description;
    p.sources_cited = main.header->sources;
    p.sheet_ignored_columns = main.header->ignored_columns;
    p.sheet_day_first_dates = main.header->day_first_dates;
}

// `identified by NAME`: the text input that names a case.
void find_case_id(Program& p, std::vector<Diagnostic>& diags) {
    const ast::Module& main = p.modules.front();
    if (!main.header || main.header->case_id.empty()) return;
    const std::string& id = main.header->case_id;
    for (std::size_t i = 0; i < p.inputs.size(); ++i)
        if (p.inputs[i].path == id) p.case_id_input = static_cast<int>(i);
    if (p.case_id_input < 0 || p.inputs[p.case_id_input].type.kind != TypeKind::text)
        diags.push_back({main.header->where, "'identified by " + id + "' must name an input of type text", {}});
}

// `sheets ignore columns "…"`: a column kept for people names no input (it would be data left out).
void check_ignored_columns(const Program& p, std::vector<Diagnostic>& diags) {
    const ast::Module& main = p.modules.front();
    for (const auto& column : p.sheet_ignored_columns)
        for (const auto& in : p.inputs) {
            bool names = column == in.path;
            if (in.type.kind == TypeKind::record)
                for (const auto& f : in.type.record->fields) names = names || column == in.path + "." + f.name;
            if (names)
                diags.push_back({main.header->where, "'sheets ignore columns' names \"" + column + "\", the column of input '" + in.path +
                                                         "': only columns that name no input are left out", {}});
        }
}

// In the order of the files, then of the text, as a person reads them.
void sort_as_read(const Program& p, std::vector<Diagnostic>& diags) {
    auto file_index = [&](const SourceFile* f) {  // the rule files, then the settings' values
        for (std::size_t i = 0; i < p.sources.size(); ++i)
            if (p.sources[i].get() == f) return i;
        for (std::size_t i = 0; i < p.setting_sources.size(); ++i)
            if (p.setting_sources[i].get() == f) return p.sources.size() + i;
        return p.sources.size() + p.setting_sources.size();
    };
    std::stable_sort(diags.begin(), diags.end(), [&](const Diagnostic& a, const Diagnostic& b) {
        auto fa = file_index(a.where.file), fb = file_index(b.where.file);
        return fa != fb ? fa < fb : a.where.offset < b.where.offset;
    });
}

}  // namespace

namespace {
// declare → check: every diagnostic of the program's files, as a person reads them.
std::vector<Diagnostic> check_program(Program& p, Checker& checker) {
    take_header(p);
    std::vector<const ast::Module*> modules;
    for (const auto& m : p.modules) modules.push_back(&m);
    checker.declare(modules);
    checker.check_all();
    std::vector<Diagnostic> diags = checker.take_diagnostics();
    find_case_id(p, diags);
    check_ignored_columns(p, diags);
    return diags;
}
}  // namespace

std::shared_ptr<Program> compile(SourcePtr entry, const std::vector<ParamSetting>& settings, const Limits& limits) {
    auto p = std::make_shared<Program>();
    p->limits = limits;
    import_files(*p, entry, p->limits);
    Checker checker(*p);
    std::vector<Diagnostic> diags = check_program(*p, checker);
    std::vector<SettingProblem> problems;
    check_settings(*p, checker, settings, diags, problems);

    sort_as_read(*p, diags);
    if (!diags.empty() && diags.size() == problems.size()) throw SettingValueError(std::move(diags), std::move(problems));
    if (!diags.empty()) throw CompileError(std::move(diags));
    mark_run_constants(*p);
    p->case_keys = make_case_keys(p->inputs);
    return p;
}

std::shared_ptr<Program> compile_declarations(const Program& base, const std::vector<const Program*>& others,
                                              const std::vector<const ast::Decl*>& decls, const std::vector<ParamSetting>& settings) {
    auto p = std::make_shared<Program>();
    p->limits = base.limits;
    p->sources = base.sources;
    p->name = base.name;
    p->version = base.version;
    p->description = base.description;
    p->sources_cited = base.sources_cited;
    p->sheet_ignored_columns = base.sheet_ignored_columns;
    p->sheet_day_first_dates = base.sheet_day_first_dates;
    std::vector<const ast::Module*> modules;
    for (const auto& m : base.modules) modules.push_back(&m);
    std::vector<const SourceFile*> entries;
    for (const Program* o : others) {
        p->sources.insert(p->sources.end(), o->sources.begin(), o->sources.end());
        for (const auto& m : o->modules) modules.push_back(&m);
        if (!o->sources.empty()) entries.push_back(o->sources.front().get());
    }
    Checker checker(*p);
    checker.declare(modules, decls, entries);
    checker.check_all();
    std::vector<Diagnostic> diags = checker.take_diagnostics();
    if (base.case_id_input >= 0)  // the base's `identified by`, among the inputs declared
        for (std::size_t i = 0; i < p->inputs.size(); ++i)
            if (p->inputs[i].path == base.inputs[static_cast<std::size_t>(base.case_id_input)].path) p->case_id_input = static_cast<int>(i);
    std::vector<SettingProblem> problems;
    check_settings(*p, checker, settings, diags, problems);
    sort_as_read(*p, diags);
    if (!diags.empty()) throw CompileError(std::move(diags));
    mark_run_constants(*p);
    p->case_keys = make_case_keys(p->inputs);
    return p;
}

Analysis analyse(SourcePtr entry, const Limits& limits) {
    Analysis a;
    auto p = std::make_shared<Program>();
    p->limits = limits;
    try {
        import_files(*p, entry, p->limits);
    } catch (const CompileError& e) {  // a file that does not parse: no declarations to go on
        a.diagnostics = e.diagnostics();
        return a;
    } catch (const std::runtime_error& e) {  // an import that cannot be read
        a.diagnostics.push_back({Location{entry.get(), 0, 1}, e.what(), {}});
        return a;
    }
    Checker checker(*p);
    a.diagnostics = check_program(*p, checker);
    sort_as_read(*p, a.diagnostics);
    a.ok = a.diagnostics.empty();
    a.program = std::move(p);
    return a;
}

std::shared_ptr<Program> compile(const std::string& path, const std::vector<ParamSetting>& settings, const Limits& limits) {
    return compile(read_source(path, limits.file_size), settings, limits);
}

}  // namespace reckon
