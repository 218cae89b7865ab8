// The `reckon` command line: its options (CLI11), then the command chosen,
// run on a thread whose stack fits the depth limits; errors become exit
// codes (0 ok, 1 bad input, 2 bad command line, 3 a bug).
#include "cli/commands.hpp"

#include "core/base/big_stack.hpp"
#include "core/compile/compile.hpp"
#include "core/base/limits.hpp"
#include "core/base/source.hpp"
#include "version.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

using namespace reckon;
using namespace reckon::cli;

int main(int argc, char** argv) {
    CLI::App app{"reckon: an interpreter for auditable costing rules.\n"
                 "Rule files (*.reckon) state a methodology; case files (YAML) give the facts of one case.",
                 "reckon"};
    app.set_version_flag("--version", std::string("reckon ") + RECKON_VERSION);
    app.require_subcommand(1);
    app.footer("Exit status: 0 success; 1 the input was wrong (rule file, case file, failed expectation);\n"
               "2 the command line was wrong; 3 an internal error (a bug).\n"
               "Run 'reckon COMMAND --help' for a command's options.");

    std::vector<std::string> limit_settings;
    std::string limits_help = "NAME=N: raise (or lower) a limit on what is accepted; repeatable. The limits, with their defaults:";
    for (const auto& l : limit_table())
        limits_help += "\n  " + std::string(l.name) + "=" + std::to_string(Limits{}.*(l.field)) + ": " + l.what;
    app.add_option("--limit", limit_settings, limits_help);
    app.fallthrough();

    std::string ruleset, case_file, format = "table";
    std::vector<std::string> params, paths;
    std::string run_data;
    const std::string run_data_help = "FILE.yaml: the run data, the values of the ruleset's `run input`s for the whole run (a "
                                      "partnership's contributions for the year), checked as a case is";
    const std::string param_help = "NAME=VALUE: set a param for this run, written as in the language (--param on_costs=25%), "
                                   "or a table's cell: 'TABLE(KEY).COLUMN=VALUE' ('unit_costs(homicide).fiscal=£200,000'); repeatable";

    auto* check = app.add_subcommand("check", "Parse, resolve names and check types and units; no case needed");
    check->add_option("RULESET", ruleset, "the ruleset's entry file (*.reckon)")->required()->check(CLI::ExistingFile);

    auto* eval = app.add_subcommand("eval", "Evaluate one case file and print its outputs");
    eval->add_option("RULESET", ruleset, "the ruleset's entry file (*.reckon)")->required()->check(CLI::ExistingFile);
    eval->add_option("CASE", case_file, "the case file (YAML)")->required()->check(CLI::ExistingFile);
    eval->add_option("--format", format, "table (for people, the default) or json (for tools)")
        ->check(CLI::IsMember({"table", "json"}));
    eval->add_option("--param", params, param_help);
    eval->add_option("--run-data", run_data, run_data_help)->check(CLI::ExistingFile);
    std::string eval_scenarios;
    eval->add_option("--scenarios", eval_scenarios, "FILE.yaml: evaluate the case under each named set of param and table cell "
                                                    "values (as for batch), a column each")
        ->check(CLI::ExistingFile);

    BatchArgs ba;
    auto* batch = app.add_subcommand("batch", "Evaluate many case files in parallel, then the cohort rules");
    batch->add_option("RULESET", ba.ruleset, "the ruleset's entry file (*.reckon)")->required()->check(CLI::ExistingFile);
    batch->add_option("CASES", ba.cases, "case files (YAML; CSV tables or workbooks (*.xlsx) with a case a row), folders (searched for *.yaml, *.yml, *.csv and *.xlsx) or glob patterns")->required();
    batch->add_option("--jobs,-j", ba.jobs, "cases evaluated at once (default: the number of cores, here " +
                                                std::to_string(ba.jobs) + ")")
        ->check(CLI::Range(1u, 1024u));
    batch->add_option("--format", ba.format_name, "table (for people, the default), jsonl (a JSON object per case, then the "
                                             "cohort), csv (a row per case) or xlsx (a workbook: sheets Cases, Cohort, "
                                             "Parameters, Provenance; needs --out)")
        ->check(CLI::IsMember({"table", "jsonl", "csv", "xlsx"}));
    batch->add_option("--out,-o", ba.out, "write the results to FILE, atomically (nothing is written unless the run completes)");
    batch->add_option("--param", ba.params, param_help);
    batch->add_option("--run-data", run_data, run_data_help)->check(CLI::ExistingFile);
    const std::string list_help = "NAME=FILE: the table of list input NAME for a case table, one row per element, each with "
                                  "the case's identifier (--list offences=offences.csv); a workbook's own sheet NAME is "
                                  "read without it; repeatable";
    batch->add_option("--list", ba.lists, list_help);
    const std::string ignore_help = "NAME: a column of a case table kept for people (notes, officers' names), left out; repeatable";
    const std::string ignore_sheet_help = "NAME: a sheet of a workbook kept for people, left out; repeatable";
    const std::string dates_help = "iso (YYYY-MM-DD, the default) or day-first (also DD/MM/YYYY): how a case table writes dates as text (a workbook's date cells are dates either way)";
    std::string batch_dates = "iso", report_dates = "iso", explain_dates = "iso";
    batch->add_option("--ignore-column", ba.tables.ignored_columns, ignore_help);
    batch->add_option("--ignore-sheet", ba.tables.ignored_sheets, ignore_sheet_help);
    batch->add_option("--dates", batch_dates, dates_help)->check(CLI::IsMember({"iso", "day-first"}));
    batch->add_option("--scenarios", ba.scenarios, "FILE.yaml: named sets of param values (low: {arrest_hours: 3.5 hour}, "
                                                   "high: …); each case is read once and evaluated under each, with a "
                                                   "result per case and scenario and a cohort per scenario (in a table, "
                                                   "a line per case and scenario and the cohort with a column per scenario; "
                                                   "in a workbook, a column per scenario)")
        ->check(CLI::ExistingFile);
    batch->add_option("--cohort-out", ba.cohort_out, "FILE.csv: also write the cohort's figures as a CSV of their own (output, member, "
                                                     "label, value, unit), a row per figure and per member of a figure by member");
    batch->add_option("--shard", ba.shard, "K/N: evaluate only shard K of N (the cases at positions K-1, K-1+N, … of the whole "
                                           "list given, counted from 0), for a run split across machines; needs --partial");
    batch->add_option("--partial", ba.partial, "FILE: with --shard, write the shard's partial result (its cases' figures, "
                                               "failures and the cohort's exact running totals) to FILE, atomically; "
                                               "reckon merge writes the run's output from every shard's");
    batch->footer("A case that fails is reported on stderr with its file and line; the others go on, the cohort is\n"
                  "computed over the cases that succeeded, and the exit status is 1. A shard (--shard, --partial)\n"
                  "exits 0 once its partial result is written, failed cases and all: merge reports them. See docs/scale.md.");

    BatchArgs ma;
    auto* merge = app.add_subcommand("merge", "Write the output of a run split into shards (batch --shard K/N --partial FILE) from "
                                              "the shards' partial results, byte for byte as one batch over every case writes it");
    merge->add_option("RULESET", ma.ruleset, "the ruleset's entry file (*.reckon), as the shards were given it")->required()->check(CLI::ExistingFile);
    merge->add_option("PARTIALS", ma.cases, "every shard's partial result, in any order")->required()->check(CLI::ExistingFile);
    merge->add_option("--format", ma.format_name, "table (the default), jsonl or csv, as for batch; xlsx, the workbook batch "
                                                  "writes; or html, the page reckon report writes (both need --out)")
        ->check(CLI::IsMember({"table", "jsonl", "csv", "xlsx", "html"}));
    merge->add_option("--out,-o", ma.out, "write the results to FILE, atomically");
    merge->add_option("--jobs,-j", ma.jobs, "html: the cases of a tornado or a distribution evaluated on N threads (default: "
                                            "the number of cores); they are read again from the case files the partials name")
        ->check(CLI::Range(1u, 1024u));
    merge->add_option("--param", ma.params, param_help + "; the shards' own");
    merge->add_option("--run-data", run_data, run_data_help + "; the shards' own")->check(CLI::ExistingFile);
    merge->add_option("--scenarios", ma.scenarios, "FILE.yaml: the shards' scenarios")->check(CLI::ExistingFile);
    merge->add_option("--cohort-out", ma.cohort_out, "FILE.csv: also write the cohort's figures as a CSV of their own, as for batch");
    merge->footer("Each partial is checked: made by this ruleset under the same params, scenarios and table cells, of the\n"
                  "same list of cases, each shard once and none missing; otherwise the error names the file and nothing\n"
                  "is written. The exit status is 1 when a case failed in any shard, as for batch. See docs/scale.md.");

    BatchArgs ra;
    ra.format_name = "html";
    auto* report = app.add_subcommand("report", "Write the report of a run as one self-contained HTML page: the layout the "
                                                "ruleset declares (headlines, tables, charts), the methodology appendix, "
                                                "and the provenance of every figure");
    report->add_option("RULESET", ra.ruleset, "the ruleset's entry file (*.reckon)")->required()->check(CLI::ExistingFile);
    report->add_option("CASES", ra.cases, "case files (YAML; CSV tables or workbooks (*.xlsx) with a case a row), folders (searched for *.yaml, *.yml, *.csv and *.xlsx) or glob patterns")->required();
    report->add_option("--out,-o", ra.out, "the HTML file to write, atomically")->required();
    report->add_option("--jobs,-j", ra.jobs, "cases evaluated at once (default: the number of cores)")->check(CLI::Range(1u, 1024u));
    report->add_option("--list", ra.lists, list_help);
    report->add_option("--ignore-column", ra.tables.ignored_columns, ignore_help);
    report->add_option("--ignore-sheet", ra.tables.ignored_sheets, ignore_sheet_help);
    report->add_option("--dates", report_dates, dates_help)->check(CLI::IsMember({"iso", "day-first"}));
    report->add_option("--param", ra.params, param_help);
    report->add_option("--run-data", run_data, run_data_help)->check(CLI::ExistingFile);
    report->add_option("--scenarios", ra.scenarios, "FILE.yaml: each case read once and evaluated under each named set of "
                                                    "param and table cell values; the page shows every figure per scenario "
                                                    "side by side, and when the scenarios are years in order (2019: "
                                                    "{report_year: 2019}, …), a trend chart of each headline")
        ->check(CLI::ExistingFile);
    report->footer("The page needs no network and no script: inline CSS and SVG charts, printable to A4. A case that fails\n"
                   "is listed in the report and left out of the figures, and the exit status is 1.");

    std::string output, explain_format = "text";
    int depth = 0;
    std::vector<std::string> explain_args;
    auto* explain = app.add_subcommand("explain", "Show how one output of one case, or one cohort figure of a batch, is derived: "
                                                  "rules, params with their sources, inputs; for a cohort figure, the cases that "
                                                  "give the largest parts of it");
    explain->add_option("RULESET", ruleset, "the ruleset's entry file (*.reckon)")->required()->check(CLI::ExistingFile);
    explain->add_option("CASE OUTPUT", explain_args, "the case file (a YAML case, or a case table with --case ID) and the "
                                                     "output (or rule) to explain, by name; for a cohort figure, the cases as "
                                                     "for batch (files, folders, patterns), then the figure")
        ->required()
        ->expected(2, 1000000);
    explain->add_option("--format", explain_format, "text (an indented tree, the default) or json")
        ->check(CLI::IsMember({"text", "json"}));
    explain->add_option("--depth", depth, "show N levels of the tree (default: all)")->check(CLI::Range(1, 1000));
    std::size_t entries = 5;
    explain->add_option("--entries", entries, "show the first N entries of a list input, each with its fields' names (default 5)")
        ->check(CLI::Range(0u, 1000000u));
    explain->add_option("--param", params, param_help);
    explain->add_option("--run-data", run_data, run_data_help)->check(CLI::ExistingFile);
    std::string explain_case;
    std::vector<std::string> explain_lists;
    explain->add_option("--case", explain_case, "ID: with a case table (CSV or workbook) as CASE, the row whose identifier is ID");
    explain->add_option("--list", explain_lists, "NAME=FILE: with a case table, the table of list input NAME; repeatable");
    TableOptions explain_tables;
    explain->add_option("--ignore-column", explain_tables.ignored_columns, ignore_help);
    explain->add_option("--ignore-sheet", explain_tables.ignored_sheets, ignore_sheet_help);
    explain->add_option("--dates", explain_dates, dates_help)->check(CLI::IsMember({"iso", "day-first"}));

    DiffArgs da;
    std::uint64_t explain_draw = 0, explain_seed = 1;
    explain->add_option("--draw", explain_draw, "K: explain with the uncertain values of draw K of a probabilistic run (reckon "
                                                "sensitivity --draws), as drawn with --seed")
        ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1000000000}));
    explain->add_option("--seed", explain_seed, "S: the seed of the draw (default 1)");

    SensitivityArgs sa;
    std::string sensitivity_format = "text", sensitivity_dates = "iso";
    auto* sensitivity = app.add_subcommand(
        "sensitivity", "How sure a figure is, and which assumption moves it most, over the ranges and distributions the ruleset "
                       "declares (param NAME = V range LOW to HIGH [distributed KIND], and the same in a table's cell): one-way (a tornado, largest swing "
                       "first), switching values, a two-way grid, and probabilistic runs");
    sensitivity->add_option("RULESET", sa.ruleset, "the ruleset's entry file (*.reckon)")->required()->check(CLI::ExistingFile);
    sensitivity->add_option("CASES", sa.cases, "one case for the figures of a case; for cohort figures, the cases as for batch (files, "
                                               "folders, patterns, case tables); each read once")
        ->required();
    sensitivity->add_option("--output", sa.outputs, "NAME: a figure to analyse (repeatable; name(Enum.member) for one member of a figure "
                                                    "by member); default: every figure that is a number and that a range moves "
                                                    "(the case's outputs for one case, else the cohort's)");
    sensitivity->add_option("--threshold", sa.thresholds, "NAME=VALUE: the value of each param or table cell with a range at which the "
                                                          "figure reaches VALUE (total=£60,000; saving_pnc=£0): exact where the figure is linear in "
                                                          "it, else by bisection; with --draws, also the share of draws beyond it");
    sensitivity->add_option("--two-way", sa.two_way, "A,B: the first figure over a grid of two ranges (params or cells, as --param names them)");
    sensitivity->add_option("--steps", sa.steps, "N: points of each range in the two-way grid, ends included (default 5)")
        ->check(CLI::Range(std::size_t{2}, std::size_t{101}));
    sensitivity->add_option("--draws", sa.draws, "N: a probabilistic run of N draws of every param and cell with a distribution: mean, "
                                                 "median, 2.5% and 97.5% of each figure")
        ->check(CLI::Range(std::size_t{1}, std::size_t{10000000}));
    sensitivity->add_option("--seed", sa.seed, "S: the seed of the draws (default 1); the same seed gives the same draws on every "
                                               "machine and with any --jobs");
    sensitivity->add_option("--jobs,-j", sa.jobs, "threads: each pass over the cases shares its settings (the one-way ends, a grid's points, the draws) among them (default: the number of cores)")->check(CLI::Range(1u, 1024u));
    sensitivity->add_option("--format", sensitivity_format, "text (for people, the default), json, csv, or xlsx (a workbook with a "
                                                           "sheet for each analysis and each draw's values; needs --out)")
        ->check(CLI::IsMember({"text", "json", "csv", "xlsx"}));
    sensitivity->add_option("--out,-o", sa.out, "FILE: write there, atomically, rather than to the screen");
    sensitivity->add_option("--param", sa.params, param_help + "; a param set so is held, not varied");
    sensitivity->add_option("--run-data", run_data, run_data_help)->check(CLI::ExistingFile);
    sensitivity->add_option("--list", sa.lists, list_help);
    sensitivity->add_option("--ignore-column", sa.tables.ignored_columns, ignore_help);
    sensitivity->add_option("--ignore-sheet", sa.tables.ignored_sheets, ignore_sheet_help);
    sensitivity->add_option("--dates", sensitivity_dates, dates_help)->check(CLI::IsMember({"iso", "day-first"}));
    sensitivity->footer("Every figure is evaluated exactly, as eval and batch evaluate it. A case that fails under the ruleset's\n"
                        "values is reported and left out, as in batch, and the exit status is 1. See docs/uncertainty.md.");

    auto* diff = app.add_subcommand("diff", "What changed between two versions of a ruleset, in its own terms; with --cases, "
                                            "the effect on the cohort's figures and on every output of every case");
    diff->add_option("OLD", da.old_version, "a rule file, or REV:PATH (a git revision, as in HEAD~1:rulesets/x.reckon)")->required();
    diff->add_option("NEW", da.new_version, "a rule file, or REV:PATH")->required();
    diff->add_option("--cases", da.cases, "cases to evaluate under both versions, given as for batch (files, folders, patterns, "
                                          "case tables)");
    diff->add_option("--list", da.lists, list_help);
    diff->add_option("--param", da.params, "NAME=VALUE: a param or table cell set for both versions in this run (--param report_year=2023); repeatable");
    diff->add_option("--scenarios", da.scenarios, "FILE.yaml: with --cases, the effect under each named set of param and table cell "
                                                  "values (as for batch), a section each")
        ->check(CLI::ExistingFile);
    diff->add_option("--rows", da.rows, "with --cases, how many affected cases the text shows, the largest changes first (default 20)")
        ->check(CLI::Range(1u, 1000000u));
    diff->add_option("--format", da.format, "text (the default) or json (every case)")->check(CLI::IsMember({"text", "json"}));

    std::string doc_case;
    auto* doc = app.add_subcommand("doc", "Print the methodology appendix (Markdown): params with sources, tables, the case schema, "
                                          "rules with formulas, and with --case the worked value of each step");
    doc->add_option("RULESET", ruleset, "the ruleset's entry file (*.reckon)")->required()->check(CLI::ExistingFile);
    doc->add_option("--case", doc_case, "a case file: show the worked value of every rule for it")->check(CLI::ExistingFile);
    std::string doc_format = "md";
    doc->add_option("--format", doc_format, "md (Markdown, the default) or html (one self-contained page)")
        ->check(CLI::IsMember({"md", "html"}));
    doc->add_option("--param", params, param_help);
    doc->add_option("--run-data", run_data, run_data_help)->check(CLI::ExistingFile);

    bool fmt_check = false;
    auto* fmt = app.add_subcommand("fmt", "Rewrite rule files in the one canonical layout (comments kept)");
    fmt->add_option("FILES", paths, "rule files or folders (searched for *.reckon)")->required()->check(CLI::ExistingPath);
    fmt->add_flag("--check", fmt_check, "change nothing: list the files that are not in the canonical layout, and exit 1 if any");

    auto* lsp = app.add_subcommand("lsp", "Run the language server for editors (LSP 3.17 over standard input and output): diagnostics, "
                                          "hover, definition, references, rename, completion, outline, formatting, signature help, "
                                          "and worked values for a case (docs/editors.md)");

    auto* test = app.add_subcommand("test", "Run the test blocks of the rule files found under PATHs");
    test->add_option("PATH", paths, "rule files or folders (searched for *.reckon)")->required()->check(CLI::ExistingPath);

    std::string template_format = "yaml", template_out;
    auto* tmpl = app.add_subcommand("template", "Write the blank case an analyst fills in: a YAML case file, CSV tables "
                                                "(a row per case, a table per list input) or a workbook, that read back as cases");
    tmpl->add_option("RULESET", ruleset, "the ruleset's entry file (*.reckon)")->required()->check(CLI::ExistingFile);
    tmpl->add_option("--format", template_format, "yaml (one case, the default), csv (tables; needs --out FOLDER) or xlsx "
                                                  "(a workbook with a sheet per table, instructions and checks as cells are "
                                                  "typed; needs --out FILE.xlsx)")
        ->check(CLI::IsMember({"yaml", "csv", "xlsx"}));
    tmpl->add_option("--out,-o", template_out, "yaml: the file to write (default: standard output); csv: the folder for the tables; "
                                               "xlsx: the workbook");

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
        app.exit(e);
        return bad_usage;
    }

    Run run;
    run.date = run_date();
    run.run_data = run_data;
    ba.format = batch_output(ba.format_name);
    ba.format_given = batch->get_option("--format")->count() > 0;
    ma.format = batch_output(ma.format_name);
    ba.tables.day_first_dates = batch_dates == "day-first";
    ra.tables.day_first_dates = report_dates == "day-first";
    explain_tables.day_first_dates = explain_dates == "day-first";
    ra.format = batch_output(ra.format_name);
    for (const auto& l : limit_settings)
        if (auto err = set_limit(run.limits, l)) {
            std::cerr << "reckon: error: " << *err << "\n";
            return bad_usage;
        }

    auto chosen = [&]() -> int {
        if (*check) return cmd_check(run, ruleset);
        if (*eval) return cmd_eval(run, ruleset, case_file, format, params, eval_scenarios);
        if (*test) return cmd_test(run, paths);
        if (*batch) return cmd_batch(run, ba);
        if (*report) return cmd_batch(run, ra);
        if (*merge) return cmd_merge(run, ma);
        if (*fmt) return cmd_fmt(run, paths, fmt_check);
        if (*lsp) return cmd_lsp(run);
        if (*doc) return cmd_doc(run, ruleset, doc_case, doc_format, params);
        if (*diff) return cmd_diff(run, da);
        if (*explain) {
            output = explain_args.back();
            explain_args.pop_back();
            return cmd_explain(run, ruleset, explain_args, output, explain_format, depth, params, explain_case, explain_lists, explain_tables,
                               entries, explain_draw, explain_seed);
        }
        if (*sensitivity) {
            sa.format = sensitivity_format == "json" ? SensitivityFormat::json
                      : sensitivity_format == "csv"  ? SensitivityFormat::csv
                      : sensitivity_format == "xlsx" ? SensitivityFormat::xlsx
                                                     : SensitivityFormat::text;
            sa.tables.day_first_dates = sensitivity_dates == "day-first";
            return cmd_sensitivity(run, sa);
        }
        if (*tmpl) return cmd_template(run, ruleset, template_format, template_out);
        return bad_usage;
    };
    // The work runs on a thread whose stack fits the depth limits.
    int status = bug;
    run_with_deep_stack(run.limits, [&] { status = exit_status_of(chosen); });
    return status;
}
