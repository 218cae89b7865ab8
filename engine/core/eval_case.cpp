// One case evaluated: its requirements checked, then every output, and what
// the cohort rules read from it.
#include "eval.hpp"

namespace reckon {

CaseResult evaluate_outputs(const Program& p, const std::vector<Value>& params, const Case& c,
                            std::vector<Value>* cohort_row, const RunConstants* constants) {
    Evaluator ev(p, params, c.inputs);
    ev.set_constants(constants);
    check_requires(p, ev, c);
    CaseResult r;
    r.case_id = c.id;
    for (int slot : p.outputs) r.outputs.push_back(ev.rule(slot));
    if (cohort_row)
        for (const auto& [is_input, slot] : p.cohort_fields) cohort_row->push_back(is_input ? c.inputs[slot] : ev.rule(slot));
    return r;
}

}  // namespace reckon
