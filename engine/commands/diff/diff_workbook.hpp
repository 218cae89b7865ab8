// `reckon diff --format xlsx --out FILE.xlsx`: the diff as a workbook for a manager or an analyst, written with
// the results workbook's writer (workbook_writer.hpp): every figure a number cell in its output's number format,
// every amount the same number the JSON gives.
#pragma once

#include "commands/diff/diff.hpp"

#include <string>
#include <vector>

namespace reckon {

// What a diff's workbook is of: the two versions (each figure is shown by its own version's output), as the
// command line named them, the run's date and reckon's version, which its last sheet carries, and the file an
// error names (--out's, not the temporary file the workbook is written to).
struct DiffBook {
    const Program& old_p;
    const Program& new_p;
    std::string old_name, new_name;
    std::string date, reckon_version;
    std::string target;
};

// Sheets, in order: Failures (first, where a case or the cohort could not be evaluated: each error); Changes (a
// row for each aspect of each change, as the JSON's `changes`); with cases, Figures (each figure that changed, the
// cohort's first, then every case's: before, after and the change); with
// --attribute, Attribution (a row for each part of each figure, then each `together` interaction: the amount
// as shown, and exactly: a number where it is a whole number of the figure's last decimal, else the fraction as
// text); where a cohort figure is made of others, Parts (each side, then each part, with its change as shown and
// exactly); where a cohort figure or a part is split case by case, By case (each group of cases, then each case);
// and Compared (the versions, the date, reckon's version). Throws FileError when the file cannot be written.
void write_diff_workbook(const std::string& path, const DiffBook& book, const std::vector<Change>& changes,
                         const std::vector<ScenarioEffects>& effects);

}  // namespace reckon
