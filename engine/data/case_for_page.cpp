#include "data/case_for_page.hpp"

#include "core/base/read_file.hpp"

#include <yaml-cpp/yaml.h>

#include <set>
#include <stdexcept>

namespace reckon {

namespace {

// A node written again as it was read: a scalar quoted in the file quoted again (yaml-cpp tags it "!"), so that
// "26" stays a text and 26 a number, and the case reads back to the same values.
void emit(YAML::Emitter& out, const YAML::Node& n) {
    switch (n.Type()) {
        case YAML::NodeType::Map:
            out << YAML::BeginMap;
            for (const auto& kv : n) {
                out << YAML::Key;
                emit(out, kv.first);
                out << YAML::Value;
                emit(out, kv.second);
            }
            out << YAML::EndMap;
            return;
        case YAML::NodeType::Sequence:
            out << YAML::BeginSeq;
            for (const auto& e : n) emit(out, e);
            out << YAML::EndSeq;
            return;
        case YAML::NodeType::Scalar:
            if (n.Tag() == "!") out << YAML::DoubleQuoted << n.Scalar();
            else out << n.Scalar();
            return;
        case YAML::NodeType::Null:
        case YAML::NodeType::Undefined:
            out << YAML::Null;
            return;
    }
}

// A case's document with only the keys the inputs' first segments name (the run read it, so there is no other;
// kept so whatever the loader allows), the identifier's input, when the ruleset declares one, set to the row.
YAML::Node reduced(const Program& p, const std::set<std::string>& declared, const YAML::Node& doc, std::size_t row) {
    if (!doc.IsMap()) throw std::runtime_error("not a case");  // the run would have failed it: not carried
    YAML::Node out(YAML::NodeType::Map);
    for (const auto& kv : doc) {
        const std::string key = kv.first.Scalar();
        if (declared.count(key)) out[key] = kv.second;
    }
    if (p.case_id_input >= 0) {
        const InputDef& in = p.inputs[static_cast<std::size_t>(p.case_id_input)];
        const auto& segments = in.segments;
        YAML::Node at = out;
        for (std::size_t k = 0; k + 1 < segments.size() && at.IsMap() && at[segments[k]]; ++k) at.reset(at[segments[k]]);
        if (at.IsMap() && at[segments.back()]) {
            YAML::Node id(std::to_string(row));
            if (in.type.kind == TypeKind::text) id.SetTag("!");  // quoted: a text, not a number
            at[segments.back()] = id;
        }
    }
    return out;
}

}  // namespace

std::string case_for_page(const Program& p, const std::string& path, std::uint64_t max_bytes, std::size_t& row) {
    const std::vector<YAML::Node> docs = YAML::LoadAll(read_file(path, max_bytes));
    std::set<std::string> declared;  // the inputs' first segments: a case's keys
    for (const auto& in : p.inputs) declared.insert(in.segments.at(0));
    YAML::Emitter out;
    for (const auto& doc : docs) {
        out << YAML::BeginDoc;
        emit(out, reduced(p, declared, doc, row++));
    }
    if (!out.good()) throw std::runtime_error(out.GetLastError());
    std::string text = out.c_str();
    if (docs.size() == 1 && text.rfind("---\n", 0) == 0) text.erase(0, 4);  // one case: a plain file, as written
    return text + "\n";
}

}  // namespace reckon
