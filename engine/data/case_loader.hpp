// The load phase for case files (load_case.hpp): the Loader that reads a case's YAML tree against the
// schema its inputs make, recording every problem with where it is rather than stopping at the first.
// Its mappings of keys are read in case_mappings.cpp, its values of each type in case_values.cpp.
// Private to the case loader's files.
#pragma once

#include "data/yaml_document.hpp"

#include "core/program/case.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reckon::case_yaml {

// Where a value is in the case, as errors name it ("probation.activities[2].hours"), written out only for an
// error: a value read well costs no text.
struct KeyPath {
    const KeyPath* parent = nullptr;
    std::string_view name;  // the input's path (at the top), or a field's key
    std::size_t index = 0;  // an element's
    bool element = false;
    std::string str() const {
        if (!parent) return std::string(name);
        return parent->str() + (!element ? "." + std::string(name) : "[" + std::to_string(index) + "]");
    }
};

class Loader {
public:
    Loader(const Program& p, const std::vector<InputDef>& inputs, const SourceFile& src) : p_(p), inputs_(inputs), src_(src) {}

    std::vector<Diagnostic> errors;
    std::vector<std::uint32_t> at_;  // each input's place in the file, plus one (0: not given)
    std::vector<std::string> key_;   // empty: the input's own path

    Location at(const YamlMark& m) const { return yaml_place(src_, m); }

    // The mapping n read against a node of the schema: each key an input (its value read into `out`) or a
    // group of inputs (read in turn); an unknown key, a key given twice and a key missing are errors.
    void group(const YamlNode& n, const SchemaNode& schema, const std::string& path, std::vector<Value>& out,
               const YamlMark& parent);

private:
    void fail(const YamlMark& m, const std::string& path, const std::string& msg) {
        errors.push_back(Diagnostic{at(m), (path.empty() ? "" : path + ": ") + msg, {}});
    }
    void fail(const YamlMark& m, const KeyPath& path, const std::string& msg) { fail(m, path.str(), msg); }

    // Counts the values read; aliases can make a small file expand enormously.
    void count_value(const YamlNode& n) {
        if (++values_ > p_.limits.yaml_values)
            throw CompileError({Diagnostic{at(n.Mark()), "the case file holds more than " + std::to_string(p_.limits.yaml_values) +
                                                             " values once its aliases are expanded (the limit can be raised with --limit yaml-values=N)", {}}});
    }

    // ---- values (case_values.cpp)
    // A value of type t from node n; nullopt (with an error recorded) when it is not one.
    std::optional<Value> convert(const YamlNode& n, const Type& t, const Bounds& b, const KeyPath& path);
    std::optional<Value> number(const YamlNode& n, const Type& t, const Bounds& b, const KeyPath& path);
    std::optional<Value> list(const YamlNode& n, const Type& t, const Bounds& b, const KeyPath& path);
    std::optional<Value> record(const YamlNode& n, const Type& t, const KeyPath& path);
    // What a value of a type is, and what a node is, as an error says them.
    std::string expected(const Type& t) const;
    static std::string describe_node(const YamlNode& n);
    static std::string members_of(const EnumDef& e);
    static std::string keys_of(const RecordDef& r);

    // ---- mappings (case_mappings.cpp)
    bool all_optional(const SchemaNode& s) const;
    static std::string child_keys(const SchemaNode& s);

    static constexpr std::string_view unknown_key = "?";
    std::uint64_t values_ = 0;
    const Program& p_;
    const std::vector<InputDef>& inputs_;  // the case's inputs, or the run data's
    const SourceFile& src_;
};

}  // namespace reckon::case_yaml
