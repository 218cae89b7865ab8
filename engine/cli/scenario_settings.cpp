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
    } catch (const RequestError& e) {  // "--param NAME: the ruleset has no param named 'NAME'"
        std::string text = e.what();
        std::string name = text.substr(8, text.find(": ") - 8);
        fail(name, text.substr(text.find(": ") + 2));
    } catch (const CompileError& e) {
        // The diagnostics point into the program that failed, which is gone: read the text.
        // "--param NAME:1:5: error: MESSAGE\n…" (a value), or an error in the rule file itself.
        std::string text = e.what();
        std::string first = text.substr(0, text.find('\n'));
        if (first.rfind("--param ", 0) != 0) throw std::runtime_error(text.substr(0, text.size() - 1));
        auto at = first.find(": error: ");
        std::string name = first.substr(8, at == std::string::npos ? std::string::npos : at - 8);
        name = name.substr(0, name.rfind(':', name.rfind(':') - 1));  // without ":LINE:COL"
        fail(name, at == std::string::npos ? first : first.substr(at + 9));
    }
    return nullptr;  // not reached: fail() throws
}

}  // namespace reckon::cli
