// `reckon fmt FILES…`: rule files rewritten in the one canonical layout,
// comments kept, each atomically; with --check, nothing changed and the files
// not in the layout listed (exit 1 if any).
#include "cli/commands.hpp"

#include "cli/exit_status.hpp"
#include "commands/fmt/fmt.hpp"
#include "commands/output/output_file.hpp"
#include "commands/tests/rule_tests.hpp"
#include "core/base/source.hpp"
#include "core/program/settings.hpp"

#include <iostream>
#include <memory>

namespace reckon::cli {

namespace {

struct FmtArgs {
    std::vector<std::string> paths;
    bool check = false;  // --check: change nothing, list what would change
};

int cmd_fmt(const Run& run, const FmtArgs& a) {
    auto files = find_rule_files(a.paths);
    if (files.empty()) throw RequestError("no rule files (*.reckon) found");
    int status = ok;
    for (const auto& f : files) {
        try {
            SourcePtr src = read_source(f, run.limits.file_size);
            std::string formatted = format_rules(src, run.limits);
            if (formatted == src->text()) continue;
            if (a.check) {
                std::cout << f << "\n";  // would change
                status = bad_input;
                continue;
            }
            OutputFile out(f, "fmt", RunInputs{});  // the file rewritten in place: its own input
            out.stream() << formatted;
            out.commit();
            std::cout << "formatted " << f << "\n";
        } catch (const CompileError& e) {
            std::cerr << e.what();
            status = bad_input;
        } catch (const std::runtime_error& e) {
            std::cerr << e.what() << "\n";
            status = bad_input;
        }
    }
    return status;
}

}  // namespace

void add_fmt(CLI::App& app, Run&, Command& chosen) {
    auto a = std::make_shared<FmtArgs>();
    auto* fmt = app.add_subcommand("fmt", "Rewrite rule files in the one canonical layout (comments kept)");
    fmt->add_option("FILES", a->paths, "rule files or folders (searched for *.reckon)")->required()->check(CLI::ExistingPath);
    fmt->add_flag("--check", a->check, "change nothing: list the files that are not in the canonical layout, and exit 1 if any");
    fmt->callback([&chosen, a] { chosen = [a](const Run& run) { return cmd_fmt(run, *a); }; });
}

}  // namespace reckon::cli
