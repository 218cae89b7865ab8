#include "commands/tests/coverage.hpp"

#include "commands/present/html.hpp"
#include "commands/present/present.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace reckon {

std::size_t FileCoverage::exercised() const {
    return static_cast<std::size_t>(std::count_if(items.begin(), items.end(), [](const CoverageItem& i) { return i.exercised; }));
}

namespace {

CoverageItem item(CoverageKind kind, std::string what, const Location& where, bool exercised) {
    return {kind, std::move(what), where.file ? where.file->path() : "", where.line(), where.column(), where.offset, exercised};
}

// Each `if` of a formula, a `then` and an `else` each.
void add_branches(const Node& n, const CoverageLog& log, std::vector<CoverageItem>& out) {
    if (n.op == Op::if_) {
        const std::string at = std::to_string(n.where.line()) + ":" + std::to_string(n.where.column());
        out.push_back(item(CoverageKind::branch, "'then' of the if at " + at, n.kids[1]->where, log.then_taken.count(&n) > 0));
        out.push_back(item(CoverageKind::branch, "'else' of the if at " + at, n.kids[2]->where, log.else_taken.count(&n) > 0));
    }
    for (const auto& k : n.kids)
        if (k) add_branches(*k, log, out);
}

bool before(const CoverageItem& a, const CoverageItem& b) {
    if (a.file != b.file) return a.file < b.file;
    return a.offset < b.offset;
}

std::string kind_name(CoverageKind k) {
    switch (k) {
        case CoverageKind::rule: return "rule";
        case CoverageKind::param: return "param";
        case CoverageKind::row: return "row";
        case CoverageKind::branch: return "branch";
    }
    return "";
}

// "45 of 50 (90.0%)", the share cut, never rounded up.
std::string share(const FileCoverage& f) {
    const std::size_t n = f.items.size(), e = f.exercised();
    const std::size_t tenths = n == 0 ? 1000 : e * 1000 / n;
    return std::to_string(e) + " of " + std::to_string(n) + " (" + std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "%)";
}

std::string place(const CoverageItem& i) { return i.file + ":" + std::to_string(i.line) + ":" + std::to_string(i.column); }

}  // namespace

void log_param_formulas(const Program& p, Evaluator& ev, const std::set<int>& overridden, CoverageLog& log) {
    std::vector<std::uint8_t> done(p.params.size(), 0);
    for (bool more = true; more;) {
        more = false;
        for (std::size_t i = 0; i < p.params.size(); ++i) {
            if (!log.params[i] || done[i]) continue;
            done[i] = 1;
            more = true;
            const ParamDef& d = p.params[i];
            if (!d.formula || d.run_input >= 0 || overridden.count(static_cast<int>(i))) continue;
            try {
                ev.constant(*d.formula);
            } catch (const EvalError&) {  // the param's own error was the test's to report, when it read it
            }
        }
    }
}

FileCoverage coverage_of(const std::string& file, const Program& p, const CoverageLog& log) {
    FileCoverage f{file, {}};
    for (std::size_t i = 0; i < p.rules.size(); ++i) {
        const RuleDef& r = p.rules[i];
        if (r.cohort) continue;  // a test runs one case: the cohort's rules are batch's
        f.items.push_back(item(CoverageKind::rule, "rule '" + r.name + "'", r.where, log.rules[i] != 0));
        if (r.formula) add_branches(*r.formula, log, f.items);
    }
    for (std::size_t i = 0; i < p.params.size(); ++i) {
        const ParamDef& d = p.params[i];
        f.items.push_back(item(CoverageKind::param, "param '" + d.name + "'", d.where, log.params[i] != 0));
        if (d.formula) add_branches(*d.formula, log, f.items);
    }
    for (const FnDef& fn : p.fns)
        if (fn.body) add_branches(*fn.body, log, f.items);
    for (std::size_t t = 0; t < p.tables.size(); ++t) {
        const TableDef& table = p.tables[t];
        for (const auto& [key, row] : table.rows)
            f.items.push_back(item(CoverageKind::row, "row '" + key_shown(table, key) + "' of table '" + table.name + "'", table.where,
                                   log.rows[t].count(key) > 0));
    }
    std::stable_sort(f.items.begin(), f.items.end(), before);
    return f;
}

std::string coverage_text(const std::vector<FileCoverage>& files) {
    std::string out;
    for (const auto& f : files) {
        out += "coverage of " + f.file + ": " + share(f) + " exercised\n";
        for (const auto& i : f.items)
            if (!i.exercised) out += "  " + place(i) + ": never exercised: " + i.what + "\n";
    }
    return out;
}

std::string coverage_json(const std::vector<FileCoverage>& files) {
    std::string out = "{\"files\": [";
    for (std::size_t k = 0; k < files.size(); ++k) {
        const FileCoverage& f = files[k];
        out += std::string(k ? "," : "") + "\n  {\"file\": " + json_string(f.file) + ", \"exercised\": " + std::to_string(f.exercised()) +
               ", \"items\": " + std::to_string(f.items.size()) + ", \"list\": [";
        for (std::size_t j = 0; j < f.items.size(); ++j) {
            const CoverageItem& i = f.items[j];
            out += std::string(j ? "," : "") + "\n    {\"kind\": " + json_string(kind_name(i.kind)) + ", \"what\": " + json_string(i.what) +
                   ", \"file\": " + json_string(i.file) + ", \"line\": " + std::to_string(i.line) +
                   ", \"column\": " + std::to_string(i.column) + ", \"exercised\": " + (i.exercised ? "true" : "false") + "}";
        }
        out += "]}";
    }
    return out + "\n]}\n";
}

std::string coverage_html(const std::vector<FileCoverage>& files) {
    std::string md = "# Test coverage\n\n";
    for (const auto& f : files) {
        md += "## " + f.file + "\n\n" + share(f) + " exercised by its tests.\n\n| place | what | exercised |\n|---|---|---|\n";
        for (const auto& i : f.items) md += "| " + place(i) + " | " + i.what + " | " + (i.exercised ? "yes" : "**never**") + " |\n";
        md += "\n";
    }
    return methodology_html(md, "Test coverage");
}

std::optional<Percent> read_percent(const std::string& written) {
    std::string s = written;
    if (!s.empty() && s.back() == '%') s.pop_back();
    Percent p{0, 1, written};
    bool point = false, digit = false;
    int decimals = 0;
    for (char c : s) {
        if (c == '.' && !point) {
            point = true;
        } else if (std::isdigit(static_cast<unsigned char>(c)) && decimals < 6 && p.numerator < 1000000000) {
            p.numerator = p.numerator * 10 + (c - '0');
            digit = true;
            if (point) {
                p.denominator *= 10;
                ++decimals;
            }
        } else {
            return std::nullopt;
        }
    }
    if (!digit || p.numerator > 100 * p.denominator) return std::nullopt;
    return p;
}

std::string coverage_below(const std::vector<FileCoverage>& files, const Percent& least) {
    std::string out;
    for (const auto& f : files) {
        const auto e = static_cast<long long>(f.exercised()), n = static_cast<long long>(f.items.size());
        if (e * 100 * least.denominator < least.numerator * n)
            out += f.file + ": error: the tests exercise " + share(f) + ", under the " + least.written + " required (--require-coverage)\n";
    }
    return out;
}

}  // namespace reckon
