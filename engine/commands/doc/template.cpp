// `reckon template` (template.hpp).
#include "commands/doc/template.hpp"

#include "data/read_csv.hpp"

#include <map>

namespace reckon {

namespace {

// "hour, 0 to 200", "one of: full_year, pro_rata", "date (YYYY-MM-DD)"
std::string what_goes(const Program& p, const Type& t, const Bounds& b) {
    std::string s;
    switch (t.kind) {
        case TypeKind::number: {
            std::string u = p.units.name(t.unit);
            s = u.empty() ? "a number" : "a number in " + u;
            Number scale = p.units.scale(t.unit);
            if (b.min) s += ", at least " + format_trimmed(*b.min / scale, 10);
            if (b.max) s += ", at most " + format_trimmed(*b.max / scale, 10);
            break;
        }
        case TypeKind::boolean: s = "true or false"; break;
        case TypeKind::text: s = "text"; break;
        case TypeKind::date: s = "a date, YYYY-MM-DD"; break;
        case TypeKind::enumeration: {
            s = "one of:";
            for (std::size_t m = 0; m < t.enumeration->members.size(); ++m) s += (m ? ", " : " ") + t.enumeration->members[m];
            break;
        }
        case TypeKind::list:
        case TypeKind::record:
        case TypeKind::grouped:
        case TypeKind::error: s = describe(t, p.units); break;
    }
    if (t.optional) s += "; may be left empty";
    return s;
}

// A key of the YAML tree: the inputs under one dotted prefix.
struct Key {
    int input = -1;
    std::map<std::string, Key> children;
    std::vector<std::string> order;  // as declared
};

void yaml_keys(const Program& p, const Key& k, int depth, std::string& out) {
    const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
    for (const auto& name : k.order) {
        const Key& child = k.children.at(name);
        if (child.input < 0) {
            out += indent + name + ":\n";
            yaml_keys(p, child, depth + 1, out);
            continue;
        }
        const InputDef& in = p.inputs[child.input];
        std::string note = in.type.kind == TypeKind::list ? "a list, one element a line: - " : what_goes(p, in.type, in.bounds);
        if (in.type.kind == TypeKind::list && in.type.element->kind == TypeKind::record) {
            note += "{";
            const auto& fields = in.type.element->record->fields;
            for (std::size_t f = 0; f < fields.size(); ++f) note += (f ? ", " : "") + fields[f].name + ": …";
            note += "}";
        } else if (in.type.kind == TypeKind::list) {
            note += what_goes(p, *in.type.element, in.bounds);
        }
        if (in.fallback) note += "; left out, it is the default";
        if (!in.cite.description.empty()) note += ". " + in.cite.description;
        if (in.type.kind == TypeKind::record) {
            out += indent + name + ":  # " + note + "\n";
            for (const auto& f : in.type.record->fields)
                out += indent + "  " + f.name + ":  # " + what_goes(p, f.type, f.bounds) + "\n";
        } else {
            out += indent + name + ":  # " + note + "\n";
        }
    }
}

}  // namespace

std::string yaml_template(const Program& p) {
    Key root;
    for (std::size_t i = 0; i < p.inputs.size(); ++i) {
        Key* at = &root;
        for (const auto& s : p.inputs[i].segments) {
            if (!at->children.count(s)) at->order.push_back(s);
            at = &at->children[s];
        }
        at->input = static_cast<int>(i);
    }
    std::string out = "# A case of " + p.name + (p.version.empty() ? "" : ", version " + p.version) +
                      ": fill in each value after its key.\n";
    yaml_keys(p, root, 0, out);
    return out;
}

std::vector<TemplateTable> template_tables(const Program& p) {
    auto column = [&](std::string header, const Type& t, const Bounds& b, const InputDef* in) {
        TemplateColumn c{std::move(header), &t, &b, what_goes(p, t, b), ""};
        if (in && in->fallback) c.note = "left empty, it is the default";
        if (in && !in->cite.description.empty()) c.note += (c.note.empty() ? "" : ". ") + in->cite.description;
        return c;
    };
    std::vector<TemplateTable> out(1);
    out[0].name = "cases";
    for (const auto& in : p.inputs) {
        if (in.type.kind == TypeKind::list) continue;
        if (in.type.kind == TypeKind::record) {
            for (const auto& f : in.type.record->fields) out[0].columns.push_back(column(in.path + "." + f.name, f.type, f.bounds, &in));
        } else {
            out[0].columns.push_back(column(in.path, in.type, in.bounds, &in));
        }
    }
    if (p.case_id_input < 0) return out;
    const InputDef& id = p.inputs[p.case_id_input];
    for (const auto& in : p.inputs) {
        if (in.type.kind != TypeKind::list) continue;
        TemplateTable t{in.path, {column(id.path, id.type, id.bounds, nullptr)}};
        t.columns[0].note = "the case's " + id.path + ", as in sheet cases";
        const Type& el = *in.type.element;
        if (el.kind == TypeKind::record)
            for (const auto& f : el.record->fields) t.columns.push_back(column(f.name, f.type, f.bounds, nullptr));
        else t.columns.push_back(column(in.segments.back(), el, in.bounds, nullptr));
        if (!in.cite.description.empty()) t.columns.back().note = in.cite.description;
        out.push_back(std::move(t));
    }
    return out;
}

std::vector<CsvTemplate> csv_templates(const Program& p) {
    std::vector<CsvTemplate> out;
    for (const auto& t : template_tables(p)) {
        std::string header;
        for (const auto& c : t.columns) header += (header.empty() ? "" : ",") + csv_field(c.header);
        out.push_back({t.name + ".csv", header + "\n"});
    }
    return out;
}

}  // namespace reckon
