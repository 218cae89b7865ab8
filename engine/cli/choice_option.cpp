#include "cli/choice_option.hpp"

#include "core/base/nearest_names.hpp"

#include <algorithm>

namespace reckon::cli {

CLI::Validator one_of(const std::vector<std::string>& names) {
    std::string listed;
    for (const auto& n : names) listed += (listed.empty() ? "" : ",") + n;
    auto check = [names](std::string& written) -> std::string {
        if (std::find(names.begin(), names.end(), written) != names.end()) return "";
        std::string message = "'" + written + "' is not one of ";
        for (std::size_t i = 0; i < names.size(); ++i) message += (i == 0 ? "" : ", ") + names[i];
        const std::string hint = did_you_mean(nearest_names(written, names));
        return hint.empty() ? message : message + " (" + hint + ")";
    };
    return CLI::Validator(check, "{" + listed + "}");
}

}  // namespace reckon::cli
