// The load phase: a case's YAML read against the schema the ruleset's
// inputs make, numbers exactly from their text, every problem with its file,
// line, column and key path; then the ruleset's requirements. The text is
// checked (UTF-8, and nesting no deeper than the limit) and parsed as one
// document (yaml_document.hpp); the tree is read by the Loader (case_loader.hpp).
#include "data/load_case.hpp"

#include "data/case_loader.hpp"
#include "data/read_case_stream.hpp"
#include "data/yaml_document.hpp"

#include "core/eval/eval.hpp"
#include "core/base/limits.hpp"

#include <filesystem>

namespace reckon {

std::optional<std::string> out_of_bounds(const UnitTable& units, const Type& t, const Bounds& b, const Number& v,
                                         std::string_view written) {
    const bool below = b.min && v < *b.min;
    if (!below && !(b.max && v > *b.max)) return std::nullopt;  // the usual case: no text made
    std::string u = units.name(t.unit);
    u = u.empty() ? u : " " + u;
    const Number& bound = below ? *b.min : *b.max;
    return std::string(written) + (below ? " is below the minimum, " : " is above the maximum, ") + format_trimmed(bound / units.scale(t.unit), 10) + u;
}

namespace {

// A YAML file read against the schema that `inputs` make: the case's inputs, or the run data's. `one_document`
// names what the file is, for the error at a second document.
Case load_yaml(const Program& p, const std::vector<InputDef>& inputs, SourcePtr source, std::string_view one_document) {
    const std::shared_ptr<const CaseKeys> keys = &inputs == &p.inputs && p.case_keys ? p.case_keys : make_case_keys(inputs);
    const SchemaNode& root = keys->root;
    case_yaml::Loader loader(p, inputs, *source);
    Case c;
    c.source = source;
    c.inputs.assign(inputs.size(), Value{});
    loader.at_.assign(inputs.size(), 0);
    loader.key_.assign(inputs.size(), "");
    const YamlTree doc = read_yaml_document(*source, p.limits, one_document);
    loader.group(doc.root(), root, "", c.inputs, YamlMark{});
    if (!loader.errors.empty()) throw CompileError(std::move(loader.errors));
    for (std::size_t i = 0; i < inputs.size(); ++i)
        if (c.inputs[i].kind == Value::Kind::none && inputs[i].fallback) c.inputs[i] = inputs[i].fallback->value;
    c.input_at = std::move(loader.at_);
    c.input_key = std::move(loader.key_);
    return c;
}

}  // namespace

Case load_case(const Program& p, SourcePtr source) {
    Case c = load_yaml(p, p.inputs, source, "a case is one document; the cases of a file are separated by lines that start with ---");
    if (p.case_id_input >= 0 && c.inputs[p.case_id_input].kind == Value::Kind::text)
        c.id = *c.inputs[p.case_id_input].s();
    else
        c.id = std::filesystem::path(source->path()).stem().string();
    return c;
}

Case load_run_data(const Program& p, SourcePtr source) {
    return load_yaml(p, p.run_inputs, std::move(source), "the run data is one document");
}

Case load_case_file(const Program& p, const std::string& path) {
    CaseReader reader(path, p.limits.file_size);
    std::optional<CaseDocument> first = reader.next();
    if (!first || !first->source) throw first ? FileError(first->where, first->error) : FileError(path, "cannot read file");
    if (std::optional<CaseDocument> second = reader.next()) {
        if (!second->source) throw FileError(second->where, second->error);
        throw CompileError({Diagnostic{Location{second->source.get(), 0, 1},
                                       "this file holds more than one case (YAML documents separated by ---); one case is "
                                       "evaluated here: give the file to `reckon batch`, which evaluates each",
                                       {}}});
    }
    return load_case(p, first->source);
}

}  // namespace reckon
