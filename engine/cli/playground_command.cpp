// `reckon playground [RULESET [CASE]] --out FILE.html`: the author's page with reckon's browser engine
// (docs/browser.md#the-playground), opening with RULESET (and the rule files it imports, beside it) and CASE in its
// editors, or with the tutorial's first example.
#include "cli/commands.hpp"

#include "cli/common_options.hpp"
#include "cli/exit_status.hpp"
#include "cli/interactive_report.hpp"
#include "commands/browser/playground.hpp"
#include "core/base/read_file.hpp"
#include "core/compile/compile.hpp"
#include "data/read_xlsx.hpp"
#include "version.hpp"

#include <filesystem>
#include <memory>

namespace reckon::cli {

namespace {

struct PlaygroundArgs {
    std::string ruleset, kase, out;
};

int cmd_playground(const Run& run, const PlaygroundArgs& a) {
    PlaygroundPage page;
    page.reckon_version = RECKON_VERSION;
    std::vector<ListFile> no_lists;
    std::shared_ptr<Program> p;
    if (!a.ruleset.empty()) {
        p = compile(a.ruleset, {}, run.limits);  // a ruleset that does not check is said here, not in the page
        const std::filesystem::path folder = std::filesystem::path(a.ruleset).parent_path();
        for (const auto& m : p->modules) {
            const std::string name = std::filesystem::path(m.source->path()).lexically_relative(folder.empty() ? "." : folder).generic_string();
            if (name.empty())
                throw RequestError(m.source->path() + ", which " + a.ruleset + " imports, cannot be put beside it in the page (it is on "
                                   "another drive): copy it into the ruleset's folder");
            PlaygroundFile f{name, read_file(m.source->path(), run.limits.file_size)};
            (page.ruleset.name.empty() ? page.ruleset : page.library.emplace_back()) = std::move(f);
        }
    }
    if (is_workbook(a.kase))
        throw RequestError("CASE: " + a.kase + " is a workbook, which the page opens itself: drop it on the page, or open it there");
    if (!a.kase.empty()) page.kase = {std::filesystem::path(a.kase).filename().string(), read_file(a.kase, run.limits.file_size)};
    const WebEngine engine = load_web_engine(run.limits);
    const RunInputs inputs = p ? inputs_of(*p, "", "", no_lists, a.kase.empty() ? std::vector<std::string>{} : std::vector<std::string>{a.kase},
                                           InputKind::case_file)
                               : RunInputs();
    OutputFile file(a.out, "--out", inputs);
    file.stream() << playground_html(page, engine);
    file.commit();
    return ok;
}

}  // namespace

void add_playground(CLI::App& app, Run&, Command& chosen) {
    auto a = std::make_shared<PlaygroundArgs>();
    auto* play = app.add_subcommand("playground", "Write the author's page: reckon in the browser, offline, in one HTML file; "
                                                  "a ruleset and a case opened, dropped or typed, checked as typed, "
                                                  "evaluated, explained and saved (docs/browser.md)");
    play->add_option("RULESET", a->ruleset, "the rule file the page opens with (the files it imports beside it); none: the "
                                            "tutorial's first example")
        ->check(CLI::ExistingFile);
    play->add_option("CASE", a->kase, "the case it opens with (a YAML case, a CSV table)")->check(CLI::ExistingFile);
    play->add_option("--out,-o", a->out, "the HTML file to write, atomically")->required();
    play->callback([&chosen, a] { chosen = [a](const Run& run) { return cmd_playground(run, *a); }; });
}

}  // namespace reckon::cli
