// libFuzzer target: bytes as a scenarios file (--scenarios), read as batch, report, eval and diff read it. A
// read either gives scenarios whose names are all different, each with its params each set once, or throws
// CompileError with a message; never a crash, a hang or a sanitizer report.
#include "data/load_case.hpp"

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto src = std::make_shared<reckon::SourceFile>("fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size));
    const reckon::Limits limits;
    try {
        const std::vector<reckon::Scenario> scenarios = reckon::read_scenarios(src, limits);
        if (scenarios.empty()) __builtin_trap();  // an empty file is an error, not no scenarios
        std::set<std::string> names;
        for (const auto& sc : scenarios) {
            if (!names.insert(sc.name).second) __builtin_trap();  // one name, one scenario
            std::set<std::string> params;
            for (const auto& s : sc.settings)
                if (!params.insert(s.param).second) __builtin_trap();  // one param, one value
        }
    } catch (const reckon::CompileError& e) {
        if (e.diagnostics().empty() || std::string(e.what()).empty()) __builtin_trap();
    }
    return 0;
}
