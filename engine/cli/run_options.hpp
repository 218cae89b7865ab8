// What every command of a run is given (struct Run): the limits set with
// --limit, the run's date, and the run data of --run-data; with the options
// that set them, which main and every command declare alike.
#pragma once

#include "core/base/limits.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace reckon::cli {

// What every command of this run is given: the limits set with --limit, and
// the date that reports and workbooks carry.
struct Run {
    Limits limits;
    std::string date;  // YYYY-MM-DD, UTC
    long long day_epoch = 0;  // …its midnight, in seconds since 1970 (an interactive page gives it to its engine)
    std::string run_data;  // --run-data FILE: the values of the ruleset's `run input`s, or ""
};

// Today (UTC), or SOURCE_DATE_EPOCH's day for a reproducible page: run.date and run.day_epoch.
void set_run_date(Run& run);

// --limit NAME=N on the whole command line (every limit and its default in its help), kept in `settings` as written.
void add_limit_option(CLI::App& app, std::vector<std::string>& settings);
// The --limit settings set in `limits`; false, with the error on stderr, at the first that is wrong.
bool set_limits(Limits& limits, const std::vector<std::string>& settings);

// --run-data FILE.yaml of a command, into run.run_data; `more` ends its help (as "; the shards' own").
void add_run_data_option(CLI::App& command, Run& run, const std::string& more = "");

}  // namespace reckon::cli
