// `reckon report RULESET CASES… --out FILE.html`: a batch whose output is the
// report page (the layout the ruleset declares, the methodology appendix and
// the provenance of every figure); run as batch runs (batch_command.cpp) and
// written from its kept figures (kept_output.cpp).
#include "cli/commands.hpp"

#include "cli/batch_run.hpp"
#include "cli/common_options.hpp"

#include <memory>

namespace reckon::cli {

void add_report(CLI::App& app, Run& run, Command& chosen) {
    auto a = std::make_shared<BatchArgs>();
    a->format = BatchOutput::html;
    auto* report = app.add_subcommand("report", "Write the report of a run as one self-contained HTML page: the layout the "
                                                "ruleset declares (headlines, tables, charts), the methodology appendix, "
                                                "and the provenance of every figure");
    add_ruleset_argument(*report, a->ruleset);
    add_cases_argument(*report, a->cases);
    report->add_option("--out,-o", a->out, "the HTML file to write, atomically")->required();
    report->add_option("--jobs,-j", a->jobs, "cases evaluated at once (default: the number of cores)")->check(CLI::Range(1u, 1024u));
    add_list_option(*report, a->lists);
    add_table_options(*report, a->tables);
    add_param_option(*report, a->params);
    add_run_data_option(*report, run);
    report->add_option("--scenarios", a->scenarios, "FILE.yaml: each case read once and evaluated under each named set of "
                                                    "param and table cell values; the page shows every figure per scenario "
                                                    "side by side, and when the scenarios are years in order (2019: "
                                                    "{report_year: 2019}, …), a trend chart of each headline")
        ->check(CLI::ExistingFile);
    auto* interactive = report->add_flag("--interactive", a->interactive,
                                         "a page that recomputes: reckon's browser engine, the ruleset and the cases in the page, a "
                                         "panel of the params (and table cells) the reader changes, every figure computed again in "
                                         "the page as --param would; #NAME=VALUE&… in its address sets values as it opens; offline "
                                         "(docs/browser.md). The cases carry only the inputs the ruleset declares, each named by its row");
    report->add_flag("--keep-ids", a->keep_ids, "with --interactive: the case files as they are, identifiers and every other field "
                                                "included (needed for case tables)")
        ->needs(interactive);
    report->footer("The page needs no network and no script: inline CSS and SVG charts, printable to A4. A case that fails\n"
                   "is listed in the report and left out of the figures, and the exit status is 1. With --interactive the\n"
                   "page holds personal data the cases hold: see docs/browser.md before sending it.");
    report->callback([&chosen, a] { chosen = [a](const Run& run) { return cmd_batch(run, *a); }; });
}

}  // namespace reckon::cli
