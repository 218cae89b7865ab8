#include "cli/interactive_report.hpp"

#include "cli/case_files.hpp"
#include "cli/common_options.hpp"
#include "cli/executable_path.hpp"
#include "commands/explain/explain.hpp"
#include "core/base/read_file.hpp"
#include "data/case_for_page.hpp"
#include "version.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <stdexcept>

namespace reckon::cli {

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> engine_folders() {
    std::vector<fs::path> folders;
    if (const char* given = std::getenv("RECKON_WEB_ENGINE"); given && *given) folders.emplace_back(given);
    if (fs::path exe = executable_path(); !exe.empty()) {
        folders.push_back(exe.parent_path() / "web");
        folders.push_back(exe.parent_path().parent_path() / "share" / "reckon" / "web");
    }
    return folders;
}

// Where the page's engine finds the files of a run: relative paths as given (with '/'), from a folder deep enough
// for their "..", and absolute ones under /abs (a drive letter as a folder), apart from that folder.
class PageFiles {
public:
    explicit PageFiles(const std::vector<std::string>& given) {
        for (const auto& g : given) {
            int ups = 0;
            for (const auto& part : fs::path(g).lexically_normal()) {
                if (part != "..") break;
                ++ups;
            }
            depth_ = std::max(depth_, ups);
        }
        cwd_ = "/run";
        for (int k = 0; k < depth_; ++k) cwd_ += "/in";
    }
    const std::string& cwd() const { return cwd_; }
    // What the page's command names the file by.
    std::string arg(const std::string& given) const {
        const fs::path p(given);
        if (!p.is_absolute()) return p.generic_string();
        std::string root = p.root_name().generic_string();
        root.erase(std::remove(root.begin(), root.end(), ':'), root.end());
        return (fs::path("/abs/" + root) / p.relative_path()).lexically_normal().generic_string();
    }
    // Where it is in the engine's memory.
    std::string at(const std::string& given) const {
        const fs::path a(arg(given));
        return (a.is_absolute() ? a : (fs::path(cwd_) / a)).lexically_normal().generic_string();
    }

private:
    int depth_ = 0;
    std::string cwd_;
};

std::vector<PanelValue> panel_params(const Program& p, const std::vector<Value>& params) {
    std::vector<PanelValue> out;
    for (std::size_t i = 0; i < p.params.size(); ++i) {
        const ParamDef& d = p.params[i];
        if (d.run_input >= 0 && !one_value(d.type)) continue;  // a list or record of the run data: not set by --param
        const int slot = static_cast<int>(i);
        PanelValue v{d.name, param_setting_text(p, slot, params[i]), describe(d.type, p.units), param_source(p, slot, params), "", ""};
        if (d.uncertain) v.low = d.uncertain->low_text, v.high = d.uncertain->high_text;
        out.push_back(std::move(v));
    }
    return out;
}

// Each cell of a table keyed by one value, as --param TABLE(KEY).COLUMN names it.
std::vector<PanelValue> panel_cells(const Program& p) {
    std::vector<PanelValue> out;
    for (const auto& t : p.tables) {
        if (!t.single_key() || !t.columns) continue;
        for (const auto& key : t.order) {
            const Value& row = t.rows.at(key);
            for (std::size_t f = 0; f < t.columns->fields.size() && f < row.items()->size(); ++f) {
                const auto& field = t.columns->fields[f];
                const Value& x = (*row.items())[f];
                out.push_back({t.name + "(" + key_shown(t, key) + ")." + field.name,
                               x.kind == Value::Kind::none ? "none" : typed_value(p, field.type, x), describe(field.type, p.units),
                               t.source_of(key), "", ""});
            }
        }
    }
    return out;
}

std::string bytes_of(const std::string& path, const Limits& limits) { return read_file(path, limits.file_size); }

}  // namespace

WebEngine load_web_engine(const Limits& limits) {
    std::string looked;
    for (const auto& folder : engine_folders()) {
        const fs::path js = folder / "reckon-engine.js", wasm = folder / "reckon-engine.wasm.gz";
        std::error_code ec;
        if (fs::is_regular_file(js, ec) && fs::is_regular_file(wasm, ec))
            return {bytes_of(js.string(), limits), read_file(wasm.string(), std::max<std::uint64_t>(limits.file_size, 64u << 20))};
        looked += (looked.empty() ? "" : ", ") + folder.string();
    }
    throw std::runtime_error("reckon: error: this page needs reckon's browser engine (reckon-engine.js and reckon-engine.wasm.gz), "
                             "built when emscripten is installed: apt-get install -y emscripten binaryen, then cmake --build "
                             "build (or tools/web-engine FOLDER, and RECKON_WEB_ENGINE=FOLDER); looked in " +
                             (looked.empty() ? std::string("no folder") : looked));
}

namespace {

// The case files a page carries, each with the name the page gives it and its bytes. Without --keep-ids, each is
// reduced (case_for_page) and named by its place, and a file with a case the run could not evaluate is left out:
// the command line has said why, and the page carries nothing it could not read.
struct PageCases {
    std::vector<std::pair<std::string, std::string>> files;
    std::size_t cases = 0, left_out = 0;
};

PageCases page_cases(const Run& run, const BatchArgs& a, const Program& p, const std::vector<std::string>& files,
                     const BatchResults& results) {
    std::set<std::string> failed;
    for (const auto& c : results.cases)
        if (!c.ok) failed.insert(c.file);
    PageCases out;
    std::size_t row = 1;
    for (const auto& f : files) {
        if (a.keep_ids) {
            out.files.emplace_back(f, bytes_of(f, run.limits));
        } else if (failed.count(f)) {
            ++out.left_out;
        } else {
            try {
                std::string text = case_for_page(p, f, run.limits.file_size, row);
                out.files.emplace_back("cases/" + std::to_string(out.files.size() + 1) + ".yaml", std::move(text));
            } catch (const std::exception&) {  // read by the run, but not so again: not carried
                ++out.left_out;
            }
        }
    }
    out.cases = a.keep_ids ? results.cases.size() : row - 1;  // every case of the run, or those carried
    return out;
}

std::string holds(const BatchArgs& a, std::size_t rule_files, bool inputs, const PageCases& cases) {
    const auto n = [](std::size_t k, const std::string& one) { return std::to_string(k) + " " + one + (k == 1 ? "" : "s"); };
    return "reckon's engine, the ruleset " + a.ruleset + " (" + n(rule_files, "rule file") + ")" + (inputs ? ", its other inputs" : "") +
           " and " + n(cases.files.size(), "case file") + " (" + n(cases.cases, "case") + ")" +
           (a.keep_ids ? ", as they are, identifiers and every field included (--keep-ids)."
                       : ": only the inputs the ruleset declares, and each case's identifier replaced by its row (1 to " +
                             std::to_string(cases.cases) + ").") +
           (cases.left_out ? " " + n(cases.left_out, "case file") + " with a case that failed " + (cases.left_out == 1 ? "is" : "are") +
                                 " left out."
                           : "") +
           " It computes in this browser and makes no network connection.";
}

}  // namespace

InteractivePage interactive_page_of(const Run& run, const BatchArgs& a, const Program& p, const std::vector<Value>& params,
                                    const std::vector<std::string>& files, const BatchResults& results) {
    std::vector<std::string> rule_files, inputs;  // the run's files, as given: the ruleset's, then the others
    for (const auto& m : p.modules) rule_files.push_back(m.source->path());
    if (!run.run_data.empty()) inputs.push_back(run.run_data);
    if (!a.scenarios.empty()) inputs.push_back(a.scenarios);
    const std::vector<ListFile> lists = parse_lists(a.lists);
    for (const auto& l : lists) inputs.push_back(l.path);
    const PageCases cases = page_cases(run, a, p, files, results);
    std::vector<std::string> all = rule_files;
    all.insert(all.end(), inputs.begin(), inputs.end());
    for (const auto& c : cases.files) all.push_back(c.first);
    const PageFiles where(all);

    InteractivePage page;
    page.title = p.report ? p.report->title : p.name;
    page.reckon_version = RECKON_VERSION;
    page.cwd = where.cwd();
    for (const auto& f : rule_files) page.files.push_back({where.at(f), bytes_of(f, run.limits)});
    for (const auto& f : inputs) page.files.push_back({where.at(f), bytes_of(f, run.limits)});
    for (const auto& [name, bytes] : cases.files) page.files.push_back({where.at(name), bytes});
    // the commands, run again in the page: the report, and explain (the output's name after its cases)
    page.report = {"report", where.arg(a.ruleset)};
    for (const auto& c : cases.files) page.report.push_back(where.arg(c.first));
    page.explain = page.report;
    page.explain[0] = "explain";
    auto& options = page.explain_options;
    if (!run.run_data.empty()) options.insert(options.end(), {"--run-data", where.arg(run.run_data)});
    for (const auto& l : lists) options.insert(options.end(), {"--list", l.input + "=" + where.arg(l.path)});
    for (const auto& c : a.tables.ignored_columns) options.insert(options.end(), {"--ignore-column", c});
    for (const auto& s : a.tables.ignored_sheets) options.insert(options.end(), {"--ignore-sheet", s});
    if (a.tables.day_first_dates) options.insert(options.end(), {"--dates", "day-first"});
    page.report.insert(page.report.end(), options.begin(), options.end());
    if (!a.scenarios.empty()) page.report.insert(page.report.end(), {"--scenarios", where.arg(a.scenarios)});
    page.report.insert(page.report.end(), {"--jobs", "1"});
    page.settings = a.params;
    page.params = panel_params(p, params);
    page.cells = panel_cells(p);
    page.epoch = run.day_epoch;
    page.holds = holds(a, rule_files.size(), !inputs.empty(), cases);
    return page;
}

}  // namespace reckon::cli
