// The run constants computed for a run (fold_constants.hpp): each part that compile marked evaluated once under the
// run's params, by an evaluator with no case; a part that fails is left for each case to meet. Then the run's rules
// and functions are compiled against them (run_constants.hpp).
#include "core/eval/fold_constants.hpp"

#include "core/eval/eval.hpp"

namespace reckon {

RunConstants run_constants(const Program& p, const std::vector<Value>& params) {
    RunConstants out;
    out.values.resize(p.constants.size());
    out.known.assign(p.constants.size(), 0);
    const std::vector<Value> no_inputs(p.inputs.size());
    Evaluator ev(p, params, no_inputs);
    for (std::size_t i = 0; i < p.constants.size(); ++i) {
        try {
            out.values[i] = ev.constant(*p.constants[i]);
            out.known[i] = 1;
        } catch (const EvalError&) {
            // left to each case, which meets the error with its chain of rules
        }
    }
    out.code = std::make_shared<const CompiledRules>(p, out);
    return out;
}

}  // namespace reckon
