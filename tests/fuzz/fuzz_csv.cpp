// libFuzzer target: bytes as a CSV case table of methodology B (the IOM
// report), its header checked against the schema and every row loaded and
// evaluated; the second half of the bytes, after a line "--list--", as the
// table of the offences list.
#include "core/compile.hpp"
#include "core/eval.hpp"
#include "load_every_row.hpp"
#include "core/load_case_table.hpp"
#include "core/read_csv.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {
struct Ruleset {
    std::shared_ptr<reckon::Program> iom = reckon::compile(std::string(RECKON_SOURCE_DIR) + "/rulesets/iom-annual-report.reckon");
    std::vector<reckon::Value> params = reckon::bind_params(*iom);
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Ruleset r;
    const std::string text(reinterpret_cast<const char*>(data), size);
    const std::string marker = "\n--list--\n";
    const auto split = text.find(marker);
    auto cases = std::make_shared<reckon::SourceFile>("cases.csv", text.substr(0, split));
    try {
        std::vector<reckon::ListTable> lists;
        if (split != std::string::npos) {
            auto list = std::make_shared<reckon::SourceFile>("offences.csv", text.substr(split + marker.size()));
            lists.push_back({"offences", reckon::read_csv(list, std::nullopt)});
        }
        reckon::CaseTable table(*r.iom, reckon::read_csv(cases, std::nullopt), std::move(lists));
        reckon::fuzz::load_every_row(*r.iom, r.params, table);
    } catch (const reckon::CompileError& e) {
        if (std::string(e.what()).empty()) __builtin_trap();  // every error says something
    }
    return 0;
}
