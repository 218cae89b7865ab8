// Reading the cases of a command: one YAML case, or every case of the files,
// folders and patterns given, as batch finds them, a case at a time; a case
// that cannot be read is said on stderr (unless quiet) and counted.
#include "cli/case_files.hpp"

#include "commands/batch/batch.hpp"
#include "core/eval/eval.hpp"
#include "data/load_case.hpp"

#include <iostream>
#include <algorithm>
#include <thread>
#include <sstream>
#include <optional>

namespace reckon::cli {

Case one_case(const Program& p, const std::string& case_file) {
    if (is_case_table(case_file))
        throw RequestError(case_file + ": a case table holds a case a row; give it to `reckon batch` or `reckon report` "
                                     "(with --list for its list inputs)");
    return load_case_file(p, case_file);
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

std::vector<CohortCase> cohort_cases(const Program& p, const std::vector<Value>& params, const std::vector<std::string>& cases,
                                     const std::vector<ListFile>& lists, const TableOptions& tables, std::size_t& failed, bool quiet,
                                     const std::function<void(Case&, std::size_t)>& each) {
    std::vector<CohortCase> rows;
    each_case(p, cases, lists, tables, failed, quiet, [&](Case&& c, const std::string& file) {
        try {
            std::vector<Value> row;
            evaluate_outputs(p, params, c, &row);
            rows.push_back(CohortCase{c.id, file, Value::list(std::move(row))});
            if (each) each(c, rows.size() - 1);
        } catch (const EvalError& e) {
            if (!quiet) std::cerr << render(e.diagnostic());
            ++failed;
        }
    });
    return rows;
}

std::vector<BatchResults> run_cases_under(const std::vector<Coalition>& coalitions, const std::vector<std::string>& files,
                                          const std::vector<ListFile>& lists, const TableOptions& tables) {
    std::vector<BatchResults> each(coalitions.size());
    std::ostringstream none;
    BatchOptions opt;
    opt.jobs = std::max(1u, std::thread::hardware_concurrency());
    opt.format = BatchFormat::kept;
    opt.lists = lists;
    opt.tables = tables;
    if (coalitions.size() == 1) opt.keep = &each.front();
    else opt.keep_each = &each;
    for (const auto& c : coalitions)
        if (coalitions.size() > 1) opt.scenarios.push_back({c.name, c.program, bind_params(*c.program, command_line_overrides(*c.program))});
    const Program& first = *coalitions.front().program;
    run_batch(first, opt.scenarios.empty() ? bind_params(first, command_line_overrides(first)) : opt.scenarios.front().params, files, opt, none, none);
    return each;
}

CasePasses case_passes(const Program& p, std::vector<std::string> cases, std::vector<ListFile> lists, TableOptions tables) {
    return [&p, cases = std::move(cases), lists = std::move(lists), tables = std::move(tables)](const EachCase& each) {
        std::size_t unread = 0;
        each_case(p, cases, lists, tables, unread, true, [&](Case&& c, const std::string&) { each(std::move(c)); });
    };
}

}  // namespace reckon::cli
