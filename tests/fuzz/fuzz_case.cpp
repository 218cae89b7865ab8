// libFuzzer targets: bytes as a case file, read against the schemas of the
// real rulesets (methodology A and B): fuzz_case only loads it; fuzz_eval
// (built with RECKON_FUZZ_EVAL) also evaluates every output and the cohort.
#include "data/load_case.hpp"
#include "core/compile/compile.hpp"
#include "core/eval/eval.hpp"
#include "commands/present/present.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {
struct Rulesets {
    std::shared_ptr<reckon::Program> sussex = reckon::compile(std::string(RECKON_SOURCE_DIR) + "/rulesets/sussex-complex-client.reckon");
    std::shared_ptr<reckon::Program> iom = reckon::compile(std::string(RECKON_SOURCE_DIR) + "/rulesets/iom-annual-report.reckon");
    std::vector<reckon::Value> sussex_params = reckon::bind_params(*sussex);
    std::vector<reckon::Value> iom_params = reckon::bind_params(*iom);
};

void run(const reckon::Program& p, const std::vector<reckon::Value>& params, const std::string& text) {
    auto src = std::make_shared<reckon::SourceFile>("fuzz.yaml", text);
    try {
        reckon::Case c = reckon::load_case(p, src);
#ifdef RECKON_FUZZ_EVAL
        std::vector<reckon::Value> row;
        reckon::CaseResult r = reckon::evaluate_outputs(p, params, c, &row);
        std::string shown = reckon::render_json(p, r);
        if (!p.cohort_outputs.empty()) {  // the cohort of this one case
            reckon::Value cases = reckon::Value::list({reckon::Value::list(std::move(row))});
            reckon::Evaluator ev(p, params, cases);
            for (int slot : p.cohort_outputs) ev.rule(slot);
        }
#else
        (void)params;
        if (c.inputs.size() != p.inputs.size()) __builtin_trap();
#endif
    } catch (const reckon::CompileError& e) {
        if (std::string(e.what()).empty()) __builtin_trap();
    } catch (const reckon::EvalError& e) {
        if (reckon::render(e.diagnostic()).empty()) __builtin_trap();
    }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Rulesets r;
    std::string text(reinterpret_cast<const char*>(data), size);
    run(*r.sussex, r.sussex_params, text);
    run(*r.iom, r.iom_params, text);
    return 0;
}
