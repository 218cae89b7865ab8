// The load phase: a case's YAML read against the schema the ruleset's
// inputs make, numbers exactly from their text, every problem with its file,
// line, column and key path; then the ruleset's requirements.
#include "data/load_case.hpp"

#include "data/read_case_stream.hpp"
#include "data/read_yaml.hpp"

#include "core/eval/eval.hpp"
#include "core/base/limits.hpp"

#include <filesystem>
#include <map>
#include <algorithm>
#include <array>
#include <set>
#include <string_view>

namespace reckon {
namespace {

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

    Location at(const YamlMark& m) const {
        if (m.is_null() || m.pos < 0) return Location{&src_, 0, 1};
        return Location{&src_, static_cast<std::uint32_t>(m.pos), 1};
    }

    void fail(const YamlMark& m, const std::string& path, const std::string& msg) {
        errors.push_back(Diagnostic{at(m), (path.empty() ? "" : path + ": ") + msg, {}});
    }
    void fail(const YamlMark& m, const KeyPath& path, const std::string& msg) { fail(m, path.str(), msg); }

    static std::string describe_node(const YamlNode& n) {
        switch (n.kind()) {
            case YamlNode::Kind::null: return "nothing";
            case YamlNode::Kind::sequence: return "a list";
            case YamlNode::Kind::map: return "a mapping";
            case YamlNode::Kind::scalar: return "'" + std::string(n.Scalar()) + "'";
            case YamlNode::Kind::undefined: return "nothing";
        }
        return "?";
    }

    std::string expected(const Type& t) const {
        switch (t.kind) {
            case TypeKind::number: {
                std::string u = p_.units.name(t.unit);
                return u.empty() ? "a number" : "a number (in " + u + ")";
            }
            case TypeKind::boolean: return "true or false";
            case TypeKind::text: return "text";
            case TypeKind::date: return "a date (YYYY-MM-DD)";
            case TypeKind::list: return "a list of " + describe(*t.element, p_.units);
            case TypeKind::record: return "a mapping with the keys " + keys_of(*t.record);
            case TypeKind::enumeration: return "one of: " + members_of(*t.enumeration);
            case TypeKind::grouped:
            case TypeKind::error: return "a value";
        }
        return "a value";
    }

    static std::string members_of(const EnumDef& e) {
        std::string k;
        for (const auto& m : e.members) k += (k.empty() ? "" : ", ") + m;
        return k;
    }

    static std::string keys_of(const RecordDef& r) {
        std::string k;
        for (const auto& f : r.fields) k += (k.empty() ? "" : ", ") + f.name;
        return k;
    }

    // A value of type t from node n; nullopt (with an error recorded) when it is not one.
    // Counts the values read; aliases can make a small file expand enormously.
    void count_value(const YamlNode& n) {
        if (++values_ > p_.limits.yaml_values)
            throw CompileError({Diagnostic{at(n.Mark()), "the case file holds more than " + std::to_string(p_.limits.yaml_values) +
                                                             " values once its aliases are expanded (the limit can be raised with --limit yaml-values=N)", {}}});
    }

    std::optional<Value> convert(const YamlNode& n, const Type& t, const Bounds& b, const KeyPath& path) {
        count_value(n);
        if (t.optional && n.IsNull()) return Value{};  // `left:` or `left: ~`: not given
        switch (t.kind) {
            case TypeKind::number: return number(n, t, b, path);
            case TypeKind::boolean:
                if (n.IsScalar() && !n.quoted() && (n.Scalar() == "true" || n.Scalar() == "false"))
                    return Value::boolean(n.Scalar() == "true");
                fail(n.Mark(), path, "expected true or false, found " + describe_node(n));
                return std::nullopt;
            case TypeKind::text:
                if (n.IsScalar()) return Value::text(std::string(n.Scalar()));
                fail(n.Mark(), path, "expected text, found " + describe_node(n));
                return std::nullopt;
            case TypeKind::date: {
                std::optional<long> d;
                if (n.IsScalar()) d = parse_date(n.Scalar());
                if (!d) {
                    fail(n.Mark(), path, "expected a date (YYYY-MM-DD), found " + describe_node(n));
                    return std::nullopt;
                }
                return Value::date(*d);
            }
            case TypeKind::enumeration: {
                int m = n.IsScalar() ? t.enumeration->member(n.Scalar()) : -1;
                if (m < 0) {
                    fail(n.Mark(), path, "expected " + t.enumeration->name + ", one of: " + members_of(*t.enumeration) +
                                             "; found " + describe_node(n));
                    return std::nullopt;
                }
                return Value::member(m);
            }
            case TypeKind::list: return list(n, t, b, path);
            case TypeKind::record: return record(n, t, path);
            case TypeKind::grouped:
            case TypeKind::error: return std::nullopt;
        }
        return std::nullopt;
    }

    // A number in the unit declared, within its bounds.
    std::optional<Value> number(const YamlNode& n, const Type& t, const Bounds& b, const KeyPath& path) {
        std::optional<Number> x;
        if (n.IsScalar() && n.Scalar().size() > p_.limits.digits) {
            fail(n.Mark(), path, "a number of more than " + std::to_string(p_.limits.digits) + " digits (the limit can be raised with --limit digits=N)");
            return std::nullopt;
        }
        // written as in a rule file: 1,650, £32,000/year, 20%, 2.5 hour
        if (n.IsScalar() && !n.quoted()) x = p_.units.written_number(t.unit, n.Scalar());
        if (!x) {
            fail(n.Mark(), path, "expected " + expected(t) + ", found " + describe_node(n));
            return std::nullopt;
        }
        Number v = t.unit.dimensionless_syntax() ? *x : *x * p_.units.scale(t.unit);
        if (auto why = out_of_bounds(p_.units, t, b, v, n.Scalar())) {
            fail(n.Mark(), path, *why);
            return std::nullopt;
        }
        return Value::number(std::move(v));
    }

    std::optional<Value> list(const YamlNode& n, const Type& t, const Bounds& b, const KeyPath& path) {
        std::vector<Value> items;
        if (n.IsNull()) return Value::list({});
        if (!n.IsSequence()) {
            fail(n.Mark(), path, "expected " + expected(t) + ", found " + describe_node(n));
            return std::nullopt;
        }
        if (n.size() > p_.limits.list_length) {
            fail(n.Mark(), path, "a list of more than " + std::to_string(p_.limits.list_length) +
                                     " elements (the limit can be raised with --limit list-length=N)");
            return std::nullopt;
        }
        bool ok = true;
        for (std::size_t i = 0; i < n.size(); ++i) {
            const KeyPath element{&path, {}, i, true};
            auto v = convert(n[i], *t.element, b, element);
            if (v) items.push_back(std::move(*v));
            else ok = false;
        }
        if (!ok) return std::nullopt;
        return Value::list(std::move(items));
    }

    // A record: every field's key once, the optional ones may be left out.
    std::optional<Value> record(const YamlNode& n, const Type& t, const KeyPath& path) {
        if (!n.IsMap()) {
            fail(n.Mark(), path, "expected " + expected(t) + ", found " + describe_node(n));
            return std::nullopt;
        }
        const RecordDef& r = *t.record;
        std::vector<Value> fields(r.fields.size());  // each field's value, in the record's order (none: not given)
        bool ok = true;
        std::vector<std::uint8_t> seen(r.fields.size(), 0);
        std::vector<std::string_view> seen_unknown;
        for (std::size_t k = 0; k < n.size(); ++k) {
            const YamlNode first = n.key(k), second = n.value(k);
            const std::string_view key = first.Scalar();
            const KeyPath field{&path, key};
            const int f = r.field(key);
            const bool again = f >= 0 ? seen[static_cast<std::size_t>(f)] != 0
                                      : std::find(seen_unknown.begin(), seen_unknown.end(), key) != seen_unknown.end();
            if (again) {
                fail(first.Mark(), field, "duplicate key");
                ok = false;
            } else if (f < 0) {
                seen_unknown.push_back(key);
                fail(first.Mark(), field, "unknown key; expected one of: " + keys_of(r));
                ok = false;
            } else {
                seen[static_cast<std::size_t>(f)] = 1;
                if (auto v = convert(second, r.fields[f].type, r.fields[f].bounds, field)) fields[f] = std::move(*v);
                else ok = false;
            }
        }
        for (std::size_t f = 0; f < r.fields.size(); ++f)
            if (!seen[f] && !r.fields[f].type.optional) {  // an optional one left out stays none
                fail(n.Mark(), KeyPath{&path, r.fields[f].name}, "missing key");
                ok = false;
            }
        if (!ok) return std::nullopt;
        return Value::list(std::move(fields));
    }

    std::vector<std::uint32_t> at_;
    std::vector<std::string> key_;  // empty: the input's own path
    static constexpr std::string_view unknown_key = "?";
    std::uint64_t values_ = 0;

    void group(const YamlNode& n, const SchemaNode& schema, const std::string& path, std::vector<Value>& out,
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

    bool all_optional(const SchemaNode& s) const {
        if (s.input >= 0) return inputs_[s.input].fallback != nullptr || inputs_[s.input].type.optional;
        for (const auto& [k, c] : s.children)
            if (!all_optional(c)) return false;
        return true;
    }

    static std::string child_keys(const SchemaNode& s) {
        std::string k;
        for (const auto& [name, _] : s.children) k += (k.empty() ? "" : ", ") + name;
        return k;
    }

private:
    const Program& p_;
    const std::vector<InputDef>& inputs_;  // the case's inputs, or the run data's
    const SourceFile& src_;
};

// The bytes that too_deep() looks at outside quotes: the rest of a line is skipped.
constexpr std::array<bool, 256> nesting_mark = [] {
    std::array<bool, 256> marks{};
    for (unsigned char c : std::string_view("#\"'[]{}")) marks[c] = true;
    return marks;
}();

// How deeply the mappings and lists of a YAML text nest, line by line (block
// indentation, "- " items and [ { brackets), so that a hostile file is
// refused before the YAML parser recurses into it. Returns where the limit
// is passed, if it is.
std::optional<std::uint32_t> too_deep(const std::string& t, std::uint64_t limit) {
    std::vector<std::size_t> indents;
    std::uint64_t flow = 0;
    char quote = 0;
    for (std::size_t line = 0; line < t.size();) {
        std::size_t end = t.find('\n', line);
        if (end == std::string::npos) end = t.size();
        std::size_t i = line;
        if (flow == 0 && !quote) {
            while (i < end && t[i] == ' ') ++i;
            if (i < end && t[i] != '#' && t[i] != '\r') {
                std::size_t indent = i - line;
                while (!indents.empty() && indents.back() >= indent) indents.pop_back();
                indents.push_back(indent);
                while (i + 1 < end && t[i] == '-' && (t[i + 1] == ' ' || t[i + 1] == '\t')) {
                    i += 2;
                    while (i < end && t[i] == ' ') ++i;
                    indents.push_back(i - line);
                }
            }
        }
        for (; i < end; ++i) {
            if (!quote && indents.size() + flow <= limit) {  // skip what cannot nest: most of a line
                while (i < end && !nesting_mark[static_cast<unsigned char>(t[i])]) ++i;
                if (i == end) break;
            }
            char c = t[i];
            if (quote) {
                if (c == quote) quote = 0;
                else if (c == '\\' && quote == '"') ++i;
                continue;
            }
            if (c == '#' && (i == line || t[i - 1] == ' ')) break;
            if (c == '"' || c == '\'') quote = c;
            else if (c == '[' || c == '{') ++flow;
            else if ((c == ']' || c == '}') && flow > 0) --flow;
            if (indents.size() + flow > limit) return static_cast<std::uint32_t>(i);
        }
        if (indents.size() + flow > limit) return static_cast<std::uint32_t>(line);
        if (quote == '\'') quote = 0;  // single-quoted scalars rarely span lines; do not let one swallow the file
        line = end + 1;
    }
    return std::nullopt;
}

}  // namespace

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
// A YAML file read against the schema that `inputs` make: the case's inputs, or the run data's.
Case load_yaml(const Program& p, const std::vector<InputDef>& inputs, SourcePtr source) {
    const std::shared_ptr<const CaseKeys> keys = &inputs == &p.inputs && p.case_keys ? p.case_keys : make_case_keys(inputs);
    const SchemaNode& root = keys->root;
    Loader loader(p, inputs, *source);
    Case c;
    c.source = source;
    c.inputs.assign(inputs.size(), Value{});
    loader.at_.assign(inputs.size(), 0);
    loader.key_.assign(inputs.size(), "");
    if (auto bad = check_text(*source)) throw CompileError({*bad});
    if (auto deep = too_deep(source->text(), p.limits.yaml_depth))
        throw CompileError({Diagnostic{Location{source.get(), *deep, 1}, "mappings and lists are nested more than " +
                                                                          std::to_string(p.limits.yaml_depth) +
                                                                          " levels deep (the limit can be raised with --limit yaml-depth=N)", {}}});
    std::optional<YamlTree> doc;
    try {
        doc.emplace(source->text());
    } catch (const YamlError& e) {
        throw CompileError({Diagnostic{loader.at(e.mark), "invalid YAML: " + e.msg, {}}});
    }
    loader.group(doc->root(), root, "", c.inputs, YamlMark{});
    if (!loader.errors.empty()) throw CompileError(std::move(loader.errors));
    for (std::size_t i = 0; i < inputs.size(); ++i)
        if (c.inputs[i].kind == Value::Kind::none && inputs[i].fallback) c.inputs[i] = inputs[i].fallback->value;
    c.input_at = std::move(loader.at_);
    c.input_key = std::move(loader.key_);
    return c;
}
}  // namespace

Case load_case(const Program& p, SourcePtr source) {
    Case c = load_yaml(p, p.inputs, source);
    if (p.case_id_input >= 0 && c.inputs[p.case_id_input].kind == Value::Kind::text)
        c.id = *c.inputs[p.case_id_input].s();
    else
        c.id = std::filesystem::path(source->path()).stem().string();
    return c;
}

Case load_run_data(const Program& p, SourcePtr source) { return load_yaml(p, p.run_inputs, std::move(source)); }

Case load_case_file(const Program& p, const std::string& path) {
    CaseReader reader(path, p.limits.file_size);
    std::optional<CaseDocument> first = reader.next();
    if (!first || !first->source) throw std::runtime_error(first ? first->error : path + ": error: cannot read file");
    if (std::optional<CaseDocument> second = reader.next()) {
        if (!second->source) throw std::runtime_error(second->error);
        throw CompileError({Diagnostic{Location{second->source.get(), 0, 1},
                                       "this file holds more than one case (YAML documents separated by ---); one case is "
                                       "evaluated here: give the file to `reckon batch`, which evaluates each",
                                       {}}});
    }
    return load_case(p, first->source);
}

}  // namespace reckon
