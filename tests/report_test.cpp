// `reckon report` and `reckon batch --format xlsx`: the figures people read
// must be the figures reckon computes, to the penny. Every figure on the page
// is named (data-output), so each is compared with `reckon eval` / `batch`.
#include "support.hpp"
#include "workbook_cells.hpp"

#include "commands/report/report.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <map>
#include <set>
#include <regex>
#include <sstream>

using namespace reckon::testing;

namespace {
const char* sussex = "rulesets/sussex-complex-client.reckon";
const char* sussex_case = "cases/sussex/complex-client-2010-11.yaml";
const char* iom = "rulesets/iom-annual-report.reckon";

// "£2,356.36" -> "2356.36"; "52 hour" -> "52"; "72.8 %" -> "72.8"; "£845.12/week" -> "845.12"
std::string bare(std::string shown) {
    std::string out;
    for (std::size_t i = 0; i < shown.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(shown[i]);
        if (c == ' ' || c == '/') break;
        if (c == ',' || c >= 0x80) continue;  // thousands, and the bytes of £
        out += shown[i];
    }
    return out;
}

struct Cell {
    std::string output, member, text;
};

// Every figure named on the page, in order.
std::vector<Cell> named_figures(const std::string& html) {
    static const std::regex cell(R"re(data-output="([a-z_0-9]+)"(?: data-member="([a-z_0-9]+)")?>([^<]*)<)re");
    std::vector<Cell> out;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), cell); it != std::sregex_iterator(); ++it)
        out.push_back({(*it)[1], (*it)[2], (*it)[3]});
    return out;
}

// How many times a pattern is found in the page.
long count_of(const std::string& html, const std::string& pattern) {
    const std::regex re(pattern);
    return static_cast<long>(std::distance(std::sregex_iterator(html.begin(), html.end(), re), std::sregex_iterator()));
}

std::string report_of(const std::vector<std::string>& args, int want_status = 0) {
    std::string out = temp_dir() + "/report.html";
    std::vector<std::string> all{"report"};
    all.insert(all.end(), args.begin(), args.end());
    all.insert(all.end(), {"--out", out});
    Run r = run_reckon(all);
    INFO(r.err);
    REQUIRE(r.status == want_status);
    return read_file(out);
}

// The page asks for nothing outside itself: no script, no link, no image, no font.
void self_contained(const std::string& html) {
    CHECK(html.find("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"") != std::string::npos);
    for (const char* word : {"<script", "src=", "href=", "url(", "@import", "<link", "<img", "<iframe"}) {
        CAPTURE(word);
        CHECK(html.find(word) == std::string::npos);
    }
}

// The Cases sheet's columns by the output each holds, from the notes on its headers ("output baseline_cost"): output -> column letter.
std::map<std::string, std::string> columns_by_output(const std::string& comments) {
    static const std::regex note(R"re(<comment ref="([A-Z]+)1"[^>]*>.*?<t>output ([a-z_0-9.]+)</t>)re");
    std::map<std::string, std::string> out;
    for (auto it = std::sregex_iterator(comments.begin(), comments.end(), note); it != std::sregex_iterator(); ++it) out[(*it)[2]] = (*it)[1];
    return out;
}

}  // namespace

TEST_CASE("report: the Sussex page shows every figure of reckon eval, to the penny") {
    std::string html = report_of({sussex, sussex_case});
    Run eval = run_reckon({"eval", sussex, sussex_case, "--format", "json"});
    REQUIRE(eval.status == 0);
    auto outputs = nlohmann::json::parse(eval.out)["outputs"];
    auto figures = named_figures(html);
    std::set<std::string> seen;
    for (const auto& f : figures) {
        CAPTURE(f.output);
        REQUIRE(outputs.contains(f.output));
        CHECK(bare(unescape(f.text)) == outputs[f.output]["value"].get<std::string>());
        seen.insert(f.output);
    }
    // the headline, Figure 1 (seven agencies and the total), the weekly costs and the police
    CHECK(seen.size() == 14);
    CHECK(html.find("data-output=\"total\">£60,805.55<") != std::string::npos);
    // units in the words people use
    CHECK(html.find("data-output=\"police_constable_hours\">52 hours<") != std::string::npos);
    CHECK(html.find("data-output=\"hostel_weekly\">£845.12 a week<") != std::string::npos);
    // Figure 1's shares: hostel 55 %, prison 17 % as the report says, to one decimal here
    CHECK(html.find("<td class=\"num\" data-output=\"hostel\">£33,382.07</td><td class=\"num\">54.9 %</td>") != std::string::npos);
    CHECK(html.find("<td class=\"num\" data-output=\"prison\">£10,384.62</td><td class=\"num\">17.1 %</td>") != std::string::npos);
    // Figure 2: a bar per agency, each with its figure beside it, an axis label, and the same numbers as a table
    CHECK(count_of(html, "<rect class=\"bar\"") == 7);
    CHECK(html.find(">£33,382.07</text>") != std::string::npos);
    CHECK(html.find("class=\"axis-label\"") != std::string::npos);
    CHECK(html.find(">Cost over 12 months (£)</text>") != std::string::npos);  // the page's £ (issue 36: "GBP")
    CHECK(html.find("<caption>The figures in this chart</caption>") != std::string::npos);
    // the appendix, with worked values for the case
    CHECK(html.find("Appendix: the methodology") != std::string::npos);
    CHECK(html.find("Worked values are for the case") != std::string::npos);
    self_contained(html);
}

TEST_CASE("report: the IOM page shows the cohort and every nominal as reckon batch computes them") {
    std::string html = report_of({iom, "cases/iom", "--param", "report_year=2023"});
    Run batch = run_reckon({"batch", iom, "cases/iom", "--param", "report_year=2023", "--format", "jsonl"});
    REQUIRE(batch.status == 0);
    auto [cases, cohort] = parse_jsonl(batch.out);
    REQUIRE(cases.size() == 240);

    // Cohort figures: headlines, the range, tables, figures by offence type.
    std::size_t before_cases = html.find("<table class=\"cases\">");
    REQUIRE(before_cases != std::string::npos);
    auto figures = named_figures(html.substr(0, before_cases));
    std::size_t compared = 0;
    for (const auto& f : figures) {
        CAPTURE(f.output);
        CAPTURE(f.member);
        REQUIRE(cohort.contains(f.output));
        auto want = f.member.empty() ? cohort[f.output]["value"] : cohort[f.output]["value"][f.member];
        if (want.is_array()) continue;  // a list, checked below
        CHECK(bare(unescape(f.text)) == want.get<std::string>());
        ++compared;
    }
    CHECK(compared == 3 + 1 + 60 + 6);  // headlines, by offence type, offences and cost (the rounded ones below)
    // an estimate of about a million pounds is headlined to the nearest £1,000 (`headline to £1,000`), the exact figures beside it
    CHECK(html.find("<span data-output=\"saving_css\" data-exact=\"£1,014,595.75\" data-rounded-to=\"£1,000\">£1,015,000</span> to "
                    "<span data-output=\"saving_pnc\" data-exact=\"£1,016,259.57\" data-rounded-to=\"£1,000\">£1,016,000</span>") !=
          std::string::npos);
    CHECK(html.find("<div class=\"exact\">To the nearest £1,000; exactly £1,014,595.75 to £1,016,259.57</div>") !=
          std::string::npos);
    CHECK(html.find("data-output=\"offence_reduction_pct\">72.8 %<") != std::string::npos);
    // `with shares`: each offence type's share of its figure's total, and the totals (the saving's is saving_pnc)
    CHECK(html.find("data-member=\"shoplifting\">144</td><td class=\"num\" data-share=\"baseline_offences_by_type\">29.3 %<") !=
          std::string::npos);  // 144 of 492
    CHECK(html.find("data-member=\"shoplifting\">£18,035.85</td><td class=\"num\" data-share=\"saving_by_type\">1.8 %<") !=
          std::string::npos);  // of £1,016,259.57
    CHECK(html.find("<td class=\"num\" data-total=\"baseline_offences_by_type\">492</td><td class=\"num\">100.0 %</td>") != std::string::npos);
    CHECK(html.find("<td class=\"num\" data-total=\"saving_by_type\">£1,016,259.57</td>") != std::string::npos);
    CHECK(html.find("data-output=\"saving_pnc_fiscal\" data-exact=\"£328,441.31\" data-rounded-to=\"£1,000\">£328,000<") != std::string::npos);

    // The lists of carried-over and excluded nominals, name by name.
    for (const char* list : {"carried_over_nominals", "excluded_nominals"}) {
        CAPTURE(list);
        auto at = html.find(std::string("<ul class=\"names\" data-output=\"") + list + "\">");
        REQUIRE(at != std::string::npos);
        std::string ul = html.substr(at, html.find("</ul>", at) - at);
        std::vector<std::string> names;
        std::regex li("<li>([^<]*)</li>");
        for (auto it = std::sregex_iterator(ul.begin(), ul.end(), li); it != std::sregex_iterator(); ++it) names.push_back((*it)[1]);
        CHECK(names == cohort[list]["value"].get<std::vector<std::string>>());
    }
    CHECK(html.find("Carried over to next year (38)") != std::string::npos);

    // The table of nominals: a row per case, every figure as batch computed it.
    std::regex row("<tr data-case=\"([^\"]+)\">(.*?)</tr>");
    std::string table = html.substr(before_cases, html.find("</table>", before_cases) - before_cases);
    std::size_t rows = 0;
    for (auto it = std::sregex_iterator(table.begin(), table.end(), row); it != std::sregex_iterator(); ++it, ++rows) {
        std::string id = (*it)[1], cells = (*it)[2];
        CAPTURE(id);
        REQUIRE(cases.count(id));
        for (const auto& f : named_figures(cells)) {
            CAPTURE(f.output);
            auto want = cases[id][f.output]["value"];
            if (f.output == "status") {  // a member by its label (the JSON keeps its name)
                static const std::map<std::string, std::string> labels{{"full_year", "Full year"}, {"pro_rata", "Pro rata"},
                    {"carried_over", "Carried over"}, {"excluded", "Excluded"}, {"not_on_scheme", "Not on the scheme"}};
                REQUIRE(labels.count(want.get<std::string>()) == 1);
                CHECK(unescape(f.text) == labels.at(want.get<std::string>()));
                continue;
            }
            CHECK((want.is_null() ? std::string("not defined") : want.get<std::string>()) == bare(unescape(f.text)) +
                                                                                            (want.is_null() ? " defined" : ""));
        }
    }
    CHECK(rows == 100);  // the first 100; the workbook has every case
    CHECK(html.find("<p class=\"more\">The first 100 of the 240 cases; the sum is over all of them.") != std::string::npos);
    // the total row adds every case's figure, to the penny
    long long baseline = 0;
    for (const auto& [id, outputs] : cases) baseline += pennies("£" + outputs["baseline_cost"]["value"].get<std::string>());
    std::smatch total;
    REQUIRE(std::regex_search(html, total, std::regex("data-total=\"baseline_cost\">([^<]*)<")));
    CHECK(pennies(total[1]) == baseline);
    CHECK(html.find("data-total=\"status\"></td>") != std::string::npos);  // a status does not add up
    // the sum says what it is over, and the cohort's own figures, which the rest of the page shows, are beside it (issue 36:
    // a Total row of 751 offences under a cohort of 492, unexplained)
    CHECK(html.find("<tfoot><tr class=\"sum\"><td>Sum, all 240 cases</td>") != std::string::npos);
    CHECK(html.find("data-total=\"baseline_offences\">751</td>") != std::string::npos);
    CHECK(html.find("data-total=\"annualised_offences\">133.83<br><span class=\"over\">the 157 with a figure</span></td>") != std::string::npos);
    CHECK(html.find("<tr class=\"cohort\"><td>The cohort</td><td></td><td class=\"num\"></td><td class=\"num\" data-output=\"baseline_offences\">492</td>") !=
          std::string::npos);
    CHECK(html.find("data-output=\"baseline_css\">85,158</td>") != std::string::npos);
    CHECK(html.find("data-output=\"baseline_cost\">£1,446,450.90</td>") != std::string::npos);
    CHECK(html.find("<p class=\"note\">The sum adds up every one of the 240 cases in the table. The cohort row is the ruleset's own figure") !=
          std::string::npos);
    // printed, the foot is a row group of its own: not repeated at the foot of every page
    CHECK(html.find("tfoot{display:table-row-group}") != std::string::npos);
    // three charts: the offence types with a figure other than zero (15 x 2 series, and 14 savings), and the cohort by status;
    // the offence types with nothing to draw are said under each chart, and its table has all 20 (issue 36: 20 bars, most zero)
    CHECK(count_of(html, "<rect class=\"bar\"") == 15 * 2 + 14 + 5);
    CHECK(html.find("<p class=\"note\" data-left-out=\"5\">5 of the 20 members of OffenceType are not drawn: their figures are zero in "
                    "every series. The table under the chart has every one.</p>") != std::string::npos);
    CHECK(html.find("<p class=\"note\" data-left-out=\"6\">6 of the 20 members of OffenceType are not drawn: their figures are zero.") !=
          std::string::npos);
    CHECK(count_of(html, "<caption>The figures in this chart</caption>\n<thead><tr><th></th><th class=\"num\">Baseline offences</th>") == 1);
    // money on an axis is written as the page writes it, £ (issue 36: "GBP")
    CHECK(html.find(">Saving (£); below zero, offences of the type rose</text>") != std::string::npos);
    CHECK(html.find(">Saving from reduced offending (value 1, PNC) (£)</text>") != std::string::npos);
    CHECK(html.find("GBP)</text>") == std::string::npos);
    // the tornado's legend names only the end whose bars it draws: at the high end (the published costs) nothing moves
    CHECK(html.find(">low end of the range</text>") != std::string::npos);
    CHECK(html.find(">high end of the range</text>") == std::string::npos);
    CHECK(html.find(">at the high end of every range the figure does not move: no bar</text>") != std::string::npos);
    // the histogram's count axis: a title, and a tick every 50 draws from 0 to 200
    CHECK(html.find(">Draws in the bin</text>") != std::string::npos);
    CHECK(count_of(html, "<text class=\"tick count\"") == 5);
    CHECK(html.find("fill=\"#38424c\">200</text>") != std::string::npos);
    // a negative figure is a bar to the left of zero: commercial robbery rose, its saving is -£4,708.45
    std::smatch negative;
    REQUIRE(std::regex_search(html, negative, std::regex("<rect class=\"bar\" x=\"([0-9.]+)\" y=\"[0-9.]+\" width=\"([0-9.]+)\"[^>]*>"
                                                         "<title>Robbery \\(commercial\\): -£4,708.45</title>")));
    const std::string after = html.substr(static_cast<std::size_t>(negative.position(0)));
    std::smatch zero;  // the chart's zero line, drawn after its bars
    REQUIRE(std::regex_search(after, zero, std::regex("<line x1=\"([0-9.]+)\" y1=\"[0-9.]+\" x2=\"\\1\" y2=\"[0-9.]+\" stroke=\"#38424c\"/>")));
    CHECK(std::stod(negative[1]) < std::stod(zero[1]));
    CHECK(std::fabs(std::stod(negative[1]) + std::stod(negative[2]) - std::stod(zero[1])) < 0.1);  // it ends at zero
    CHECK(html.find(">Offences in a year</text>") != std::string::npos);
    CHECK(html.find(">Baseline offences</text>") != std::string::npos);  // the legend
    self_contained(html);
}

TEST_CASE("report: the provenance block says what produced the figures") {
    ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    std::string html = report_of({iom, "cases/iom", "--param", "report_year=2023"});
    ::unsetenv("SOURCE_DATE_EPOCH");
    auto at = html.find("<footer id=\"provenance\">");
    REQUIRE(at != std::string::npos);
    std::string block = html.substr(at);
    CHECK(block.find("<dd>IOM annual outcome report, version 2023.1</dd>") != std::string::npos);
    CHECK(block.find("<dd>240, of which 0 failed</dd>") != std::string::npos);
    CHECK(block.find("<code>report_year=2023</code>") != std::string::npos);
    CHECK(block.find("<dd>2023-11-14</dd>") != std::string::npos);  // SOURCE_DATE_EPOCH 1700000000
    CHECK(block.find("<dd>reckon ") != std::string::npos);
    // each file's id is what git computes for it
    Run git = run_program("/usr/bin/git", {"hash-object", iom}, source_dir());
    REQUIRE(git.status == 0);
    std::string blob = git.out.substr(0, 40);
    CHECK(block.find("<code>" + std::string(iom) + "</code> (git blob <code>" + blob + "</code>)") != std::string::npos);
    // the ruleset's hash: SHA-1 of "BLOBID PATH\n" for each file, named from the entry file's folder, the entry file
    // first, then each import as it is first met
    std::string lines = blob + " iom-annual-report.reckon\n";
    for (const char* lib : {"lib/units.reckon", "lib/home-office-unit-costs-of-crime.reckon"}) {
        Run id = run_program("/usr/bin/git", {"hash-object", std::string("rulesets/") + lib}, source_dir());
        REQUIRE(id.status == 0);
        lines += id.out.substr(0, 40) + " " + lib + "\n";
        CHECK(block.find("<code>rulesets/" + std::string(lib) + "</code> (git blob <code>" + id.out.substr(0, 40) + "</code>)") != std::string::npos);
    }
    std::string hash_input = temp_dir() + "/lines";
    write_file(hash_input, lines);
    Run sha = run_program("/usr/bin/sha1sum", {hash_input});
    REQUIRE(sha.status == 0);
    CHECK(block.find("--param report_year</code> (git blob") == std::string::npos);  // a setting is not a file
    CHECK(block.find("Ruleset hash</dt><dd><code>" + sha.out.substr(0, 40) + "</code>") != std::string::npos);
}

TEST_CASE("report: git blob ids as git computes them") {
    CHECK(reckon::git_blob_id("") == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
    CHECK(reckon::git_blob_id("hello\n") == "ce013625030ba8dba906f756967f9e9ca394464a");
}

TEST_CASE("report: a failed case is listed, left out of the figures, and the exit status is 1") {
    std::string dir = temp_dir();
    REQUIRE(run_program(RECKON_GEN_IOM, {dir, "30", "4"}).status == 0);
    write_file(dir + "/N0007.yaml", "nominal: N0007\njoined: [2023-01-01\n");
    std::string html = report_of({iom, dir}, 1);
    // the banner, above every figure: how many failed, the first errors, a link to the whole list
    const auto banner = html.find("<section class=\"banner\" role=\"alert\" id=\"failed-banner\">\n"
                                  "<p><strong>1 of 30 cases failed and are left out of every figure.</strong></p>\n<ul>\n"
                                  "<li><code>" + dir + "/N0007.yaml:3:1</code>: invalid YAML");
    CHECK(banner != std::string::npos);
    CHECK(banner < html.find("data-output="));  // before the first figure
    CHECK(html.find("<p><a href=\"#failures\">The failed case, with its error</a></p>") != std::string::npos);
    // the whole list, before the appendix
    const auto list = html.find("<section class=\"failures\" id=\"failures\">\n<h2>Cases that failed</h2>");
    CHECK(list != std::string::npos);
    CHECK(list < html.find("Appendix: the methodology"));
    CHECK(html.find("<dd>30, of which 1 failed</dd>") != std::string::npos);
    CHECK(count_of(html, "<tr data-case=") == 29);
}

TEST_CASE("report over many cases: each item of a case's figures once, with the totals, and the page stays small") {
    const std::string dir = temp_dir();
    std::vector<std::string> args{"report", sussex};
    for (int i = 0; i < 12; ++i) {  // twelve cases: more than are shown one by one
        std::string text = read_file(source_dir() + "/" + sussex_case);
        text.replace(text.find("case: sussex-2010-11-complex-client"), 35, "case: c" + std::to_string(i));
        write_file(dir + "/c" + std::to_string(i) + ".yaml", text);
        args.push_back(dir + "/c" + std::to_string(i) + ".yaml");
    }
    args.insert(args.end(), {"--out", dir + "/many.html"});
    Run r = run_reckon(args);
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const std::string html = read_file(dir + "/many.html");
    CHECK(html.find("<p class=\"case-id\">Totals over the 12 cases") != std::string::npos);
    CHECK(html.find("<p class=\"case-id\">Case c0</p>") == std::string::npos);  // no item repeated for each case
    CHECK(count_of(html, "<rect class=\"bar\"") == 7);  // one chart
    // the exact total, rounded once: each case's exact total is £60,805.549…, shown £60,805.55; twelve are £729,666.59
    CHECK(html.find("data-output=\"total\">£729,666.59<") != std::string::npos);
    CHECK(html.find("data-output=\"hostel_weekly\"") == std::string::npos);        // a rate does not add up: not shown as a total
    // …and a table of rates alone is not left out unseen: its place says why
    CHECK(html.find("<p class=\"note\">Weekly costs: not shown: over more than 10 cases (here 12) an item of each case's figures shows their "
                    "totals, and 'hostel_weekly' has none (a rate, a percentage or a text does not add up over cases).</p>") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("report and workbook: when every case failed, nothing is written and the exit status is 1") {
    std::string dir = temp_dir();
    write_file(dir + "/a.yaml", "nominal: A\njoined: 2023-13-01\n");
    write_file(dir + "/b.yaml", "nominal: B\njoined: x\n");
    for (const std::string format : {"html", "xlsx"}) {
        CAPTURE(format);
        const std::string out = dir + "/out." + format;
        Run r = format == "html" ? run_reckon({"report", iom, dir + "/a.yaml", dir + "/b.yaml", "--out", out})
                                 : run_reckon({"batch", iom, dir + "/a.yaml", dir + "/b.yaml", "--format", format, "--out", out});
        CHECK(r.status == 1);
        CHECK(r.out.empty());
        CHECK(last_line(r.err) == "reckon: error: every one of the 2 cases failed (the errors are above); " + out + " was not written\n");
        CHECK(!std::filesystem::exists(out));
    }
    // the table, on the terminal: no table of nothing
    Run t = run_reckon({"batch", iom, dir + "/a.yaml", dir + "/b.yaml"});
    CHECK(t.status == 1);
    CHECK(t.out.empty());
    // one of two failed: the table says so above every figure
    Run half = run_reckon({"batch", iom, "cases/iom/N0001.yaml", dir + "/b.yaml"});
    CHECK(half.status == 1);
    CHECK(half.out.rfind("IOM annual outcome report, version 2023.1\n\n"
                         "1 of 2 cases failed and are left out of every figure (their errors are in the table and above)\n\n", 0) == 0);
}

TEST_CASE("report: a ruleset with no report layout gets every output and the appendix") {
    std::string dir = temp_dir();
    write_file(dir + "/plain.reckon", "ruleset \"Plain\"\ncurrency GBP \"£\"\ninput a: GBP\noutput twice: GBP \"Twice\" = 2 * a\n");
    write_file(dir + "/one.yaml", "a: 10.5\n");
    std::string out = dir + "/plain.html";
    Run r = run_reckon({"report", dir + "/plain.reckon", dir + "/one.yaml", "--out", out});
    REQUIRE(r.status == 0);
    std::string html = read_file(out);
    CHECK(html.find("<h1>Plain</h1>") != std::string::npos);
    CHECK(html.find("data-output=\"twice\">£21.00<") != std::string::npos);
    CHECK(html.find("Appendix: the methodology") != std::string::npos);
}

TEST_CASE("report: the command line is checked") {
    Run no_out = run_reckon({"report", sussex, sussex_case});
    CHECK(no_out.status == 2);
    CHECK(no_out.err.find("--out is required") != std::string::npos);
    Run onto_case = run_reckon({"report", sussex, sussex_case, "--out", sussex_case});
    CHECK(onto_case.status == 1);
    CHECK(onto_case.err.find("this is one of the case files") != std::string::npos);
    Run folder = run_reckon({"report", sussex, sussex_case, "--out", "rulesets"});
    CHECK(folder.status == 1);
    CHECK(folder.err == "rulesets: error: --out: cannot write: it is a folder, not a regular file (nothing was written)\n");
}

TEST_CASE("workbook: numbers are stored as numbers with their formats, texts as texts") {
    std::string xlsx = temp_dir() + "/iom.xlsx";
    Run r = run_reckon({"batch", iom, "cases/iom", "--param", "report_year=2023", "--format", "xlsx", "--out", xlsx});
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.empty());
    CHECK(unzip(xlsx, "xl/workbook.xml").find("<sheet name=\"Cases\" sheetId=\"1\"") != std::string::npos);
    auto formats = formats_of(unzip(xlsx, "xl/styles.xml"));
    auto format_of = [&](const XCell& c) { return formats.at(c.style.empty() ? 0 : std::stoul(c.style)); };

    // Cases: columns case, file, days_on, status, baseline_offences, ...
    auto cases = cells_of(unzip(xlsx, "xl/worksheets/sheet1.xml"));
    Run batch = run_reckon({"batch", iom, "cases/iom", "--param", "report_year=2023", "--format", "jsonl"});
    auto first = nlohmann::json::parse(batch.out.substr(0, batch.out.find('\n')));
    CHECK(cases["A2"].value == first["case"].get<std::string>());
    CHECK(cases["A2"].type == "inlineStr");
    // each column headed by the label the ruleset gives its output, the output's name in a note on the header (issue 36: the
    // headers were the internal names)
    std::map<std::string, std::string> column;  // label -> column letter
    for (char col = 'C'; col <= 'K'; ++col) column[cases[std::string(1, col) + "1"].value] = std::string(1, col);
    REQUIRE(column.count("Baseline cost"));
    REQUIRE(column.count("Status"));
    CHECK(column.count("baseline_cost") == 0);
    const std::string notes = unzip(xlsx, "xl/comments1.xml");
    CHECK(notes.find("<comment ref=\"" + column["Baseline cost"] + "1\" authorId=\"0\">") != std::string::npos);
    CHECK(notes.find("<t>output baseline_cost</t>") != std::string::npos);
    const XCell& cost = cases[column["Baseline cost"] + "2"];
    CHECK(cost.type.empty());  // a number
    CHECK(cost.value == first["outputs"]["baseline_cost"]["value"].get<std::string>());
    CHECK(format_of(cost) == "\"£\"#,##0.00");
    CHECK(cases[column["Status"] + "2"].type == "inlineStr");
    // the status column is wide enough for its widest value, "Not on the scheme" (issue 36: it was cut, "Not on the s")
    const std::string sheet = unzip(xlsx, "xl/worksheets/sheet1.xml");
    const int status_col = column["Status"][0] - 'A' + 1;
    std::smatch width;
    REQUIRE(std::regex_search(sheet, width, std::regex("<col min=\"" + std::to_string(status_col) + "\" max=\"" + std::to_string(status_col) +
                                                       "\" width=\"([0-9.]+)\"")));
    CHECK(std::stod(width[1]) >= std::string("Not on the scheme").size() + 2);

    // Cohort: the percentages as fractions in a percentage format, money in money's.
    auto cohort = cells_of(unzip(xlsx, "xl/worksheets/sheet2.xml"));
    std::map<std::string, std::string> row;  // output -> row number, for single figures
    for (int i = 2; i < 200; ++i)
        if (cohort.count("A" + std::to_string(i)) && !cohort.count("B" + std::to_string(i))) row[cohort["A" + std::to_string(i)].value] = std::to_string(i);
    const XCell& pct = cohort["D" + row["offence_reduction_pct"]];
    CHECK(pct.type.empty());
    CHECK(pct.value == "0.728");
    CHECK(format_of(pct) == "0.0%");
    const XCell& saving = cohort["D" + row["saving_pnc"]];
    CHECK(saving.value == "1016259.57");
    CHECK(format_of(saving) == "\"£\"#,##0.00");
    CHECK(cohort["D" + row["nominals_included"]].value == "157");
    CHECK(cohort["D" + row["carried_over_nominals"]].type == "inlineStr");

    // Parameters, with their sources; and the provenance.
    auto params = cells_of(unzip(xlsx, "xl/worksheets/sheet3.xml"));
    CHECK(params["A2"].value == "report_year");
    CHECK(params["B2"].value == "2023");
    CHECK(params["B2"].type.empty());
    CHECK(params["E2"].value.find("--param report_year") != std::string::npos);
    CHECK(sheet_named(xlsx, "Provenance").find("IOM annual outcome report") != std::string::npos);
}

TEST_CASE("workbook: a table cell set for the run is listed with the params, with the ruleset's value, and in the provenance") {
    std::string xlsx = temp_dir() + "/iom.xlsx";
    Run r = run_reckon({"batch", iom, "cases/iom", "--param", "report_year=2023", "--param", "unit_costs(shoplifting).fiscal=£36",
                        "--format", "xlsx", "--out", xlsx});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    auto params = cells_of(unzip(xlsx, "xl/worksheets/sheet3.xml"));
    std::string row;
    for (const auto& [ref, c] : params)
        if (ref[0] == 'A' && c.value == "unit_costs(shoplifting).fiscal") row = ref.substr(1);
    REQUIRE(!row.empty());
    CHECK(params["B" + row].value == "36");
    CHECK(params["B" + row].type.empty());  // a number, not text
    CHECK(formats_of(unzip(xlsx, "xl/styles.xml")).at(std::stoul(params["B" + row].style)) == "\"£\"#,##0.00");  // shown whole, not as ###
    CHECK(params["C" + row].value == "GBP");
    CHECK(params["D" + row].value == "a cell of table unit_costs; the ruleset has £26.00");
    CHECK(params["E" + row].value == "set for this run (--param unit_costs(shoplifting).fiscal)");
    CHECK(sheet_named(xlsx, "Provenance").find("report_year=2023, unit_costs(shoplifting).fiscal=£36") != std::string::npos);
    // a sheet for each table of the ruleset, the rows as this run used them, each with the table's source, the cell set marked
    auto costs = cells_of(sheet_named(xlsx, "unit_costs"));
    CHECK(costs["A1"].value == "OffenceType");
    CHECK(costs["B1"].value == "fiscal");
    CHECK(costs["E1"].value == "source");
    CHECK(costs["A2"].value == "homicide");
    CHECK(costs["B2"].value == "174363");
    CHECK(costs["E2"].value.rfind("Home Office (2011)", 0) == 0);
    std::string shoplifting;
    for (const auto& [ref, c] : costs)
        if (ref[0] == 'A' && c.value == "shoplifting") shoplifting = ref.substr(1);
    REQUIRE(!shoplifting.empty());
    CHECK(costs["B" + shoplifting].value == "36");
    CHECK(costs["F" + shoplifting].value == "fiscal (--param unit_costs(shoplifting).fiscal; the ruleset has £26.00)");
    // each row's own source where it has one (the 'other' row), else the table's
    CHECK(costs["A21"].value == "other");
    CHECK(costs["E21"].value == "This project: an offence with no toolkit unit cost");
    CHECK(costs["E20"].value.rfind("Home Office (2011)", 0) == 0);
    auto deflator = cells_of(sheet_named(xlsx, "deflator"));
    CHECK(deflator["A1"].value == "key");
    CHECK(deflator["B1"].value == "index");
    CHECK(deflator["A2"].value == "2008");
    CHECK(deflator["B2"].value == "1.03771");
}

TEST_CASE("workbook: money rates, hours and failed cases") {
    std::string dir = temp_dir();
    std::string xlsx = dir + "/sussex.xlsx";
    write_file(dir + "/broken.yaml", "case: x\nprobation: [\n");
    Run r = run_reckon({"batch", sussex, sussex_case, dir + "/broken.yaml", "--format", "xlsx", "--out", xlsx});
    CHECK(r.status == 1);  // a failed case
    auto formats = formats_of(unzip(xlsx, "xl/styles.xml"));
    // the failures first: each error of each failed case, a row each
    CHECK(unzip(xlsx, "xl/workbook.xml").find("<sheet name=\"Failures\" sheetId=\"1\"") != std::string::npos);
    auto failures = cells_of(unzip(xlsx, "xl/worksheets/sheet1.xml"));
    CHECK(failures["D1"].value == "error (1 of 2 cases failed and are left out of every figure)");
    CHECK(failures["B2"].value == dir + "/broken.yaml");
    CHECK(failures["C2"].value == dir + "/broken.yaml:3:1");
    CHECK(failures["D2"].value.rfind("invalid YAML", 0) == 0);
    auto cases = cells_of(unzip(xlsx, "xl/worksheets/sheet2.xml"));
    std::map<std::string, std::string> column = columns_by_output(unzip(xlsx, "xl/comments1.xml"));
    for (char col = 'C'; col <= 'R'; ++col)
        if (cases[std::string(1, col) + "1"].value == "error") column["error"] = std::string(1, col);
    CHECK(cases[column["hostel_weekly"] + "1"].value == "Hostel weekly cost");  // its label, its name in the note
    const XCell& weekly = cases[column["hostel_weekly"] + "2"];
    CHECK(weekly.value == "845.12");
    CHECK(formats.at(std::stoul(weekly.style)) == "\"£\"#,##0.00\" a week\"");  // shown "£845.12 a week"
    CHECK(cases[column["police_constable_hours"] + "2"].value == "52");
    CHECK(cases[column["total"] + "2"].value == "60805.55");
    CHECK(cases[column["error"] + "3"].value.find("broken.yaml:3:1: invalid YAML") != std::string::npos);
    Run no_out = run_reckon({"batch", sussex, sussex_case, "--format", "xlsx"});
    CHECK(no_out.status == 2);
    CHECK(no_out.err == "reckon: error: --format xlsx writes a workbook, which is not text: give the file with --out FILE.xlsx\n");
}

TEST_CASE("numbers as a reader expects them: no year with a thousands separator, and every param of the appendix exactly") {
    const std::string dir = temp_dir();
    // every output of every command for the IOM report: 2023 is never 2,023
    std::vector<std::vector<std::string>> commands{
        {"eval", iom, "cases/iom/N0001.yaml", "--param", "report_year=2023"},
        {"eval", iom, "cases/iom/N0001.yaml", "--param", "report_year=2023", "--format", "json"},
        {"batch", iom, "cases/iom", "--param", "report_year=2023"},
        {"batch", iom, "cases/iom", "--param", "report_year=2023", "--format", "csv"},
        {"explain", iom, "cases/iom/N0001.yaml", "status", "--param", "report_year=2023"},
        {"explain", iom, "cases/iom", "saving_pnc", "--param", "report_year=2023"},
        {"doc", iom, "--param", "report_year=2023"},
        {"report", iom, "cases/iom", "--param", "report_year=2023", "--out", dir + "/iom.html"},
        {"batch", iom, "cases/iom", "--param", "report_year=2023", "--format", "xlsx", "--out", dir + "/iom.xlsx"},
    };
    for (const auto& c : commands) {
        CAPTURE(c[0]);
        Run r = run_reckon(c);
        REQUIRE(r.status == 0);
        CHECK(r.out.find("2,023") == std::string::npos);
    }
    const std::string html = read_file(dir + "/iom.html");
    CHECK(html.find("2,023") == std::string::npos);
    CHECK(html.find("<td>2023</td>") != std::string::npos);  // report_year in the appendix
    for (int sheet = 1; sheet <= 4; ++sheet) CHECK(unzip(dir + "/iom.xlsx", "xl/worksheets/sheet" + std::to_string(sheet) + ".xml").find("2,023") == std::string::npos);

    // every param in the appendix is the workbook's value exactly: its digits are the value's (cut with "…" only where
    // it does not end, and then with the exact fraction), never a rounded 1.4
    for (const std::string rules : {iom, sussex}) {
        CAPTURE(rules);
        const std::string xlsx = dir + "/params.xlsx";
        REQUIRE(run_reckon({"batch", rules, std::string(rules) == iom ? "cases/iom/N0001.yaml" : sussex_case, "--param", "report_year=2023",
                            "--format", "xlsx", "--out", xlsx}).status == (std::string(rules) == iom ? 0 : 2));
        if (std::string(rules) != iom) REQUIRE(run_reckon({"batch", rules, sussex_case, "--format", "xlsx", "--out", xlsx}).status == 0);
        auto params = cells_of(sheet_named(xlsx, "Parameters"));
        REQUIRE(params["A1"].value == "param");
        Run doc = run_reckon(std::string(rules) == iom ? std::vector<std::string>{"doc", rules, "--param", "report_year=2023"}
                                                       : std::vector<std::string>{"doc", rules});
        REQUIRE(doc.status == 0);
        int checked = 0;
        for (int row = 2; params.count("A" + std::to_string(row)); ++row) {
            const std::string name = params["A" + std::to_string(row)].value, value = params["B" + std::to_string(row)].value;
            const std::string exactly = params["F" + std::to_string(row)].value;
            CAPTURE(name);
            if (exactly.empty()) continue;  // a cell of a table, or a text
            CHECK(doc.out.find("| " + name + " | " + exactly + " | ") != std::string::npos);  // the appendix shows what the workbook calls exact
            // the digits shown are the value's: "1,650 hour/year" is 1650, "20%" is 0.2, "£23.272727…" starts 23.272727
            std::string digits;
            for (char ch : exactly.substr(0, exactly.find(" (exactly"))) if (std::isdigit(static_cast<unsigned char>(ch)) || ch == '.' || ch == '-') digits += ch;
            if (digits.empty()) continue;
            const bool cut = exactly.find("…") != std::string::npos, percent = exactly.find('%') != std::string::npos;
            long double shown = std::stold(digits) / (percent ? 100 : 1), stored = std::stold(value);
            if (cut) {
                CHECK(std::fabs(static_cast<double>(shown - stored)) < 1e-10 * std::max(1.0, std::fabs(static_cast<double>(stored))));
                if (name == "uprating") CHECK(exactly == "1.3952278955… (exactly 149168/106913)");
            } else {
                CHECK(std::fabs(static_cast<double>(shown - stored)) <= 1e-12 * std::max(1.0, std::fabs(static_cast<double>(stored))));  // the whole value
            }
            ++checked;
        }
        CHECK(checked >= 3);
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("report --scenarios: the IOM report over 2019-2024 from one cohort, each year's figures those of a plain run, with trends") {
    const std::string years = "rulesets/iom-annual-report.years.yaml";
    const std::string html = report_of({iom, "cases/iom", "--scenarios", years});
    self_contained(html);
    CHECK(html.find("6 scenarios, side by side: 2019, 2020, 2021, 2022, 2023, 2024") != std::string::npos);
    // each figure of each year, as a plain run of that year shows it (a headline to its step, a table exactly)
    static const std::regex cell(R"re(<td class="num" data-output="([a-z_0-9]+)"(?: data-member="([a-z_0-9]+)")? data-scenario="([0-9]+)">([^<]*)<)re");
    std::map<std::string, std::map<std::string, std::set<std::string>>> plain;  // year -> output[member] -> the texts it is shown as
    for (int year = 2019; year <= 2024; ++year) {
        // 2019 and 2020 have no nominal included: saving_pnc is not defined, so its tornado and distribution
        // cannot be computed, and the report says which and exits 1 (the figures compared here are still shown)
        const std::string page = report_of({iom, "cases/iom", "--param", "report_year=" + std::to_string(year)}, year <= 2020 ? 1 : 0);
        static const std::regex any(R"re(data-output="([a-z_0-9]+)"(?: data-member="([a-z_0-9]+)")?[^>]*>([^<]*)<)re");  // cells, headlines, a range's ends
        for (auto it = std::sregex_iterator(page.begin(), page.end(), any); it != std::sregex_iterator(); ++it)
            plain[std::to_string(year)][std::string((*it)[1]) + "[" + std::string((*it)[2]) + "]"].insert((*it)[3]);
    }
    std::map<std::string, int> compared;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), cell); it != std::sregex_iterator(); ++it) {
        const std::string key = std::string((*it)[1]) + "[" + std::string((*it)[2]) + "]", year = (*it)[3];
        std::string text = (*it)[4];
        if (text.size() > 4 && text.substr(text.size() - 3) == " %)") text = text.substr(0, text.rfind(" ("));  // its share, checked below
        CAPTURE(key);
        CAPTURE(year);
        CHECK(plain[year][key].count(text) == 1);
        ++compared[year];
    }
    // every figure of the cohort's tables: 7 headline figures, 3 by offence type for 20 types, 6 of the cohort
    for (int year = 2019; year <= 2024; ++year) CHECK(compared[std::to_string(year)] == 7 + 3 * 20 + 6);
    CHECK(html.find("<h3>Carried over to next year (2023) (38)</h3>") != std::string::npos);
    // a share of the year's total beside each figure by offence type: 144 of the 492 baseline offences of 2023
    CHECK(html.find("data-output=\"baseline_offences_by_type\" data-member=\"shoplifting\" data-scenario=\"2023\">144 (29.3 %)<") != std::string::npos);
    // two figures checked by hand against the plain runs: 157 nominals in 2023, a saving of £1,016,000 (to £1,000)
    CHECK(html.find("data-output=\"nominals_included\" data-scenario=\"2023\">157<") != std::string::npos);
    CHECK(html.find("data-output=\"saving_pnc\" data-scenario=\"2023\">£1,016,000<") != std::string::npos);
    // the trend: a line chart per unit of the headlines (per cent; the range's £; £; nominals), a point a year where defined
    CHECK(count_of(html, "<figure class=\"chart trend\">") == 4);
    // 3 percentages over 4 defined years, both savings over the same 4 (issue 36: a saving of £0 in 2019 and 2020 beside
    // reductions not defined, none being in the cohort), the fiscal saving over 4 and the nominals over 6
    CHECK(count_of(html, "<circle class=\"point\"") == 3 * 4 + 4 + 4 + 4 + 6);
    for (const char* year : {"2019", "2020"})
        for (const char* saving : {"saving_pnc", "saving_pnc_fiscal", "saving_css", "offence_reduction_pct"}) {
            CAPTURE(saving);
            CHECK(html.find(std::string("data-output=\"") + saving + "\" data-scenario=\"" + year + "\">not defined<") != std::string::npos);
        }
    // a cases table for each year; the appendix says what each scenario sets, exactly
    CHECK(html.find("<caption>Nominals (2019)</caption>") != std::string::npos);
    CHECK(html.find("<caption>Nominals (2024)</caption>") != std::string::npos);
    CHECK(html.find("<h3>What each scenario sets</h3>") != std::string::npos);
    CHECK(html.find("data-scenario=\"2023\">1.3952278955… (exactly ") != std::string::npos);
    CHECK(html.find("<dt>Scenarios</dt><dd><code>" + years + "</code> (git blob <code>" + reckon::git_blob_id(read_file(years))) != std::string::npos);
}

TEST_CASE("batch --scenarios --format xlsx: a row per case and scenario, a column per scenario in Cohort, and what each sets") {
    const std::string dir = temp_dir(), xlsx = dir + "/years.xlsx";
    Run r = run_reckon({"batch", iom, "cases/iom", "--scenarios", "rulesets/iom-annual-report.years.yaml", "--format", "xlsx", "--out", xlsx});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    auto cohort = cells_of(sheet_named(xlsx, "Cohort"));
    const std::vector<std::string> years{"2019", "2020", "2021", "2022", "2023", "2024"};
    for (std::size_t j = 0; j < years.size(); ++j) CHECK(cohort[std::string(1, static_cast<char>('D' + j)) + "1"].value == years[j]);
    CHECK(cohort["J1"].value == "unit");
    CHECK(cohort["A2"].value == "nominals_included");
    // the nominals included each year, as the plain runs count them (the batch test checks 104 and 157 against them)
    const std::vector<std::string> included{"0", "0", "26", "104", "157", "166"};
    for (std::size_t j = 0; j < years.size(); ++j) CHECK(cohort[std::string(1, static_cast<char>('D' + j)) + "2"].value == included[j]);
    // Cases: a row per case under each year, the year in its own column
    auto cases = cells_of(sheet_named(xlsx, "Cases"));
    CHECK(cases["C1"].value == "scenario");
    CHECK(cases["A2"].value == "N0001");
    CHECK(cases["C2"].value == "2019");
    CHECK(cases["A7"].value == "N0001");
    CHECK(cases["C7"].value == "2024");
    CHECK(cases["A8"].value == "N0002");
    CHECK(cases.count("A" + std::to_string(1 + 240 * 6)) == 1);
    CHECK(cases.count("A" + std::to_string(2 + 240 * 6)) == 0);
    // Scenarios: each param a scenario sets, exactly, a column each
    auto set = cells_of(sheet_named(xlsx, "Scenarios"));
    CHECK(set["A2"].value == "report_year");
    CHECK(set["F2"].value == "2023");
    CHECK(set["A3"].value == "uprating");
    CHECK(set["F3"].value.rfind("1.3952278955… (exactly ", 0) == 0);
    CHECK(sheet_named(xlsx, "Provenance").find("rulesets/iom-annual-report.years.yaml (git blob ") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("report: a tornado not computed over a case table's rows is said in its place and at its line and the exit status is 1 - an item with no total to show says so") {
    const std::string dir = temp_dir();
    write_file(dir + "/r.reckon",
               "ruleset \"Items over a table\"\ncurrency GBP \"£\"\nunit hour\n"
               "param rate = £20/hour range £15/hour to £25/hour\ninput h: hour\n"
               "output cost: GBP \"Cost\" = h * rate\noutput hourly: GBP/hour \"Hourly rate\" = rate\n"
               "report \"R\"\n  headline cost, hourly\n  headline hourly\n  tornado \"What moves the cost\" cost\n");
    std::string rows = "h\n";
    for (int i = 1; i <= 11; ++i) rows += std::to_string(i) + "\n";
    write_file(dir + "/two.csv", "h\n2\n3\n");
    write_file(dir + "/eleven.csv", rows);

    Run two = run_reckon({"report", "r.reckon", "two.csv", "--out", "two.html"}, dir);  // the rows are counted as the table is read
    CHECK(two.status == 1);
    CHECK(two.err == "r.reckon:11:3: error: this tornado cannot be computed: 'cost' is a figure of each case, analysed over one case, and the "
                     "report is over 2 cases\n    tornado \"What moves the cost\" cost\n    ^\n"
                     "  note: name a figure of the cohort (a cohort output), or give the report one case\n2 cases, 0 failed; report in two.html\n");
    const std::string page = read_file(dir + "/two.html");
    CHECK(page.find("<p class=\"failed\">Not computed: 'cost' is a figure of each case, analysed over one case, and the report is over 2 cases</p>") !=
          std::string::npos);
    CHECK(page.find("data-output=\"hourly\"") != std::string::npos);  // two cases: each shown

    Run eleven = run_reckon({"report", "r.reckon", "eleven.csv", "--out", "eleven.html"}, dir);
    CHECK(eleven.status == 1);
    CHECK(eleven.err.find("r.reckon:11:3: error: this tornado cannot be computed: 'cost' is a figure of each case, analysed over one case, "
                          "and the report is over 11 cases\n") == 0);
    const std::string many = read_file(dir + "/eleven.html");
    // over more than ten cases, by totals: the rate has none, and its headline says so in its place
    CHECK(many.find("<p class=\"note\">headline: not shown: over more than 10 cases (here 11) an item of each case's figures shows their "
                    "totals, and 'hourly' has none (a rate, a percentage or a text does not add up over cases).</p>") != std::string::npos);
    CHECK(many.find("data-output=\"cost\">£1,320.00<") != std::string::npos);  // the first headline shows the total it has: 66 hours at £20
    CHECK(many.find("data-output=\"hourly\"") == std::string::npos);

    write_file(dir + "/one.csv", "h\n2\n");
    Run one = run_reckon({"report", "r.reckon", "one.csv", "--out", "one.html"}, dir);
    CHECK(one.status == 0);
    CHECK(one.err == "1 case, 0 failed; report in one.html\n");
}
