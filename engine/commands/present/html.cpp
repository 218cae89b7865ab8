// HTML from the appendix's Markdown, and text made safe for HTML.
#include "commands/present/html.hpp"

#include <sstream>
#include <string>
#include <vector>

namespace reckon {

std::string escape_html(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else if (c == '"') out += "&quot;";
        else out += c;
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
