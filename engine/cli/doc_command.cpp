// `reckon doc RULESET`: the methodology appendix, in Markdown or as one
// self-contained HTML page: params with sources, tables, the case schema,
// rules with formulas, and with --case the worked value of each step.
#include "cli/commands.hpp"

#include "cli/case_files.hpp"
#include "cli/choice_option.hpp"
#include "cli/common_options.hpp"
#include "cli/exit_status.hpp"
#include "commands/doc/doc.hpp"
#include "core/eval/eval.hpp"
#include "data/run_data.hpp"

#include <iostream>
#include <memory>
#include <optional>

namespace reckon::cli {

namespace {

enum class DocFormat { md, html };

struct DocArgs {
    std::string ruleset, case_file;  // case_file: --case, or ""
    DocFormat format = DocFormat::md;
    std::vector<std::string> params;
};

int cmd_doc(const Run& run, const DocArgs& a) {
    auto p = compile_run(a.ruleset, parse_settings(a.params), run.limits, run.run_data);
    try {
        std::vector<Value> params = bind_params(*p, command_line_overrides(*p));
        std::optional<Case> c;
        if (!a.case_file.empty()) {
            c = one_case(*p, a.case_file);
            Evaluator ev(*p, params, c->inputs);
            check_requires(*p, ev, *c);
        }
        std::string md = methodology_markdown(*p, params, c ? &*c : nullptr);
        switch (a.format) {
            case DocFormat::md: std::cout << md; break;
            case DocFormat::html: std::cout << methodology_html(md, p->name + (p->version.empty() ? "" : ", version " + p->version)); break;
        }
    } catch (const EvalError& e) {
        std::cerr << render(e.diagnostic());
        return bad_input;
    }
    return ok;
}

}  // namespace

void add_doc(CLI::App& app, Run& run, Command& chosen) {
    auto a = std::make_shared<DocArgs>();
    auto* doc = app.add_subcommand("doc", "Print the methodology appendix (Markdown): params with sources, tables, the case schema, "
                                          "rules with formulas, and with --case the worked value of each step");
    add_ruleset_argument(*doc, a->ruleset);
    doc->add_option("--case", a->case_file, "a case file: show the worked value of every rule for it")->check(CLI::ExistingFile);
    add_choice(*doc, "--format", a->format, Choices<DocFormat>{{"md", DocFormat::md}, {"html", DocFormat::html}},
               "md (Markdown, the default) or html (one self-contained page)");
    add_param_option(*doc, a->params);
    add_run_data_option(*doc, run);
    doc->callback([&chosen, a] { chosen = [a](const Run& run) { return cmd_doc(run, *a); }; });
}

}  // namespace reckon::cli
