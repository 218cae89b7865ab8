#include "core/base/limits.hpp"

#include "core/base/nearest_names.hpp"

namespace reckon {

const std::vector<LimitInfo>& limit_table() {
    static const std::vector<LimitInfo> table = {
        {"file-size", &Limits::file_size, "bytes of a rule file, or of one case (a case file, a document of a stream, a row of a CSV table); of a workbook and each part of it as it inflates"},
        {"nesting", &Limits::nesting, "levels of the grammar's recursion in a rule file (each parenthesis, if, let, not, minus sign or type inside another counts 1 to 3)"},
        {"expression-depth", &Limits::expression_depth, "depth of one expression, long chains of operators included"},
        {"yaml-depth", &Limits::yaml_depth, "levels of mappings and lists one inside another in a case file, the run data or a scenarios file"},
        {"yaml-values", &Limits::yaml_values, "values read from a case file, YAML aliases expanded"},
        {"list-length", &Limits::list_length, "elements of one list in a case file"},
        {"digits", &Limits::digits, "digits of a number written, or of an exact result's numerator or denominator"},
        {"steps", &Limits::steps, "evaluation steps for one case"},
        {"depth", &Limits::depth, "formulas within formulas, through the rules and functions they use"},
        {"scenarios", &Limits::scenarios, "scenarios in a scenarios file (--scenarios), each run with a copy of the ruleset of its own"},
        {"attribution", &Limits::attribution, "changes (or groups of them) among which reckon diff --attribute splits each figure's change; the cases are evaluated 2^N times"},
    };
    return table;
}

std::optional<std::string> set_limit(Limits& limits, const std::string& setting) {
    auto eq = setting.find('=');
    std::string name = setting.substr(0, eq);
    std::string names;
    std::vector<std::string> all;
    for (const auto& l : limit_table()) {
        names += (names.empty() ? "" : ", ") + std::string(l.name);
        all.emplace_back(l.name);
        if (name != l.name) continue;
        std::string value = eq == std::string::npos ? "" : setting.substr(eq + 1);
        if (value.empty() || value.size() > 18 || value.find_first_not_of("0123456789") != std::string::npos || std::stoull(value) == 0)
            return "--limit " + setting + ": the value must be a whole number above 0, as in --limit " + name + "=5000";
        limits.*(l.field) = std::stoull(value);
        return std::nullopt;
    }
    const std::string hint = did_you_mean(nearest_names(name, all));
    return "--limit " + setting + ": no limit named '" + name + "'" + (hint.empty() ? "" : " (" + hint + ")") + "; the limits are " + names;
}

}  // namespace reckon
