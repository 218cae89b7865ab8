// The cases a command reads: one case file (eval, explain, doc), or every case
// of CASES as batch lists them (files, folders, patterns; case tables with
// their --list tables), each read once, the ones that cannot be read reported.
#pragma once

#include "commands/diff/attribution_programs.hpp"
#include "commands/explain/explain.hpp"
#include "commands/sensitivity/sensitivity.hpp"
#include "core/compile/compile.hpp"
#include "data/case_source.hpp"
#include "data/load_case_table.hpp"

#include <functional>
#include <string>
#include <vector>

namespace reckon::cli {

// One case of a YAML file: a case table (CSV or workbook) holds a case a row, for batch and report (RequestError).
Case one_case(const Program& p, const std::string& case_file);

// Every case of CASES (files, folders, patterns; case tables with their --list tables), each read once; a case
// that cannot be read is reported on stderr and counted in `failed`.
struct LoadedCase {
    Case c;
    std::string file;
};
// quiet: the failures counted, not reported (a second reading, whose failures the first reported).
std::vector<LoadedCase> load_cases(const Program& p, const std::vector<std::string>& cases, const std::vector<ListFile>& lists,
                                   const TableOptions& tables, std::size_t& failed, bool quiet = false);
// The same, each case handed to `f` with its file as it is read, none held.
void each_case(const Program& p, const std::vector<std::string>& cases, const std::vector<ListFile>& lists, const TableOptions& tables,
               std::size_t& failed, bool quiet, const std::function<void(Case&&, const std::string& file)>& f);
// Every case of CASES read and evaluated as batch does (under `params`), as the cohort rules read it; a case that
// cannot be read or evaluated is counted in `failed` (and reported on stderr unless quiet). `each`: every case kept,
// with its index among them, as it is evaluated (explain --case follows one).
std::vector<CohortCase> cohort_cases(const Program& p, const std::vector<Value>& params, const std::vector<std::string>& cases,
                                     const std::vector<ListFile>& lists, const TableOptions& tables, std::size_t& failed, bool quiet,
                                     const std::function<void(Case&, std::size_t)>& each = {});
// The cases of `files`, as batch reads them, under each coalition's program (and its run's settings, compiled into
// it): with more than one, each case read once (with the first) and evaluated under each, as batch evaluates
// scenarios. A result each, in order.
std::vector<BatchResults> run_cases_under(const std::vector<Coalition>& coalitions, const std::vector<std::string>& files,
                                          const std::vector<ListFile>& lists, const TableOptions& tables = {});
// Passes over the same cases for an analysis (sensitivity.hpp), each reading them afresh, quietly.
CasePasses case_passes(const Program& p, std::vector<std::string> cases, std::vector<ListFile> lists, TableOptions tables);

}  // namespace reckon::cli
