// `reckon diff --format xlsx --out FILE.xlsx` (issue 40, item 5): the workbook read back, sheet by sheet and cell
// by cell, holds every change, figure, part and case of the JSON of the same command: each amount the same
// number, as a number cell in its figure's format, never as text; the exact amount a number where it is whole
// pence, else the JSON's fraction.
#include "support.hpp"
#include "workbook_cells.hpp"

#include "core/base/number.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <regex>
#include <string>
#include <vector>

using namespace reckon::testing;
using reckon::Integer;
using reckon::Number;

namespace {

const std::vector<std::string> iom_years{"diff", "rulesets/iom-annual-report.reckon", "rulesets/iom-annual-report.reckon", "--cases", "cases/iom",
                                         "--old-param", "report_year=2022", "--param", "report_year=2023",
                                         "--old-param", "unit_costs(shoplifting).fiscal=£26", "--param", "unit_costs(shoplifting).fiscal=£36",
                                         "--attribute"};

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

// A sheet's cells by row (1 the header) and column (0 for A).
using Grid = std::map<int, std::map<int, XCell>>;
Grid grid_of(const std::string& sheet) {
    Grid out;
    for (const auto& [ref, cell] : cells_of(sheet)) {
        std::size_t i = 0;
        int col = 0;
        for (; i < ref.size() && std::isupper(static_cast<unsigned char>(ref[i])); ++i) col = col * 26 + (ref[i] - 'A' + 1);
        out[std::stoi(ref.substr(i))][col - 1] = cell;
    }
    return out;
}

// The number a figure shows, "+£1,448,460.03", "-0.2 %", "+£0.00 (exactly 1/300)", "no change"; whether it is a percentage.
Number shown_number(const std::string& shown, bool& percent) {
    static const std::regex figure(R"re(^([+-]?)[^0-9+-]*([0-9][0-9,]*(\.[0-9]+)?)( ?%)?)re");
    percent = false;
    if (shown == "no change") return 0;
    std::smatch m;
    REQUIRE_MESSAGE(std::regex_search(shown, m, figure), shown);
    std::string plain;
    for (char c : std::string(m[2]))
        if (c != ',') plain += c;
    percent = m[4].matched;
    const auto n = reckon::parse_decimal(plain);
    REQUIRE(n);
    return m[1] == "-" ? -*n : *n;
}

Number exact(const std::string& s) {
    const auto slash = s.find('/');
    return slash == std::string::npos ? Number(Integer(s)) : Number(Integer(s.substr(0, slash)), Integer(s.substr(slash + 1)));
}

// The double a spreadsheet reads for an exact figure: the nearest one (strtod of its exact decimal).
double nearest_double(const Number& x) {
    const auto text = reckon::exact_decimal(x, 40);
    REQUIRE(text);
    return std::strtod(text->c_str(), nullptr);
}

// A number cell holding the figure `shown` shows (a percentage as its fraction): the double a spreadsheet reads
// from it is the double nearest the figure, exactly (libxlsxwriter writes 16 digits, "542160.3199999999" for
// 542160.32, which reads back to the same double).
void same_number(const XCell& cell, const std::string& shown) {
    CAPTURE(shown);
    CAPTURE(cell.value);
    REQUIRE(cell.type.empty());  // a number, not a text
    bool percent = false;
    const Number want = shown_number(shown, percent);
    CHECK(std::strtod(cell.value.c_str(), nullptr) == nearest_double(percent ? want / 100 : want));
}

// The exact amount: a number cell where the JSON's exact is a whole number of the shown figure's last decimal, else its text.
void same_exact(const XCell& cell, const std::string& exact_text, const std::string& shown) {
    CAPTURE(exact_text);
    const Number x = exact(exact_text);
    bool percent = false;
    const Number rounded = shown_number(shown, percent);
    const bool whole = shown.find("(exactly") == std::string::npos;
    if (!whole) {
        CHECK(cell.type == "inlineStr");
        CHECK(cell.value == exact_text);
        return;
    }
    CHECK(x == rounded);  // whole: the amount shown is the amount
    same_number(cell, shown);
}

std::string text_of(const std::map<int, XCell>& row, int col) {
    const auto it = row.find(col);
    return it == row.end() ? "" : it->second.value;
}

}  // namespace

TEST_CASE("diff --format xlsx: the IOM report 2022 -> 2023 attributed and every cell of every sheet the JSON's figure") {
    const std::string book = temp_dir() + "/diff.xlsx";
    const Run json = run_reckon(with(iom_years, {"--format", "json"}));
    REQUIRE_MESSAGE(json.status == 0, json.err);
    const Run xlsx = run_reckon(with(iom_years, {"--format", "xlsx", "--out", book}));
    REQUIRE_MESSAGE(xlsx.status == 0, xlsx.err);
    CHECK(xlsx.out.empty());
    CHECK(xlsx.err.empty());
    const auto j = nlohmann::json::parse(json.out);

    // the sheets, in order
    const std::string names = unzip(book, "xl/workbook.xml");
    static const std::regex sheet("<sheet name=\"([^\"]*)\"");
    std::vector<std::string> sheets;
    for (auto it = std::sregex_iterator(names.begin(), names.end(), sheet); it != std::sregex_iterator(); ++it) sheets.push_back((*it)[1]);
    CHECK(sheets == std::vector<std::string>{"Changes", "Figures", "Attribution", "Parts", "By case", "Compared"});

    SUBCASE("Changes: a row for each aspect of each change") {
        const Grid g = grid_of(sheet_named(book, "Changes"));
        CHECK(text_of(g.at(1), 0) == "Section");
        int r = 2;
        for (const auto& c : j["changes"])
            for (const auto& a : c["aspects"]) {
                const auto& row = g.at(r++);
                CHECK(text_of(row, 0) == c["section"]);
                CHECK(text_of(row, 1) == c["change"]);
                CHECK(text_of(row, 2) == c["name"]);
                CHECK(text_of(row, 3) == a["what"]);
                CHECK(text_of(row, 4) == a["before"]);
                CHECK(text_of(row, 5) == a["after"]);
            }
        CHECK(r == 4);  // --param report_year and the unit cost
        CHECK(g.size() == 3);
    }

    SUBCASE("Figures: the cohort's figures, then every case's, before, after and change as number cells") {
        const Grid g = grid_of(sheet_named(book, "Figures"));
        const auto formats = formats_of(unzip(book, "xl/styles.xml"));
        int r = 2;
        std::size_t numbers = 0;
        for (const char* part : {"cohort", "cases"})
            for (const auto& f : j[part]) {
                const auto& row = g.at(r++);
                const bool cohort = std::string(part) == "cohort";
                CAPTURE(f.dump());
                CHECK(text_of(row, 0) == (cohort ? std::string("(the cohort)") : f["case"].get<std::string>()));
                CHECK(text_of(row, 1) == (cohort ? std::string() : f["file"].get<std::string>()));
                CHECK(text_of(row, 2) == f["output"]);
                for (const auto& [col, key] : {std::pair{4, "before"}, std::pair{5, "after"}, std::pair{6, "difference"}}) {
                    const std::string shown = f[key];
                    if (shown.empty()) {
                        CHECK(!row.count(col));
                        continue;
                    }
                    if (f["difference"] == "" && row.at(col).type == "inlineStr") {  // no number: a list of cases, a text
                        // a member of a type by its label, as the results workbook shows it (rulesets/iom-annual-report.reckon's Status)
                        static const std::map<std::string, std::string> status{{"full_year", "Full year"}, {"pro_rata", "Pro rata"},
                            {"carried_over", "Carried over"}, {"excluded", "Excluded"}, {"not_on_scheme", "Not on the scheme"}};
                        CHECK(row.at(col).value == (f["output"] == "status" ? status.at(shown) : shown));
                        continue;
                    }
                    same_number(row.at(col), shown);  // a figure that changed by a number: before and after numbers too
                    ++numbers;
                }
                if (cohort && f["output"] == "baseline_cost") {
                    CHECK(formats.at(std::stoul(row.at(4).style)) == "\"£\"#,##0.00");
                    CHECK(text_of(row, 3) == "Baseline cost of offences");
                }
                if (f["output"] == "offence_reduction_pct") CHECK(formats.at(std::stoul(row.at(5).style)) == "0.0%");
            }
        CHECK(g.size() == j["cohort"].size() + j["cases"].size() + 1);
        CHECK(numbers > 1000);
    }

    SUBCASE("Attribution: each part and each interaction of each figure, as shown and exactly") {
        const Grid g = grid_of(sheet_named(book, "Attribution"));
        int r = 2;
        std::size_t fractions = 0;
        for (const char* part : {"cohort", "cases"})
            for (const auto& f : j[part]) {
                auto each = [&](const nlohmann::json& s, const std::string& prefix) {
                    const auto& row = g.at(r++);
                    CAPTURE(s.dump());
                    CHECK(text_of(row, 2) == f["output"]);
                    CHECK(text_of(row, 3) == prefix + s["change"].get<std::string>());
                    same_number(row.at(4), s["amount"]);
                    same_exact(row.at(5), s["exact"], s["amount"]);
                    fractions += row.at(5).type.empty() ? 0 : 1;
                };
                for (const auto& s : f["attribution"]) each(s, "");
                for (const auto& s : f["interactions"]) each(s, "together: ");
            }
        CHECK(static_cast<std::size_t>(r - 1) == g.size());
        CHECK(fractions > 0);  // annualised_cost's part of the year is 36983763/200 pounds
    }

    SUBCASE("Parts: each side of each figure made of others, then each of its parts") {
        const Grid g = grid_of(sheet_named(book, "Parts"));
        int r = 2;
        std::size_t figures = 0, numbers = 0;
        for (const auto& f : j["cohort"]) {
            if (!f.contains("parts")) continue;
            ++figures;
            const auto& p = f["parts"];
            const bool ratio = p["kind"] == "ratio";
            for (const char* which : {"numerator", "denominator"}) {
                if (!ratio && std::string(which) == "denominator") break;
                const auto& side = ratio ? p[which] : p;
                const std::string kind = ratio ? std::string("ratio: ") + which : "sum";
                auto check_row = [&](const std::string& part, const std::string& sign, const nlohmann::json& x) {
                    const auto& row = g.at(r++);
                    CAPTURE(x.dump());
                    CHECK(text_of(row, 0) == f["output"]);
                    CHECK(text_of(row, 1) == kind);
                    CHECK(text_of(row, 2) == part);
                    CHECK(text_of(row, 3) == sign);
                    same_number(row.at(4), x["change"]);  // as shown: each figure rounded first
                    const XCell& e = row.at(5);           // exactly: a number where it is whole, else the fraction
                    if (e.type.empty()) CHECK(std::strtod(e.value.c_str(), nullptr) == nearest_double(exact(x["exact"])));
                    else CHECK(e.value == x["exact"]);
                    numbers += e.type.empty() ? 1 : 0;
                };
                check_row(side["formula"], "", side);
                if (side["terms"].size() > 1)  // a side of one part is that part
                    for (const auto& t : side["terms"]) check_row(t["name"], t["sign"] == 1 ? "added" : "taken away", t);
            }
        }
        CHECK(static_cast<std::size_t>(r - 1) == g.size());
        CHECK(figures == 3);  // offence_reduction_pct, css_reduction_pct, saving_pnc
        CHECK(numbers > 0);   // baseline_offences' +126, exactly
    }

    SUBCASE("By case: each group of cases, then every case whose part changed, of each figure and each part") {
        const Grid g = grid_of(sheet_named(book, "By case"));
        int r = 2;
        std::size_t figures = 0;
        auto split = [&](const std::string& figure, const nlohmann::json& s) {
            for (const auto& [key, in] : {std::pair{"both", "in both runs"}, std::pair{"new_only", "only in the new run"},
                                          std::pair{"old_only", "only in the old run"}}) {
                if (s[key]["cases"] == 0) continue;
                const auto& row = g.at(r++);
                const std::size_t n = s[key]["cases"];
                CHECK(text_of(row, 0) == figure);
                CHECK(text_of(row, 1) == std::to_string(n) + (n == 1 ? " case" : " cases"));
                CHECK(text_of(row, 3) == in);
                same_number(row.at(4), s[key]["change"]);
            }
            for (const auto& c : s["largest"]) {
                const auto& row = g.at(r++);
                CHECK(text_of(row, 0) == figure);
                CHECK(text_of(row, 1) == c["case"]);
                CHECK(text_of(row, 2) == c["file"]);
                CHECK(text_of(row, 3) == c["in"]);
                same_number(row.at(4), c["change"]);
            }
        };
        for (const auto& f : j["cohort"]) {
            if (f.contains("by_case")) {
                ++figures;
                split(f["output"], f["by_case"]);
            }
            if (!f.contains("parts")) continue;
            std::vector<nlohmann::json> terms;
            for (const char* side : {"numerator", "denominator"})
                if (f["parts"].contains(side)) terms.insert(terms.end(), f["parts"][side]["terms"].begin(), f["parts"][side]["terms"].end());
            if (f["parts"].contains("terms")) terms.insert(terms.end(), f["parts"]["terms"].begin(), f["parts"]["terms"].end());
            std::vector<std::string> seen;
            for (const auto& t : terms) {
                const std::string name = t["name"];
                if (std::find(seen.begin(), seen.end(), name) != seen.end()) continue;  // a part of both sides of a ratio, once
                seen.push_back(name);
                split(f["output"].get<std::string>() + ": " + name, t["by_case"]);
            }
        }
        CHECK(static_cast<std::size_t>(r - 1) == g.size());
        CHECK(figures > 5);
    }

    SUBCASE("Compared: the versions and the run") {
        const Grid g = grid_of(sheet_named(book, "Compared"));
        CHECK(text_of(g.at(1), 1) == "rulesets/iom-annual-report.reckon");
        CHECK(text_of(g.at(4), 1).rfind("reckon ", 0) == 0);
    }
}

TEST_CASE("diff --format xlsx: the baseline cost worked from £904573.00 to £1448460.03 in parts of £542160.32 and £1726.71") {
    const std::string book = temp_dir() + "/diff.xlsx";
    const Run xlsx = run_reckon(with(iom_years, {"--format", "xlsx", "--out", book}));
    REQUIRE_MESSAGE(xlsx.status == 0, xlsx.err);
    const Grid figures = grid_of(sheet_named(book, "Figures"));
    bool seen = false;
    for (const auto& [r, row] : figures)
        if (text_of(row, 2) == "baseline_cost" && text_of(row, 0) == "(the cohort)") {
            seen = true;
            CHECK(std::strtod(row.at(4).value.c_str(), nullptr) == 904573.00);
            CHECK(std::strtod(row.at(5).value.c_str(), nullptr) == 1448460.03);
            CHECK(std::strtod(row.at(6).value.c_str(), nullptr) == 543887.03);  // 1,448,460.03 - 904,573.00
        }
    CHECK(seen);
    // the parts as the docs walk through them (docs/auditing.md), whole pence: their exact amounts are numbers too
    std::map<std::string, std::pair<double, double>> parts;
    for (const auto& [r, row] : grid_of(sheet_named(book, "Attribution")))
        if (text_of(row, 2) == "baseline_cost" && text_of(row, 0) == "(the cohort)")
            parts[text_of(row, 3)] = {std::strtod(row.at(4).value.c_str(), nullptr), std::strtod(row.at(5).value.c_str(), nullptr)};
    CHECK(parts.at("--param report_year") == std::pair{542160.32, 542160.32});
    CHECK(parts.at("--param unit_costs(shoplifting).fiscal") == std::pair{1726.71, 1726.71});
    CHECK(parts.at("together: --param report_year × --param unit_costs(shoplifting).fiscal").first == 564.84);
}

TEST_CASE("diff --format xlsx without --out is refused as batch refuses it and before any work") {
    const Run r = run_reckon({"diff", "rulesets/sussex-complex-client.reckon", "rulesets/sussex-complex-client-2012.2.reckon", "--format", "xlsx"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "reckon: error: --format xlsx writes a workbook, which is not text: give the file with --out FILE.xlsx\n");
    const Run batch = run_reckon({"batch", "rulesets/sussex-complex-client.reckon", "cases/sussex", "--format", "xlsx"});
    CHECK(batch.status == r.status);
    CHECK(batch.err == r.err);
}

TEST_CASE("diff --out: the text a format prints written to the file instead and never over an input") {
    const std::string dir = temp_dir();
    const std::string case_file = dir + "/case.yaml";
    write_file(case_file, read_file("cases/sussex/complex-client-2010-11.yaml"));
    const std::vector<std::string> args{"diff", "rulesets/sussex-complex-client.reckon", "rulesets/sussex-complex-client-2012.2.reckon",
                                        "--cases", case_file, "--format", "json"};
    const Run printed = run_reckon(args);
    REQUIRE(printed.status == 0);
    CHECK(printed.out.find("\"total\"") != std::string::npos);
    const Run written = run_reckon(with(args, {"--out", dir + "/diff.json"}));
    REQUIRE_MESSAGE(written.status == 0, written.err);
    CHECK(written.out.empty());
    CHECK(read_file(dir + "/diff.json") == printed.out);
    const Run over = run_reckon(with(args, {"--out", case_file}));
    CHECK(over.status == 1);
    CHECK(over.err.find(case_file) != std::string::npos);
    CHECK(over.err.find("one of the case files") != std::string::npos);
    CHECK(read_file(case_file) == read_file("cases/sussex/complex-client-2010-11.yaml"));
    // the old version is an input too: a copy of it, so that a failure could harm nothing of the repository's
    const std::string old_copy = edited_ruleset("rulesets/sussex-complex-client.reckon", "old.reckon", {});
    const std::string before = read_file(old_copy);
    const Run ruleset = run_reckon({"diff", old_copy, "rulesets/sussex-complex-client-2012.2.reckon", "--cases", case_file, "--format", "xlsx",
                                    "--out", old_copy});
    CHECK(ruleset.status == 1);
    CHECK(ruleset.err.find("the ruleset") != std::string::npos);
    CHECK(read_file(old_copy) == before);
}

TEST_CASE("diff --format xlsx: a case that cannot be evaluated is on a sheet Failures first and the others are compared") {
    const std::string dir = temp_dir();
    write_file(dir + "/r.reckon", "ruleset \"R\"\n  version \"1\"\n  identified by id\n\ncurrency GBP \"£\"\n\nparam rate = 2 \"A rate\"\n\n"
                                  "input id: text \"The case\"\ninput cost: GBP \"Cost\"\n\noutput total: GBP \"Total\" = cost * rate\n");
    std::filesystem::create_directories(dir + "/cases");
    write_file(dir + "/cases/a.yaml", "id: A\ncost: £10\n");
    write_file(dir + "/cases/b.yaml", "id: B\ncost: ten\n");
    const Run r = run_reckon({"diff", dir + "/r.reckon", dir + "/r.reckon", "--cases", dir + "/cases", "--old-param", "rate=2", "--param", "rate=3",
                              "--format", "xlsx", "--out", dir + "/d.xlsx"});
    CHECK(r.status == 1);  // as the text and the JSON say it
    CHECK(r.out.empty());
    const Grid failures = grid_of(sheet_named(dir + "/d.xlsx", "Failures"));
    REQUIRE(failures.size() == 2);
    CHECK(text_of(failures.at(2), 0).rfind(dir + "/cases/b.yaml:2:7: error: cost: expected a number (in GBP), found 'ten'", 0) == 0);
    const Grid figures = grid_of(sheet_named(dir + "/d.xlsx", "Figures"));
    REQUIRE(figures.size() == 2);
    CHECK(text_of(figures.at(2), 0) == "A");
    same_number(figures.at(2).at(4), "£20.00");
    same_number(figures.at(2).at(5), "£30.00");
    CHECK(unzip(dir + "/d.xlsx", "xl/workbook.xml").find("<sheet name=\"Failures\" sheetId=\"1\"") != std::string::npos);
}
