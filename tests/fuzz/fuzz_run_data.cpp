// libFuzzer target: bytes as a run data file (--run-data), read against the `run input`s of the value-for-money
// ruleset (methodology B's partnership contributions) as apply_run_data reads it. A read either gives every run
// input a value or throws CompileError with a message; never a crash, a hang or a sanitizer report.
#include "core/compile/compile.hpp"
#include "data/load_case.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::shared_ptr<reckon::Program> vfm =
        reckon::compile(std::string(RECKON_SOURCE_DIR) + "/rulesets/iom-value-for-money.reckon");
    auto src = std::make_shared<reckon::SourceFile>("fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size));
    try {
        const reckon::Case c = reckon::load_run_data(*vfm, src);
        if (c.inputs.size() != vfm->run_inputs.size()) __builtin_trap();
    } catch (const reckon::CompileError& e) {
        if (e.diagnostics().empty() || std::string(e.what()).empty()) __builtin_trap();
    }
    return 0;
}
