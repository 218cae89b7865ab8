// Why a case failed, made once where it failed and shown by every surface from the same data: the whole text as
// reckon prints it (each "FILE:LINE:COL: error: MESSAGE" with its source line, caret and notes), and each error's
// place and message apart, for a table's one-line mention, a CSV cell, a workbook's row or a report's list.
#pragma once

#include <string>
#include <vector>

namespace reckon {

struct FailureLine {
    std::string where;    // "FILE:LINE:COL", "FILE", or empty when the error has no place
    std::string message;
};

struct CaseFailure {
    std::string text;                 // as printed, ending in a newline
    std::vector<FailureLine> errors;  // each error of the text, in its order
};

// The failure of the exception being handled (call it inside a catch): an evaluation's error, a case file's
// diagnostics, a file that could not be read, or another error's text.
CaseFailure current_failure();

// "FILE:LINE:COL" of the first error (its message when it has no place), for the one-line mention in a table.
std::string first_place(const CaseFailure& f);
// Every error on one line, for a CSV cell: "FILE:LINE:COL: MESSAGE; …".
std::string one_line(const CaseFailure& f);

}  // namespace reckon
