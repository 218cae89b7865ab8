// The declarations of a program, each with its place and how it is written, from the compiled program
// itself: the editor sees what `reckon check` checked, never a second reading of the text.
#include "lsp/lsp_declarations.hpp"

#include <algorithm>

namespace reckon::lsp {

namespace {
std::string about(const Citation& c, const std::string& label = "") {
    std::string out;
    if (!label.empty()) out += label;
    if (!c.description.empty()) out += (out.empty() ? "" : "\n\n") + c.description;
    if (!c.source.empty()) out += (out.empty() ? "" : "\n\n") + std::string("Source: ") + c.source;
    return out;
}

std::string record_text(const RecordDef& r, const UnitTable& units) {
    std::string out = "{";
    for (std::size_t i = 0; i < r.fields.size(); ++i)
        out += (i ? ", " : "") + r.fields[i].name + ": " + describe(r.fields[i].type, units);
    return out + "}";
}
}  // namespace

std::vector<Declaration> declarations_of(const Program& p) {
    std::vector<Declaration> out;
    const UnitTable& u = p.units;
    for (std::size_t i = 0; i < p.params.size(); ++i) {
        const ParamDef& d = p.params[i];
        const bool run = d.run_input >= 0;
        out.push_back({run ? DeclarationKind::run_input : DeclarationKind::param, d.name, d.where,
                       std::string(run ? "run input " : "param ") + d.name + ": " + describe(d.type, u), about(d.cite),
                       static_cast<int>(i)});
    }
    for (const auto& in : p.inputs)
        out.push_back({DeclarationKind::input, in.path, in.where, "input " + in.path + ": " + describe(in.type, u), about(in.cite)});
    for (const auto& r : p.rules) {
        const DeclarationKind k = r.cohort ? (r.output ? DeclarationKind::cohort_output : DeclarationKind::cohort_rule)
                                           : (r.output ? DeclarationKind::output : DeclarationKind::rule);
        std::string by;
        if (r.by) by = "(" + r.by->name + ")";
        out.push_back({k, r.name, r.where, std::string(kind_word(k)) + " " + r.name + by + ": " + describe(r.shown(), u),
                       about(r.cite, r.label)});
    }
    for (const auto& f : p.fns) {
        std::string sig = "fn " + f.name + "(";
        for (std::size_t i = 0; i < f.param_names.size(); ++i)
            sig += (i ? ", " : "") + f.param_names[i] + ": " + (i < f.param_types.size() ? describe(f.param_types[i], u) : "");
        out.push_back({DeclarationKind::fn, f.name, f.where, sig + ") -> " + describe(f.result, u), about(f.cite)});
    }
    for (const auto& t : p.tables) {
        std::string sig = "table " + t.name + ": " + describe_keys(t, u) + " -> " + (t.columns ? record_text(*t.columns, u) : "");
        out.push_back({DeclarationKind::table, t.name, t.where, sig, about(t.cite)});
    }
    for (const auto& e : p.enums) {
        if (!e->factors.empty()) continue;  // a product of enumerations, made for a figure by two: not written
        std::string members;
        for (std::size_t m = 0; m < e->members.size(); ++m) members += (m ? ", " : "") + e->members[m];
        out.push_back({DeclarationKind::enumeration, e->name, e->where, "type " + e->name + " = one of " + members, ""});
        for (std::size_t m = 0; m < e->members.size(); ++m) {
            const std::string label = m < e->labels.size() ? e->labels[m] : "";
            out.push_back({DeclarationKind::member, e->name + "." + e->members[m], m < e->member_where.size() ? e->member_where[m] : e->where,
                           e->name + "." + e->members[m] + (label.empty() ? "" : " \"" + label + "\""), "A member of " + e->name});
        }
    }
    for (const auto& r : p.records)
        if (!r->name.empty()) out.push_back({DeclarationKind::record, r->name, r->where, "type " + r->name + " = " + record_text(*r, u), ""});
    for (const auto& d : u.all())
        if (d.where.known())
            out.push_back({DeclarationKind::unit, d.name, d.where, (d.currency ? "currency " : "unit ") + d.name, d.description});
    for (const auto& t : p.tests) {
        std::string what = t.cases.empty() ? "Case: " + t.case_path : "The cohort of the cases: ";
        for (std::size_t i = 0; i < t.cases.size(); ++i) what += (i ? ", " : "") + t.cases[i];
        if (!t.run_data.empty()) what += "; run data: " + t.run_data;
        out.push_back({DeclarationKind::test, t.name, t.where, "test \"" + t.name + "\"", what});
    }
    std::stable_sort(out.begin(), out.end(), [&](const Declaration& a, const Declaration& b) {
        auto file = [&](const SourceFile* f) {
            for (std::size_t i = 0; i < p.sources.size(); ++i)
                if (p.sources[i].get() == f) return i;
            return p.sources.size();
        };
        const auto fa = file(a.where.file), fb = file(b.where.file);
        return fa != fb ? fa < fb : a.where.offset < b.where.offset;
    });
    return out;
}

const char* kind_word(DeclarationKind k) {
    switch (k) {
        case DeclarationKind::param: return "param";
        case DeclarationKind::run_input: return "run input";
        case DeclarationKind::input: return "input";
        case DeclarationKind::rule: return "rule";
        case DeclarationKind::output: return "output";
        case DeclarationKind::cohort_rule: return "cohort rule";
        case DeclarationKind::cohort_output: return "cohort output";
        case DeclarationKind::fn: return "fn";
        case DeclarationKind::table: return "table";
        case DeclarationKind::enumeration: return "type";
        case DeclarationKind::member: return "member";
        case DeclarationKind::record: return "type";
        case DeclarationKind::unit: return "unit";
        case DeclarationKind::test: return "test";
    }
    return "";
}

int symbol_kind(DeclarationKind k) {  // SymbolKind: 5 Class, 7 Property, 8 Field, 10 Enum, 12 Function, 13 Variable, 14 Constant, 22 EnumMember, 23 Struct, 24 Event
    switch (k) {
        case DeclarationKind::param: return 14;
        case DeclarationKind::run_input: return 13;
        case DeclarationKind::input: return 13;
        case DeclarationKind::rule: return 8;
        case DeclarationKind::output: return 7;
        case DeclarationKind::cohort_rule: return 8;
        case DeclarationKind::cohort_output: return 7;
        case DeclarationKind::fn: return 12;
        case DeclarationKind::table: return 23;
        case DeclarationKind::enumeration: return 10;
        case DeclarationKind::member: return 22;
        case DeclarationKind::record: return 5;
        case DeclarationKind::unit: return 14;
        case DeclarationKind::test: return 24;
    }
    return 13;
}

int completion_kind(DeclarationKind k) {  // CompletionItemKind: 3 Function, 5 Field, 6 Variable, 10 Property, 11 Unit, 13 Enum, 20 EnumMember, 21 Constant, 22 Struct, 7 Class
    switch (k) {
        case DeclarationKind::param: return 21;
        case DeclarationKind::run_input: return 6;
        case DeclarationKind::input: return 6;
        case DeclarationKind::rule: return 5;
        case DeclarationKind::output: return 10;
        case DeclarationKind::cohort_rule: return 5;
        case DeclarationKind::cohort_output: return 10;
        case DeclarationKind::fn: return 3;
        case DeclarationKind::table: return 22;
        case DeclarationKind::enumeration: return 13;
        case DeclarationKind::member: return 20;
        case DeclarationKind::record: return 7;
        case DeclarationKind::unit: return 11;
        case DeclarationKind::test: return 1;
    }
    return 1;
}

}  // namespace reckon::lsp
