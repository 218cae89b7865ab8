// One YAML document read from a file (yaml_document.hpp): the checks before the parser, the parse, and a second
// document refused where it starts.
#include "data/yaml_document.hpp"

#include "data/yaml_depth.hpp"

namespace reckon {

Location yaml_place(const SourceFile& src, const YamlMark& m) {
    if (m.is_null() || m.pos < 0) return Location{&src, 0, 1};
    return Location{&src, static_cast<std::uint32_t>(m.pos), 1};
}

YamlTree read_yaml_document(const SourceFile& src, const Limits& limits, std::string_view one_document) {
    if (auto bad = check_text(src)) throw CompileError({*bad});
    if (auto deep = case_yaml::too_deep(src.text(), limits.yaml_depth))
        throw CompileError({Diagnostic{Location{&src, *deep, 1}, "mappings and lists are nested more than " +
                                                                     std::to_string(limits.yaml_depth) +
                                                                     " levels deep (the limit can be raised with --limit yaml-depth=N)", {}}});
    try {
        YamlTree tree(src.text());
        if (const YamlMark second = tree.second_document(); !second.is_null())
            throw CompileError({Diagnostic{yaml_place(src, second), "a second YAML document (a line that starts with --- or ... ends the "
                                                                        "first): " + std::string(one_document), {}}});
        return tree;
    } catch (const YamlError& e) {
        throw CompileError({Diagnostic{yaml_place(src, e.mark), "invalid YAML: " + e.msg, {}}});
    }
}

}  // namespace reckon
