// The `reckon` command: turns arguments into calls of the engine, and
// errors into exit codes (0 ok, 1 bad input, 2 bad command line, 3 a bug).
#include "commands/batch.hpp"
#include "core/load_case.hpp"
#include "core/compile.hpp"
#include "commands/diff.hpp"
#include "commands/doc.hpp"
#include "core/eval.hpp"
#include "commands/explain.hpp"
#include "commands/fmt.hpp"
#include "core/limits.hpp"
#include "core/big_stack.hpp"
#include "commands/output_file.hpp"
#include "commands/present.hpp"
#include "commands/report.hpp"
#include "commands/rule_tests.hpp"
#include "commands/workbook.hpp"
#include "revision.hpp"
#include "version.hpp"

#include <CLI/CLI.hpp>

#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <thread>

namespace {

using namespace reckon;

constexpr int ok = 0, bad_input = 1, bad_usage = 2, bug = 3, interrupted = 130;

// What every command of this run is given: the limits set with --limit, and
// the date that reports and workbooks carry.
struct Run {
    Limits limits;
    std::string date;  // YYYY-MM-DD, UTC
};

// Today (UTC), or SOURCE_DATE_EPOCH's day for a reproducible page.
std::string run_date() {
    std::time_t t = std::time(nullptr);
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        long long v = std::strtoll(epoch, &end, 10);
        if (end && *end == '\0' && end != epoch && v >= 0) t = static_cast<std::time_t>(v);
    }
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

std::atomic<bool> stop_requested{false};
extern "C" void on_signal(int) { stop_requested.store(true); }

std::vector<ParamSetting> parse_settings(const std::vector<std::string>& raw) {
    std::vector<ParamSetting> out;
    for (const auto& s : raw) {
        auto eq = s.find('=');
        if (eq == std::string::npos || eq == 0)
            throw UsageError("--param " + s + ": expected NAME=VALUE, as in --param on_costs=25%");
        out.push_back({s.substr(0, eq), s.substr(eq + 1)});
    }
    return out;
}

int cmd_check(const Run& run, const std::string& ruleset) {
    auto p = compile(ruleset, {}, run.limits);
    std::cout << ruleset << ": ok (" << p->params.size() << " params, " << p->tables.size() << " tables, "
              << p->inputs.size() << " inputs, " << p->rules.size() << " rules of which " << p->outputs.size()
              << " outputs and " << p->cohort_outputs.size() << " cohort outputs, " << p->tests.size() << " tests)\n";
    return ok;
}

int cmd_eval(const Run& run, const std::string& ruleset, const std::string& case_file, const std::string& format,
             const std::vector<std::string>& raw_params) {
    auto p = compile(ruleset, parse_settings(raw_params), run.limits);
    Case c = load_case_file(*p, case_file);
    std::vector<Value> params = bind_params(*p, command_line_overrides(*p));
    CaseResult r;
    try {
        r = evaluate_outputs(*p, params, c);
    } catch (const EvalError& e) {
        std::cerr << render(e.diagnostic());  // while the program's sources are alive
        return bad_input;
    }
    std::cout << (format == "json" ? render_json(*p, r) : render_table(*p, r));
    return ok;
}

// What `reckon batch` and `reckon report` write.
enum class BatchOutput { table, jsonl, csv, xlsx, html };

BatchOutput batch_output(const std::string& name) {  // one of the names --format accepts
    if (name == "jsonl") return BatchOutput::jsonl;
    if (name == "csv") return BatchOutput::csv;
    if (name == "xlsx") return BatchOutput::xlsx;
    if (name == "html") return BatchOutput::html;
    return BatchOutput::table;
}

struct BatchArgs {
    std::string ruleset, format_name = "table", out, scenarios;
    BatchOutput format = BatchOutput::table;  // from format_name, once parsed
    std::vector<std::string> cases, params;
    unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
};

// The params of each scenario: the command line's settings, then the
// scenario's, checked as --param values are; an error points at the value
// in the scenarios file.
std::vector<BoundScenario> bind_scenarios(const Run& run, const BatchArgs& a, const std::vector<Scenario>& scenarios) {
    std::vector<BoundScenario> out;
    for (const auto& sc : scenarios) {
        std::vector<ParamSetting> settings = parse_settings(a.params);
        for (const auto& v : sc.settings) settings.push_back({v.param, v.value});
        auto fail = [&](const std::string& param, const std::string& why) {
            Location where = sc.where;
            for (const auto& v : sc.settings)
                if (v.param == param) where = v.where;
            throw CompileError({Diagnostic{where, "scenario '" + sc.name + "': " + why, {}}});
        };
        std::shared_ptr<Program> q;
        try {
            q = compile(a.ruleset, settings, run.limits);
        } catch (const UsageError& e) {  // "--param NAME: the ruleset has no param named 'NAME'"
            std::string text = e.what();
            std::string name = text.substr(8, text.find(':') - 8);
            fail(name, text.substr(text.find(": ") + 2));
        } catch (const CompileError& e) {
            // The diagnostics point into the program that failed, which is gone: read the text.
            // "--param NAME:1:5: error: MESSAGE\n…" (a value), or an error in the rule file itself.
            std::string text = e.what();
            std::string first = text.substr(0, text.find('\n'));
            if (first.rfind("--param ", 0) != 0) throw std::runtime_error(text.substr(0, text.size() - 1));
            auto at = first.find(": error: ");
            fail(first.substr(8, first.find(':') - 8), at == std::string::npos ? first : first.substr(at + 9));
        }
        out.push_back({sc.name, bind_params(*q, command_line_overrides(*q))});
    }
    return out;
}

// `reckon batch` and `reckon report` (format "html"): the cases evaluated in
// parallel, then written as text, a workbook or the report page.
int cmd_batch(const Run& run, const BatchArgs& a) {
    namespace fs = std::filesystem;
    std::signal(SIGINT, on_signal);  // from the start: an interrupt is always answered the same way
    std::signal(SIGTERM, on_signal);
    auto p = compile(a.ruleset, parse_settings(a.params), run.limits);
    if (a.format == BatchOutput::xlsx && a.out.empty())
        throw UsageError("--format xlsx writes a workbook, which is not text: give the file with --out FILE.xlsx");
    std::vector<std::string> files = find_case_files(a.cases);
    if (!a.out.empty()) {
        std::error_code ec;
        for (const auto& f : files)
            if (fs::equivalent(f, a.out, ec))
                throw UsageError("--out " + a.out + ": this is one of the case files; choose another output file");
    }
    std::vector<Value> params;
    std::vector<BoundScenario> scenarios;
    try {
        params = bind_params(*p, command_line_overrides(*p));
        if (!a.scenarios.empty()) {
            if (a.format != BatchOutput::jsonl && a.format != BatchOutput::csv)
                throw UsageError("--scenarios gives a result per case and scenario: use --format jsonl or --format csv");
            scenarios = bind_scenarios(run, a, read_scenarios(read_source(a.scenarios, run.limits.file_size)));
        }
    } catch (const EvalError& e) {
        std::cerr << render(e.diagnostic());
        return bad_input;
    }
    // A workbook and a report need every figure at the end; the text formats stream.
    BatchFormat written = BatchFormat::kept;
    switch (a.format) {
        case BatchOutput::table: written = BatchFormat::table; break;
        case BatchOutput::jsonl: written = BatchFormat::jsonl; break;
        case BatchOutput::csv: written = BatchFormat::csv; break;
        case BatchOutput::xlsx:
        case BatchOutput::html: written = BatchFormat::kept; break;
    }
    const bool keep_all = written == BatchFormat::kept;
    BatchOptions opt;
    opt.jobs = a.jobs;
    opt.format = written;
    opt.progress = ::isatty(STDERR_FILENO) != 0;
    opt.stop = &stop_requested;
    BatchResults kept;
    if (keep_all) opt.keep = &kept;
    opt.scenarios = std::move(scenarios);
    std::optional<OutputFile> file;
    if (!a.out.empty()) file.emplace(a.out);
    BatchSummary s = run_batch(*p, params, files, opt, file ? file->stream() : std::cout, std::cerr);
    if (s.interrupted) {
        if (file) file->discard();
        std::cerr << "reckon: interrupted after " << s.done << " of " << (s.cases_exact ? "" : "at least ") << s.cases << " cases"
                  << (file ? "; " + a.out + " was not written" : "") << "\n";
        return interrupted;
    }
    if (keep_all) {
        Provenance prov = provenance_of(*p, a.params, kept, RECKON_VERSION, run.date);
        if (a.format == BatchOutput::xlsx) {
            write_workbook(file->writer_path(), *p, params, kept, prov);
        } else {
            std::optional<Case> only;  // one case: the appendix shows its worked values
            if (kept.cases.size() == 1 && kept.cases[0].ok) only = load_case_file(*p, kept.cases[0].file);
            file->stream() << report_html(*p, params, kept, prov, only ? &*only : nullptr);
        }
    }
    if (file) file->commit();
    if (a.format != BatchOutput::table || file)
        std::cerr << s.cases << " case" << (s.cases == 1 ? "" : "s") << ", " << s.failed << " failed"
                  << (file ? (a.format == BatchOutput::html ? "; report in " : "; results in ") + a.out : "") << "\n";
    return s.failed || s.cohort_failed ? bad_input : ok;
}

int cmd_explain(const Run& run, const std::string& ruleset, const std::string& case_file, const std::string& output,
                const std::string& format, int depth, const std::vector<std::string>& raw_params) {
    auto p = compile(ruleset, parse_settings(raw_params), run.limits);
    int slot = -1;
    for (std::size_t i = 0; i < p->rules.size(); ++i)
        if (p->rules[i].name == output && !p->rules[i].cohort) slot = static_cast<int>(i);
    if (slot < 0) {
        std::string names;
        for (int o : p->outputs) names += (names.empty() ? "" : ", ") + p->rules[o].name;
        throw UsageError("'" + output + "' is not an output or rule of one case in " + ruleset + "; its outputs are: " + names);
    }
    Case c = load_case_file(*p, case_file);
    try {
        std::vector<Value> params = bind_params(*p, command_line_overrides(*p));
        Evaluator ev(*p, params, c.inputs);
        check_requires(*p, ev, c);
        Derivation d = explain(*p, ev, params, c, slot, depth);
        if (format == "json") std::cout << json_text(derivation_json(d), 2) << "\n";
        else std::cout << render_derivation(d);
    } catch (const EvalError& e) {
        std::cerr << render(e.diagnostic());
        return bad_input;
    }
    return ok;
}

int cmd_doc(const Run& run, const std::string& ruleset, const std::string& case_file, const std::string& format,
            const std::vector<std::string>& raw_params) {
    auto p = compile(ruleset, parse_settings(raw_params), run.limits);
    try {
        std::vector<Value> params = bind_params(*p, command_line_overrides(*p));
        std::optional<Case> c;
        if (!case_file.empty()) {
            c = load_case_file(*p, case_file);
            Evaluator ev(*p, params, c->inputs);
            check_requires(*p, ev, *c);
        }
        std::string md = methodology_markdown(*p, params, c ? &*c : nullptr);
        std::cout << (format == "html" ? methodology_html(md, p->name + (p->version.empty() ? "" : ", version " + p->version)) : md);
    } catch (const EvalError& e) {
        std::cerr << render(e.diagnostic());
        return bad_input;
    }
    return ok;
}

// OLD or NEW of `reckon diff`: a rule file, or REV:PATH in git.
std::shared_ptr<Program> compile_version(const Run& run, const std::string& arg, cli::Checkout& checkout) {
    namespace fs = std::filesystem;
    auto colon = arg.find(':');
    if (fs::exists(arg) || colon == std::string::npos) {
        if (!fs::exists(arg)) throw UsageError(arg + ": no such file (give a rule file, or REV:PATH for a git revision)");
        return compile(arg, {}, run.limits);
    }
    try {
        cli::checkout_revision(arg.substr(0, colon), arg.substr(colon + 1), checkout);
    } catch (const std::runtime_error& e) {
        throw UsageError(arg + ": " + e.what());
    }
    try {
        return compile(checkout.entry, {}, run.limits);
    } catch (const CompileError& e) {  // show the revision, not the temporary folder
        std::string text = e.what();
        for (std::size_t at; (at = text.find(checkout.folder + "/")) != std::string::npos;)
            text.replace(at, checkout.folder.size() + 1, arg.substr(0, colon) + ":");
        throw std::runtime_error(text.substr(0, text.size() - (text.empty() || text.back() != '\n' ? 0 : 1)));
    }
}

int cmd_diff(const Run& run, const std::string& old_arg, const std::string& new_arg, const std::vector<std::string>& cases,
             const std::string& format) {
    cli::Checkout old_checkout, new_checkout;
    auto a = compile_version(run, old_arg, old_checkout);
    auto b = compile_version(run, new_arg, new_checkout);
    std::vector<Change> changes = compare_rulesets(*a, *b);
    std::optional<CaseEffects> effects;
    if (!cases.empty()) effects = compare_cases(*a, *b, find_case_files(cases));
    if (format == "json") std::cout << json_text(diff_json(changes, effects ? &*effects : nullptr), 2) << "\n";
    else std::cout << render_diff(old_arg, new_arg, changes, effects ? &*effects : nullptr);
    return effects && !effects->errors.empty() ? bad_input : ok;
}

int cmd_fmt(const Run& run, const std::vector<std::string>& paths, bool check) {
    auto files = find_rule_files(paths);
    if (files.empty()) throw UsageError("no rule files (*.reckon) found");
    int status = ok;
    for (const auto& f : files) {
        try {
            SourcePtr src = read_source(f, run.limits.file_size);
            std::string formatted = format_rules(src, run.limits);
            if (formatted == src->text()) continue;
            if (check) {
                std::cout << f << "\n";  // would change
                status = bad_input;
                continue;
            }
            OutputFile out(f);
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

int cmd_test(const Run& run, const std::vector<std::string>& paths) {
    auto files = find_rule_files(paths);
    TestTally t = run_tests(files, run.limits, std::cout);
    if (files.empty()) std::cout << "no rule files (*.reckon) found\n";
    std::cout << t.passed << " passed, " << t.failed << " failed\n";
    return t.failed == 0 && !files.empty() ? ok : bad_input;
}

}  // namespace

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

    auto* check = app.add_subcommand("check", "Parse, resolve names and check types and units; no case needed");
    check->add_option("RULESET", ruleset, "the ruleset's entry file (*.reckon)")->required()->check(CLI::ExistingFile);

    auto* eval = app.add_subcommand("eval", "Evaluate one case file and print its outputs");
    eval->add_option("RULESET", ruleset, "the ruleset's entry file (*.reckon)")->required()->check(CLI::ExistingFile);
    eval->add_option("CASE", case_file, "the case file (YAML)")->required()->check(CLI::ExistingFile);
    eval->add_option("--format", format, "table (for people, the default) or json (for tools)")
        ->check(CLI::IsMember({"table", "json"}));
    eval->add_option("--param", params, "NAME=VALUE: override a param for this run, written as in the language "
                                        "(--param on_costs=25%); repeatable");

    BatchArgs ba;
    auto* batch = app.add_subcommand("batch", "Evaluate many case files in parallel, then the cohort rules");
    batch->add_option("RULESET", ba.ruleset, "the ruleset's entry file (*.reckon)")->required()->check(CLI::ExistingFile);
    batch->add_option("CASES", ba.cases, "case files, folders (searched for *.yaml and *.yml) or glob patterns")->required();
    batch->add_option("--jobs,-j", ba.jobs, "cases evaluated at once (default: the number of cores, here " +
                                                std::to_string(ba.jobs) + ")")
        ->check(CLI::Range(1u, 1024u));
    batch->add_option("--format", ba.format_name, "table (for people, the default), jsonl (a JSON object per case, then the "
                                             "cohort), csv (a row per case) or xlsx (a workbook: sheets Cases, Cohort, "
                                             "Parameters, Provenance; needs --out)")
        ->check(CLI::IsMember({"table", "jsonl", "csv", "xlsx"}));
    batch->add_option("--out,-o", ba.out, "write the results to FILE, atomically (nothing is written unless the run completes)");
    batch->add_option("--param", ba.params, "NAME=VALUE: override a param for this run (--param report_year=2023); repeatable");
    batch->add_option("--scenarios", ba.scenarios, "FILE.yaml: named sets of param values (low: {arrest_hours: 3.5 hour}, "
                                                   "high: …); each case is read once and evaluated under each, with a "
                                                   "result per case and scenario and a cohort per scenario (jsonl, csv)")
        ->check(CLI::ExistingFile);
    batch->footer("A case that fails is reported on stderr with its file and line; the others go on, the cohort is\n"
                  "computed over the cases that succeeded, and the exit status is 1.");

    BatchArgs ra;
    ra.format_name = "html";
    auto* report = app.add_subcommand("report", "Write the report of a run as one self-contained HTML page: the layout the "
                                                "ruleset declares (headlines, tables, charts), the methodology appendix, "
                                                "and the provenance of every figure");
    report->add_option("RULESET", ra.ruleset, "the ruleset's entry file (*.reckon)")->required()->check(CLI::ExistingFile);
    report->add_option("CASES", ra.cases, "case files, folders (searched for *.yaml and *.yml) or glob patterns")->required();
    report->add_option("--out,-o", ra.out, "the HTML file to write, atomically")->required();
    report->add_option("--jobs,-j", ra.jobs, "cases evaluated at once (default: the number of cores)")->check(CLI::Range(1u, 1024u));
    report->add_option("--param", ra.params, "NAME=VALUE: override a param for this run (--param report_year=2023); repeatable");
    report->footer("The page needs no network and no script: inline CSS and SVG charts, printable to A4. A case that fails\n"
                   "is listed in the report and left out of the figures, and the exit status is 1.");

    std::string output, explain_format = "text";
    int depth = 0;
    auto* explain = app.add_subcommand("explain", "Show how one output of one case is derived: rules, params with their sources, inputs");
    explain->add_option("RULESET", ruleset, "the ruleset's entry file (*.reckon)")->required()->check(CLI::ExistingFile);
    explain->add_option("CASE", case_file, "the case file (YAML)")->required()->check(CLI::ExistingFile);
    explain->add_option("OUTPUT", output, "the output (or rule) to explain, by name")->required();
    explain->add_option("--format", explain_format, "text (an indented tree, the default) or json")
        ->check(CLI::IsMember({"text", "json"}));
    explain->add_option("--depth", depth, "show N levels of the tree (default: all)")->check(CLI::Range(1, 1000));
    explain->add_option("--param", params, "NAME=VALUE: override a param for this run; repeatable");

    std::string old_version, new_version, diff_format = "text";
    std::vector<std::string> diff_cases;
    auto* diff = app.add_subcommand("diff", "What changed between two versions of a ruleset, in its own terms; with --cases, "
                                            "the effect on every output of every case");
    diff->add_option("OLD", old_version, "a rule file, or REV:PATH (a git revision, as in HEAD~1:rulesets/x.reckon)")->required();
    diff->add_option("NEW", new_version, "a rule file, or REV:PATH")->required();
    diff->add_option("--cases", diff_cases, "case files, folders or patterns to evaluate under both versions");
    diff->add_option("--format", diff_format, "text (the default) or json")->check(CLI::IsMember({"text", "json"}));

    std::string doc_case;
    auto* doc = app.add_subcommand("doc", "Print the methodology appendix (Markdown): params with sources, tables, the case schema, "
                                          "rules with formulas, and with --case the worked value of each step");
    doc->add_option("RULESET", ruleset, "the ruleset's entry file (*.reckon)")->required()->check(CLI::ExistingFile);
    doc->add_option("--case", doc_case, "a case file: show the worked value of every rule for it")->check(CLI::ExistingFile);
    std::string doc_format = "md";
    doc->add_option("--format", doc_format, "md (Markdown, the default) or html (one self-contained page)")
        ->check(CLI::IsMember({"md", "html"}));
    doc->add_option("--param", params, "NAME=VALUE: override a param for this run; repeatable");

    bool fmt_check = false;
    auto* fmt = app.add_subcommand("fmt", "Rewrite rule files in the one canonical layout (comments kept)");
    fmt->add_option("FILES", paths, "rule files or folders (searched for *.reckon)")->required()->check(CLI::ExistingPath);
    fmt->add_flag("--check", fmt_check, "change nothing: list the files that are not in the canonical layout, and exit 1 if any");

    auto* test = app.add_subcommand("test", "Run the test blocks of the rule files found under PATHs");
    test->add_option("PATH", paths, "rule files or folders (searched for *.reckon)")->required()->check(CLI::ExistingPath);

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
    ba.format = batch_output(ba.format_name);
    ra.format = batch_output(ra.format_name);
    for (const auto& l : limit_settings)
        if (auto err = set_limit(run.limits, l)) {
            std::cerr << "reckon: error: " << *err << "\n";
            return bad_usage;
        }

    auto run_command = [&]() -> int {
        try {
            if (*check) return cmd_check(run, ruleset);
            if (*eval) return cmd_eval(run, ruleset, case_file, format, params);
            if (*test) return cmd_test(run, paths);
            if (*batch) return cmd_batch(run, ba);
            if (*report) return cmd_batch(run, ra);
            if (*fmt) return cmd_fmt(run, paths, fmt_check);
            if (*doc) return cmd_doc(run, ruleset, doc_case, doc_format, params);
            if (*diff) return cmd_diff(run, old_version, new_version, diff_cases, diff_format);
            if (*explain) return cmd_explain(run, ruleset, case_file, output, explain_format, depth, params);
        } catch (const UsageError& e) {
            std::cerr << "reckon: error: " << e.what() << "\n";
            return bad_usage;
        } catch (const CompileError& e) {
            std::cerr << e.what();
            return bad_input;
        } catch (const std::runtime_error& e) {
            std::cerr << e.what() << "\n";
            return bad_input;
        } catch (const std::exception& e) {
            std::cerr << "reckon: internal error: " << e.what()
                      << "\nThis is a bug in reckon; please report it with the command that caused it.\n";
            return bug;
        }
        return bad_usage;
    };
    // The work runs on a thread whose stack fits the depth limits.
    int status = bug;
    run_with_deep_stack(run.limits, [&] { status = run_command(); });
    return status;
}
