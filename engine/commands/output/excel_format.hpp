// Excel's number formats for reckon's figures, as every workbook it writes shows them.
#pragma once

#include "core/program/program.hpp"

#include <string>

namespace reckon {

// Excel's number format for figures of a type: "£"#,##0.00 for money,
// "£"#,##0.00"/week" for a money rate, 0.0% for a percentage, #,##0.00 for
// a figure shown with fixed decimals, General otherwise.
std::string excel_number_format(const Program& p, const Type& t, int decimals, bool fixed, bool percent);

}  // namespace reckon
