#include "data/case_for_page.hpp"

#include "core/base/read_file.hpp"

#include <yaml-cpp/yaml.h>

#include <set>

namespace reckon {

namespace {

// A document with only the keys the inputs' first segments name; the identifier's input, when the ruleset declares
// one, set to the row.
YAML::Node reduced(const Program& p, const YAML::Node& doc, std::size_t row) {
    if (!doc.IsMap()) return doc;  // not a case: left for the engine to say so, as reckon would
    std::set<std::string> declared;
    for (const auto& in : p.inputs) declared.insert(in.segments.at(0));
    YAML::Node out(YAML::NodeType::Map);
    for (const auto& kv : doc) {
        const std::string key = kv.first.Scalar();
        if (declared.count(key)) out[key] = kv.second;
    }
    if (p.case_id_input >= 0) {
        const auto& segments = p.inputs[static_cast<std::size_t>(p.case_id_input)].segments;
        YAML::Node at = out;
        for (std::size_t k = 0; k + 1 < segments.size() && at.IsMap() && at[segments[k]]; ++k) at.reset(at[segments[k]]);
        if (at.IsMap() && at[segments.back()]) at[segments.back()] = std::to_string(row);
    }
    return out;
}

}  // namespace

std::string case_for_page(const Program& p, const std::string& path, std::uint64_t max_bytes, std::size_t& row) {
    const std::vector<YAML::Node> docs = YAML::LoadAll(read_file(path, max_bytes));
    YAML::Emitter out;
    for (const auto& doc : docs) out << YAML::BeginDoc << reduced(p, doc, row++);
    std::string text = out.c_str();
    if (docs.size() == 1 && text.rfind("---\n", 0) == 0) text.erase(0, 4);  // one case: a plain file, as written
    return text + "\n";
}

}  // namespace reckon
