// The program of one scenario, and an error in a scenario's setting moved to
// where the scenarios file writes it. Which setting failed is read from the
// error's text ("--param NAME: ..."), as the compiler words it.
#include "cli/scenario_settings.hpp"

#include "core/base/source.hpp"

#include <stdexcept>
#include <string>

namespace reckon::cli {

// The params of each scenario: the command line's settings, then the
// scenario's, checked as --param values are; an error points at the value
// in the scenarios file.
std::shared_ptr<Program> compile_scenario(const Scenario& sc, const std::vector<ParamSetting>& command_line,
                                          const std::function<std::shared_ptr<Program>(const std::vector<ParamSetting>&)>& compile_with) {
    std::vector<ParamSetting> settings = command_line;
    for (const auto& v : sc.settings) settings.push_back({v.param, v.value});
    auto fail = [&](const std::string& param, const std::string& why) {
        Location where = sc.where;
        for (const auto& v : sc.settings)
            if (v.param == param) where = v.where;
        throw CompileError({Diagnostic{where, "scenario '" + sc.name + "': " + why, {}}});
    };
    try {
        return compile_with(settings);
    } catch (const SettingError& e) {  // a setting the ruleset cannot take
        fail(e.setting(), e.why());
    } catch (const SettingValueError& e) {  // a setting's value that does not check: the first, as --param shows it
        fail(e.problems().front().setting, e.problems().front().message);
    } catch (const CompileError& e) {
        // An error in the rule file itself: its diagnostics point into the program that failed, which is gone,
        // so its text, made when it was thrown, is what is left to show.
        const std::string text = e.what();
        throw std::runtime_error(text.substr(0, text.size() - 1));
    }
    return nullptr;  // not reached: fail() throws
}

}  // namespace reckon::cli
