// `reckon fmt`: a rule file laid out canonically, step by step: the lines where declarations start (from the
// parse), each line split into code and comment, the indentation, table rows aligned in columns, then the lines
// joined with at most one blank line between.
#include "commands/fmt/fmt.hpp"

#include "commands/fmt/fmt_quantities.hpp"
#include "core/syntax/import.hpp"
#include "core/syntax/parse.hpp"

#include <algorithm>
#include <set>
#include <utility>
#include <sstream>
#include <vector>

namespace reckon {
namespace {

struct Line {
    int lead = 0;         // the indentation written (a tab counts 2)
    std::string code;     // the line without its comment, spaces collapsed
    std::string comment;  // "# ..." or empty
    bool blank = false;
};

// Splits a line into code and comment (a '#' outside a string), collapsing
// runs of spaces and tabs in the code to one, outside strings.
Line split(const std::string& raw) {
    Line l;
    for (char c : raw) {
        if (c == ' ') l.lead += 1;
        else if (c == '\t') l.lead += 2;
        else break;
    }
    bool in_string = false, space = false;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        char c = raw[i];
        if (in_string) {
            l.code += c;
            if (c == '\\' && i + 1 < raw.size()) l.code += raw[++i];
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '#') {
            l.comment = raw.substr(i);
            while (!l.comment.empty() && (l.comment.back() == ' ' || l.comment.back() == '\t')) l.comment.pop_back();
            break;
        }
        if (c == ' ' || c == '\t') {
            space = true;
            continue;
        }
        if (space && !l.code.empty()) l.code += ' ';
        space = false;
        if (c == '"') in_string = true;
        l.code += c;
    }
    l.blank = l.code.empty() && l.comment.empty();
    return l;
}

// "| a | £1 | £2 |" -> {"a", "£1", "£2"}; the bars outside strings. What follows the last bar (a row's
// `source "…"`) goes in `tail`.
std::vector<std::string> cells_of(const std::string& row, std::string& tail) {
    std::vector<std::string> cells;
    std::string cur;
    bool in_string = false;
    for (std::size_t i = 1; i < row.size(); ++i) {
        char c = row[i];
        if (c == '"') in_string = !in_string;
        if (c == '|' && !in_string) {
            auto b = cur.find_first_not_of(' '), e = cur.find_last_not_of(' ');
            cells.push_back(b == std::string::npos ? "" : cur.substr(b, e - b + 1));
            cur.clear();
        } else {
            cur += c;
        }
    }
    const auto b = cur.find_first_not_of(' ');
    tail = b == std::string::npos ? "" : cur.substr(b);
    return cells;
}

std::size_t width(const std::string& s) { return display_width(s); }

// The lines on which a declaration (or the header) starts, counted from 1.
std::set<std::uint32_t> declaration_starts(const SourcePtr& source, const Limits& limits) {
    ast::Module m = parse_module(source, limits);  // throws on a syntax error
    std::set<std::uint32_t> starts;
    if (m.header) starts.insert(source->line_of(m.header->where.offset));
    for (const auto& d : m.decls) starts.insert(source->line_of(d.where.offset));
    return starts;
}

std::vector<Line> lines_of(const std::string& text) {
    std::vector<Line> lines;
    std::istringstream in(text);
    for (std::string raw; std::getline(in, raw);) {
        if (!raw.empty() && raw.back() == '\r') raw.pop_back();
        lines.push_back(split(raw));
    }
    return lines;
}

// Indentation: 0 for a declaration's first line; the others at least 2,
// deeper where the author nested them, in steps of 2. A comment on its own
// line goes with the next line of code.
std::vector<int> indentation(const std::vector<Line>& lines, const std::set<std::uint32_t>& starts) {
    std::vector<int> indent(lines.size(), 2);
    int next = 0;
    for (std::size_t i = lines.size(); i-- > 0;) {
        if (!lines[i].code.empty())
            next = starts.count(static_cast<std::uint32_t>(i + 1)) ? 0 : std::max(2, lines[i].lead - lines[i].lead % 2);
        indent[i] = next;
    }
    return indent;
}

// A cell is its value, right-aligned, and what follows it (`range £0 to £980 …`), left-aligned after it; the
// first cell of a row (its key) is all value.
std::pair<std::string, std::string> value_and_rest(const std::string& cell, std::size_t column) {
    if (column == 0) return {cell, ""};
    const auto r = cell.find(" range ");
    return r == std::string::npos ? std::pair<std::string, std::string>{cell, ""} : std::pair<std::string, std::string>{cell.substr(0, r), cell.substr(r + 1)};
}

// Consecutive table rows (lines[from] on, while they start with '|'), sharing column widths: each written into
// `text`. Returns the line after them.
std::size_t align_rows(const std::vector<Line>& lines, std::size_t from, std::vector<std::string>& text) {
    std::size_t j = from;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> tails;  // each row's source, after its last bar
    while (j < lines.size() && lines[j].code.rfind("|", 0) == 0) {
        tails.emplace_back();
        rows.push_back(cells_of(lines[j++].code, tails.back()));
    }
    std::vector<std::size_t> w, wr;  // each column's widths: of its values, and of what follows them
    for (const auto& r : rows)
        for (std::size_t c = 0; c < r.size(); ++c) {
            if (w.size() <= c) w.push_back(0), wr.push_back(0);
            const auto [value, rest] = value_and_rest(r[c], c);
            w[c] = std::max(w[c], width(value));
            wr[c] = std::max(wr[c], width(rest));
        }
    for (std::size_t k = 0; k < rows.size(); ++k) {
        std::string row = "|";
        for (std::size_t c = 0; c < rows[k].size(); ++c) {
            const auto [value, rest] = value_and_rest(rows[k][c], c);
            std::string pad(w[c] - width(value), ' ');
            std::string after = wr[c] == 0 ? "" : " " + rest + std::string(wr[c] - width(rest), ' ');
            row += " " + (c == 0 ? value + pad : pad + value + after) + " |";
        }
        text[from + k] = row + (tails[k].empty() ? "" : " " + tails[k]);
    }
    return j;
}

// The currencies the file can name, its own and its imports', with the symbols money is written with. A file
// whose imports cannot be read has only its own.
CurrencySymbols currencies_of(const SourcePtr& source, const Limits& limits) {
    ImportedFiles files;
    try {
        import_files(files, source, limits);
    } catch (const CompileError&) {
        files.modules.clear();
        files.modules.push_back(parse_module(source, limits));
    }
    CurrencySymbols out;
    for (const auto& m : files.modules)
        for (const auto& d : m.decls)
            if (d.kind == ast::DeclKind::currency && money_symbol(d.symbol)) out[d.name] = d.symbol;
    return out;
}

// Each line's code as written out: money written one way; table rows aligned in columns.
std::vector<std::string> code_text(std::vector<Line> lines, const CurrencySymbols& currencies) {
    for (auto& l : lines) l.code = money_written_once(l.code, currencies);
    std::vector<std::string> text(lines.size());
    for (std::size_t i = 0; i < lines.size();) {
        if (lines[i].code.rfind("|", 0) != 0) {
            text[i] = lines[i].code;
            ++i;
            continue;
        }
        i = align_rows(lines, i, text);
    }
    return text;
}

// The lines, indented, each comment after its code; blank lines at most one, none at the start.
std::string joined(const std::vector<Line>& lines, const std::vector<int>& indent, const std::vector<std::string>& text) {
    std::string out;
    bool pending_blank = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].blank) {
            pending_blank = !out.empty();
            continue;
        }
        if (pending_blank) out += "\n";
        pending_blank = false;
        std::string line = std::string(static_cast<std::size_t>(indent[i]), ' ') + text[i];
        if (!lines[i].comment.empty()) line += (text[i].empty() ? "" : "  ") + lines[i].comment;
        out += line + "\n";
    }
    return out;
}

}  // namespace

std::string format_rules(const SourcePtr& source, const Limits& limits) {
    const std::set<std::uint32_t> starts = declaration_starts(source, limits);
    const std::vector<Line> lines = lines_of(source->text());
    return joined(lines, indentation(lines, starts), code_text(lines, currencies_of(source, limits)));
}

}  // namespace reckon
