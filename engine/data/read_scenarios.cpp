// A scenarios file (`reckon batch --scenarios FILE.yaml`): named sets of param values, each value kept as
// written, with its place in the file. One document, read as case files are (yaml_document.hpp); a name given
// twice, or a param given twice in one scenario, is an error at the second, as a key given twice in a case is.
#include "data/load_case.hpp"

#include "data/yaml_document.hpp"

#include <algorithm>

namespace reckon {

namespace {

constexpr const char* shape = "a scenarios file maps each scenario's name to its param values, as in "
                              "'low: {arrest_time: 3.5 hour}' and 'high: {arrest_time: 6.5 hour}', a line each";

// The keys of mapping n: each a scalar and none given twice, or an error at the key that is not.
bool keys_once(const SourceFile& src, const YamlNode& n, const std::string& what, std::vector<Diagnostic>& errors) {
    bool good = true;
    for (std::size_t k = 0; k < n.size(); ++k) {
        const YamlNode key = n.key(k);
        if (!key.IsScalar()) {
            errors.push_back({yaml_place(src, key.Mark()), what + ": expected a name, found a " +
                                                               (key.IsMap() ? "mapping" : key.IsSequence() ? "list" : "null"), {shape}});
            good = false;
            continue;
        }
        for (std::size_t before = 0; before < k; ++before) {
            if (!n.key(before).IsScalar() || n.key(before).Scalar() != key.Scalar()) continue;
            const Location first = yaml_place(src, n.key(before).Mark());
            errors.push_back({yaml_place(src, key.Mark()), what + ": '" + std::string(key.Scalar()) + "' is given twice",
                              {"first at line " + std::to_string(first.line()) + ", column " + std::to_string(first.column())}});
            good = false;
            break;
        }
    }
    return good;
}

}  // namespace

std::vector<Scenario> read_scenarios(SourcePtr source, const Limits& limits) {
    const SourceFile& src = *source;
    const YamlTree tree = read_yaml_document(src, limits, "the scenarios are one document, each scenario a key of it");
    const YamlNode doc = tree.root();
    if (!doc.IsMap() || doc.size() == 0)
        throw CompileError({Diagnostic{yaml_place(src, doc.Mark()), "expected the scenarios, by name", {shape}}});
    std::vector<Diagnostic> errors;
    if (!keys_once(src, doc, "a scenario's name", errors)) throw CompileError(std::move(errors));
    std::vector<Scenario> out;
    for (std::size_t s = 0; s < doc.size(); ++s) {
        if (s == limits.scenarios)
            throw CompileError({Diagnostic{yaml_place(src, doc.key(s).Mark()), "more than " + std::to_string(limits.scenarios) +
                                                                             " scenarios, the limit (it can be raised with --limit scenarios=N)", {}}});
        const YamlNode values = doc.value(s);
        Scenario sc;
        sc.name = std::string(doc.key(s).Scalar());
        sc.where = yaml_place(src, doc.key(s).Mark());
        const std::string what = "scenario '" + sc.name + "'";
        if (!values.IsMap()) {
            errors.push_back({yaml_place(src, values.Mark()), what + ": expected its param values (NAME: VALUE)", {shape}});
            continue;
        }
        if (!keys_once(src, values, what, errors)) continue;
        for (std::size_t k = 0; k < values.size(); ++k) {
            const std::string param(values.key(k).Scalar());
            const YamlNode value = values.value(k);
            if (!value.IsScalar()) {
                errors.push_back({yaml_place(src, value.Mark()), what + ": the value of '" + param +
                                                                     "' must be written as in the language (3.5 hour, 25%, £1,200)", {}});
                continue;
            }
            sc.settings.push_back({param, std::string(value.Scalar()), yaml_place(src, value.Mark())});
        }
        out.push_back(std::move(sc));
    }
    if (!errors.empty()) throw CompileError(std::move(errors));
    return out;
}

}  // namespace reckon
