// merge checks everything it can (issue 42): a partial's counts within the run, its running totals the fold of
// the case lines it carries, each case's content its file's; --verify evaluates cases again from their files;
// and a merged page counts a case that failed as failed for every figure on it. Each forged partial here has its
// checksum made again, as a forger would: the refusals come from the checks, not from the checksum.
#include "support.hpp"

#include "commands/batch/partial.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <sstream>

using reckon::testing::read_file;
using reckon::testing::run_reckon;
using reckon::testing::write_file;

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::string iom = "rulesets/iom-annual-report.reckon";

// A copy of cases/iom in `dir`/iom, with its 4 shards' partials in `dir`/s1 … s4 (shard 1 holds positions 0, 4, …).
void shards_of_iom(const std::string& dir) {
    fs::copy(reckon::testing::source_dir() + "/cases/iom", dir + "/iom");
    for (const char* k : {"1", "2", "3", "4"})
        REQUIRE(run_reckon({"batch", iom, dir + "/iom", "--param", "report_year=2023", "--shard", std::string(k) + "/4", "--partial",
                            dir + "/s" + k, "--jobs", "1"})
                    .status == 0);
}

// `from` with line `at` (counted from 1) changed by `edit`, its checksum made again, written to `to`.
void forge(const std::string& from, const std::string& to, std::size_t at, const std::function<void(json&)>& edit) {
    std::istringstream in(read_file(from));
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    lines.pop_back();  // the checksum
    json j = json::parse(lines.at(at - 1));
    edit(j);
    lines.at(at - 1) = j.dump();
    reckon::PartialChecksum sum;
    std::string out;
    for (const auto& l : lines) sum.add(l), out += l + "\n";
    write_file(to, out + json{{"checksum", sum.hex()}}.dump() + "\n");
}

reckon::testing::Run merge(const std::string& dir, const std::string& first, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"merge", iom, dir + "/" + first, dir + "/s2", dir + "/s3", dir + "/s4", "--param", "report_year=2023"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_reckon(args);
}

void refused(const reckon::testing::Run& r, const std::string& message) {
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK_MESSAGE(r.err == message + "\n", r.err);
}

// The end line of shard 1 (60 cases: the header is line 1, the cases lines 2 to 61).
constexpr std::size_t end_line = 62;
json& running(json& end, const std::string& name, const std::string& field) {
    // the IOM cohort's running totals, in its plan's order: nominals_included's count first, baseline_offences' sum the sixth
    return end["end"]["runs"][0]["running"][name == "nominals_included" ? 0 : 5][field];
}

}  // namespace

TEST_CASE("merge refuses a partial whose end line is not the fold of its case lines, or whose counts are impossible") {
    const std::string dir = reckon::testing::temp_dir();
    shards_of_iom(dir);
    REQUIRE(merge(dir, "s1").status == 0);
    forge(dir + "/s1", dir + "/total", end_line, [](json& j) { running(j, "baseline_offences", "sum") = "1125"; });
    refused(merge(dir, "total"), dir + "/total:62: error: `baseline_offences`'s sum is 1125 on the end line, but the case lines give 125 (a "
                                       "total changed by hand?)");
    forge(dir + "/s1", dir + "/over", end_line, [](json& j) { running(j, "nominals_included", "count") = 257; });
    refused(merge(dir, "over"), dir + "/over:62: error: `nominals_included`'s count is 257 on the end line, more than the 240 cases of the whole run");
    forge(dir + "/s1", dir + "/negative", end_line, [](json& j) { running(j, "nominals_included", "count") = -5; });
    refused(merge(dir, "negative"),
            dir + "/negative:62: error: `nominals_included`'s count is -5 on the end line: a count is a whole number, never negative");
    forge(dir + "/s1", dir + "/plausible", end_line, [](json& j) { running(j, "nominals_included", "count") = 45; });
    refused(merge(dir, "plausible"), dir + "/plausible:62: error: `nominals_included`'s count is 45 on the end line, but the case lines give 41 "
                                           "(a total changed by hand?)");
    forge(dir + "/s1", dir + "/succeeded", end_line, [](json& j) { j["end"]["runs"][0]["cases"] = 61; });
    refused(merge(dir, "succeeded"), dir + "/succeeded:62: error: the count of cases that succeeded is 61 on the end line, but the case lines "
                                           "give 60 (a total changed by hand?)");
    // a case line's record of what the cohort reads changed, its total left: the fold of the lines differs
    forge(dir + "/s1", dir + "/record", 2, [](json& j) { j["records"][0][5] = "9999"; });
    CHECK(merge(dir, "record").status == 1);
    CHECK(merge(dir, "record").err.find(dir + "/record:62: error: `") == 0);
    for (const char* format : {"--format=jsonl", "--format=csv"}) {  // nothing written before a refusal, in any format
        const auto r = merge(dir, "total", {format});
        CHECK(r.status == 1);
        CHECK(r.out.empty());
    }
}

TEST_CASE("merge refuses a case file changed since its shard read it, naming the case, where the file is at hand") {
    const std::string dir = reckon::testing::temp_dir();
    shards_of_iom(dir);
    const std::string before = read_file(dir + "/iom/N0005.yaml");
    write_file(dir + "/iom/N0005.yaml", before + "# read again\n");
    const auto r = merge(dir, "s1");
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK_MESSAGE(r.err.find(dir + "/s1:3: error: case N0005: " + dir + "/iom/N0005.yaml has changed since the shard read it (its content is ") ==
                      0,
                  r.err);
    CHECK(r.err.find("): run the shards again\n") != std::string::npos);
    // A report page of the merge would read the changed case again for its tornado: refused too, nothing written.
    const auto page = merge(dir, "s1", {"--format", "html", "--out", dir + "/page.html"});
    CHECK(page.status == 1);
    CHECK_FALSE(fs::exists(dir + "/page.html"));
    // The file as it was: the merge goes on. A file not at hand is not checked (the merge runs elsewhere).
    write_file(dir + "/iom/N0005.yaml", before);
    CHECK(merge(dir, "s1").status == 0);
    fs::remove(dir + "/iom/N0005.yaml");
    CHECK(merge(dir, "s1").status == 0);
    // …but a page whose tornado reads every case again is not computed over the 239 at hand under a headline of 240
    const auto gone = merge(dir, "s1", {"--format", "html", "--out", dir + "/gone.html"});
    CHECK(gone.status == 1);
    CHECK_MESSAGE(gone.err.find(dir + "/iom/N0005.yaml: error: this case file, which the partials name, is not at hand") != std::string::npos,
                  gone.err);
    CHECK_FALSE(fs::exists(dir + "/gone.html"));
}

TEST_CASE("merge --verify evaluates cases again from their files and refuses a forged case line whose totals match") {
    const std::string dir = reckon::testing::temp_dir();
    shards_of_iom(dir);
    // N0001's output baseline_css changed, its record (what the cohort folds) left as it was: the case line and the
    // totals agree, and every check of the partial passes
    forge(dir + "/s1", dir + "/forged", 2, [](json& j) { j["outputs"][0][3] = "2266"; });
    CHECK(merge(dir, "forged").status == 0);
    CHECK(merge(dir, "forged", {"--verify", "0"}).status == 0);
    refused(merge(dir, "forged", {"--verify", "all"}),
            dir + "/forged:2: error: --verify: case N0001 (" + dir + "/iom/N0001.yaml): `baseline_css` is 2266 in the partial, 1266 from its file");
    // a member forged: both values named as the page shows them, not as the partial stores them ({"m":2})
    forge(dir + "/s1", dir + "/member", 2, [](json& j) { j["outputs"][0][1]["m"] = j["outputs"][0][1]["m"].get<int>() == 0 ? 1 : 0; });
    refused(merge(dir, "member", {"--verify", "all"}),
            dir + "/member:2: error: --verify: case N0001 (" + dir + "/iom/N0001.yaml): `status` is full_year in the partial, pro_rata from its file");
    CHECK(merge(dir, "s1", {"--verify", "all"}).status == 0);
    // N cases drawn by the seed: the same seed, the same cases; drawing every case catches it whatever the seed
    CHECK(merge(dir, "forged", {"--verify", "240", "--seed", "7"}).status == 1);
    std::size_t caught = 0;
    for (const char* seed : {"1", "2", "3", "4", "5", "6", "7", "8"}) {
        const auto r = merge(dir, "forged", {"--verify", "60", "--seed", seed});
        CHECK(r.status == merge(dir, "forged", {"--verify", "60", "--seed", seed}).status);
        caught += r.status == 1;
    }
    CHECK(caught > 0);
    CHECK(caught < 8);
    const auto bad = merge(dir, "s1", {"--verify", "some"});
    CHECK(bad.status == 2);
    CHECK(bad.err == "reckon: error: --verify some: expected a number of cases (0 to 2^64 - 1) or `all`\n");
    for (const char* seed : {"-1", "18446744073709551616"}) {  // not taken modulo 2^64: two seeds never draw alike by accident
        const auto r = merge(dir, "s1", {"--verify", "3", "--seed", seed});
        CHECK(r.status == 2);
        CHECK(r.err.find("--seed: " + std::string(seed) + ": expected a whole number from 0 to 18446744073709551615, as in --seed 42") !=
              std::string::npos);
    }
}

TEST_CASE("merge --format html: a case that failed is failed for every figure on the page, which are those over the other 239") {
    const std::string dir = reckon::testing::temp_dir();
    fs::copy(reckon::testing::source_dir() + "/cases/iom", dir + "/good");
    fs::rename(dir + "/good/N0003.yaml", dir + "/N0003.yaml");
    const auto good = run_reckon({"report", iom, dir + "/good", "--param", "report_year=2023", "--out", dir + "/good.html"});
    REQUIRE(good.status == 0);
    fs::copy(dir + "/good", dir + "/iom");
    std::string bad = read_file(dir + "/N0003.yaml");
    bad.replace(bad.find("joined: 2023-05-02"), 18, "joined: not-a-date");
    write_file(dir + "/iom/N0003.yaml", bad);
    for (const char* k : {"1", "2", "3", "4"})
        REQUIRE(run_reckon({"batch", iom, dir + "/iom", "--param", "report_year=2023", "--shard", std::string(k) + "/4", "--partial",
                            dir + "/s" + k, "--jobs", "1"})
                    .status == 0);
    const auto r = merge(dir, "s1", {"--format", "html", "--out", dir + "/merged.html"});
    CHECK(r.status == 1);  // a case failed, as for report
    std::string page = read_file(dir + "/merged.html");
    // What names the failed case, taken out: the rest is the page of the 239 good cases, byte for byte
    auto cut = [&](const std::string& from, const std::string& to) {
        const auto a = page.find(from);
        REQUIRE(a != std::string::npos);
        page.erase(a, page.find(to, a) + to.size() - a);
    };
    auto replace = [&](const std::string& what, const std::string& with) {
        const auto a = page.find(what);
        REQUIRE(a != std::string::npos);
        page.replace(a, what.size(), with);
    };
    replace("240 cases, <span class=\"failed\">1 failed</span>", "239 cases");
    cut("<section class=\"banner\" role=\"alert\" id=\"failed-banner\">", "</section>\n");
    cut("<section class=\"failures\" id=\"failures\">", "</section>\n");
    replace("<dd>240, of which 1 failed</dd>", "<dd>239, of which 0 failed</dd>");
    CHECK(page == read_file(dir + "/good.html"));
    // The case made good after the shards ran: the page would mix two sets of cases; refused, nothing written.
    write_file(dir + "/iom/N0003.yaml", read_file(dir + "/N0003.yaml"));
    const auto after = merge(dir, "s1", {"--format", "html", "--out", dir + "/after.html"});
    CHECK(after.status == 1);
    CHECK(after.err.find(dir + "/s1:2: error: case N0003: ") == std::string::npos);  // N0003 is in shard 3
    CHECK_MESSAGE(after.err.find(dir + "/s3:2: error: case ") == 0, after.err);
    CHECK_FALSE(fs::exists(dir + "/after.html"));
}

TEST_CASE("merge refuses a case line whose output is not a value of its type, and --verify a case renamed") {
    const std::string dir = reckon::testing::temp_dir();
    shards_of_iom(dir);
    auto first = [](json& outputs, auto&& is) -> json& {
        for (auto& v : outputs)
            if (is(v)) return v;
        FAIL("no such output");
        return outputs[0];
    };
    // a member its enumeration does not have (this crashed merge, exit 3), then a text where a number is
    forge(dir + "/s1", dir + "/member", 2, [&](json& j) { first(j["outputs"][0], [](const json& v) { return v.is_object() && v.contains("m"); }) = json{{"m", 99}}; });
    forge(dir + "/s1", dir + "/text", 2, [&](json& j) { first(j["outputs"][0], [](const json& v) { return v.is_string(); }) = json{{"t", "EVIL"}}; });
    for (const char* forged : {"member", "text"}) {
        const auto r = merge(dir, forged, {"--format", "csv"});
        CHECK(r.status == 1);
        CHECK(r.out.empty());
        CHECK_MESSAGE(r.err.rfind(dir + "/" + forged + ":2: error: case ", 0) == 0, r.err);
        CHECK_MESSAGE(r.err.find("is not a value of its type") != std::string::npos, r.err);
    }
    // a case renamed: its figures are its file's, but its name is not
    std::string id;
    forge(dir + "/s1", dir + "/renamed", 2, [&](json& j) { id = j["case"].get<std::string>(); j["case"] = "N9999"; });
    const auto r = merge(dir, "renamed", {"--verify", "all"});
    CHECK(r.status == 1);
    CHECK_MESSAGE(r.err.find("its file names the case " + id + ", not N9999") != std::string::npos, r.err);
}

// Found by the partial fuzzer (tests/fuzz/corpus/partial/number-out-of-range.jsonl): a number where a whole number
// of a given range is read, written as a fraction, with an exponent or too large, was cast (undefined behaviour,
// reported by UBSan). Each is now a field of the wrong kind, refused in words.
TEST_CASE("merge refuses a partial whose whole numbers are fractions, exponents or out of range, naming the line") {
    const std::string dir = reckon::testing::temp_dir();
    shards_of_iom(dir);
    // a shard's number is an unsigned int: 2^64 - 1 is out of its range too
    for (const json& bad : {json(184467440737095516154.0), json(1.5), json(-1), json(18446744073709551615ULL)}) {
        INFO(bad.dump());
        forge(dir + "/s1", dir + "/header", 1, [&](json& j) { j["shard"] = bad; });
        refused(merge(dir, "header"), dir + "/header:1: error: the header of a partial result lacks a field, or has one of the wrong kind");
    }
    for (const json& bad : {json(184467440737095516154.0), json(1.5), json(-1)}) {
        INFO(bad.dump());
        forge(dir + "/s1", dir + "/at", 2, [&](json& j) { j["at"] = bad; });
        refused(merge(dir, "at"), dir + "/at:2: error: a case's line lacks a field, or has one of the wrong kind");
    }
}
