// The load phase for case files (case_loader.hpp): a case's mappings read against the schema its inputs
// make. A key is an input's (the last part of its path) or a group's (the parts before it); an input's
// value is read as its type says, a group's mapping in turn. A key the schema lacks, a key given twice
// and a key missing with no default are errors, each at its place and with its key path.
#include "data/case_loader.hpp"

#include <algorithm>

namespace reckon::case_yaml {

void Loader::group(const YamlNode& n, const SchemaNode& schema, const std::string& path, std::vector<Value>& out,
                   const YamlMark& parent) {
    if (n.IsDefined()) count_value(n);
    if ((n.IsNull() || !n.IsDefined()) && all_optional(schema)) return;  // nothing needed, nothing given
    if (!n.IsMap()) {
        fail(n.IsDefined() && !n.IsNull() ? n.Mark() : parent, path,
             "expected a mapping with the keys " + child_keys(schema) + ", found " + describe_node(n));
        return;
    }
    // The keys met, by their schema entry (a few per mapping: a list is faster than a set of strings).
    std::vector<const SchemaNode*> seen;
    seen.reserve(n.size());
    std::vector<std::string_view> seen_unknown;  // held by the tree, as the keys are
    for (std::size_t k = 0; k < n.size(); ++k) {
        const YamlNode first = n.key(k), second = n.value(k);
        const std::string_view key = first.IsScalar() ? first.Scalar() : unknown_key;
        auto sub = [&] { return path.empty() ? std::string(key) : path + "." + std::string(key); };
        auto c = schema.children.find(key);
        if (c == schema.children.end()) {
            bool again = std::find(seen_unknown.begin(), seen_unknown.end(), key) != seen_unknown.end();
            if (!again) seen_unknown.push_back(key);
            fail(first.Mark(), sub(), again ? "duplicate key" : "unknown key; expected one of: " + child_keys(schema));
        } else if (std::find(seen.begin(), seen.end(), &c->second) != seen.end()) {
            fail(first.Mark(), sub(), "duplicate key");
        } else if (c->second.input >= 0) {
            seen.push_back(&c->second);
            const InputDef& in = inputs_[c->second.input];  // its path is this key's path (key_ stays empty for it)
            const YamlMark m = second.Mark().is_null() ? first.Mark() : second.Mark();
            at_[c->second.input] = m.pos >= 0 ? static_cast<std::uint32_t>(m.pos) + 1 : 0;
            if (auto v = convert(second, in.type, in.bounds, KeyPath{nullptr, in.path})) out[c->second.input] = std::move(*v);
        } else {
            seen.push_back(&c->second);
            group(second, c->second, sub(), out, first.Mark());
        }
    }
    for (const auto& [key, child] : schema.children) {
        if (std::find(seen.begin(), seen.end(), &child) != seen.end()) continue;
        if (child.input >= 0 && (inputs_[child.input].fallback || inputs_[child.input].type.optional))
            continue;  // filled in by the caller
        if (child.input < 0 && all_optional(child)) continue;
        std::string sub = path.empty() ? key : path + "." + key;
        std::string where = child.input >= 0 ? " (input declared at " + inputs_[child.input].where.str() + ")" : "";
        fail(n.Mark(), sub, "missing key" + where);
    }
}

bool Loader::all_optional(const SchemaNode& s) const {
    if (s.input >= 0) return inputs_[s.input].fallback != nullptr || inputs_[s.input].type.optional;
    for (const auto& [k, c] : s.children)
        if (!all_optional(c)) return false;
    return true;
}

std::string Loader::child_keys(const SchemaNode& s) {
    std::string k;
    for (const auto& [name, _] : s.children) k += (k.empty() ? "" : ", ") + name;
    return k;
}

}  // namespace reckon::case_yaml
