// The batch's results written in the order the cases were given, each case's parts folded into the cohort's running
// totals, then the table, the cohort of each run and the summary; or, for a shard, its partial result.
#include "commands/batch/batch.hpp"

#include "commands/batch/partial.hpp"
#include "core/eval/eval.hpp"

namespace reckon {

BatchWriter::BatchWriter(const Program& p, const std::vector<Value>& params, const BatchOptions& o, std::ostream& out,
                         std::ostream& err)
    : p_(p), params_(params), o_(o), out_(out), err_(err), sink_(p, o.format, !o.scenarios.empty()) {
    if (o.scenarios.empty()) plans_.emplace_back(p);
    for (const auto& sc : o.scenarios) plans_.emplace_back(*sc.program);
    totals_.reserve(plans_.size());  // the plans do not move from here: the totals point at them
    for (std::size_t k = 0; k < plans_.size(); ++k) totals_.emplace_back(plans_[k], o.scenarios.empty() ? p : *o.scenarios[k].program);
}

void BatchWriter::open() {
    if (o_.format != BatchFormat::table && !o_.partial) out_ << sink_.opening();  // the table's title comes with the table
}

void BatchWriter::write(Outcome& r) {
    ++s_.done;
    if (!r.ok) {
        ++s_.failed;
        err_ << r.failure.text;
    }
    for (std::size_t k = 0; k < r.parts.size(); ++k) totals_[k].add(r.position, std::move(r.parts[k]));
    if (o_.partial) {
        o_.partial->write_case(r);
        return;
    }
    if (o_.keep) o_.keep->cases.push_back({r.id, r.file, r.ok, std::move(r.outputs), r.failure});
    if (o_.keep_each)
        for (std::size_t k = 0; k < o_.keep_each->size(); ++k)
            (*o_.keep_each)[k].cases.push_back({r.id, r.file, r.ok, r.ok ? std::move(r.scenario_outputs[k]) : std::vector<Value>{}, r.failure});
    if (o_.format == BatchFormat::table) {
        r.parts.clear();
        r.failure = {};
        table_rows_.push_back(std::move(r));
    } else {
        out_ << r.line;
    }
}

// The cohort of a run over the cases that succeeded, under its params; empty when it fails.
std::vector<Value> BatchWriter::cohort_of(std::size_t run, const std::string* scenario) {
    const Program& p = o_.scenarios.empty() ? p_ : *o_.scenarios[run].program;
    if (p.cohort_outputs.empty()) return {};
    try {
        return cohort_figures(p, o_.scenarios.empty() ? params_ : o_.scenarios[run].params, totals_[run]);
    } catch (EvalError& e) {
        if (scenario) e.add_note("under scenario '" + *scenario + "'");
        err_ << render(e.diagnostic());
        s_.cohort_failed = true;
    }
    return {};
}

// After every case: the table, the cohort (under each scenario, when there are scenarios), the summary.
void BatchWriter::finish(std::size_t cases) {
    if (o_.partial) {
        o_.partial->finish(cases, totals_);
        return;
    }
    s_.cases = cases;
    if (o_.format == BatchFormat::table && !(s_.cases > 0 && s_.failed == s_.cases)) {  // no table of nothing: the errors are on stderr
        out_ << sink_.opening();
        if (s_.failed)  // above every figure
            out_ << s_.failed << " of " << s_.cases << " cases failed and are left out of every figure (their errors are "
                 << "in the table and above)\n\n";
        out_ << sink_.table(table_rows_);
    }
    if (!o_.scenarios.empty()) {
        std::vector<std::vector<Value>> each;
        for (std::size_t k = 0; k < o_.scenarios.size(); ++k) {
            each.push_back(cohort_of(k, &o_.scenarios[k].name));
            sink_.scenario_cohort(out_, o_.scenarios[k].name, each.back());
            if (o_.keep_each) (*o_.keep_each)[k].cohort = each.back();
        }
        std::vector<std::string> names;
        for (const auto& sc : o_.scenarios) names.push_back(sc.name);
        sink_.scenario_summary(out_, names, each, s_.cases, s_.failed);
        return;
    }
    std::vector<Value> values = cohort_of(0, nullptr);
    const bool shown = !p_.cohort_outputs.empty() && !s_.cohort_failed;
    if (o_.keep && shown) o_.keep->cohort = values;
    if (o_.cohort && shown) *o_.cohort = values;
    if (o_.format == BatchFormat::table && s_.cases > 0 && s_.failed == s_.cases) return;
    sink_.cohort(out_, values, shown, s_.cases, s_.failed);
}

}  // namespace reckon
