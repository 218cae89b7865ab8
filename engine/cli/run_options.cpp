// The run's own settings: its date (today, or SOURCE_DATE_EPOCH's day), the
// limits of --limit, and the run data of --run-data.
#include "cli/run_options.hpp"

#include "core/base/big_stack.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>

namespace reckon::cli {

void set_run_date(Run& run) {
    std::time_t t = std::time(nullptr);
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        long long v = std::strtoll(epoch, &end, 10);
        if (end && *end == '\0' && end != epoch && v >= 0) t = static_cast<std::time_t>(v);
    }
    // the day in UTC, by the calendar of <chrono> (gmtime_r is POSIX's, not every platform's)
    using namespace std::chrono;
    const year_month_day day{floor<days>(system_clock::from_time_t(t))};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                  static_cast<unsigned>(day.day()));
    run.date = buf;
    run.day_epoch = static_cast<long long>(sys_days(day).time_since_epoch().count()) * 86400;
}

void add_limit_option(CLI::App& app, std::vector<std::string>& settings) {
    std::string limits_help = "NAME=N: raise (or lower) a limit on what is accepted; repeatable. The limits, with their defaults:";
    for (const auto& l : limit_table())
        limits_help += "\n  " + std::string(l.name) + "=" + std::to_string(default_limits().*(l.field)) + ": " + l.what;
    app.add_option("--limit", settings, limits_help);
}

bool set_limits(Limits& limits, const std::vector<std::string>& settings) {
    for (const auto& l : settings)
        if (auto err = set_limit(limits, l)) {
            std::cerr << "reckon: error: " << *err << "\n";
            return false;
        }
    return true;
}

void add_run_data_option(CLI::App& command, Run& run, const std::string& more) {
    const std::string run_data_help = "FILE.yaml: the run data, the values of the ruleset's `run input`s for the whole run (a "
                                      "partnership's contributions for the year), checked as a case is; --param sets a run input of one value over it";
    command.add_option("--run-data", run.run_data, run_data_help + more)->check(CLI::ExistingFile);
}

}  // namespace reckon::cli
