// Case tables from workbooks (.xlsx): the same figures as the YAML cases,
// cells read exactly (numbers from their stored decimal text, dates from date
// cells, shared and inline strings), every bad cell named by its sheet, row
// and cell, and hostile workbooks refused with a clear error within the limits.
// Workbooks are built here part by part (minizip's zip writer), so that each
// test says exactly what the file holds.
#include "support.hpp"

#include <doctest/doctest.h>
#include <unzip.h>
#include <zip.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <regex>
#include <sstream>

using namespace reckon::testing;

namespace {

const std::string iom = "rulesets/iom-annual-report.reckon";


// A zip of the given members, deflated, in order.
void write_zip(const std::string& path, const std::vector<std::pair<std::string, std::string>>& members) {
    zipFile z = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
    REQUIRE(z != nullptr);
    for (const auto& [name, text] : members) {
        zip_fileinfo info{};
        REQUIRE(zipOpenNewFileInZip64(z, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 9, 1) == ZIP_OK);
        REQUIRE(zipWriteInFileInZip(z, text.data(), static_cast<unsigned>(text.size())) == ZIP_OK);
        REQUIRE(zipCloseFileInZip(z) == ZIP_OK);
    }
    REQUIRE(zipClose(z, nullptr) == ZIP_OK);
}

const std::string ns = R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";
const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

// A workbook's parts around the given sheets (name, the XML inside <sheetData>).
struct Book {
    std::vector<std::pair<std::string, std::string>> sheets;
    std::vector<std::string> strings;  // shared strings, as <si> contents
    std::string styles = R"(<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts>)"
                         R"(<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs>)";
    bool date1904 = false;
    std::vector<std::pair<std::string, std::string>> extra;  // more members, or parts to put in place of the made ones

    void write(const std::string& path) const {
        std::vector<std::pair<std::string, std::string>> m;
        m.push_back({"_rels/.rels", R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
                                        R"(<Relationship Id="rId1" Type=")" + rel + R"(officeDocument" Target="xl/workbook.xml"/></Relationships>)"});
        std::string wb = R"(<?xml version="1.0"?><workbook )" + ns + ">" + (date1904 ? R"(<workbookPr date1904="1"/>)" : "") + "<sheets>";
        std::string rels = R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
        for (std::size_t i = 0; i < sheets.size(); ++i) {
            std::string n = std::to_string(i + 1);
            wb += R"(<sheet name=")" + sheets[i].first + R"(" sheetId=")" + n + R"(" r:id="rId)" + n + R"("/>)";
            rels += R"(<Relationship Id="rId)" + n + R"(" Type=")" + rel + R"(worksheet" Target="worksheets/sheet)" + n + R"(.xml"/>)";
            m.push_back({"xl/worksheets/sheet" + n + ".xml",
                         R"(<?xml version="1.0"?><worksheet )" + ns + "><sheetData>" + sheets[i].second + "</sheetData></worksheet>"});
        }
        rels += R"(<Relationship Id="rS" Type=")" + rel + R"(styles" Target="styles.xml"/>)";
        rels += R"(<Relationship Id="rT" Type=")" + rel + R"(sharedStrings" Target="/xl/sharedStrings.xml"/>)";
        m.push_back({"xl/workbook.xml", wb + "</sheets></workbook>"});
        m.push_back({"xl/_rels/workbook.xml.rels", rels + "</Relationships>"});
        m.push_back({"xl/styles.xml", R"(<?xml version="1.0"?><styleSheet )" + ns + ">" + styles + "</styleSheet>"});
        std::string sst = R"(<?xml version="1.0"?><sst )" + ns + ">";
        for (const auto& s : strings) sst += "<si>" + s + "</si>";
        m.push_back({"xl/sharedStrings.xml", sst + "</sst>"});
        for (const auto& e : extra) {
            auto same = std::find_if(m.begin(), m.end(), [&](const auto& x) { return x.first == e.first; });
            if (same != m.end()) same->second = e.second;
            else m.push_back(e);
        }
        write_zip(path, m);
    }
};

// <c> of an inline string, of a number (with a style), of a shared string.
std::string text_cell(const std::string& ref, const std::string& s) { return R"(<c r=")" + ref + R"(" t="inlineStr"><is><t>)" + s + "</t></is></c>"; }
std::string number_cell(const std::string& ref, const std::string& v, int style = 0) {
    return R"(<c r=")" + ref + R"(" s=")" + std::to_string(style) + R"("><v>)" + v + "</v></c>";
}
std::string shared_cell(const std::string& ref, int i) { return R"(<c r=")" + ref + R"(" t="s"><v>)" + std::to_string(i) + "</v></c>"; }
std::string row(int n, const std::string& cells) { return R"(<row r=")" + std::to_string(n) + R"(">)" + cells + "</row>"; }

const std::string cells_rules =
    "ruleset \"Cells\" version \"1\"\n  identified by id\n"
    "currency GBP \"£\"\nunit hour\n"
    "type Kind = one of small, large\n"
    "input id: text\ninput cost: GBP\ninput share: number\ninput hours: hour min 0 max 10000\n"
    "input flag: bool\ninput kind: Kind\ninput note: text\ninput when: optional date\n"
    "output total: GBP = cost * share\noutput h: hour = hours\noutput f: bool = flag\noutput k: Kind = kind\n"
    "output n: text = note\noutput w: date = when otherwise date(2000, 1, 1)\n";

std::string cells_header() {
    return row(1, text_cell("A1", "id") + text_cell("B1", "cost") + text_cell("C1", "share") + text_cell("D1", "hours") +
                      text_cell("E1", "flag") + text_cell("F1", "kind") + text_cell("G1", "note") + text_cell("H1", "when"));
}

}  // namespace

TEST_CASE("xlsx: the IOM cohort from its workbook gives every figure of the YAML files for two report years") {
    for (const char* year : {"report_year=2022", "report_year=2023"}) {
        CAPTURE(year);
        Run yaml = run_reckon({"batch", iom, "cases/iom", "--param", year, "--format", "jsonl"});
        Run book = run_reckon({"batch", iom, "cases/iom-xlsx/master.xlsx", "--param", year, "--format", "jsonl"});
        Run csv = run_reckon({"batch", iom, "cases/iom-csv/nominals.csv", "--list", "offences=cases/iom-csv/offences.csv",
                              "--param", year, "--format", "jsonl"});
        REQUIRE(yaml.status == 0);
        REQUIRE_MESSAGE(book.status == 0, book.err);
        CHECK(book.err == "240 cases, 0 failed\n");
        CHECK(last_line(book.out) == last_line(yaml.out));  // the cohort and the summary, byte for byte
        CHECK(last_line(book.out) == last_line(csv.out));
        CHECK(without_files(book.out) == without_files(yaml.out));  // and every nominal's figures
        CHECK(last_line(book.out).find("\"saving_pnc\"") != std::string::npos);
    }
}

TEST_CASE("xlsx: cases/iom-xlsx is what gen_iom_cohort --xlsx makes, byte for byte") {
    std::string dir = temp_dir();
    REQUIRE(run_program(RECKON_GEN_IOM, {"--xlsx", dir}).status == 0);
    CHECK(read_file(dir + "/master.xlsx") == read_file(source_dir() + "/cases/iom-xlsx/master.xlsx"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("xlsx: cells are read exactly: stored decimals, date cells, shared, rich and inline strings, booleans") {
    std::string dir = temp_dir();
    write_file(dir + "/r.reckon", cells_rules);
    Book b;
    b.strings = {"<t>large</t>", R"(<r><t>said </t></r><r><rPr><b/></rPr><t>"no"</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh>)"};
    b.sheets = {{"cases", cells_header() +
                              // 17 significant digits, more than a double holds; an exponent; a date cell (built-in format 14)
                              row(2, text_cell("A2", "a") + number_cell("B2", "123456789012345.67") + number_cell("C2", "2E-1") +
                                         number_cell("D2", "1.65E3") + R"(<c r="E2" t="b"><v>1</v></c>)" + shared_cell("F2", 0) +
                                         shared_cell("G2", 1) + number_cell("H2", "45110", 1)) +
                              // a formula's saved value; a date in the workbook's own format; a row with a gap (no C3 cell written, then C3 given)
                              row(3, text_cell("A3", "b") + R"(<c r="B3"><f>6*2</f><v>12</v></c>)" + number_cell("C3", "0.5") +
                                         number_cell("D3", "8") + R"(<c r="E3" t="b"><v>0</v></c>)" + text_cell("F3", "small") +
                                         R"(<c r="G3" t="str"><f>"two"</f><v>two</v></c>)" + number_cell("H3", "36526", 2)) +
                              row(5, "")}};  // an empty row: not a case
    b.write(dir + "/book.xlsx");
    Run r = run_reckon({"batch", "r.reckon", "book.xlsx", "--format", "jsonl"}, dir);
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(r.err == "2 cases, 0 failed\n");
    auto got = parse_jsonl(r.out);
    CHECK(got.cases["a"]["total"]["value"] == "24691357802469.13");  // 123456789012345.67 × 0.2, exactly
    CHECK(got.cases["a"]["h"]["value"] == "1650");
    CHECK(got.cases["a"]["f"]["value"] == "true");
    CHECK(got.cases["a"]["k"]["value"] == "large");
    CHECK(got.cases["a"]["n"]["value"] == "said \"no\"");
    CHECK(got.cases["a"]["w"]["value"] == "2023-07-03");
    CHECK(got.cases["b"]["total"]["value"] == "6.00");
    CHECK(got.cases["b"]["f"]["value"] == "false");
    CHECK(got.cases["b"]["k"]["value"] == "small");
    CHECK(got.cases["b"]["n"]["value"] == "two");
    CHECK(got.cases["b"]["w"]["value"] == "2000-01-01");
    // the 1904 date system: serial 43648 is 2023-07-03
    b.date1904 = true;
    b.sheets[0].second = cells_header() + row(2, text_cell("A2", "a") + number_cell("B2", "1") + number_cell("C2", "1") + number_cell("D2", "1") +
                                                     text_cell("E2", "yes") + text_cell("F2", "small") + text_cell("G2", "x") +
                                                     number_cell("H2", "43648", 1));
    b.write(dir + "/b1904.xlsx");
    Run r1904 = run_reckon({"batch", "r.reckon", "b1904.xlsx", "--format", "jsonl"}, dir);
    REQUIRE_MESSAGE(r1904.status == 0, r1904.err);
    CHECK(parse_jsonl(r1904.out).cases["a"]["w"]["value"] == "2023-07-03");
    std::filesystem::remove_all(dir);
}

TEST_CASE("xlsx: three bad rows fail their cases with sheet row column and cell and the others go on") {
    std::string dir = temp_dir();
    Book b;
    b.sheets = {{"cases", row(1, text_cell("A1", "nominal") + text_cell("B1", "joined") + text_cell("C1", "left")) +
                              row(2, text_cell("A2", "N1") + number_cell("B2", "45110", 1) + number_cell("C2", "45770", 1)) +
                              row(3, text_cell("A3", "N2") + text_cell("B3", "31/02/2023") + number_cell("C3", "45504", 1)) +
                              row(4, text_cell("A4", "N3") + number_cell("B4", "45048", 1))},
                {"offences", row(1, text_cell("A1", "nominal") + text_cell("B1", "date") + text_cell("C1", "type") + text_cell("D1", "css")) +
                                 row(2, text_cell("A2", "N1") + number_cell("B2", "45005", 1) + text_cell("C2", "robbery_personal") + number_cell("D2", "1093")) +
                                 row(3, text_cell("A3", "N3") + number_cell("B3", "44941", 1) + text_cell("C3", "shoplifting") + text_cell("D3", "a few")) +
                                 row(4, text_cell("A4", "N3") + number_cell("B4", "44896", 1) + text_cell("C4", "shoplifting") + number_cell("D4", "14")) +
                                 row(5, text_cell("A5", "N9") + number_cell("B5", "44927", 1) + text_cell("C5", "other") + number_cell("D5", "20"))},
                {"instructions", row(1, text_cell("A1", "Fill in one row per nominal."))}};
    b.write(dir + "/master.xlsx");
    Run r = run_reckon({"batch", source_dir() + "/" + iom, "master.xlsx", "--param", "report_year=2023", "--format", "jsonl"}, dir);
    CHECK(r.status == 1);
    CHECK(r.err ==
          "master.xlsx[cases]:3:4: error: column joined (B3): '31/02/2023' is not a date (YYYY-MM-DD); a sheet that writes dates "
          "day first is read with --dates day-first\n"
          "  N2,31/02/2023,2024-07-31\n"
          "     ^\n"
          "master.xlsx[offences]:3:27: error: column css (D3): 'a few' is not a number\n"
          "  N3,2023-01-15,shoplifting,a few\n"
          "                            ^\n"
          "master.xlsx[offences]:5:1: error: row 5 (A5): no case is identified by 'N9'\n"
          "  N9,2023-01-01,other,20\n"
          "  ^\n"
          "4 cases, 3 failed\n");
    auto got = parse_jsonl(r.out);
    REQUIRE(got.cases.count("N1") == 1);
    CHECK(got.cases["N1"]["baseline_offences"]["value"] == "1");
    CHECK(got.cases["N1"]["days_on"]["value"] == "273");
    std::filesystem::remove_all(dir);
}

TEST_CASE("xlsx: a value in a column with no name and a sheet that is no table are errors, not dropped data") {
    std::string dir = temp_dir();
    const std::string rules = source_dir() + "/" + iom;
    Book b;
    b.sheets = {{"cases", row(1, text_cell("A1", "nominal") + text_cell("B1", "joined") + text_cell("C1", "left")) +
                              row(2, text_cell("A2", "N1") + number_cell("B2", "45110", 1) + text_cell("E2", "moved to Luton"))}};
    b.write(dir + "/wide.xlsx");
    Run wide = run_reckon({"batch", rules, "wide.xlsx", "--param", "report_year=2023", "--format", "jsonl"}, dir);
    CHECK(wide.status == 1);
    CHECK(wide.err == "wide.xlsx[cases]:2:16: error: cell E2 has a value, and its column has no name in row 1\n"
                      "  N1,2023-07-03,,moved to Luton\n"
                      "                 ^\n"
                      "1 case, 1 failed\n");
    b.sheets = {{"cases", row(1, text_cell("A1", "nominal") + text_cell("B1", "joined") + text_cell("C1", "left")) +
                              row(2, text_cell("A2", "N1") + number_cell("B2", "45110", 1))},
                {"offence", row(1, text_cell("A1", "nominal"))},
                {"Sheet3", ""}};
    b.write(dir + "/typo.xlsx");
    Run typo = run_reckon({"batch", rules, "typo.xlsx", "--param", "report_year=2023", "--format", "jsonl"}, dir);
    CHECK(typo.status == 1);
    CHECK(typo.err == "typo.xlsx: error: sheet 'offence' is not the cases or the table of a list input (did you mean 'offences'?)\n"
                      "  note: the cases are in sheet 'cases' (or the first sheet), each list input's elements in the sheet named "
                      "by its path (as offences), and a sheet kept for people is left out with --ignore-sheet NAME\n"
                      "1 case, 1 failed\n");
    Run ignored = run_reckon({"batch", rules, "typo.xlsx", "--ignore-sheet", "offence", "--param", "report_year=2023", "--format", "jsonl"}, dir);
    CHECK_MESSAGE(ignored.status == 0, ignored.err);
    CHECK(parse_jsonl(ignored.out).cases["N1"]["baseline_offences"]["value"] == "0");
    std::filesystem::remove_all(dir);
}

// Each hostile workbook: exit status 1 and exactly this error (then the batch's count).
TEST_CASE("xlsx: hostile workbooks are refused with a clear error within the limits") {
    std::string dir = temp_dir();
    const std::string rules = source_dir() + "/" + iom;
    const std::string header = row(1, text_cell("A1", "nominal") + text_cell("B1", "joined") + text_cell("C1", "left"));
    auto run = [&](const std::string& file, std::vector<std::string> limit = {}) {
        std::vector<std::string> args = limit;
        for (const std::string& a : {std::string("batch"), rules, file, std::string("--param"), std::string("report_year=2023"),
                                     std::string("--format"), std::string("jsonl")})
            args.push_back(a);
        return run_reckon(args, dir);
    };
    struct Hostile {
        const char* what;
        std::function<void(const std::string&)> make;
        std::string error;
        std::vector<std::string> limit = {};
        bool pattern = false;  // error is a regular expression
    };
    std::vector<Hostile> hostile = {
        {"not a zip", [&](const std::string& f) { write_file(f, "nominal,joined\nN1,2023-07-03\n"); },
         "not-a-zip.xlsx: error: this is not a workbook (.xlsx): it is not a zip file; an older .xls, or a workbook saved with a "
         "password, must be saved again as .xlsx\n"},
        {"zip bomb",
         [&](const std::string& f) {
             Book b;  // 40 MB of spaces in a sheet: a few tens of kilobytes zipped
             b.sheets = {{"cases", header + std::string(40u << 20, ' ')}};
             b.write(f);
         },
         "zip-bomb.xlsx: error: sheet 'cases' expands to more than the limit of 16777216 bytes (it can be raised with --limit "
         "file-size=N)\n"},
        {"a sheet that inflates past 200 times its size",
         [&](const std::string& f) {
             Book b;  // 40 MB of spaces, some 40 KB zipped: a sheet may inflate past the file-size limit, to 200 times that
             b.sheets = {{"cases", header + std::string(40u << 20, ' ')}};
             b.write(f);
         },
         // the number is 200 times what zlib makes of the sheet: about 8 MB
         "a-sheet-that-inflates-past-200-times-its-size.xlsx: error: sheet 'cases' expands to more than 8[0-9]{6} bytes, 200 times "
         "its size in the zip, the most a sheet may \\(it can be raised with --limit file-size=N\\)\n",
         {"--limit", "file-size=1000000"}, true},
        {"billion laughs",
         [&](const std::string& f) {
             Book b;
             b.sheets = {{"cases", header}};
             std::string lol = R"(<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">)"
                               R"(<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>)"
                               "<sst " + ns + "><si><t>&d;&d;&d;&d;&d;&d;&d;&d;&d;</t></si></sst>";
             b.extra = {{"xl/sharedStrings.xml", lol}};
             b.write(f);
         },
         "billion-laughs.xlsx: error: the shared strings table (xl/sharedStrings.xml): it declares a DOCTYPE, which a workbook never "
         "has (entities are not read)\n"},
        {"external entity",
         [&](const std::string& f) {
             Book b;
             b.sheets = {{"cases", R"(<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>)" + header}};
             b.extra = {{"xl/worksheets/sheet1.xml", R"(<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet )" +
                                                         ns + "><sheetData>" + header + row(2, text_cell("A2", "&e;")) + "</sheetData></worksheet>"}};
             b.write(f);
         },
         "external-entity.xlsx: error: sheet 'cases': it declares a DOCTYPE, which a workbook never has (entities are not read)\n"},
        {"a member that escapes",
         [&](const std::string& f) {
             Book b;
             b.sheets = {{"cases", header}};
             b.extra = {{"../../evil.xml", "<x/>"}};
             b.write(f);
         },
         "a-member-that-escapes.xlsx: error: the zip has a member named '../../evil.xml', which would escape the workbook: it is not read\n"},
        {"huge shared strings",
         [&](const std::string& f) {
             Book b;
             b.sheets = {{"cases", header}};
             b.strings.assign(200000, "<t>the same text, again and again</t>");
             b.write(f);
         },
         "huge-shared-strings.xlsx: error: the shared strings table (xl/sharedStrings.xml) expands to more than the limit of 1000000 bytes "
         "(it can be raised with --limit file-size=N)\n",
         {"--limit", "file-size=1000000"}},
        {"a cell past the sheet's end",
         [&](const std::string& f) {
             Book b;
             b.sheets = {{"cases", header + row(2, text_cell("XFE2", "N1"))}};
             b.write(f);
         },
         "a-cell-past-the-sheet-s-end.xlsx: error: sheet 'cases': cell XFE2 is past the sheet's end (XFD1048576), or is not a cell's name\n"},
        {"a row past the sheet's end",
         [&](const std::string& f) {
             Book b;
             b.sheets = {{"cases", header + row(1048577, text_cell("A1048577", "N1"))}};
             b.write(f);
         },
         "a-row-past-the-sheet-s-end.xlsx: error: sheet 'cases': row 1048577 is past the sheet's end (row 1048576)\n"},
        {"a shared string that is not there",
         [&](const std::string& f) {
             Book b;
             b.sheets = {{"cases", header + row(2, shared_cell("A2", 7) + number_cell("B2", "45110", 1))}};
             b.write(f);
         },
         "a-shared-string-that-is-not-there.xlsx[cases]:2:1: error: cell A2 points to shared string 7, and the workbook has 0\n"
         "  ,2023-07-03\n"
         "  ^\n"},
        {"a shared string's number that is no number",
         [&](const std::string& f) {
             Book b;
             b.sheets = {{"cases", header + row(2, R"(<c r="A2" t="s"><v>x</v></c>)" + number_cell("B2", "45110", 1))}};
             b.write(f);
         },
         "a-shared-string-s-number-that-is-no-number.xlsx[cases]:2:1: error: cell A2 has 'x' where the number of a shared string belongs\n"
         "  ,2023-07-03\n"
         "  ^\n"},
        {"broken XML",
         [&](const std::string& f) {
             Book b;
             b.sheets = {{"cases", header + "<row r=\"2\"><c r=\"A2\">"}};
             b.write(f);
         },
         "broken-XML.xlsx: error: sheet 'cases' is not well-formed XML at line 1: mismatched tag\n"},
    };
    for (const auto& h : hostile) {
        CAPTURE(h.what);
        std::string name;
        for (const char* c = h.what; *c; ++c) name += std::isalnum(static_cast<unsigned char>(*c)) ? *c : '-';
        name += ".xlsx";
        h.make(dir + "/" + name);
        Run r = run(name, h.limit);
        CHECK(r.status == 1);
        if (h.pattern) CHECK_MESSAGE(std::regex_match(r.err, std::regex(h.error + "1 case, 1 failed\n")), r.err);
        else CHECK(r.err == h.error + "1 case, 1 failed\n");
    }
    std::filesystem::remove_all(dir);
}

namespace {

// Every member of a zip, in order.
std::vector<std::pair<std::string, std::string>> read_zip(const std::string& path) {
    std::vector<std::pair<std::string, std::string>> out;
    unzFile z = unzOpen64(path.c_str());
    REQUIRE(z != nullptr);
    for (int r = unzGoToFirstFile(z); r == UNZ_OK; r = unzGoToNextFile(z)) {
        char name[512];
        unz_file_info64 info;
        REQUIRE(unzGetCurrentFileInfo64(z, &info, name, sizeof name, nullptr, 0, nullptr, 0) == UNZ_OK);
        REQUIRE(unzOpenCurrentFile(z) == UNZ_OK);
        std::string text(static_cast<std::size_t>(info.uncompressed_size), '\0');
        REQUIRE(unzReadCurrentFile(z, text.data(), static_cast<unsigned>(text.size())) == static_cast<int>(text.size()));
        unzCloseCurrentFile(z);
        out.emplace_back(name, std::move(text));
    }
    unzClose(z);
    return out;
}

// A CSV line's fields (quotes as Excel writes them).
std::vector<std::string> csv_fields(const std::string& line) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"') out.back() += '"', ++i;
        else if (c == '"') quoted = !quoted;
        else if (c == ',' && !quoted) out.emplace_back();
        else out.back() += c;
    }
    return out;
}

std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) rows.push_back(csv_fields(line));
    return rows;
}

// The template's sheet, filled as an analyst would: a row per CSV row, each value under the template's column of
// the same name; plain numbers as number cells, anything else as text.
std::string filled_rows(const std::vector<std::string>& template_header, const std::vector<std::vector<std::string>>& table) {
    static const std::regex number(R"(-?[0-9]+(\.[0-9]+)?)");
    std::string xml;
    for (std::size_t r = 1; r < table.size(); ++r) {
        std::string cells;
        for (std::size_t c = 0; c < template_header.size(); ++c) {
            auto at = std::find(table[0].begin(), table[0].end(), template_header[c]);
            REQUIRE_MESSAGE(at != table[0].end(), template_header[c]);
            const std::string& v = table[r][static_cast<std::size_t>(at - table[0].begin())];
            if (v.empty()) continue;
            std::string ref;
            for (std::size_t n = c + 1; n > 0; n = (n - 1) / 26) ref.insert(ref.begin(), static_cast<char>('A' + (n - 1) % 26));
            ref += std::to_string(r + 1);
            cells += std::regex_match(v, number) ? number_cell(ref, v) : text_cell(ref, v);
        }
        xml += row(static_cast<int>(r + 1), cells);
    }
    return xml;
}

}  // namespace

TEST_CASE("template: the workbook template, filled in by a script, reads back to the YAML cases' figures for both methodologies") {
    struct Methodology {
        std::string rules, yaml;
        std::vector<std::pair<std::string, std::string>> tables;  // sheet, the CSV that fills it
        std::vector<std::string> params;
    };
    const std::vector<Methodology> both = {
        {"rulesets/iom-annual-report.reckon", "cases/iom",
         {{"cases", "cases/iom-csv/nominals.csv"}, {"offences", "cases/iom-csv/offences.csv"}}, {"--param", "report_year=2023"}},
        {"rulesets/sussex-complex-client.reckon", "cases/sussex/complex-client-2010-11.yaml",
         {{"cases", "cases/sussex-csv/complex-client.csv"},
          {"probation.activities", "cases/sussex-csv/activities.csv"},
          {"police.custody_minutes", "cases/sussex-csv/custody.csv"}},
         {}}};
    for (const auto& m : both) {
        CAPTURE(m.rules);
        std::string dir = temp_dir();
        Run made = run_reckon({"template", m.rules, "--format", "xlsx", "--out", dir + "/template.xlsx"});
        REQUIRE_MESSAGE(made.status == 0, made.err);
        REQUIRE(run_reckon({"template", m.rules, "--format", "csv", "--out", dir + "/csv"}).status == 0);
        auto members = read_zip(dir + "/template.xlsx");
        // The sheets in the template's order: the tables, then the instructions.
        for (std::size_t i = 0; i < m.tables.size(); ++i) {
            const std::string member = "xl/worksheets/sheet" + std::to_string(i + 1) + ".xml";
            auto it = std::find_if(members.begin(), members.end(), [&](const auto& x) { return x.first == member; });
            REQUIRE(it != members.end());
            CHECK(it->second.find("<dataValidations") != std::string::npos);  // each column is checked as it is typed
            auto header = csv_rows(read_file(dir + "/csv/" + m.tables[i].first + ".csv"))[0];
            std::string rows = filled_rows(header, csv_rows(read_file(source_dir() + "/" + m.tables[i].second)));
            auto end = it->second.find("</sheetData>");
            REQUIRE(end != std::string::npos);
            it->second.insert(end, rows);
        }
        write_zip(dir + "/filled.xlsx", members);
        std::vector<std::string> args = {"batch", m.rules, dir + "/filled.xlsx", "--format", "jsonl"};
        std::vector<std::string> yargs = {"batch", m.rules, m.yaml, "--format", "jsonl"};
        args.insert(args.end(), m.params.begin(), m.params.end());
        yargs.insert(yargs.end(), m.params.begin(), m.params.end());
        Run book = run_reckon(args), yaml = run_reckon(yargs);
        REQUIRE_MESSAGE(book.status == 0, book.err);
        REQUIRE(yaml.status == 0);
        CHECK(without_files(book.out) == without_files(yaml.out));
        std::filesystem::remove_all(dir);
    }
    // the checks as cells are typed: the offence type a drop-down of the members listed on sheet instructions,
    // the date a date, the severity a number of at least 0
    std::string dir = temp_dir();
    REQUIRE(run_reckon({"template", iom, "--format", "xlsx", "--out", dir + "/t.xlsx"}).status == 0);
    std::map<std::string, std::string> parts;
    for (auto& [name, text] : read_zip(dir + "/t.xlsx")) parts[name] = text;
    const std::string& offences = parts["xl/worksheets/sheet2.xml"];
    CHECK(parts["xl/workbook.xml"].find(R"(<sheet name="cases" sheetId="1" r:id="rId1"/><sheet name="offences" sheetId="2" r:id="rId2"/>)"
                                        R"(<sheet name="instructions" sheetId="3" r:id="rId3"/>)") != std::string::npos);
    // the members are listed under the instructions (row 16 names the enumeration), where no row is taller than a line
    CHECK(offences.find(R"(sqref="C2:C1048576"><formula1>instructions!$I$16:$I$35</formula1>)") != std::string::npos);
    // printed, the instructions do not overprint themselves (issue 36): the title is one line, not wrapped in a narrow
    // column; a row of wrapped text is as tall as its lines (the offence type's list of 20 members: 8 lines)
    const std::string& instructions = parts["xl/worksheets/sheet3.xml"];
    std::smatch title;
    REQUIRE(std::regex_search(instructions, title, std::regex(R"re(<c r="A1" s="([0-9]+)")re")));
    const std::string& styles = parts["xl/styles.xml"];
    const std::string xfs = styles.substr(styles.find("<cellXfs"));
    std::vector<std::string> xf;
    const std::regex one_xf("<xf [^>]*/>|<xf [^>]*>.*?</xf>");
    for (auto it = std::sregex_iterator(xfs.begin(), xfs.end(), one_xf); it != std::sregex_iterator(); ++it)
        xf.push_back(it->str());
    REQUIRE(std::stoul(title[1]) < xf.size());
    CHECK(xf[std::stoul(title[1])].find("wrapText") == std::string::npos);
    CHECK(instructions.find(R"(<row r="13" spans="1:9" ht="120" customHeight="1">)") != std::string::npos);
    CHECK(offences.find(R"(<dataValidation type="date")") != std::string::npos);
    CHECK(offences.find(R"(<dataValidation type="decimal" operator="greaterThanOrEqual")") != std::string::npos);
    CHECK(offences.find(R"(sqref="D2:D1048576"><formula1>0</formula1>)") != std::string::npos);
    for (const char* member : {"homicide", "commercial_robbery", "other"})
        CHECK(parts["xl/sharedStrings.xml"].find(std::string("<t>") + member + "</t>") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("template: the workbook is created on the run's date, so the same command writes the same bytes") {
    std::string dir = temp_dir();
    ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);  // 2023-11-14 22:13:20 UTC
    Run first = run_reckon({"template", iom, "--format", "xlsx", "--out", dir + "/a.xlsx"});
    Run second = run_reckon({"template", iom, "--format", "xlsx", "--out", dir + "/b.xlsx"});
    ::unsetenv("SOURCE_DATE_EPOCH");
    REQUIRE_MESSAGE(first.status == 0, first.err);
    REQUIRE_MESSAGE(second.status == 0, second.err);
    std::map<std::string, std::string> parts;
    for (auto& [name, text] : read_zip(dir + "/a.xlsx")) parts[name] = text;
    CHECK(parts["docProps/core.xml"].find(R"(<dcterms:created xsi:type="dcterms:W3CDTF">2023-11-14T00:00:00Z</dcterms:created>)") !=
          std::string::npos);
    CHECK(read_file(dir + "/a.xlsx") == read_file(dir + "/b.xlsx"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("xlsx: explain names each input's cell in the workbook, and the report names the workbook with its git blob id") {
    Run r = run_reckon({"explain", iom, "cases/iom-xlsx/master.xlsx", "baseline_offences", "--case", "N0003", "--param", "report_year=2023",
                        "--entries", "0"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(r.out.find("input offences = 6 entries    (master.xlsx[offences] rows 17, 18, 19, 20, 21, 22)") != std::string::npos);
    CHECK(r.out.find("input joined = 2023-05-02    (cases/iom-xlsx/master.xlsx[cases]:4:7, row 4, column joined, B4)") != std::string::npos);
    std::string dir = temp_dir();
    Run page = run_reckon({"report", iom, "cases/iom-xlsx/master.xlsx", "--param", "report_year=2023", "--out", dir + "/r.html"});
    REQUIRE_MESSAGE(page.status == 0, page.err);
    Run blob = run_program("/usr/bin/git", {"hash-object", "cases/iom-xlsx/master.xlsx"}, source_dir());
    REQUIRE(blob.status == 0);
    const std::string id = blob.out.substr(0, 40);
    CHECK(read_file(dir + "/r.html").find("<dt>Table</dt><dd><code>cases/iom-xlsx/master.xlsx</code> (git blob <code>" + id + "</code>)</dd>") !=
          std::string::npos);
    CHECK(read_file(dir + "/r.html").find("data-output=\"saving_pnc\"") != std::string::npos);
    std::filesystem::remove_all(dir);
}
