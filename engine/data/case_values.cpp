// The load phase for case files (case_loader.hpp): a value of each type read from its YAML node. A
// number is read from its text exactly, as a rule file writes it (1,650, £32,000/year, 20%, 2.5 hour), in
// the input's unit and within its bounds; true and false unquoted; a date as YYYY-MM-DD; an enumeration's
// member by its name; a list's elements and a record's fields each in turn. A node that is not a value of
// its type is an error naming its key path, what was expected and what was found.
#include "data/case_loader.hpp"

#include "data/load_case.hpp"

#include <algorithm>

namespace reckon::case_yaml {

std::string Loader::describe_node(const YamlNode& n) {
    switch (n.kind()) {
        case YamlNode::Kind::null: return "nothing";
        case YamlNode::Kind::sequence: return "a list";
        case YamlNode::Kind::map: return "a mapping";
        case YamlNode::Kind::scalar: return "'" + std::string(n.Scalar()) + "'";
        case YamlNode::Kind::undefined: return "nothing";
    }
    return "?";
}

std::string Loader::expected(const Type& t) const {
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

std::string Loader::members_of(const EnumDef& e) {
    std::string k;
    for (const auto& m : e.members) k += (k.empty() ? "" : ", ") + m;
    return k;
}

std::string Loader::keys_of(const RecordDef& r) {
    std::string k;
    for (const auto& f : r.fields) k += (k.empty() ? "" : ", ") + f.name;
    return k;
}

std::optional<Value> Loader::convert(const YamlNode& n, const Type& t, const Bounds& b, const KeyPath& path) {
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
std::optional<Value> Loader::number(const YamlNode& n, const Type& t, const Bounds& b, const KeyPath& path) {
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

std::optional<Value> Loader::list(const YamlNode& n, const Type& t, const Bounds& b, const KeyPath& path) {
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
std::optional<Value> Loader::record(const YamlNode& n, const Type& t, const KeyPath& path) {
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

}  // namespace reckon::case_yaml
