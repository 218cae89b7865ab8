// One case of a batch evaluated: loaded, each run's outputs and cohort parts, or the failure as batch reports it.
#include "commands/batch/case_evaluation.hpp"

#include "core/eval/eval.hpp"
#include "core/eval/fold_constants.hpp"
#include "commands/present/failure.hpp"
#include "data/git_blob.hpp"

namespace reckon {

std::string case_note(const std::string& id, const std::string& file, std::uint32_t document) {
    return "in case " + id + " (" + file + (document ? ", document " + std::to_string(document) : "") + ")";
}

std::string case_content(const CaseItem& item) {
    if (!item.doc.source || item.table || item.rows) return "";
    return git_blob_id(item.doc.source->text());
}

CaseEvaluator::CaseEvaluator(const Program& p, const std::vector<Value>& params, BatchFormat format, const std::vector<BoundScenario>& scenarios,
                             const std::vector<FoldPlan>& plans, bool keep, bool partial)
    : p_(p), params_(params), scenarios_(scenarios), plans_(plans), keep_(keep), partial_(partial), sink_(p, format, !scenarios.empty()) {
    if (scenarios.empty()) constants_.push_back(run_constants(p, params));
    for (const auto& sc : scenarios) constants_.push_back(run_constants(*sc.program, sc.params));
}

Outcome CaseEvaluator::evaluate(const CaseTask& t, Scratch& scratch) const {
    scratch.resize(constants_.size());
    Outcome out;
    const std::string& file = t.file;
    out.position = t.position;
    out.id = t.item.name;
    out.document = t.item.doc.in_stream ? t.item.doc.number : 0;
    out.file = file;
    if (partial_) out.content = case_content(t.item);
    try {
        Case c = t.item.load(p_);
        if (t.item.doc.in_stream && p_.case_id_input < 0) c.id = out.id;
        out.id = c.id;
        // which case met an error, where it is said: a rule's (whose place is the ruleset's) or the cohort's
        const std::string note = case_note(c.id, file, out.document);
        // run k: its outputs, its record kept (a partial result) and its parts of the cohort's totals
        auto one = [&](std::size_t k, const Program& p, const std::vector<Value>& params, const std::string* scenario) {
            std::vector<Value> record;
            CaseResult r = evaluate_outputs(scratch[k], p, params, c, plans_[k].any() ? &record : nullptr, &constants_[k]);
            sink_.succeeded(out, r, scenario);
            if (partial_) out.records.push_back(plans_[k].any() ? Value::list(record) : Value());
            out.parts.push_back(plans_[k].any() ? case_parts(plans_[k], p, params, Value::list(std::move(record)), nullptr, note) : CaseParts{});
            return std::move(r.outputs);
        };
        try {
            if (scenarios_.empty()) {
                auto outputs = one(0, p_, params_, nullptr);
                if (keep_) out.outputs = std::move(outputs);
            } else {  // the case read once, evaluated under each scenario
                for (std::size_t k = 0; k < scenarios_.size(); ++k) {
                    const auto& sc = scenarios_[k];
                    try {
                        auto outputs = one(k, *sc.program, sc.params, &sc.name);
                        if (keep_) out.scenario_outputs.push_back(std::move(outputs));
                    } catch (EvalError& e) {
                        e.add_note("under scenario '" + sc.name + "'");
                        throw;
                    }
                }
            }
        } catch (EvalError& e) {
            e.add_note(note);
            throw;
        }
        out.ok = true;
    } catch (const std::exception&) {
        out.failure = current_failure();
    }
    if (!out.ok) {
        out.parts.clear();
        out.records.clear();
        out.scenario_outputs.clear();
        out.line.clear();
        sink_.failed(out);
    }
    return out;
}

}  // namespace reckon
