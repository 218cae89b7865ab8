// The program of one scenario, and an error in a scenario's setting moved to
// where the scenarios file writes it. Which setting failed is read from the
// error's text ("--param NAME: ..."), as the compiler words it.
#include "cli/scenario_settings.hpp"

#include "core/base/source.hpp"
#include "core/eval/eval.hpp"

#include <stdexcept>
#include <string>

namespace reckon::cli {

namespace {
// Which scenario, and where the scenarios file names it.
std::string scenario_note(const Scenario& sc) { return "under scenario '" + sc.name + "' (" + sc.where.str() + ")"; }
}  // namespace

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
        // An error in the rule file under the scenario's settings (a param worked out from a table that has no
        // row for the scenario's year): its diagnostics point into the program that failed, which is gone, so
        // its text, made when it was thrown, is what is left to show, with the scenario and its place.
        const std::string text = e.what();
        throw std::runtime_error(text + "  note: " + scenario_note(sc));
    }
    return nullptr;  // not reached: fail() throws
}

std::vector<Value> bind_scenario_params(const Scenario& sc, const Program& q) {
    try {
        return bind_params(q, command_line_overrides(q));
    } catch (const CompileError& e) {  // a param that cannot be worked out: rendered again while q, its source, is here
        std::vector<Diagnostic> ds = e.diagnostics();
        for (auto& d : ds) d.notes.push_back(scenario_note(sc));
        throw CompileError(std::move(ds));
    }
}

}  // namespace reckon::cli
