// Scale: the cohort folded as the cases stream, and a run split into shards and merged. The contract: the
// cohort's figures from the running totals are the figures over the whole column of cases, exactly, errors
// included, however the cases are split into shards and in whatever order the shards are merged; and
// `reckon merge` of the shards' partial results writes, byte for byte, what one `reckon batch` writes, on stdout
// and stderr, with its exit status, or refuses, naming the file, partials that do not make one run.
#include "support.hpp"

#include "commands/batch/batch.hpp"
#include "commands/batch/partial.hpp"
#include "core/eval/cohort_fold.hpp"
#include "core/compile/compile.hpp"
#include "core/eval/eval.hpp"

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>

using reckon::testing::read_file;
using reckon::testing::run_reckon;
using reckon::testing::write_file;

namespace {

namespace fs = std::filesystem;

// The cohort's figures as text (each value exactly, as a partial writes it), or the error, rendered.
std::string shown(const std::function<std::vector<reckon::Value>()>& figures) {
    try {
        std::string out;
        for (const auto& v : figures()) out += reckon::value_json(v).dump() + "\n";
        return out;
    } catch (const reckon::EvalError& e) {
        return "error: " + reckon::render(e.diagnostic());
    }
}

struct Cohort {
    std::shared_ptr<reckon::Program> p;
    std::vector<reckon::Value> params;
    std::vector<reckon::Value> records;  // each case's, as the cohort reads it
};

Cohort read_cohort(const std::string& ruleset, const std::string& folder, const std::vector<reckon::ParamSetting>& settings) {
    Cohort c;
    c.p = reckon::compile(reckon::testing::source_dir() + "/" + ruleset, settings);
    c.params = reckon::bind_params(*c.p, reckon::command_line_overrides(*c.p));
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(reckon::testing::source_dir() + "/" + folder)) files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        std::vector<reckon::Value> row;
        reckon::evaluate_outputs(*c.p, c.params, reckon::load_case_file(*c.p, f), &row);
        c.records.push_back(reckon::Value::list(std::move(row)));
    }
    return c;
}

// Over the whole column, as the cohort was evaluated before it folded.
std::string over_the_column(const Cohort& c) {
    return shown([&] {
        const reckon::Value all = reckon::Value::list(c.records);
        reckon::Evaluator ev(*c.p, c.params, all);
        std::vector<reckon::Value> values;
        for (int slot : c.p->cohort_outputs) values.push_back(ev.rule(slot));
        return values;
    });
}

// Folded in `shards` shards (case i in shard i mod shards), the shards' totals merged last first.
std::string folded(const Cohort& c, std::size_t shards) {
    const reckon::FoldPlan plan(*c.p);
    std::vector<reckon::CohortTotals> totals;
    for (std::size_t k = 0; k < shards; ++k) totals.emplace_back(plan, *c.p);
    for (std::size_t i = 0; i < c.records.size(); ++i)
        totals[i % shards].add(i, reckon::case_parts(plan, *c.p, c.params, c.records[i]));
    for (std::size_t k = shards; k-- > 1;) totals[0].merge(std::move(totals[k]));
    CHECK(totals[0].cases() == c.records.size());
    return shown([&] { return reckon::cohort_figures(*c.p, c.params, totals[0]); });
}

}  // namespace

TEST_CASE("fold: every kind of cohort figure from running totals is the figure over the whole column, in any shards") {
    for (const char* check : {"check=0", "check=1", "check=2"}) {
        CAPTURE(check);
        const Cohort c = read_cohort("tests/rulesets/fold.reckon", "tests/cases/fold", {{"check", std::string(check).substr(6)}});
        REQUIRE(c.records.size() == 23);
        const std::string column = over_the_column(c);
        for (std::size_t shards : {1, 2, 3, 5, 23, 30}) {
            CAPTURE(shards);
            CHECK(folded(c, shards) == column);
        }
        if (std::string(check) == "check=0") {  // worked by hand from the 23 cases (amount (37i mod 50 - 15)/4, kind a b c in turn)
            CHECK(column.rfind("\"23\"\n\"68\"\n\"-15/4\"\n\"33/2\"\n[\"19/2\",\"21\",\"47/2\"]\n[\"8\",\"8\",\"7\"]\n", 0) == 0);
            CHECK(column.find("[{\"t\":\"F00\"},{\"t\":\"F03\"},{\"t\":\"F06\"},{\"t\":\"F09\"},{\"t\":\"F12\"},{\"t\":\"F15\"},{\"t\":\"F18\"},{\"t\":\"F21\"}]") !=
                  std::string::npos);
        }
        if (std::string(check) == "check=1")  // case F07's divisor is 0
            CHECK(column.rfind("error: " + c.p->sources[0]->path() + ":27:", 0) == 0);
        if (std::string(check) == "check=2") CHECK(column.find("max() of an empty list has no value") != std::string::npos);
    }
    // The figure that reads the whole column keeps the records; the others fold.
    const Cohort c = read_cohort("tests/rulesets/fold.reckon", "tests/cases/fold", {});
    const reckon::FoldPlan plan(*c.p);
    CHECK(plan.keeps_records());
    CHECK(plan.sites().size() == 9);   // above_mean's count reads cases_n: it does not fold
    CHECK(plan.totals() == 9 + 2 + 2); // by_kind and count_by_kind: a total per member of Kind
}

TEST_CASE("fold: methodology B's cohort folds whole (no record kept) and gives the column's figures in any shards") {
    const Cohort c = read_cohort("rulesets/iom-annual-report.reckon", "cases/iom", {{"report_year", "2023"}});
    const reckon::FoldPlan plan(*c.p);
    CHECK_FALSE(plan.keeps_records());
    const std::string column = over_the_column(c);
    CHECK(column.find("error") == std::string::npos);
    for (std::size_t shards : {1, 4, 7}) CHECK(folded(c, shards) == column);
}

namespace {

// `reckon batch ARGS` over `cases` once, and in `shards` shards (shard k with --jobs k mod 2 + 1) merged with
// `reckon merge`, in each format: the two runs' stdout, stderr and status compared.
// `cases`: the case files with how to read them (--list), given to the batch and the shards, not to the merge.
void shards_merge_as_one(const std::string& ruleset, const std::vector<std::string>& cases, const std::vector<std::string>& settings,
                         unsigned shards) {
    const std::string dir = reckon::testing::temp_dir();
    std::vector<std::string> partials;
    for (unsigned k = 1; k <= shards; ++k) {
        std::vector<std::string> args = {"batch", ruleset};
        args.insert(args.end(), cases.begin(), cases.end());
        args.insert(args.end(), settings.begin(), settings.end());
        partials.push_back(dir + "/shard-" + std::to_string(k) + ".jsonl");
        args.insert(args.end(), {"--shard", std::to_string(k) + "/" + std::to_string(shards), "--partial", partials.back()});
        args.push_back("--jobs=" + std::to_string(k % 2 + 1));
        const auto r = run_reckon(args);
        REQUIRE_MESSAGE(r.status == 0, r.err);
        CHECK(r.out.empty());
        CHECK(r.err.find("shard " + std::to_string(k) + "/" + std::to_string(shards) + ": ") != std::string::npos);
    }
    std::reverse(partials.begin(), partials.end());  // any order
    for (const std::string format : {"table", "jsonl", "csv"}) {
        CAPTURE(format);
        std::vector<std::string> one = {"batch", ruleset};
        one.insert(one.end(), cases.begin(), cases.end());
        one.insert(one.end(), settings.begin(), settings.end());
        one.push_back("--format=" + format);
        std::vector<std::string> merged = {"merge", ruleset};
        merged.insert(merged.end(), partials.begin(), partials.end());
        merged.insert(merged.end(), settings.begin(), settings.end());
        merged.push_back("--format=" + format);
        const auto a = run_reckon(one);
        const auto b = run_reckon(merged);
        CHECK(a.out.size() > 200);
        CHECK(b.out == a.out);
        CHECK(b.err == a.err);
        CHECK(b.status == a.status);
    }
    // the workbook and the report page: the same bytes, written by one batch (or report) and by the merge
    for (const std::string format : {"xlsx", "html"}) {
        CAPTURE(format);
        std::vector<std::string> one = {format == "html" ? "report" : "batch", ruleset};
        one.insert(one.end(), cases.begin(), cases.end());
        one.insert(one.end(), settings.begin(), settings.end());
        if (format == "xlsx") one.push_back("--format=xlsx");
        one.insert(one.end(), {"--out", dir + "/one." + format});
        std::vector<std::string> merged = {"merge", ruleset};
        merged.insert(merged.end(), partials.begin(), partials.end());
        merged.insert(merged.end(), settings.begin(), settings.end());
        merged.insert(merged.end(), {"--format=" + format, "--out", dir + "/merged." + format});
        const auto a = run_reckon(one);
        const auto b = run_reckon(merged);
        CHECK(b.status == a.status);
        CHECK(a.out.empty());
        CHECK(b.out.empty());
        std::string err = a.err;  // the same, but for the file it names
        for (std::size_t at; (at = err.find(dir + "/one.")) != std::string::npos;) err.replace(at, dir.size() + 5, dir + "/merged.");
        CHECK(b.err == err);
        if (a.status == 0 || fs::exists(dir + "/one." + format)) {
            const std::string written = read_file(dir + "/one." + format);
            CHECK(written.size() > 2000);
            CHECK(read_file(dir + "/merged." + format) == written);
        } else {
            CHECK_FALSE(fs::exists(dir + "/merged." + format));
        }
    }
}

}  // namespace

TEST_CASE("merge: 4 shards of methodology A and of B under scenarios give one run's output byte for byte, workbook and report too") {
    const std::string dir = reckon::testing::temp_dir();
    REQUIRE(reckon::testing::run_program(RECKON_GEN_SUSSEX, {dir, "60"}).status == 0);
    shards_merge_as_one("rulesets/sussex-complex-client.reckon", {dir}, {}, 4);
    shards_merge_as_one("rulesets/sussex-complex-client.reckon", {"cases/sussex"}, {}, 4);  // one case: three shards empty
    shards_merge_as_one("rulesets/iom-annual-report.reckon", {"cases/iom"}, {"--scenarios", "rulesets/iom-annual-report.years.yaml"}, 4);
    shards_merge_as_one("rulesets/iom-annual-report.reckon", {"cases/iom"}, {"--param", "report_year=2023"}, 3);
    // B from its CSV tables: the merge reads how the shards read them (the tables, --list) from the partials
    REQUIRE(reckon::testing::run_program(RECKON_GEN_IOM, {"--csv", dir + "/iom", "300"}).status == 0);
    shards_merge_as_one("rulesets/iom-annual-report.reckon", {dir + "/iom/nominals.csv", "--list", "offences=" + dir + "/iom/offences.csv"},
                        {"--param", "report_year=2023"}, 4);
}

TEST_CASE("merge: a failed case, and a cohort figure that fails, are reported as one run reports them (exit 1)") {
    const std::string dir = reckon::testing::temp_dir();
    fs::copy(reckon::testing::source_dir() + "/tests/cases/fold", dir + "/cases");
    write_file(dir + "/cases/c11.yaml", "id: F11\nkind: d\namount: 1\n");  // no member d
    shards_merge_as_one("tests/rulesets/fold.reckon", {dir + "/cases"}, {"--param", "check=1"}, 4);
    shards_merge_as_one("tests/rulesets/fold.reckon", {dir + "/cases"}, {"--param", "check=2"}, 2);
    const auto one = run_reckon({"batch", "tests/rulesets/fold.reckon", dir + "/cases", "--param", "check=1"});
    CHECK(one.status == 1);
    CHECK(one.err.find("c11.yaml:2:7: error") != std::string::npos);
    CHECK(one.err.find("division by zero") != std::string::npos);
    // the cohort's error names the case that met it (and the merge, which said the same, read it from a partial)
    CHECK_MESSAGE(one.err.find("  note: in case F07 (" + dir + "/cases/c07.yaml)\n  note: while evaluating output 'ratio'") != std::string::npos, one.err);
    // …and its document, in a stream of cases
    std::string stream;
    for (const char* c : {"c05", "c06", "c07", "c08"}) stream += "---\n" + read_file(dir + "/cases/" + c + ".yaml");
    write_file(dir + "/cohort.yaml", stream);
    const auto streamed = run_reckon({"batch", "tests/rulesets/fold.reckon", dir + "/cohort.yaml", "--param", "check=1"});
    CHECK(streamed.status == 1);
    CHECK_MESSAGE(streamed.err.find("  note: in case F07 (" + dir + "/cohort.yaml, document 3)\n") != std::string::npos, streamed.err);
}

TEST_CASE("merge refuses partials that do not make one run, naming the file, and writes nothing") {
    const std::string dir = reckon::testing::temp_dir();
    const std::string iom = "rulesets/iom-annual-report.reckon";
    auto shard = [&](const std::string& k, const std::string& file, std::vector<std::string> extra = {}) {
        std::vector<std::string> args = {"batch", iom, "cases/iom", "--shard", k, "--partial", dir + "/" + file};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_reckon(args);
    };
    for (const char* k : {"1", "2", "3"}) REQUIRE(shard(std::string(k) + "/3", std::string("p") + k).status == 0);
    REQUIRE(shard("2/3", "other-params", {"--param", "report_year=2022"}).status == 0);
    REQUIRE(shard("2/4", "of-four").status == 0);
    auto merge = [&](std::vector<std::string> files, const std::string& ruleset = "rulesets/iom-annual-report.reckon") {
        std::vector<std::string> args = {"merge", ruleset};
        for (const auto& f : files) args.push_back(dir + "/" + f);
        return run_reckon(args);
    };
    auto refused = [&](const reckon::testing::Run& r, const std::string& message) {
        CHECK(r.status == 1);
        CHECK(r.out.empty());
        CHECK_MESSAGE(r.err.find(message) != std::string::npos, r.err);
    };
    refused(merge({"p1", "p3"}), "reckon: error: shard 2/3 is missing: merge needs every shard's partial");
    refused(merge({"p1"}), "reckon: error: shards 2/3, 3/3 are missing");
    refused(merge({"p1", "p2", "p3", "p2"}), dir + "/p2: error: shard 2/3 again (also " + dir + "/p2)");
    refused(merge({"p1", "other-params", "p3"}), dir + "/other-params: error: made with other params, scenarios or table cells than this merge's");
    refused(merge({"p1", "p2", "p3"}, "rulesets/sussex-complex-client.reckon"), dir + "/p1: error: made with another ruleset");
    refused(merge({"p1", "p2", "p3", "of-four"}), dir + "/of-four: error: shard 2/4, but " + dir + "/p1 is shard 1/3");
    write_file(dir + "/cut", read_file(dir + "/p2").substr(0, read_file(dir + "/p2").rfind("{\"end\"")));
    refused(merge({"p1", "cut", "p3"}), dir + "/cut:1: error: the partial result does not end with its checksum: it is not whole");
    std::string changed = read_file(dir + "/p2");
    changed.replace(changed.find("\"at\":1,"), 7, "\"at\":4,");  // a case moved by hand
    write_file(dir + "/changed", changed);
    refused(merge({"p1", "changed", "p3"}), dir + "/changed:1: error: the partial result is not as its shard wrote it (its checksum does not match)");
    for (const char* format : {"--format=jsonl", "--format=csv"}) {  // nothing written before the refusal, in any format
        const auto r = run_reckon({"merge", iom, dir + "/p1", dir + "/cut", dir + "/p3", format});
        CHECK(r.status == 1);
        CHECK(r.out.empty());
    }
    write_file(dir + "/not", "nominal: N1\n");
    refused(merge({"p1", "not", "p3"}), dir + "/not:1: error: not a partial result");
    // A shard run again overwrites its own partial: the merge is as before.
    const auto before = merge({"p1", "p2", "p3"});
    REQUIRE(before.status == 0);
    REQUIRE(shard("2/3", "p2").status == 0);
    CHECK(merge({"p3", "p2", "p1"}).out == before.out);
    CHECK(fs::directory_iterator(dir) != fs::directory_iterator());
    for (const auto& e : fs::directory_iterator(dir)) CHECK(e.path().filename().string().find(".tmp") == std::string::npos);
}

TEST_CASE("batch --shard and --partial, and merge --format: their command-line errors (exit 2)") {
    const std::string dir = reckon::testing::temp_dir();
    auto r = run_reckon({"batch", "rulesets/iom-annual-report.reckon", "cases/iom", "--shard", "5/4", "--partial", dir + "/p"});
    CHECK(r.status == 2);
    CHECK(r.err == "reckon: error: --shard 5/4: expected K/N, shard K of N with 1 <= K <= N <= 999999, as in --shard 2/4\n");
    // N over the cap: the message says the cap (issue 42)
    r = run_reckon({"batch", "rulesets/iom-annual-report.reckon", "cases/iom", "--shard", "1/1000000", "--partial", dir + "/p"});
    CHECK(r.status == 2);
    CHECK(r.err == "reckon: error: --shard 1/1000000: a run is split into at most 999999 shards (K and N of at most six digits)\n");
    r = run_reckon({"batch", "rulesets/iom-annual-report.reckon", "cases/iom", "--shard", "1/4"});
    CHECK(r.status == 2);
    CHECK(r.err == "reckon: error: --shard 1/4 without --partial FILE: a shard writes a partial result, for reckon merge\n");
    r = run_reckon({"batch", "rulesets/iom-annual-report.reckon", "cases/iom", "--shard", "1/4", "--partial", dir + "/p", "--format", "csv"});
    CHECK(r.status == 2);
    CHECK(r.err == "reckon: error: --format with --partial: a shard writes a partial result; give --format to reckon merge\n");
    CHECK_FALSE(fs::exists(dir + "/p"));
    REQUIRE(run_reckon({"batch", "rulesets/iom-annual-report.reckon", "cases/iom", "--shard", "1/1", "--partial", dir + "/p"}).status == 0);
    r = run_reckon({"merge", "rulesets/iom-annual-report.reckon", dir + "/p", "--format", "xlsx"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "reckon: error: --format xlsx writes a workbook: give the file with --out FILE.xlsx\n");
    r = run_reckon({"merge", "rulesets/iom-annual-report.reckon", dir + "/p", "--format", "html"});
    CHECK(r.status == 2);
    CHECK(r.err == "reckon: error: --format html writes a report page: give the file with --out FILE.html\n");
}

namespace {

// The fenced blocks of a Markdown page in `language` after the first line holding `after`, in order.
std::vector<std::string> blocks(const std::string& markdown, const std::string& language, const std::string& after) {
    std::vector<std::string> out;
    std::size_t at = markdown.find(after);
    REQUIRE(at != std::string::npos);
    const std::string fence = "```" + language + "\n";
    while ((at = markdown.find(fence, at)) != std::string::npos) {
        const std::size_t body = at + fence.size();
        const std::size_t end = markdown.find("```\n", body);
        out.push_back(markdown.substr(body, end - body));
        at = end + 4;
    }
    return out;
}

// A folder as the docs' scripts expect: rulesets/ and cases/ of the repository, reckon on the PATH.
std::string script_dir() {
    const std::string dir = reckon::testing::temp_dir();
    fs::create_directory_symlink(reckon::testing::source_dir() + "/rulesets", dir + "/rulesets");
    fs::create_directory_symlink(reckon::testing::source_dir() + "/cases", dir + "/cases");
    fs::create_directory(dir + "/bin");
    fs::create_symlink(RECKON_BINARY, dir + "/bin/reckon");
    return dir;
}

reckon::testing::Run shell(const std::string& dir, const std::string& script, const std::string& env = "") {
    return reckon::testing::run_program("/bin/sh", {"-c", "export PATH=\"" + dir + "/bin:$PATH\" " + env + "\n" + script}, dir);
}

std::string one_batch() {
    const auto r = run_reckon({"batch", "rulesets/iom-annual-report.reckon", "cases/iom", "--param", "report_year=2023"});
    REQUIRE(r.status == 0);
    return r.out;
}

}  // namespace

TEST_CASE("docs/scale.md: the xargs -P script runs 4 shards at once and merges them into one batch's output") {
    const std::string page = read_file(reckon::testing::source_dir() + "/docs/scale.md");
    const auto sh = blocks(page, "sh", "## On one machine");
    REQUIRE(!sh.empty());
    CHECK(sh[0].find("xargs -P 4") != std::string::npos);
    const std::string dir = script_dir();
    const auto r = shell(dir, sh[0]);
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(fs::exists(dir + "/partials/shard-4.jsonl"));
    CHECK(read_file(dir + "/cohort.txt") == one_batch());
}

TEST_CASE("docs/scale.md: the Kubernetes Indexed Job's command, run for each index as its pods run it, then the merge Job's") {
    const std::string page = read_file(reckon::testing::source_dir() + "/docs/scale.md");
    const auto manifests = blocks(page, "yaml", "## On Kubernetes");
    REQUIRE(manifests.size() == 2);
    const YAML::Node shards = YAML::Load(manifests[0]);
    const YAML::Node merge = YAML::Load(manifests[1]);
    CHECK(shards["kind"].as<std::string>() == "Job");
    CHECK(shards["spec"]["completionMode"].as<std::string>() == "Indexed");
    const int completions = shards["spec"]["completions"].as<int>();
    CHECK(completions == 4);
    auto command = [](const YAML::Node& job) {
        const YAML::Node c = job["spec"]["template"]["spec"]["containers"][0];
        CHECK(c["command"][0].as<std::string>() == "sh");
        CHECK(c["command"][1].as<std::string>() == "-c");
        return c["args"][0].as<std::string>();
    };
    const std::string dir = script_dir();
    for (int index = completions; index-- > 0;) {  // in any order
        const auto r = shell(dir, command(shards), "JOB_COMPLETION_INDEX=" + std::to_string(index));
        REQUIRE_MESSAGE(r.status == 0, r.err);
    }
    const auto r = shell(dir, command(merge));
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(read_file(dir + "/cohort.txt") == one_batch());
}

TEST_CASE("bench/peer.py, the Python peer of bench/run, gives reckon's figures for methodology A, to the penny") {
    const std::string dir = reckon::testing::temp_dir();
    REQUIRE(reckon::testing::run_program(RECKON_GEN_SUSSEX, {dir, "300"}).status == 0);
    const auto peer = reckon::testing::run_program("/usr/bin/python3", {reckon::testing::source_dir() + "/bench/peer.py", dir});
    REQUIRE_MESSAGE(peer.status == 0, peer.err);
    const auto ours = run_reckon({"batch", "rulesets/sussex-complex-client.reckon", dir, "--format", "jsonl"});
    REQUIRE(ours.status == 0);
    const auto theirs = reckon::testing::parse_jsonl(peer.out);
    const auto mine = reckon::testing::parse_jsonl(ours.out);
    REQUIRE(theirs.cases.size() == 300);
    REQUIRE(mine.cases.size() == 300);
    for (const auto& [id, outputs] : mine.cases) {
        CAPTURE(id);
        REQUIRE(theirs.cases.count(id));
        for (const char* figure : {"probation", "police", "court", "hostel", "drug_services", "prison", "nhs", "total"})
            CHECK(theirs.cases.at(id).at(figure).get<std::string>() == outputs.at(figure).at("value").get<std::string>());
    }
}
