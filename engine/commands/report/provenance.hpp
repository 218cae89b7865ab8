// What produced a report, a workbook or a partial: the ruleset's files and hash, the inputs with their git blob
// ids, the settings, the run's date and reckon's version.
#pragma once

#include "commands/batch/batch.hpp"
#include "data/git_blob.hpp"

#include <string>
#include <utility>
#include <vector>

namespace reckon {

// What produced a report or a workbook.
struct Provenance {
    std::string ruleset, version;
    // Each file of the ruleset with its git blob id (what `git hash-object FILE`
    // prints), and the ruleset's hash: SHA-1 of the lines "BLOBID PATH\n",
    // each PATH relative to the entry file's folder, entry file first.
    std::vector<std::pair<std::string, std::string>> files;
    std::string hash;
    std::vector<std::string> overrides;  // the --param settings, as given
    // Each spreadsheet table the cases came from (CSV case tables and --list tables) with its git blob id.
    std::vector<std::pair<std::string, std::string>> tables;
    // Under --scenarios: the scenarios file with its git blob id, and the scenarios' names in order.
    std::pair<std::string, std::string> scenarios_file;
    std::vector<std::string> scenarios;
    // With --run-data: the run data file with its git blob id.
    std::pair<std::string, std::string> run_data_file;
    std::size_t cases = 0, failed = 0;
    std::string date;                    // YYYY-MM-DD, UTC: the run's date, as the command line gives it
    std::string reckon_version;
};

Provenance provenance_of(const Program& p, const std::vector<std::string>& settings, const BatchResults& results,
                         const std::string& reckon_version, const std::string& date);

}  // namespace reckon
