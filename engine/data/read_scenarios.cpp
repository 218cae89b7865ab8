// A scenarios file (`reckon batch --scenarios FILE.yaml`): named sets of
// param values, each value kept as written, with its place in the file.
#include "data/load_case.hpp"

#include <yaml-cpp/yaml.h>

namespace reckon {

std::vector<Scenario> read_scenarios(SourcePtr source, const Limits& limits) {
    auto at = [&](const YAML::Mark& m) {
        return Location{source.get(), m.is_null() || m.pos < 0 ? 0u : static_cast<std::uint32_t>(m.pos), 1};
    };
    if (auto bad = check_text(*source)) throw CompileError({*bad});
    YAML::Node doc;
    try {
        doc = YAML::Load(source->text());
    } catch (const YAML::Exception& e) {
        throw CompileError({Diagnostic{at(e.mark), "invalid YAML: " + e.msg, {}}});
    }
    const char* shape = "a scenarios file maps each scenario's name to its param values, as in "
                        "'low: {arrest_time: 3.5 hour}' and 'high: {arrest_time: 6.5 hour}', a line each";
    if (!doc.IsMap() || doc.size() == 0)
        throw CompileError({Diagnostic{at(doc.Mark()), "expected the scenarios, by name", {shape}}});
    std::vector<Scenario> out;
    std::vector<Diagnostic> errors;
    for (const auto& kv : doc) {
        if (out.size() + errors.size() == limits.scenarios)
            throw CompileError({Diagnostic{at(kv.first.Mark()), "more than " + std::to_string(limits.scenarios) +
                                                                    " scenarios, the limit (it can be raised with --limit scenarios=N)", {}}});
        Scenario sc;
        sc.name = kv.first.Scalar();
        sc.where = at(kv.first.Mark());
        if (!kv.second.IsMap()) {
            errors.push_back({at(kv.second.Mark()), "scenario '" + sc.name + "': expected its param values (NAME: VALUE)", {shape}});
            continue;
        }
        for (const auto& pv : kv.second) {
            if (!pv.second.IsScalar()) {
                errors.push_back({at(pv.second.Mark()), "scenario '" + sc.name + "': the value of '" + pv.first.Scalar() +
                                                            "' must be written as in the language (3.5 hour, 25%, £1,200)", {}});
                continue;
            }
            sc.settings.push_back({pv.first.Scalar(), pv.second.Scalar(), at(pv.second.Mark())});
        }
        out.push_back(std::move(sc));
    }
    if (!errors.empty()) throw CompileError(std::move(errors));
    return out;
}

}  // namespace reckon
