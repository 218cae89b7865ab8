// A figure as the command line names it (explain's OUTPUT, sensitivity's
// --output and --threshold): `total`, `saving_by_type(OffenceType.homicide)`,
// found among the case's figures and the cohort's.
#pragma once

#include "core/compile/compile.hpp"

#include <string>

namespace reckon::cli {

// A figure as the command line names it: `total`, `saving_by_type(OffenceType.homicide)`. A name may be both a
// figure of each case and the cohort's. RequestError, with the outputs and the nearest name, when it is neither.
struct NamedFigure {
    int case_slot = -1, cohort_slot = -1;
    std::string name, member;  // member: as written inside the parentheses, or ""
};
NamedFigure figure_named(const Program& p, const std::string& output, const std::string& ruleset);
// The member index a figure's name writes (member), or -1 for the whole figure; RequestError when it names none.
int member_named(const Program& p, int slot, const std::string& written, const std::string& member);

}  // namespace reckon::cli
