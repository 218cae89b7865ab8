// libFuzzer target: bytes as a shard's partial result (`reckon batch --shard K/N --partial FILE`), read back
// as merge reads it: the header, every case line, the end line and each run's totals folded into the cohort of
// the IOM annual report. The bytes get a correct checksum line added (the last line), so that the fuzzer
// reaches what is behind the checksum: a file a forger wrote. A read either succeeds or throws with a message.
#include "commands/batch/partial.hpp"
#include "core/compile/compile.hpp"
#include "core/eval/cohort_fold.hpp"

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::shared_ptr<reckon::Program> iom =
        reckon::compile(std::string(RECKON_SOURCE_DIR) + "/rulesets/iom-annual-report.reckon");
    static const reckon::FoldPlan plan(*iom);
    static const std::string path = "/tmp/fuzz_partial." + std::to_string(::getpid()) + ".jsonl";
    std::istringstream lines(std::string(reinterpret_cast<const char*>(data), size));
    std::string text;
    reckon::PartialChecksum checksum;
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("{\"checksum\"", 0) == 0) continue;  // the fuzzer's own: ours is added
        checksum.add(line);
        text += line + "\n";
    }
    text += "{\"checksum\":\"" + checksum.hex() + "\"}\n";
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
    try {
        reckon::PartialReader r(path);
        while (r.next()) {}
        for (std::size_t k = 0; k < r.runs(); ++k) {
            reckon::CohortTotals totals(plan, *iom);
            r.add_totals(k, totals);
        }
    } catch (const std::exception& e) {
        if (std::string(e.what()).empty()) __builtin_trap();
    }
    return 0;
}
