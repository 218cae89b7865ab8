// `reckon diff`: what changed between two versions of a ruleset, in the
// methodology's own terms (params, units, tables, inputs, rules, outputs,
// functions), compared in canonical form so that layout is no change; and,
// with cases, the effect on every output of every case.
#pragma once

#include "core/program.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace reckon {

struct Aspect {
    std::string what;  // "value", "formula", "source", ...
    std::string before, after;
};

struct Change {
    std::string section;  // header, units, params, tables, inputs, rules, functions
    std::string kind;     // added, removed, changed
    std::string name;     // "param working_hours", "output total"
    std::vector<Aspect> aspects;
};

std::vector<Change> compare_rulesets(const Program& old_p, const Program& new_p);

// One output of one case whose shown figure changed.
struct FigureChange {
    std::string case_id, file, output;
    std::string before, after, difference;  // as shown; difference empty when not numeric
    Number delta;                           // in the output's unit, for "the largest change"
    std::string unit;
};

struct CaseEffects {
    std::size_t cases = 0, affected = 0;
    std::vector<FigureChange> changes;
    std::vector<std::string> errors;  // cases that could not be evaluated under one version
};

CaseEffects compare_cases(const Program& old_p, const Program& new_p, const std::vector<std::string>& files);

std::string render_diff(const std::string& old_name, const std::string& new_name, const std::vector<Change>& changes,
                        const CaseEffects* effects);
nlohmann::ordered_json diff_json(const std::vector<Change>& changes, const CaseEffects* effects);

}  // namespace reckon
