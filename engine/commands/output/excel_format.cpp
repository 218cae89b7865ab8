#include "commands/output/excel_format.hpp"

#include "commands/present/present.hpp"

#include <optional>

namespace reckon {

std::string excel_number_format(const Program& p, const Type& t, int decimals, bool fixed, bool percent) {
    std::string places = decimals > 0 ? "." + std::string(static_cast<std::size_t>(decimals), '0') : "";
    if (percent) return "0" + places + "%";
    if (auto money = p.units.money_shape(t.unit)) {
        // a rate as people write it: "£845.12 a week" (a unit that is not of time as written: "£1.20/km")
        const auto words = money->per.empty() ? std::optional<std::string>() : unit_in_words(money->per, true);
        return "\"" + money->symbol + "\"#,##0" + places + (money->per.empty() ? "" : "\"" + (words ? " " + *words : money->per) + "\"");
    }
    return fixed ? "#,##0" + places : "General";
}

}  // namespace reckon
