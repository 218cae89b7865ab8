#include "doc.hpp"

#include "eval.hpp"
#include "explain.hpp"
#include "present.hpp"

#include <sstream>

namespace reckon {
namespace {

// Text safe in a Markdown table cell.
std::string cell(std::string s) {
    std::string out;
    for (char c : s) out += c == '|' ? std::string("\\|") : c == '\n' ? std::string(" ") : std::string(1, c);
    return out;
}

std::string code(const std::string& s) { return s.empty() ? "" : "`" + cell(s) + "`"; }

}  // namespace

std::string methodology_markdown(const Program& p, const std::vector<Value>& params, const Case* c) {
    std::string out = "# " + p.name + (p.version.empty() ? "" : ", version " + p.version) + "\n\n";
    if (!p.description.empty()) out += p.description + "\n\n";
    for (const auto& s : p.sources_cited) out += "- Source: " + s + "\n";
    if (!p.sources_cited.empty()) out += "\n";
    if (c) out += "Worked values are for the case `" + c->id + "` (" + c->source->path() + ").\n\n";

    out += "## Parameters\n\n| param | value | formula | description | source |\n|---|---|---|---|---|\n";
    for (std::size_t i = 0; i < p.params.size(); ++i) {
        const ParamDef& d = p.params[i];
        std::string source = d.cite.source;
        for (const auto& [slot, node] : p.overrides)
            if (slot == static_cast<int>(i)) source = "set for this run (--param " + d.name + ")";
        out += "| " + d.name + " | " + cell(typed_value(p, d.type, params[i])) + " | " + code(formula_text(d.syntax)) + " | " +
               cell(d.cite.description) + " | " + cell(source) + " |\n";
    }

    if (!p.tables.empty()) out += "\n## Tables\n";
    for (const auto& t : p.tables) {
        out += "\n### " + t.name + "\n\n";
        if (!t.cite.description.empty()) out += t.cite.description + "\n\n";
        if (!t.cite.source.empty()) out += "Source: " + t.cite.source + "\n\n";
        out += "| key |";
        std::string rule = "|---|";
        for (const auto& f : t.columns->fields) {
            out += " " + f.name + " |";
            rule += "---|";
        }
        out += "\n" + rule + "\n";
        for (const auto& k : t.order) {
            const Value& row = t.rows.at(k);
            std::string key = key_shown(t, k);
            out += "| " + cell(key) + " |";
            for (std::size_t f = 0; f < t.columns->fields.size(); ++f)
                out += " " + cell(typed_value(p, t.columns->fields[f].type, (*row.items)[f])) + " |";
            out += "\n";
        }
    }

    out += "\n## The case\n\n| input | type | description |" + std::string(c ? " value |\n|---|---|---|---|\n" : "\n|---|---|---|\n");
    for (std::size_t i = 0; i < p.inputs.size(); ++i) {
        const InputDef& in = p.inputs[i];
        out += "| " + in.path + " | " + cell(describe(in.type, p.units)) + " | " + cell(in.cite.description) + " |";
        if (c) out += " " + cell(c->inputs[i].kind == Value::Kind::none ? "not given" : typed_value(p, in.type, c->inputs[i])) + " |";
        out += "\n";
    }

    std::optional<Evaluator> ev;
    if (c) ev.emplace(p, params, c->inputs);
    auto section = [&](bool cohort) {
        for (std::size_t i = 0; i < p.rules.size(); ++i) {
            const RuleDef& r = p.rules[i];
            if (r.cohort != cohort) continue;
            out += "\n### " + std::string(r.output ? "output " : "rule ") + r.name + (r.label.empty() ? "" : ": " + r.label) + "\n\n";
            if (!r.cite.description.empty()) out += r.cite.description + "\n\n";
            if (!r.cite.source.empty()) out += "Source: " + r.cite.source + "\n\n";
            out += "Formula: " + code(formula_text(r.syntax)) + " (" + r.where.str() + ")\n";
            if (ev && !cohort) {
                const Value& v = ev->rule(static_cast<int>(i));
                out += "\nWorked value: **" + (r.output || r.by ? display_with_unit(p, r, v) : typed_value(p, r.type, v)) + "**\n";
            }
        }
    };
    out += "\n## Rules and outputs\n";
    section(false);
    bool any_cohort = false;
    for (const auto& r : p.rules) any_cohort = any_cohort || r.cohort;
    if (any_cohort) {
        out += "\n## Cohort rules and outputs (over every case of a batch)\n";
        section(true);
    }
    if (!p.fns.empty()) out += "\n## Functions\n";
    for (const auto& f : p.fns) {
        std::string sig = f.name + "(";
        for (std::size_t k = 0; k < f.param_names.size(); ++k)
            sig += (k ? ", " : "") + f.param_names[k] + ": " + describe(f.param_types[k], p.units);
        out += "\n### " + sig + ") -> " + describe(f.result, p.units) + "\n\n";
        if (!f.cite.description.empty()) out += f.cite.description + "\n\n";
        out += "Formula: " + code(formula_text(f.syntax)) + " (" + f.where.str() + ")\n";
    }
    return out;
}

std::string escape_html(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

namespace {

// `code` and **bold** within a line of the generated Markdown.
std::string inline_html(const std::string& md) {
    std::string out;
    for (std::size_t i = 0; i < md.size();) {
        if (md[i] == '\\' && i + 1 < md.size() && md[i + 1] == '|') {
            out += "|";
            i += 2;
        } else if (md[i] == '`') {
            std::size_t end = md.find('`', i + 1);
            if (end == std::string::npos) end = md.size();
            std::string code = md.substr(i + 1, end - i - 1);
            for (std::size_t at; (at = code.find("\\|")) != std::string::npos;) code.replace(at, 2, "|");
            out += "<code>" + escape_html(code) + "</code>";
            i = end + 1;
        } else if (md.compare(i, 2, "**") == 0) {
            std::size_t end = md.find("**", i + 2);
            if (end == std::string::npos) end = md.size();
            out += "<strong>" + escape_html(md.substr(i + 2, end - i - 2)) + "</strong>";
            i = end + 2;
        } else {
            out += escape_html(std::string(1, md[i]));
            ++i;
        }
    }
    return out;
}

// "| a | b |" -> {"a", "b"}, bars escaped as \| kept inside cells
std::vector<std::string> row_cells(const std::string& line) {
    std::vector<std::string> cells;
    std::string cur;
    for (std::size_t i = 1; i < line.size(); ++i) {
        if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '|') {
            cur += "\\|";
            ++i;
        } else if (line[i] == '|') {
            auto b = cur.find_first_not_of(' '), e = cur.find_last_not_of(' ');
            cells.push_back(b == std::string::npos ? "" : cur.substr(b, e - b + 1));
            cur.clear();
        } else {
            cur += line[i];
        }
    }
    return cells;
}

}  // namespace

std::string methodology_html(const std::string& markdown, const std::string& title) {
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape_html(title) +
        "</title>\n<style>\n"
        "body{font-family:Georgia,serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}\n"
        "h1,h2,h3{font-family:Helvetica,Arial,sans-serif}h2{border-bottom:1px solid #ccc;margin-top:2rem}\n"
        "table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top}\n"
        "th{background:#f2f2f2;text-align:left}code{font-size:.85rem;background:#f6f6f6;padding:0 .2rem}\n"
        "@media print{body{margin:0;max-width:none}h2{page-break-after:avoid}table{page-break-inside:auto}tr{page-break-inside:avoid}}\n"
        "</style>\n</head>\n<body>\n";
    return out + markdown_html(markdown) + "</body>\n</html>\n";
}

std::string markdown_html(const std::string& markdown, int shift) {
    std::string out;
    auto heading = [&](int level, const std::string& text) {
        std::string h = "h" + std::to_string(std::min(6, level + shift));
        out += "<" + h + ">" + inline_html(text) + "</" + h + ">\n";
    };
    std::istringstream in(markdown);
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string& l = lines[i];
        if (l.empty()) continue;
        if (l.rfind("### ", 0) == 0) heading(3, l.substr(4));
        else if (l.rfind("## ", 0) == 0) heading(2, l.substr(3));
        else if (l.rfind("# ", 0) == 0) heading(1, l.substr(2));
        else if (l.rfind("- ", 0) == 0) {
            out += "<ul>\n";
            for (; i < lines.size() && lines[i].rfind("- ", 0) == 0; ++i) out += "<li>" + inline_html(lines[i].substr(2)) + "</li>\n";
            out += "</ul>\n";
            --i;
        } else if (l.rfind("|", 0) == 0) {
            out += "<table>\n<thead><tr>";
            for (const auto& c : row_cells(l)) out += "<th>" + inline_html(c) + "</th>";
            out += "</tr></thead>\n<tbody>\n";
            for (i += 2; i < lines.size() && lines[i].rfind("|", 0) == 0; ++i) {
                out += "<tr>";
                for (const auto& c : row_cells(lines[i])) out += "<td>" + inline_html(c) + "</td>";
                out += "</tr>\n";
            }
            out += "</tbody>\n</table>\n";
            --i;
        } else {
            out += "<p>" + inline_html(l) + "</p>\n";
        }
    }
    return out;
}

}  // namespace reckon
