// libFuzzer target: bytes as a CSV case table of methodology B (the IOM
// report), its header checked against the schema and every row loaded and
// evaluated; the second half of the bytes, after a line "--list--", as the
// table of the offences list.
//
// Read two ways, which must agree: whole, from the text in memory, and as
// `reckon batch` reads files (CaseSource: a record at a time, joined row by
// row when the identifiers are in order). Where the whole text is a table,
// both must load the same cases, in the same order.
#include "data/case_source.hpp"
#include "core/compile/compile.hpp"
#include "core/eval/eval.hpp"
#include "data/load_case_table.hpp"
#include "data/read_csv.hpp"
#include "load_every_row.hpp"

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

namespace {
struct Ruleset {
    std::shared_ptr<reckon::Program> iom = reckon::compile(std::string(RECKON_SOURCE_DIR) + "/rulesets/iom-annual-report.reckon");
    std::vector<reckon::Value> params = reckon::bind_params(*iom);
    std::string dir = "/tmp/fuzz_csv." + std::to_string(getpid());
    Ruleset() { std::filesystem::create_directories(dir); }
};

// The identifiers of the cases that load, in order; the others fail as they should.
std::vector<std::string> loaded(const reckon::Program& p, const std::vector<reckon::Value>& params, const reckon::CaseTable& table) {
    reckon::fuzz::load_every_row(p, params, table);
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < table.size(); ++i) try {
            ids.push_back(table.load(i).id);
        } catch (const reckon::CompileError&) {
        }
    return ids;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Ruleset r;
    const std::string text(reinterpret_cast<const char*>(data), size);
    const std::string marker = "\n--list--\n";
    const auto split = text.find(marker);
    const std::string cases_text = text.substr(0, split), list_text = split == std::string::npos ? "" : text.substr(split + marker.size());
    std::optional<std::vector<std::string>> whole;
    try {
        std::vector<reckon::ListTable> lists;
        if (split != std::string::npos)
            lists.push_back({"offences", reckon::read_csv(std::make_shared<reckon::SourceFile>(r.dir + "/offences.csv", list_text), std::nullopt)});
        reckon::CaseTable table(*r.iom, reckon::read_csv(std::make_shared<reckon::SourceFile>(r.dir + "/cases.csv", cases_text), std::nullopt),
                                std::move(lists));
        whole = loaded(*r.iom, r.params, table);
    } catch (const reckon::CompileError& e) {
        if (std::string(e.what()).empty()) __builtin_trap();  // every error says something
    }
    // as batch reads the same bytes from files
    std::ofstream(r.dir + "/cases.csv", std::ios::binary | std::ios::trunc) << cases_text;
    std::vector<reckon::ListFile> list_files;
    if (split != std::string::npos) {
        std::ofstream(r.dir + "/offences.csv", std::ios::binary | std::ios::trunc) << list_text;
        list_files.push_back({"offences", r.dir + "/offences.csv"});
    }
    const reckon::TableOptions options;
    reckon::CaseSource source(*r.iom, r.dir + "/cases.csv", list_files, options);
    std::vector<std::string> streamed;
    while (auto item = source.next()) {
        try {
            reckon::Case c = item->load(*r.iom);
            streamed.push_back(c.id);
            try {
                reckon::evaluate_outputs(*r.iom, r.params, c);
            } catch (const reckon::EvalError&) {
            }
        } catch (const reckon::CompileError& e) {
            if (std::string(e.what()).empty()) __builtin_trap();
        } catch (const std::runtime_error& e) {
            if (std::string(e.what()).empty()) __builtin_trap();
        }
    }
    if (whole && *whole != streamed) __builtin_trap();  // the two readings disagree
    return 0;
}
