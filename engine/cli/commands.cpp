// The commands of `reckon` but batch and report (batch_command.cpp): each
// compiles the ruleset within the run's limits and prints its result.
#include "cli/commands.hpp"

#include "commands/batch/batch.hpp"
#include "data/case_source.hpp"
#include "commands/diff/diff.hpp"
#include "commands/doc/doc.hpp"
#include "commands/explain/explain.hpp"
#include "commands/fmt/fmt.hpp"
#include "commands/output/output_file.hpp"
#include "commands/present/present.hpp"
#include "commands/report/report.hpp"
#include "commands/tests/rule_tests.hpp"
#include "commands/sensitivity/sensitivity.hpp"
#include "commands/doc/template.hpp"
#include "commands/workbook/workbook.hpp"
#include "core/compile/compile.hpp"
#include "core/eval/eval.hpp"
#include "core/eval/fold_constants.hpp"
#include "data/load_case.hpp"
#include "cli/revision.hpp"
#include "version.hpp"

#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <sstream>
#include <thread>
#include <iostream>

namespace reckon::cli {

int exit_status_of(const std::function<int()>& command) {
    try {
        return command();
    } catch (const RequestError& e) {
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
}

std::vector<ListFile> parse_lists(const std::vector<std::string>& raw) {
    std::vector<ListFile> lists;
    for (const auto& l : raw) {
        auto eq = l.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == l.size())
            throw RequestError("--list " + l + ": expected NAME=FILE, as in --list offences=offences.csv");
        std::string path = l.substr(eq + 1);
        if (!std::filesystem::is_regular_file(path)) throw RequestError("--list " + l + ": no such file '" + path + "'");
        lists.push_back({l.substr(0, eq), path});
    }
    return lists;
}

namespace {
// One case of a YAML file: a case table (CSV or workbook) holds a case a row, for batch and report.
Case one_case(const Program& p, const std::string& case_file) {
    if (is_case_table(case_file))
        throw RequestError(case_file + ": a case table holds a case a row; give it to `reckon batch` or `reckon report` "
                                     "(with --list for its list inputs)");
    return load_case_file(p, case_file);
}
}  // namespace

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

std::vector<ParamSetting> parse_settings(const std::vector<std::string>& raw) {
    std::vector<ParamSetting> out;
    for (const auto& s : raw) {
        auto eq = s.find('=');
        if (eq == std::string::npos || eq == 0)
            throw RequestError("--param " + s + ": expected NAME=VALUE, as in --param on_costs=25%");
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

namespace {
// `reckon eval --scenarios`: the case under each scenario; a table with a column per scenario, or JSON.
int eval_scenarios(const Run& run, const std::string& ruleset, const std::string& case_file, const std::string& format,
                   const std::vector<std::string>& raw_params, const std::string& scenarios) {
    const SourcePtr file = read_source(scenarios, run.limits.file_size);  // the scenarios' places point into it
    const std::vector<ParamSetting> settings = parse_settings(raw_params);
    struct Column {
        std::string name;
        std::shared_ptr<Program> program;
        CaseResult result;
    };
    std::vector<Column> columns;
    for (const auto& sc : read_scenarios(file)) {
        auto q = compile_scenario(sc, settings, [&](const std::vector<ParamSetting>& s) { return compile_run(ruleset, s, run.limits, run.run_data); });
        Case c = one_case(*q, case_file);
        std::vector<Value> params = bind_params(*q, command_line_overrides(*q));
        try {
            const RunConstants constants = run_constants(*q, params);
            columns.push_back({sc.name, q, evaluate_outputs(*q, params, c, nullptr, &constants)});
        } catch (EvalError& e) {
            e.add_note("under scenario '" + sc.name + "'");
            std::cerr << render(e.diagnostic());
            return bad_input;
        }
    }
    const Program& p = *columns.front().program;
    if (format == "json") {
        nlohmann::ordered_json j;
        j["case"] = columns.front().result.case_id;
        j["scenarios"] = nlohmann::ordered_json::array();
        for (const auto& c : columns)
            j["scenarios"].push_back({{"scenario", c.name}, {"outputs", outputs_json(*c.program, p.outputs, c.result.outputs)}});
        std::cout << json_text(j, 2) << "\n";
        return ok;
    }
    std::vector<std::string> names;
    std::vector<std::vector<Value>> values;
    for (const auto& c : columns) {
        names.push_back(c.name);
        values.push_back(c.result.outputs);
    }
    std::cout << p.name << (p.version.empty() ? "" : ", version " + p.version) << "\nCase: " << columns.front().result.case_id << "\n\n"
              << render_scenario_outputs(p, p.outputs, names, values);
    return ok;
}
}  // namespace

int cmd_eval(const Run& run, const std::string& ruleset, const std::string& case_file, const std::string& format,
             const std::vector<std::string>& raw_params, const std::string& scenarios) {
    if (!scenarios.empty()) return eval_scenarios(run, ruleset, case_file, format, raw_params, scenarios);
    auto p = compile_run(ruleset, parse_settings(raw_params), run.limits, run.run_data);
    Case c = one_case(*p, case_file);
    std::vector<Value> params = bind_params(*p, command_line_overrides(*p));
    CaseResult r;
    try {
        const RunConstants constants = run_constants(*p, params);  // as batch does: one evaluator, one answer
        r = evaluate_outputs(*p, params, c, nullptr, &constants);
    } catch (const EvalError& e) {
        std::cerr << render(e.diagnostic());  // while the program's sources are alive
        return bad_input;
    }
    std::cout << (format == "json" ? render_json(*p, r) : render_table(*p, r));
    return ok;
}

BatchOutput batch_output(const std::string& name) {
    if (name == "jsonl") return BatchOutput::jsonl;
    if (name == "csv") return BatchOutput::csv;
    if (name == "xlsx") return BatchOutput::xlsx;
    if (name == "html") return BatchOutput::html;
    return BatchOutput::table;
}


void each_case(const Program& p, const std::vector<std::string>& cases, const std::vector<ListFile>& lists, const TableOptions& tables,
               std::size_t& failed, bool quiet, const std::function<void(Case&&, const std::string& file)>& f) {
    std::vector<std::string> list_paths;
    for (const auto& l : lists) list_paths.push_back(l.path);
    for (const auto& file : find_case_files(cases, list_paths)) {
        CaseSource source(p, file, lists, tables);
        while (auto item = source.next()) {
            std::optional<Case> c;
            try {
                c = item->load(p);
            } catch (const EvalError& e) {
                if (!quiet) std::cerr << render(e.diagnostic());
                ++failed;
            } catch (const std::runtime_error& e) {
                std::string text = e.what();
                if (!quiet) std::cerr << text << (text.empty() || text.back() == '\n' ? "" : "\n");
                ++failed;
            }
            if (c) f(std::move(*c), file);
        }
    }
}

std::vector<LoadedCase> load_cases(const Program& p, const std::vector<std::string>& cases, const std::vector<ListFile>& lists,
                                   const TableOptions& tables, std::size_t& failed, bool quiet) {
    std::vector<LoadedCase> out;
    each_case(p, cases, lists, tables, failed, quiet, [&](Case&& c, const std::string& file) { out.push_back({std::move(c), file}); });
    return out;
}

CasePasses case_passes(const Program& p, std::vector<std::string> cases, std::vector<ListFile> lists, TableOptions tables) {
    return [&p, cases = std::move(cases), lists = std::move(lists), tables = std::move(tables)](const EachCase& each) {
        std::size_t unread = 0;
        each_case(p, cases, lists, tables, unread, true, [&](Case&& c, const std::string&) { each(std::move(c)); });
    };
}

NamedFigure figure_named(const Program& p, const std::string& output, const std::string& ruleset) {
    NamedFigure f;
    // `per_hour(Band.band5)`: one member of a figure by member
    const auto open = output.find('(');
    const bool names_member = open != std::string::npos && open > 0 && output.back() == ')';
    f.name = names_member ? output.substr(0, open) : output;
    f.member = names_member ? output.substr(open + 1, output.size() - open - 2) : "";
    for (std::size_t i = 0; i < p.rules.size(); ++i)
        if (p.rules[i].name == f.name) (p.rules[i].cohort ? f.cohort_slot : f.case_slot) = static_cast<int>(i);
    if (f.case_slot < 0 && f.cohort_slot < 0) {
        std::string names;
        std::vector<std::string> all;
        for (int o : p.outputs) all.push_back(p.rules[o].name);
        for (int o : p.cohort_outputs)
            if (std::find(all.begin(), all.end(), p.rules[o].name) == all.end()) all.push_back(p.rules[o].name);
        for (const auto& n : all) names += (names.empty() ? "" : ", ") + n;
        std::string near = closest_name(f.name, all);
        throw RequestError("'" + output + "' is not an output or rule of " + ruleset + (near.empty() ? "" : " (did you mean '" + near + "'?)") +
                         "; its outputs are: " + names);
    }
    return f;
}

namespace {
// `reckon explain RULESET CASES… FIGURE` for a cohort figure: every case read
// and evaluated as batch does, then the figure's tree over those that succeeded.
int explain_cohort_figure(const Program& p, const std::vector<Value>& params, const std::string& heading, const std::vector<std::string>& cases,
                          int slot, int member,
                          const std::string& format,
                          int depth, const std::vector<std::string>& raw_lists, const TableOptions& tables, const std::string& case_id,
                          std::size_t entries) {
    std::vector<CohortCase> rows;
    std::optional<Case> followed;  // --case ID: that case, followed down to its inputs
    FollowedCase follow;
    std::size_t failed = 0;
    for (auto& [c, file] : load_cases(p, cases, parse_lists(raw_lists), tables, failed)) {
        try {
            CohortCase cc{c.id, file, {}};
            std::vector<Value> row;
            evaluate_outputs(p, params, c, &row);
            cc.row = Value::list(std::move(row));
            if (!case_id.empty() && c.id == case_id && !followed) {
                follow.index = rows.size();
                followed.emplace(std::move(c));
            }
            rows.push_back(std::move(cc));
        } catch (const EvalError& e) {
            std::cerr << render(e.diagnostic());
            ++failed;
        }
    }
    if (!case_id.empty() && !followed)
        throw RequestError("--case " + case_id + ": no case of the batch is named " + case_id +
                         (failed ? " (or it is one of the cases that failed, above)" : ""));
    follow.c = followed ? &*followed : nullptr;
    try {
        Derivation d = explain_cohort(p, params, rows, slot, depth, 5, followed ? &follow : nullptr, entries, member);
        if (format == "json") std::cout << json_text(derivation_json(d), 2) << "\n";
        else std::cout << heading << render_derivation(d);
    } catch (const EvalError& e) {
        std::cerr << render(e.diagnostic());
        return bad_input;
    }
    if (failed)
        std::cerr << failed << " case" << (failed == 1 ? "" : "s") << " failed and " << (failed == 1 ? "is" : "are")
                  << " left out of the cohort, as in batch\n";
    return failed ? bad_input : ok;
}
// The member named in `name(member)` or `name(Enumeration.member)` of figure `slot`, or -1 when the name has none.
}  // namespace

int member_named(const Program& p, int slot, const std::string& written, const std::string& member) {
    if (member.empty()) return -1;
    const RuleDef& r = p.rules[slot];
    if (!r.by) throw RequestError("'" + written + "': '" + r.name + "' is one figure, not a figure by member: name it without '(…)'");
    const EnumDef& e = *r.by;
    const int m = e.member_written(member, true);
    if (m < 0 && !e.factors.empty())
        throw RequestError("'" + written + "': name a member of each of " + e.name + ", in order, as in " + r.name + "(" + e.example() + ")");
    if (m < 0) {
        const std::string bare = member.rfind(e.name + ".", 0) == 0 ? member.substr(e.name.size() + 1) : member;
        std::string all;
        for (const auto& x : e.members) all += (all.empty() ? "" : ", ") + x;
        throw RequestError("'" + written + "': '" + bare + "' is not a member of " + e.name + " (its members: " + all + ")");
    }
    return m;
}

int cmd_explain(const Run& run, const std::string& ruleset, const std::vector<std::string>& cases, const std::string& output,
                const std::string& format, int depth, const std::vector<std::string>& raw_params, const std::string& case_id,
                const std::vector<std::string>& raw_lists, const TableOptions& tables, std::size_t entries, std::uint64_t draw,
                std::uint64_t seed) {
    auto p = compile_run(ruleset, parse_settings(raw_params), run.limits, run.run_data);
    const auto [case_slot, cohort_slot, name, member] = figure_named(*p, output, ruleset);
    // the params of the run, or of one draw of a probabilistic run (said first, in the text)
    std::vector<Value> params = bind_params(*p, command_line_overrides(*p));
    std::string heading;
    if (draw > 0) {
        const auto values = uncertain_values(*p, params);
        const auto settings = drawn_settings(values, seed, draw);
        params = run_values(*p, values, settings).params;
        const std::string with = settings_text(*p, values, settings);
        set_cells(*p, values, settings);
        if (format != "json")
            heading = "Draw " + std::to_string(draw) + " of seed " + std::to_string(seed) + (with.empty() ? ": no param has a distribution" : ", " + with) + "\n\n";
    }
    // the cohort's figure when the cases are many (several files, a folder, a table without --case)
    const bool many = cases.size() > 1 || std::filesystem::is_directory(cases.front()) || (is_case_table(cases.front()) && case_id.empty());
    if (cohort_slot >= 0 && (case_slot < 0 || many)) {
        return explain_cohort_figure(*p, params, heading, cases, cohort_slot, member_named(*p, cohort_slot, output, member), format, depth, raw_lists,
                                     tables, case_id, entries);
    }
    const int slot = case_slot;
    const int m = member_named(*p, slot, output, member);
    if (cases.size() != 1)
        throw RequestError("'" + output + "' is a figure of one case: give one case file (or a case table with --case ID), not " +
                         std::to_string(cases.size()));
    const std::string& case_file = cases.front();
    if (!std::filesystem::is_regular_file(case_file)) throw RequestError(case_file + ": no such file");
    if (is_case_table(case_file) && case_id.empty())
        throw RequestError(case_file + ": a case table holds a case a row: name the one to explain with --case ID");
    if (!is_case_table(case_file) && !case_id.empty())
        throw RequestError("--case " + case_id + ": --case names a row of a CSV case table, and " + case_file + " is a YAML case");
    Case c = is_case_table(case_file) ? case_in_table(*p, case_file, parse_lists(raw_lists), tables, case_id) : one_case(*p, case_file);
    try {
        Evaluator ev(*p, params, c.inputs);
        check_requires(*p, ev, c);
        Derivation d = explain(*p, ev, params, c, slot, depth, entries, m);
        if (format == "json") std::cout << json_text(derivation_json(d), 2) << "\n";
        else std::cout << heading << render_derivation(d);
    } catch (const EvalError& e) {
        std::cerr << render(e.diagnostic());
        return bad_input;
    }
    return ok;
}

int cmd_doc(const Run& run, const std::string& ruleset, const std::string& case_file, const std::string& format,
            const std::vector<std::string>& raw_params) {
    auto p = compile_run(ruleset, parse_settings(raw_params), run.limits, run.run_data);
    try {
        std::vector<Value> params = bind_params(*p, command_line_overrides(*p));
        std::optional<Case> c;
        if (!case_file.empty()) {
            c = one_case(*p, case_file);
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
std::shared_ptr<Program> compile_version(const Run& run, const std::string& arg, cli::Checkout& checkout,
                                         const std::vector<ParamSetting>& settings) {
    namespace fs = std::filesystem;
    auto colon = arg.find(':');
    if (fs::exists(arg) || colon == std::string::npos) {
        if (!fs::exists(arg)) throw RequestError(arg + ": no such file (give a rule file, or REV:PATH for a git revision)");
        return compile(arg, settings, run.limits);
    }
    try {
        cli::checkout_revision(arg.substr(0, colon), arg.substr(colon + 1), checkout);
    } catch (const std::runtime_error& e) {
        throw RequestError(arg + ": " + e.what());
    }
    try {
        return compile(checkout.entry, settings, run.limits);
    } catch (const CompileError& e) {  // show the revision, not the temporary folder
        std::string text = e.what();
        for (std::size_t at; (at = text.find(checkout.folder + "/")) != std::string::npos;)
            text.replace(at, checkout.folder.size() + 1, arg.substr(0, colon) + ":");
        throw std::runtime_error(text.substr(0, text.size() - (text.empty() || text.back() != '\n' ? 0 : 1)));
    }
}

int cmd_diff(const Run& run, const DiffArgs& d) {
    cli::Checkout old_checkout, new_checkout;
    const std::vector<ParamSetting> settings = parse_settings(d.params);
    auto a = compile_version(run, d.old_version, old_checkout, settings);
    auto b = compile_version(run, d.new_version, new_checkout, settings);
    std::vector<Change> changes = compare_rulesets(*a, *b);
    if (!d.scenarios.empty() && d.cases.empty()) throw RequestError("--scenarios gives the effect on cases under each scenario: give the cases with --cases");
    std::vector<ScenarioEffects> effects;
    if (!d.cases.empty()) {
        // the same cases, as batch reads them, under each version (and the run's --param settings, and each scenario's)
        const auto lists = parse_lists(d.lists);
        std::vector<std::string> list_paths;
        for (const auto& l : lists) list_paths.push_back(l.path);
        const std::vector<std::string> files = find_case_files(d.cases, list_paths);
        auto effects_of = [&](const Program& old_p, const Program& new_p) {
            BatchResults old_r, new_r;
            std::ostringstream none;
            for (auto [p, kept] : {std::pair{&old_p, &old_r}, std::pair{&new_p, &new_r}}) {
                BatchOptions opt;
                opt.jobs = std::max(1u, std::thread::hardware_concurrency());
                opt.format = BatchFormat::kept;
                opt.keep = kept;
                opt.lists = lists;
                run_batch(*p, bind_params(*p, command_line_overrides(*p)), files, opt, none, none);
            }
            return compare_results(old_p, old_r, new_p, new_r);
        };
        if (d.scenarios.empty()) {
            effects.push_back({"", effects_of(*a, *b)});
        } else {
            const SourcePtr file = read_source(d.scenarios, run.limits.file_size);  // the scenarios' places point into it
            for (const auto& sc : read_scenarios(file)) {
                // each version compiled with the scenario's settings; an error points at the value in the scenarios file
                auto old_q = compile_scenario(sc, settings, [&](const std::vector<ParamSetting>& s) {
                    return compile_version(run, d.old_version, old_checkout, s);
                });
                auto new_q = compile_scenario(sc, settings, [&](const std::vector<ParamSetting>& s) {
                    return compile_version(run, d.new_version, new_checkout, s);
                });
                effects.push_back({sc.name, effects_of(*old_q, *new_q)});
            }
        }
    }
    if (d.format == "json") std::cout << json_text(diff_json(changes, effects), 2) << "\n";
    else std::cout << render_diff(d.old_version, d.new_version, changes, effects, d.rows);
    bool failed = false;
    for (const auto& e : effects) failed = failed || !e.effects.errors.empty();
    return failed ? bad_input : ok;
}

int cmd_fmt(const Run& run, const std::vector<std::string>& paths, bool check) {
    auto files = find_rule_files(paths);
    if (files.empty()) throw RequestError("no rule files (*.reckon) found");
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


int cmd_template(const Run& run, const std::string& ruleset, const std::string& format, const std::string& out) {
    auto p = compile(ruleset, {}, run.limits);
    if (format == "yaml") {
        if (out.empty()) {
            std::cout << yaml_template(*p);
            return ok;
        }
        OutputFile file(out);
        file.stream() << yaml_template(*p);
        file.commit();
        std::cerr << "template in " << out << "\n";
        return ok;
    }
    if (format == "xlsx") {
        if (out.empty()) throw RequestError("--format xlsx writes a workbook: give its file with --out FILE.xlsx");
        OutputFile file(out);
        write_template_workbook(file.writer_path(), *p);
        file.commit();
        std::cerr << "template in " << out << ": sheets";
        for (const auto& t : template_tables(*p)) std::cerr << " " << t.name << ",";
        std::cerr << " instructions\n";
        return ok;
    }
    if (out.empty()) throw RequestError("--format csv writes a table for the cases and one for each list input: give the folder with --out FOLDER");
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    if (ec) throw RequestError("--out " + out + ": cannot make the folder (" + ec.message() + ")");
    std::vector<std::string> lists;
    for (const auto& t : csv_templates(*p)) {
        OutputFile file((std::filesystem::path(out) / t.file).string());
        file.stream() << t.header;
        file.commit();
        if (t.file != "cases.csv") lists.push_back(t.file);
    }
    std::cerr << "templates in " << out << ": cases.csv";
    for (const auto& l : lists) std::cerr << ", " << l;
    std::cerr << "\n";
    for (const auto& in : p->inputs)
        if (in.type.kind == TypeKind::list && p->case_id_input < 0)
            std::cerr << "reckon: note: list input '" << in.path << "' needs the ruleset to name the input it is 'identified by' to come from a table of its own\n";
    return ok;
}

}  // namespace reckon::cli
