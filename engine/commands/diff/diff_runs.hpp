// `reckon diff` between two runs, not only two versions: the settings each run gives (--param for both,
// --old-param for the old run alone) and the cases each runs over (--cases, --old-cases), their differences made
// changes of their own, in a section "run", so that --attribute splits a figure's change among them as among the
// methodology's changes. A case file in one run only is a change of the cohort's membership: "cases in" (the new
// run's alone) and "cases out" (the old run's alone).
#pragma once

#include "commands/diff/diff.hpp"
#include "core/program/settings.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace reckon {

// What each run is given besides its version.
struct DiffRun {
    std::vector<ParamSetting> settings;  // each run's settings, in the order given; a later one of a name wins
    std::vector<std::string> files;      // the case files, as find_case_files() lists them
};

// The section the changes between two runs are listed in.
inline constexpr const char* run_section = "run";

// The changes between two runs of the ruleset: each param or table cell set differently ("--param report_year",
// its value before and after; "(the ruleset's)" where a run does not set it), then "cases in" and "cases out".
std::vector<Change> compare_runs(const DiffRun& old_run, const DiffRun& new_run);

// What a setting is known by when two runs' settings are compared: its name without spaces, and a table cell's key
// members without their enumeration's name, as the language reads them (`unit_costs(OffenceType.homicide).fiscal`
// and `unit_costs( homicide ).fiscal` are one cell).
std::string setting_key(const std::string& name);

// A change of the run section: the setting it changes (its NAME), or "" for a change of the cases.
std::string setting_of(const Change& c);
// Whether a change is of the cohort's membership: the cases in, or out of, the new run; none for every other.
enum class Membership { none, cases_in, cases_out };
Membership membership_of(const Change& c);

// The settings of the old run with those of `applied` changes (indices into `changes`) taken from the new run.
std::vector<ParamSetting> settings_with(const DiffRun& old_run, const DiffRun& new_run, const std::vector<Change>& changes,
                                        const std::vector<std::size_t>& applied);
// The case files of the old run, without its own ones when "cases out" is applied and with the new run's own ones
// (at the end, in their order) when "cases in" is; the new run's files, in its order, when every change of the
// cases is applied (or there is none).
std::vector<std::string> files_with(const DiffRun& old_run, const DiffRun& new_run, const std::vector<Change>& changes,
                                    const std::vector<std::size_t>& applied);

// Which case of the old run each case of the new run is (its index among the old run's), or nullopt: a case of the
// new run alone. The same files in the same order pair by position (so a case renamed, or a file given twice, is
// still compared); otherwise each case by its file (two spellings of one path are one file), its id and which copy
// of that file and id it is, so a file given twice is two cases in each run.
struct CaseKey {
    const std::string& file;
    const std::string& id;
};
std::vector<std::optional<std::size_t>> match_cases(const std::vector<CaseKey>& old_cases, const std::vector<CaseKey>& new_cases);

}  // namespace reckon
