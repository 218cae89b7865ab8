// `reckon template RULESET`: the blank case an analyst fills in, made from the
// ruleset's inputs: a YAML case file, CSV tables (a row per case, a table per
// list input) or a workbook, each of which reads back as cases.
#include "cli/commands.hpp"

#include "cli/choice_option.hpp"
#include "cli/common_options.hpp"
#include "cli/exit_status.hpp"
#include "commands/doc/template.hpp"
#include "commands/output/output_file.hpp"
#include "core/base/shown_path.hpp"
#include "core/compile/compile.hpp"

#include <filesystem>
#include <iostream>
#include <memory>

namespace reckon::cli {

namespace {

enum class TemplateFormat { yaml, csv, xlsx };

struct TemplateArgs {
    std::string ruleset;
    TemplateFormat format = TemplateFormat::yaml;
    std::string out;  // yaml: the file (or "": stdout); csv: the folder; xlsx: the workbook
};

// One YAML case, to standard output or the file `out`.
int yaml_case(const Program& p, const std::string& out) {
    if (out.empty()) {
        std::cout << yaml_template(p);
        return ok;
    }
    OutputFile file(out, "--out", inputs_of(p, "", "", {}, {}, InputKind::case_file));  // the rule files are its inputs
    file.stream() << yaml_template(p);
    file.commit();
    std::cerr << "template in " << out << "\n";
    return ok;
}

// The workbook `out`, its sheets named on stderr; created on the run's date, as batch's workbooks are.
int workbook(const Program& p, const std::string& out, const std::string& date) {
    if (out.empty()) throw RequestError("--format xlsx writes a workbook: give its file with --out FILE.xlsx");
    OutputFile file(out, "--out", inputs_of(p, "", "", {}, {}, InputKind::case_file));
    write_template_workbook(file.writer_path(), p, date);
    file.commit();
    std::cerr << "template in " << out << ": sheets";
    for (const auto& t : template_tables(p)) std::cerr << " " << t.name << ",";
    std::cerr << " instructions\n";
    return ok;
}

// The CSV tables in the folder `out` (made if need be), named on stderr; a note for each list input that cannot
// have a table of its own because the ruleset names no identifying input.
int csv_tables(const Program& p, const std::string& out) {
    if (out.empty()) throw RequestError("--format csv writes a table for the cases and one for each list input: give the folder with --out FOLDER");
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    if (ec) throw RequestError("--out " + out + ": cannot make the folder (" + ec.message() + ")");
    std::vector<std::string> lists;
    for (const auto& t : csv_templates(p)) {
        OutputFile file(shown_path(std::filesystem::path(out) / t.file), "--out", inputs_of(p, "", "", {}, {}, InputKind::case_file));
        file.stream() << t.header;
        file.commit();
        if (t.file != "cases.csv") lists.push_back(t.file);
    }
    std::cerr << "templates in " << out << ": cases.csv";
    for (const auto& l : lists) std::cerr << ", " << l;
    std::cerr << "\n";
    for (const auto& in : p.inputs)
        if (in.type.kind == TypeKind::list && p.case_id_input < 0)
            std::cerr << "reckon: note: list input '" << in.path << "' needs the ruleset to name the input it is 'identified by' to come from a table of its own\n";
    return ok;
}

int cmd_template(const Run& run, const TemplateArgs& a) {
    auto p = compile(a.ruleset, {}, run.limits);
    switch (a.format) {
        case TemplateFormat::yaml: return yaml_case(*p, a.out);
        case TemplateFormat::csv: return csv_tables(*p, a.out);
        case TemplateFormat::xlsx: return workbook(*p, a.out, run.date);
    }
    return ok;
}

}  // namespace

void add_template(CLI::App& app, Run&, Command& chosen) {
    auto a = std::make_shared<TemplateArgs>();
    auto* tmpl = app.add_subcommand("template", "Write the blank case an analyst fills in: a YAML case file, CSV tables "
                                                "(a row per case, a table per list input) or a workbook, that read back as cases");
    add_ruleset_argument(*tmpl, a->ruleset);
    add_choice(*tmpl, "--format", a->format,
               Choices<TemplateFormat>{{"yaml", TemplateFormat::yaml}, {"csv", TemplateFormat::csv}, {"xlsx", TemplateFormat::xlsx}},
               "yaml (one case, the default), csv (tables; needs --out FOLDER) or xlsx "
               "(a workbook with a sheet per table, instructions and checks as cells are "
               "typed; needs --out FILE.xlsx)");
    tmpl->add_option("--out,-o", a->out, "yaml: the file to write (default: standard output); csv: the folder for the tables; "
                                         "xlsx: the workbook");
    tmpl->callback([&chosen, a] { chosen = [a](const Run& run) { return cmd_template(run, *a); }; });
}

}  // namespace reckon::cli
