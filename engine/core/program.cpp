// Slots of a compiled program found by name (the command line's --param, the tests).
#include "program.hpp"

namespace reckon {

int Program::param_slot(const std::string& n) const {
    for (std::size_t i = 0; i < params.size(); ++i)
        if (params[i].name == n) return static_cast<int>(i);
    return -1;
}

int Program::rule_slot(const std::string& n) const {
    for (std::size_t i = 0; i < rules.size(); ++i)
        if (rules[i].name == n) return static_cast<int>(i);
    return -1;
}

const CellSetting* Program::cell_setting(int table, const std::string& key, int column) const {
    for (const auto& c : cell_settings)
        if (c.table == table && c.key == key && c.column == column) return &c;
    return nullptr;
}

}  // namespace reckon
