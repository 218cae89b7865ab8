// The `reckon` command line: the app and its --limit, each command's
// subcommand (declared in the command's own file), then the command chosen,
// run on a thread whose stack fits the depth limits; errors become exit
// codes (0 ok, 1 bad input, 2 bad command line, 3 a bug).
#include "cli/commands.hpp"
#include "cli/exit_status.hpp"
#include "cli/run_options.hpp"
#include "cli/unknown_words.hpp"
#include "cli/usage_errors.hpp"

#include "core/base/big_stack.hpp"
#include "core/base/platform_console.hpp"
#include "core/base/signals.hpp"
#include "version.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <string>
#include <vector>

using namespace reckon;
using namespace reckon::cli;

int main(int argc, char** argv) {
    prepare_console();  // UTF-8 and bytes as given, on Windows too
    CLI::App app{"reckon: an interpreter for auditable costing rules.\n"
                 "Rule files (*.reckon) state a methodology; case files (YAML) give the facts of one case.",
                 "reckon"};
    app.set_version_flag("--version", std::string("reckon ") + RECKON_VERSION + " (commit " + RECKON_COMMIT + ", " + RECKON_TARGET + ")");
    app.require_subcommand(1);
    app.footer("Exit status: 0 success; 1 the input was wrong (rule file, case file, failed expectation);\n"
               "2 the command line was wrong; 3 an internal error (a bug).\n"
               "Run 'reckon COMMAND --help' or 'reckon help COMMAND' for a command's options.");
    std::vector<std::string> limit_settings;
    add_limit_option(app, limit_settings);
    app.fallthrough();

    // the commands, in the order --help lists them
    Run run;
    Command chosen;
    for (auto add : {add_check, add_eval, add_batch, add_merge, add_report, add_explain, add_sensitivity, add_diff, add_doc, add_fmt,
                     add_lsp, add_test, add_template, add_playground, add_help})
        add(app, run, chosen);

    if (auto unknown = unknown_word(app, argc, argv)) {
        std::cerr << "reckon: error: " << *unknown << "\n";
        return bad_usage;
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        if (argc == 1) {
            std::cerr << app.help();
            return bad_usage;
        }
        std::cerr << "reckon: error: " << usage_error(app, e) << "\n";
        return bad_usage;
    }

    catch_signals();  // from here on, a signal leaves no temporary file behind
    set_run_date(run);
    run.limits = default_limits();
    if (!set_limits(run.limits, limit_settings)) return bad_usage;
    // The work runs on a thread whose stack fits the depth limits.
    int status = bug;
    run_with_deep_stack(run.limits, [&] { status = exit_status_of([&] { return chosen ? chosen(run) : bad_usage; }); });
    return status;
}
