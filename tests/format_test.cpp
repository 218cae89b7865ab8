// `reckon fmt`: one canonical layout, idempotent, comments kept.
#include "support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <sstream>

using namespace reckon::testing;

namespace {
// The rule files of the repository that parse (golden syntax cases do not, on purpose).
std::vector<std::string> rule_files() {
    std::vector<std::string> files;
    for (const char* dir : {"rulesets", "tests/golden"})
        for (const auto& e : std::filesystem::recursive_directory_iterator(source_dir() + "/" + dir))
            if (e.path().extension() == ".reckon") files.push_back(e.path().string());
    return files;
}

std::string formatted(const std::string& dir, const std::string& text) {
    write_file(dir + "/r.reckon", text);
    Run r = run_reckon({"fmt", "r.reckon"}, dir);
    REQUIRE_MESSAGE(r.status == 0, r.err);
    return read_file(dir + "/r.reckon");
}
}  // namespace

TEST_CASE("fmt: every rule file of the repository formats to itself the second time") {
    std::string dir = temp_dir();
    int n = 0;
    for (const auto& f : rule_files()) {
        CAPTURE(f);
        std::string text = read_file(f);
        write_file(dir + "/r.reckon", text);
        if (run_reckon({"check", "r.reckon"}, dir).err.find("error: expected") != std::string::npos) continue;  // a syntax case
        std::string once = formatted(dir, text);
        CHECK(formatted(dir, once) == once);
        ++n;
    }
    CHECK(n >= 10);
    CHECK(run_reckon({"fmt", "--check", "rulesets"}).status == 0);  // the rulesets are kept formatted
}

TEST_CASE("fmt: a mangled layout comes back to the canonical file, comments and all") {
    const std::string canonical = read_file(source_dir() + "/rulesets/iom-annual-report.reckon");
    std::istringstream in(canonical);
    std::string mangled;
    int i = 0;
    for (std::string line; std::getline(in, line); ++i) {
        if (line.rfind("  |", 0) == 0) line = std::regex_replace(line, std::regex(" +\\| *"), " | ");  // unaligned table
        else if (line.rfind("  ", 0) == 0 && line[2] != ' ') line = (i % 2 ? "\t " : "   ") + line.substr(2);  // odd indents, tabs
        else if (line.rfind("rule ", 0) == 0) line = "    rule    " + line.substr(5);  // an indented declaration, spaces
        else if (line.rfind("output ", 0) == 0) line = "output  " + line.substr(7);
        else if (line.rfind("# ", 0) == 0) line = "      " + line;  // a comment out of place
        mangled += line + "   \r\n";                               // trailing spaces, CRLF
        if (line.empty()) mangled += "\r\n\r\n";                   // extra blank lines
    }
    REQUIRE(mangled != canonical);
    std::string dir = temp_dir();
    write_file(dir + "/r.reckon", mangled);
    Run check = run_reckon({"fmt", "--check", "r.reckon"}, dir);
    CHECK(check.status == 1);
    CHECK(check.out == "r.reckon\n");
    CHECK(read_file(dir + "/r.reckon") == mangled);  // --check changes nothing
    CHECK(formatted(dir, mangled) == canonical);
}

TEST_CASE("fmt: a file that does not parse is reported, not rewritten") {
    std::string dir = temp_dir();
    write_file(dir + "/bad.reckon", "param x = \n");
    Run r = run_reckon({"fmt", "bad.reckon"}, dir);
    CHECK(r.status == 1);
    CHECK(r.err.rfind("bad.reckon:1:", 0) == 0);
    CHECK(read_file(dir + "/bad.reckon") == "param x = \n");
}

TEST_CASE("fmt: a money rate written as a division becomes the rate as reckon writes it, and means the same") {
    const std::string dir = temp_dir();
    const std::string before =
        "unit week\nunit year = 52 week\ncurrency GBP \"£\"\n"
        "param salary = £32,000 / 1 year \"not in a string: £1 / 1 year\"\n"
        "param weekly = £195 / 1 week + £201.10 / 1 week\n"
        "input a: number\n"
        "output per = a / £5 / 1 week\n";
    const std::string after = formatted(dir, before);
    CHECK(after == "unit week\nunit year = 52 week\ncurrency GBP \"£\"\n"
                   "param salary = £32,000/year \"not in a string: £1 / 1 year\"\n"
                   "param weekly = £195/week + £201.10/week\n"
                   "input a: number\n"
                   "output per = a / £5 / 1 week\n");  // after a '/', a / £5/week would mean another thing: left as it is
    write_file(dir + "/before.reckon", before);
    write_file(dir + "/after.reckon", after);
    Run d = run_reckon({"diff", "before.reckon", "after.reckon"}, dir);
    CHECK(d.out.find("\nparams\n") == std::string::npos);  // the same methodology (the names differ, nothing else)
    CHECK(d.out.find("\nrules\n") == std::string::npos);
    CHECK(d.out.find("\nheader\n") != std::string::npos);
}

TEST_CASE("fmt: a table row's own source stays on its row, after the aligned cells") {
    const std::string dir = temp_dir();
    const std::string after = formatted(dir,
        "currency GBP \"£\"\ntype K = one of a, bb\ntable t: K -> {x: GBP}\n"
        "  | a | £1 |\n  |   bb   |  £22 |   source   \"Row's own, | kept\"\n");
    CHECK(after == "currency GBP \"£\"\ntype K = one of a, bb\ntable t: K -> {x: GBP}\n"
                   "  | a  |  £1 |\n  | bb | £22 | source \"Row's own, | kept\"\n");
}

TEST_CASE("fmt: an amount of a currency with a symbol is written with it wherever a value is written and means the same") {
    const std::string dir = temp_dir();
    std::filesystem::create_directories(dir + "/lib");
    write_file(dir + "/lib/money.reckon", "unit year\nunit hour\ncurrency GBP \"£\"\ncurrency XTS \"test units\"\n");
    const std::string before =
        "ruleset \"spelling\"\n"
        "  dated by day_of\n"
        "import \"lib/money.reckon\"\n"
        "param day_of = 2024-01-01\n"
        "param salary = 7,689 GBP/year range 7000 GBP/year to 8,000.50 GBP/year\n"
        "param fee = 1650 GBP from 2020-01-01, 1,700 GBP from 2023-04-01\n"
        "param many = max(1,650 GBP, 2 GBP) \"not in a string: 5 GBP\"\n"
        "param odd = 3 XTS\nparam odder = 2 GBP*hour/hour + 2 GBP/hour^2 * 1 hour^2\n"
        "table bands: number -> {charge: GBP}\n"
        "  | 1 | 5 GBP |\n"
        "  | 2 | 1,250.75 GBP |\n"
        "input hours: hour min 0 hour max 100 hour\n"
        "input spend: GBP min 0 GBP\n"
        "output pay: GBP/year = round(salary * 2, 1 GBP/year) headline to 1,000 GBP/year\n"
        "output cost: GBP = if spend > 100 GBP then spend - 5.5GBP else bands(1).charge + fee + many + 0 * hours * 1 GBP/hour\n";
    const std::string after = formatted(dir, before);
    CHECK(after == "ruleset \"spelling\"\n"
                   "  dated by day_of\n"
                   "import \"lib/money.reckon\"\n"
                   "param day_of = 2024-01-01\n"
                   "param salary = £7,689/year range £7,000/year to £8,000.50/year\n"
                   "param fee = £1,650 from 2020-01-01, £1,700 from 2023-04-01\n"
                   "param many = max(£1,650, £2) \"not in a string: 5 GBP\"\n"
                   // a currency with no symbol money is written with, and money by a unit's power: left as they are
                   "param odd = 3 XTS\nparam odder = 2 GBP*hour/hour + 2 GBP/hour^2 * 1 hour^2\n"
                   "table bands: number -> {charge: GBP}\n"
                   "  | 1 |        £5 |\n"
                   "  | 2 | £1,250.75 |\n"
                   "input hours: hour min 0 hour max 100 hour\n"
                   "input spend: GBP min £0\n"
                   "output pay: GBP/year = round(salary * 2, £1/year) headline to £1,000/year\n"
                   "output cost: GBP = if spend > £100 then spend - £5.5 else bands(1).charge + fee + many + 0 * hours * £1/hour\n");
    CHECK(formatted(dir, after) == after);  // once is enough
    write_file(dir + "/before.reckon", before);
    write_file(dir + "/after.reckon", after);
    Run d = run_reckon({"diff", "before.reckon", "after.reckon"}, dir);
    CHECK(d.status == 0);
    CHECK(d.out == "--- before.reckon\n+++ after.reckon\n\nNo change to the methodology.\n");
    write_file(dir + "/c.yaml", "hours: 2\nspend: 150\n");
    const Run a = run_reckon({"eval", "before.reckon", "c.yaml", "--format", "json"}, dir);
    const Run b = run_reckon({"eval", "after.reckon", "c.yaml", "--format", "json"}, dir);
    REQUIRE(a.status == 0);
    CHECK(a.out == b.out);
}

TEST_CASE("fmt: a test of the cohort, its cases listed and its run data, comes back to one layout, the second time unchanged") {
    const std::string canonical =
        "run input budget: number\ninput offences: number\ncohort output offences \"Offences\" = sum(c.offences for c in cases)\n\n"
        "test \"the cohort\" cases \"a.yaml\", \"b.yaml\" run data \"budget.yaml\"\n  given x = 1\n  expect offences == 4  # 1 + 3\n";
    const std::string mangled =
        "run input budget: number\ninput offences: number\ncohort output offences \"Offences\" = sum(c.offences for c in cases)\n\n\n"
        "test   \"the cohort\"  cases \"a.yaml\",  \"b.yaml\"\trun   data \"budget.yaml\"\n\tgiven x = 1\n   expect   offences == 4   # 1 + 3\n";
    std::string dir = temp_dir();
    const std::string once = formatted(dir, mangled);
    CHECK(once == canonical);
    CHECK(formatted(dir, once) == once);
}
