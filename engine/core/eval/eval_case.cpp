// One case evaluated: its requirements checked, then every output, and what
// the cohort rules read from it.
#include "core/eval/eval.hpp"

namespace reckon {

void check_requires(const Program& p, Evaluator& ev, const Case& c) {
    std::vector<Diagnostic> errors;
    for (const auto& r : p.requires_) {
        if (ev.in_frame(*r.condition, r.frame).b()) continue;
        std::uint32_t at = c.input_at.at(r.input);
        const std::string& key = c.input_key.at(r.input).empty() ? p.inputs[r.input].path : c.input_key[r.input];
        errors.push_back(Diagnostic{Location{c.source.get(), at ? at - 1 : 0, 1}, key + ": " + r.message,
                                    {"required by the ruleset at " + r.where.str()}});
    }
    if (!errors.empty()) throw CompileError(std::move(errors));
}

namespace {
CaseResult outputs_of(Evaluator& ev, const Program& p, const Case& c, std::vector<Value>* cohort_row) {
    check_requires(p, ev, c);
    CaseResult r;
    r.case_id = c.id;
    r.outputs.reserve(p.outputs.size());
    for (int slot : p.outputs) r.outputs.push_back(ev.rule(slot));
    if (cohort_row)
        for (const auto& [is_input, slot] : p.cohort_fields) cohort_row->push_back(is_input ? c.inputs[slot] : ev.rule(slot));
    return r;
}
}  // namespace

CaseResult evaluate_outputs(const Program& p, const std::vector<Value>& params, const Case& c,
                            std::vector<Value>* cohort_row, const RunConstants* constants) {
    Evaluator ev(p, params, c.inputs);
    ev.set_constants(constants);
    return outputs_of(ev, p, c, cohort_row);
}

CaseResult evaluate_outputs(std::optional<Evaluator>& kept, const Program& p, const std::vector<Value>& params, const Case& c,
                            std::vector<Value>* cohort_row, const RunConstants* constants) {
    if (!kept) kept.emplace(p, params, c.inputs);
    else kept->reset(c.inputs);
    kept->set_constants(constants);
    return outputs_of(*kept, p, c, cohort_row);
}

}  // namespace reckon
